"""Threat-structure scorer: word classes + a small logistic model over their combinations.

The rule tier (``threats.py``) knows whole phrasings; the hashed n-gram heads know the words
their training rows used. Neither recognises "ima pull up and clap you with the 9" unless
someone wrote that pattern or those words before. This scorer reads a text as word classes
(``threat_lexicon``: I, FUT, HARM_V, WEAPON, YOU, KIN, GAME, META, ...), builds features from
which classes occur and in what order, and weighs them with a logistic model trained on
team-written rows (``python -m civility.training.threat_structure``). It scores only texts
that hold a harm class (a violent act, a weapon, death or injury, self-harm): a text without
one gets ``None`` and the rest of the tier decides.
"""

from __future__ import annotations

import bisect
import importlib
import json
import math
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import ahocorasick  # type: ignore[import-not-found]  # C extension without type stubs

from civility.scoring.base import Span
from civility.scoring.threat_lexicon import TAGS

LANGS: Final[tuple[str, ...]] = ("en", "es", "ru", "it", "tr", "de", "pt", "fr")
HARM_TAGS: Final[frozenset[str]] = frozenset({"HARM_V", "WEAPON", "DEATH", "SELF_HARM"})
# Gate the scorer (with HARM_TAGS), but count as harm only in the learned weights.
GATE_TAGS: Final[frozenset[str]] = HARM_TAGS | {"WEAK", "VEILED"}
TARGET_TAGS: Final[frozenset[str]] = frozenset({"YOU", "YOUR", "KIN", "THIRD", "GROUP"})
INTENT_TAGS: Final[frozenset[str]] = frozenset(
    {"I", "WE", "FUT", "SOMEONE", "SHOULD", "COND", "PROMISE", "TIME", "KNOW"}
)
BENIGN_TAGS: Final[frozenset[str]] = frozenset({"GAME", "META", "TECH", "IDIOM"})
WINDOW: Final[int] = 4
# The scorer hides (policy "hide" at 0.5) but never blocks (0.8) on its own: a learned score
# is less sure than a rule, and a hidden message goes to review, where a person decides.
CEILING: Final[float] = 0.75
ARTIFACT: Final[Path] = Path(__file__).parent / "artifacts" / "threat-structure-4.json"

_SENTENCE_RE: Final = re.compile(r"[.!?;\n]+")
_NON_WORD_RE: Final = re.compile(r"[\W_]+")
_TOKEN_RE: Final = re.compile(r"[^\W_]+")
_SPACE_RE: Final = re.compile(" ")
_BREAK: Final[str] = "ǂ"  # ǂ: a letter no lexicon uses, standing for a sentence break


@dataclass(frozen=True, slots=True)
class _Part:
    kind: str  # "=" exact, "^" prefix, "-" suffix
    text: str

    def matches(self, token: str) -> bool:
        if self.kind == "=":
            return token == self.text
        if self.kind == "^":
            return token.startswith(self.text)
        return token.endswith(self.text)


def _part(entry: str) -> _Part:
    if entry.startswith("="):
        return _Part("=", entry[1:])
    if entry.startswith("-"):
        return _Part("-", entry[1:])
    return _Part("^", entry)


@dataclass(frozen=True, slots=True)
class Hit:
    """One word-class match: token range [start, end), language and tag."""

    start: int
    end: int
    lang: str
    tag: str


# lang, tag, words the automaton's key covers, the entry's further words (checked in Python)
_Candidate = tuple[str, str, int, tuple[_Part, ...]]


def _key(parts: Sequence[_Part]) -> tuple[str, int]:
    """The automaton key of an entry and how many of its words the key covers.

    Exact words chain (" watch your back "), a stem ends the key (" going to kill"), a
    suffix can only start one ("ecegim ").
    """
    if parts[0].kind == "-":
        return f"{parts[0].text} ", 1
    key = ""
    for n, part in enumerate(parts, start=1):
        if part.kind == "^":
            return f"{key} {part.text}", n
        if part.kind == "-":
            return f"{key} ", n - 1
        key += f" {part.text}"
    return f"{key} ", len(parts)


class Lexicon:
    """Every language's word classes in one Aho-Corasick automaton over spaced tokens.

    A text becomes " tok tok ǂ tok " (ǂ marks a sentence break); an exact word is the key
    " word ", a stem " stem", a suffix "suffix ", so one C pass finds every entry's first
    word; further words of a multiword entry are checked against the tokens after it.
    """

    def __init__(self, lexicons: dict[str, dict[str, tuple[str, ...]]]) -> None:
        keys: dict[str, list[_Candidate]] = {}
        for lang, lexicon in lexicons.items():
            for tag, entries in lexicon.items():
                if tag not in TAGS:
                    raise ValueError(f"{lang}: unknown tag {tag!r}")
                for entry in entries:
                    parts = tuple(_part(p) for p in entry.split())
                    if not parts[0].text:
                        continue
                    key, consumed = _key(parts)
                    candidate = (lang, tag, consumed, parts[consumed:])
                    bucket = keys.setdefault(key, [])
                    if candidate not in bucket:
                        bucket.append(candidate)
        self._automaton = ahocorasick.Automaton()
        # The keys of harm-class entries alone: most texts match none and stop at this pass.
        self._gate = ahocorasick.Automaton()
        for key, bucket in keys.items():
            self._automaton.add_word(key, (len(key), tuple(bucket)))
            if any(c[1] in GATE_TAGS for c in bucket):
                self._gate.add_word(key, None)
        self._empty = not len(self._gate)
        if not self._empty:
            self._automaton.make_automaton()
            self._gate.make_automaton()

    def may_name_harm(self, text: str) -> bool:
        """Whether a harm-class entry's key occurs (a cheap gate: most texts stop here)."""
        if self._empty:
            return False
        return next(self._gate.iter(f" {text.lower().translate(_GATE_TABLE)} "), None) is not None

    def analyse(self, text: str, *, gated: bool = False) -> tuple[list[str], list[int], list[Hit]]:
        """Tokens, sentence numbers and every match (all languages, before choosing one).

        ``gated``: the caller already knows ``may_name_harm(text)`` is true.
        """
        if not gated and not self.may_name_harm(text):
            return [], [], []
        folded = quick_fold(text)
        core = _NON_WORD_RE.sub(" ", _SENTENCE_RE.sub(f" {_BREAK} ", folded)).strip()
        spaced = f" {core} "
        found = list(self._automaton.iter(spaced))
        words = spaced.split()
        tokens: list[str] = []
        sentences: list[int] = []
        index: list[int] = []  # word number -> token number (-1 for a break)
        sentence = 0
        for w in words:
            if w == _BREAK:
                sentence += 1
                index.append(-1)
                continue
            index.append(len(tokens))
            tokens.append(w)
            sentences.append(sentence)
        starts = [m.start() for m in _SPACE_RE.finditer(spaced)][: len(words)]
        out: list[Hit] = []
        for end, (length, bucket) in found:
            begin = end - length + 1
            word = bisect.bisect_right(starts, begin) - 1
            if word < 0 or word >= len(words) or index[word] < 0:
                continue
            i = index[word]
            for lang, tag, covered, rest in bucket:
                if not rest:
                    out.append(Hit(i, i + covered, lang, tag))
                    continue
                stop = i + covered + len(rest)
                if stop > len(tokens) or sentences[stop - 1] != sentences[i]:
                    continue
                if all(p.matches(tokens[i + covered + j]) for j, p in enumerate(rest)):
                    out.append(Hit(i, stop, lang, tag))
        return tokens, sentences, out


def resolve(hits: Sequence[Hit]) -> list[Hit]:
    """Hits of the languages the text is written in, the dominant one's where they share a word.

    A language counts when it matches at least half as many tokens as the best one: "on" is
    French for "we", "it" Turkish for "dog", but one stray match in an English text is not
    French or Turkish. "die" is a German article and an English verb: in a German text the
    German reading wins.
    """
    votes: dict[str, set[int]] = {}
    for h in hits:
        votes.setdefault(h.lang, set()).add(h.start)
    if not votes:
        return []
    top = max(len(v) for v in votes.values())
    leaders = {lang for lang, v in votes.items() if len(v) == top}
    present = {lang for lang, v in votes.items() if 2 * len(v) >= top}
    led = {h.start for h in hits if h.lang in leaders}
    seen: set[tuple[int, int, str]] = set()
    out: list[Hit] = []
    for h in hits:
        if h.lang not in present or (h.start in led and h.lang not in leaders):
            continue
        key = (h.start, h.end, h.tag)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {
        0x0131: "i",
        0x00DF: "ss",
        0x0451: "\u0435",
        0x0439: "\u0438",
        0x0307: "",
    }
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if base and base != ch and base.isascii():
            table[cp] = base.lower()
    return table


_FOLD_TABLE: Final = _fold_table()
# The gate's cheaper tokenising: ASCII and common typographic punctuation become spaces (a
# regex over every text would cost more than the rest of the scorer).
_GATE_TABLE: Final = {
    **_FOLD_TABLE,
    **{ord(c): " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r¿¡«»…—–“”‘’„‚·•"},
}


def quick_fold(text: str) -> str:
    """Lowercase without accents (é→e, ı→i, ё→е, ß→ss): the lexicon's spelling.

    Cheaper than ``threats.fold`` (no leetspeak, spacing or script fixes): evasions are the
    rule tier's to catch, and this runs on every text.
    """
    return text.lower().translate(_FOLD_TABLE)


def features(
    hits: Sequence[Hit], sentences: Sequence[int], n_tokens: int, signals: dict[str, float]
) -> dict[str, float]:
    """Named feature values of one text: classes, their order and co-occurrence, signals."""
    f: dict[str, float] = {"bias": 1.0}
    hits = [h for h in hits if h.tag != "FUNC"]
    tags = {h.tag for h in hits}
    for t in tags:
        f[f"t:{t}"] = 1.0
    by_sentence: dict[int, set[str]] = {}
    for h in hits:
        by_sentence.setdefault(sentences[h.start], set()).add(h.tag)
    ordered = sorted(hits, key=lambda h: (h.start, h.end))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start - a.end >= WINDOW:
                break
            if b.start >= a.end and sentences[a.start] == sentences[b.start]:
                f[f"p:{a.tag}>{b.tag}"] = 1.0
    for group in by_sentence.values():
        ordered_tags = sorted(group)
        for i, a_tag in enumerate(ordered_tags):
            for b_tag in ordered_tags[i + 1 :]:
                f[f"c:{a_tag}&{b_tag}"] = 1.0
        harm = bool(group & HARM_TAGS)
        target = bool(group & TARGET_TAGS)
        intent = bool(group & INTENT_TAGS)
        benign = bool(group & BENIGN_TAGS)
        if harm and target:
            f["s:harm+target"] = 1.0
            if intent:
                f["s:harm+target+intent"] = 1.0
                if not benign:
                    f["s:harm+target+intent-benign"] = 1.0
                if "NEG" in group:
                    f["s:harm+target+intent+neg"] = 1.0
        if harm and intent:
            f["s:harm+intent"] = 1.0
        if "WEAK" in group and target and intent:
            f["s:weak+target+intent"] = 1.0
        if "VEILED" in group:
            if target:
                f["s:veiled+target"] = 1.0
            if benign:
                f["s:veiled+benign"] = 1.0
    f[f"len:{min(n_tokens // 6, 5)}"] = 1.0
    f["n:harm"] = min(sum(1 for h in hits if h.tag in HARM_TAGS), 4) / 4
    for name, value in signals.items():
        f[name] = value
    return f


def signal_features(toxicity: float) -> dict[str, float]:
    """The other scorers' view of a text, as features: only the toxicity head's.

    Not the learned threat head or the rules: they were fitted or written on the same
    team-written rows this model trains on, so on those rows they look far better than on new
    text and the model would learn to trust them alone; they speak through the max instead.
    """
    return {"x:toxicity": _logit(toxicity) / 6}


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def load_lexicons() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every language module's LEXICON that exists (``threat_lexicon/<lang>.py``)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang in LANGS:
        try:
            module = importlib.import_module(f"civility.scoring.threat_lexicon.{lang}")
        except ModuleNotFoundError:
            continue
        out[lang] = module.LEXICON
    return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text's word-class hits, tokens and sentence numbers."""

    tokens: tuple[str, ...]
    sentences: tuple[int, ...]
    hits: tuple[Hit, ...]

    @property
    def names_harm(self) -> bool:
        """Whether a harm class occurs: a violent act, a weapon, death or injury, self-harm.

        Like the learned heads (``threats.HARMLESS_CAP``), the scorer never speaks about a
        text that names no harm: "see you tomorrow at school" is a plan, whatever its shape.
        """
        return any(h.tag in GATE_TAGS for h in self.hits)


_SPAN_TAGS: Final[frozenset[str]] = GATE_TAGS | TARGET_TAGS | {"BODY"}


def spans(text: str, analysis: Analysis, score: float) -> tuple[Span, ...]:
    """Threat spans of the original text: the harm words and their targets, merged.

    Token offsets come from the folded text, which keeps the original's length except for
    rare expansions (ß→ss): then no spans are given rather than wrong ones.
    """
    folded = quick_fold(text)
    if len(folded) != len(text):
        return ()
    offsets = [m.span() for m in _TOKEN_RE.finditer(folded)]
    if len(offsets) != len(analysis.tokens):
        return ()
    ranges = sorted(
        (offsets[h.start][0], offsets[h.end - 1][1]) for h in analysis.hits if h.tag in _SPAN_TAGS
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(Span(a, b, "threat", score) for a, b in merged)


class StructureScorer:
    """Word classes of a text and the logistic model's threat probability."""

    def __init__(self, weights: dict[str, float], lexicon: Lexicon, version: str) -> None:
        self.weights = weights
        self.lexicon = lexicon
        self.version = version

    def analyse(self, text: str, *, gated: bool = False) -> Analysis:
        """Tokens and resolved word-class hits of ``text`` (``gated``: see ``Lexicon.analyse``)."""
        tokens, sentences, hits = self.lexicon.analyse(text, gated=gated)
        return Analysis(tuple(tokens), tuple(sentences), tuple(resolve(hits)))

    def probability(self, analysis: Analysis, signals: dict[str, float]) -> float | None:
        """Threat probability, or None when the text names no harm."""
        if not analysis.names_harm:
            return None
        f = features(analysis.hits, analysis.sentences, len(analysis.tokens), signals)
        # fsum: exact, so the order of the features (a set's, which varies with the hash
        # seed between processes) cannot change the last bits of the score.
        z = math.fsum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return min(1.0 / (1.0 + math.exp(-z)), CEILING)


_SCORER: list[StructureScorer | None] = []
_LOCK: Final = threading.Lock()


def lexicon() -> Lexicon:
    """The lexicon of every language module present."""
    return Lexicon(load_lexicons())


def scorer(path: Path = ARTIFACT) -> StructureScorer | None:
    """The shipped structure scorer (loaded once), or None when no artifact ships."""
    with _LOCK:
        if not _SCORER:
            if path.exists():
                blob = json.loads(path.read_text(encoding="utf-8"))
                _SCORER.append(
                    StructureScorer(dict(blob["weights"]), lexicon(), str(blob["version"]))
                )
            else:
                _SCORER.append(None)
        return _SCORER[0]
