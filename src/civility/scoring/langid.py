"""Language identification for chat messages: script, lexicon and py3langid evidence combined.

py3langid alone is good on long texts and unreliable on short ones ("hello" came out as
Italian, "nice post" as Czech). Each text here gets, in order of trust:

1. script evidence: the writing system (Cyrillic is Russian unless Ukrainian, Belarusian,
   Serbian, Macedonian or Kazakh letters or words appear; kana is Japanese, ...) and
   language-specific Latin letters (ğ ı ş: Turkish, ß: German, ñ ¿ ¡: Spanish, ã õ:
   Portuguese, œ: French, ł ą ę: Polish, ...);
2. votes of a team-written lexicon of frequent function, chat and insult words and of chat
   vocabulary (``scoring/langid_words.py``), plus the pool's distinctive words. A word in one
   language's list votes for it; a word in several lists votes for none, but narrows the
   choice to those languages; a two-word chat expression of one language (``PHRASES``: "que
   tal", "tudo bem", "ça va") votes for it as strongly as its own letter;
3. py3langid's naive Bayes scores over ``NB_LANGS``, tempered by sqrt(bytes) as py3langid
   does when it normalises;
4. a character 1-4-gram naive Bayes trained on the training pool's texts
   (``scoring/langid_ngrams.py``, calibrated on pool windows), for texts 1-3 leave ``und``.

The answer comes from 1-2 when they single out a supported language. Otherwise py3langid
decides, among the languages 1-2 leave open, only when its probability clears a bar that is
higher the shorter the text (``NB_BARS``); failing that, ``und``. From ``LONG_WORDS`` words on,
py3langid leads and the lexicon overrules it only by a wide margin. Languages outside
``SUPPORTED`` are answered only when letters or words point to them and py3langid agrees, or
for longer texts, so they cannot take short texts from the supported ones. A Latin-script
text still ``und`` then gets ``combined``'s answer when its probability clears ``NGRAM_P``:
py3langid's share for French (no pool rows), the n-gram model's posterior among the pool
languages, conditioned on the languages the lexicon leaves open.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from civility.scoring.langid_ngrams import NgramModel
from civility.scoring.langid_pool_words import POOL_WORDS
from civility.scoring.langid_words import (
    CHAT_WORDS,
    CYRILLIC_WORDS,
    EVERYDAY_WORDS,
    FEW,
    INSULTS,
    OTHER_WORDS,
    PHRASES,
    SHARED,
    WORDS,
)
from civility.scoring.normalize import BATCHED_FROM, pre_translate, translated

F64 = npt.NDArray[np.float64]

UNDETERMINED: Final[str] = "und"
SUPPORTED: Final[tuple[str, ...]] = ("en", "es", "it", "tr", "ru", "de", "pt", "fr")
# py3langid's candidates: the supported languages and common others (its full 97 mostly add
# noise on chat texts, see the model card).
NB_LANGS: Final[tuple[str, ...]] = (
    "en", "es", "it", "tr", "ru", "de", "fr", "pt", "nl", "pl", "uk", "sv", "cs", "ro",
    "ar", "fa", "hi", "id", "zh", "ja", "ko", "el", "he", "bg",
)  # fmt: skip
# A vote that only says "none of the supported languages" (letters such as ø, ő, ə).
OTHER: Final[str] = "xx"

# A lexical answer needs this many votes and this lead over the runner-up.
MIN_VOTES: Final[float] = 1.0
MIN_LEAD: Final[float] = 0.5
# English words travel into every chat language ("get free-vbucks now, pendejo"), so when
# another language has a vote too, English ones count this much.
ENGLISH_LOAN_WEIGHT: Final[float] = 0.5
# Weight of an insult outside English: people curse in their own language.
INSULT_WEIGHT: Final[float] = 2.0
# Weight of a letter only one supported language writes (ğ ı ş ß ñ ã õ œ).
LETTER_WEIGHT: Final[float] = 2.0
# Weight of a two-word chat expression of one language (``PHRASES``: "que tal", "ça va"): as
# strong as that language's own letter, since each of its words may belong to several.
PHRASE_WEIGHT: Final[float] = 2.0
# Texts of at most this many words are short: py3langid may not answer an unsupported
# language for them on its own.
SHORT_WORDS: Final[int] = 5
# From this many words on, py3langid leads unless the lexicon is overwhelming: this many
# votes for one supported language and this share of all votes. Then py3langid is not run:
# on the pool's long texts the lexicon then agreed with the final answer every time.
LONG_WORDS: Final[int] = 12
LONG_LEXICON_VOTES: Final[float] = 4.0
LONG_LEXICON_SHARE: Final[float] = 0.8
# py3langid alone: (minimum letters, minimum probability), most letters first. Chosen on
# random 1-5 word windows of the training pool, where these bars keep its answers about 99%
# right; texts with fewer letters than the last entry are never answered by it alone.
NB_BARS: Final[tuple[tuple[int, float], ...]] = ((20, 0.75), (12, 0.85), (8, 0.9), (6, 0.95))
# py3langid choosing among the few languages the lexicon leaves open (its probability
# renormalised to them), and between Cyrillic languages on long texts.
NB_AMONG_P: Final[float] = 0.9
NB_LONG_P: Final[float] = 0.6
TOKEN_CACHE: Final[int] = 1 << 16
# The n-gram stage (``langid_ngrams``): a Latin-script text the rules leave ``und`` is answered
# when one supported language has at least NGRAM_P of ``combined``'s probability, the text has
# at least NGRAM_MIN_LETTERS letters, and py3langid is not at least NGRAM_OTHER_VETO sure of an
# unsupported language. Chosen on the development sets (bench/data langid v1-v3, the team's
# tests/scoring/data/langid_dev.tsv) and 1-5 word pool windows, as the highest answer rate at
# which wrong answers stayed under 1% on each and no language-neutral or other-language text
# was taken for a supported language (see the model card's language section).
NGRAM_P: Final[float] = 0.9
NGRAM_MIN_LETTERS: Final[int] = 6
NGRAM_OTHER_VETO: Final[float] = 0.5

_HAS_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_LATIN_RE: Final = re.compile(r"[a-zß-öø-ÿĀ-ɏ]")
_CYRILLIC_RE: Final = re.compile(r"[Ѐ-ԯ]")
_TOKEN_RE: Final = re.compile(r"[^\W_]+(?:[*'’]+[^\W_]+)*")
_DIGIT_RE: Final = re.compile(r"\d")
_REPEAT3_RE: Final = re.compile(r"(.)\1{2,}")
_LEET: Final = str.maketrans("013457", "oieast")
_NOT_ASCII_LETTERS: Final = bytes(b for b in range(256) if not chr(b).isalpha())
_ASCII_BLANKS: Final = str.maketrans(
    {chr(b): " " for b in range(128) if not (chr(b).isalnum() or chr(b) in "*'")}
)
_ENGLISH_CLITICS: Final = frozenset({"s", "re", "ll", "ve", "t", "d", "m"})

# (pattern, language) for words no list can enumerate: laughter, and endings that only one
# supported language writes (checked against the pool's frequent words of the others).
_PATTERNS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"(?:j+[aeiou]+){2,}j*"), "es"),
    (re.compile(r"\w+(?:ción|ciones)"), "es"),
    (re.compile(r"k{3,}|(?:rs){2,}|(?:hue){2,}"), "pt"),
    (re.compile(r"\w{2,}(?:ção|ções|cao|coes|inho|inha|inhos|inhas)"), "pt"),
    (re.compile(r"\w+[ln]h(?:[aoe]s?|ar|or|ores|ado|ada|ando)"), "pt"),
    (re.compile(r"\w+(?:zione|zioni)"), "it"),
    (re.compile(r"\w+(?:ungen|keit|keiten|heit|heiten|schaft|lich|lichen|licher)"), "de"),
    (re.compile(r"\w+(?:eux|euse|euses|eaux)"), "fr"),
    (re.compile(r"[a-zçğıöşü]{2,}[iıuü]yor[a-zçğıöşü]*"), "tr"),
    (re.compile(r"[a-zçğıöşü]{3,}(?:mak|mek)"), "tr"),
)

# Script of a text mostly in neither Latin nor Cyrillic letters: the first match decides.
_SCRIPTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),  # kana (Japanese mixes it with kanji)
    (re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"), "ko"),
    (re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"), "zh"),
    (re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), "el"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0600-\u06ff\u0750-\u077f]"), "ar"),  # ar or fa: py3langid picks
    (re.compile(r"[\u0900-\u097f]"), "hi"),
)
_ARABIC_SCRIPT: Final[tuple[str, ...]] = ("ar", "fa")

# Letter -> votes (once per text): a letter one supported language writes, letters a few
# share, and letters that point away from all of them.
_LETTER_VOTES: Final[dict[str, dict[str, float]]] = {
    "ğ": {"tr": LETTER_WEIGHT}, "ı": {"tr": LETTER_WEIGHT}, "ş": {"tr": LETTER_WEIGHT},
    "ß": {"de": LETTER_WEIGHT}, "ñ": {"es": LETTER_WEIGHT}, "¿": {"es": LETTER_WEIGHT},
    "¡": {"es": LETTER_WEIGHT}, "ã": {"pt": LETTER_WEIGHT}, "õ": {"pt": LETTER_WEIGHT},
    "œ": {"fr": LETTER_WEIGHT},
    "ä": {"de": 0.5}, "ö": {"de": 0.5, "tr": 0.5}, "ü": {"de": 0.5, "tr": 0.5},
    "ç": {"pt": 0.33, "fr": 0.33, "tr": 0.33},
    "â": {"pt": 0.5, "fr": 0.5}, "ê": {"pt": 0.5, "fr": 0.5}, "ô": {"pt": 0.5, "fr": 0.5},
    "à": {"it": 0.33, "fr": 0.33, "pt": 0.33}, "è": {"it": 0.5, "fr": 0.5},
    "ù": {"it": 0.5, "fr": 0.5}, "ì": {"it": 1.0}, "ò": {"it": 1.0},
    "î": {"fr": 1.0}, "û": {"fr": 1.0}, "ë": {"fr": 0.5}, "ï": {"fr": 0.5},
    "é": {"es": 0.25, "fr": 0.25, "pt": 0.25, "it": 0.25},
    "á": {"es": 0.5, "pt": 0.5}, "í": {"es": 0.5, "pt": 0.5}, "ó": {"es": 0.5, "pt": 0.5},
    "ú": {"es": 0.5, "pt": 0.5},
    "ł": {"pl": 2.0}, "ą": {"pl": 2.0}, "ę": {"pl": 2.0}, "ś": {"pl": 2.0}, "ź": {"pl": 2.0},
    "ż": {"pl": 2.0}, "ń": {"pl": 2.0}, "ć": {"pl": 1.0, OTHER: 1.0},
    "ř": {"cs": 2.0}, "ě": {"cs": 2.0}, "ů": {"cs": 2.0},
    "č": {"cs": 1.0, OTHER: 1.0}, "š": {"cs": 1.0, OTHER: 1.0}, "ž": {"cs": 1.0, OTHER: 1.0},
    "ť": {"cs": 1.0, OTHER: 1.0}, "ď": {"cs": 1.0, OTHER: 1.0}, "ň": {"cs": 1.0, OTHER: 1.0},
    "ș": {"ro": 2.0}, "ț": {"ro": 2.0}, "ă": {"ro": 2.0}, "å": {"sv": 2.0},
    "ő": {OTHER: 2.0}, "ű": {OTHER: 2.0}, "ø": {OTHER: 2.0}, "æ": {OTHER: 2.0},
    "ð": {OTHER: 2.0}, "þ": {OTHER: 2.0}, "ə": {OTHER: 2.0}, "đ": {OTHER: 2.0},
    "ė": {OTHER: 2.0}, "į": {OTHER: 2.0}, "ų": {OTHER: 2.0}, "ā": {OTHER: 2.0},
    "ē": {OTHER: 2.0}, "ī": {OTHER: 2.0}, "ū": {OTHER: 2.0}, "ľ": {OTHER: 2.0},
}  # fmt: skip
_LETTER_RE: Final = re.compile("[" + "".join(_LETTER_VOTES) + "]")

# Cyrillic letters that settle the language, and those that rule Russian in or out.
_CYRILLIC_LANGS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"[ў]"), "be"),
    (re.compile(r"[јљњћђџ]"), "sr"),
    (re.compile(r"[ѓќѕ]"), "mk"),
    (re.compile(r"[әғқңөұүһ]"), "kk"),
)
# The same tests as substring checks (a regex search per pattern cost more than the rest).
_CYRILLIC_LETTERS: Final[tuple[tuple[str, str], ...]] = tuple(
    (pattern.pattern[1:-1], lang) for pattern, lang in _CYRILLIC_LANGS
)
_UKRAINIAN_RE: Final = re.compile(r"[іїєґ]")
_RUSSIAN_ONLY_RE: Final = re.compile(r"[ыэё]")
_CYRILLIC_NB: Final[tuple[str, ...]] = ("ru", "uk", "bg")


def strip_accents(word: str) -> str:
    """The word without combining marks (dotless i as i, ß as ss)."""
    decomposed = unicodedata.normalize("NFD", word.replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


# Languages whose lists hold a word, and its weight.
Entry = tuple[frozenset[str], float]
# A token's vote: (language, weight, its entry's languages), or (None, 0.0, languages) for a
# word several languages share.
Vote = tuple[str | None, float, frozenset[str]]
_NONE: Final[Entry] = (frozenset(), 0.0)
WordLists = Mapping[str, str | Sequence[str]]


def _words(listing: str | Sequence[str]) -> Sequence[str]:
    """Words of a list given as one whitespace-separated string or as a sequence."""
    return listing.split() if isinstance(listing, str) else listing


def _build_index(pool_words: WordLists) -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Word -> entry, for words as written and for their accent-free forms."""
    exact: dict[str, Entry] = {}
    loose: dict[str, Entry] = {}

    def add(index: dict[str, Entry], word: str, lang: str, weight: float) -> None:
        langs, old = index.get(word, _NONE)
        index[word] = (langs | {lang}, max(weight, old))

    lists = [(lang, _words(text), 1.0) for lang, text in WORDS.items()]
    lists += [(lang, _words(text), 1.0) for lang, text in CHAT_WORDS.items()]
    lists += [(lang, _words(text), 1.0) for lang, text in EVERYDAY_WORDS.items()]
    lists += [(lang, _words(text), 1.0) for lang, text in pool_words.items()]
    lists += [(lang, _words(text), INSULT_WEIGHT) for lang, text in INSULTS.items()]
    lists += [(lang, [word], 1.0) for word, langs in FEW.items() for lang in langs.split()]
    for lang, words, weight in lists:
        for word in words:
            add(exact, word, lang, weight)
            add(loose, strip_accents(word), lang, weight)
    # Other languages' words only as written: "mår" typed as "mar" is more likely Spanish.
    for lang, text in OTHER_WORDS.items():
        for word in text.split():
            add(exact, word, lang, 1.0)
            if strip_accents(word) == word:
                add(loose, word, lang, 1.0)
    for word in SHARED.split():
        exact[word] = loose[strip_accents(word)] = _NONE
    return exact, loose


def _build_phrases(phrases: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """First word -> second word -> language, as written and accent-free.

    A pair two languages' lists hold (or that strips to another language's pair) is dropped:
    it names neither.
    """
    seen: dict[tuple[str, str], set[str]] = {}
    for lang, text in phrases.items():
        for phrase in text.split("|"):
            words = phrase.split()
            if len(words) != 2:
                continue
            for form in {tuple(words), tuple(strip_accents(w) for w in words)}:
                seen.setdefault((form[0], form[1]), set()).add(lang)
    out: dict[str, dict[str, str]] = {}
    for (first, second), langs in seen.items():
        if len(langs) == 1:
            out.setdefault(first, {})[second] = next(iter(langs))
    return out


class Lexicon:
    """The word index: hand-written lists plus the pool's (``langid_pool_words``)."""

    def __init__(
        self, pool_words: WordLists = POOL_WORDS, phrases: Mapping[str, str] = PHRASES
    ) -> None:
        self._exact, self._loose = _build_index(pool_words)
        self.phrases = _build_phrases(phrases)
        self.entries = lru_cache(maxsize=TOKEN_CACHE)(self._entries)
        self.votes = lru_cache(maxsize=TOKEN_CACHE)(self._votes)

    def _votes(self, word: str) -> tuple[Vote, ...]:
        """``entries`` as ``evidence`` spends them (``Vote``); entries of no language dropped."""
        out: list[Vote] = []
        for langs, weight in self.entries(word):
            if len(langs) == 1:
                out.extend((lang, weight, langs) for lang in langs)
            elif langs:
                out.append((None, 0.0, langs))
        return tuple(out)

    def _lookup(self, word: str) -> Entry | None:
        """The entry for one lowercased word, or None when no list knows it.

        A word typed without accents may be any language's accented word, so it gets the
        languages of every form that strips to it; a word with accents gets only its own (the
        accent-free form of "iş" is English "is").
        """
        if word.isascii() or strip_accents(word) == word:
            return self._loose.get(word)
        return self._exact.get(word)

    def _entries(self, word: str) -> tuple[Entry, ...]:
        """Entries of one lowercased token: lexicon (repeats squeezed), patterns, elisions."""
        word = word.replace("’", "'").strip("'*")
        if not word:
            return ()
        if _DIGIT_RE.search(word):
            if not word[0].isalpha():
                return ()  # "1st", "2day": numbers, not leetspeak
            word = word.translate(_LEET)
        hit = self._lookup(word)
        if hit is not None:
            return (hit,)
        for pattern, lang in _PATTERNS:
            if pattern.fullmatch(word):
                return ((frozenset({lang}), 1.0),)
        if _REPEAT3_RE.search(word):
            for form in (_REPEAT3_RE.sub(r"\1\1", word), _REPEAT3_RE.sub(r"\1", word)):
                hit = self._lookup(form)
                if hit is not None:
                    return (hit,)
        if "'" in word:
            head, _, tail = word.partition("'")
            hit = self._lookup(head)
            if hit is not None and hit[0]:
                return (hit,)  # "gibt's"
            if tail in _ENGLISH_CLITICS:
                return ((frozenset({"en"}), 1.0),)  # "don't", "someone's"
            parts = (head + "'", tail)
            return tuple(hit for part in parts if (hit := self._lookup(part)) is not None)
        return ()


DEFAULT_LEXICON: Final = Lexicon()


def word_entries(word: str) -> tuple[Entry, ...]:
    """Entries of one lowercased token in the default lexicon."""
    return DEFAULT_LEXICON.entries(word)


def _cyrillic_index() -> dict[str, str]:
    """Cyrillic word -> the one language whose list holds it (words in several lists dropped)."""
    seen: dict[str, set[str]] = {}
    for lang, text in CYRILLIC_WORDS.items():
        for word in text.split():
            seen.setdefault(word, set()).add(lang)
    return {word: next(iter(langs)) for word, langs in seen.items() if len(langs) == 1}


_CYRILLIC_INDEX: Final = _cyrillic_index()


@dataclass(slots=True)
class Evidence:
    """What a text shows before py3langid: an answer when the script settles it, or votes."""

    cleaned: str = ""
    answer: str | None = None
    votes: dict[str, float] = field(default_factory=dict)
    # Languages every ambiguous word belongs to (None: no such words, or they disagree).
    among: frozenset[str] | None = None
    words: int = 0
    letters: int = 0
    # The few languages py3langid must choose among (Arabic script, some Cyrillic texts).
    nb_among: tuple[str, ...] | None = None
    cyrillic: bool = False
    tokens: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Folded, lowercased text without URLs, @mentions and emoji (they name no language)."""
    return pre_translate(text, emoji_words=False)


def tokens_of(cleaned: str) -> list[str]:
    """The words of a cleaned text (``_TOKEN_RE``), ASCII texts without the regex engine.

    For ASCII, ``[^\\W_]`` is ``[a-z0-9]``: blanking every other character but ``*`` and ``'``
    leaves chunks that are tokens once their edge ``*``/``'`` are stripped (inside a chunk such
    marks always sit between letters), which is what the pattern matches.
    """
    if not cleaned.isascii():
        return _TOKEN_RE.findall(cleaned)
    blanked = cleaned.translate(_ASCII_BLANKS)
    if "*" not in blanked and "'" not in blanked:
        return blanked.split()
    return [w for chunk in blanked.split() if (w := chunk.strip("*'"))]


# Per code point below _SCAN_SIZE, what the patterns above test one character at a time:
# _HAS_LETTER_RE, _LATIN_RE, _CYRILLIC_RE, and the characters _TOKEN_RE's tokens are made of
# (``[^\\W_]``, then its joiners). re's \\w is str.isalnum() or "_", and \\d is isdecimal().
_SCAN_SIZE: Final[int] = 0x30000
S_LETTER, S_LATIN, S_CYRILLIC, S_TOKEN = 1, 2, 4, 8


@lru_cache(maxsize=1)
def _scan_table() -> npt.NDArray[np.uint8]:
    """The character classes of ``_scan`` (built on first use: ~40 ms)."""
    table = np.zeros(_SCAN_SIZE, dtype=np.uint8)
    for cp in range(_SCAN_SIZE):
        ch = chr(cp)
        if ch.isalnum():
            table[cp] = S_TOKEN if ch.isdecimal() else S_TOKEN | S_LETTER
    table[[ord(ch) for ch in "*'’"]] |= S_TOKEN
    latin = [*range(ord("a"), ord("z") + 1), *range(ord("ß"), ord("ö") + 1)]
    latin += [*range(ord("ø"), ord("ÿ") + 1), *range(ord("Ā"), ord("ɏ") + 1)]
    table[latin] |= S_LATIN
    table[ord("Ѐ") : ord("ԯ") + 1] |= S_CYRILLIC
    return table


class Scan(NamedTuple):
    """A text's cleaned form, letter counts (all, Latin, Cyrillic) and ``_TOKEN_RE`` tokens."""

    cleaned: str
    letters: int
    latin: int
    cyrillic: int
    tokens: list[str]


def scan(text: str, cleaned: str | None = None) -> Scan:
    """``Scan`` of one text, with the regular expressions."""
    if cleaned is None:
        cleaned = clean(text)
    if cleaned.isascii():
        letters = len(cleaned.encode().translate(None, _NOT_ASCII_LETTERS))
        return Scan(cleaned, letters, letters, 0, tokens_of(cleaned))
    return Scan(
        cleaned,
        len(_HAS_LETTER_RE.findall(cleaned)),
        len(_LATIN_RE.findall(cleaned)),
        len(_CYRILLIC_RE.findall(cleaned)),
        _TOKEN_RE.findall(cleaned),
    )


def scan_many(texts: Sequence[str]) -> list[Scan]:
    """``scan`` of every text from one pass over the batch's code points.

    Per text, three ``findall`` to count letters and one to split words were most of
    ``evidence``'s ~30 us on a Cyrillic chat message; table lookups over the batch give the
    same counts and, with every non-token character blanked, the same words (``tokens_of``'s
    argument holds for any script: inside a run of token characters, ``*'’`` always sit between
    letters once the run's edges are stripped).
    """
    if len(texts) < BATCHED_FROM:
        return [scan(t) for t in texts]
    c = translated(texts, emoji_words=False)
    seps = np.flatnonzero(c == 0)  # a text's own NULs are spaces by now
    table = _scan_table()
    cls = table.take(np.minimum(c, _SCAN_SIZE - 1))
    high = c >= _SCAN_SIZE
    ends = seps + 1
    counts = []
    for flag in (S_LETTER, S_LATIN, S_CYRILLIC):
        total = np.cumsum((cls & flag) != 0)[seps]
        counts.append(np.diff(total, prepend=0).tolist())
    letters, latin, cyrillic = counts
    blanked = np.where((cls & S_TOKEN) != 0, c, np.uint32(32))
    blanked[seps] = 0
    cleaned = c.tobytes().decode("utf-32-le").split("\x00")
    parts = blanked.tobytes().decode("utf-32-le").split("\x00")
    odd = set(np.searchsorted(ends, np.flatnonzero(high), side="right").tolist())
    out: list[Scan] = []
    for i, text in enumerate(cleaned[:-1]):
        if i in odd:  # code points past the table: the regular expressions decide
            out.append(scan(texts[i], text))
            continue
        part = parts[i]
        if "*" in part or "'" in part or "’" in part:
            tokens = [w for chunk in part.split() if (w := chunk.strip("*'’"))]
        else:
            tokens = part.split()
        if text.isascii():
            out.append(Scan(text, letters[i], letters[i], 0, tokens))
        else:
            out.append(Scan(text, letters[i], latin[i], cyrillic[i], tokens))
    return out


def evidence(
    text: str, lexicon: Lexicon = DEFAULT_LEXICON, scanned: Scan | None = None
) -> Evidence:
    """Script and lexicon evidence of one raw text (``scanned``: its ``scan``, when known)."""
    if scanned is None:
        scanned = scan(text)
    cleaned = scanned.cleaned
    ascii_text = cleaned.isascii()
    letters, latin, cyrillic = scanned.letters, scanned.latin, scanned.cyrillic
    if not letters:
        return Evidence(cleaned, UNDETERMINED)
    tokens = scanned.tokens
    ev = Evidence(cleaned, words=len(tokens), letters=letters, tokens=tokens)
    if latin + cyrillic <= letters // 2:
        return _other_script(ev)
    if cyrillic > latin:
        return _cyrillic(ev, tokens)
    votes: dict[str, float] = {}
    among: frozenset[str] | None = None
    token_votes = lexicon.votes
    for token in tokens:
        for lang, weight, langs in token_votes(token):
            if lang is not None:
                votes[lang] = votes.get(lang, 0.0) + weight
            else:
                among = langs if among is None else among & langs
    phrases = lexicon.phrases
    for first, second in pairwise(tokens):
        follow = phrases.get(first)
        if follow is not None and (lang := follow.get(second)) is not None:
            votes[lang] = votes.get(lang, 0.0) + PHRASE_WEIGHT
            # The pair outranks what its words alone left open ("sen de": "de" is es pt fr tr...).
            if among is not None:
                among = among | {lang}
    if not ascii_text:
        if "İ" in text:  # pre_translate folds it to i
            votes["tr"] = votes.get("tr", 0.0) + LETTER_WEIGHT
        for letter in set(_LETTER_RE.findall(cleaned)):
            for lang, weight in _LETTER_VOTES[letter].items():
                votes[lang] = votes.get(lang, 0.0) + weight
    if votes.get("en") and any(v >= MIN_VOTES for k, v in votes.items() if k != "en"):
        votes["en"] *= ENGLISH_LOAN_WEIGHT
    ev.votes = votes
    ev.among = among or None
    return ev


def _other_script(ev: Evidence) -> Evidence:
    """Texts mostly in neither Latin nor Cyrillic letters: the script names the language."""
    for pattern, lang in _SCRIPTS:
        if pattern.search(ev.cleaned):
            if lang == "ar":
                ev.nb_among = _ARABIC_SCRIPT
            else:
                ev.answer = lang
            return ev
    ev.answer = UNDETERMINED
    return ev


def _cyrillic(ev: Evidence, tokens: Sequence[str]) -> Evidence:
    """Russian unless letters or words of another Cyrillic language say otherwise."""
    ev.cyrillic = True
    for letters, lang in _CYRILLIC_LETTERS:
        if any(letter in ev.cleaned for letter in letters):
            ev.answer = lang
            return ev
    votes: dict[str, float] = {}
    russian = False
    for token in tokens:
        word_lang = _CYRILLIC_INDEX.get(token)
        if word_lang is not None:
            votes[word_lang] = votes.get(word_lang, 0.0) + 1.0
        # Letters per word, not per text: one Ukrainian letter slipped into a Russian insult
        # ("ты тупой ідиот") must not make it Ukrainian.
        # Substring tests: the same answers as _RUSSIAN_ONLY_RE / _UKRAINIAN_RE, a tenth of
        # the cost per token.
        if "ы" in token or "э" in token or "ё" in token:
            russian = True
            votes["ru"] = votes.get("ru", 0.0) + 1.0
        if "і" in token or "ї" in token or "є" in token or "ґ" in token:
            votes["uk"] = votes.get("uk", 0.0) + 1.0
    ev.votes = votes
    lex = lexical_answer(votes)
    if lex is not None:
        ev.answer = lex
    elif votes or (not russian and ev.words > SHORT_WORDS):
        # Mixed evidence, or a long text without ы э ё (Bulgarian has none of them).
        ev.nb_among = _CYRILLIC_NB
    else:
        ev.answer = "ru"
    return ev


def lexical_answer(votes: dict[str, float]) -> str | None:
    """The language the votes single out, or None."""
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    top = votes[best]
    second = max((v for k, v in votes.items() if k != best), default=0.0)
    return best if top >= MIN_VOTES and top - second >= MIN_LEAD else None


def candidates(ev: Evidence) -> frozenset[str] | None:
    """Languages still in the running when the votes single out none (None: any)."""
    cands: frozenset[str] | None = None
    if ev.votes:
        top = max(ev.votes.values())
        cands = frozenset(k for k, v in ev.votes.items() if v > top - MIN_LEAD)
    if ev.among:
        cands = ev.among if cands is None else (cands & ev.among) or cands
    return cands


def _share(probs: dict[str, float], among: Sequence[str]) -> tuple[str, float]:
    """py3langid's pick among some languages, with its probability renormalised to them."""
    pick = max(among, key=probs.__getitem__)
    return pick, probs[pick] / max(sum(probs[k] for k in among), 1e-300)


def combined(
    probs: Mapping[str, float], ngram: Mapping[str, float], among: Iterable[str] | None = None
) -> dict[str, float]:
    """Probability of each supported language from py3langid and the n-gram model.

    py3langid's probabilities, renormalised to the supported languages, give French its share
    (the n-gram model has no French class); the rest is split among the pool languages by the
    n-gram model's calibrated posterior. ``among`` (languages the lexicon leaves open)
    conditions the result on them.
    """
    total = sum(probs.get(k, 0.0) for k in SUPPORTED) or 1.0
    out = {k: v * (1.0 - probs.get("fr", 0.0) / total) for k, v in ngram.items()}
    out["fr"] = probs.get("fr", 0.0) / total
    if among is not None:
        kept = {k: out[k] for k in among if k in out}
        z = sum(kept.values())
        if z > 0.0:
            out = {k: v / z for k, v in kept.items()}
    return out


def decide(
    ev: Evidence, probs: dict[str, float] | None, ngram: Mapping[str, float] | None = None
) -> str | None:
    """The answer from the evidence and py3langid's probabilities; None: needs the latter.

    With ``ngram`` (the n-gram model's posterior over the pool languages), a text the rules
    below leave ``und`` is answered when ``combined`` gives one supported language at least
    ``NGRAM_P``.
    """
    answer = _decide(ev, probs, ngram is not None)
    if ngram is None or probs is None or not needs_ngrams(ev, probs, answer):
        return answer
    # Condition on the languages the lexicon leaves open; a single one left is not evidence
    # here (the rules above already declined it), so then only the ambiguous words' set counts.
    cands = candidates(ev)
    dist = combined(probs, ngram, cands if cands is not None and len(cands) > 1 else ev.among)
    pick = max(dist, key=dist.__getitem__)
    return pick if dist[pick] >= NGRAM_P else answer


def needs_ngrams(ev: Evidence, probs: Mapping[str, float], answer: str | None) -> bool:
    """Whether the n-gram stage may answer a text the rules left with ``answer``."""
    if answer != UNDETERMINED or ev.cyrillic or ev.nb_among is not None:
        return False
    if ev.letters < NGRAM_MIN_LETTERS:
        return False
    nb_best = max(probs, key=probs.__getitem__)
    # py3langid sure of an unsupported language: the stage stays out of it.
    return nb_best in SUPPORTED or probs[nb_best] < NGRAM_OTHER_VETO


def _decide(ev: Evidence, probs: dict[str, float] | None, ngrams: bool) -> str | None:
    """The rules of ``decide`` before the n-gram stage."""
    if ev.answer is not None:
        return ev.answer
    long_text = ev.words >= LONG_WORDS
    lex = lexical_answer(ev.votes)
    cands = candidates(ev) if lex is None else None
    if lex is not None and ev.among and lex not in ev.among:
        # "que sono": the ambiguous words rule out the one the unique words chose.
        cands = ev.among | {lex}
        lex = None
    settled = lex
    if lex is None and cands and len(cands) == 1:
        # One language left: settled if words say so; a lone weak letter vote (ä in Finnish)
        # only makes py3langid's agreement necessary.
        (only,) = cands
        strong = ev.among is not None or max(ev.votes.values(), default=0.0) >= MIN_VOTES
        settled = only if strong else None
    if long_text and lex in SUPPORTED:
        top = ev.votes[lex]
        if top >= LONG_LEXICON_VOTES and top >= LONG_LEXICON_SHARE * sum(ev.votes.values()):
            return lex
    if probs is None:
        if ev.nb_among is None and not long_text and settled in SUPPORTED:
            return settled
        too_few = ev.letters < (NGRAM_MIN_LETTERS if ngrams else NB_BARS[-1][0])
        if ev.nb_among is None and settled is None and too_few:
            return UNDETERMINED  # "no", "ha": too little for py3langid to choose from
        return None
    if ev.nb_among is not None:
        best, share = _share(probs, ev.nb_among)
        if share >= NB_LONG_P:
            return best
        return "ru" if ev.cyrillic else UNDETERMINED
    nb_best = max(probs, key=probs.__getitem__)
    p = probs[nb_best]
    if long_text and p >= NB_LONG_P:
        return nb_best
    if settled is not None:
        # Another language's words or letters are believed when py3langid agrees.
        return settled if settled in SUPPORTED or settled == nb_best else UNDETERMINED
    if cands and len(cands) == 1:
        return nb_best if nb_best in cands else UNDETERMINED
    if cands:
        pick, share = _share(probs, [c for c in cands if c in probs] or [nb_best])
        if share >= NB_AMONG_P and (pick in SUPPORTED or pick == nb_best):
            return pick
        return UNDETERMINED
    bar = next((p_min for letters, p_min in NB_BARS if ev.letters >= letters), 2.0)
    if p < bar or (ev.words <= SHORT_WORDS and nb_best not in SUPPORTED):
        return UNDETERMINED
    return nb_best


def _nb_bytes(text: str) -> bytes:
    """A text as py3langid reads it: NFC UTF-8, all-capital texts lowercased."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")


class LanguageIdentifier:
    """Thread-safe identifier; py3langid's model loads on first need (~0.7 s)."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        ngram_model: NgramModel | None = None,
        use_ngrams: bool = True,
    ) -> None:
        self._lock = threading.Lock()
        self._ident: Any = None
        self._rowbase: list[int] = []
        self._labels: list[str] = []
        self._lexicon = lexicon or DEFAULT_LEXICON
        self._ngram_model = ngram_model
        self._use_ngrams = use_ngrams

    def _get(self) -> Any:
        with self._lock:
            if self._ident is None:
                from py3langid.langid import MODEL_FILE
                from py3langid.langid import LanguageIdentifier as NaiveBayes

                ident = NaiveBayes.from_model_file(MODEL_FILE, norm_probs=False)
                ident.set_languages(list(NB_LANGS))
                # The automaton's row offsets, as py3langid's own walk pre-shifts them.
                self._rowbase = [int(r) << 8 for r in ident.tk_row]
                self._labels = [str(c) for c in ident.nb_classes]
                if self._use_ngrams and self._ngram_model is None:
                    self._ngram_model = NgramModel.load()
                self._ident = ident
            return self._ident

    def classify(self, text: str) -> str:
        """ISO 639-1 code of the text's language, or ``und``."""
        return self.classify_many([text])[0]

    def classify_many(self, texts: Sequence[str]) -> list[str]:
        """classify() of every text, with one py3langid scoring product for the whole batch.

        py3langid scores one text at a time, and its numpy set-up per text costs twice its
        byte walk on chat-sized texts; this walks each text with py3langid's public automaton
        (``visit_counts`` over ``tk_nextmove``/``tk_row``/``tk_output``) and scores the batch
        at once (tests/scoring/test_langid.py checks the answers agree with ``rank``). Texts
        that script and lexicon settle skip py3langid altogether.
        """
        if self._ident is None and texts:
            self._get()  # the first call pays the load, as before, not a later one
        lexicon = self._lexicon
        evs = [evidence(t, lexicon, s) for t, s in zip(texts, scan_many(texts), strict=True)]
        ngrams = self._use_ngrams and self._ngram_model is not None
        out = [_decide(ev, None, ngrams) for ev in evs]
        need = [i for i, answer in enumerate(out) if answer is None]
        if need:
            probs = self._batch_probs([evs[i].cleaned for i in need])
            for i, row in zip(need, probs, strict=True):
                out[i] = _decide(evs[i], row, ngrams) or UNDETERMINED
            model = self._ngram_model if ngrams else None
            # The n-gram model scores only the texts its stage may still answer.
            stage = [
                (i, row)
                for i, row in zip(need, probs, strict=True)
                if model is not None and needs_ngrams(evs[i], row, out[i])
            ]
            if model is not None and stage:
                posterior = model.probabilities([evs[i].tokens for i, _ in stage])
                for (i, row), p in zip(stage, posterior.tolist(), strict=True):
                    ngram = dict(zip(model.langs, p, strict=True))
                    out[i] = decide(evs[i], row, ngram) or UNDETERMINED
        return [answer or UNDETERMINED for answer in out]

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """py3langid's probabilities over ``NB_LANGS`` for raw texts (cleaned as classify does)."""
        return self._batch_probs([clean(t) for t in texts])

    def _batch_probs(self, cleaned: Sequence[str]) -> list[dict[str, float]]:
        """py3langid's probabilities for cleaned texts, scored as one sparse product."""
        from py3langid.langid import RAW_FLOOR, visit_counts

        ident = self._get()
        raw = np.full((len(cleaned), len(self._labels)), RAW_FLOOR, dtype=np.float64)
        nbytes = np.ones(len(cleaned), dtype=np.float64)
        rows: list[int] = []
        features: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []
        for i, text in enumerate(cleaned):
            encoded = _nb_bytes(text)
            nbytes[i] = len(encoded)
            visits = visit_counts(ident.tk_nextmove, self._rowbase, ident.tk_output, encoded)
            if visits:
                rows.append(i)
                sizes.append(len(visits))
                features.extend(visits.keys())
                counts.extend(visits.values())
        if rows:
            weights = np.log1p(np.asarray(counts, dtype=np.float32))
            table = weights[:, None] * ident.nb_ptc[np.asarray(features, dtype=np.intp)]
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            raw[rows] = np.add.reduceat(table, starts, axis=0) + ident.nb_pc
        scaled = raw / np.sqrt(np.maximum(nbytes, 1.0))[:, None]
        scaled -= scaled.max(axis=1, keepdims=True)
        p = np.exp(scaled)
        p /= p.sum(axis=1, keepdims=True)
        return [dict(zip(self._labels, row, strict=True)) for row in p.tolist()]
