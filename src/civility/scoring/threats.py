"""Threat tier: a curated, explainable lexicon of threat grammar in eight languages.

The linear model sees threats as bags of n-grams, so "the band killed it" looks like "I will
kill you" and Russian/Turkish threats barely register. This tier matches the *grammar* of a
threat instead of bare words: speaker + future/intent/modal + violent act + human target
("I'm going to stab you", "я тебя зарежу", "seni öldüreceğim", "te voy a matar"); target +
"dead"/"won't survive"; condition + harm; calls for others to harm someone; threats against
groups; imperative calls to self-harm. Every rule has an id and a kind (direct, conditional,
indirect, group, self_harm), so a moderator can see why a text was flagged.

Matching runs on a folded copy of the text (lowercase, NFKC, accents stripped, leetspeak,
spaced-out letters joined, mixed-script homoglyphs fixed, letter runs capped at two) that keeps
an offset map, so spans point into the ORIGINAL text. A cheap prefilter (one numpy code point
lookup and one Aho-Corasick pass over the whole batch, looking for trigger stems) lets texts
without any trigger skip the tier; a stem runs only the rules it names, and a rule's regex is
tried only where one of its first words begins (``Rule.matches``). Rules of every
language are candidates regardless of the detected language (short texts are often
misidentified).
"""

from __future__ import annotations

import bisect
import dataclasses
import importlib
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import ahocorasick  # type: ignore[import-not-found]  # C extension without type stubs
import numpy as np
import numpy.typing as npt

from civility.scoring import threat_structure
from civility.scoring.base import CATEGORIES, Span
from civility.scoring.normalize import CYR_TO_LAT, EMOJI_WORDS, INVISIBLE, LAT_TO_CYR, LEET

F64 = npt.NDArray[np.float64]

KINDS: Final[tuple[str, ...]] = ("direct", "conditional", "indirect", "group", "self_harm")
# Direct threats and self-harm calls must clear the default policy's threat block threshold
# (0.80); the vaguer kinds clear its hide threshold (0.50) and stay below block.
KIND_SCORE: Final[dict[str, float]] = {
    "direct": 0.9,
    "self_harm": 0.9,
    "conditional": 0.7,
    "indirect": 0.7,
    "group": 0.7,
}
# Telling someone to kill themselves is severe abuse whatever the model says: above the
# default severe_toxicity block threshold (0.80).
SELF_HARM_SEVERE: Final[float] = 0.85

_THREAT: Final[int] = CATEGORIES.index("threat")
_TOXICITY: Final[int] = CATEGORIES.index("toxicity")
_SEVERE: Final[int] = CATEGORIES.index("severe_toxicity")

# ---------------------------------------------------------------------------------------------
# Folding with an offset map
# ---------------------------------------------------------------------------------------------

_EXTRA: Final[dict[str, str]] = {
    "ı": "i", "ß": "ss", "ẞ": "ss", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ſ": "s",
}  # fmt: skip
_INVISIBLE_SET: Final[frozenset[str]] = frozenset(INVISIBLE)
_CONFUSABLE_LAT: Final[frozenset[str]] = frozenset(LAT_TO_CYR)
_CONFUSABLE_CYR: Final[frozenset[str]] = frozenset(CYR_TO_LAT)
_LEET_ALL: Final[dict[str, str]] = {**LEET, "!": "i", "|": "i"}
_FOLD_CACHE: dict[str, str] = {}
_FOLD_CACHE_LIMIT: Final[int] = 1 << 16


def _fold_char(ch: str) -> str:
    """Lowercase, NFKC look-alikes, accents stripped; emoji that stand for weapons become words."""
    if ch in _INVISIBLE_SET:
        return ""
    if ch in EMOJI_WORDS:
        return EMOJI_WORDS[ch]
    if ch in _EXTRA:
        return _EXTRA[ch]
    s = unicodedata.normalize("NFKC", ch).lower()
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return "".join(_EXTRA.get(c, c) for c in s)


def _fold_cached(ch: str) -> str:
    out = _FOLD_CACHE.get(ch)
    if out is None:
        out = _fold_char(ch)
        if len(_FOLD_CACHE) < _FOLD_CACHE_LIMIT:
            _FOLD_CACHE[ch] = out
    return out


# What ``_ONE_TO_ONE`` gives a character that folds to none or several (a noncharacter, which
# text rarely holds; a text that does takes the slow path too).
_NOT_ONE: Final[str] = "\uffff"


class _OneToOne(dict[int, str]):
    """``str.translate`` table: a code point's fold where it is one character, else _NOT_ONE."""

    def __missing__(self, cp: int) -> str:
        folded = _fold_cached(chr(cp))
        out = folded if len(folded) == 1 else _NOT_ONE
        if len(self) < _FOLD_CACHE_LIMIT:
            self[cp] = out
        return out


_ONE_TO_ONE: Final = _OneToOne()


_LETTER: Final = r"[^\W\d_]"
# Three or more single letters (or digits) split by separators: "k i l l", "k.i.l.l", "k-1-l-l".
_SPACED_RE: Final = re.compile(r"(?<![^\W_])[^\W_](?:[ .\-_*·•,/+~:|]{1,3}[^\W_](?![^\W_])){2,}")
_SEP_RE: Final = re.compile(r"[ .\-_*·•,/+~:|]+")
# Every _SPACED_RE match holds this (a separator, a letter, separators, a lone letter); it
# begins with a separator, which ``re`` scans for fast, so most texts skip _SPACED_RE's
# attempt at every position (1.2 us instead of 4.7 a chat message).
_SPACED_HINT_RE: Final = re.compile(r"[ .\-_*·•,/+~:|][^\W_][ .\-_*·•,/+~:|]{1,3}[^\W_](?![^\W_])")
_LEET_CHARS_RE: Final = re.compile(r"[0134579@$€!|]")
# Tokens holding a leet digit or symbol; only those that also hold a letter are read as leet.
_LEET_TOKEN_RE: Final = re.compile(r"\S*[0134579@$€]\S*")
_LEET_TABLE: Final = str.maketrans(LEET)
_HAS_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_INNER_LEET_RE: Final = re.compile(r"(?<=[^\W\d_])[!|](?=[^\W\d_])")
_LONE_ONE_RE: Final = re.compile(r"(?<!\S)1(?=\s+[^\W\d_])")
_MIXED_HINT_RE: Final = re.compile(r"[\u0370-\u052f]")
_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_REPEAT_RE: Final = re.compile(r"([^\W\d_])\1{2,}")
# Any character three times in a row: a test four times faster than _REPEAT_RE that most
# texts fail, so _REPEAT_RE runs on few.
_TRIPLE_RE: Final = re.compile(r"(.)\1\1", re.DOTALL)
_LATIN_RE: Final = re.compile(r"[a-z]")
_KEY_REPEAT_RE: Final = re.compile(r"(.)\1\1+")
_TO_LAT_TABLE: Final = str.maketrans(CYR_TO_LAT)
_TO_CYR_TABLE: Final = str.maketrans(LAT_TO_CYR)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text; ``text[i]`` came from ``original[src[i]]``."""

    original: str
    text: str
    src: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps a non-empty folded range [start, end) to the original text."""
        return self.src[start], self.src[end - 1] + 1


def _spaced(s: str, src: list[int]) -> tuple[str, list[int]]:
    """Joins runs of single letters; a wider gap inside a run stays one space (a word gap)."""
    if not _SPACED_HINT_RE.search(s):
        return s, src
    out: list[str] = []
    osrc: list[int] = []
    pos = 0
    for m in _SPACED_RE.finditer(s):
        a, b = m.span()
        out.append(s[pos:a])
        osrc.extend(src[pos:a])
        seps = list(_SEP_RE.finditer(s, a, b))
        narrow = min(sep.group().count(" ") for sep in seps)
        last = a
        for sep in seps:
            out.append(s[last : sep.start()])
            osrc.extend(src[last : sep.start()])
            if sep.group().count(" ") > narrow:
                out.append(" ")
                osrc.append(src[sep.start()])
            last = sep.end()
        out.append(s[last:b])
        osrc.extend(src[last:b])
        pos = b
    if pos == 0:
        return s, src
    out.append(s[pos:])
    osrc.extend(src[pos:])
    return "".join(out), osrc


def _deleet(s: str) -> str:
    """Leet symbols inside tokens that hold letters ("k1ll", "y0u"); a lone "1" before a word."""
    if not _LEET_CHARS_RE.search(s):
        return s
    s = _LEET_TOKEN_RE.sub(_deleet_token, s)
    s = _INNER_LEET_RE.sub("i", s)
    return _LONE_ONE_RE.sub("i", s)


def _deleet_token(m: re.Match[str]) -> str:
    token = m.group()
    return token.translate(_LEET_TABLE) if _HAS_LETTER_RE.search(token) else token


def _strong(word: str) -> tuple[int, int]:
    """Letters of a word with no look-alike in the other script: (Latin, Cyrillic/Greek)."""
    lat = sum(1 for c in word if "a" <= c <= "z" and c not in _CONFUSABLE_LAT)
    cyr = sum(1 for c in word if "\u0370" <= c < "\u0530" and c not in _CONFUSABLE_CYR)
    return lat, cyr


def _fix_scripts(s: str) -> str:
    """Words mixing Latin with Cyrillic/Greek look-alikes take one script ("kіll", "уб1ю")."""
    if not _MIXED_HINT_RE.search(s):
        return s
    if not _LATIN_RE.search(s):
        # No Latin letter: every word is Cyrillic/Greek only, and a text without strong Latin
        # letters keeps those words as they are (``fix`` below).
        return s
    text_lat, text_cyr = _strong(s)

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        n_lat = sum(1 for c in w if "a" <= c <= "z")
        n_cyr = sum(1 for c in w if "\u0370" <= c < "\u0530")
        if not n_cyr:
            return w
        if not n_lat:
            # A word of look-alikes only, in a text whose unambiguous letters are Latin.
            if text_lat > text_cyr and all(c in _CONFUSABLE_CYR for c in w):
                return w.translate(_TO_LAT_TABLE)
            return w
        s_lat, s_cyr = _strong(w)
        if s_lat != s_cyr:
            to_cyr = s_cyr > s_lat
        elif text_lat != text_cyr:
            to_cyr = text_cyr > text_lat
        else:
            to_cyr = n_cyr > n_lat
        return w.translate(_TO_CYR_TABLE if to_cyr else _TO_LAT_TABLE)

    return _WORD_RE.sub(fix, s)


def _letter_runs(s: str) -> bool:
    """Whether ``s`` holds three or more of one letter in a row (``_REPEAT_RE``)."""
    return _TRIPLE_RE.search(s) is not None and _REPEAT_RE.search(s) is not None


def _collapse(s: str, src: list[int], runs: int) -> tuple[str, list[int]]:
    """Cuts runs of three or more of one letter to ``runs`` ("kiiiill" -> "kiill" or "kill")."""
    if not _letter_runs(s):
        return s, src
    keep = [True] * len(s)
    for m in _REPEAT_RE.finditer(s):
        for i in range(m.start() + runs, m.end()):
            keep[i] = False
    return (
        "".join(c for c, k in zip(s, keep, strict=True) if k),
        [p for p, k in zip(src, keep, strict=True) if k],
    )


def _fold_chars(text: str) -> tuple[str, list[int]]:
    """Every character folded, and the index of the character each folded one came from."""
    parts: list[str] = []
    src: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_cached(ch)
        if f:
            parts.append(f)
            src.extend([i] * len(f))
    return "".join(parts), src


def fold(text: str, runs: int = 2) -> Folded:
    """The text the rules match, with the map back to ``text``'s offsets.

    ``runs``: what a run of three or more of one letter is cut to (two keeps "kiiill" apart
    from "kil"; the matcher retries with one when two finds nothing).
    """
    if text.isascii():
        s = text.lower().replace("`", "'")
        src = list(range(len(s)))
    else:
        # Most texts fold one character for one (a translate, 4x faster than the loop below).
        s = text.translate(_ONE_TO_ONE)
        src = list(range(len(s)))
        if _NOT_ONE in s:
            s, src = _fold_chars(text)
    s, src = _spaced(s, src)
    s = _deleet(s)  # one character for one: offsets unchanged
    s = _fix_scripts(s)  # likewise
    s, src = _collapse(s, src, runs)
    return Folded(text, s, src)


def fold_pattern(pattern: str) -> str:
    """Folds the letters of a regex written in natural spelling (ASCII syntax is kept)."""
    return "".join(ch if ch.isascii() else _fold_char(ch) for ch in pattern)


# ---------------------------------------------------------------------------------------------
# Prefilter: one translate per text, one Aho-Corasick pass per batch
# ---------------------------------------------------------------------------------------------


def _key_char(ch: str) -> str:
    """Prefilter form of one character: folded, leet read as letters, look-alikes as Latin,
    everything but letters dropped (so "k i l l" and "k.1.l.l" both read "kill")."""
    out: list[str] = []
    for c in _fold_char(ch):
        c = _LEET_ALL.get(c, c)
        if not c.isalpha():
            continue
        out.append(CYR_TO_LAT.get(c, _KEY_CYR.get(c, c)))
    return "".join(out)


# Cyrillic letters that the folder may produce from Latin look-alikes (u -> и, r -> г, n -> п).
_KEY_CYR: Final[dict[str, str]] = {v: k for k, v in LAT_TO_CYR.items() if v not in CYR_TO_LAT}


def _build_key_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    chars = (
        [chr(cp) for cp in range(0x3000)]
        + [chr(cp) for cp in range(0xFF00, 0xFFEF)]
        + [chr(cp) for cp in range(0x1D400, 0x1D800)]
        + list(EMOJI_WORDS)
        + list(INVISIBLE)
    )
    for ch in chars:
        if unicodedata.category(ch) in ("Cs", "Co", "Cn"):
            continue
        key = _key_char(ch)
        if key != ch:
            table[ord(ch)] = key or None
    return table


_KEY_TABLE: Final = _build_key_table()
_NP_SIZE: Final[int] = 0x30000
_NP_DROP, _NP_SPECIAL, _NP_SEP = 0, 1, 2


def _build_np_table() -> npt.NDArray[np.uint32]:
    """The key table as a code point array: 0 drops, 1 marks a character that becomes several
    (the text then takes the per-text path), 2 separates texts; higher values are the key."""
    table = np.arange(_NP_SIZE, dtype=np.uint32)
    for cp, key in _KEY_TABLE.items():
        if cp >= _NP_SIZE:
            continue
        if key is None:
            table[cp] = _NP_DROP
        elif len(key) == 1 and ord(key) > _NP_SEP:
            table[cp] = ord(key)
        else:
            table[cp] = _NP_SPECIAL
    table[_NP_SPECIAL] = table[_NP_SEP] = _NP_DROP
    table[0] = _NP_SEP
    return table


_NP_TABLE: Final = _build_np_table()


def prefilter_key(text: str) -> str:
    """Letters-only folded form of ``text`` that the trigger stems are searched in.

    With letter runs of three or more ("kiiiill"), the forms with those runs cut to one and
    to two follow, separated by a character that no stem holds.
    """
    key = text.translate(_KEY_TABLE)
    if _KEY_REPEAT_RE.search(key):
        one = _KEY_REPEAT_RE.sub(r"\1", key)
        two = _KEY_REPEAT_RE.sub(r"\1\1", key)
        key = "\x01".join((key, one, two))
    return key


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

# In rule sources a literal space is an optional gap: "kill you" also matches "kill-you" and
# "killyou" (what "k i l l y o u" folds to). Word edges are checked at the rule's two ends.
_GAP: Final[str] = r"[\W_]*"
_CLAUSE_END_RE: Final = re.compile(r"[.!?;\n]")
_CLAUSE_OR_COMMA_RE: Final = re.compile(r"[.!?;,:\n]")
_CONTEXT: Final[int] = 80


@dataclass(frozen=True, slots=True)
class Rule:
    """One threat pattern: what it matches, and the context in which it must not fire."""

    id: str
    kind: str
    language: str
    regex: re.Pattern[str]
    score: float
    # Fires only if the clause before the match does not contain this.
    not_before: re.Pattern[str] | None = None
    # Fires only if the text right after the match does not start with this.
    not_after: re.Pattern[str] | None = None
    # Fires only if the clause before the match (cut at commas too) is made of these words.
    lead: re.Pattern[str] | None = None
    # Finds every place a match of ``regex`` can begin (None: any place), see ``matches``.
    starts: re.Pattern[str] | None = None

    def matches(self, text: str) -> Iterable[re.Match[str]]:
        """The matches ``regex.finditer(text)`` gives, trying ``regex`` only where one can begin.

        ``regex`` is tried at every position of the text by ``finditer``; most rules begin
        with words that a text holds nowhere (``starts`` finds them in one fast scan), so this
        saves most of the tier's time. Same matches: ``finditer`` yields, from position 0 and
        then from each match's end, the first position where ``regex.match`` succeeds; no
        match begins where ``starts`` finds nothing, and ``starts`` is only set for rules
        that cannot match the empty string (after which ``finditer`` steps differently).
        """
        if self.starts is None:
            yield from self.regex.finditer(text)
            return
        find, match = self.starts.search, self.regex.match
        at = find(text)
        while at is not None:
            m = match(text, at.start())
            if m is None:
                at = find(text, at.start() + 1)
            else:
                yield m
                at = find(text, m.end())

    def fires(self, text: str, start: int, end: int) -> bool:
        """Whether a regex match at [start, end) of folded ``text`` survives the context checks."""
        if self.not_after is not None and self.not_after.match(text, end, end + _CONTEXT):
            return False
        if self.not_before is None and self.lead is None:
            return True
        before = text[max(0, start - _CONTEXT) : start]
        if self.not_before is not None:
            clause = _tail(before, _CLAUSE_OR_COMMA_RE)
            if self.not_before.search(clause):
                return False
        if self.lead is not None:
            clause = _tail(before, _CLAUSE_OR_COMMA_RE)
            if not self.lead.fullmatch(clause):
                return False
        return True


def _tail(before: str, boundary: re.Pattern[str]) -> str:
    """The part of ``before`` after its last clause boundary."""
    end = 0
    for m in boundary.finditer(before):
        end = m.end()
    return before[end:]


def _alt(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


def _body(source: str) -> str:
    return fold_pattern(source).replace(" ", _GAP)


def _compile(source: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{_body(source)})(?![^\W\d_])")


# The standard library's own parser of regular expressions: nothing public reads a pattern's
# structure, and a hand-written reader of the rule sources could disagree with ``re``. It is
# private, so it is only a speed-up: where it is missing or reads differently (another Python),
# ``_starts`` gives None and every rule runs ``finditer`` over the whole text, as before.
def _re_internals() -> tuple[Any, Any]:
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - CPython 3.11-3.13 have both
        return None, None


_RE_PARSER, _RE_OPS = _re_internals()
# Starts are cut at this many characters: longer ones find few more places to skip.
_START_CHARS: Final[int] = 6
# Steps of the walk over a pattern before it gives up (a rule then runs everywhere).
_START_STEPS: Final[int] = 20_000


def _starts(body: str) -> list[str] | None:
    """Non-empty strings one of which begins every match of ``body``; None if none are found.

    Walks the parsed pattern from its start: literals and small literal sets extend a start,
    groups and alternatives branch, optional parts are taken and skipped; anything else (a
    class, an assertion, a second repeat) ends the start there, which keeps the strings
    necessary though shorter. A body that can begin with the empty string gives None.
    """
    if _RE_PARSER is None:
        return None
    try:
        return _walk_starts(_RE_PARSER.parse(body), _RE_OPS)
    except (AttributeError, TypeError, ValueError, IndexError):
        return None  # a parse tree of another shape: no speed-up, the same matches


def _walk_starts(tree: Any, ops: Any) -> list[str] | None:
    """``_starts`` over a parse tree of ``re._parser``."""
    if tree.state.flags & (re.IGNORECASE | re.LOCALE):
        return None
    found: set[str] = set()
    steps = [_START_STEPS]
    end = (None, None)  # stands for "anything may follow"

    def walk(stack: list[Any], prefix: str) -> None:
        steps[0] -= 1
        if steps[0] < 0:
            raise OverflowError
        if len(prefix) >= _START_CHARS or not stack:
            found.add(prefix)
            return
        op, av = stack[0]
        rest = stack[1:]
        if op is ops.LITERAL:
            walk(rest, prefix + chr(av))
        elif op is ops.IN and av and all(o is ops.LITERAL for o, _ in av):
            for ch in sorted({chr(c) for _, c in av}):
                walk(rest, prefix + ch)
        elif op is ops.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            walk(list(av[3].data) + rest, prefix)
        elif op is ops.BRANCH:
            for alternative in av[1]:
                walk(list(alternative.data) + rest, prefix)
        elif op is ops.MAX_REPEAT or op is ops.MIN_REPEAT:
            low, high, item = av
            if low == 0:
                walk(rest, prefix)
            walk(list(item.data) + (rest if high == 1 else [end]), prefix)
        else:
            found.add(prefix)

    try:
        walk(list(tree.data), "")
    except OverflowError:
        return None
    if "" in found:
        return None
    kept: list[str] = []
    for start in sorted(found, key=lambda s: (len(s), s)):
        if not any(start.startswith(k) for k in kept):
            kept.append(start)
    return sorted(kept)


def _start_finder(source: str) -> re.Pattern[str] | None:
    """Where a match of the rule ``source`` can begin: a start not preceded by a letter.

    The lookbehind after each start (a letter, then the start's width) is ``_compile``'s
    lookbehind moved past the start, so the pattern begins with literals and ``re`` scans
    for their first characters instead of trying every position.
    """
    starts = _starts(_body(source))
    if starts is None:
        return None
    return re.compile("|".join(rf"{re.escape(s)}(?<![^\W\d_][\s\S]{{{len(s)}}})" for s in starts))


def _ctx(source: str | None) -> re.Pattern[str] | None:
    return None if source is None else re.compile(fold_pattern(source).replace(" ", _GAP))


@dataclass(frozen=True, slots=True)
class _Spec:
    """A rule before compilation (sources in natural spelling, spaces as optional gaps)."""

    id: str
    kind: str
    source: str
    score: float
    not_before: str | None
    not_after: str | None
    lead: str | None
    triggers: tuple[str, ...]


class RuleSet:
    """The rules of one language and their trigger stems; rules compile on first use.

    A rule runs on a text only when one of its stems occurs in the text's prefilter key: its
    own ``triggers`` if it has some, else the language's.
    """

    def __init__(
        self,
        language: str,
        triggers: Iterable[str],
        *,
        neg_self: str | None = None,
        lead: str | None = None,
    ) -> None:
        self.language = language
        self.triggers = tuple(triggers)
        self._specs: list[_Spec] = []
        self._rules: list[Rule] | None = None
        self._lock = threading.Lock()
        self._neg_self = neg_self
        self._lead = lead

    def add(
        self,
        name: str,
        kind: str,
        source: str,
        *,
        score: float | None = None,
        not_before: str | None = None,
        not_after: str | None = None,
        lead: bool = False,
        neg_self: bool = False,
        games: bool = True,
        triggers: Iterable[str] | None = None,
    ) -> None:
        """Adds a rule ``<language>.<kind>.<name>``; ``games``: not in a game context."""
        if kind not in KIND_SCORE:
            raise ValueError(f"unknown kind {kind!r}")
        after = [a for a in (not_after, _GAME_AFTER if games else None) if a]
        before = [
            b
            for b in (
                not_before,
                self._neg_self if neg_self else None,
                _GAME_BEFORE if games else None,
            )
            if b
        ]
        self._specs.append(
            _Spec(
                id=f"{self.language}.{kind}.{name}",
                kind=kind,
                source=source,
                score=KIND_SCORE[kind] if score is None else score,
                not_before=_alt(*before) if before else None,
                not_after=r"\W*" + _alt(*after) if after else None,
                lead=rf"(?:\W*{self._lead}(?![^\W\d_]))*\W*" if lead and self._lead else None,
                triggers=self.triggers if triggers is None else tuple(triggers),
            )
        )
        self._rules = None

    @property
    def rules(self) -> list[Rule]:
        """The compiled rules (compiled once, on first use: a few hundred ms per language)."""
        with self._lock:
            if self._rules is None:
                self._rules = [
                    Rule(
                        id=sp.id,
                        kind=sp.kind,
                        language=self.language,
                        regex=_compile(sp.source),
                        score=sp.score,
                        not_before=_ctx(sp.not_before),
                        not_after=_ctx(sp.not_after),
                        lead=_ctx(sp.lead),
                        starts=_start_finder(sp.source),
                    )
                    for sp in self._specs
                ]
            return self._rules

    def __len__(self) -> int:
        return len(self._specs)

    def assign_triggers(
        self, families: Mapping[str, Sequence[str]], by_rule: Mapping[str, Sequence[str]]
    ) -> None:
        """Gives every rule (by short name) the stems of the named families; all must be named."""
        names = {sp.id.split(".", 2)[2] for sp in self._specs}
        if names != set(by_rule):
            raise ValueError(f"rules without trigger families: {sorted(names ^ set(by_rule))}")
        self._specs = [
            dataclasses.replace(
                sp,
                triggers=tuple(
                    stem for fam in by_rule[sp.id.split(".", 2)[2]] for stem in families[fam]
                ),
            )
            for sp in self._specs
        ]
        self._rules = None

    def stems(self) -> list[tuple[str, str]]:
        """(stem, rule id) for every rule's trigger stems."""
        return [(stem, sp.id) for sp in self._specs for stem in sp.triggers]


# Games, sport and contests: "I'm going to kill you at chess", "te reviento en el fifa".
_GAMES: Final[str] = _alt(
    "game", "games", "match", "round", "rematch", "chess", "poker", "cards", "scrabble",
    "monopoly", "tennis", "golf", "pool", "darts", "ping ?pong", "fifa", "fortnite",
    "minecraft", "valorant", "overwatch", "cod", "warzone", "apex", "pubg", "league", "lol",
    "dota", "smash", "mario ?kart", "ranked", "pvp", "1v1", "arena", "tournament", "finals?",
    "race", "debate", "trivia", "quiz", "karaoke", "court", "ring", "pitch", "field", "gym",
    "cs", "csgo", "roblox", "among us", "halo", "tekken", "street fighter", "mortal kombat",
    "rocket league", "juego", "partida", "partido", "jeu", "partie", "spiel", "gioco",
    "partita", "jogo", "partida", "oyun", "oyunda", "mac", "игре", "игра", "катке", "доте",
    "матче", "xadrez", "ajedrez", "scacchi", "échecs", "schach", "satranc", "шахматы",
    "шахматах",
    # Card, board, bar and party games and sports people play with friends, in each language
    # ("en el mus te mato", "a scopone ti ammazzo", "no truco te mato", "au loup-garou je te
    # tue", "в преферанс я вас закопаю"): the chat of a game night, not a threat.
    "mus", "brisca", "tute", "chinchon", "domino", "dominos", "parchis", "parques", "truco",
    "sinuca", "bilhar", "futevolei", "volei", "futsal", "padel", "bolao", "quiniela",
    "scopone", "scopa", "briscola", "burraco", "risiko", "fantacalcio", "fanta",
    "calcetto", "biliardino", "kicker", "tischkicker", "skat", "doppelkopf", "catan",
    "siedler", "mau ?mau", "loup ?garou", "babyfoot", "baby ?foot", "belote", "tarot",
    "petanque", "billard", "billiards", "snooker", "bowling", "ludo", "cluedo", "mahjong",
    "backgammon", "mario ?party", "smash ?bros", "clash ?royale", "brawl ?stars",
    "free ?fire", "pes", "efootball", "hearthstone", "yugioh", "magic", "mtg",
    "преферанс", "префе", "преф", "дурака", "дурак", "покер", "нарды", "нардах", "бильярд",
    "бильярде", "фифе", "фифа", "okey", "okeyde", "tavla", "tavlada", "batak", "batakta",
    "pisti", "pistide", "fifada", "pesde", "lolde", "valoda", "pubgde", "mangala",
)  # fmt: skip
_GAME_AFTER: Final[str] = (
    r"(?:[^\W\d_]+\W+){0,3}?(?:in|at|on|en|al|au|a|à|dans|im|beim|nel|al|no|na|в|на)"
    r"\W+(?:[^\W\d_]+\W+){0,2}?" + _GAMES + r"(?![^\W\d_])"
)
# A game named earlier in the clause: "oyunda seni öldüreceğim", "в игре я тебя убью", or a
# preposition and a game: "en el mus te mato", "no truco te mato", "bei catan mach ich dich
# fertig", "fifada seni parçalayacağım" (Turkish locatives are in _GAMES).
_GAME_BEFORE: Final[str] = (
    r"(?<![^\W\d_])(?:oyunda|maçta|в игре|в катке|в доте|в матче|im spiel|en el juego"
    r"|en la partida|nel gioco|in partita|no jogo|na partida|dans le jeu|in game|ingame"
    r"|in the game"
    r"|(?:(?:in|at|on|en|al|au|a|à|aux|dans|im|beim|bei|nel|nella|allo|alla|no|na|nos|nas|в|на|во)"
    r"\W+(?:(?:the|el|la|los|las|il|lo|le|les|o|os|as|der|die|das|dem|den|un|una|une)\W+)?"
    + _GAMES
    + r")|okeyde|tavlada|batakta|pistide|fifada|pesde|lolde|valoda|pubgde)(?![^\W\d_])"
)

# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------

_EN_SPK = _alt(
    r"(?:i|we) (?:'?ll|will|wil|shall|shal)",
    r"(?:i|we) (?:am|'?m|are|'?re)? (?:gonna|gunna|going to|goin to|goin ta|about to|fixing to"
    r"|fixin to|finna|coming to|coming over to|here to|ready to)",
    r"(?:i|we) (?:want to|wanna|plan to|intend to|promise to|swear to|vow to|mean to|need to"
    r"|have to|got to|gotta|am going to have to|'?ll have to)",
    r"imma|ima|i'?mma|i'?ma",
)
_EN_FILL_WORDS = _alt(
    "fucking", "fuckin", "freaking", "frickin", "literally", "personally", "actually",
    "definitely", "absolutely", "seriously", "really", "just", "gladly", "happily", "slowly",
    "brutally", "painfully", "then", "also", "still", "soon", "eventually", "one day",
    "someday", "probably", "certainly", "totally", "surely", "come", "go", "and", "both",
    "all", "first", "myself", "ourselves", "hunt you down", "track you down", "find you",
    "come over", "come back", "come to your house", "show up", "wait", "wait for you",
    "catch you", "sneak in", "break in", "pay you a visit", "visit you", "make sure to",
    "make sure i", "not hesitate to", "be the one to", "be sure to",
)  # fmt: skip
_EN_FILL = rf"(?:{_EN_FILL_WORDS}\W+){{0,4}}"
# "find where you live and", "track you down and", "come to your school and".
_EN_FILL_AND = (
    r"(?:(?:find|track|hunt|come|go|wait|catch|follow|show|break|sneak|drive|get|visit|pay)"
    r"\w*[^.!?\n]{0,45}?\Wand\W+|(?:your|ur|his|her|their) [^.!?\n]{0,25}?\W(?:to|and)\W+)?"
)
_EN_YOU = _alt(
    r"you|u|ya|yah|yu|yall|y'?all|you all|you guys|you both|you two|you people|thee",
    r"each of you|every one of you|all of you|every last one of you",
    r"(?:your|ur|yo) (?:whole |entire |little |precious |stupid )?(?:family|kids?|children"
    r"|child|wife|husband|mom|mum|mother|dad|father|parents|sister|brother|son|daughter"
    r"|girlfriend|boyfriend|gf|bf|baby|babies|friends?|loved ones|dog|cat|pets?|family members"
    r"|grandma|grandmother|grandpa|grandfather|relatives|people|crew|boss|bitch ass|ass)",
)
_EN_PERSON = _alt(
    "guy", "man", "woman", "dude", "bitch", "bastard", "idiot", "moron", "asshole", "prick",
    "cunt", "fucker", "motherfucker", "mf", "kid", "clown", "loser", "girl", "boy", "retard",
    "piece of shit", "pos", "jerk", "freak", "creep", "pig", "fool", "scumbag", "snitch", "rat",
    "whore", "slut", "faggot", "fag", "dickhead", "twat", "wanker", "son of a bitch", "hoe",
    "teacher", "neighbou?r", "ex", "landlord", "cop", "judge", "president", "senator",
    "mayor", "politician", "journalist", "reporter", "admin", "mod", "moderator", "streamer",
    "ref", "referee", "umpire", "coach", "boyfriend", "girlfriend",
)  # fmt: skip
# Whose body part: "your", "that ref's", "your kids'", "ur boyfriend's".
_EN_POSS = (
    r"(?:(?:that|this|the) (?:ref|referee|umpire|mod|moderator|admin|guy|dude|bitch|teacher"
    r"|cop|judge|kid|clown|loser|streamer|coach)'?s|(?:your|ur|his|her|their) (?:whole )?"
    r"(?:kids?|family|boyfriend|girlfriend|bf|gf|wife|husband|mom|mum|dad|brother|sister|son"
    r"|daughter|friends?|parents|baby)(?:'s|'|s')?|your|ur|yo|his|her|their)"
)
# "her" is also a possessive ("hurt her feelings"): only as an object at the clause's end or
# before a word that cannot be a noun.
_EN_HER = (
    r"her(?=\W*(?:$|[.!?,;:\n)]|and\W|if\W|when\W|tonight|today|tomorrow|now\W|with\W|in\W"
    r"|myself|too\W|i\W|lol|dead|slowly|first|right|next|soon|bitch|again|so\W|for\W|because))"
)
_EN_THIRD = _alt(
    "him",
    _EN_HER,
    rf"(?:this|that|the|some|every) {_EN_PERSON}",
    r"(?:his|her|their) (?:whole )?(?:family|kids|children|wife|husband|mom|mother|dad|son"
    r"|daughter)",
)
_EN_GROUPS = _alt(
    "people", "men", "women", "jews", "muslims", "moslems", "christians", "catholics",
    "protestants", "hindus", "sikhs", "buddhists", "atheists", "arabs", "blacks", "whites",
    "asians", "latinos", "hispanics", "mexicans", "africans", "indians", "pakistanis",
    "chinese", "japanese", "koreans", "russians", "ukrainians", "americans", "europeans",
    "germans", "french", "british", "brits", "irish", "poles", "turks", "kurds", "armenians",
    "greeks", "serbs", "albanians", "gypsies", "roma", "israelis", "palestinians",
    "zionists", "immigrants", "migrants", "refugees", "illegals", "foreigners", "gays",
    "lesbians", "queers", "homos", "trans", "trannies", "transgenders", "fags", "faggots",
    "niggers", "niggas", "kikes", "spics", "chinks", "wetbacks", "towelheads", "ragheads",
    "liberals", "libtards", "leftists", "lefties", "conservatives", "republicans",
    "democrats", "commies", "communists", "socialists", "fascists", "nazis", "antifa",
    "feminists", "feminazis", "cops", "police", "pigs", "soldiers", "politicians",
    "journalists", "reporters", "teachers", "doctors", "nurses", "landlords", "bankers",
    "billionaires", "priests", "infidels", "kafirs", "kuffar", "heretics", "unbelievers",
    "shias", "sunnis", "boomers", "incels", "furries", "vegans", "pedos", "pedophiles",
    "paedophiles", "rapists", "criminals", "junkies", "addicts", "homeless", "bums",
    "savages", "animals", "vermin", "subhumans", "scum", "parasites", "traitors",
    "(?!(?:play|wish|check|to-?do|black|white)?lists)[a-z]{3,}(?:ists|ians)",
)  # fmt: skip
_EN_GROUP = _alt(
    r"them all|'?em all|all of them|every (?:last |single )?one of them",
    r"each (?:and every )?one of them|the lot of them|every last one",
    rf"(?:those|these|all those|all these|all the|all of the|all|every single|every) {_EN_GROUPS}",
    rf"(?:the )?{_EN_GROUPS}",
)
_EN_OBJ = _alt(_EN_YOU, _EN_THIRD)
_EN_VERB = _alt(
    "kill", "murder", "stab", "shank", "strangle", "choke", "smother", "suffocate", "drown",
    "lynch", "behead", "decapitate", "slaughter", "butcher", "gut", "torture", "rape",
    "mutilate", "dismember", "maim", "cripple", "hurt", "injure", "bury", "poison", "end",
    "knife", "hang", "execute", "kidnap", "whack", "gun down", "run over", "burn", "cut",
    "shoot", "punch", "stomp", "skin", "eviscerate", "disembowel", "castrate", "assassinate",
    "exterminate", "slit", "shoot up", "strangulate", "electrocute", "beat to death",
    "curb ?stomp", "headshot",
)  # fmt: skip
# Unambiguous even against a bare "them" (no sport or party sense).
_EN_VERB_STRONG = _alt(
    "stab", "shank", "strangle", "behead", "decapitate", "lynch", "hang", "gas", "torture",
    "rape", "mutilate", "dismember", "shoot", "slaughter", "butcher", "execute", "exterminate",
    "burn alive", "gun down", "assassinate", "genocide", "massacre", "nuke", "bomb",
)  # fmt: skip
# The object is followed by what the verb gives rather than does ("shoot you an email",
# "cut you a slice", "burn you a cd", "kill you with kindness").
_EN_NOT_AFTER_OBJ = (
    r"(?:an?|some|another|one|off|in on|loose|slack|out of|with (?:kindness|love|hugs|kisses"
    r"|my (?:cooking|jokes|puns|cuteness))|up (?:on|with|later|tomorrow)|back|over|a line|later"
    r"|feelings|chances|pride|ego|career|reputation|business|image|brand|vibe|buzz|credibility"
    r"|argument|record|score|rating|time|sleep|hair)(?![^\W\d_])"
)
_EN_BODY = (
    r"(?:face|head|skull|legs?|arms?|neck|teeth|jaw|nose|bones|kneecaps?|knees?|fingers?|spine"
    r"|ribs|back|windpipe|eye sockets?|(?:whole |entire )?body|every bone in (?:your|ur|his"
    r"|her|their) body)"
)


def _en_phrases(obj: str, poss: str) -> str:
    """Violent acts on ``obj`` (or a body part after ``poss``) that need no further object."""
    return _alt(
        rf"(?:break|snap|crack|smash|bash|cave|shatter|crush|fracture|bust|split|kick|punch"
        rf"|knock|stomp|beat) (?:in )?{poss} {_EN_BODY}(?: (?:in|out|off|open))?",
        rf"(?:slit|cut|slash|rip|tear|gouge|pull|stab|cut off|rip out|tear out|cut out)"
        rf" {poss} (?:throat|neck|wrists?|eyes?|tongue|heart|guts|balls|head|face|fingers?"
        rf"|ears?)(?: (?:out|off|open))?",
        rf"blow {poss} (?:brains?|head|face|kneecaps?|legs?) (?:out|off)",
        rf"put (?:a|one|two|some|the|my) (?:bullets?|rounds?|slugs?|knife|blade|hole|cap)"
        rf" (?:in|into|through|between) (?:{obj}|{poss} (?:head|skull|brain|face|chest|heart"
        rf"|back|eyes|gut|stomach|neck))",
        rf"put {obj} (?:(?:in|into|under)(?: (?:the|a|an))? )?(?:ground|grave|dirt|hospital"
        rf"|coffin|casket|body bag|wheelchair|morgue|icu|box|urn|six feet under|early grave)",
        rf"(?:break|snap|crack|shatter) every bone in {poss} body",
        r"(?:shoot|bomb|blow) up (?:the|this|that|your|ur|his|her|their|our) (?:school|office"
        r"|church|mosque|synagogue|temple|mall|concert|class|classroom|workplace|building"
        r"|party|house|work)",
        rf"beat {obj} (?:up|to death|to a pulp|senseless|black and blue|half to death|bloody"
        rf"|unconscious|within an inch of (?:your|his|her|their) lives?|the (?:shit|crap|hell"
        rf"|fuck|life|living daylights) out of)",
        rf"(?:beat|kick|knock|choke|slap) the (?:shit|crap|hell|fuck|life|living daylights)"
        rf" out of {obj}",
        rf"kick {obj} to death",
        rf"(?:set|light) {obj} on fire",
        rf"(?:burn|skin|bury|boil|cook) {obj} alive",
        rf"burn (?:down )?{poss} (?:house|home|car|place|school)(?: down)?",
        rf"feed {obj} to (?:the|my) (?:dogs|pigs|fish|sharks|crocodiles|gators|wolves)",
        rf"fill {obj} (?:full of|with) (?:lead|bullets|holes)",
        rf"(?:stab|shoot|knife) {obj} (?:dead|to death|in (?:the|your|ur|his|her|their)"
        rf" (?:head|face|back|neck|legs?|knees?|kneecaps|chest|heart|gut|stomach|balls|eyes?"
        rf"|throat))",
        rf"make {obj} (?:bleed|suffer|disappear|pay with (?:your|his|her|their) lives?)",
        rf"(?:take|end) {poss} (?:miserable |pathetic |worthless |sorry )?(?:lives?|existence)",
        rf"(?:snap|break) {obj} in (?:half|two)",
        rf"(?:rip|tear) {obj} (?:apart|to pieces|to shreds|limb from limb|open)",
        rf"(?:cut|chop|slice|hack) {obj} (?:up|open|into pieces|to pieces|to ribbons|to shreds"
        rf"|deep|into little pieces)",
        rf"hang {obj} (?:from|by|up by)",
        rf"(?:choke|knock) {obj} out cold",
        rf"run {obj} (?:over|down)(?!\W+(?:to|into|there|for|at|the|later|now)(?![^\W\d_]))",
        rf"gun {obj} down",
        rf"make sure {obj} (?:never|don'?t|do not|doesn'?t|won'?t|will never|can'?t|cannot)"
        rf" (?:walk|wake up|see|breathe|speak|talk|live)",
        rf"(?:strangle|choke) {obj} (?:to death|with)",
        rf"(?:smash|bash|cave) {poss} (?:face|head|skull) in",
    )


_EN_PASSIVE = _alt(
    "shot", "killed", "murdered", "hanged", "hung", "lynched", "executed", "gassed", "burned",
    "burnt", "burned alive", "burnt alive", "stabbed", "beheaded", "slaughtered", "butchered",
    "exterminated", "eradicated", "wiped out", "put down", "put to death",
    "lined up and shot", "shot on sight", "strung up", "taken out back and shot",
    "beaten to death", "stoned", "stoned to death", "drowned", "nuked", "bombed", "tortured",
    "raped", "castrated", "gunned down", "hunted down", "skinned alive", "put against a wall",
    "put in (?:a|the) ground", "dead", "be dead",
    # Bare verbs, not as in "hang out", "burn the letters", "hang yourself a hammock".
    r"(?:die|rot|burn|hang|swing)(?!\W+(?:out|up|around|on|onto|in|with|there|loose|tight|back"
    r"|the|an?|your|his|her|their|my|yourself|himself|herself|themselves|it|this|that|some"
    r"|off|down|over|together)(?![^\W\d_]))",
)  # fmt: skip
_EN_NEG_SELF = (
    r"\b(?:(?<!why\s)(?:don'?t|dont|do not)|never|(?<!why\s)not|no need to|won'?t|wont"
    r"|wouldn'?t|could|couldn'?t|would"
    r"|might|may|almost|nearly|tried|trying|try|careful|how|did|does|didn'?t|can|can'?t|cannot"
    r"|if|when|said|says|told|tells|telling|asked|who|which|people|someone|somebody|he|she"
    r"|they|it|accidentally|kids|'?ll|will|want to|wanted to|going to|gonna|about to|used to"
    r"|had to|make me|made me|thoughts? of|urge to|tempted to|why would|before you)\b"
)
_EN_LEAD = _alt(
    "go", "just", "pls", "please", "plz", "kindly", "now", "so", "and", "then", "seriously",
    "honestly", "srsly", "bro", "dude", "man", "lol", "lmao", "fucking", "fuckin", "u should",
    "you should", "you need to", "u need to", "you ought to", "you oughta", "you better",
    "u better", "why don'?t you", "why dont you", "why don'?t u", "why not", "do (?:us|me|everyone"
    "|the world|yourself) (?:all )?a favou?r and", "nobody cares", "no one cares", "shut up and",
    "stfu and", "hey", "yo", "ok", "okay", "ugh", "omg", "wow", "idiot", "loser", "moron", "bitch",
    "retard", "fag", "faggot", "cunt", "asshole", "bastard", "stupid", "dumb", "fat", "ugly",
    "little", "worthless", "pathetic", "piece of shit", "you", "u", "ya", "again", "already",
    "please just", "better yet", "honestly just", "i hope you", "i hope u", "hope you",
    "hope u", "i think you should", "i want you to", "no joke", "i'?m serious", "im serious",
    "mate", "ok", "trust me", "listen", "seriously tho", "tbh", "for real", "fr",
)  # fmt: skip


def _combos(heads: Iterable[str], tails: Iterable[str]) -> list[str]:
    """Every head followed by every tail (trigger stems are letters only, gaps dropped)."""
    tails = list(tails)
    return [h + t for h in heads for t in tails]


# Objects a violent verb takes in the rules; verbs too common inside other words ("cut" in
# "execute", "end" in "friend") are triggers only together with one of them.
_EN_PERSON_OBJ: Final[tuple[str, ...]] = (
    "you", "u", "ya", "yall", "him", "her", "them", "em", "his", "their", "your", "ur", "yo",
    "thee",
)  # fmt: skip
_EN_DEM_OBJ: Final[tuple[str, ...]] = (
    "this", "that", "the", "some", "every", "each", "all", "those", "these",
)  # fmt: skip
_EN_SHORT_VERBS: Final[tuple[str, ...]] = (
    "cut", "gut", "hang", "burn", "hurt", "bury", "skin", "punch", "stomp", "knife", "whack",
    "gun", "run", "slit", "beat", "break", "snap", "crack", "smash", "bash", "cave", "kick",
    "knock", "rip", "tear", "gouge", "blow", "put", "feed", "fill", "chop", "slice", "hack",
    "choke", "slap", "gas", "bomb", "nuke", "bust", "whoop", "whip", "shatter", "crush",
    "fractur", "split", "boil", "cook", "wipe", "stamp", "snuff", "root", "pull", "slash",
    "stab", "shoot", "rape", "hunt", "track",
)  # fmt: skip
_EN_DEM_VERBS: Final[tuple[str, ...]] = (
    "stab", "shoot", "hang", "beat", "kick", "choke", "punch", "gas", "nuke", "bomb", "rape",
    "knock", "slap", "stomp", "whack", "hurt", "bury", "burn",
)  # fmt: skip
_EN_MODALS: Final[tuple[str, ...]] = (
    "should", "must", "needto", "needsto", "oughtto", "oughta", "gotta", "hasto", "haveto",
    "better", "deserveto", "deservesto",
)  # fmt: skip
_EN_SELF_VERBS: Final[tuple[str, ...]] = (
    "kill", "hang", "neck", "off", "unalive", "rope", "delete", "end", "shoot", "gas", "poison",
    "drown", "stab", "slit", "cut", "burn", "choke", "starve", "suffocate", "strangle", "behead",
)  # fmt: skip


def _en_triggers() -> dict[str, list[str]]:
    """Trigger stems per family of English rules (a rule runs only when its stems occur)."""
    groups = [g for g in _EN_GROUPS[3:-1].split("|") if g.isalpha()]
    you_are = ("youre", "youare", "ure", "yare", "ya", "ur")
    dead = [
        "dead", "goner", "donefor", "coffin", "bodybag", "ditch", "grave", "morgue",
        *_combos(you_are, ("toast", "history", "finished")),
    ]  # fmt: skip
    will = ("ll", "will", "gonna", "goingto", "gunna")
    return {
        "violence": [
            # Verbs rare inside other words: the stem alone.
            "kill", "murder", "strangl", "behead", "decapitat", "lynch", "tortur", "mutilat",
            "dismember", "slaughter", "butcher", "massacr", "genocid", "extermin", "assassin",
            "disembowel", "eviscerat", "castrat", "electrocut", "suffocat", "smother", "drown",
            "poison", "kidnap", "maim", "crippl", "shank", "injur", "execut", "eradicat",
            "bullet", "onfire", "inhalf", "intwo", "apart", "topieces", "toshreds",
            "limbfromlimb", "outcold", "makesure", "sixfeetunder", "bodybag", "grave",
            "coffin", "wheelchair", "morgue", "casket", "bleed", "suffer", "disappear",
            *_combos(_EN_SHORT_VERBS, _EN_PERSON_OBJ),
            *_combos(_EN_DEM_VERBS, _EN_DEM_OBJ),
            *_combos(_EN_SHORT_VERBS, _combos(("that", "this", "the"), (
                "ref", "mod", "guy", "bitch", "teacher", "cop", "judge", "admin", "umpire",
                "streamer", "coach", "kid", "clown", "dude", "loser"))),
            # "end" hides in "friend", "weekend": only after what comes before it in the rules.
            *_combos(
                _combos(("ll", "will", "wil", "shall", "gonna", "gunna", "to", "ma", "finna",
                         "just", "fucking", "then", "and", "personally", "literally", "gladly",
                         "slowly", "come", "go", "all", "d", "would"), ("end",)),
                ("you", "u", "ya", "yall", "him", "her", "them", "em", "your", "ur", "his",
                 "their"),
            ),
            "shootup", "bombup", "everybone",
            *_combos(("blowup",), ("the", "this", "your", "ur", "our")),
            *_combos(("gas", "nuke", "bomb", "shoot", "hang", "burn", "stab", "rape", "beat"),
                     groups),
            *_combos(("your", "ur", "yo", "his", "her", "their"), ("life", "lives", "existence",
                     "ass", "fuckingass")),
        ],
        "dead": dead,
        "will_die": _combos(will, (
            "die", "bekilled", "getkilled", "getshot", "getstabbed", "gethurt", "disappear",
            "bleed", "paywith", "befound", "bedead", "bein",
        )),
        "wont_live": [
            "livetosee", "livelong", "livepast", "livethrough", "liveanother", "liveuntil",
            "livetill", "survive", "makeitout", "makeithome", "makeitthrough", "makeitto",
            "seetomorrow", "seeanother", "seethemorning", "seethesunrise", "seethenext",
            "seethelight", "seetheweekend", "seeyournext", "wakeuptomorrow",
        ],
        "know_where": [
            *_combos(("where",), ("you", "u", "ya", "your", "ur")), "whatschool",
            *_combos(("your", "ur"), ("address", "homeaddress")),
        ],
        "family": [
            "notsafe", "besafe", "tsafe", "longersafe", "bealive", "notalive", "protected",
            *_combos(("save", "protect"), ("you", "u", "ya", "your", "ur")), "thebody",
            *_combos(("your", "ur"), ("body",)), "happento", "happenedto", "happensto",
        ],
        "coming": [
            "comingfor", "comefor", "comingafter", "comeafter", "cummingfor", "numbered",
            "countyourdays", "seeitcoming", "seemecoming", "seeuscoming", "ismine", "isgrass",
            "inhell", *_combos(("hunt", "track"), ("you", "u", "ya")),
        ],
        "passive": [
            "deserve",
            *_combos(_EN_MODALS, ("be", "get", "die", "rot", "burn", "hang", "swing", "dead",
                                  "all", "just", "fucking", "really")),
        ],
        "hope": [
            *_combos(("hope", "pray", "praying", "wish"), ("you", "u", "ya", "he", "she",
                                                          "they", "someone", "somebody",
                                                          "your", "that")),
            *_combos(("want", "wish", "need", "see"), _combos(("you", "u", "him", "her", "them"),
                                                              ("dead", "todie", "die", "bleed",
                                                               "suffer", "hang", "burn", "ina"))),
        ],
        "if_harm": [
            *dead, "gethurt", "getkilled",
            *_combos(will, ("die", "bedead", "gethurt", "bleed", "suffer", "endup", "never",
                            "not", "wish", "regret", "makeyou", "makeu", "endyou", "endu",
                            "hurtyou", "hurtu", "breakyou", "breaku", "breakyour", "breakur")),
        ],
        "if_see_you": _combos(will, ("regret", "besorry", "pay")),
        "watch": [
            *_combos(("your", "ur", "yo"), ("back", "six")), "oneeyeopen", "seeitcoming",
            "seemecoming", "seeuscoming",
        ],
        "or_else": ["orelse"],
        "pay": [
            *_combos(("pay", "give", "reward"), ("anyone", "someone", "somebody", "whoever",
                                                 "anybody", "thefirst")),
            *_combos(("have", "got", "know"), ("people", "guys", "friends", "homies", "boys",
                                               "somepeople", "aguy", "someonewho",
                                               "someonethat", "afewguys")),
        ],
        "group_words": [
            "deathto", *_combos(("wipe", "stamp", "snuff", "root"), ("them", "out", "em")),
        ],
        "self": [
            *_combos(("your", "ur", "yo", "ya", "you", "u", "thy"), ("self", "selves", "sel")),
            *_combos(_EN_SELF_VERBS, ("self", "selves")), "anhero",
        ],
        "kys": ["kys"],
        "die": [
            *_combos(("go", "just", "pls", "please", "plz", "kindly", "now", "and", "fucking"),
                     ("die", "rot", "croak")),
            *_combos(("die",), ("already", "inafire", "inahole", "inaditch", "inacar", "inthe",
                                "inhell", "bitch", "slowly", "painfully", "irl", "alone", "plz",
                                "pls", "please", "loser", "idiot", "you")),
            "rotinhell",
        ],
        "do_it": [
            "dropdead", "goendit", "suicid", "sudoku", "enditall", "bridge", "cliff", "jumpoff",
            "jumpfrom", "throwyourself", "jumpinfront", "traffic", "wrist", "bleach", "cyanide",
            "antifreeze", "drano", "gasoline", "eatabullet", "eatagun", "eatashotgun",
            "eatmygun", "swallowabullet", *_combos(("your", "ur"), ("life", "ownlife")),
        ],
    }  # fmt: skip


def _english() -> RuleSet:
    en = RuleSet("en", triggers=(), neg_self=_EN_NEG_SELF, lead=_EN_LEAD)
    obj_you, obj_3 = _EN_YOU, _EN_THIRD
    poss_all = _EN_POSS
    head = rf"{_EN_SPK} {_EN_FILL}{_EN_FILL_AND}"
    # Direct: speaker + future/intent + act + person.
    en.add("verb_you", "direct", rf"{head}{_EN_VERB} {obj_you}", not_after=_EN_NOT_AFTER_OBJ)
    en.add("verb_third", "direct", rf"{head}{_EN_VERB} {obj_3}", not_after=_EN_NOT_AFTER_OBJ)
    en.add("act", "direct", rf"{head}{_en_phrases(_EN_OBJ, poss_all)}")
    en.add(
        "kick_ass",
        "direct",
        rf"{head}(?:kick|beat|whoop|whip|bust) (?:your|ur|yo|his|her) (?:fucking )?ass",
        score=0.6,
    )
    en.add("would", "conditional", rf"(?:i|we) (?:would|'?d) {_EN_FILL}{_EN_VERB} {obj_you}",
           not_after=_EN_NOT_AFTER_OBJ)  # fmt: skip
    # Groups.
    en.add("verb_group", "group", rf"{head}(?:{_EN_VERB}|gas|nuke|bomb) {_EN_GROUP}",
           not_after=_EN_NOT_AFTER_OBJ)  # fmt: skip
    en.add("verb_them", "group", rf"{head}{_EN_VERB_STRONG} them")
    en.add("act_group", "group", rf"{head}{_en_phrases(_EN_GROUP, 'their')}")
    subject_group = _alt(
        "they",
        "them",
        _EN_GROUP,
        r"(?:all )?(?:these|those|such) (?:people|\w+s)",
        r"people like (?:you|them|that|him|her|this)",
    )
    modal = (
        r"(?:should|must|need to|needs to|ought to|oughta|deserve to|deserves to|gotta"
        r"|have to|has to|better)"
    )
    en.add(
        "passive_group",
        "group",
        rf"{subject_group} (?:all )?{modal} (?:all |just |fucking |really )*(?:be |get )?"
        rf"(?:all )?{_EN_PASSIVE}",
        not_after=r"(?:in (?:the|a|this) (?:game|movie|show|film|book|series|story)|of old age"
        r"|of natural causes|eventually|someday|one day|on (?:the )?inside|a little|laughing)",
    )
    en.add(
        "imperative_group",
        "group",
        rf"(?:{_EN_VERB}|gas|nuke|bomb|{_EN_VERB_STRONG}) (?:them|'?em|those \w+|these \w+) all"
        rf"|(?:{_EN_VERB_STRONG}|kill|murder|gas|nuke|exterminate|eradicate) (?:all|every)"
        rf" (?:the |of the |those |these )?{_EN_GROUPS}",
    )
    en.add("death_to", "group", rf"death to (?:all )?(?:the )?(?:{_EN_GROUPS}|them)")
    en.add("wipe_out", "group", rf"(?:wipe|stamp|snuff|root) (?:them|{_EN_GROUPS}) (?:all )?out"
           rf"|(?:wipe|stamp) out (?:all )?(?:the )?(?:{_EN_GROUPS})")  # fmt: skip
    # Indirect: the target is dead, will not survive, is watched, should be harmed.
    you_are = r"(?:you'?re|you are|youre|ur|u r|u are|you r|ya|ya'?re|u'?re)"
    en.add(
        "you_dead",
        "indirect",
        rf"{you_are} (?:already |so |fucking |as good as |gonna be |going to be |a )*"
        rf"(?:dead|dead meat|a goner|goner|toast|dead man walking|dead (?:man|woman|boy|girl"
        rf"|kid|bitch))"
        rf"|(?:you|u) (?:'?ll|will|are going to|'?re going to|'?re gonna|are gonna|gonna)"
        rf" (?:be )?(?:found )?(?:dead|in (?:a|the) (?:coffin|body bag|ditch|grave|morgue))",
        not_after=r"(?:to (?:me|us|him|her|them)|wrong|right|serious|seriously|tired|set|last"
        r"|on|inside|broke|ass|weight|end|even|ahead|center|centre|sexy|cute|funny|gorgeous|sure"
        r"|bored|boring|in the water|on arrival|asleep|of|with|for|lol|lmao|haha|xd|at|in (?!a\W"
        r"|the\W)|and (?:i|we) (?:love|miss)|already\?)",
    )
    en.add(
        "you_will_die",
        "indirect",
        r"(?:you|u|ya) (?:'?ll|will|are going to|'?re going to|'?re gonna|are gonna|gonna|r gonna)"
        r" (?:die|be killed|get killed|get shot|get stabbed|get hurt|disappear|bleed"
        r"|pay with your (?:life|blood))",
        not_after=r"(?:alone|a virgin|of|one day|someday|eventually|happy|laughing|trying|old"
        r"|lonely|sad|too|before|when|as|without|if|unless|from|in (?:your|ur) sleep|poor|young"
        r"|rich|broke|waiting|lol)",
    )
    en.add(
        "wont_live",
        "indirect",
        r"(?:you|u|ya|he|she|they) (?:won'?t|will not|wont|aren'?t going to|ain'?t gonna"
        r"|are not going to|r not gonna|will never) (?:live to see|live long|live past"
        r"|live through|live another|live until|live till|survive (?:the night|the week|this"
        r"|tomorrow|another|till|until|the day|the year)|make it (?:out alive|home|through the"
        r" night|to (?:tomorrow|monday|the weekend))|see (?:tomorrow|another day|the (?:morning"
        r"|sunrise|next day|light of day|weekend)|your (?:next birthday|kids|family) again)"
        r"|wake up tomorrow)",
    )
    en.add(
        "know_where",
        "indirect",
        r"(?:i|we) (?:know|found|find out|found out|'?ll find|will find|'?m going to find"
        r"|am going to find|'?re going to find|'?m gonna find|have|got|'?ve got|know exactly"
        r"|already know) (?:out )?(?:exactly )?(?:where (?:you|u|ya|your (?:kids?|children"
        r"|family|wife|mom|mum|parents|husband)) (?:live|lives|sleep|sleeps|go to school"
        r"|goes to school|stay|stays)|what school your (?:kids?|children|son|daughter) (?:go"
        r"|goes) to|(?:your|ur) (?:home )?address)"
        r"|(?:i|we) (?:know|found out) (?:exactly )?where (?:your|ur) (?:boyfriend|girlfriend|bf"
        r"|gf|brother|sister|dad|mom|mum|wife|husband|son|daughter|kids?|family) (?:works?|lives?"
        r"|sleeps?|stays?|goes to school|hangs out)"
        r"|(?:i|we) know (?:exactly )?where (?:he|she|that (?:ref|mod|guy|bitch)) (?:lives|works"
        r"|sleeps)(?=\W*(?:$|lol|lmao|just saying|sleep (?:well|tight)|see you|think about it"
        r"|watch))",
    )
    en.add(
        "family_unsafe",
        "indirect",
        r"(?:your|ur) (?:whole |entire )?(?:family|kids|children|wife|husband|mom|mum|mother"
        r"|parents|loved ones|house|home|daughter|son) (?:won'?t|will not|wont|isn'?t|is not"
        r"|aren'?t|are not|will never|ain'?t|is no longer|are no longer) (?:be )?(?:safe|alive"
        r"|protected)"
        r"|(?:nobody|no one|noone) (?:can|will|could) (?:save|protect) (?:you|u|ya|your)"
        r"|(?:nobody|no one|noone|they) (?:will )?(?:ever )?(?:find|found) (?:your|ur|the) body"
        r"|something (?:bad |terrible |nasty |awful |very bad )?(?:will|is going to|is gonna"
        r"|gonna|might|could) happen to (?:you|u|your|ur)"
        r"|(?:shame|pity) if something (?:bad )?(?:were to |was to )?(?:happen|happened"
        r"|happens) to (?:you|u|your|ur|him|her|them|that (?:ref|mod|guy|bitch))",
    )
    en.add(
        "coming_for",
        "indirect",
        r"(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will) (?:be )?(?:coming|cumming"
        r"|come) (?:for|after) (?:you|u|ya|your (?:family|kids|children|wife|mom|house|head))"
        rf"|{_EN_SPK} (?:hunt|track) (?:you|u|ya) down"
        r"|(?:your|ur) days are numbered|count your days|you'?(?:ll| will) never see (?:it|me)"
        r" coming|(?:your|ur) (?:ass|head) is (?:mine|grass)|i'?ll see (?:you|u) in hell",
        not_after=r"(?:with|tomorrow at|at \d|to (?:pick|collect|get)|for (?:dinner|lunch|the))",
    )
    en.add(
        "call",
        "indirect",
        rf"(?:someone|somebody|anyone|anybody|people|y'?all|you guys|you|u|they|the cops"
        rf"|the police|i hope (?:someone|somebody)) (?:should|needs? to|ought to|oughta|has to"
        rf"|have to|gotta|must|better|please|pls|plz|will|'?ll|is gonna|is going to|gonna"
        rf"|can|could|would) (?:just |really |finally |go |and |fucking |please )*"
        rf"(?:{_EN_VERB} (?:{_EN_THIRD}|{_EN_YOU})|{_en_phrases(_EN_OBJ, poss_all)})",
        not_after=_EN_NOT_AFTER_OBJ,
    )
    # "I'll pay anyone who will shoot that ref", "we have people who can cut your throat".
    en.add(
        "call_pay",
        "indirect",
        r"(?:(?:i'?ll|i will|i'?d|i would|we'?ll|we will) (?:pay|give \S+ to|reward) (?:anyone"
        r"|someone|somebody|whoever|anybody|the first person)(?: who| that)?(?: will| can"
        r"| would|'?ll| is willing to| has the guts to| dares to)?"
        r"|(?:i|we) (?:have|got|'?ve got|know) (?:people|guys|friends|homies|boys|some people"
        r"|a guy|someone|a few guys) (?:who|that)(?: can| will| would| could|'?d|'?ll"
        r"| are ready to| is ready to| would love to)?)"
        r" (?:just |really |finally |go |and |fucking |gladly |happily )*"
        rf"(?:{_EN_VERB} (?:{_EN_THIRD}|{_EN_YOU})|{_en_phrases(_EN_OBJ, poss_all)})",
        not_after=_EN_NOT_AFTER_OBJ,
    )
    en.add(
        "hope_someone",
        "indirect",
        r"(?:i |we )?(?:hope|pray|wish) (?:that )?(?:someone|somebody|some1|sum1|one day someone)"
        r" (?:just |really |finally |fucking )*(?:kill|murder|stab|shoot|strangle|choke|drown"
        r"|hang|behead|butcher|slaughter|torture|rape|poison|burn|run over|gut|knife|beat"
        rf"|shank|lynch|slit)(?:s|es)? (?:{_EN_THIRD}|{_EN_YOU})(?: (?:out|up|to death|dead"
        r"|alive))?",
        not_after=_EN_NOT_AFTER_OBJ,
    )
    en.add(
        "call_group",
        "group",
        rf"(?:someone|somebody|anyone|anybody|people|we|you|u|y'?all|you guys|they)"
        rf" (?:should|needs? to|ought to|oughta|has to|have to|gotta|must|better|please|pls"
        rf"|plz) (?:just |really |finally |go |and |fucking )*"
        rf"(?:{_EN_VERB}|gas|nuke|bomb) (?:{_EN_GROUP}|them)",
        not_after=_EN_NOT_AFTER_OBJ,
    )
    one = _alt("you", "u", "he", "she", "him", r"this \w+", r"that \w+", "ya")
    en.add(
        "passive_one",
        "indirect",
        rf"{one} (?:should|must|needs? to|ought to|oughta|deserves? to|gotta|has to|have to"
        rf"|better) (?:just |fucking |really )*(?:be |get )?{_EN_PASSIVE}",
        not_after=r"(?:in (?:the|a|this) (?:game|movie|show|film|book|series|story)|of old age"
        r"|of natural causes|eventually|someday|one day|on (?:the )?inside|a little|laughing"
        r"|tired|from|to (?:me|the world)|inside|at)",
        not_before=r"\b(?:photo|picture|pic|movie|film|scene|video|shot|plant|bug|process"
        r"|meat|chicken|steak)s?\W*$",
    )
    en.add(
        "deserve",
        "indirect",
        rf"{one} (?:deserves?|deserve) (?:to (?:die|rot|suffer|burn|hang|bleed"
        rf"|be (?:{_EN_PASSIVE}))|a (?:bullet|slow death|painful death|beating|knife)|death"
        r"|the death penalty)",
    )
    en.add(
        "hope",
        "indirect",
        r"(?:i |we )?(?:hope|pray|wish|praying) (?:that )?(?:you|u|ya|he|she|they|someone"
        r"|somebody|your (?:family|kids|mom|mother|wife)) (?:gets? |will |'?ll |would |'?d )?"
        r"(?:die|dies|rot|rots|burn|burns|suffer|suffers|choke|chokes|drown|drowns"
        r"|get cancer|gets cancer|(?:be |get |gets )?(?:shot|stabbed|killed|murdered|raped"
        r"|run over|hit by a (?:car|bus|truck|train)|hanged|lynched|beaten|tortured)"
        r"|(?:kills?|shoots?|stabs?|murders?|rapes?|hangs?|lynch(?:es)?|beats? up|runs? over"
        r"|strangles?|tortures?|poisons?|burns?) (?:you|u|him|her|them|yourself|himself"
        r"|herself|your (?:family|kids|mom|wife))|(?:were|was) dead"
        r"|(?:dropped|drop|drops) dead|never wake up)"
        r"|(?:i |we )?(?:want|wish|need) (?:you|u|him|her|them) (?:dead|to die)"
        r"|wish (?:you|u) (?:were|was) (?:dead|never born)"
        r"|(?:'?ll|will|want to|wanna|gonna|'?d love to|would love to|can'?t wait to) see"
        r" (?:you|u|him|her|them) (?:dead|die|bleed|suffer|hang|burn|in a (?:coffin|body bag"
        r"|grave))",
        not_after=r"(?:of (?:laughter|embarrassment|boredom)|laughing|in (?:the|a) (?:game"
        r"|movie|show)|alone|happy|old)",
    )
    # Conditional: a condition, then harm.
    cond = (
        r"(?:if|when|next time|one more time|once more|ever again|do that again|try that again"
        r"|say that again|come (?:near|close to|around)|touch|show your face|or)"
    )
    harm = _alt(
        rf"{you_are} (?:so |fucking |a )*(?:dead|toast|history|dead meat|done for|finished"
        rf"|dead (?:man|woman))",
        r"(?:you|u|ya) ?(?:'?ll|will|are going to|'?re going to|'?re gonna|are gonna|gonna"
        r"|r gonna|ll) (?:be )?(?:dead|get hurt|bleed|suffer|end up (?:dead|in (?:the |a )?"
        r"(?:hospital|morgue|ditch|grave|body bag|wheelchair|coffin))|(?:not |never )(?:walk"
        r"|see|wake up|breathe) again|wish (?:you|u) (?:were|was|had) (?:dead|never been born"
        r"|never met me)|regret the day|die)",
        r"someone(?:'?s| is)? (?:gonna|going to|will) get (?:hurt|killed)",
        r"i'?(?:ll| will| am going to|'?m going to|'?m gonna) (?:make (?:you|u) (?:pay|regret"
        r"|suffer|bleed)|end (?:you|u)|hurt (?:you|u)|break (?:you|u|your|ur))",
    )
    en.add("if_harm", "conditional", rf"{cond}\W[^.!?\n]{{0,80}}?(?<![^\W\d_]){harm}")
    en.add(
        "if_see_you",
        "conditional",
        r"if (?:i|we) (?:ever )?(?:see|catch|find|meet|spot|run into|hear from|hear)"
        r"[^.!?\n]{0,60}?(?:you'?ll|you will|u will|ull|you'?re going to|you are going to)"
        r" (?:regret|be sorry|pay)",
    )
    en.add(
        "watch_back",
        "conditional",
        r"(?:you'?d|you had|you|u|ya|ud|better) (?:better|best|should|need to|gotta|wanna"
        r"|want to|have to)? ?(?:start |be )?(?:watch|watching|check|checking|cover|covering)"
        r" (?:your|ur|yo) (?:back|six)"
        r"|sleep with one eye open|you'?ll never see (?:it|me|us) coming",
        not_after=r"(?:out there|in (?:that|this|the) (?:area|neighbou?rhood|city|part|place"
        r"|market|industry|job|office)|when|at night|on (?:the|that)|while)",
    )
    en.add("or_else", "conditional", r"or else(?=\W*(?:$|[.!?\n]|\.\.\.))", score=0.6)
    # Self-harm calls.
    you_self = r"(?:your|ur|yo|ya|you|u|thy|y)? ?(?:self|selves|selfs|sel)"
    en.add(
        "kill_yourself",
        "self_harm",
        rf"(?:kill|hang|neck|off|unalive|rope|delete|end|shoot|gas|poison|an hero) {you_self}",
        neg_self=True,
        not_after=r"(?:laughing|with laughter|trying|doing|over|for|working|to get|just to"
        r"|in the foot|on the foot|at the gym|at work|with work|out|up|an?|some|another"
        r"|together)(?![^\W\d_])",
    )
    en.add(
        "hurt_yourself",
        "self_harm",
        rf"(?:go |just )?(?:drown|stab|slit|cut|burn|choke|starve|suffocate|strangle|behead)"
        rf" {you_self}",
        lead=True,
        not_after=r"(?:an?|some|another|in|with|on|while|when|by|doing|if|off|free|short|loose)"
        r"(?![^\W\d_])",
    )
    en.add("kys", "self_harm", r"kys|k y s", neg_self=True)
    en.add(
        "die",
        "self_harm",
        r"(?:(?:go|just|pls|please|plz|kindly|now) (?:and |just |go |fucking |die )*)?"
        r"(?:die|rot|croak|fucking die|die already)"
        r"(?: (?:in (?:a|the) (?:fire|hole|ditch|car crash|gutter|corner|sewer)|already|slowly"
        r"|painfully|irl|plz|pls|please|bitch|loser|idiot|you \w+|in hell|alone))?"
        r"(?=\W*(?:$|[.!?,;\n]|lol|lmao))",
        lead=True,
    )
    en.add(
        "do_it",
        "self_harm",
        r"(?:go |just |pls |please )*(?:drop dead|commit suicide|commit sudoku|end it all"
        r"|end (?:your|ur) (?:own )?(?:life|miserable life)|(?:jump|throw yourself) (?:off|from)"
        r" (?:a|the) (?:bridge|cliff|building|roof|tower|balcony|window)|jump in front of"
        r" (?:a|the) (?:train|bus|truck|car)|play in traffic|slit (?:your|ur) (?:own )?wrists"
        r"|(?:drink|eat|swallow|chug|gulp|inhale|down) (?:some |a bottle of |a gallon of )?"
        r"(?:bleach|poison|cyanide|rat poison|antifreeze|drano|lye|gasoline)|eat (?:a|my) (?:bullet"
        r"|gun|shotgun)|swallow a bullet|go (?:hang|neck|kill|off) (?:your|ur) ?self"
        r"|go end it(?: already| now| tonight| today)?(?=\W*(?:$|[.!?\n]|lol|lmao|think about"
        r"|just saying|nobody|no one)))",
        lead=True,
        not_after=r"(?:gorgeous|beautiful|sexy|handsome|stunning|funny|simple|easy|fast|good"
        r"|pretty|amazing|brilliant|hilarious)",
    )
    violence = ("violence",)
    en.assign_triggers(
        _en_triggers(),
        {
            "verb_you": violence,
            "verb_third": violence,
            "act": violence,
            "kick_ass": violence,
            "would": violence,
            "verb_group": violence,
            "verb_them": violence,
            "act_group": violence,
            "passive_group": ("passive",),
            "imperative_group": violence,
            "death_to": ("group_words",),
            "wipe_out": ("group_words",),
            "you_dead": ("dead", "will_die"),
            "you_will_die": ("will_die",),
            "wont_live": ("wont_live",),
            "know_where": ("know_where",),
            "family_unsafe": ("family",),
            "coming_for": ("coming",),
            "call": violence,
            "call_group": violence,
            "call_pay": ("pay",),
            "hope_someone": ("hope",),
            "passive_one": ("passive",),
            "deserve": ("passive",),
            "hope": ("hope",),
            "if_harm": ("if_harm",),
            "if_see_you": ("if_see_you",),
            "watch_back": ("watch",),
            "or_else": ("or_else",),
            "kill_yourself": ("self",),
            "hurt_yourself": ("self",),
            "kys": ("kys",),
            "die": ("die",),
            "do_it": ("do_it", "self"),
        },
    )
    return en


# ---------------------------------------------------------------------------------------------
# Russian
# ---------------------------------------------------------------------------------------------

# Words between a pronoun and its verb ("тебя завтра же убью", "тебя найду и убью"), never a
# negation ("тебя не убью").
_RU_FILL = r"(?:(?!(?:не|ни|никогда)\W)[^\W\d_]+\W+){0,3}?"
_RU_OBJ = _alt(
    "тебя", "тя", "вас", "его", "её", "ее", "вас всех", "всех вас", "тебя и твою семью",
    "тебя и всю твою семью", "всю твою семью", "твою семью", "твоих детей", "твою мать",
    "твоего отца", "твою жену", "твоего мужа", "твою сестру", "твоего брата", "твоего сына",
    "твою дочь", "твоих родных", "твоих близких", "твоих родителей", "твою собаку",
    "тебя нахуй", "тебя нахрен", "тебя сука", "тебя блять", "тебя тварь", "тебя урод",
    "этого [^\\W\\d_]+", "эту [^\\W\\d_]+", "твою семью", "твоего [^\\W\\d_]+",
)  # fmt: skip
_RU_GROUP_OBJ = _alt(
    "их", "их всех", "всех их", "всех", "всех до одного", "всех этих [^\\W\\d_]+",
    "этих [^\\W\\d_]+", "таких как ты", "таких", "эту мразь", "этих тварей",
)  # fmt: skip
# First person future (perfective present) of violent verbs, singular and plural.
_RU_V1 = _alt(
    "убью", "убьём", "зарежу", "зарежем", "прирежу", "прирежем", "пристрелю", "пристрелим",
    "застрелю", "застрелим", "прибью", "прибьём", "урою", "уроем", "закопаю", "закопаем",
    "задушу", "задушим", "придушу", "придушим", "замочу", "замочим", "грохну", "грохнем",
    "порешу", "порешим", "сожгу", "сожжём", "повешу", "повесим", "изобью", "изобьём",
    "отпизжу", "отпиздим", "уебу", "уебём", "въебу", "въебём", "ёбну", "покалечу",
    "покалечим", "искалечу", "искалечим", "зарублю", "зарубим", "порежу", "порежем",
    "расстреляю", "расстреляем", "пришью", "пришьём", "утоплю", "утопим", "разорву",
    "разорвём", "порву", "порвём", "отравлю", "отравим", "пырну", "зашибу", "прикончу",
    "прикончим", "удавлю", "выпотрошу", "обезглавлю", "четвертую", "размажу", "раздавлю",
    "кокну", "мочкану", "шлёпну", "заколю", "заколем", "изнасилую", "отметелю", "отмудохаю",
    "закатаю в асфальт", "сотру в порошок", "забью до смерти", "забью насмерть",
    "убью нахуй", "уничтожу", "прибью нахрен",
)  # fmt: skip
_RU_V1_GROUP = _alt(
    _RU_V1[3:-1], "перебью", "перебьём", "перестреляю", "перестреляем", "вырежу", "вырежем",
    "перевешаю", "перевешаем", "передушу", "передушим", "поубиваю", "поубиваем",
)  # fmt: skip
_RU_INF = _alt(
    "урыть", "порезать", "избить", "грохнуть", "сжечь заживо", "пырнуть", "покалечить",
    "убить", "пристрелить", "застрелить", "расстрелять", "повесить", "зарезать", "сжечь",
    "утопить", "прибить", "замочить", "грохнуть", "задушить", "прикончить", "казнить",
    "удавить", "четвертовать", "закопать", "порешить", "пришить", "отравить", "кончить",
)  # fmt: skip
_RU_INF_GROUP = _alt(
    _RU_INF[3:-1], "перебить", "перестрелять", "перевешать", "вырезать", "истребить",
    "поубивать", "передушить", "уничтожить", "поставить к стенке", "перерезать",
)  # fmt: skip
_RU_BODY_INF = _alt(
    "сломать", "переломать", "разбить", "набить", "выбить", "выколоть", "перерезать", "вырвать",
    "оторвать", "отрезать", "отрубить", "проломить", "размозжить", "раскроить", "свернуть",
    "вспороть", "пробить", "прострелить", "пустить", "всадить",
)  # fmt: skip
# Someone else is paid, hoped or said to be ready to do it.
_RU_CALL = (
    r"(?:заплачу (?:любому|тому|каждому),? кто (?:согласится|сможет|решится|возьмётся)?"
    r"|у (?:нас|меня) есть (?:люди|ребята|пацаны|знакомые),? (?:которые|кто) (?:могут|смогут"
    r"|готовы|умеют)"
    r"|(?:кто-нибудь|кто-то|кто нибудь|кто то|кто-либо) (?:должен|должна|должны|бы|обязан|может)"
    r"|(?:надеюсь|хочу),? (?:что|чтобы|чтоб) (?:кто-нибудь|кто-то|кто нибудь|кто то)"
    r" (?:сможет |захочет )?)"
)
_RU_PAST = _alt(
    "убил", "пристрелил", "застрелил", "зарезал", "прирезал", "порезал", "избил", "сжёг",
    "повесил", "задушил", "утопил", "замочил", "грохнул", "урыл", "закопал", "проломил",
    "сломал", "выбил", "перерезал", "оторвал", "разбил", "свернул", "пустил", "отравил",
    "прикончил", "покалечил", "пырнул", "пришил",
)  # fmt: skip
_RU_BODY_VERB = _alt(
    "сломаю", "переломаю", "разобью", "набью", "выбью", "выколю", "перережу", "вырву",
    "оторву", "отрежу", "отрублю", "проломлю", "размозжу", "раскрою", "сверну", "вспорю",
    "пробью", "сломаем", "переломаем", "разобьём", "набьём", "выбьем", "перережем",
    "оторвём", "отрежем", "сверну", "прострелю", "прострелим",
)  # fmt: skip
_RU_BODY = _alt(
    "ноги", "ногу", "руки", "руку", "шею", "кости", "челюсть", "нос", "морду", "лицо", "ебало",
    "рожу", "хлебало", "харю", "башку", "голову", "горло", "глотку", "глаза", "зубы", "хребет",
    "позвоночник", "кишки", "череп", "пальцы", "колени", "яйца", "мозги", "ебальник", "еблет",
    "башка", "бошку", "кадык", "рёбра", "печень",
)  # fmt: skip
_RU_DAT = _alt(
    "тебе", "вам", "ему", "ей", "им", "твою", "твои", "твоё", "твой", "твоего", "твоему",
    "тебя", "этому [^\\W\\d_]+", "этой [^\\W\\d_]+", "твоей семье", "твоим детям",
    "твоей матери", "твоей жене", "твоему [^\\W\\d_]+",
)  # fmt: skip
_RU_W = r"(?:[^\W\d_]+\W+)"
_RU_NOT_BEFORE = r"(?:^|\W)(?:не|ни|никогда не|хоть)\W*$"
_RU_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,\n]|сука|блять|блядь|нахуй|нахрен|понял|поняла|поняли|ясно|тварь|урод"
    r"|мразь|гнида|падла|если|когда|как только|слышишь|гад|козёл|козел))"
)


_RU_TRIGGERS: Final[tuple[str, ...]] = (
    "подожгу", "спалю", "взорву",
    "убью", "убьем", "зареж", "прирежу", "прирежем", "пристрел", "застрел", "прибью", "прибьем",
    "урою", "уроем", "закопа", "задуш", "придуш", "замоч", "грохн", "пореш", "сожгу", "сожжем",
    "повешу", "повесим", "изобью", "изобьем", "отпизж", "отпизд", "уебу", "уебем", "въебу",
    "въебем", "ебну", "покалеч", "искалеч", "заруб", "пореж", "расстрел", "пришью", "пришьем",
    "утоплю", "утопим", "разорв", "порву", "порвем", "отравл", "отравим", "пырну", "зашибу",
    "приконч", "удавл", "выпотрош", "обезглав", "четверт", "размаж", "раздавл", "кокну",
    "мочкан", "шлепну", "заколю", "заколем", "изнасил", "отметел", "отмудох", "асфальт",
    "впорошок", "досмерти", "насмерть", "уничтож", "перебь", "перестрел", "вырежу", "вырежем",
    "перевеш", "передуш", "поубива", "убить", "повесить", "зарезать", "сжечь", "утопить",
    "прибить", "замочить", "грохнуть", "задушить", "прикончить", "казнить", "удавить",
    "закопать", "порешить", "пришить", "отравить", "кончить", "перебить", "вырезать",
    "истребить", "кстенке", "сломаю", "сломаем", "переломаю", "переломаем", "разобью",
    "разобьем", "набью", "набьем", "выбью", "выбьем", "выколю", "перереж", "вырву", "оторву",
    "оторвем", "отрежу", "отрежем", "отрублю", "проломлю", "размозжу", "раскрою", "сверну",
    "вспорю", "пробью", "прострел", "пизды", "огребеш", "получишпул", "пулювлоб", "пулювголову",
    "труп", "покойник", "мертвец", "жилец", "нежить", "конец", "хана", "крышка", "пиздец",
    "кранты", "мертв", "сдохнеш", "сдохнете", "умреш", "умрете", "подохнеш", "поздоровит",
    "несдобров", "знаюгде", "знаемгде", "найдугде", "узнаюгде", "выяснюгде", "адрес",
    "изподземли", "безопасн", "оглядывай", "спину", "открытымиглазами", "смотривоба",
    "пожалееш", "пожалеете", "сдох", "подох", "сгори", "сгнил", "желаю", "заслужив", "смерт",
    "убейсебя", "убейся", "убейтесь", "повесь", "вздерн", "удавись", "утопись", "застрелись",
    "вскрой", "самоубей", "выпились", "роскомнадзор", "сдохни", "умри", "выпрыгни", "прыгнис",
    "выпейяд", "выпейотбел", "выпейхлор", "выпейбелизн", "сбросьс", "лягпод", "чтобты",
    "чтобвы", "чтобыты", "чтобывы", "чтобон", "чтобона",
    "урыть", "порезать", "избить", "пырнуть", "покалечить", "собираюсь", "ктонибудь", "ктото",
    "ктолибо", "собираемся", "готов", "обещаю", "клянусь", "заплачу", "естьлюди", "естьребята",
    "жаль", "случит", "живет", "должныбыть", "перерезать", "уничтожен", "расстрелян", "повешен",
    "перерезан", "сожжен", "вырезан", "тебелучше", "вамлучше", "тебебы", "тебестоит",
    "тебепора", "тебенадо",
    "убиты", "сломать", "выбить", "оторвать", "проломить", "пустить", "всадить", "пулю",
)  # fmt: skip


def _russian() -> RuleSet:
    ru = RuleSet(
        "ru",
        triggers=_RU_TRIGGERS,
    )
    w = _RU_W
    intent = (
        r"(?:я |мы )?(?:собираюсь|собираемся|готов|готова|готовы|хочу|хотим|буду|будем|обещаю"
        r"|клянусь|сейчас пойду|пойду|иду|приду|приеду)"
    )
    body_inf = (
        rf"{_RU_BODY_INF} {w}{{0,2}}?{_RU_DAT} {w}{{0,2}}?{_RU_BODY}"
        rf"|{_RU_DAT} {w}{{0,2}}?{_RU_BODY_INF} {w}{{0,2}}?{_RU_BODY}"
        rf"|(?:пустить|всадить|влепить) {_RU_DAT} пулю"
    )
    # "я собираюсь зарезать этого модера", "хочу сломать этому судье все кости".
    ru.add(
        "intent",
        "direct",
        rf"{intent} {_RU_FILL}(?:{_RU_INF} {w}{{0,2}}?{_RU_OBJ}|{_RU_OBJ} {_RU_FILL}{_RU_INF}"
        rf"|{body_inf})",
        not_before=_RU_NOT_BEFORE + r"|(?:^|\W)(?:если|чтобы|чтоб)\W*$",
    )
    ru.add(
        "call_act",
        "indirect",
        rf"{_RU_CALL} {_RU_FILL}(?:{_RU_INF} {w}{{0,2}}?{_RU_OBJ}|{_RU_OBJ} {_RU_INF}|{body_inf}"
        rf"|(?:{_RU_INF}|{_RU_INF_GROUP}) всех [^\W\d_]+)"
        rf"|(?:чтоб|чтобы) (?:кто-нибудь|кто-то|кто нибудь|кто то) {w}{{0,2}}?{_RU_PAST}"
        rf"(?: {w}{{0,2}}?(?:{_RU_OBJ}|{_RU_BODY}))?",
        not_before=_RU_NOT_BEFORE,
    )
    ru.add(
        "hint",
        "indirect",
        r"(?:будет|было бы) (?:очень |так |крайне )?(?:жаль|обидно),? если (?:с (?:тобой|вами"
        r"|твоей семьёй|твоей семьей|твоими детьми|твоей матерью|ним|ней|этим [^\W\d_]+"
        r"|этой [^\W\d_]+)|(?:тебе|твоей семье|твоим детям)) (?:что|чё|что-нибудь|чё-нибудь"
        r"|что-то|что нибудь) (?:случится|произойдёт|произойдет)"
        r"|(?:я|мы) (?:знаю|знаем),? где (?:живёт|живет|живут|учатся|работает) (?:твоя семья"
        r"|твои дети|твоя мать|(?:этот|эта) [^\W\d_]+(?=\W*(?:$|подумай|просто говорю"
        r"|до встречи|спокойной ночи|жди)))",
        not_after=r"(?:береги себя|будь осторожн|берегите себя)",
    )
    ru.add("obj_verb", "direct", rf"(?:я |мы )?{_RU_OBJ} {_RU_FILL}{_RU_V1}")
    ru.add("verb_obj", "direct", rf"{_RU_V1} {w}{{0,2}}?{_RU_OBJ}", not_before=_RU_NOT_BEFORE)
    ru.add(
        "verb_end",
        "direct",
        r"(?:я |мы )?(?:(?:щас|сейчас|точно|просто|ну всё|ну все|ей богу|клянусь) )*"
        r"(?:убью|зарежу|пристрелю|урою|прибью|придушу|задушу|прикончу|замочу|закопаю|убьём"
        r"|уроем|закопаем)" + _RU_CLAUSE_END,
        not_before=_RU_NOT_BEFORE,
    )
    ru.add(
        "body",
        "direct",
        rf"{_RU_DAT} {w}{{0,3}}?(?:{_RU_BODY_VERB} {w}{{0,2}}?{_RU_BODY}"
        rf"|{_RU_BODY} {w}{{0,2}}?{_RU_BODY_VERB})"
        rf"|{_RU_BODY_VERB} {w}{{0,2}}?{_RU_DAT} {w}{{0,2}}?{_RU_BODY}"
        rf"|{_RU_BODY} {w}{{0,2}}?(?:{_RU_DAT} {w}{{0,2}}?{_RU_BODY_VERB}"
        rf"|{_RU_BODY_VERB} {w}{{0,2}}?{_RU_DAT})"
        r"|(?:набью|разобью|набьём|разобьём) (?:ебало|хлебало|морду|рожу|харю|ебальник|еблет)"
        r"|(?:ебало|хлебало|морду|рожу|харю|ебальник|еблет) (?:набью|разобью|набьём|разобьём)"
        r"|(?:дам|дадим|вставлю|навешаю) (?:тебе |вам )?пизды"
        r"|(?:всажу|пущу|влеплю|всадим|пустим) (?:тебе |вам )?пулю (?:в лоб|в голову|в башку)"
        r"|(?:сожгу|подожгу|спалю|взорву|сожжём|спалим|взорвём) (?:тебе |вам )?(?:твой|твою|ваш"
        r"|вашу) (?:дом|квартиру|машину|хату|тачку|дачу)",
        not_before=_RU_NOT_BEFORE,
    )
    ru.add(
        "group_verb",
        "group",
        rf"(?:я |мы )?{_RU_GROUP_OBJ} {_RU_FILL}{_RU_V1_GROUP}"
        rf"|{_RU_V1_GROUP} {w}{{0,2}}?(?:их всех|всех их|всех до одного|всех этих|их)",
        not_before=_RU_NOT_BEFORE,
    )
    groups = (
        r"(?!(?:багов|комаров|тараканов|врагов|мух|крыс|зомби|монстров|ботов|вирусов|сорняков"
        r"|грызунов|клопов|вредителей|мобов|боссов|файлов|ошибок|муравьёв|муравьев)\W)"
        r"[^\W\d_]{3,}(?:ов|ев|ей|ан|ок|ых|их|ян|ек)"
    )
    ru.add(
        "group_call",
        "group",
        rf"{_RU_GROUP_OBJ} (?:(?:надо|нужно|следует|стоит|бы|пора|давно пора|должны|надо бы"
        rf"|просто|всех|сразу|уже|давно|нахуй|нахрен|к стенке и) )*{_RU_INF_GROUP}"
        r"|смерть (?:всем )?[^\W\d_]+(?:ам|ям)"
        rf"|всех {groups} (?:(?:надо|нужно|следует|пора|давно пора|надо бы|бы|сразу) )+"
        rf"{_RU_INF_GROUP}"
        rf"|{groups} (?:надо|нужно|следует|пора) {_RU_INF_GROUP}(?=\W*всех)"
        rf"|(?:я |мы )?(?:готов|готовы|хочу|хотим|собираюсь|собираемся|буду|будем|должен"
        rf"|должны|кто-то должен|кто-нибудь должен|надо|нужно) {_RU_INF_GROUP} всех {groups}"
        r"|[^\W\d_]{3,} (?:должны|должны все|заслуживают) (?:быть )?(?:уничтожены|расстреляны"
        r"|повешены|перерезаны|сожжены|вырезаны|убиты|истреблены|перебиты|зарезаны)"
        r"(?=\W*(?:$|[.!?,\n]|все))",
        not_before=r"(?:^|\W)(?:что|чё|чтобы) (?:ты|вы|он|она|они)\W*$|(?:^|\W)не\W*$",
    )
    ru.add(
        "call",
        "indirect",
        rf"(?:тебя|его|её|ее|вас|этого [^\W\d_]+|эту [^\W\d_]+) (?:(?:надо|нужно|следует|стоит"
        rf"|бы|пора|давно пора|должны|надо бы|просто|сразу|уже|давно|нахуй|нахрен) )+{_RU_INF}",
        not_after=r"(?:время|время и|скуку|вечер)",
    )
    ru.add(
        "dead",
        "indirect",
        r"(?:ты|тебе|вам|вы|вы все|тебя) (?:(?:уже|точно|сука|блять|теперь|считай|короче"
        r"|однозначно|реально) )*(?:труп|покойник|мертвец|не жилец|не жить|не поздоровится"
        r"|несдобровать|сдохнешь|сдохнете|подохнешь)"
        r"|(?:ты|тебе|вам|вы|вы все) (?:(?:уже|точно|сука|блять|теперь|считай|короче) )*"
        r"(?:конец|хана|крышка|пиздец|кранты|мертв|мёртв|умрёшь|умрете)" + _RU_CLAUSE_END,
        not_after=r"(?:от смеха|со смеху|от скуки|от зависти)",
    )
    ru.add(
        "know_where",
        "indirect",
        r"(?:я|мы) (?:знаю|знаем|найду|найдём|выясню|узнаю|узнаем) (?:где|адрес) (?:именно )?"
        r"(?:ты )?(?:живёшь|живут|учатся|учится|спишь|ночуешь|прячешься|проживаешь|ты живешь)"
        r"|(?:я|мы) (?:знаю|знаем) (?:твой|ваш) адрес"
        r"|(?:я|мы) (?:тебя|вас) (?:из-под земли|из под земли) (?:достану|достанем|найду|найдём)"
        r"|(?:из-под земли|из под земли) (?:тебя|вас) (?:достану|достанем|найду|найдём)",
    )
    ru.add(
        "family",
        "indirect",
        r"(?:твоя семья|твои дети|твоя мать|твоя жена|твои родные|твои близкие) (?:не )?(?:будет"
        r"|будут)? ?(?:больше )?не (?:будет |будут )?в безопасности"
        r"|(?:твоей семье|твоим детям|твоим родным|твоим близким|твоей матери) (?:конец|хана"
        r"|не поздоровится|несдобровать|не жить|кранты)",
    )
    ru.add(
        "wish",
        "indirect",
        r"чтоб(?:ы)? (?:ты|вы|вы все|он|она|они|твоя семья) (?:(?:уже|наконец|поскорее|скорее"
        r"|блять|сука) )*(?:сдох|сдохла|сдохли|подох|подохла|подохли|умер|умерла|умерли"
        r"|сгорел|сгорела|сгорели|сгнил|сгнила|сгнили)"
        r"|желаю (?:тебе|вам) (?:смерти|сдохнуть|умереть)"
        r"|(?:ты|вы) заслуживае(?:шь|те) (?:смерти|сдохнуть|умереть)"
        r"|(?:скорее|поскорее) бы (?:ты|вы) (?:сдох|сдохла|сдохли|умер|умерла|умерли)",
    )
    ru.add(
        "watch",
        "conditional",
        r"(?:ходи и |теперь |лучше |ходи да )оглядывайся|оглядывайся по сторонам"
        r"|береги (?:свою )?спину|спи с открытыми глазами|смотри в оба",
    )
    ru.add(
        "if_harm",
        "conditional",
        r"(?:если|ещё раз|еще раз|хоть раз|только попробуй|попробуй только)[^.!?\n]{0,60}?"
        r"(?<![^\W\d_])(?:убью|урою|закопаю|пристрелю|зарежу|прибью|труп|конец|не жить|хана"
        r"|пиздец|пожалеешь|пожалеете|ноги сломаю|кранты|огребёшь|огребешь|получишь пизды"
        r"|не поздоровится|пеняй на себя)",
    )
    ru.add(
        "self",
        "self_harm",
        r"(?:(?:иди|пойди|сходи|давай|просто|лучше|блять|сука|уже) )*(?:убей себя|убейся"
        r"|убейтесь|повесься|повесьтесь|вздёрнись|удавись|утопись|застрелись|вскройся"
        r"|вскрой (?:себе )?вены|самоубейся|выпились|роскомнадзорнись|сдохни|сдохните|умри"
        r"|умрите|выпрыгни (?:в|из) окн[ао]|прыгни с (?:моста|крыши|окна|балкона)"
        r"|выпей (?:яду|яд|отбеливатель|хлорки|белизну)|сбросься с (?:моста|крыши|балкона)"
        r"|ляг под поезд|(?:тебе|вам) (?:лучше|бы|стоит|пора|надо) (?:просто |уже |наконец )*"
        r"(?:повеситься|вздёрнуться|удавиться|утопиться|застрелиться|вскрыть (?:себе )?вены"
        r"|выпилиться|самоубиться|убить себя|лечь под поезд|сдохнуть|умереть|прыгнуть с (?:моста"
        r"|крыши|окна|балкона)|выпрыгнуть (?:в|из) окн[ао]))",
        not_before=_RU_NOT_BEFORE,
        not_after=r"(?:от смеха|со смеху|от зависти)",
    )
    return ru


# ---------------------------------------------------------------------------------------------
# Turkish
# ---------------------------------------------------------------------------------------------

# First person future and aorist after a verb stem, as folded ("öldüreceğim" -> "oldur" +
# "ecegim", spoken "öldürcem", "öldürücem"; aorist "öldürürüm", "gebertirim", "keserim").
_TR_FUT = r"(?:y?[eaiu]?c[ea](?:g[iu][mz]|[mz]))"
_TR_AOR = r"(?:[eaiu]?r[iu][mz])"
_TR_INTENT = r"(?:m[ea]k (?:istiyorum|isterim)|m[ea]y[ea] (?:geliyorum|gelecegim|gelirim))"
_TR_NEED = r"(?:m[ea]k (?:lazim|gerek|sart|farz)|m[ea]li(?:yiz|ler|dir)?)"
_TR_STEMS = _alt(
    "öldür", "gebert", "kes", "vur", "boğ", "boğazla", "bıçakla", "yak", "as", "döv",
    "parçala", "doğra", "göm", "kurşunla", "infaz ed", "katlet", "sakat bırak", "patakla",
    "ortadan kaldır", "kafasını kes", "kafanı kes", "tecavüz ed", "kurşuna diz", "boğup öldür",
    "işkence ed", "delik deşik ed", "hastanelik ed", "parça parça ed", "kurşun sık",
    "diri diri yak", "kurşunlay",
)  # fmt: skip
# Verbs that take only a person here ("seni bitireceğim"; "onu bitireceğim" is a task).
_TR_STEMS_PERSON = _alt("bitir", "yok ed", "hallet", "mahved", "sakat bırak")
# The same stems before an infinitive ending ("öldürmeye", "yok etmeye").
_TR_STEMS_INF = _alt(
    *(v[:-2] + "et" if v.endswith(" ed") else v for v in _TR_STEMS[3:-1].split("|")),
    "bitir",
    "yok et",
    "kır",
    "kemiklerini kır",
    "kurşun sık",
)
_TR_OBJ = _alt(
    "seni", "sizi", "onu", "hepinizi", "aileni", "aileni de", "ailenizi", "çocuklarını",
    "anneni", "babanı", "karını", "kocanı", "kardeşini", "oğlunu", "kızını", "sevgilini",
    "seni ve aileni", "seni de", "seni ve aileni", "hepinizi tek tek", "o herifi", "bu herifi",
    "o adamı", "bu adamı", "o kadını", "bu kadını", "o piçi", "bu piçi", "o hakemi",
    "bu hakemi", "o modu", "bu modu", "o moderatörü", "bu moderatörü", "çocuklarınızı",
    "aileni ve çocuklarını", "o şerefsizi", "bu şerefsizi", "o öğretmeni", "o polisi",
)  # fmt: skip
# Groups of people, in the plural stem ("suriyeli" + "ler", "afgan" + "lar").
_TR_GROUP = (
    r"(?:suriyeli|afgan|ermeni|kürt|arap|rum|yahudi|göçmen|mülteci|gavur|ibne|eşcinsel|kadın"
    r"|solcu|sağcı|komünist|faşist|hristiyan|müslüman|alevi|sünni|zenci|çingene|yunan|rus"
    r"|mod|hakem|polis|gazeteci|siyasetçi|[^\W\d_]{2,}l[iıuü])"
)
_TR_DAT = _alt(
    "sana", "size", "ona", "ailene", "çocuklarına", "annene", "babana", "sevgiline",
    "o hakeme", "bu hakeme", "o moda", "bu moda", "kardeşine", "karına",
)  # fmt: skip
_TR_GROUP_OBJ = _alt(
    "onları", "hepsini", "hepsini tek tek", "bunları", "bunların hepsini", "onların hepsini",
    "tümünü", "hepsini de", "o [^\\W\\d_]+leri", "o [^\\W\\d_]+ları", "bu [^\\W\\d_]+leri",
    "bu [^\\W\\d_]+ları", "bütün [^\\W\\d_]+leri", "bütün [^\\W\\d_]+ları",
    "tüm [^\\W\\d_]+leri", "tüm [^\\W\\d_]+ları",
)  # fmt: skip
_TR_BODY = _alt(
    "bacaklarını", "kollarını", "kafanı", "boynunu", "kemiklerini", "dişlerini", "ağzını",
    "burnunu", "çeneni", "belini", "ellerini", "elini", "ayaklarını", "ayağını",
    "parmaklarını", "suratını", "yüzünü", "gırtlağını", "boğazını", "beynini", "gözlerini",
    "dilini", "kalbini", "bağırsaklarını", "ağzını burnunu", "kafasını", "bacağını",
)  # fmt: skip
_TR_BODY_VERB = _alt(
    "kır", "kes", "kopar", "uçur", "ez", "parçala", "patlat", "dök", "sök", "kopart", "yar",
    "dağıt", "oy", "delik deşik ed",
)  # fmt: skip
_TR_W = r"(?:[^\W\d_]+\W+)"


_TR_SHORT_STEMS: Final[tuple[str, ...]] = (
    "kes", "vur", "bog", "yak", "as", "dov", "gom", "kir", "ez", "dok", "sok",
)  # fmt: skip
_TR_SHORT_ENDS: Final[tuple[str, ...]] = (
    "ece", "aca", "cem", "cam", "icem", "icam", "ucem", "ucam", "cez", "caz", "erim", "arim",
    "irim", "urum", "eriz", "ariz", "yece", "yaca",
)  # fmt: skip
_TR_TRIGGERS: Final[tuple[str, ...]] = (
    "oldur", "gebert", "bicakla", "bogazla", "parcala", "dogra", "kursunla", "infaz", "katlet",
    "sakatbirak", "patakla", "ortadankaldir", "tecavuz", "kursunadiz", "iskence", "delikdesik",
    *_combos(_TR_SHORT_STEMS, _TR_SHORT_ENDS), "bacaklarini", "kollarini", "kafani", "boynunu",
    "kemiklerini", "dislerini", "agzini", "burnunu", "ceneni", "girtlagini", "bogazini",
    "suratini", "yuzunu", "beynini", "gozlerini", "dilini", "kalbini", "bagirsaklarini",
    "kafasini", "kafana", "kafasina", "beynine", "alnina", "kalbine", "bacagini",
    "olubiradam", "oluadam", "olusun", "senoldun",
    "oldunsen", "oldunlan", "senbittin", "bittinsen", "yasamayacak", "yasayamayacak",
    "goremeyeceksin", "goremezsin", "sayili", "sonungeldi", "sonunyakin", "sonunyaklasti",
    "hakediyor", "oturdugunu", "yasadigini", "kaldigini", "calistigini", "okudugunu",
    "uyudugunu", "evini", "adresini", "evinizi", "adresinizi", "guvende", "rahatetme",
    "rahatedeme", "basina", "arkanikolla", "arkanadikkat", "birdaha", "yoksa", "aksihalde",
    "pisman", "umarim", "insallah", "dilerim", "geberesice", "olesice", "gebermeni", "olmeni",
    "gebermeli", "olmeli", "lmeli", "lmali", "geber", "kendini", "intihar", "camasirsuyu",
    "zehiric", "kopruden", "balkondan", "camdan", "pencereden", "catidan", "binadan",
    "ucurumdan", "treninonune", "otobusunonune",
    "bitir", "yoked", "yoket", "hastanelik", "parcaparca", "kursunsik", "diridiri", "kursunlay",
    "meklazim", "maklazim", "mekgerek", "makgerek", "olum", "hazir", "raziolan",
    "adamlarim", "kesk", "yazikolur", "gozunacik", "cesedini", "bulamayacak", "bulamaz",
    "bilek", "onune", "olartik", "gitol", "kafanasik", "sabirsizlan", "temizle", "gazodasi",
    "sozveriyorum", "yeminederim", )  # fmt: skip


def _turkish() -> RuleSet:
    tr = RuleSet(
        "tr",
        triggers=_TR_TRIGGERS,
    )
    w = _TR_W
    verb = rf"{_TR_STEMS}(?:{_TR_FUT}|{_TR_AOR}|{_TR_INTENT})"
    tr.add("obj_verb", "direct", rf"(?:ben |biz )?{_TR_OBJ} {w}{{0,3}}?{verb}")
    obj_person = _TR_OBJ.replace('"onu", ', "").replace("|onu|", "|")
    fut = rf"(?:{_TR_FUT}|{_TR_AOR}|{_TR_INTENT})"
    inf = rf"{_TR_STEMS_INF}m[ea]y[ea]"
    # "seni bitireceğim", "ona kurşun sıkacağım", "sevgilini öldürmeye sabırsızlanıyorum".
    tr.add(
        "obj_verb_more",
        "direct",
        rf"(?:ben |biz )?{obj_person} {w}{{0,3}}?{_TR_STEMS_PERSON}{fut}"
        rf"|{_TR_DAT} {w}{{0,2}}?(?:kurşun|mermi) (?:sık|yapıştır|göm){fut}"
        rf"|{_TR_OBJ} {w}{{0,2}}?{inf} (?:sabırsızlanıyorum|can atıyorum|hazırım|yemin ettim)",
    )
    tr.add(
        "call_act",
        "indirect",
        rf"(?:{_TR_OBJ}|{_TR_DAT}|ailenin [^\W\d_]+) {w}{{0,2}}?{inf} (?:hazır|hazırlanan|razı"
        r" olan|razı olana|cesaret eden|cesaret edene)(?: {w}{0,2}?(?:adamlarım|adamlarımız"
        r"|birileri|arkadaşlarım|tanıdıklarım) var| para veririm| ödül veririm)?"
        rf"|birileri {w}{{0,3}}?{inf} hazırlanıyor"
        rf"|keşke (?:biri|birisi|birileri) (?:{_TR_OBJ}|{_TR_DAT}|ailenin [^\W\d_]+)"
        rf" {w}{{0,2}}?(?:{_TR_STEMS_INF}|{_TR_BODY_VERB}|et)s[ea]"
        r"|(?:sana|ailene|çocuklarına|ona) bir şey olursa (?:çok )?yazık olur"
        r"|kimse (?:cesedini|ölünü|izini) (?:bile )?(?:bulamayacak|bulamaz)",
    )
    tr.add("verb_obj", "direct", rf"{_TR_STEMS}(?:{_TR_FUT}|{_TR_AOR}) {w}{{0,2}}?{_TR_OBJ}")
    tr.add(
        "body",
        "direct",
        rf"{_TR_BODY} {w}{{0,2}}?{_TR_BODY_VERB}(?:{_TR_FUT}|{_TR_AOR})"
        rf"|(?:kafana|kafasına|beynine|ağzına|alnına|kalbine) (?:bir |iki |üç )?"
        rf"(?:kurşun |mermi )?(?:sık|göm|yapıştır|sık)(?:{_TR_FUT}|{_TR_AOR})",
    )
    tr.add(
        "group_verb",
        "group",
        rf"(?:ben |biz )?{_TR_GROUP_OBJ} {w}{{0,2}}?{_TR_STEMS}(?:{_TR_FUT}|{_TR_AOR}|{_TR_NEED})",
    )
    tr.add(
        "group_passive",
        "group",
        rf"(?:hepsi|onlar|bunlar|hepsi de|bunların hepsi|onların hepsi|tümü|bütün [^\W\d_]+"
        rf"|tüm [^\W\d_]+) {w}{{0,2}}?(?:{_TR_STEMS}[iıuü]?l(?:meli|malı)(?:ler|dir|ydi)?"
        r"|kurşuna dizilmeli|gebermeli|ölmeli)(?:ler|dir)?"
        rf"|{_TR_GROUP}(?:ler|lar) (?:hepsi |tek tek |hepsi tek tek )*(?:{_TR_STEMS}[iıuü]?l"
        r"(?:meli|malı)|gaz odasına sokulmalı|yok edilmeli|temizlenmeli)"
        rf"|{_TR_GROUP}(?:lere|lara) ölüm"
        rf"|(?:bütün|tüm|bu şehirdeki|bulduğum bütün|gördüğüm bütün) {_TR_GROUP}(?:leri|ları)"
        rf" {w}{{0,2}}?(?:{_TR_STEMS_INF}|temizle|yok et|gaz odasına sok)m[ea]k (?:lazım|gerek"
        r"|istiyorum|şart)",
    )
    tr.add(
        "call",
        "indirect",
        rf"(?:biri|birisi|birileri|birinin) {w}{{0,1}}?(?:seni|onu|sizi) {_TR_STEMS}"
        rf"(?:meli|malı|mesi lazım|ması lazım|mesi gerek|ması gerek)"
        rf"|(?:sen|o|siz) {w}{{0,1}}?{_TR_STEMS}[iıuü]?l(?:meli|malı)(?:sin|sın|siniz|sınız)?"
        r"|(?:ölmeyi|ölümü|gebermeyi) hak ediyorsun(?:uz)?",
    )
    tr.add(
        "dead",
        "indirect",
        r"sen (?:artık |çoktan |zaten |bence )?(?:öldün|bittin|ölüsün|ölü bir adamsın"
        r"|ölü adamsın)(?=\W*(?:$|[.!?,\n]|lan|bak|haberin|biliyor|amk|orospu|piç|şerefsiz))"
        r"|(?:öldün|bittin) (?:sen|lan sen)(?=\W*(?:$|[.!?,\n]))"
        r"|yaşamayacaksın|yaşayamayacaksın|yarını göremeyeceksin|yarını göremezsin"
        r"|sabahı göremeyeceksin|sabahı göremezsin|günün sayılı|günlerin sayılı"
        r"|sonun (?:geldi|yakın|yaklaştı)",
    )
    tr.add(
        "know_where",
        "indirect",
        r"(?:nerede|nerde|nereye) (?:oturduğunu|yaşadığını|kaldığını|çalıştığını|okuduğunu"
        r"|uyuduğunu|okuduklarını) (?:çok )?(?:iyi )?(?:biliyorum|biliyoruz|öğrendim|öğrenecegim"
        r"|bulacağım|buldum)"
        r"|(?:evini|adresini|evinizi|adresinizi) (?:biliyorum|biliyoruz|buldum|bulacağım"
        r"|öğrendim)",
    )
    tr.add(
        "family",
        "indirect",
        r"(?:ailen|ailenin|çocukların|annen|karın|evin|sen ve ailen) (?:artık )?(?:güvende değil"
        r"|güvende olmayacak|güvende sayılmaz|rahat etmeyecek|rahat edemeyecek)"
        r"|başına (?:bir şey|bir şeyler|kötü şeyler|bela|bir iş) (?:gelecek|gelir|gelebilir)",
    )
    tr.add(
        "wish",
        "indirect",
        r"(?:umarım|inşallah|dilerim) (?:ki )?(?:ölürsün|gebersin|geberirsin|ölür gidersin"
        r"|kanser olursun|gebermen|ölmen)|geberesice|ölesice"
        r"|(?:gebermeni|ölmeni) (?:istiyorum|diliyorum)",
    )
    tr.add(
        "watch",
        "conditional",
        r"arkanı kolla|arkana dikkat et|arkanı kollasan iyi olur|gözünü dört aç"
        r"|(?:geceleri )?(?:bir|bi) gözün açık uyu",
    )
    tr.add(
        "if_harm",
        "conditional",
        rf"(?:bir daha|yoksa|aksi halde)[^.!?\n]{{0,60}}?(?<![^\W\d_])(?:{verb}|öldün|bittin"
        r"|pişman olursun|pişman ederim|yaşamazsın|gebertirim|ölürsün|görürsün gününü)",
    )
    tr.add(
        "self",
        "self_harm",
        r"(?:(?:git|hadi|haydi|bence|lütfen) )*(?:geber(?:sene|in|iniz)?(?: git)?"
        r"|kendini (?:öldür|as|vur|boğ|bıçakla)(?:sana|sene)?"
        r"|(?:kendini )?(?:köprüden|balkondan|camdan|pencereden|çatıdan|binadan|uçurumdan)"
        r" (?:aşağı )?(?:kendini )?(?:at|atla)|kendini (?:trenin|otobüsün) önüne at"
        r"|intihar et(?:sene)?|çamaşır suyu iç|zehir iç|bileklerini kes"
        r"|(?:trenin|otobüsün|tırın|arabanın|metronun) önüne (?:atla|at kendini)"
        r"|(?:git )?öl artık|git öl|(?:git )?kafana (?:bir )?(?:kurşun )?sık)",
    )
    return tr


# ---------------------------------------------------------------------------------------------
# Spanish and Portuguese
# ---------------------------------------------------------------------------------------------


def _ar_forms(infinitives: Sequence[str], irregular: dict[str, str], future: str) -> list[str]:
    """First person forms of -ar verbs: present ("mato"), future ("mataré" / "matarei")."""
    out: list[str] = []
    for inf in infinitives:
        out.append(irregular.get(inf, inf[:-2] + "o"))
        out.append(inf + future)
    return out


_ES_AR: Final[tuple[str, ...]] = (
    "matar", "asesinar", "apuñalar", "acuchillar", "degollar", "ahorcar", "colgar", "quemar",
    "reventar", "balear", "tirotear", "fusilar", "estrangular", "ahogar", "descuartizar",
    "enterrar", "torturar", "violar", "madrear", "rajar", "linchar", "destripar", "desollar",
    "apalear", "quebrar", "despellejar", "machacar", "masacrar", "ejecutar", "eliminar",
    "desaparecer", "cargar",
)  # fmt: skip
_ES_IRREGULAR: Final[dict[str, str]] = {
    "degollar": "degüello", "colgar": "cuelgo", "reventar": "reviento", "quebrar": "quiebro",
    "enterrar": "entierro", "desaparecer": "desaparezco",
}  # fmt: skip
# Too ambiguous without a clitic: present forms are only used after "te"/"os" ("te mato").
_ES_INF = _alt(*(v for v in _ES_AR if v not in ("eliminar", "cargar", "ejecutar")), "pegar")
_ES_1SG = _alt(*_ar_forms(_ES_AR[:-4], _ES_IRREGULAR, "é"), "matamos", "mataremos", "pego")
_ES_BODY_VERB = _alt(
    "partir", "parto", "partiré", "romper", "rompo", "romperé", "cortar", "corto", "cortaré",
    "volar", "vuelo", "volaré", "sacar", "saco", "sacaré", "arrancar", "arranco", "arrancaré",
    "reventar", "reviento", "quebrar", "quiebro", "rebanar", "rebano", "abrir", "abro",
)  # fmt: skip
_ES_BODY = _alt(
    "la cara", "la madre", "el alma", "el cuello", "las piernas", "los huesos", "la boca",
    "la crisma", "la cabeza", "la jeta", "el hocico", "los dientes", "los sesos", "el cráneo",
    "la garganta", "los ojos", "la lengua", "los huevos", "las pelotas", "las costillas",
    "la espalda", "la nariz", "en dos", "la panza", "las tripas", "el pescuezo", "la mandíbula",
)  # fmt: skip
_ES_BLOW = _alt(
    "un tiro", "un balazo", "una bala", "un plomazo", "un navajazo", "una puñalada",
    "un cuchillazo", "una paliza", "una golpiza", "de hostias", "de palos", "de golpes",
    "un balazo en la cabeza", "un tiro en la cabeza", "plomo",
)  # fmt: skip
_ES_CL = r"(?:te|os|le|les|lo|la)"
# The person a violent act falls on, with its "a": "a tus hijos", "al árbitro", "a ese mod".
_ES_A_NP = (
    r"(?:a (?:tu|su) (?:familia|madre|mamá|mujer|esposa|hija|hijo|novia|novio|hermana|hermano"
    r"|padre|papá|abuela|perro)|a (?:tus|sus) (?:hijos|hijas|padres|hermanos|niños|amigos)"
    r"|(?:a (?:ese|esa|este|esta|el|la|aquel|aquella)|al) (?:moderador|moderadora|mod|árbitro"
    r"|arbitro|cabrón|cabron|pendejo|pendeja|imbécil|idiota|tipo|tío|tía|profe|profesor"
    r"|policía|poli|periodista|vecino|vecina|hijo de puta|desgraciado|desgraciada|maricón"
    r"|payaso|gilipollas|admin|streamer|político|jefe))"
)
_ES_GROUPS = (
    r"(?:judíos|judios|gitanos|moros|sudacas|gringos|culés|cules|refugiados|inmigrantes"
    r"|migrantes|musulmanes|cristianos|negros|maricones|gays|indios|chinos|rojos|fachos"
    r"|comunistas|feministas|policías|políticos|periodistas|moderadores|árbitros|catalanes"
    r"|[^\W\d_]{3,}(?:anos|anas|eños|eñas|istas|íes|enses|inos|inas))"
)
_ES_NOT_AFTER = (
    r"(?:de (?:risa|la risa|ganas|amor|cosquillas|envidia|un susto|aburrimiento|placer)"
    r"|a (?:besos|cosquillas|abrazos|preguntas|mensajes|trabajo)|un (?:cd|disco|dvd)"
    r"|con (?:mi|mis) (?:chistes|comida|belleza))"
)
_ES_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,;\n]|cabr[oó]n|pendej[oa]|hij[oa] de|put[oa]|gilipollas|imb[eé]cil"
    r"|idiota|wey|güey|guey|cuando|si\W|en cuanto|me oyes|entendiste|ya\W))"
)


def _es_triggers() -> list[str]:
    forms = _ar_forms(_ES_AR, _ES_IRREGULAR, "é")
    return [
        *_ES_AR,
        *_combos(("te", "os", "lo", "la", "los", "las", "le", "les"), forms),
        *_combos(("te", "le", "les", "os"), _ES_BODY_VERB[3:-1].split("|")),
        *_combos(("partir", "romper", "cortar", "volar", "sacar", "arrancar", "rebanar",
                  "reventar", "abrir", "quebrar"),
                 ("te", "le", "os", "la", "el", "las", "los", "en", "un")),
        *_combos(("meter", "pegar", "dar", "clavar"), ("te", "le", "os", "un", "una")),
        *_combos((v[:-2] for v in _ES_AR), ("ate", "alo", "ala", "alos", "alas", "enlos")),
        "untiro", "unbalazo", "unabala", "unplomazo", "unnavajazo", "unapunalada",
        "uncuchillazo", "unapaliza", "unagolpiza", "dehostias", "depalos", "degolpes",
        "muert", "cadaver", "fiambre", "hombremuerto", "morir", "muere", "mueras", "muerete",
        "contarlo", "elmanana", "amanana", "amanecer", "otrodia", "dondevive", "dondeestudian",
        "dondeduermes", "tudireccion", "asalvo", "espalda", "ojoabierto", "arrepent",
        "lamentar", "ojala", "merece", "pudras", "suicid", "ahorcate", "cuelgate",
        "pegateuntiro", "tirate", "lejia", "cloro", "venas", "quitatelavida", "matense",
        "matarte", "suicidarte", "ahorcarte", "colgarte", "morirte", "quitartelavida",
        "pegarteuntiro", "tirarte",
        "muerase", "muriendo", "alguien", "muertea",
        *_combos(("los", "las"), ("maten", "fusilen", "ahorquen", "quemen", "cuelguen",
                                  "linchen", "gaseen", "exterminen", "masacren", "ejecuten")),
        "matenlos", "fusilenlos", "ahorquenlos", "quemenlos", "cuelguenlos", "pasaralgo",
        "pasaraalgo", "tevaapasar", "tepasara", "levaapasar", "lepasara", "algomalo",
        "estancontados", "atufamilia", "atushijos", "alarbitro", "aesemoderador", "aese", "aesa",
        "deseando", "tejuro", "unbalazo", "pagoaquien", "seatreva", "tenemosgente",
        "dondevive", "accidentes", "desaparecer", "atodoslos", "atodaslas", "deberianser",
        "merecenser", "tienequemasacrar", "estaciudad", "quepueda", "masacr", "apale", "gase",
        "elimin", "cortarle", "romperle", "meterle", "pegarle", "arrancarle", "partirle",
        "volarle", "sacarle", "reventarle", "quebrarle", "abrirle",
        *_combos(_ar_forms(_ES_AR, _ES_IRREGULAR, "é"), ("a", "al", "les")),
        *_combos(("familia", "madre", "mujer", "esposa", "hija", "hijo", "novia", "casa",
                  "hijos"), ("no",)),
    ]  # fmt: skip


def _spanish() -> RuleSet:
    es = RuleSet("es", triggers=_es_triggers())
    intent = (
        r"(?:voy a|vamos a|iré a|quiero|estoy deseando|me muero por|me muero de ganas de"
        r"|no veo la hora de|te juro que voy a|te prometo que voy a|pienso|tengo ganas de)"
    )
    blow = rf"{_ES_BLOW}(?: en (?:la|el) (?:cabeza|cara|pecho|nuca|frente|espalda))?"
    body_np = _alt(
        rf"(?:(?:le|les|te) )?{_ES_BODY_VERB}(?:le|les)? (?:todos |todas |toda )?{_ES_BODY}"
        rf" {_ES_A_NP}",
        rf"(?:le|les) (?:meto|meteré|pego|pegaré|doy|daré|clavo|clavaré) {blow} {_ES_A_NP}",
        rf"(?:meter|pegar|dar|clavar)(?:le|les) {blow}(?: {_ES_A_NP})?",
        rf"(?:partir|romper|cortar|volar|sacar|arrancar|rebanar|reventar|abrir|quebrar)"
        rf"(?:le|les) (?:toda |todos |todas |bien )?{_ES_BODY}",
        rf"(?:reviento|revento|muelo|machaco|apaleo|reventar|moler|machacar|apalear)"
        rf" {_ES_A_NP} (?:a golpes|a palos|a hostias|a patadas|a puñaladas)",
        rf"(?:quemo|quemaré|quemar) {_ES_A_NP} viv[oa]s?",
    )
    # "mato a tus hijos", "estoy deseando meterle una bala al árbitro".
    es.add(
        "act_np",
        "direct",
        rf"(?:yo )?{_ES_1SG} {_ES_A_NP}|{intent} (?:{_ES_INF} {_ES_A_NP}|{body_np})"
        rf"|(?:yo )?(?:te |le |les )?(?:{body_np})",
        not_after=_ES_NOT_AFTER,
        not_before=r"(?:^|\W)(?:no|nunca|jam[aá]s|quien|que)\W*$",
    )
    es.add(
        "call_act",
        "indirect",
        r"(?:(?:le )?pago a quien se atreva a|(?:tenemos|tengo) (?:gente|amigos|colegas) que"
        r" (?:puede|pueden|podría|podrían|sabe|saben)|alguien (?:debería|debe|tiene que"
        r"|tendría que|va a)|ojalá (?:que )?alguien)"
        rf" (?:{_ES_INF}(?:te|lo|la|le|los|las)?(?: {_ES_A_NP})?(?: viv[oa]s?)?|{body_np}"
        rf"|hacer {_ES_A_NP} desaparecer|hacer(?:te|lo|la) desaparecer|{_ES_INF} {_ES_A_NP}"
        r"|(?:lo |la |le |te |les )?(?:mate|acuchille|apuñale|queme|ahorque|cuelgue|reviente"
        r"|entierre|degüelle|estrangule|balee|meta una bala|pegue un tiro)"
        rf"(?: {_ES_A_NP})?)",
        not_after=_ES_NOT_AFTER,
    )
    es.add(
        "hint",
        "indirect",
        r"los accidentes pasan,? (?:sobre todo|sobretodo|especialmente) a (?:gente|personas)"
        r" como (?:tú|tu|vos|ustedes)"
        r"|(?:sé|sabemos) (?:dónde|donde) (?:vive|duerme|trabaja) (?:el|ese|esa|la)"
        r" (?:árbitro|arbitro|moderador|mod|profe|tipo)(?=\W*(?:$|solo digo|nos vemos|duerme"
        r"|piénsalo))",
    )
    es.add(
        "group_more",
        "group",
        rf"(?:hay que|habría que|tenemos que|alguien tiene que|alguien debería|voy a|vamos a"
        rf"|quiero) (?:{_ES_INF}|eliminar|masacrar|gasear|exterminar) (?:a )?(?:todos |todas )?"
        rf"(?:los|las) {_ES_GROUPS}"
        rf"|(?:todos |todas )?(?:los|las) {_ES_GROUPS} (?:deberían|merecen|tienen que|deben)"
        r" (?:morir|ser (?:fusilad|ejecutad|asesinad|ahorcad|quemad|exterminad|eliminad|colgad"
        r"|gasead|masacrad|apalead|linchad|degollad)[oa]s)",
        not_before=r"(?:^|\W)(?:no|nunca)\W*$",
    )
    es.add(
        "voy_a",
        "direct",
        rf"(?:yo |nosotros )?(?:te|os|le) (?:voy|vamos) a (?:(?:ir a|venir a) )?{_ES_INF}",
        not_after=_ES_NOT_AFTER,
    )
    es.add(
        "voy_a_clitic",
        "direct",
        rf"(?:voy|vamos|iré|iremos|quiero) a (?:(?:ir a|venir a) )?{_ES_INF}(?:te|os|le)",
        not_after=_ES_NOT_AFTER,
    )
    es.add(
        "present",
        "direct",
        rf"(?:yo )?(?:te|os) {_ES_1SG}|(?:yo )?(?:lo|la) (?:mato|mataré|apuñalo|degüello"
        r"|ahorco|estrangulo|fusilo|acuchillo|descuartizo|violo|reviento)",
        not_after=_ES_NOT_AFTER,
        not_before=r"(?:^|\W)(?:no|nunca|jam[aá]s)\W*$",
    )
    es.add(
        "body",
        "direct",
        rf"(?:te|le|os) (?:(?:voy|vamos) a )?{_ES_BODY_VERB} (?:toda |todos |todas |bien )?"
        rf"{_ES_BODY}"
        rf"|(?:voy|vamos) a (?:partir|romper|cortar|volar|sacar|arrancar|rebanar|reventar"
        rf"|abrir|quebrar)(?:te|le|os) (?:toda |todos |todas |bien )?{_ES_BODY}"
        rf"|(?:te|le|os) (?:(?:voy|vamos) a )?(?:meto|meter|pego|pegar|doy|dar|daré|meteré"
        rf"|pegaré|clavo|clavar) {_ES_BLOW}"
        rf"|(?:voy|vamos) a (?:meter|pegar|dar|clavar)(?:te|le|os) {_ES_BLOW}",
        not_before=r"(?:^|\W)(?:no|nunca)\W*$",
        not_after=r"(?:al arco|a (?:puerta|portería|la pelota|la canasta)|al (?:balón|aro))",
    )
    es.add(
        "group",
        "group",
        rf"{_ES_INF}(?:los|las|les) (?:a )?(?:todos|todas|cada uno|uno por uno)"
        rf"|(?:los|las) (?:mato|mataré|matamos|mataremos|fusilo|ahorco|quemo|cuelgo)"
        rf" (?:a )?(?:todos|todas)"
        r"|(?:que )?(?:los|las) (?:maten|fusilen|ahorquen|quemen|cuelguen|linchen|gaseen"
        r"|exterminen|masacren|ejecuten) (?:a )?(?:todos|todas)"
        r"|(?:mátenlos|fusílenlos|ahórquenlos|quémenlos|cuélguenlos|maten|fusilen|ahorquen)"
        r" (?:a )?(?:todos|todas)"
        r"|muerte a (?:los|las|todos los|todas las) [^\W\d_]+"
        r"|(?:todos|todas) (?:(?:los|las|esos|esas|estos|estas) )?(?:[^\W\d_]+ ){0,2}?"
        r"(?:deberían|merecen|tienen que|deben) (?:morir|ser (?:fusilad|ejecutad|asesinad"
        r"|ahorcad|quemad|exterminad|eliminad|colgad)[oa]s)"
        r"|(?:hay|habría) que (?:matar|fusilar|ahorcar|quemar|exterminar|colgar|linchar)"
        r" a (?:todos|todas) (?:los|las|esos|esas|estos|estas)",
    )
    es.add(
        "dead",
        "indirect",
        r"(?:ya )?(?:estás|eres|sos|estáis|sois) (?:un |una )?(?:hombre muerto|mujer muerta"
        r"|muerto|muerta|muertos|cadáver|fiambre|historia)" + _ES_CLAUSE_END,
    )
    es.add(
        "die",
        "indirect",
        r"(?:te )?(?:vas|vais) a morir"
        r"|no (?:vas a |vais a )?(?:ver|verás|llegar|llegarás|vivir|vivirás) (?:a |para )?"
        r"(?:el |la |otro )?(?:mañana|amanecer|día|contarlo|ver (?:el|la) (?:mañana|luz))"
        r"|tus días están contados",
        not_after=r"(?:de (?:risa|hambre|envidia|amor|vergüenza|frío|calor|sed|aburrimiento"
        r"|ganas|viej)|algún día|solo|sola|tarde o temprano|como todos|viejo|vieja|feliz)",
    )
    es.add(
        "know_where",
        "indirect",
        r"(?:sé|sabemos|ya sé|averigüé|encontré|descubrí) (?:dónde|donde) (?:vives|viven tus"
        r" hijos|vive tu familia|estudian tus hijos|duermes|vivís)"
        r"|(?:tengo|tenemos|sé|sabemos|conozco) tu dirección",
        not_before=r"(?:^|\W)(?:no|ni|nadie)\W*$",
    )
    es.add(
        "family",
        "indirect",
        r"(?:tu (?:familia|madre|mujer|esposa|hija|hijo|novia|casa)|tus hijos)"
        r" no (?:estará|va a estar|está|estarán|van a estar|están) (?:a salvo|segur[ao]s?"
        r"|tranquil[ao]s?)"
        r"|algo (?:malo )?(?:le )?(?:va a pasar|pasará|te va a pasar|te pasará) (?:a )?"
        r"(?:ti|tu familia|tus hijos)?"
        r"|(?:sería|es) una (?:pena|lástima) que (?:te |le |les )?pasara algo",
    )
    es.add(
        "watch",
        "conditional",
        r"(?:cuídate|cuida|cubre|cuidate) (?:bien )?(?:la espalda|las espaldas|tu espalda"
        r"|tus espaldas)|duerme con un ojo abierto|ándate con cuidado",
        not_after=r"(?:al|cuando|con|en el|levantando|en la)(?![^\W\d_])",
    )
    es.add(
        "if_harm",
        "conditional",
        r"(?:si|la próxima vez que|otra vez que|una vez más|o si no|o sino)(?![^\W\d_])"
        r"[^.!?\n]{0,60}?"
        r"(?<![^\W\d_])(?:te mato|te reviento|estás muerto|eres hombre muerto"
        r"|te vas a arrepentir|te arrepentirás|lo vas a lamentar|lo lamentarás|te parto"
        r"|te rompo|no la cuentas|te entierro|no lo cuentas)",
    )
    es.add(
        "call",
        "indirect",
        rf"(?:alguien|alguno) (?:debería|debe|tiene que|tendría que|tendrá que|va a) "
        rf"{_ES_INF}(?:te|lo|la|le)"
        rf"|(?:habría|hay|deberían|deberíamos|tendrían|tenemos) (?:que )?{_ES_INF}(?:te|lo|la|le)"
        r"|(?:mereces|te mereces|merecés|merece) (?:morir|la muerte|que te maten|un tiro"
        r"|una bala|que lo maten)"
        r"|ojalá (?:que )?(?:te mueras|te maten|te pase algo|te atropellen|mueras|te violen"
        r"|te peguen un tiro|te caiga un rayo|revientes|te pudras|se muera|lo maten)"
        r"|que te (?:mueras|pudras|maten)(?: (?:ya|pronto|de una vez|lento|lentamente"
        r"|en el infierno))?" + _ES_CLAUSE_END,
        not_after=_ES_NOT_AFTER,
    )
    es.add(
        "self",
        "self_harm",
        r"(?:(?:vete|ve|anda|andá|por favor|porfa|ya|solo|sólo|mejor) (?:a )?)*(?:mátate"
        r"|suicídate|ahórcate|cuélgate|muérete|pégate un tiro|tírate (?:de|por|desde|a)"
        r" (?:un|el|la|las) (?:puente|ventana|edificio|balcón|azotea|techo|vías|tren)"
        r"|(?:bebe|bébete|tómate|toma) (?:una |la |un |el )?(?:lejía|cloro|veneno)"
        r"|córtate las venas|quítate la vida|mátense|suicídense|muéranse|ve a matarte"
        r"|vete a matar|ve a morirte|vete a morir"
        r"|(?:deberías|deberias|debes|tendrías que|tienes que) (?:matarte|suicidarte|ahorcarte"
        r"|colgarte|morirte|quitarte la vida|cortarte las venas|pegarte un tiro|tirarte (?:de|por"
        r"|desde|a) (?:un|el|la|las) (?:puente|ventana|edificio|balcón|azotea|techo|vías|tren)))",
        not_after=r"(?:de (?:envidia|risa|la risa|hambre)|estudiando|trabajando|a estudiar"
        r"|en el gym|entrenando|un poco)",
    )
    return es


_PT_AR: Final[tuple[str, ...]] = (
    "matar", "esfaquear", "enforcar", "queimar", "estrangular", "fuzilar", "degolar",
    "afogar", "arrebentar", "espancar", "torturar", "estuprar", "assassinar", "decapitar",
    "enterrar", "furar", "esquartejar", "sufocar", "executar", "linchar", "apagar", "picar",
    "eliminar", "sumir",
)  # fmt: skip
_PT_IRREGULAR: Final[dict[str, str]] = {"esfaquear": "esfaqueio", "sumir": "sumo"}
_PT_INF = _alt(*_PT_AR[:-2])
_PT_1SG = _alt(*_ar_forms(_PT_AR[:-4], _PT_IRREGULAR, "ei"), "matamos", "mataremos")
_PT_ENCLITIC = _alt(*(v[:-1] for v in _PT_AR[:-4]))  # "matá-lo", "esfaqueá-la"
_PT_NP_NOUNS = (
    r"(?:juiz|juíza|moderador|moderadora|mod|cara|mina|moleque|menino|menina|professor"
    r"|professora|policial|vizinho|vizinha|vagabundo|vagabunda|filho da puta|desgraçado"
    r"|desgraçada|otário|otária|arrombado|arrombada|idiota|lixo|traíra|jornalista|político"
    r"|prefeito|deputado|streamer|admin|árbitro|chefe|patrão)"
)
_PT_KIN = (
    r"(?:família|familia|mãe|mae|mulher|esposa|filha|irmã|namorada|avó|casa|filhos|filho|pai"
    r"|irmão|irmaos|irmãos|namorado|marido|parentes|pais|cachorro|bebê|amigos)"
)
# People a threat names after its verb: "ele", "sua família", "seus filhos", "esse juiz".
_PT_YOU = (
    r"(?:você|voce|vc|tu|vocês|vcs|cê|ce|ele|ela|eles|elas|teu pai"
    rf"|(?:sua|tua|seu|teu|suas|tuas|seus|teus) {_PT_KIN}"
    rf"|(?:esse|essa|este|esta|aquele|aquela|esses|essas|o|a) {_PT_NP_NOUNS})"
)
_PT_GROUPS = (
    r"(?:judeus|negros|pretos|gays|ciganos|imigrantes|refugiados|cristãos|cristaos|muçulmanos"
    r"|índios|indios|viados|sapatões|travecos|travestis|policiais|políticos|juízes|professores"
    r"|pobres|ricos|velhos|crentes|macumbeiros|gringos|estrangeiros|moderadores|árabes|arabes"
    r"|[^\W\d_]{3,}(?:anos|anas|enses|istas|inos|inas|eus|ães))"
)
# Whose body part: "a cara desse juiz", "a cabeça dos seus filhos", "os dentes dele".
_PT_OF = (
    r"(?:dele|dela|deles|delas|de você|de vc|de ti"
    rf"|(?:da|do|das|dos) (?:sua|tua|seu|teu|suas|tuas|seus|teus) {_PT_KIN}"
    rf"|(?:desse|dessa|deste|desta|daquele|daquela|do|da) {_PT_NP_NOUNS})"
)
_PT_BODY = _alt(
    "cara", "pernas", "perna", "braços", "braço", "pescoço", "ossos", "dentes", "costelas",
    "cabeça", "fuça", "focinho", "boca", "nariz", "garganta", "olhos", "miolos", "crânio",
    "coluna", "dedos", "joelhos",
)  # fmt: skip
_PT_LEAD = _alt(
    "vai", "vá", "só", "então", "pfv", "pf", "por favor", "logo", "porra", "caralho", "cara",
    "mano", "véi", "seu [^\\W\\d_]+", "sua [^\\W\\d_]+", "idiota", "lixo", "otário",
    "imbecil", "arrombad[oa]", "desgraçad[oa]", "filho da puta", "fdp", "e", "ah", "aí",
    "mesmo", "pelo amor de deus", "faz um favor (?:pro mundo|pra todos|a todos) e",
    "faça um favor ao mundo e", "você deveria", "vc deveria", "tu devias", "deveria", "devia",
    "sério", "serio", "então", "agora", "já", "vê se", "ve se", "vai lá e", "vai la e",
    "anda logo", "escuta", "olha", "to falando serio", "tô falando sério", "falando sério",
    "ninguém ia sentir sua falta", "ninguem ia sentir sua falta", "ninguém vai sentir sua falta",
    "ninguém liga pra você", "faz um favor pro mundo e", "faz um favor pra gente e",
    "o mundo fica melhor sem você", "não é brincadeira", "n é brincadeira", "presta atenção",
    "presta atencao",
)  # fmt: skip
_PT_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,;\n]|porra|caralho|seu |sua |otário|desgraçad|filho da|fdp|arrombad"
    r"|quando|se\W|entendeu|ouviu))"
)


def _pt_triggers() -> list[str]:
    forms = _ar_forms(_PT_AR, _PT_IRREGULAR, "ei")
    return [
        *_PT_AR,
        *_combos(("te", "vos", "lhe", "o", "a", "os", "as"), forms),
        *_combos((v[:-1] for v in _PT_AR), ("lo", "la", "los", "las")),
        *_combos((v for v in _PT_AR), ("te", "voce", "vc", "tu", "ele", "ela")),
        *_combos(("quebr", "arrebent", "cort", "arranc", "fur", "estour", "part"),
                 ("ar", "o", "arte", "arlhe")),
        "umtiro", "unstiros", "umabala", "debala", "deporrada", "umasurra", "porrada",
        "umafacada", "facadas", "morto", "morta", "defunto", "presunto", "morrer",
        *_combos(("viver", "durar", "chegar"), ("ate", "pra", "para")), "veroamanha",
        "solnascer", "diadeamanha", "diasestao", "ondevoce", "ondevc", "ondetu", "ondece",
        "ondemora", "ondevive", "endereco", "asalvo", "costas", "olhoaberto",
        *_combos(("familia", "mae", "mulher", "esposa", "filha", "casa", "filhos"), ("nao",)),
        "arrepend", "pagarcaro", "alguem", "merece", "morra", "morras", "apodrec",
        "semata", "semate", "matate", "matese", "enforca", "enforque", "suicid", "morre",
        "sejoga", "puladaponte", "puladeum", "aguasanitaria", "candida", "veneno",
        "chumbinho", "pulsos", "secorta", "tironasua", "tironatua", "sedaumtiro",
        "essagente", "morteao", "morteaos", "morteatodos", "vaiacontecercom",
        "detonar", "detono", "pico", "picar", "espanco", "espancar", "metralh", "queimo",
        "furo", "enforco", "esfaqueio", "arrebento", "quebro", "parto", "partir", "quebrar",
        "arrebentar", "cortar", "arrancar", "estourar", "apagar", "apago", "acontecesse",
        "acontecer", "pedacinho", "proprivida", "propriavida", "pulsos", "pular",
        "semat", "setir", "sedar", "nacabeca", "nacara", "eliminar", "massacr", "merecem",
        "deviam", "deveriam", "sabeonde", "seionde", "sabemosonde", "coragem",
        "tomara", "espero", "alguem", "quemtiver", "podemeter", "podete",
        *_combos(
            (*_ar_forms(_PT_AR, _PT_IRREGULAR, "ei"), "detono", "espanco", "metralho"),
            ("ele", "ela", "eles", "elas", "esse", "essa", "este", "esta", "aquele", "aquela",
             "sua", "seu", "suas", "seus", "tua", "teu", "tuas", "teus", "vc", "voce", "o", "a"),
        ),
    ]  # fmt: skip


def _portuguese() -> RuleSet:
    pt = RuleSet("pt", triggers=_pt_triggers(), lead=_PT_LEAD)
    first = (
        r"(?:vou|vamos|irei|iremos|a gente vai|eu vou|nós vamos|quero|vou é|t[ôo] louc[oa] (?:pra"
        r"|para)|estou louc[oa] (?:pra|para)|mal posso esperar (?:pra|para)|não vejo a hora de"
        r"|nao vejo a hora de|juro que vou|prometo que vou|faço questão de|vou fazer questão de)"
    )
    inf = rf"(?:{_PT_INF}|detonar|picar|espancar|metralhar)"
    one = rf"(?:{_PT_1SG}|pico|detono|espanco|metralho|furo|queimo)"
    body_inf = r"(?:quebrar|arrebentar|cortar|arrancar|furar|estourar|partir|esmagar|rachar)"
    # First person present, and the subjunctive after "tomara que alguém".
    body_1sg = (
        r"(?:quebro|arrebento|corto|arranco|furo|estouro|parto|esmago|racho|quebre|arrebente"
        r"|corte|arranque|fure|estoure|parta|esmague)"
    )
    shot = (
        r"(?:dar|meter|enfiar|dou|meto|enfio|darei|meterei|dê|meta|enfie) (?:um tiro|uns tiros"
        r"|uma bala"
        r"|bala|uma facada|facadas|um balaço)"
    )
    body_det = r"(?:(?:todos |todas )?(?:a|o|as|os) )"
    # Acts on a body part or with a weapon, whose the owner follows ("a cara desse juiz").
    pt_body = _alt(
        rf"{_alt(body_inf, body_1sg)} {body_det}{_PT_BODY} (?:no meio )?{_PT_OF}",
        rf"{_alt(body_inf, body_1sg)} (?:a |o |as |os )?(?:sua|seu|suas|seus|tua|teu|tuas|teus)"
        rf" {_PT_BODY}",
        rf"(?:te |lhe )?{shot} (?:na|no|nas|nos) {_PT_BODY} {_PT_OF}",
        rf"(?:te |lhe )?{shot} (?:na|no) (?:sua|tua) {_PT_BODY}",
        rf"(?:(?:te|lhe) )?(?:detonar|detono|encher|encho|espancar|espanco|detone|encha"
        rf"|espanque)(?: {_PT_YOU})? (?:na porrada|de porrada|até a morte|ate a morte)",
        rf"(?:picar|pico) {_PT_YOU} em (?:pedacinhos|pedaços)",
        rf"(?:queimar|queimo) {_PT_YOU} viv[oa]s?|(?:queimar|queimo) viv[oa]s? {_PT_YOU}",
    )
    not_after = (
        r"(?:de (?:rir|saudade|vergonha|raiva|tédio|susto|inveja|cansaço|amor|beijos|cócegas)"
        r"|(?:da|do|das|dos) (?:lista|grupo|foto|fotos|chat|contatos|memória|agenda|sistema"
        r"|banco|conversa)"
        r"|a (?:saudade|fome|sede|aula)|com (?:beijos|abraços)|" + _ES_NOT_AFTER + ")"
    )
    pt.add("vou_te", "direct", rf"{first} (?:te|lhe|vos) {_PT_INF}", not_after=not_after)
    pt.add(
        "vou_obj",
        "direct",
        rf"{first} {_PT_INF}(?: (?:-?te|-?vos)| {_PT_YOU}(?![^\W\d_]))|{first} {_PT_ENCLITIC}"
        rf"-?(?:lo|la)|{_PT_INF}-?te-?ei",
        not_after=not_after,
    )
    pt.add(
        "vou_np",
        "direct",
        rf"{first} {inf} {_PT_YOU}(?![^\W\d_])|{first} (?:te |lhe )?{pt_body}",
        not_after=not_after,
        not_before=r"(?:^|\W)(?:não|nao|nunca|jamais)\W*$",
    )
    # "juro que pico sua família", "da próxima vez que eu te ver, mato ela".
    pt.add(
        "present_np",
        "direct",
        rf"(?:eu )?{one} {_PT_YOU}(?![^\W\d_])|(?:eu )?(?:te |lhe )?{pt_body}",
        not_after=not_after,
        not_before=r"(?:^|\W)(?:não|nao|nunca|jamais|quem|ele|ela|você|vc)\W*$",
    )
    pt.add(
        "present",
        "direct",
        rf"(?:eu )?(?:te|vos) {_PT_1SG}|(?:eu )?(?:mato|esfaqueio|enforco|matarei) {_PT_YOU}"
        r"(?![^\W\d_])",
        not_after=not_after,
        not_before=r"(?:^|\W)(?:não|nao|nunca|jamais)\W*$",
    )
    pt.add(
        "body",
        "direct",
        rf"(?:te|lhe) (?:(?:vou|vamos) )?(?:quebrar|quebro|arrebentar|arrebento|cortar|corto"
        rf"|arrancar|arranco|furar|furo|estourar|estouro|partir|parto) (?:a |o |as |os |sua"
        rf" |seu |suas |seus |tua |teu |tuas |teus )?{_PT_BODY}"
        rf"|{first} (?:quebrar|arrebentar|cortar|arrancar|furar|estourar|partir)"
        rf" (?:a |o |as |os )?(?:sua|seu|suas|seus|tua|teu|tuas|teus) {_PT_BODY}"
        r"|(?:vou|vamos) (?:te |lhe )(?:dar|meter|enfiar|encher) (?:um tiro|uns tiros"
        r"|uma bala|de bala|de porrada|uma surra|porrada|a porrada|uma facada|facadas)"
        r"|(?:vou|vamos) (?:dar|meter|enfiar) (?:um tiro|uns tiros|uma bala|uma facada)"
        r" (?:em você|em vc|em ti|na sua cara|na tua cara|na sua cabeça|na tua cabeça)",
        not_before=r"(?:^|\W)(?:não|nao|nunca)\W*$",
    )
    ginf = rf"(?:{_PT_INF}|massacrar|metralhar|exterminar|gasear)(?: viv[oa]s)?"
    pt.add(
        "group",
        "group",
        rf"(?:tem que|tem q|temos que|tinha que|devia|deviam|deveriam|deveríamos|vamos|vou|precisa"
        rf"|precisamos|bora|quero) {ginf} (?:todos|todas|todos eles|todas elas|eles todos"
        rf"|essa gente|esses [^\W\d_]+|essas [^\W\d_]+|todo mundo|geral|esse povo|essa raça"
        rf"|os [^\W\d_]+ todos)"
        rf"|{_PT_ENCLITIC}-?(?:los|las) (?:todos|todas)"
        r"|(?:todos|eles|elas|esses [^\W\d_]+|essa gente|(?:todos |todas )?(?:os|as)"
        rf" {_PT_GROUPS}) (?:deviam|deveriam|merecem|precisam|tem que|têm que) (?:todos )?"
        r"(?:morrer|ser (?:mort|fuzilad|enforcad|queimad|exterminad|executad|massacrad"
        r"|metralhad|eliminad|esfaquead|degolad|linchad|afogad|espancad)[oa]s)"
        rf"|(?:alguém|alguem|a gente|vamos|vou|temos que|tem que|tem q) (?:tem que |tem q |devia"
        rf" |deveria |precisa )?(?:{ginf}|eliminar) (?:todos |todas )?"
        rf"(?:os|as) {_PT_GROUPS} (?:dessa|desta|desa|da) (?:cidade|rua|bairro|país|pais)"
        rf"|(?:vou|vamos|a gente vai) (?:{ginf}|eliminar) (?:todos|todas) (?:os|as)"
        rf" {_PT_GROUPS} (?:que|q) (?:eu )?(?:encontrar|ver|achar)"
        r"|morte aos? [^\W\d_]+|morte a todos",
        not_after=r"(?:os|as) (?:mosquitos|insetos|ratos|baratas|pernilongos|arquivos|bugs|erros"
        r"|zumbis|monstros|inimigos|pragas|germes|bactérias|vírus|formigas|pulgas|piolhos"
        r"|cupins|chefões|bosses|processos|bichos)",
    )
    pt.add(
        "dead",
        "indirect",
        r"(?:você|vc|tu|cê) (?:já |ja )?(?:está|tá|es|és|é) (?:um |uma )?(?:homem morto"
        r"|mulher morta|morto|morta|defunto|presunto)" + _PT_CLAUSE_END,
    )
    pt.add(
        "die",
        "indirect",
        r"(?:você|vc|tu|cê) (?:vai|vais|irá) morrer"
        r"|(?:não|nao) (?:vai|vais) (?:viver|durar|chegar) (?:até|pra|para) (?:amanhã|ver"
        r"|o fim)|(?:não|nao) (?:vai|vais) ver o (?:amanhã|sol nascer|dia de amanhã)"
        r"|(?:seus|teus) dias estão contados",
        not_after=r"(?:de (?:rir|fome|tédio|vergonha|saudade|inveja|amor|calor|frio|velh)"
        r"|um dia|algum dia|sozinh|velh|feliz)",
    )
    pt.add(
        "know_where",
        "indirect",
        r"(?:sei|sabemos|descobri|vou descobrir|já sei) onde (?:você|vc|tu|cê) (?:mora|moras"
        r"|vive|vives|dorme|estuda)|(?:sei|sabemos|descobri) onde (?:mora|moras|vive|vives)"
        r" (?:sua|tua) família|(?:sei|tenho|sabemos|temos) (?:o )?(?:seu|teu) endereço",
        not_before=r"(?:^|\W)(?:não|nao|nem|ninguém)\W*$",
    )
    pt.add(
        "family",
        "indirect",
        r"(?:(?:sua|tua) (?:família|mãe|mulher|esposa|filha|casa)|(?:seus|teus) filhos)"
        r" (?:não|nao) (?:vai estar|estará|está|vão estar|estarão|estão|ficará|vai ficar)"
        r" (?:mais )?(?:segur[ao]s?|a salvo|em segurança|tranquil[ao]s?)"
        r"|algo (?:de )?(?:ruim |mau )?vai acontecer com (?:você|vc|tu|sua família|seus filhos)"
        rf"|(?:seria|ia ser) (?:uma )?pena se (?:acontecesse|algo acontecesse|alguma coisa"
        rf" acontecesse)(?: (?:alguma coisa|algo))? com (?:você|vc|ti|{_PT_YOU})"
        rf"|(?:eu )?(?:sei|sabemos|já sei|descobri) onde (?:(?:ele|ela) (?:mora|vive)(?=\W*(?:$"
        rf"|dorme bem|até logo|só avisando|pensa nisso|fica esperto))|(?!ele\W|ela\W){_PT_YOU}"
        rf" (?:mora|vive|trabalha|estuda|dorme))",
        not_before=r"(?:^|\W)(?:não|nao|nem|ninguém|se|quem)\W*$",
    )
    pt.add(
        "watch",
        "conditional",
        r"(?:(?:é|e) (?:bom|melhor) (?:você|vc|tu) )?(?:olhar|olhe|olha|vigiar|vigie|cuidar"
        r"|cuide|cuida) (?:bem )?(?:pras|para as|as|das) (?:suas |tuas )?costas"
        r"|dorme com um olho aberto",
        not_after=r"(?:ao|quando|na academia|com o peso|no treino)(?![^\W\d_])",
    )
    pt.add(
        "if_harm",
        "conditional",
        r"(?:se|da próxima vez que|mais uma vez|de novo)(?![^\W\d_])[^.!?\n]{0,60}?"
        r"(?<![^\W\d_])"
        r"(?:te mato|(?:você|vc|tu) (?:está|tá|es) mort[oa]|vai se arrepender"
        r"|vais te arrepender|vai pagar caro|te arrebento|te quebro|te enterro"
        r"|(?:você|vc|tu) morre)",
    )
    pt.add(
        "call_act",
        "indirect",
        rf"(?:(?:alguém|alguem|algum dia alguém) (?:deveria|devia|tem que|tem q|precisa|precisava"
        rf"|vai)|(?:tomara|espero|quero ver|oxalá) (?:que|q) (?:alguém|alguem)|(?:pago|dou uma"
        rf" grana pra|pago bem) (?:quem|alguém que|alguem que) (?:tiver|tenha) coragem de"
        rf"|(?:a gente|eu) (?:tem|tenho|conhe[çc]o) (?:gente|uns caras|uns parceiros|amigos)"
        rf" (?:que|q) (?:pode|podem|vai|vão|topa|topam))"
        rf" (?:(?:te |lhe )?{inf}(?: {_PT_YOU}(?![^\W\d_]))?|(?:te |lhe )?{pt_body}"
        rf"|(?:te )?(?:enforque|mate|esfaqueie|queime|espanque|fure|pique|arrebente|quebre"
        rf"|apague|detone|degole|afogue|fuzile|elimine)"
        rf"(?: {_PT_YOU}(?![^\W\d_]))?)",
        not_after=not_after,
    )
    pt.add(
        "call",
        "indirect",
        rf"(?:alguém|algum dia alguém) (?:deveria|devia|tem que|precisa|precisava)"
        rf" (?:te |lhe )?{_PT_INF}(?: {_PT_YOU}(?![^\W\d_]))?"
        r"|(?:você|vc|tu|ele|ela|esse [^\W\d_]+|essa [^\W\d_]+) (?:merece|merecia|deveria"
        r"|devia) (?:morrer|levar um tiro|ser (?:mort|fuzilad|enforcad|queimad)[oa])"
        r"|(?:espero|tomara|oxalá|quero) que (?:você |vc |tu )?(?:morra|morras|leve um tiro"
        r"|seja atropelad[oa]|apodreça|queime no inferno)",
    )
    pt.add(
        "self",
        "self_harm",
        r"(?:se mata|se mate|vai se matar|mata-te|mate-se|se enforca|se enforque"
        r"|vai se enforcar|enforca-te|enforque-se|se suicida|suicida-te|suicide-se"
        r"|se joga (?:da|de uma|de um|na frente (?:do|de um|de uma)) (?:ponte|prédio|janela"
        r"|trem|ônibus|caminhão|penhasco)|pula da ponte|pula de um prédio"
        r"|(?:bebe|beba|toma|tome) (?:água sanitária|cândida|veneno|chumbinho)"
        r"|corta (?:os|teus|seus) pulsos|se corta|se dá um tiro"
        r"|dá um tiro na (?:sua |tua )?cabeça|pula (?:de uma|da|do|de um) (?:ponte|prédio|janela"
        r"|penhasco|viaduto)|tira (?:a )?(?:sua )?(?:própria )?vida"
        r"|(?:você|vc|tu) (?:devia|deveria|devias) (?:se matar|te matar|se enforcar|se suicidar"
        r"|pular (?:de"
        r" uma|da|do|de um) (?:ponte|prédio|janela|penhasco)|dar um tiro na (?:sua )?cabeça"
        r"|cortar (?:os )?(?:seus )?pulsos|tirar (?:a )?(?:sua )?(?:própria )?vida|morrer"
        r"|se jogar (?:da|de uma|de um|na frente (?:do|de um|de uma)) [^\W\d_]+))",
        lead=True,
        not_after=r"(?:de (?:trabalhar|rir|estudar|risa|bungee|paraquedas|asa)|na piscina|no rio"
        r"|d[oa]s?\W+(?!(?:sua|tua)\W)"
        r"|no mar|trabalhando|estudando|na academia"
        r"|trabajando|a trabajar|en el gym)",
    )
    pt.add(
        "die_now",
        "self_harm",
        r"(?:morre|morra|morram)" + _PT_CLAUSE_END,
        lead=True,
        not_before=r"(?:^|\W)(?:que|quem|ele|ela|eles|elas|se|não|nao|você|vc|tu)\W*$",
    )
    return pt


# ---------------------------------------------------------------------------------------------
# Italian
# ---------------------------------------------------------------------------------------------

# Infinitive, first person present and future of violent verbs.
_IT_VERBS: Final[tuple[tuple[str, str, str], ...]] = (
    ("ammazzare", "ammazzo", "ammazzerò"), ("uccidere", "uccido", "ucciderò"),
    ("sparare", "sparo", "sparerò"), ("accoltellare", "accoltello", "accoltellerò"),
    ("sgozzare", "sgozzo", "sgozzerò"), ("strangolare", "strangolo", "strangolerò"),
    ("impiccare", "impicco", "impiccherò"), ("massacrare", "massacro", "massacrerò"),
    ("squartare", "squarto", "squarterò"), ("sbudellare", "sbudello", "sbudellerò"),
    ("seppellire", "seppellisco", "seppellirò"), ("fucilare", "fucilo", "fucilerò"),
    ("decapitare", "decapito", "decapiterò"), ("torturare", "torturo", "torturerò"),
    ("stuprare", "stupro", "stuprerò"), ("violentare", "violento", "violenterò"),
    ("scannare", "scanno", "scannerò"), ("gambizzare", "gambizzo", "gambizzerò"),
    ("crivellare", "crivello", "crivellerò"), ("bruciare", "brucio", "brucerò"),
    ("affogare", "affogo", "affogherò"), ("annegare", "annego", "annegherò"),
    ("pestare", "pesto", "pesterò"), ("menare", "meno", "menerò"),
    ("ammazzare di botte", "ammazzo di botte", "ammazzerò di botte"),
    ("fare fuori", "faccio fuori", "farò fuori"), ("fare la pelle", "faccio la pelle",
    "farò la pelle"), ("fare a pezzi", "faccio a pezzi", "farò a pezzi"),
    ("far fuori", "faccio fuori", "farò fuori"),
)  # fmt: skip
_IT_INF = _alt(*(v[0] for v in _IT_VERBS))
_IT_1SG = _alt(
    *(v[1] for v in _IT_VERBS), *(v[2] for v in _IT_VERBS), "ammazziamo", "uccidiamo",
    "ammazzeremo", "uccideremo", "spariamo", "faremo fuori", "facciamo fuori",
)  # fmt: skip
_IT_CL = r"(?:ti|t'|vi|v')"
# "ammazzar" + "ti", "uccider" + "ti", "far" + "ti fuori".
_IT_INF_CL = _alt(*(v[0][:-1] for v in _IT_VERBS if " " not in v[0]), "far")
_IT_BODY = _alt(
    "la faccia", "le gambe", "le ossa", "il collo", "la testa", "la gola", "il cranio",
    "i denti", "la schiena", "le braccia", "il naso", "il muso", "la mascella", "le costole",
    "gli occhi", "il cervello", "le dita", "le ginocchia", "il grugno", "le cervella",
)  # fmt: skip
# People a threat names: "la tua famiglia", "i tuoi figli", "quel moderatore"; with "a", "ai",
# "alla" before them, whose body part it is ("spezzo le gambe ai tuoi figli").
_IT_NP_CORE = _alt(
    r"(?:tua|sua) (?:famiglia|madre|mamma|ragazza|sorella|figlia|moglie|nonna|fidanzata|donna)",
    r"(?:tuo|suo) (?:padre|papà|fratello|figlio|ragazzo|marito|cane|fidanzato|amico|capo)",
    r"(?:tuoi|suoi) (?:figli|cari|genitori|fratelli|amici|bambini|parenti|figlioli)",
    r"(?:quel|quello|quella|quell'?|questo|questa|quest'?) ?(?:moderatore|moderatrice|arbitro"
    r"|stronzo|stronza|coglione|bastardo|bastarda|idiota|tizio|tipo|infame|giornalista|prof"
    r"|professore|poliziotto|sbirro|admin|mod|vicino|vicina|deficiente|pezzo di merda"
    r"|figlio di puttana|frocio|negro|terrone|cretino|cretina|ragazzino|bambino)",
)
_IT_NP = rf"(?:(?:la|il|i|le|gli|lo) )?{_IT_NP_CORE}"
_IT_GROUPS = (
    r"(?:ebrei|rom|zingari|cristiani|musulmani|immigrati|imigrati|migranti|profughi|negri|neri"
    r"|froci|gay|terroni|albanesi|marocchini|rumeni|cinesi|africani|arabi|stranieri|comunisti"
    r"|fascisti|poliziotti|sbirri|politici|giornalisti|moderatori|arbitri|ebree|donne|vecchi"
    r"|[^\W\d_]{3,}(?:ani|ini|esi|isti|ei|eni))"
)
_IT_TO_NP = rf"(?:(?:a|ad|alla|al|ai|agli|alle|allo|all'?) {_IT_NP_CORE}|a (?:lui|lei|te|voi))"
_IT_BODY_VERBS: Final[tuple[tuple[str, str, str], ...]] = (
    ("spaccare", "spacco", "spaccherò"), ("rompere", "rompo", "romperò"),
    ("spezzare", "spezzo", "spezzerò"), ("tagliare", "taglio", "taglierò"),
    ("aprire", "apro", "aprirò"), ("sfondare", "sfondo", "sfonderò"),
    ("strappare", "strappo", "strapperò"), ("cavare", "cavo", "caverò"),
    ("staccare", "stacco", "staccherò"), ("far saltare", "faccio saltare", "farò saltare"),
    ("fracassare", "fracasso", "fracasserò"), ("frantumare", "frantumo", "frantumerò"),
)  # fmt: skip
_IT_BODY_ANY = _alt(*(f for v in _IT_BODY_VERBS for f in v), "fare saltare")
_IT_BODY_INF_CL = _alt(*(v[0][:-1] for v in _IT_BODY_VERBS if " " not in v[0]))
_IT_SHOOT = (
    r"(?:sparo|sparerò|sparare|sparargli|spararle|spararti|pianto|pianterò|piantare|piantargli"
    r"|piantarle|piantarti|metto|metterò|mettere|ficco|ficcherò|infilo|infilerò)"
)
_IT_BULLET = r"(?:una pallottola|un proiettile|due colpi|un colpo|una palla|un coltello|una lama)"


def _it_body() -> str:
    """Acts on a body part or with a bullet, with their victim ("ai tuoi figli", "gli")."""
    cl = r"(?:ti|vi|gli|le|t'?)"
    body = rf"(?:tutte |tutti )?{_IT_BODY}"
    return _alt(
        rf"{cl} (?:(?:voglio|vengo a|devo) )?{_IT_BODY_ANY} {body}",
        rf"{_IT_BODY_ANY} {body} {_IT_TO_NP}",
        rf"{_IT_BODY_INF_CL}(?:ti|gli|le|vi) {body}",
        rf"(?:{cl} )?{_IT_SHOOT} (?:{_IT_BULLET} )?(?:in|nella|nel) (?:testa|faccia|bocca|pancia"
        rf"|fronte|petto|cuore) {_IT_TO_NP}",
        rf"(?:{cl} )?{_IT_SHOOT}(?:gli|le|ti)? {_IT_BULLET} (?:in|nella|nel) (?:testa|faccia"
        rf"|bocca|pancia|fronte|petto|cuore)",
        rf"(?:{cl} |(?:lo|la|li) )(?:apro|aprirò|spacco|spaccherò|taglio|taglierò) in due",
        rf"(?:aprire|apro|aprirò|apra) {_IT_NP} in due",
    )


_IT_LEAD = _alt(
    "ma", "e", "dai", "allora", "vai", "va'", "su", "per favore", "ti prego", "coglione",
    "stronzo", "stronza", "idiota", "cretino", "cretina", "bastardo", "bastarda", "fallito",
    "sfigato", "poveraccio", "fai un favore al mondo e", "fatti un favore e",
    "perché non", "dovresti", "meglio se", "ecco", "tipo", "davvero", "sul serio", "ora",
    "adesso", "già", "pure", "anzi", "merda", "testa di cazzo", "pezzo di merda", "senti",
    "ascoltami", "ascolta", "non scherzo", "nn scherzo", "te lo dico seriamente", "fra", "frà",
    "bro", "vai e", "va' e", "nessuno sentirebbe la tua mancanza",
    "nessuno sentirà la tua mancanza", "il mondo sarebbe migliore senza di te", "tanto",
    "guarda", "sei di troppo(?: su questo mondo)?", "nessuno ti vuole",
)  # fmt: skip
_IT_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,;\n]|stronz|coglion|bastard|cazzo|bello|amico|se\W|quando|appena"
    r"|capito|hai capito))"
)
_IT_TRIGGERS: Final[tuple[str, ...]] = (
    "ammazz", "uccid", "uccider", "sparar", "sparer", "spariamo", "accoltell", "sgozz",
    "strangol", "impicc", "massacr", "squart", "sbudell", "seppell", "fucil", "decapit",
    "tortur", "stupr", "violent", "scann", "gambizz", "crivell", "bruciar", "brucer", "affog",
    "anneg", "pestar", "pester", "menar", "mener", "farfuori", "facciofuori", "farofuori",
    "faremofuori", "facciamofuori", "farti", "farvi", "farlo", "farla", "farli", "lapelle",
    "apezzi", "spacc", "spezz", "taglier", "pallottol", "proiettil", "coltell", "piombo",
    *_combos(("ti", "vi", "gli", "le", "lo", "la"), (
        "sparo", "pesto", "meno", "brucio", "rompo", "taglio", "apro", "sfondo", "strappo",
        "cavo", "stacco", "metto", "pianto", "ficco", "infilo", "riempio", "faccio",
    )),
    "tapro", "vapro",
    "morto", "morta", "cadavere", "morirai", "morire", "nonvedrai", "nonarriverai", "contati",
    "dovestai", "doveabit", "dovevivi", "dovelavori", "dovedormi", "indirizzo", "alsicuro",
    "succeder", "spalle", "occhioaperto", "pentirai", "lapaghi", "lapagherai", "pagare",
    "qualcuno", "meriti", "muoia", "crepi", "crepa", "muori", "ammazzati", "ucciditi",
    "impiccati", "sparati", "buttati", "candeggina", "levene", "suicid", "fattifuori",
    "toglitilavita", "fattiesplodere", "fattisaltare", "mortea", "amorte",
    "lafamiglia", "tuafamiglia", "tuoifigli", "suoifigli", "quelmoderatore", "quellarbitro",
    "pallottola", "intesta", "indue", "succedesse", "peccato", "chiunque", "coraggio",
    "abbiamogente", "hogente", "dovresti", "eliminat", "eliminare", "bruciativivi",
    "diquestacitta", "checonosco", "chetrovo", "sparati", "ossa", "gambe", "cranio", "gola",
    "faccia", "vene", "lavita", "pentito", "pezzi", "asangue", "dibotte", "cassadamorto",
    "bara", "cimitero", "ospedale", "sottoterra", "chescuola", "doveabita", "dovevive",
    *(v[1] for v in _IT_VERBS if len(v[1]) > 4), *(v[2] for v in _IT_VERBS),
    *(f for v in _IT_BODY_VERBS for f in v if len(f) > 6),
)  # fmt: skip


def _italian() -> RuleSet:
    it = RuleSet("it", triggers=_IT_TRIGGERS, lead=_IT_LEAD)
    not_after = (
        r"(?:di (?:baci|solletico|coccole|risate|complimenti|lavoro)|con (?:i|le) (?:baci|coccole))"
    )
    intent = (
        r"(?:voglio|vengo a|vengo ad|vado a|vado ad|sto per|verrò a|devo|dobbiamo|vogliamo"
        r"|veniamo a|andrò a|posso|ti giuro che|giuro che|adesso|ora)"
    )
    it.add(
        "present",
        "direct",
        rf"(?:io )?{_IT_CL} {_IT_1SG}|(?:io )?(?:lo|la) (?:ammazzo|uccido|ammazzerò|ucciderò"
        r"|sgozzo|accoltello|strangolo|impicco|faccio fuori)",
        not_after=not_after,
        not_before=r"(?:^|\W)(?:non|mai)\W*$",
    )
    promise = (
        r"(?:non vedo l'ora di|nn vedo l'ora di|non vedo lora di|voglio|sto per|ti giuro che"
        r"|giuro che|te lo prometto|ti prometto che|prega,? perché|prega,? xké|prega,? perche"
        r"|ti trovo e|la prossima volta che ti vedo|conta su di me per|muoio dalla voglia di)"
    )
    # "non vedo l'ora di impiccare la tua famiglia", "ammazzo quel moderatore".
    it.add(
        "act_np",
        "direct",
        rf"(?:io )?(?:{_IT_1SG}|elimino|eliminerò) {_IT_NP}"
        rf"|{promise} (?:di )?(?:{_IT_INF}|eliminare) {_IT_NP}"
        rf"|{promise} (?:di )?{_IT_INF_CL}(?:ti|vi|lo|la|li|le)(?: fuori| la pelle| a pezzi"
        rf"| di botte| a sangue| viv[oaie])?"
        rf"|(?:faccio|farò|fare) {_IT_NP} a pezzi|(?:brucio|brucerò|bruciare) {_IT_NP} viv[oaie]",
        not_after=not_after,
        not_before=r"(?:^|\W)(?:non|mai|chi|che|se)\W*$",
    )
    it.add(
        "body_np",
        "direct",
        _it_body(),
        not_before=r"(?:^|\W)(?:non|mai|chi)\W*$",
        not_after=r"(?:a (?:calcio|pallone|tennis)|di (?:risate|lavoro))",
    )
    it.add(
        "intent",
        "direct",
        rf"{intent} (?:(?:a|ad) )?{_IT_INF_CL}(?:ti|vi|lo|la)(?: fuori| la pelle| a pezzi"
        rf"| di botte)?"
        rf"|{_IT_CL} {intent} (?:(?:a|ad) )?{_IT_INF}",
        not_after=not_after,
    )
    it.add(
        "body",
        "direct",
        rf"(?:ti|vi|gli|le) (?:(?:voglio|vengo a|devo) )?(?:spacco|rompo|spezzo|taglio|apro"
        rf"|sfondo|faccio saltare|strappo|cavo|stacco|spaccherò|romperò|spezzerò|taglierò"
        rf"|spaccare|rompere|spezzare|tagliare|aprire|sfondare|staccare|cavare) {_IT_BODY}"
        rf"|{_IT_CL} (?:metto|pianto|ficco|infilo|metterò|pianterò) (?:una pallottola|un"
        rf" proiettile|un coltello|una coltellata|una lama|del piombo)"
        rf"|{_IT_CL} riempio di (?:piombo|botte|pallottole|coltellate)",
        not_before=r"(?:^|\W)(?:non|mai)\W*$",
    )
    it.add(
        "group",
        "group",
        rf"(?:bisogna|bisognerebbe|dovremmo|dovrebbero|vanno|andrebbero|devono essere"
        rf"|meritano di essere|si dovrebbe|sarebbe da|voglio|vorrei|li)? ?(?:{_IT_INF_CL}li"
        rf"|ammazzati|uccisi|fucilati|impiccati|bruciati|sterminati|gasati|ammazzare|uccidere"
        rf"|fucilare|impiccare|bruciare|sterminare|gasare|ammazzerei|ucciderei|fucilerei"
        rf"|impiccherei) (?:tutti|tutte)"
        r"|(?:ammazziamoli|uccidiamoli|impicchiamoli|fuciliamoli|bruciamoli|sterminiamoli)"
        r"|(?:morte|a morte) (?:ai|agli|alle|tutti i|tutti gli|gli|i|le) [^\W\d_]+"
        r"|(?:tutti|tutte) (?:(?:i|gli|le|questi|quei|quelle|queste) )?(?:[^\W\d_]+ ){0,2}?"
        r"(?:devono|dovrebbero|meritano di) (?:morire|essere (?:ammazzat|uccis|fucilat"
        r"|impiccat|bruciat|sterminat|massacrat|eliminat|sgozzat|gasat)[ie])"
        rf"|(?:(?:tutti|tutte) )?(?:i|gli|le) {_IT_GROUPS} (?:devono|dovrebbero|meritano di)"
        r" (?:morire|essere (?:ammazzat|uccis|fucilat|impiccat|bruciat|sterminat|massacrat"
        r"|eliminat|sgozzat|gasat)[ie])"
        rf"|(?:bisogna|bisognerebbe|bisona|dovremmo|voglio|vorrei|qualcuno deve|qualcuno"
        rf" dovrebbe) (?:{_IT_INF}|eliminare) (?:tutti |tutte )?(?:i|gli|le) {_IT_GROUPS}"
        rf"(?: (?:di questa città|che (?:trovo|incontro|vedo|conosco))|(?=\W*(?:$|[.!?,;\n]"
        rf"|pensaci|a presto|sogni d'?oro)))",
        not_after=r"(?:in (?:guerra|battaglia)|nel \d|nell|durante)",
    )
    it.add(
        "dead",
        "indirect",
        r"(?:sei|siete) (?:già |gia )?(?:un |una )?(?:uomo morto|donna morta|morto|morta|morti"
        r"|cadavere)" + _IT_CLAUSE_END,
    )
    it.add(
        "die",
        "indirect",
        r"morirai|stai per morire|(?:non|nun) (?:vedrai|arriverai a) (?:domani|l'alba"
        r"|il prossimo (?:giorno|anno|natale))|hai i giorni contati|i tuoi giorni sono contati",
        not_after=r"(?:(?:di|dal|dalle|dalla) (?:noia|fame|freddo|caldo|vecchiaia|risate|ridere"
        r"|vergogna)|solo|sola"
        r"|vecchi|felice|un giorno|prima o poi)",
    )
    it.add(
        "know_where",
        "indirect",
        r"(?:so|sappiamo|ho scoperto|scoprirò) dove (?:abiti|vivi|stai|dormi|lavori|abita la tua"
        r" famiglia|vanno a scuola i tuoi figli)|(?:conosco|ho|abbiamo) il tuo indirizzo",
        not_before=r"(?:^|\W)(?:non|nessuno)\W*$",
    )
    it.add(
        "family",
        "indirect",
        r"(?:la tua (?:famiglia|ragazza|donna|casa|mamma|madre)|i tuoi (?:figli|cari))"
        r" non (?:sarà|è|saranno|sono) (?:più )?al sicuro"
        r"|(?:ti|alla tua famiglia|ai tuoi figli) succederà qualcosa"
        r"|succederà qualcosa (?:a te|alla tua famiglia|ai tuoi figli)"
        rf"|(?:sarebbe|è) un peccato se (?:ti succedesse qualcosa|succedesse qualcosa"
        rf" (?:a te|{_IT_TO_NP}))"
        r"|so (?:che scuola fanno|in che scuola vanno|dove vanno a scuola) i tuoi figli"
        rf"|(?:so|sappiamo) dove (?:abita|vive|lavora) {_IT_NP}(?=\W*(?:$|lo dico|pensaci"
        rf"|a presto|sogni|stai attento))",
    )
    it.add(
        "watch",
        "conditional",
        r"guardati (?:bene )?(?:le|alle) spalle|dormi con un occhio aperto",
    )
    it.add(
        "if_harm",
        "conditional",
        r"(?:se|la prossima volta che|un'altra volta che|altrimenti)(?![^\W\d_])[^.!?\n]{0,60}?"
        r"(?<![^\W\d_])(?:ti ammazzo|sei morto|te ne pentirai|ti spacco|ti uccido|me la paghi"
        r"|me la pagherai|te la faccio pagare|sei un uomo morto)",
    )
    it.add(
        "call_act",
        "indirect",
        r"(?:pago chiunque abbia il coraggio di|pago chi ha il coraggio di|(?:abbiamo|ho|conosco)"
        r" (?:gente|amici|ragazzi|persone) che (?:può|possono|potrebbe|potrebbero|sa|sanno)"
        r"|spero che qualcuno|qualcuno (?:dovrebbe|deve|dovrà|prima o poi))"
        rf" (?:(?:{_IT_INF}|eliminare) {_IT_NP}|{_IT_INF_CL}(?:ti|vi|lo|la|li|le|gli)"
        rf"|{_it_body()}|(?:ti |lo |la )?(?:ammazzi|uccida|accoltelli|sgozzi|impicchi|massacri"
        rf"|faccia a pezzi|pesti|bruci|spari)(?: {_IT_NP})?|{_IT_CL} {_IT_INF})",
        not_after=not_after,
    )
    it.add(
        "call",
        "indirect",
        rf"qualcuno (?:dovrebbe|deve|dovrà|prima o poi) {_IT_INF_CL}(?:ti|lo|la|vi)"
        r"|(?:meriti|meriteresti|merita) di (?:morire|crepare)|dovresti (?:morire|crepare)"
        r"|spero che (?:tu )?(?:muoia|crepi|ti ammazzino|ti investano|ti sparino|muori)"
        r"|devi (?:morire|crepare)",
        not_after=r"(?:dal|dalla|dalle|di) (?:ridere|risate|noia|fame|sete|freddo|caldo|vergogna"
        r"|invidia|sonno)",
    )
    it.add(
        "self",
        "self_harm",
        r"(?:ammazzati|ucciditi|impiccati|sparati|buttati (?:da un ponte|sotto un treno"
        r"|dalla finestra|giù da un ponte|dal balcone|dal tetto|giù)|muori|crepa|vai a morire"
        r"(?: ammazzato)?|va' a morire(?: ammazzato)?|bevi (?:la |della )?candeggina"
        r"|tagliati le vene|suicidati|fatti fuori|togliti la vita|fatti (?:esplodere|saltare"
        r" in aria)|dovresti (?:buttarti (?:da un ponte|sotto un treno|dalla finestra|giù)"
        r"|toglierti la vita|tagliarti le vene|impiccarti|ammazzarti|ucciderti|spararti"
        r"|suicidarti|morire))",
        lead=True,
        not_after=r"(?!una volta|lo dico)(?:un|una|uno|il|la|lo|i|le|gli|dei|delle|di|in gola|dal"
        r"|dalla"
        r"|dalle)"
        r"(?![^\W\d_])",
    )
    return it


# ---------------------------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------------------------

_FR_ER: Final[tuple[str, ...]] = (
    "tuer", "buter", "crever", "égorger", "poignarder", "massacrer", "flinguer", "étrangler",
    "brûler", "noyer", "défoncer", "exploser", "trouer", "cramer", "dépecer", "décapiter",
    "éventrer", "fracasser", "tabasser", "frapper", "violer", "torturer", "achever",
    "saigner", "liquider", "zigouiller", "trucider", "assassiner", "exécuter", "étriper",
    "enterrer", "fusiller", "lyncher", "gazer", "démonter", "dézinguer", "shooter",
    "charcuter", "suriner", "dessouder", "plomber", "étouffer", "mutiler", "défigurer",
    "démembrer", "lapider", "écorcher", "empoisonner", "kidnapper", "crucifier", "calciner",
)  # fmt: skip
# Violent only with a person as object ("je vais te fumer", "découper ta famille"), never after
# "le"/"la" (a cigarette, a roast).
_FR_ER_PERSON: Final[tuple[str, ...]] = ("fumer", "découper", "allumer", "griller")
_FR_OTHER: Final[tuple[tuple[str, str, str], ...]] = (
    ("descendre", "descends", "descendrai"), ("pendre", "pends", "pendrai"),
    ("abattre", "abats", "abattrai"), ("refroidir", "refroidis", "refroidirai"),
    ("démolir", "démolis", "démolirai"), ("faire la peau", "fais la peau", "ferai la peau"),
    ("crever les yeux", "crève les yeux", "crèverai les yeux"),
    ("tabasser à mort", "tabasse à mort", "tabasserai à mort"),
    ("battre à mort", "bats à mort", "battrai à mort"),
    ("brûler vif", "brûle vif", "brûlerai vif"), ("brûler vive", "brûle vive", "brûlerai vive"),
    ("brûler vifs", "brûle vifs", "brûlerai vifs"),
)  # fmt: skip


def _fr_1sg(verbs: Iterable[str]) -> list[str]:
    """First person present and future of -er verbs ("tue", "tuerai"; "égorge", "égorgerai")."""
    return [f for v in verbs for f in (v[:-2] + "e", v + "ai")]


_FR_INF = _alt(*_FR_ER, *(v[0] for v in _FR_OTHER))
_FR_INF_PERSON = _alt(*_FR_ER, *_FR_ER_PERSON, *(v[0] for v in _FR_OTHER))
_FR_1SG_LIST: Final[list[str]] = [
    *_fr_1sg(_FR_ER), *(v[1] for v in _FR_OTHER), *(v[2] for v in _FR_OTHER),
]  # fmt: skip
_FR_1SG = _alt(*_FR_1SG_LIST)
_FR_1SG_PERSON = _alt(*_FR_1SG_LIST, *_fr_1sg(_FR_ER_PERSON))
# Present forms after "le"/"la" that cannot be about a thing ("je la pends", "je le bute").
_FR_1SG_STRONG = _alt(
    *_fr_1sg((
        "tuer", "buter", "égorger", "poignarder", "étrangler", "flinguer", "massacrer",
        "zigouiller", "trucider", "assassiner", "étriper", "fusiller", "lyncher", "décapiter",
        "éventrer", "dépecer", "saigner", "dézinguer", "suriner", "dessouder", "mutiler",
        "crever", "torturer", "tabasser", "lapider", "crucifier", "charcuter",
    )),
    "pends", "pendrai", "descends", "descendrai", "abats", "abattrai", "refroidis",
    "refroidirai", "tabasse à mort", "bats à mort", "brûle vif", "brûle vive", "brûlerai vif",
    "brûlerai vive",
)  # fmt: skip
# "t'" also without its apostrophe before a vowel ("texploser", "tégorger").
_FR_CL = r"(?:te|t'?|vous|le|la|l'?|lui)"
_FR_CL_PERSON = r"(?:te|t'?|vous)"
_FR_BODY = _alt(
    "gueule", "tête", "tronche", "jambes", "bras", "os", "dents", "crâne", "nuque", "cou",
    "gorge", "yeux", "visage", "face", "genoux", "dos", "côtes", "ventre", "bide", "mâchoire",
    "nez", "cervelle", "rotules", "doigts", "mains", "cœur", "colonne", "trachée", "veines",
)  # fmt: skip
# People a threat names: "ta famille", "tes gosses", "ce modo", "cet arbitre", "ton frère".
_FR_NP = _alt(
    r"(?:ta|sa|votre) (?:famille|femme|mère|fille|sœur|copine|meuf|daronne|grand-mère|mamie"
    r"|tante|cousine|voisine|petite amie|gamine|race)",
    r"(?:ton|son|votre) (?:frère|père|fils|mec|copain|daron|gosse|gamin|bébé|chien|chat|pote"
    r"|cousin|oncle|grand-père|papi|voisin|petit ami|mari|patron|prof|ami|amie)",
    r"(?:tes|ses|vos) (?:gosses|enfants|mioches|gamins|parents|proches|frères|sœurs|potes"
    r"|amis|filles|fils|chiens|cousins|petits)",
    r"(?:ce|cet|cette) (?:sale |petit |petite |gros |grosse |pauvre )?(?:modo|modérateur"
    r"|modératrice|arbitre|mec|type|gars|keum|connard|connasse|salope|bâtard|batard|enfoiré"
    r"|enfoirée|fdp|prof|flic|keuf|journaliste|voisin|voisine|juge|président|ministre|maire"
    r"|député|youtubeur|streamer|admin|abruti|abrutie|crétin|débile|gamin|gamine|gosse|pd"
    r"|con|conne|enculé|pute|clown|bouffon|traître|vieux|vieille|meuf|nana|fils de pute|mec-là"
    r"|type-là|mec la|type la|idiot|idiote|boloss|bolosse|racaille|politicien|patron|cheffe?)",
)
# Violent acts on a body part, or with a bullet or a blade, as infinitives and in the present.
_FR_BODY_INF = _alt(
    "casser", "péter", "exploser", "défoncer", "refaire", "arracher", "briser", "fracasser",
    "crever", "couper", "trancher", "ouvrir", "éclater", "démonter", "tordre", "broyer",
    "écraser", "découper", "taillader", "lacérer", "sectionner", "enfoncer",
)  # fmt: skip
_FR_BODY_1SG = _alt(
    *_fr_1sg(v for v in _FR_BODY_INF[3:-1].split("|") if v.endswith("er")), "ouvre", "ouvrirai",
    "tords", "tordrai",
)  # fmt: skip
_FR_BULLET = (
    r"(?:une balle|deux balles|des balles|un pruneau|une bastos|un coup de couteau|un couteau"
    r"|une lame|un coup de lame|un coup de machette|un plomb|du plomb|un coup de surin)"
)
_FR_PUT_INF = r"(?:mettre|coller|planter|loger|enfoncer|foutre)"
_FR_PUT_1SG = r"(?:mets|mettrai|colle|collerai|plante|planterai|loge|logerai|enfonce|fous|foutrai)"
_FR_IN_BODY = r"(?:dans|en plein dans|entre) (?:la|ta|sa|les|tes|ses|le|ton|son) " + _FR_BODY
# "à ce modo", "à tes gosses": whose body part it is.
_FR_TO_NP = rf"(?:à|a) (?:{_FR_NP}|toi|lui|elle|vous)"


def _fr_body(inf: str, put: str) -> str:
    """Acts on a body part or with a weapon; ``inf``/``put``: the verb forms to use."""
    det = r"(?:tous |toutes )?(?:la|les|le|l'|ta|tes|ton|sa|ses|son|vos|votre)"
    det_poss = r"(?:tous |toutes )?(?:ta|tes|ton|sa|ses|son|vos|votre)"
    return _alt(
        # "te casser la gueule", "lui briser la nuque", "casser la nuque à ce modo".
        rf"(?:te|t'?|vous|lui|leur) {inf} {det} {_FR_BODY}",
        rf"{inf} {det} {_FR_BODY} {_FR_TO_NP}",
        rf"{inf} {det_poss} {_FR_BODY}",
        # "te mettre une balle", "mettre une balle dans la tête à ce modo".
        rf"(?:te|t'?|vous|lui|leur) {put} {_FR_BULLET}",
        rf"{put} {_FR_BULLET} (?:{_FR_IN_BODY} )?{_FR_TO_NP}",
        rf"{put} {_FR_BULLET} dans (?:ta|sa|vos|votre) {_FR_BODY}",
    )


_FR_LEAD = _alt(
    "allez", "vas-y", "vas y", "va", "mais", "et", "bah", "ben", "alors", "donc", "bref",
    "franchement", "sérieux", "stp", "s'il te plaît", "connard", "connasse", "sale [^\\W\\d_]+",
    "pauvre [^\\W\\d_]+", "espèce de [^\\W\\d_]+", "toi", "vous", "oh", "eh", "ouais", "putain",
    "pd", "fdp", "enculé", "salope", "ta gueule et", "ferme-la et", "tu devrais",
    "tu ferais mieux de", "rends service à tout le monde et", "rends-nous service et",
    "maintenant", "déjà", "juste", "abruti", "débile", "crétin", "idiot", "merde", "regarde",
    "écoute", "écoute-moi bien", "écoute moi bien", "frérot", "frero", "frère", "wesh", "mec",
    "gros", "c'est pas une blague", "c pas une blague", "cest pas une blague", "sans rire",
    "personne (?:ne )?te regretterait", "personne (?:ne )?va te regretter",
    "t'es de trop sur terre", "t'es de trop", "tu sers à rien", "tu sers a rien",
    "le monde (?:serait|sera) mieux sans toi", "fais-nous plaisir", "fais nous plaisir",
    "rends service au monde(?: et)?", "une bonne fois pour toutes", "sérieusement", "vraiment",
    "honnêtement", "par pitié", "pitié", "oui", "ouai", "bon", "tiens", "je suis sérieux",
    "je suis sérieuse", "chuis sérieux", "j'suis sérieux", "je rigole pas",
)  # fmt: skip
_FR_SUBJECT_BEFORE = (
    r"(?:^|\W)(?:il|elle|ça|ca|cela|on|qui|ce|ils|elles|tout|que|qu|ne|n|ton [^\W\d_]+"
    r"|ta [^\W\d_]+|le [^\W\d_]+|la [^\W\d_]+|mon [^\W\d_]+|ma [^\W\d_]+|un [^\W\d_]+"
    r"|une (?!blague\W*$)[^\W\d_]+|je|j|tu)\W*$"
)
_FR_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,;\n]|connard|salope|enculé|fdp|pd|si\W|quand|dès que|mon pote|mec"
    r"|gros|frère|t'entends|compris|je te jure|dors bien|à bientôt|réfléchis))"
)
# Speaker + future, intent or promise: "je vais", "j'ai hâte de", "compte sur moi pour".
_FR_FUTURE = (
    r"(?:(?:je|j'?) (?:vais|vas|veux|voudrais|compte|viens|reviens|vais venir|vais aller"
    r"|m'en vais|suis (?:prêt|prête|décidé|décidée) à|vais finir par|vais me faire un plaisir de"
    r"|me ferai un plaisir de|me ferais un plaisir de|rêve de|meurs d'envie de"
    r"|ai (?:trop |tellement |grave )?hâte de|ai (?:trop |tellement |grave )?hâte d'"
    r"|(?:ne )?peux pas attendre de|attends que ça|attends que de|vais m'occuper de"
    r"|suis (?:en train|sur le point) de|vais pas me gêner pour|vais pas hésiter à|jure de)"
    r"|j'vais|jvais|chuis en train de|on va|nous allons|on veut|nous voulons|on compte"
    r"|on a hâte de|on vient|compte sur moi pour|comptez sur moi pour|compte sur nous pour"
    r"|laisse-moi|laissez-moi|promis je vais)"
)
# Before the speaker: someone else's words, not the writer's ("dire à quelqu'un qu'on va").
_FR_REPORTED = (
    r"(?:dire|dit|disent|disait|raconter|raconte|écrire|écrit|menacer|menace|menacé|prétendre"
    r"|annoncer|crier|hurler)\W+(?:[^\W\d_]+\W+){0,4}?qu"
)
_FR_FILL = (
    r"(?:(?:tous|toutes|bien|direct|personnellement|moi-même|vraiment|carrément|lentement"
    r"|encore|enfin|gentiment|sérieusement|tranquillement|un jour|bientôt) )*"
    r"(?:(?:te|t'?|vous) (?:retrouver|trouver|chercher|choper|attraper|suivre|attendre)"
    r" (?:et|puis) )?"
)
_FR_NOT_AFTER = r"(?:à (?:fifa|cod|lol|la console)|de (?:bisous|câlins|rire|questions))"
_FR_CALL = (
    r"(?:(?:quelqu'?un|quelqu un|qqn|qqun|quelqu'un d'autre) (?:devrait|doit|devait|va|pourrait"
    r"|peut|finira par|va bien finir par|a intérêt à)"
    r"|(?:j'espère|jespère|j'espere|espérons|pourvu) qu(?:e |')(?:quelqu'un|quelqu un|qqn|qqun"
    r"|on|ils|quelqu'un d'autre) (?:va |vienne |viendra |finisse par |finira par )?"
    r"|(?:je paie|je paye|je payerai|je paierai|je donne \w+ (?:€|euros|balles) à) (?:celui|celle"
    r"|ceux|quelqu'un|qqn|le premier|la première) qui (?:aura le courage (?:de|d'?)|osera|va|ira"
    r"|pourra|réussira à|arrivera à)"
    r"|(?:on a|j'ai|je connais|j'connais) (?:des|les) (?:gars|potes|mecs|amis|frères|cousins"
    r"|gens|contacts|types|frérots) qui (?:peuvent|vont|pourraient|sauront|savent|voudront"
    r"|kifferaient|adoreraient)"
    r"|qui (?:veut|est chaud pour|est partant pour|se dévoue pour)"
    r"|(?:il faut|faut|faudrait|il faudrait) (?:que )?(?:quelqu'un|qqn|on) ?(?:aille )?)"
)
_FR_GROUPS = (
    r"(?:noirs|arabes|juifs|musulmans|chrétiens|cathos|catholiques|roms|gitans|migrants"
    r"|immigrés|immigres|réfugiés|étrangers|homos|pédés|gays|gais|lesbiennes|trans|féministes"
    r"|gauchistes|fachos|flics|keufs|policiers|profs|modos|arbitres|blancs|asiatiques|chinois"
    r"|africains|maghrébins|bougnoules|rebeus|renois|feujs|juives|musulmanes|femmes|hommes"
    r"|vieux|boomers|journalistes|politiciens|députés|riches|sdf|clandos|clandestins"
    r"|handicapés|mécréants|infidèles|sionistes|israéliens|palestiniens|athées|wokes|vegans"
    r"|écolos|bobos|bourgeois|[^\W\d_]{3,}(?:istes|iens|iennes|ais|aises|ains|aines|ites|ois))"
)
_FR_GROUP_INF = _alt(
    *(v for v in _FR_ER if v not in ("frapper", "shooter", "exploser", "démonter", "achever")),
    "pendre", "abattre", "exterminer", "brûler vifs", "brûler vives", "noyer",
    "fumer", "découper", "déporter et tuer",
)  # fmt: skip
_FR_GROUP_INF_ALL = r"(?:éliminer|supprimer|dégager) (?:tous|toutes)"
_FR_GROUP_PP = _alt(
    "tués", "pendus", "fusillés", "gazés", "brûlés", "brûlés vifs", "brûlées vives",
    "massacrés", "exterminés", "abattus", "égorgés", "éliminés", "noyés", "lapidés",
    "décapités", "exécutés", "lynchés", "butés", "crevés", "torturés", "égorgées", "tuées",
    "pendues", "massacrées", "éliminées", "abattues", "empoisonnés", "liquidés", "zigouillés",
    "dépecés", "enterrés vivants", "enterrés",
)  # fmt: skip


def _fr_triggers() -> list[str]:
    forms = [
        *_FR_ER, *_FR_ER_PERSON, *(v[0] for v in _FR_OTHER), *_FR_1SG_LIST,
        *_fr_1sg(_FR_ER_PERSON),
    ]  # fmt: skip
    long_forms = [f for f in forms if len(prefilter_key(f)) >= 5]
    short_forms = [f for f in forms if len(prefilter_key(f)) < 5]
    targets = (
        "ta", "tes", "ton", "sa", "ses", "son", "ce", "cet", "cette", "vos", "votre", "tous",
        "toutes", "vif", "vive", "comme",
    )  # fmt: skip
    return [
        *long_forms,
        *_combos(short_forms, targets),
        *_combos(("te", "vous", "le", "la", "lui", "t", "l", "j", "je", "on"), short_forms),
        "lapeau", "gueule", "tronche", "cervelle", "uneballe", "couteau", "pruneau", "bastos",
        "unelame", "retrouveret", "trouveret", "choperet", "attraperet", "mort", "mourir", "crever",
        "creve", "ypasser", "verraspas", "survivre", "passerlanuit", "sontcomptes", "ouhabite",
        "outuhabite", "ouvis", "outudors", "ouvont", "tonadresse", "securite", "tarrive",
        "arriverquelque", "arriveunmalheur", "arrives", "arrieres", "gareatoi", "oeil",
        "regrett", "morfler", "payer", "quelquun", "merites", "meriterais", "devraiscrever",
        "devraismourir", "espere", "crevesen", "creveen", "pendre", "suicid", "jette",
        "noietoi", "tuetoi", "pendstoi", "meurs", "mourez", "crevez", "javel", "veines",
        "fouslen", "foutreen", "flinguetoi", "tiretoiune", "fautles", "faudrait", "lestous",
        "mortaux", "mortatous", "quonles", "devraient", "doivent", "meritent",
        "nuque", "crane", "gorge", "balle", "machette", "surin", "sacmortuaire", "cimetiere",
        "hopital", "morgue", "cercueil", "sixpieds", "quatreplanches", "arrivequelque",
        "arrivaitquelque", "arriverait", "ouilhabite", "ouellehabite", "ouilvit", "ouellevit",
        "ouvit", "ouhabitent", "ouvivent", "tesgosses", "tesenfants", "tafamille", "oeilouvert",
        "sautedun", "sauterdun", "sautepar", "sauterpar", "sautedu", "sauterdu", "pendstoi",
        "pedstoi", "tepend", "tepnd", "tuertoi", "tetuer", "tesuicid", "tejeter", "tetirer",
        "tetrier", "touvrir", "tenoyer", "teflinguer", "defenestr", "saisou", "saitou",
        "connaisou", "connaitou", "quelleecole", "quellycee", "accidentsarrivent",
        "accidentcaarrive", "trouverajamais", "trouveralecorps", "trouveratoncorps",
        "retrouveralecorps", "retrouveratoncorps", "rtrouvera", *_FR_GROUP_INF[3:-1].split("|"),
        "eliminertous", "supprimertous", "degagertous",
        *_combos(
            (*_FR_BODY_INF[3:-1].split("|"), *_FR_BODY_1SG[3:-1].split("|"),
             *_FR_PUT_INF[3:-1].split("|"), *_FR_PUT_1SG[3:-1].split("|")),
            ("la", "les", "le", "l", "ta", "tes", "ton", "sa", "ses", "son", "tous", "toutes",
             "vos", "votre", "une", "un", "deux", "des", "du"),
        ),
    ]  # fmt: skip


def _french() -> RuleSet:
    fr = RuleSet("fr", triggers=_fr_triggers(), lead=_FR_LEAD)
    future = _FR_FUTURE
    fill = _FR_FILL
    not_after = _FR_NOT_AFTER
    np_ = _FR_NP
    speaker = r"(?:je|j'?|on|moi je|moi j'?)"
    # Direct: speaker + future/intent + act + person ("je vais te buter", "j'ai hâte de
    # découper ta famille", "je te jure que je vais fumer ce modo").
    fr.add(
        "future",
        "direct",
        rf"{future} {fill}{_FR_CL} {fill}{_FR_INF}|{future} {fill}(?:vous|les) {fill}{_FR_INF}"
        rf"|{future} {fill}{_FR_CL_PERSON} {fill}{_FR_INF_PERSON}",
        not_after=not_after
        + r"|(?:tes|ton|ta|les|du|de la|un|une|au|à la) (?!tête|gueule|sortie|fin|prochaine)",
        not_before=_FR_REPORTED,
    )
    fr.add(
        "future_np",
        "direct",
        rf"{future} {fill}{_FR_INF_PERSON} {np_}",
        not_after=not_after,
        not_before=_FR_REPORTED,
    )
    # First person present as a promise: "je te bute", "je la pends", "j'égorge tes gosses".
    fr.add(
        "present",
        "direct",
        rf"{speaker} {_FR_CL_PERSON} {_FR_1SG_PERSON}"
        rf"|{speaker} (?:le|la|l'?) {_FR_1SG_STRONG}"
        rf"|{speaker} {_FR_1SG_PERSON} {np_}",
        not_after=not_after + r"|de (?:faim|soif|chaud|froid|fatigue)",
        not_before=rf"(?:^|\W)(?:ne|n)\W*$|{_FR_REPORTED}",
    )
    # "je vais te retrouver et je l'enterre": after finding the person, any violent verb.
    fr.add(
        "find_and",
        "direct",
        rf"(?:te|t'?|vous) (?:retrouver|retrouve|trouver|trouve|choper|chope|attraper|attrape)"
        rf" (?:et|puis) {speaker} {_FR_CL} {_FR_1SG}",
        not_after=not_after,
    )
    fr.add(
        "body",
        "direct",
        rf"{speaker} (?:vais |veux )?{_fr_body(_alt(_FR_BODY_1SG, _FR_BODY_INF), _FR_PUT_1SG)}"
        rf"|{future} {fill}{_fr_body(_FR_BODY_INF, _FR_PUT_INF)}"
        rf"|{speaker} (?:vais |veux )?(?:te|t'?|vous|lui) (?:faire|fais|ferai) (?:sauter la"
        rf" cervelle|ta fête|la peau|bouffer tes dents|la tête au carré)",
        not_before=rf"(?:^|\W)(?:ne|n)\W*$|{_FR_REPORTED}",
        not_after=r"(?:de |d')?(?:tennis|ping|golf|foot|match|balle|ballon|pression)",
    )
    fr.add(
        "group",
        "group",
        rf"(?:il faut|faut|faudrait|il faudrait|on devrait|on doit|nous devons|{future}"
        r"|(?:quelqu'?un|qqn|qqun) (?:doit|devrait|va)) (?:tous |toutes )?les (?:tous |toutes )?"
        r"(?:tuer|buter|pendre|fusiller|gazer|brûler|massacrer|exterminer|abattre|égorger"
        r"|crever|flinguer|cramer|noyer|éliminer)"
        rf"|(?:il faut|faut|faudrait|il faudrait|on devrait|on doit|nous devons|{future}"
        rf"|(?:quelqu'?un|qqn|qqun) (?:doit|devrait|va|pourrait))"
        rf" (?:{_FR_GROUP_INF} (?:tous |toutes )?|{_FR_GROUP_INF_ALL} )(?:les|ces) {_FR_GROUPS}"
        rf"|(?:ils|elles|tous ces [^\W\d_]+|ces [^\W\d_]+|(?:tous |toutes )?les {_FR_GROUPS})"
        r" (?:devraient|doivent|méritent|mériteraient|vont|iront) (?:tous |toutes )?(?:d'?|de )?"
        rf"(?:tous |toutes )?(?:être )?(?:{_FR_GROUP_PP}|crever|mourir|brûler|cramer)"
        r"|mort aux [^\W\d_]+|mort à tous les [^\W\d_]+"
        r"|qu'on les (?:pende|fusille|tue|brûle|gaze|bute|crève|massacre|extermine|noie"
        r"|égorge|abatte|élimine)"
        r"|(?:pendez|fusillez|tuez|butez|gazez|brûlez|massacrez|exterminez|égorgez|noyez"
        r"|abattez|éliminez)-les",
        not_before=_FR_REPORTED,
        not_after=r"(?:de (?:rire|faim|froid|chaud|ennui|honte|peur)|vieux|vieilles)",
    )
    fr.add(
        "dead",
        "indirect",
        r"(?:t'es|t es|tu es|vous êtes|t'étais|ta famille est|tes gosses sont|t'es déjà)"
        r" (?:(?:déjà|carrément|clairement|un|une|officiellement) )*"
        r"(?:mort|morte|morts|homme mort|femme morte|un cadavre|de la viande froide)"
        + _FR_CLAUSE_END,
    )
    fr.add(
        "die",
        "indirect",
        r"(?:tu vas|vous allez|tu va|tu finis|tu finiras|tu vas finir|tu finiras|tu termines"
        r"|tu termineras|tu vas terminer) (?:mourir|crever|y passer|le payer de ta vie"
        r"|(?:finir )?(?:à l'hôpital|au cimetière|dans un fossé|six pieds sous terre|entre"
        r" quatre planches|dans un sac mortuaire|dans un cercueil|à la morgue|en morceaux"
        r"|dans une housse|dans le coffre|au fond (?:du lac|de la seine|d'un trou)))"
        r"|tu (?:ne )?(?:verras|vas) pas (?:voir )?(?:demain|le jour|la fin de la semaine"
        r"|le soleil se lever|ton prochain anniversaire|noël|la fin de l'année)"
        r"|tu (?:ne )?vas pas (?:survivre|passer la nuit|passer la semaine)"
        r"|tes jours sont comptés",
        not_after=r"(?:de (?:rire|faim|chaud|froid|soif|ennui|envie|peur|honte|vieillesse)"
        r"|un jour|comme tout le monde|vieux|vieille|seul|seule)",
    )
    fr.add(
        "know_where",
        "indirect",
        r"(?:je sais|on sait|j'ai trouvé|je connais|on connait|on connaît) où (?:tu (?:habites"
        r"|vis|dors|travailles|crèches|bosses)|(?:il|elle) (?:habite|vit|dort|crèche)(?=\W*(?:$|je"
        r" dis ça|dors bien|à bientôt|réfléchis|fais gaffe|je te préviens))|habite ta famille"
        r"|vit ta famille|vont (?:à l'école )?tes (?:enfants|gosses))"
        r"|(?:je connais|j'ai|on a|on connait) ton adresse"
        rf"|(?:je sais|on sait|je connais|on connait|on connaît) (?:où|dans quelle école|dans"
        rf" quel lycée) (?:habite|vit|bosse|travaille|dort|va|vont) {np_}",
        not_before=r"(?:^|\W)(?:ne|n|personne|pas|qui|si|savoir)\W*$",
        not_after=r"(?:\W*\?|pour |afin|mais je)",
    )
    fr.add(
        "family",
        "indirect",
        r"(?:ta (?:famille|femme|mère|fille|copine|maison)|tes (?:enfants|gosses|proches))"
        r" (?:ne |n')?(?:sera|seront|est|sont) (?:plus|pas|jamais) en sécurité"
        r"|il (?:va|pourrait) (?:t'arriver|arriver) (?:quelque chose|un malheur|un accident)"
        r"|(?:ce serait|ça serait|ce serait vraiment) dommage qu'?il (?:t'arrive|arrive|lui arrive"
        rf"|leur arrive) (?:quelque chose|un malheur|un accident)"
        rf"(?: (?:à toi|à elle|à lui|à eux|à {np_}))?"
        r"|les accidents (?:arrivent|ça arrive) (?:vite |si vite |souvent )?(?:surtout )?(?:aux"
        r" gens|à des gens|à ceux) (?:comme toi|comme vous|qui parlent trop)"
        r"|(?:personne|on) (?:ne )?(?:re)?trouvera (?:jamais )?(?:le|ton|ta|tes) (?:corps|cadavre"
        r"|trace)",
    )
    fr.add(
        "watch",
        "conditional",
        r"(?:surveille|fais gaffe à|tu ferais mieux de surveiller) (?:bien )?tes arrières"
        r"|gare à toi|dors (?:avec )?(?:d'un|un) (?:œil|oeil) ouvert|dors d'un œil",
    )
    fr.add(
        "if_harm",
        "conditional",
        r"(?:si|la prochaine fois que|sinon|ou sinon|autrement)(?![^\W\d_])[^.!?\n]{0,60}?"
        r"(?<![^\W\d_])"
        r"(?:t'es mort|tu es mort|je te (?:tue|bute|défonce|crève|massacre|démonte)|tu vas"
        r" (?:le regretter|crever|mourir|morfler|souffrir|le payer)|tu le regretteras)",
    )
    fr.add(
        "call",
        "indirect",
        r"(?:quelqu'un|on|il faut|faudrait|il faudrait) (?:devrait|doit|va|pourrait)? ?"
        r"(?:te|le|la|vous|lui) (?:tuer|buter|crever|pendre|fusiller|abattre|égorger|flinguer"
        r"|descendre|brûler)"
        r"|tu mérites (?:de mourir|de crever|la mort)|tu devrais (?:crever|mourir)"
        r"|j'espère que tu (?:vas )?(?:crever|crèves|meures|mourras|mourir|te fasses (?:tuer"
        r"|écraser|buter))|que tu crèves|crève en enfer",
        not_after=r"(?:le temps|l'ennui|la conversation|le moteur|la lumière|de (?:honte|rire"
        r"|faim|soif|froid|chaud|ennui|peur|jalousie|envie))",
        not_before=_FR_REPORTED,
    )
    # Someone else is asked, paid or hoped to do it: "je paie celui qui aura le courage de te
    # buter", "on a des gars qui peuvent découper ta famille", "qqn devrait crever ce modo".
    fr.add(
        "call_act",
        "indirect",
        rf"{_FR_CALL} (?:{_FR_CL} {_FR_INF}|{_FR_CL_PERSON} {_FR_INF_PERSON}|{_FR_INF_PERSON}"
        rf" {np_}|{_fr_body(_FR_BODY_INF, _FR_PUT_INF)}"
        rf"|(?:{_FR_CL} )?(?:tue|bute|crève|égorge|poignarde|descende|flingue|massacre|saigne"
        rf"|pende|défonce|fume|découpe|brûle|tabasse|étrangle|noie)(?: {np_})?)",
        not_after=not_after + r"|(?:le temps|l'ennui|la conversation|le moteur|la lumière)",
        not_before=_FR_REPORTED,
    )
    fr.add(
        "self",
        "self_harm",
        r"(?:pends-toi|peds-toi|tue-toi|suicide-toi|jette-toi (?:d'un pont|sous un train|par la"
        r" fenêtre|du haut|sous une voiture|sous un bus)|noie-toi|ouvre-toi les veines"
        r"|tranche-toi les veines|fous-toi en l'air|flingue-toi|fais-toi sauter la cervelle"
        r"|tire-toi une balle|bois (?:de la |de l')?(?:eau de )?javel|défenestre-toi"
        r"|tu devrais (?:te (?:pendre|tuer|suicider|noyer|flinguer|jeter (?:d'un pont|sous un"
        r" train|par la fenêtre|du haut d'un immeuble|sous une voiture|sous un bus)"
        r"|tirer une balle|foutre en l'air|faire sauter la cervelle|défenestrer)|t'ouvrir les"
        r" veines|sauter (?:d'?un pont|par la fenêtre|du haut d'un immeuble|sous un train)"
        r"|boire de la javel|crever|mourir|disparaître pour de bon|en finir))",
        not_before=r"(?:^|\W)(?:ne|n)\W*$",
        not_after=r"(?:de (?:honte|rire|faim|soif|froid|chaud|ennui|peur|jalousie|envie)"
        r"|à l'élastique|en parachute|dans la piscine|avec (?:ce|cette|mon|ma|le|la))",
    )
    fr.add(
        "go_die",
        "self_harm",
        r"(?:(?:va|allez) (?:te |vous |t'?)?(?:pendre|tuer|suicider|jeter (?:d'un pont|sous un"
        r" train|par la fenêtre|du haut d'un immeuble)|noyer|faire sauter la cervelle"
        r"|foutre en l'air|mourir|crever|ouvrir les veines|tirer une balle|trier une balle"
        r"|défenestrer|pndre|sauter (?:d'?un pont|par la fenêtre|du haut d'un immeuble)"
        r"|satuer (?:d'un pont|par la fenêtre))|saute (?:d'?un pont|par la fenêtre|du haut d'un"
        r" immeuble|sous un train)|crève|crevez|meurs|mourez|peds-toi|pends-toi)",
        lead=True,
        not_before=_FR_SUBJECT_BEFORE,
        not_after=r"(?:de (?:faim|chaud|froid|soif|rire|envie|peur|fatigue)|les yeux|la dalle"
        r"|un pneu|à l'élastique|en parachute|en parapente|dans la piscine)",
    )
    return fr


# ---------------------------------------------------------------------------------------------
# German
# ---------------------------------------------------------------------------------------------

_DE_OBJ = _alt(
    "dich", "euch", "ihn", "sie", "euch alle", "euch beide", "dich und deine familie",
    "deine familie", "deine kinder", "deine frau", "deine mutter", "deinen mann",
    "deinen vater", "deinen sohn", "deine tochter", "deinen bruder", "deine schwester",
    "dich hurensohn", "dich wichser", "dich penner", "dich bastard", "dich schlampe",
    "dich spast", "dich opfer", "den typen", "die schlampe", "den wichser", "den penner",
    "diesen [^\\W\\d_]+", "diese schlampe", "dich kleinen [^\\W\\d_]+",
    "(?:den|diesen) (?:schiri|mod|moderator|admin|lehrer|bullen|typ|kerl|spast|hurensohn"
    "|bastard|nachbarn|journalisten|politiker|streamer)", "(?:die|diese) (?:lehrerin|nachbarin"
    "|bitch|fotze|hure)", "deinen freund", "deine freundin", "deine eltern", "deine geschwister",
)  # fmt: skip
# Indirect objects of acts on a body part: "ich brech dem schiri alle knochen".
_DE_DAT = _alt(
    "dir", "euch", "ihm", "ihr", "deiner familie", "deinen kindern", "deiner frau",
    "deiner mutter", "deiner schwester", "deiner freundin", "deinem vater", "deinem sohn",
    "deinem bruder", "deinem freund", "deinen eltern",
    "(?:dem|diesem) (?:schiri|mod|moderator|admin|lehrer|bullen|typen|kerl|spast|hurensohn"
    "|bastard|wichser|penner|nachbarn|journalisten|politiker|streamer)",
    "(?:der|dieser) (?:schlampe|lehrerin|nachbarin|bitch|fotze|hure)",
)  # fmt: skip
# Words between object and particle ("ich bring dich heute noch um"), never a negation.
_DE_FILL = r"(?:(?!(?:nicht|nie|niemals|kein|keine|doch nicht)\W)[^\W\d_]+\W+){0,4}?"
_DE_W = r"(?:(?!(?:nicht|nie|niemals)\W)[^\W\d_]+\W+)"
# Separable verbs and their particle ("ich bring dich um", "ich stech dich ab").
_DE_SEPARABLE: Final[tuple[tuple[str, str], ...]] = (
    ("bring|bringe|bringen|bringt", "um"), ("leg|lege|legen", "um"),
    ("stech|steche|stechen", "ab"), ("knall|knalle|knallen", "ab"),
    ("murks|murkse|murksen", "ab"), ("schlacht|schlachte|schlachten", "ab"),
    ("mach|mache|machen", "kalt|alle"), ("schlag|schlage|schlagen", "tot|zusammen|krankenhausreif"),
    ("prügel|prügle|prügele|prügeln", "tot|krankenhausreif"), ("tret|trete|treten", "tot|zusammen"),
    ("schlitz|schlitze|schlitzen", "auf"), ("knüpf|knüpfe|knüpfen", "auf"),
    ("häng|hänge|hängen", "auf"), ("fackel|fackle|fackeln", "ab"), ("stech", "nieder"),
    ("zünd|zünde|zünden", "an"), ("lass|lasse|lassen", "verschwinden"),
    ("schlag|schlage|schlagen", "zu brei"),
)  # fmt: skip
# "um" that is a preposition ("ich bring dich um acht nach Hause").
_DE_NOT_PARTICLE = (
    r"(?:\d|halb|viertel|den|die|das|dein|deine|deinen|mein|meine|acht|neun|zehn|elf|zwölf"
    r"|eins|zwei|drei|vier|fünf|sechs|sieben|mitternacht|mittag|uhr|ecke|hilfe|rat)"
)
_DE_INSEP = _alt(
    "töte", "töten", "erschieße", "erschieß", "erschießen", "ersteche", "erstech", "erstechen",
    "erwürge", "erwürg", "erwürgen", "erdrossle", "erdrossel", "ertränke", "ertränk",
    "erschlage", "erschlag", "erschlagen", "verprügle", "verprügel", "verprügele", "vergase",
    "vergas", "köpfe", "köpf", "foltere", "folter", "vergewaltige", "vergewaltig",
    "massakriere", "zerstückle", "zerstückel", "zerfleische", "erhänge", "erhäng", "kill",
    "kille", "killen", "abstechen", "abknallen", "umbringen",
)  # fmt: skip
_DE_INF = _alt(
    "umbringen", "töten", "abstechen", "erstechen", "erschießen", "abknallen", "kaltmachen",
    "erwürgen", "erdrosseln", "ersticken", "ertränken", "aufschlitzen", "aufhängen",
    "verbrennen", "abschlachten", "massakrieren", "zusammenschlagen", "totschlagen",
    "verprügeln", "abmurksen", "hinrichten", "vergasen", "foltern", "vergewaltigen", "köpfen",
    "umlegen", "zerstückeln", "killen", "umnieten", "alle machen", "abfackeln", "erschlagen",
    "totprügeln", "tottreten", "krankenhausreif schlagen", "anzünden", "zu brei schlagen",
    "verschwinden lassen", "abstechen", "niederstechen",
)  # fmt: skip
_DE_BODY = _alt(
    "die beine", "das genick", "den hals", "alle knochen", "die knochen", "die arme",
    "die nase", "das rückgrat", "die fresse", "den schädel", "die zähne", "das gesicht",
    "die kehle", "die gurgel", "den kopf", "eine kugel", "eine rein", "die birne", "die augen",
    "die eier", "jeden knochen", "die rippen", "den kiefer", "die finger", "die visage",
)  # fmt: skip
_DE_BODY_VERB = _alt(
    "brech", "breche", "brechen", "hau", "haue", "hauen", "schlag", "schlage", "polier",
    "poliere", "tret", "trete", "schlitz", "schlitze", "schneid", "schneide", "reiß", "reiße",
    "dreh", "drehe", "stech", "steche", "jag", "jage", "schieß", "schieße", "knall", "knalle",
    "zertrümmere", "zertrümmer", "brechen", "einschlagen", "polieren", "aufschlitzen",
    "durchschneiden", "abreißen", "umdrehen", "ausstechen", "zertrümmern", "eintreten",
    "abschneiden", "jagen", "verpassen", "wegblasen", "wegpusten", "durchtrennen",
)  # fmt: skip
_DE_GROUPS = _alt(
    "juden", "muslime", "moslems", "ausländer", "flüchtlinge", "asylanten", "türken", "araber",
    "schwarzen", "neger", "schwule", "schwuchteln", "lesben", "linken", "rechten", "nazis",
    "kanaken", "kanacken", "zigeuner", "polen", "russen", "christen", "kommunisten", "grünen",
    "bullen", "polizisten", "politiker", "migranten", "transen", "zecken", "gutmenschen",
)  # fmt: skip
_DE_CLAUSE_END = (
    r"(?=\W*(?:$|[.!?,;\n]|wenn|sobald|falls|alter|digga|bro|du \w|junge|hurensohn|wichser"
    r"|penner|verstanden|kapiert|hörst du))"
)


def _de_triggers() -> list[str]:
    sep = [v for verbs, _ in _DE_SEPARABLE for v in verbs.split("|")]
    return [
        *_combos(sep, ("dich", "euch", "ihn", "sie", "ich", "wir", "den", "die", "dies")),
        *_combos(("ich", "wir", "dann", "morgen", "heute", "sonst", "gleich"), sep),
        *_combos(_DE_INSEP[3:-1].split("|"), ("dich", "euch", "ihn", "sie", "ich", "wir",
                                                 "den", "die", "dies", "deine")),
        *_DE_INF[3:-1].split("|"),
        *_combos(("dir", "euch", "ihm", "ihr"), ("die", "das", "den", "alle", "jeden", "eine")),
        "kugel", "fresse", "genick", "schadel", "kehle", "gurgel", "rückgrat",
        "bisttot", "bistsotot", "bistschontot", "totermann", "totefrau", "totesfleisch",
        "geliefert", "erledigt", "sterben", "verreck", "krepier", "bereuen", "bluten",
        "nichtmehrerleben", "nichterleben", "nichtuberleben", "uberlebst", "wodu", "wodeine",
        "adresse", "nichtsicher", "nichtmehrsicher", "passieren", "blossauf", "liebertauf",
        "besserauf", "gutauf", "jaauf", "dichvor", "offenenauge", "offenemauge", "dichumdreh",
        "wennich", "sonst", "ansonsten", "gehorst", "gehoren", "solltest", "verdienst", "hoffe",
        "todallen", "todden", "ausrotten", "ausgerottet", "vergast", "erschossen", "aufgehangt",
        "andiewand",
        "bringdich", "bringteuch", "hangdich", "hangteuch", "erhang", "erschiessdich",
        "totedich", "killdich", "springdoch", "springvon", "springvom", "springaus",
        "springvor", "stirb", "trinkdoch", "trinkbleiche", "trinkchlor", "trinkgift",
        "trinkdomestos", "trinkrohr", "pulsadern", "ritzdich", "legdichvor", "gehsterben",
        "gehverrecken", "gehdichum",
        "zund", "verschwinden", "zubrei", "leichensack", "sarg", "krankenhaus",
        "bistdutot", "bistdudran", "schade", "unfalle", "unfaelle", "leiche", "welcheschule",
        "wohnt", "jemand", "leute", "jedem", "hoffentlich", "sollten", "soviele",
        "sovielen", "todallen", "abgeschlachtet", "erschossen", "vergast", "aufgehangt",
        "verbrannt", "anzundet", "umbringt", "abknallt", "kaltmacht", "absticht", "ersticht",
        "erschiesst", "abreisst", "abreist", "durchschneidet", "bricht", "poliert",
        *_combos(_DE_BODY_VERB[3:-1].split("|"), ("ich", "wir", "dem", "der", "diesem",
                                                   "dieser", "deiner", "deinem", "deinen")),
        *_combos(("werde", "werden", "will", "wollen"), ("ich", "wir")),
    ]  # fmt: skip


def _german() -> RuleSet:
    de = RuleSet("de", triggers=_de_triggers())
    sep_rules = []
    for verbs, particles in _DE_SEPARABLE:
        particle = rf"(?:{particles})"
        if "um" in particles.split("|"):
            particle = rf"(?:{particles})(?!\W*{_DE_NOT_PARTICLE}(?![^\W\d_]))"
        sep_rules.append(
            rf"(?:ich|wir) {_DE_W}{{0,2}}?(?:{verbs}) {_DE_OBJ} {_DE_FILL}{particle}"
            rf"|(?:{verbs}) (?:ich|wir) {_DE_OBJ} {_DE_FILL}{particle}"
        )
    de.add("separable", "direct", "|".join(sep_rules))
    de.add(
        "present",
        "direct",
        rf"(?:ich|wir) {_DE_W}{{0,2}}?{_DE_INSEP} {_DE_OBJ}|{_DE_INSEP} (?:ich|wir) {_DE_OBJ}",
        not_after=r"(?:nicht|nie|niemals|doch nicht)(?![^\W\d_])",
    )
    de.add(
        "will",
        "direct",
        rf"(?:ich|wir) (?:werde|werden|will|wollen|würde|würden|geh|gehe|komme|komm|muss)"
        rf" {_DE_W}{{0,3}}?{_DE_OBJ} {_DE_FILL}{_DE_INF}"
        rf"|(?:werde|werden|will|wollen) (?:ich|wir) {_DE_W}{{0,2}}?{_DE_OBJ} {_DE_FILL}{_DE_INF}",
        not_before=r"(?:^|\W)(?:wie|ob|wenn|nicht)\W*$",
    )
    # Verb first: "morgen knall ich den schiri ab", "dann brech ich dir alle knochen".
    de.add(
        "body_dat",
        "direct",
        rf"(?:{_DE_BODY_VERB}|werde|werden|will) (?:ich|wir) {_DE_W}{{0,1}}?{_DE_DAT}"
        rf" {_DE_W}{{0,2}}?{_DE_BODY}"
        rf"|(?:ich|wir) {_DE_W}{{0,3}}?(?:{_DE_BODY_VERB}|werde|werden|will) {_DE_W}{{0,1}}?"
        rf"{_DE_DAT} {_DE_W}{{0,2}}?{_DE_BODY}",
        not_after=r"(?:nicht|nie|niemals)(?![^\W\d_])",
        not_before=r"(?:^|\W)(?:wie|ob|nicht)\W*$",
    )
    de.add(
        "body",
        "direct",
        rf"(?:ich|wir) {_DE_W}{{0,3}}?(?:{_DE_BODY_VERB}|werde|werden|will) {_DE_W}{{0,1}}?"
        rf"(?:dir|euch|ihm|ihr) {_DE_W}{{0,2}}?{_DE_BODY}"
        rf"(?: {_DE_W}{{0,2}}?(?:{_DE_BODY_VERB}|ein|aus|auf|durch|um|kaputt|in den kopf))?"
        r"|(?:ich|wir) [^.!?\n]{0,30}?(?:kugel|kugeln) (?:in|durch) (?:den|deinen|deine|euren)"
        r" (?:kopf|schädel|birne|brust|rübe)",
        not_after=r"(?:nicht|nie|niemals)(?![^\W\d_])",
    )
    de.add(
        "group",
        "group",
        rf"(?:die|diese|solche|alle|diese ganzen) (?:[^\W\d_]+ )?(?:gehören|sollte man"
        rf"|müsste man|muss man|sollten|sollte) (?:alle |man alle )?(?:erschossen|vergast"
        rf"|aufgehängt|an die wand gestellt|umgebracht|ausgerottet|erschießen|vergasen"
        rf"|aufhängen|umbringen|ausrotten|an die wand stellen|abknallen|abschlachten"
        rf"|verbrennen|verbrannt|abgeknallt|abgeschlachtet)"
        rf"|(?:ich|wir) (?:bring|bringe|bringen|knall|knalle|knallen|mach|machen) (?:die|sie"
        rf"|euch) alle {_DE_FILL}(?:um|ab|kalt)"
        rf"|(?:alle|sämtliche) {_DE_GROUPS} (?:{_DE_INF}|gehören (?:erschossen|vergast"
        rf"|aufgehängt|umgebracht))|tod (?:allen|den) {_DE_GROUPS}"
        rf"|{_DE_GROUPS} (?:gehören|sollte man|muss man) (?:alle )?(?:erschossen|vergast"
        rf"|aufgehängt|umgebracht|vergasen|erschießen|umbringen|ausrotten|ausgerottet)"
        rf"|(?:ich|wir) (?:werde|werden|will|wollen) so viele [^\W\d_]+ {_DE_INF}"
        rf"|[^\W\d_]{{3,}} (?:sollten|sollen|müssten|müssen|gehören) alle (?:erschossen|vergast"
        rf"|aufgehängt|umgebracht|abgeschlachtet|verbrannt|abgeknallt|hingerichtet|erhängt"
        rf"|an die wand gestellt|ausgerottet|erstochen|erschlagen)(?: werden)?"
        rf"|(?:man|jemand|wir) (?:sollte|muss|müsste|sollten|müssen) (?:endlich )?(?:alle|die)"
        rf" [^\W\d_]{{3,}}(?: in dieser stadt)? (?:{_DE_INF}|an die wand stellen)"
        rf"|tod allen [^\W\d_]{{3,}}n(?![^\W\d_])",
    )
    de.add(
        "dead",
        "indirect",
        r"du bist (?:(?:so|schon|sowas von|sowieso|echt|ja) )*(?:tot|ein toter mann"
        r"|eine tote frau|totes fleisch|geliefert|erledigt)" + _DE_CLAUSE_END,
        not_after=r"(?:für mich|müde)",
    )
    de.add(
        "die",
        "indirect",
        r"du (?:wirst|sollst) (?:(?:noch|bald|heute|sowas von|elendig|qualvoll) )*(?:sterben"
        r"|verrecken|krepieren|bluten|leiden|es bereuen|das bereuen|den (?:morgen|tag|abend"
        r"|nächsten tag) nicht (?:mehr )?erleben|das nicht überleben)"
        r"|du überlebst (?:das|den tag|die nacht|die woche|morgen) nicht"
        r"|deine tage sind gezählt",
        not_after=r"(?:eines tages|irgendwann|auch|wie alle|alt|allein|einsam|vor lachen"
        r"|wenn du (?:so|das) weiter)",
    )
    de.add(
        "know_where",
        "indirect",
        r"(?:ich|wir) (?:weiß|wissen|kenne|kennen|habe|haben) (?:genau )?(?:wo (?:du (?:wohnst"
        r"|lebst|schläfst|arbeitest)|deine (?:kinder|familie|frau|mutter) (?:wohnt|wohnen"
        r"|zur schule gehen|zur schule geht))|deine adresse)",
        not_before=r"(?:^|\W)(?:nicht|kein|keiner|niemand)\W*$",
        not_after=r"(?:nicht)(?![^\W\d_])",
    )
    de.add(
        "family",
        "indirect",
        r"deine (?:familie|kinder|frau|mutter|freundin) (?:ist|sind|wird|werden) nicht (?:mehr )?"
        r"sicher|(?:dir|deiner familie|deinen kindern) wird (?:noch )?(?:etwas|was)"
        r" (?:schlimmes )?passieren",
    )
    de.add(
        "watch",
        "conditional",
        r"(?:pass|pass mal) (?:bloß|lieber|besser|gut|ja) auf(?: dich auf)?(?=\W*(?:$|[.!?,\n]))"
        r"|sieh dich (?:bloß |lieber |besser )?vor|schlaf (?:lieber )?mit einem offenen auge"
        r"|dreh dich (?:lieber |besser )?(?:öfter |oft )?um(?=\W*(?:$|[.!?,\n]))",
    )
    de.add(
        "if_harm",
        "conditional",
        r"(?:wenn|falls|sobald) (?:ich|wir) (?:dich|euch) [^.!?\n]{0,60}?(?<![^\W\d_])"
        r"(?:bist du tot|du bist tot|bring ich dich um|mach ich dich kalt|wirst du es bereuen"
        r"|kannst du was erleben|setzt es was|gibt'?s was|bist du dran|bist du fällig)"
        r"|(?:sonst|ansonsten|oder) (?:bist du|du bist) (?:tot|dran|erledigt|geliefert|fällig)"
        r"|sonst (?:setzt es was|gibt'?s was|kannst du was erleben|knallt'?s|scheppert'?s)"
        r"|(?:wenn|falls|sobald) du [^.!?\n]{0,60}?(?<![^\W\d_])(?:bist du (?:tot|dran|fällig"
        r"|geliefert|erledigt)|landest du (?:im|in einem) (?:leichensack|sarg|krankenhaus|grab"
        r"|rollstuhl))",
        not_after=r"(?:müde|langweilig|für mich)",
    )
    de.add(
        "call",
        "indirect",
        rf"(?:man|jemand|einer) (?:sollte|muss|müsste|soll|sollten) (?:dich|ihn|sie|euch|den"
        rf"|diesen [^\W\d_]+) {_DE_W}{{0,2}}?(?:{_DE_INF}|an die wand stellen)"
        r"|du gehörst (?:erschossen|aufgehängt|vergast|umgebracht|an die wand gestellt"
        r"|totgeschlagen|erschlagen|gesteinigt|abgeknallt)"
        r"|du (?:solltest|sollst|musst) (?:sterben|verrecken|krepieren)"
        r"|du verdienst (?:es )?(?:zu sterben|den tod)"
        r"|(?:ich )?hoffe,? (?:dass )?du (?:stirbst|verreckst|krepierst|elendig verreckst"
        r"|abkratzt)",
    )
    # Someone else is hoped, paid or said to be ready to do it.
    de.add(
        "call_act",
        "indirect",
        r"(?:(?:ich )?hoffe,? dass (?:jemand|einer|wer)|hoffentlich (?:wird )?(?:jemand|einer)"
        r"|(?:wir haben|ich habe|ich hab|ich kenne|wir kennen) leute,? die"
        r"|(?:ich )?(?:zahl|zahle|bezahle) jedem (?:was|geld|\d+ euro|einen hunni),? (?:der|die)"
        r"|(?:jemand|einer|man) (?:sollte|muss|müsste|soll|sollten|wird))"
        rf" {_DE_W}{{0,2}}?(?:{_DE_OBJ}|{_DE_DAT}) {_DE_W}{{0,3}}?(?:{_DE_INF}|anzündet"
        r"|umbringt|abknallt|kaltmacht|absticht|ersticht|erschießt|erwürgt|abschlachtet|umlegt"
        r"|totschlägt|totprügelt|aufschlitzt|aufhängt|abfackelt|verprügelt|zusammenschlägt"
        r"|tötet|abreißt|durchschneidet|bricht|poliert|einschlägt|ausschlägt|ausreißt|abschneidet"
        r"|polieren|brechen|abreißen|durchschneiden|einschlagen|ausschlagen|verschwinden lässt)",
        not_before=r"(?:^|\W)(?:nicht|kein|niemand)\W*$",
        not_after=r"(?:nicht|nie|niemals)(?![^\W\d_])",
    )
    de.add(
        "hint",
        "indirect",
        r"(?:es )?wäre (?:doch |echt |ja |wirklich )*schade,? wenn (?:dir|deiner familie"
        r"|deinen kindern|ihm|ihr|(?:dem|diesem) [^\W\d_]+) (?:[^\W\d_]+ ){0,4}?(?:was|etwas)"
        r" (?:zustößt|passiert|passieren würde|zustoßen würde)"
        r"|unfälle passieren,? (?:besonders|gerade|vor allem) (?:leuten|menschen|typen) wie (?:dir"
        r"|euch)"
        r"|(?:keiner|niemand) (?:wird )?(?:findet|finden) (?:je |jemals |nie )?(?:die|deine)"
        r" leiche"
        r"|(?:ich|wir) (?:weiß|weiss|wiss|wissen|kenne) (?:genau )?,? ?(?:auf welche schule deine"
        r" kinder gehen|wo (?:der|dieser) (?:schiri|mod|moderator|admin|lehrer|typ|kerl|spast"
        r"|hurensohn|bastard|wichser|penner|streamer) wohnt|wo (?:dein|deine) (?:vater|bruder"
        r"|sohn|mutter|frau|schwester|freundin|tochter|familie|eltern) (?:wohnt|wohnen)"
        r"|wo (?:er|sie) wohnt(?=\W*(?:$|bis bald|schlaf gut|denk mal|nur so)))",
        not_before=r"(?:^|\W)(?:nicht|kein|niemand|ob)\W*$",
    )
    de.add(
        "self",
        "self_harm",
        rf"(?:(?:geh|geh doch|bitte|einfach|am besten|doch|jetzt|dann|los|alter|digga|bro"
        rf"|junge|du) )*(?:bring dich {_DE_FILL}um|bringt euch {_DE_FILL}um"
        rf"|häng dich {_DE_FILL}auf|hängt euch {_DE_FILL}auf|erhäng dich|erschieß dich"
        r"|töte dich (?:selbst|doch|endlich)|kill dich|spring (?:doch )?(?:von (?:einer|der)"
        r" brücke|vom dach|aus dem fenster|vor (?:einen|den) zug)|stirb|verreck|verrecke"
        r"|krepier|trink (?:doch )?(?:bleiche|chlorbleiche|domestos|rohrreiniger|gift)"
        r"|schneid dir die pulsadern auf|ritz dich|leg dich vor (?:einen|den) zug"
        r"|geh sterben|geh verrecken|geh dich umbringen)",
        not_before=r"(?:^|\W)(?:ich|wir|er|sie|es|man|nicht|nie|werde|würde)\W*$",
        not_after=r"(?:langsam|nicht|nie)(?![^\W\d_])",
    )
    return de


# ---------------------------------------------------------------------------------------------
# The tier
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreatMatch:
    """One rule firing on a text: its id, kind, language, span of the original text, score."""

    rule: str
    kind: str
    language: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class ThreatResult:
    """What the tier says about one text."""

    threat: float
    severe_toxicity: float
    matches: tuple[ThreatMatch, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the rules that fired, in text order, without repeats."""
        return tuple(dict.fromkeys(m.rule for m in self.matches))

    def spans(self) -> tuple[Span, ...]:
        """Merged threat spans of the original text."""
        out: list[list[float]] = []
        for m in sorted(self.matches, key=lambda m: (m.start, m.end)):
            if out and m.start <= out[-1][1]:
                out[-1][1] = max(out[-1][1], m.end)
                out[-1][2] = max(out[-1][2], m.score)
            else:
                out.append([m.start, m.end, m.score])
        return tuple(Span(int(s), int(e), "threat", float(v)) for s, e, v in out)


# Trigger sets whose rules ``ThreatTier`` keeps looked up (a batch of chat holds a few dozen).
_NAMED_LIMIT: Final[int] = 4096


class ThreatTier:
    """Compiled rule sets of all languages and their trigger automaton (read-only once built)."""

    def __init__(self, rule_sets: Sequence[RuleSet]) -> None:
        self.rule_sets = {rs.language: rs for rs in rule_sets}
        automaton = ahocorasick.Automaton()
        stems: dict[str, set[str]] = {}
        for rs in rule_sets:
            for stem, rule_id in rs.stems():
                key = prefilter_key(stem)
                if not key:
                    raise ValueError(f"{rule_id}: trigger {stem!r} has no letters")
                stems.setdefault(key, set()).add(rule_id)
        for key, ids in stems.items():
            automaton.add_word(key, tuple(sorted(ids)))
        automaton.make_automaton()
        self._automaton = automaton
        self._named_cache: dict[frozenset[str], list[Rule]] = {}

    @property
    def rules(self) -> list[Rule]:
        """Every rule, language by language."""
        return [r for rs in self.rule_sets.values() for r in rs.rules]

    def candidates(self, texts: Sequence[str]) -> dict[int, set[str]]:
        """Texts with at least one trigger stem, and the ids of the rules those stems trigger.

        The whole batch is keyed at once (one code point lookup in numpy, one automaton pass);
        texts with a character that folds to several (emoji words, ligatures) or with letter
        runs of three or more are keyed one by one with ``prefilter_key``.
        """
        out: dict[int, set[str]] = {}
        if not texts:
            return out
        joined = "\x00".join(texts)
        if joined.count("\x00") != len(texts) - 1:
            return self._candidates_one_by_one(texts, range(len(texts)))
        c = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        k = np.take(_NP_TABLE, c, mode="clip")
        if c.shape[0] and int(c.max()) >= _NP_SIZE:
            k[c >= _NP_SIZE] = _NP_DROP
        k = k[k != _NP_DROP]
        seps = np.flatnonzero(k == _NP_SEP)
        slow = k == _NP_SPECIAL
        if k.shape[0] > 2:
            slow[2:] |= (k[2:] == k[1:-1]) & (k[1:-1] == k[:-2])
        special = set(np.searchsorted(seps, np.flatnonzero(slow)).tolist())
        key = k.astype("<u4").tobytes().decode("utf-32-le")
        ends = (
            seps.tolist()
        )  # bisect on a list: np.searchsorted's answer without a numpy call a hit
        for end, ids in self._automaton.iter(key):
            i = bisect.bisect_left(ends, end)
            if i not in special:
                out.setdefault(i, set()).update(ids)
        if special:
            out.update(self._candidates_one_by_one(texts, sorted(special)))
        return out

    def _candidates_one_by_one(
        self, texts: Sequence[str], indices: Iterable[int]
    ) -> dict[int, set[str]]:
        out: dict[int, set[str]] = {}
        for i in indices:
            for _, ids in self._automaton.iter(prefilter_key(texts[i])):
                out.setdefault(i, set()).update(ids)
        return out

    def match(self, text: str, rule_ids: Iterable[str] | None = None) -> list[ThreatMatch]:
        """Every rule firing on ``text`` (all rules unless ``rule_ids`` names some)."""
        rules = self.rules if rule_ids is None else self._named(frozenset(rule_ids))
        found = self._match(fold(text), rules)
        if not found and _letter_runs(text.lower()):
            found = self._match(fold(text, runs=1), rules)
        return found

    def _named(self, wanted: frozenset[str]) -> list[Rule]:
        """The rules with these ids, in tier order (kept: texts share a few trigger sets)."""
        rules = self._named_cache.get(wanted)
        if rules is None:
            # Only the languages named compile their rules.
            languages = sorted({rule_id.split(".", 1)[0] for rule_id in wanted})
            rules = [r for lang in languages for r in self.rule_sets[lang].rules if r.id in wanted]
            if len(self._named_cache) < _NAMED_LIMIT:
                self._named_cache[wanted] = rules
        return rules

    def _match(self, folded: Folded, rules: Iterable[Rule]) -> list[ThreatMatch]:
        s = folded.text
        found: list[ThreatMatch] = []
        for rule in rules:
            for m in rule.matches(s):
                a, b = m.span()
                if a == b or not rule.fires(s, a, b):
                    continue
                start, end = folded.original_span(a, b)
                found.append(ThreatMatch(rule.id, rule.kind, rule.language, start, end, rule.score))
        found.sort(key=lambda m: (m.start, m.end, m.rule))
        return found

    def detect(self, texts: Sequence[str]) -> list[ThreatResult | None]:
        """Per text: the tier's result, or None when no rule fires."""
        out: list[ThreatResult | None] = [None] * len(texts)
        for i, ids in self.candidates(texts).items():
            matches = self.match(texts[i], ids)
            if matches:
                out[i] = _result(matches)
        return out


def _result(matches: Sequence[ThreatMatch]) -> ThreatResult:
    threat = max(m.score for m in matches)
    severe = SELF_HARM_SEVERE if any(m.kind == "self_harm" for m in matches) else 0.0
    return ThreatResult(threat, severe, tuple(matches))


_TIER: ThreatTier | None = None
_TIER_LOCK: Final = threading.Lock()


def tier() -> ThreatTier:
    """The shared tier (built once; each language's rules compile on their first use)."""
    global _TIER
    with _TIER_LOCK:
        if _TIER is None:
            _TIER = ThreatTier(_rule_sets())
        return _TIER


def compile_rules() -> int:
    """Compiles every language's rules now rather than on first use; returns how many."""
    return len(tier().rules)


# ---------------------------------------------------------------------------------------------
# Methods and consequences (fast tier 1.5.0): calls to self-harm that name a method, threats
# that name the outcome ("you'll leave in an ambulance"), and veiled harm ("would be a shame if
# your brakes failed"). Written from general knowledge of each language; each rule has its own
# trigger stems. Negations and advice ("don't swallow pills", "si no te cuidas acabas en el
# hospital") are kept out by requiring an imperative at the clause start or a second-person
# outcome with no negation before it.
# ---------------------------------------------------------------------------------------------

_NEG_BEFORE: Final[dict[str, str]] = {
    "en": r"\b(?:don'?t|dont|do not|never|not|if|when|could|might|may|careful|how|why|who)\b",
    "es": r"\b(?:no|nunca|jamas|si|cuando|cuidado|como|por que|porque|quien|puede|podrias)\b",
    "it": r"\b(?:non|mai|se|quando|attento|attenta|come|perche|chi|potresti)\b",
    "pt": r"\b(?:nao|nunca|jamais|se|quando|cuidado|como|por que|porque|quem|pode)\b",
    "fr": r"\b(?:ne|pas|jamais|si|quand|attention|comment|pourquoi|qui)\b",
    "de": r"\b(?:nicht|nie|niemals|kein|keine|wenn|falls|vorsicht|wie|warum|wer)\b",
    "tr": r"\b(?:sakin|asla|eger|dikkat|neden|niye)\b",
    "ru": r"\b(?:не|никогда|если|осторожно|как|почему|зачем|кто)\b",
}

_METHOD_TRIGGERS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("pills", "tablets", "meds", "bleach", "batteries", "antifreeze", "poison", "cyanide",
           "bus", "train", "truck", "lorry", "tram", "bridge", "roof", "cliff", "balcony",
           "window", "floor", "storey", "noose", "rope", "deeper", "bag", "overdose"),
    "es": ("pastillas", "pildoras", "lejia", "pilas", "veneno", "autobus", "bus", "tren",
           "camion", "puente", "azotea", "tejado", "balcon", "ventana", "piso", "cuerda", "soga",
           "hondo", "profundo", "bolsa", "sobredosis"),
    "it": ("pillole", "pasticche", "candeggina", "batterie", "pile", "veleno", "autobus",
           "treno", "camion", "ponte", "tetto", "balcone", "finestra", "piano", "corda", "cappio",
           "profondo", "sacchetto", "overdose"),
    "pt": ("remedios", "comprimidos", "pilulas", "agua sanitaria", "candida", "pilhas",
           "veneno", "onibus", "trem", "caminhao", "ponte", "telhado", "predio", "janela",
           "andar", "corda", "fundo", "saco", "overdose"),
    "fr": ("pilules", "cachets", "medocs", "medicaments", "javel", "piles", "poison", "bus",
           "train", "camion", "pont", "toit", "balcon", "fenetre", "etage", "corde", "profond",
           "sac", "overdose"),
    "de": ("tabletten", "pillen", "bleiche", "chlorreiniger", "batterien", "gift", "bus", "zug",
           "lkw", "brucke", "bruecke", "dach", "balkon", "fenster", "stock", "hochhaus", "strick",
           "seil", "tiefer", "tute", "tuete", "uberdosis", "ueberdosis"),
    "tr": ("ilac", "hap", "camasir suyu", "pil", "zehir", "otobus", "tren", "kamyon", "kopru",
           "cati", "balkon", "pencere", "kat", "ip", "derin", "poset", "asiri doz"),
    "ru": ("таблет", "колес", "хлорк", "белизн", "батарей", "яд", "автобус", "поезд",
           "электричк", "фур", "мост", "крыш", "балкон", "окн", "этаж", "верёвк", "веревк",
           "петл", "глубже", "пакет", "передоз"),
}  # fmt: skip

_CONSEQUENCE_TRIGGERS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("ambulance", "bodybag", "body bag", "stretcher", "wheelchair", "pieces", "hospital",
           "icu", "intensive", "coffin", "casket", "straw", "scrap", "peel", "teeth", "shame",
           "pity", "tragedy", "accidents", "seeitcoming", "whichschool", "whatwillhappen",
           "seewhathappens"),
    "es": ("camilla", "uci", "hospital", "ambulancia", "pedazos", "trocitos", "cachitos",
           "ataud", "caja", "piespordelante", "vivo", "muerto", "dientes", "silla de ruedas",
           "pena", "lastima", "accidentes"),
    "it": ("barella", "ospedale", "ambulanza", "rianimazione", "terapia intensiva", "pezzi",
           "bara", "piedi davanti", "vivo", "morto", "denti", "sedia a rotelle", "peccato",
           "incidenti"),
    "pt": ("maca", "hospital", "uti", "ambulancia", "pedacos", "caixao", "vivo", "morto",
           "dentes", "cadeira de rodas", "pena", "acidentes"),
    "fr": ("urgences", "hopital", "ambulance", "brancard", "reanimation", "morceaux",
           "cercueil", "pieds devant", "vivant", "mort", "dents", "fauteuil", "cuillere",
           "dommage", "accidents"),
    "de": ("intensivstation", "krankenhaus", "notaufnahme", "krankenwagen", "sarg",
           "einzelteilen", "rollstuhl", "toter mann", "tot", "zahne", "zaehne", "schade",
           "unfalle", "unfaelle", "aufwachen", "wachst"),
    "tr": ("ambulans", "sedye", "hastane", "yogun bakim", "parca", "tabut", "canli", "olu",
           "tekerlekli", "yazik", "kaza"),
    "ru": ("больничк", "больниц", "реанимаци", "скор", "гроб", "багажник", "част", "кусоч",
           "ногами вперед", "ногами вперёд", "живым", "живой", "труп", "инвалид", "жаль",
           "несчастн"),
}  # fmt: skip


def _add_methods_and_consequences(sets: Mapping[str, RuleSet]) -> None:
    """Adds the method, consequence and veiled-harm rules of every language."""
    en = sets["en"]
    neg = _NEG_BEFORE
    m, c = _METHOD_TRIGGERS, _CONSEQUENCE_TRIGGERS
    en.add(
        "method_swallow",
        "self_harm",
        r"(?:swallow|take|down|drink|chug|eat|neck|pop) (?:a (?:whole )?(?:bottle|bunch|handful"
        r"|pack|box|tub) of (?:your |ur |the |ya )?|all (?:of )?(?:your|ur|the|ya|ur mom'?s"
        r"|your mom'?s|your gran'?s) )(?:sleeping )?(?:pills|tablets|meds"
        r"|bleach|batteries|antifreeze|rat poison|cyanide)"
        r"|(?:drink|chug|swallow|eat) (?:some )?(?:bleach|batteries|antifreeze|rat poison|cyanide)",
        lead=True,
        not_before=neg["en"],
        triggers=m["en"],
    )
    en.add(
        "method_traffic",
        "self_harm",
        r"(?:step|jump|throw (?:yourself|urself)|lie down|lay down|walk|run|dive|go stand)"
        r" (?:out )?(?:in front of|under|into) (?:a|the|an|some|a moving|an oncoming|the next)"
        r" (?:bus|train|truck|lorry|car|tram|subway|metro|traffic)",
        lead=True,
        not_before=neg["en"],
        triggers=m["en"],
    )
    en.add(
        "method_height",
        "self_harm",
        r"(?:jump|leap|throw (?:yourself|urself)|dive) (?:off|from|out of) (?:a|the|your|ur"
        r"|some|that|an|the nearest) (?:bridge|roof|rooftop|building|cliff|balcony|window|tower"
        r"|skyscraper|multi-storey|\w+ (?:floor|storey|story))",
        lead=True,
        not_before=neg["en"],
        triggers=m["en"],
    )
    en.add(
        "method_rope",
        "self_harm",
        r"(?:tie|get|grab|buy|find|make) (?:a|some|yourself a|urself a|the) noose"
        r"|(?:tie|get|grab|buy|find) (?:a|some|yourself a|urself a) rope (?:to (?:the|a|your"
        r"|ur) (?:banister|ceiling|beam|tree|fan|door)|and (?:hang|end it|finish|get it over"
        r"|do it|do the world))",
        lead=True,
        not_before=neg["en"],
        triggers=m["en"],
    )
    en.add(
        "method_cut_bag",
        "self_harm",
        r"cut (?:deeper|harder|vertically|down the road)(?! into| in to)"
        r"|put (?:a|the) (?:plastic )?bag over (?:your|ur) (?:head|face)"
        r"|(?:take|do) an overdose|overdose already|od already",
        lead=True,
        not_before=neg["en"],
        triggers=m["en"],
    )
    en.add(
        "better_without",
        "self_harm",
        r"(?:the world|everyone|everybody|we|your (?:parents|family|mom|mum|dad|friends)"
        r"|ur (?:parents|family|mom|mum|dad|friends)) (?:would|'?d|will) be (?:so much |much"
        r" |a lot |way )?(?:better(?: off)?|happier) (?:without (?:you|u)(?: in it| around)?"
        r"|if (?:you|u) (?:were|was) dead|if (?:you|u) (?:died|killed (?:yourself|urself)"
        r"|were gone|disappeared|weren'?t (?:here|around|alive)))",
        score=0.7,
        triggers=("better", "happier"),
    )
    en.add(
        "outcome",
        "conditional",
        r"(?:you'?ll|you will|you'?re gonna|you'?re going to|ur gonna|u gonna|you gonna|u will"
        r"|u'?ll|you|u) (?:be )?(?:leave|leaving|go home|going home|come out|coming out"
        r"|carried out|get carried out|be carried out|wheeled out|leave here|leave there"
        r"|walk out|get sent home) (?:of (?:here|there|it|that \w+) )?(?:in|on) (?:an ambulance"
        r"|a body ?bag|a stretcher|a wheelchair|pieces|a coffin|a box|a casket|a hearse)",
        triggers=c["en"],
    )
    en.add(
        "outcome_body",
        "conditional",
        r"(?:you'?ll|you will|you'?re gonna|you'?re going to|ur gonna|u gonna|you gonna|u will"
        r"|u'?ll) be (?:eating through a straw|picking (?:up )?(?:your|ur) teeth|collecting"
        r" (?:your|ur) teeth|spitting (?:out )?(?:your|ur) teeth|six feet under|in a body ?bag"
        r"|scraped off (?:the|a) (?:pavement|floor|road|street|ground|sidewalk|asphalt|wall)"
        r"|in (?:the )?(?:icu|intensive care))"
        r"|(?:they'?ll|they will|someone will|we'?ll|we will|people will|they'?re gonna) be"
        r" (?:scraping|peeling|picking) (?:you|u) (?:off|up off) (?:the|a)",
        triggers=c["en"],
    )
    en.add(
        "see_what_happens",
        "conditional",
        r"(?:and|&|then|or) (?:see|watch|find out) what (?:happens|will happen|'?ll happen)"
        r" (?:to (?:you|u|your|ur)|when (?:i|we) (?:find|catch|see|get) (?:you|u))",
        triggers=c["en"],
    )
    en.add(
        "shame_if",
        "indirect",
        r"(?:would|'?d|it'?d|it would) be (?:a )?(?:real |such a |an awful |a terrible |really )?"
        r"(?:shame|pity|tragedy|sad|bad) if (?:your|ur|something|someone|somebody|anything|she"
        r"|he|it|they|you|u)\b[^.!?\n]{0,60}?(?:fire|burn|brakes|hurt|found|accident|disappear"
        r"|missing|broke|throat|dead|died|die|never (?:came|come|made it) home|didn'?t (?:come"
        r"|make it) home)",
        triggers=c["en"],
    )
    en.add(
        "accidents",
        "indirect",
        r"accidents (?:happen|can happen|do happen|tend to happen)(?: all the time)? to (?:people"
        r"|snitches|guys|girls|those|you|u|folks|kids|men|women|little)"
        r"|(?:you|u) (?:won'?t|will never|wont|never) see (?:it|me|us|them) coming"
        r"|(?:i|we) know (?:which|what) school (?:your|ur) (?:kids?|son|daughter|children|boy"
        r"|girl|little one)",
        triggers=c["en"],
    )

    def lang_rules(lang: str, methods: str, outcomes: str, veiled: str | None) -> None:
        rs = sets[lang]
        rs.add("method", "self_harm", methods, lead=True, not_before=neg[lang],
               triggers=m[lang])  # fmt: skip
        rs.add("outcome", "conditional", outcomes, triggers=c[lang])
        if veiled is not None:
            rs.add("veiled", "indirect", veiled, triggers=c[lang])

    lang_rules(
        "es",
        r"(?:tomate|tómate|trágate|tragate|bébete|bebete|bébete|zámpate|zampate|métete|metete)"
        r" (?:un bote de |una botella de |todas (?:las )?|tus |las |unas |unos )?(?:pastillas"
        r"|píldoras|lejía|pilas|veneno|matarratas)(?: de tu \w+)?"
        r"|(?:tírate|tirate|lánzate|lanzate|arrójate|arrojate) (?:de|desde|por) (?:un|una|el|la)"
        r" (?:puente|azotea|tejado|balcón|ventana|edificio|acantilado|\w+ piso)"
        r"|(?:ponte|tírate|tirate|échate|echate|cruza) (?:delante|debajo|enfrente) de (?:un|una|el"
        r"|la) (?:autobús|bus|tren|camión|coche|metro)"
        r"|(?:busca|búscate|buscate|consigue|cómprate|comprate|coge|agarra) una (?:cuerda|soga)"
        r"|c[oó]rta(?:te)? más (?:hondo|profundo)|ponte una bolsa en la cabeza"
        r"|(?:métete|metete|hazte) una sobredosis",
        r"(?:sales|saldrás|saldras|vas a salir|acabas|acabarás|acabaras|vas a acabar|terminas"
        r"|terminarás|vas a terminar|te vas|te vas a ir|te sacan|te van a sacar|vuelves|volverás"
        r"|te llevan|te van a llevar)(?: de \w+| de aquí| de ahí)? (?:en camilla|en la uci"
        r"|en ambulancia|en una caja|en un ataúd|con los pies por delante|en trocitos"
        r"|en pedazos|en cachitos|en silla de ruedas)"
        r"|no (?:sales|saldrás|vas a salir|sale|llegas|llegarás) viv[oa]|date por muert[oa]"
        r"|(?:te vas a tragar|te tragas|vas a escupir|recogerás|recoges) (?:los|tus) dientes",
        r"(?:sería|seria) una (?:pena|lástima|lastima) (?:que|si) [^.!?\n]{0,60}?(?:fuego|ardiera"
        r"|incendi|frenos|accidente|desapareciera|no volviera|muriera)"
        r"|(?:los )?accidentes (?:pasan|ocurren)(?: a| a la gente)",
    )
    lang_rules(
        "it",
        r"(?:prendi|prenditi|ingoia|ingoiati|manda giù|bevi|beviti|mangiati) (?:tutte (?:le )?"
        r"|un flacone di |una boccetta di |le |delle |un po' di )?(?:pillole|pasticche|candeggina"
        r"|batterie|pile|veleno|topicida)"
        r"|(?:buttati|lanciati|gettati) (?:giù )?(?:da|dal|dalla|dallo|giù da|giù dal|sotto)"
        r" (?:un|una|il|la|lo)? ?(?:ponte|tetto|balcone|finestra|palazzo|scogliera|\w+ piano"
        r"|treno|autobus|camion|macchina)"
        r"|(?:mettiti|buttati) (?:sotto|davanti a) (?:un|una|il|al|la) (?:treno|autobus|camion"
        r"|tram|macchina)"
        r"|(?:trova|trovati|prendi|compra|comprati) una corda|(?:taglia|tagliati) più a? ?fondo"
        r"|mettiti un sacchetto in testa|fatti un'? ?overdose",
        r"(?:esci|uscirai|finisci|finirai|torni|tornerai|te ne vai|te ne andrai|ti portano via"
        r"|vai a casa)(?: di qui| da qui| da li| dal \w+)? (?:in barella|in ambulanza"
        r"|in rianimazione|in terapia intensiva|in pezzi|a pezzi|con i piedi davanti"
        r"|in una bara|dentro una bara|in sedia a rotelle)"
        r"|non (?:esci|uscirai|torni|tornerai) viv[oa]|considerati mort[oa]"
        r"|(?:raccoglierai|raccogli|sputerai|sputi) (?:i tuoi )?denti",
        r"sarebbe un (?:peccato|vero peccato) se [^.!?\n]{0,60}?(?:fuoco|incendi|freni|incidente"
        r"|sparisse|non tornasse|morisse)"
        r"|(?:gli )?incidenti capitano(?: a)",
    )
    lang_rules(
        "pt",
        r"(?:toma|tome|engole|engula|bebe|beba|come) (?:todos os |todas as |um vidro de |uma"
        r" caixa de |uns |umas |os |as )?(?:remédios|remedios|comprimidos|pílulas|pilulas"
        r"|água sanitária|agua sanitaria|cândida|candida|pilhas|baterias|veneno|chumbinho)"
        r"|(?:se joga|joga-te|te joga|se atira|pula|pule|salta) (?:de|da|do|de cima d[aeo]|pela)"
        r" (?:uma|um|a|o)? ?(?:ponte|telhado|prédio|predio|janela|sacada|varanda|\w+ andar)"
        r"|(?:se joga|te joga|deita|se deita|pula) (?:na frente|embaixo|debaixo) d[eo] (?:um|uma"
        r"|o|a)? ?(?:ônibus|onibus|trem|caminhão|caminhao|carro|metrô|metro)"
        r"|(?:arruma|arranja|compra|pega|acha) uma corda|corta mais fundo"
        r"|(?:coloca|bota|põe|poe) um saco (?:plástico |plastico )?na cabeça|toma uma overdose",
        r"(?:sai|vai sair|sairá|saira|acaba|vai acabar|acabará|termina|vai terminar|volta|vai"
        r" voltar|vai pra casa|vai embora)(?: daqui| dali| de lá| do \w+| da \w+)? (?:de maca"
        r"|na uti|de ambulância|de ambulancia|em pedaços|em pedacos|num caixão"
        r"|num caixao|em cadeira de rodas|numa cadeira de rodas|com os pés na frente)"
        r"|(?:não|nao) (?:sai|vai sair|volta|chega) viv[oa]|(?:pode )?se considera(?:r)? mort[oa]"
        r"|(?:vai )?(?:catar|juntar|recolher|cuspir) (?:os )?(?:seus |teus )?dentes",
        r"seria uma (?:pena|pena mesmo) se [^.!?\n]{0,60}?(?:fogo|incendi|freio|acidente"
        r"|sumisse|desaparecesse|não voltasse|nao voltasse|morresse)"
        r"|acidentes acontecem(?: com)",
    )
    lang_rules(
        "fr",
        r"(?:avale|prends|bois|bouffe|mange) (?:toutes (?:tes|les) |tous (?:tes|les) |une boîte"
        r" de |un flacon de |tes |des |de la )?(?:pilules|cachets|médocs|medocs|médicaments"
        r"|medicaments|javel|piles|poison|mort-aux-rats)"
        r"|(?:saute|jette-toi|jette toi|balance-toi|balance toi) (?:du|d'un|d'une|de la|par la"
        r"|depuis le|du haut d'un|du haut du) (?:pont|toit|balcon|fenêtre|fenetre|immeuble"
        r"|falaise|\w+ étage|\w+ etage|cinquième|cinquieme|dixième|dixieme)"
        r"|(?:couche-toi|couche toi|jette-toi|jette toi|mets-toi|mets toi) (?:devant|sous) (?:un"
        r"|une|le|la) (?:bus|train|camion|voiture|métro|metro|tram)"
        r"|(?:trouve|achète|achete|prends) (?:toi )?une corde|coupe plus profond"
        r"|mets(?:-| )toi un sac (?:plastique )?sur la tête|fais (?:une|un) overdose",
        r"(?:tu finis|tu finiras|tu vas finir|tu repars|tu repartiras|tu vas repartir|tu sors"
        r"|tu sortiras|tu vas sortir|tu rentres|tu rentreras|tu vas rentrer|on te sort|on te"
        r" ramène)(?: de là| d'ici| du \w+)? (?:aux urgences|en"
        r" ambulance|sur un brancard|en réa|en rea|en réanimation|en morceaux|les pieds devant"
        r"|dans un cercueil|dans une boîte|en fauteuil roulant)"
        r"|tu (?:rentres|sors|repars|rentreras) pas vivant|considère-toi comme mort"
        r"|considere toi comme mort|on te ramassera à la petite cuillère"
        r"|tu (?:ramasseras|vas ramasser|ramasses) tes dents",
        r"ce serait (?:vraiment )?dommage (?:que|qu'il|si) [^.!?\n]{0,60}?(?:feu|brûl|brul"
        r"|freins|accident|disparaisse|disparaissait|rentre pas|rentrait pas|meure)"
        r"|les accidents (?:arrivent|ça arrive)(?: aux| à)",
    )
    lang_rules(
        "de",
        r"(?:schluck|nimm|sauf|trink|friss) (?:alle |ein paar |eine packung |ne packung |deine"
        r" |die )?(?:tabletten|pillen|bleiche|chlorreiniger|batterien|gift|rattengift)"
        r"|(?:spring|stürz dich|stuerz dich|wirf dich) (?:von|vom|aus dem|von der|von einer"
        r"|von einem|vor) (?:der |dem |einer |einem |den |nen |ne )?(?:brücke|bruecke|dach|balkon"
        r"|fenster|hochhaus|klippe|\w+ stock|zug|bus|lkw)"
        r"|leg dich (?:vor|unter) (?:einen|den|nen|die|eine|ne) (?:zug|bus|lkw|straßenbahn|bahn)"
        r"|(?:such|kauf|hol|besorg) dir (?:einen|nen|n) (?:strick|seil)"
        r"|(?:schneid|schneide) (?:dich )?tiefer|(?:zieh|stülp) dir (?:eine|ne) tüte über den"
        r" kopf|nimm (?:eine|ne) überdosis|bring dich (?:doch )?(?:endlich )?um",
        r"(?:du landest|landest du|du liegst|liegst du|verlässt du|du verlässt|gehst du|du gehst"
        r"|kommst du|du kommst|du wirst)(?: da| hier| den platz| dort)?(?: raus)? (?:auf der"
        r" intensivstation|in der notaufnahme|im krankenwagen|im sarg|in"
        r" einzelteilen|im rollstuhl|in einer kiste)"
        r"|bist du ein toter mann|du bist ein toter mann|(?:wachst du|du wachst) nicht mehr auf"
        r"|(?:läufst|laeufst) (?:du )?nie wieder|(?:kannst du|kannste) deine zähne (?:vom boden"
        r" )?(?:aufsammeln|einsammeln)|(?:kannst du|kannste) dir (?:schon mal )?(?:einen|nen)"
        r" rollstuhl",
        r"wäre (?:doch |echt )?schade, wenn [^.!?\n]{0,60}?(?:feuer|brennen|abbrennen|bremsen"
        r"|unfall|verschwinden|nicht mehr nach hause|sterben)"
        r"|unfälle passieren(?: leuten)",
    )
    lang_rules(
        "tr",
        r"(?:bütün |butun |tüm |tum |bir kutu |birkaç |birkac )?(?:ilaçları|ilaclari|hapları"
        r"|haplari|çamaşır suyu|camasir suyu|pilleri|zehir|fare zehri)(?:nı|ni|nu|nü|yı|yi)?"
        r" (?:iç|ic|yut|ye|iç de|ic de)\b"
        r"|kendini (?:köprüden|kopruden|çatıdan|catidan|balkondan|pencereden|binadan"
        r"|uçurumdan|ucurumdan|\w+ kattan|otobüsün önüne|otobusun onune|trenin önüne"
        r"|trenin onune|tırın önüne|tirin onune) (?:at|bırak|birak)"
        r"|(?:otobüsün|otobusun|trenin|tırın|tirin|arabanın|arabanin) (?:önüne|onune|altına"
        r"|altina) (?:atla|yat|geç|gec)|(?:bir )?ip (?:bul|al) (?:ve|da|de)|daha derin kes"
        r"|kafana (?:bir )?poşet geçir|kafana (?:bir )?poset gecir",
        r"(?:ambulansla|sedyeyle|sedye ile|tabutta|tabutla|parça parça|parca parca|tekerlekli"
        r" sandalyeyle) (?:çıkarsın|cikarsin|çıkacaksın|cikacaksin|gidersin|gideceksin|dönersin"
        r"|donersin|dönüyorsun)"
        r"|(?:hastanelik|yoğun bakımlık|yogun bakimlik) (?:olursun|olacaksın|olacaksin|ederim"
        r"|edeceğim|edecegim)|canlı çıkamazsın|canli cikamazsin|kendini ölü say|kendini olu say"
        r"|bir daha (?:yürüyemezsin|yuruyemezsin)",
        None,
    )
    lang_rules(
        "ru",
        r"(?:наглотайся|нажрись|выпей|сожри|съешь|проглоти) (?:всех |все |пачку |горсть |своих"
        r" )?(?:таблеток|таблетки|колёс|колес|хлорки|белизны|батарейки|батареек|яда|крысиного"
        r" яда)"
        r"|(?:выйди|прыгни|шагни|сигани|выпрыгни|кинься|бросься) (?:в окно|с крыши|с моста"
        r"|с балкона|из окна|с \w+ этажа|под поезд|под автобус|под фуру|под электричку"
        r"|под машину)"
        r"|(?:ляг|ложись) под (?:поезд|автобус|фуру|электричку|машину|трамвай)"
        r"|(?:найди|купи|возьми) (?:себе )?(?:верёвку|веревку|петлю)|режь глубже"
        r"|надень (?:себе )?пакет на голову|(?:сделай|словить) передоз",
        r"(?:поедешь|уедешь|уйдёшь|уйдешь|выйдешь|окажешься|очнёшься|очнешься|отправишься"
        r"|вынесут|увезут)(?: отсюда| оттуда)? (?:в больничку|в реанимацию|на скорой"
        r"|в багажнике|по частям|по кусочкам|в гробу|ногами вперёд|ногами вперед|в инвалидном"
        r" кресле|на носилках)"
        r"|(?:живым|живой) (?:не )?(?:уйдёшь|уйдешь|выйдешь)|(?:ходить|говорить|видеть) больше"
        r" не (?:сможешь|будешь)|тебя по кусочкам (?:собирать|соберут)",
        r"(?:было бы|будет) (?:очень )?жаль,? если [^.!?\n]{0,60}?(?:сгор|пожар|тормоз|авари"
        r"|пропад|не вернё|не верне|умр)"
        r"|несчастные случаи (?:бывают|случаются)",
    )


# "You're getting shanked", "te vas a comer un balazo", "du kriegst eine kugel", "получишь пулю",
# "kurşunu yersin": the harm as something the target will receive. Written as general grammar
# (a second-person "receive" verb and a weapon or injury), not from sentences.
_RECEIVE_TRIGGERS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("getting", "gonna get", "going to get", "about to get", "put one", "put two",
           "pop you", "cap you", "clap you", "merk you", "one eye open", "while it lasts",
           "while they last", "wont see", "won't see", "will not see"),
    "es": ("comer", "llevar", "ganar", "meto", "pego", "clavo", "meter", "pegar", "clavar"),
    "it": ("becchi", "prendi", "pigli", "mangi", "pianto", "ficco", "infilo", "piantare",
           "ficcare", "infilare"),
    "pt": ("levar", "tomar", "comer", "meter", "dar", "enfiar", "leva", "toma", "mete", "enfia"),
    "fr": ("prendre", "prends", "manger", "bouffer", "faire", "fais", "planter", "buter"),
    "de": ("kriegst", "bekommst", "fangst", "faengst", "wirst", "kassierst"),
    "ru": ("получишь", "словишь", "схлопочешь", "отхватишь", "поймаешь", "порежут", "пристрелят",
           "зарежут", "грохнут", "замочат", "прибьют", "убьют", "закопают", "покалечат",
           "пришьют"),
    "tr": ("yersin", "yiyeceksin", "yiyecen", "yicen", "yiyeceksiniz", "yiyeceginiz"),
}  # fmt: skip


def _add_receive_rules(sets: Mapping[str, RuleSet]) -> None:
    """Adds the rules where the target receives the harm, in every language."""
    t = _RECEIVE_TRIGGERS
    en = sets["en"]
    get = (
        r"(?:you'?re|you are|ur|u r|u|you|ya) (?:getting|gonna get|going to get|gon get"
        r"|about to get)"
    )
    en.add(
        "getting_hurt",
        "direct",
        rf"{get} (?:shanked|stabbed|shot|jumped|merked|bodied|clapped|capped|battered|stomped"
        r"|curb ?stomped|knifed|glassed|bottled|hurt (?:bad|badly|real bad)|killed|murdered"
        r"|whacked|beaten (?:up|to death|senseless|to a pulp|half to death)|your (?:ass|head)"
        r" (?:beat|kicked|kicked in|caved in|smashed in))",
        score=0.8,
        not_before=_NEG_BEFORE["en"],
        triggers=t["en"],
    )
    en.add(
        "getting_weapon",
        "direct",
        rf"{get} (?:a|an|the|my|some|two|one|three) (?:bullets?|bats?|bricks?|knife|knives"
        r"|blades?|machetes?|crowbars?|hammers?|axes?|hatchets?|slugs?|rounds?|pipes?|shanks?)"
        r" (?:to|in|into|through|across|over|between) (?:the|your|ur|yo|ya) ",
        score=0.8,
        not_before=_NEG_BEFORE["en"],
        triggers=t["en"],
    )
    en.add(
        "rounds_in",
        "direct",
        r"(?:put|pop|stick|plant) (?:one|two|three|a couple|some|a few|a round|a slug|a bullet"
        r"|one or two)(?: rounds?| bullets?| slugs?)? (?:in|into|through) (?:your|ur|yo|his|her"
        r"|their) (?:chest|head|dome|skull|back|face|heart|gut|stomach|neck|spine|brain)"
        r"|(?:pop|cap|clap|merk) (?:you|u|ya) in (?:the|ur|your|yo) (?:dome|head|face|chest|back"
        r"|neck)",
        triggers=t["en"],
    )
    en.add(
        "while_it_lasts",
        "indirect",
        r"(?:start|better|you better|u better|you'?d better|you should|u should) sleep(?:ing)?"
        r" with one eye open"
        r"|enjoy (?:breathing|your (?:life|legs|kneecaps|face|teeth|last days|freedom)) while"
        r" (?:it lasts|they last|you can|you still can|u can)"
        r"|(?:you|u|ya) (?:won'?t|will not|wont|will never) (?:see|make it to|live to see)"
        r" (?:christmas|xmas|new year'?s?|your (?:next )?birthday|next week|next month|summer"
        r"|easter|graduation)",
        triggers=t["en"],
    )

    def add(lang: str, name: str, kind: str, source: str, score: float | None = None) -> None:
        sets[lang].add(name, kind, source, score=score, triggers=t[lang])

    add(
        "es",
        "receive",
        "direct",
        r"te vas a (?:comer|llevar|ganar|tragar) (?:un|una|dos|unos|unas) (?:tiros?|balazos?"
        r"|navajazos?|puñaladas?|cuchilladas?|balas?|plomazos?|machetazos?|hachazos?|ladrillazos?"
        r"|botellazos?|tajos?)"
        r"|te (?:meto|pego|clavo|voy a meter|voy a pegar|voy a clavar) (?:un|una|dos|tres|unos"
        r"|unas) (?:tiros?|balazos?|puñaladas?|navajazos?|cuchilladas?|plomazos?|machetazos?)",
        score=0.8,
    )
    add(
        "it",
        "receive",
        "direct",
        r"ti (?:becchi|prendi|pigli|mangi) (?:una|un|due|tre) (?:pallottol[ae]|proiettil[ei]"
        r"|coltellat[ae]|accettat[ae]|sprangat[ae]|mazzat[ae]|bottigliat[ae]|pugnalat[ae])"
        r"|ti (?:pianto|ficco|infilo|voglio piantare|vado a piantare) (?:una|un|due|tre)"
        r" (?:pallottol[ae]|proiettil[ei]|coltell[oi]|lam[ae]|pugnal[ei])",
        score=0.8,
    )
    add(
        "pt",
        "receive",
        "direct",
        r"(?:vai|tu vai|você vai|voce vai|vc vai|cê vai) (?:levar|tomar|comer) (?:um|uma|dois"
        r"|duas|uns|umas) (?:tiros?|balas?|balaços?|facadas?|machadadas?|pauladas?|tijoladas?"
        r"|garrafadas?|pipocos?)"
        r"|(?:vou|eu vou) (?:te|lhe) (?:meter|dar|enfiar|mandar) (?:um|uma|dois|duas|uns|umas)"
        r" (?:tiros?|balas?|balaços?|facadas?|pipocos?)"
        r"|(?:vou|eu vou) (?:meter|dar|enfiar|mandar) (?:um|uma|dois|duas|uns|umas) (?:tiros?"
        r"|balas?|balaços?|facadas?|pipocos?) (?:em (?:você|voce|vc|ti)|n[ao] (?:sua|seu|tua"
        r"|teu))",
        score=0.8,
    )
    add(
        "fr",
        "receive",
        "direct",
        r"tu (?:vas )?(?:te )?(?:prendre|prends|manger|manges|bouffer|bouffes) (?:une|un|deux"
        r"|trois) (?:balles?|bastos|pruneaux?|coups? de (?:couteau|hachette|hache|batte|lame"
        r"|machette|barre|cutter|surin)|lames?)"
        r"|tu (?:vas )?te faire (?:planter|buter|fumer|tabasser|défoncer|defoncer|descendre"
        r"|égorger|egorger|poignarder|lyncher|fracasser|crever|refroidir|trouer)",
        score=0.8,
    )
    add(
        "de",
        "receive",
        "direct",
        r"(?:du|ihr) (?:kriegst|bekommst|fängst dir|faengst dir|kassierst|kriegt|bekommt)"
        r" (?:gleich |bald |noch |heute |morgen )?(?:eine|ein|zwei|n|nen|ne) (?:kugel|kugeln"
        r"|messer|klinge|machete|axt|beil|baseballschläger|schläger|flasche|ziegelstein"
        r"|messerstich|kopfschuss|schuss)"
        r"|(?:du|ihr) (?:wirst|werdet) (?:abgestochen|erschossen|abgeknallt|totgeschlagen"
        r"|aufgeschlitzt|kaltgemacht|umgelegt|zusammengeschlagen|abgemurkst)",
        score=0.8,
    )
    add(
        "ru",
        "receive",
        "direct",
        r"(?:получишь|словишь|схлопочешь|отхватишь|поймаешь) (?:пулю|пулю в лоб|пулей|нож"
        r"|ножом|заточку|заточкой|заточку в бок|топором|битой|кирпичом|арматурой|пером|перо"
        r"|перо в бок|маслину|свинец)"
        r"|(?:тебя|вас|тебе|вам) (?:порежут|пристрелят|зарежут|грохнут|замочат|прибьют|убьют"
        r"|закопают|покалечат|пришьют|перо в бок вставят)",
        score=0.8,
    )
    add(
        "tr",
        "receive",
        "direct",
        r"(?:kurşunu|kurşun|kurşunları|bıçağı|bıçak|satırı|satır|sopayı|sopa|dayağı|dayak"
        r"|kafa|kurşunu da) (?:yersin|yiyeceksin|yiyecen|yicen|yiyeceksiniz|yiyeceğiniz)",
        score=0.8,
    )


def _rule_sets() -> list[RuleSet]:
    sets = [
        _english(),
        _russian(),
        _turkish(),
        _spanish(),
        _portuguese(),
        _italian(),
        _french(),
        _german(),
    ]
    by_language = {rs.language: rs for rs in sets}
    _add_methods_and_consequences(by_language)
    _add_receive_rules(by_language)
    return sets


def detect(texts: Sequence[str]) -> list[ThreatResult | None]:
    """Per text: threat score, severe_toxicity floor and matches, or None (no rule fired)."""
    return tier().detect(texts)


# Violent verbs aimed at no one: "kill it at the gym", "killed it on stage", "this traffic is
# murder", "kill time". Where no threat rule fired and one of these matches, a learned threat
# score is capped under the default policy's flag threshold (0.30): the n-gram heads read "kill"
# as a threat whatever its object, and these objects are never people.
IDIOM_CAP: Final[float] = 0.25
_IDIOM_RE: Final = re.compile(
    r"\b(?:kill|kills|killed|killing|slay|slays|slayed|slaying|smash|smashed|smashing|crush"
    r"|crushed|crushing|nail|nailed|nailing|murder|murdered|murdering|destroy|destroyed"
    r"|destroying) (?:it|this|that|them all on stage)\b(?! (?:bitch|fag|whore|you|ur))"
    r"|\b(?:is|was|'s|are|were) (?:absolute |pure |total |literally |just )?murder\b"
    r"|\bkill(?:ing|ed)? (?:some |the )?time\b"
    r"|\bkill (?:the|a|that|this) (?:process|task|job|server|app|tab|lights|engine|bug|mood"
    r"|vibe|power|music|noise|conversation|thread|pipeline|build|session|container)\b"
    r"|\bdressed to kill\b|\bkiller (?:app|workout|deal|song|track|view|look|outfit|riff"
    r"|performance|set|game|feature|combo|sale|price|recipe)\b"
    r"|\b(?:matar|ammazzare|tuer|uccidere) (?:el |il |le |o )?(?:tiempo|tempo|temps)\b"
    r"|\bубить время\b|\bdie zeit totschlagen\b|\bzaman (?:öldürmek|oldurmek)\b",
    re.IGNORECASE,
)


# Harm vocabulary of the learned-threat gate: a learned threat score above HARMLESS_CAP on a
# text no rule fired on needs one of these stems in its prefilter key (folded, letters only),
# so "see you tomorrow at school" or "te espero en la puerta" cannot be hidden by the learned
# heads alone. Stems name violence, weapons, injury, death, self-harm and threat idioms, long
# enough not to sit inside everyday words ("shot" is in "screenshot", "tot" in "total").
HARM_STEMS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "kill", "murder", "dead", "death", "dying", "blood", "bleed", "hurt", "suffer", "stab",
        "knife", "knive", "blade", "shank", "machete", "gun", "shoot", "bullet", "rifle", "pistol",
        "glock", "bomb", "explod", "explos", "burn", "torch", "arson", "petrol", "gasoline",
        "acid", "poison", "hang", "noose", "beatyou", "beatu", "beatup", "beatyour", "beaten",
        "punch", "kickyour", "smash", "breakyour", "breakur", "breakhis", "breakher", "bones",
        "teeth", "jaw", "skull", "throat", "kneecap", "hospital", "ambulance", "icu", "wheelchair",
        "grave", "coffin", "casket", "funeral", "bury", "buried", "sixfeet", "choke", "strangl",
        "drown", "rape", "tortur", "slit", "slash", "crowbar", "hammer", "axe", "hatchet", "brick",
        "batto", "stomp", "merk", "bodied", "corpse", "suicid", "kys", "pills", "overdose",
        "wrist", "bridge", "jumped", "violen", "attack", "assault", "destroy", "regret",
        "watchyourback", "oneeyeopen", "accident", "disappear", "notsafe", "alive", "breath",
        "youraddress", "whereyoulive", "warning", "orelse", "brakes", "hunt", "trackyou",
        "comingforyou", "comingafter", "seechristmas", "lynch", "behead", "massacre", "genocide",
        "exterminat", "nuke", "snipe", "bash", "cripple", "maim", "bruise", "blackeye",
        "messyouup", "endyou", "finishyou", "die", "legs", "fingers", "eyes", "chest", "tongue",
        "ribs", "knees", "runyouover", "runover", "runyouoff", "walkoutofit", "finishhim",
        "finishher", "takeyouout", "takehimout", "outback", "stringup", "stringingup", "dragged",
        "andshot", "getshot", "beshot", "carve", "boxcutter", "gouge", "cutyour", "cutoff",
        "feedyou", "pigs", "tear", "dump", "inpieces", "fire", "bolt", "breakboth", "brokenlegs",
        "legsbroken", "wontwalk", "neverwalk", "ripyour", "ripout", "snapyour", "snapboth",
        "yourarms", "botharms", "crushyour", "justendit", "enditall",
    ),
    "es": (
        "matar", "temato", "lomato", "tematar", "matarte", "mataria", "muert", "morir", "muere",
        "sangr", "apunal", "cuchill", "navaj", "machet", "pistol", "dispar", "balaz", "bala",
        "tiros", "tiro", "plomo", "bomba", "explot", "quemar", "quemo", "incend", "gasolin",
        "acido", "veneno", "envenen", "colgar", "cuerda", "soga", "golpe", "paliza", "patada",
        "punet", "rompo", "romper", "hueso", "dientes", "craneo", "cuello", "garganta", "hospital",
        "ambulancia", "camilla", "silladeruedas", "tumba", "ataud", "enterr", "funeral", "ahorc",
        "asfixi", "ahogar", "ahogo", "violar", "tortur", "degoll", "ladrill", "martill", "hacha",
        "cadaver", "suicid", "tirate", "pastillas", "lejia", "pagaras", "arrepent", "espalda",
        "accidente", "desaparec", "dondevives", "linch", "masacr", "extermin", "reventar",
        "revent", "madrazo", "palos", "piesdelante", "porlante", "dedos", "costillas", "higado",
        "pinchazo", "atropell", "marcar", "cutter", "encanal", "tieso", "cuneta", "escopeta",
        "patea", "hostias", "ardeis", "despiertas", "fichado", "callejon", "puertaabierta",
        "verasloque",
    ),
    "it": (
        "ammazz", "uccid", "uccis", "mort", "morir", "muori", "sangu", "accoltell", "coltell",
        "pugnal", "pistol", "fucil", "sparo", "sparar", "tisparo", "pallottol", "proiettil",
        "bomba", "esplod", "brucia", "incendi", "benzina", "acido", "veleno", "avvelen", "impicc",
        "cappio", "picchi", "botte", "mazzat", "pugno", "pugni", "spaccolafaccia", "tispacco",
        "ossa", "denti", "cranio", "gola", "ospedale", "ambulanza", "barella", "rotelle", "tomba",
        "bara", "sepolt", "seppell", "funerale", "strangol", "soffoc", "annega", "stupr", "tortur",
        "sgozz", "spranga", "mattone", "martello", "ascia", "cadavere", "suicid", "buttati",
        "pillole", "pentir", "pagherai", "guardatilespalle", "incident", "sparir", "indirizzo",
        "doveabiti", "linci", "massacr", "stermin", "sfasci", "distrugg", "gambizz",
        "faccioifuori", "faccioafette", "fuoco", "strozz", "mettosotto", "strapp", "lingua",
        "vivo", "prontosoccorso", "cucchiaino", "testa", "cemento", "almuro", "saltare", "gassat",
        "mazze", "furgone", "orizzontale", "sparati",
    ),
    "pt": (
        "matar", "temato", "tematar", "vouttematar", "matei", "mort", "morrer", "morre", "sangu",
        "esfaque", "faca", "facada", "machad", "pistol", "revolv", "atirar", "tiro", "bala",
        "pipoco", "bomba", "explod", "queimar", "queimo", "incendi", "gasolin", "acido", "veneno",
        "envenen", "enforc", "corda", "porrada", "surra", "soco", "chute", "bater", "quebrar",
        "quebro", "osso", "dente", "cranio", "pescoco", "garganta", "hospital", "ambulancia",
        "cadeiraderodas", "tumulo", "caixao", "enterr", "funeral", "cova", "sufoc", "afogar",
        "afogo", "estupr", "tortur", "degol", "tijolo", "martelo", "cadaver", "suicid", "semata",
        "remedio", "ponte", "arrepend", "vaipagar", "costas", "acidente", "sumir", "desaparec",
        "endereco", "ondemora", "linch", "massacr", "extermin", "arrebent", "destru", "meterbala",
        "fogo", "esgan", "atropel", "arranc", "lingua", "colherinha", "vala", "darumfim",
        "microondas", "rabecao", "carregado", "queimad", "retalh", "estilete", "jaera",
        "nuncamaisanda", "cabeca", "nauti", "depau",
    ),
    "fr": (
        "tuer", "tuetoi", "jetetue", "jevaistetuer", "buter", "crever", "creve", "mort", "mourir",
        "meurs", "sang", "saign", "poignard", "couteau", "lame", "planter", "teplante", "machette",
        "flingue", "pistolet", "fusil", "tirer", "balle", "bastos", "bombe", "explos", "brul",
        "cramer", "crame", "incendi", "essence", "acide", "poison", "empoison", "pendre", "pendu",
        "corde", "frapp", "tabass", "defonc", "cogne", "coupdecouteau", "coups", "dents", "crane",
        "gorge", "hopital", "urgences", "ambulance", "brancard", "fauteuilroulant", "tombe",
        "cercueil", "enterr", "funerailles", "etrangl", "etouff", "noyer", "viol", "tortur",
        "egorg", "batte", "brique", "marteau", "hache", "cadavre", "suicid", "saute", "pont",
        "pilules", "regrett", "paieras", "accident", "dispar", "vivant", "outuhabites", "lynch",
        "massacr", "extermin", "niquer", "eclater", "refroid", "langue", "arrache", "cuillere",
        "feu", "pieds", "coffre", "portrait", "defigur", "plomb", "tete", "visage", "doigts",
        "cotes", "genoux", "etriper", "saigner", "planque",
    ),
    "de": (
        "toten", "tote", "totschlag", "totmach", "umbring", "morden", "mord", "sterb", "stirb",
        "blut", "abstech", "messer", "klinge", "machete", "waffe", "pistole", "gewehr", "knarre",
        "schiess", "erschies", "kugel", "bombe", "spreng", "brenn", "abfackel", "benzin", "saure",
        "saeure", "gift", "aufhang", "aufhaeng", "strick", "schlagdich", "zusammenschlag",
        "pruegel", "prugel", "brechdir", "knochen", "zahne", "zaehne", "schadel", "schaedel",
        "kehle", "krankenhaus", "intensiv", "krankenwagen", "rollstuhl", "sarg", "begrab",
        "beerdig", "wurg", "wuerg", "ersticken", "ertrank", "ertraenk", "vergewalt", "folter",
        "aufschlitz", "schlager", "schlaeger", "ziegel", "hammer", "axt", "leiche", "selbstmord",
        "springvon", "springvom", "brucke", "bruecke", "tabletten", "bereu", "rucken", "ruecken",
        "unfall", "verschwind", "lebend", "woduwohnst", "lynch", "massaker", "ausrott", "vergas",
        "plattmach", "fertigmach", "kaltmach", "zerstor", "zerstoer", "abknall", "umleg", "tod",
        "verscharr", "uberdenhaufen", "ueberdenhaufen", "gnade", "rippen", "asphalt", "kopf",
        "tritt", "strassengraben", "strasengraben", "flinte", "knall", "lebennehm", "windelweich",
        "verbuddel", "brei", "zunge", "finger", "augen", "gesicht", "beine", "nichtmehrauf",
        "mahdichum", "machdichfertig",
    ),
    "tr": (
        "oldur", "olum", "olecek", "olursun", "geber", "kanin", "bicak", "satir", "silah",
        "tabanca", "tufek", "pompali", "kursun", "bomba", "patlat", "yakacag", "yakarim", "atesle",
        "benzin", "asit", "kezzap", "zehir", "asacag", "dayak", "sopa", "yumruk", "tekme",
        "kiracag", "kirarim", "kemik", "girtlak", "bogaz", "hastane", "yogunbakim", "ambulans",
        "sedye", "tekerlekli", "mezar", "tabut", "gomecek", "cenaze", "bogul", "tecavuz",
        "iskence", "kesecek", "keserim", "tugla", "cekic", "balta", "ceset", "intihar", "kendini",
        "ilac", "kopru", "pisman", "bedel", "arkani", "kaza", "kaybol", "canli", "adresini",
        "katliam", "yokedecek", "parcala", "dagitacag", "ezecek", "bitirecek", "hallederim",
        "vuracag", "vururum", "dovecek", "doverim", "ezece", "dilini", "kopar", "sagcikamaz",
        "guvende", "kafasini", "kafani", "kirar", "isinibitir", "tarayacag", "havayaucur", "bacak",
        "kiril", "caninakiy", "pala", "dogra", "sislerim", "uyanamayacak", "kaybeder", "dizlerine",
        "sikacag", "yuruyemeyecek", "dislerini", "gozunuacik", "kasikla", "ormana",
    ),
    "ru": (
        "убью", "убьем", "убьём", "убит", "убий", "убива", "смерт", "сдох", "умрешь", "умрёшь",
        "мертв", "кровь", "крови", "зареж", "нож", "лезви", "заточк", "мачете", "ствол",
        "пистолет", "ружь", "пристрел", "застрел", "пулю", "пули", "бомб", "взорв", "взрыв",
        "сожгу", "сожжем", "сжечь", "поджог", "подожгу", "бензин", "кислот", "отрав", "повешу",
        "повесить", "верёвк", "веревк", "петлю", "изобью", "отпизж", "отпизд", "уебу", "въебу",
        "слома", "кости", "зубы", "череп", "горло", "глотк", "больниц", "больничк", "реанимац",
        "скорой", "инвалид", "коляск", "могил", "гроб", "закопа", "похорон", "задуш", "утоп",
        "изнасил", "пытк", "кирпич", "молот", "топор", "труп", "самоубий", "выпились", "таблет",
        "мост", "прыгн", "пожалеешь", "ответишь", "авари", "несчастн", "пропадешь", "исчезнешь",
        "адрес", "расстрел", "перестрел", "резн", "истреб", "урою", "грохн", "замоч", "покалеч",
        "прирез", "порежу", "вскро", "вырв", "доживешь", "доживёшь", "пальц", "сгорит", "голову",
        "проломит", "канав", "шею", "свернуть", "переломать", "грузовик", "газов", "отстрел",
        "подвал", "поджечь", "собью", "ребр", "сгоревш", "отпинаем", "подворотн", "глаза", "лицо",
    ),
}  # fmt: skip
HARMLESS_CAP: Final[float] = 0.25
_HARM_AUTOMATON: list[Any] = []
_HARM_LOCK: Final = threading.Lock()


def _harm_automaton() -> Any:
    """The Aho-Corasick automaton over every language's harm stems (built on first use)."""
    with _HARM_LOCK:
        if not _HARM_AUTOMATON:
            automaton = ahocorasick.Automaton()
            for stems in HARM_STEMS.values():
                for stem in stems:
                    key = prefilter_key(stem)
                    automaton.add_word(key, key)
            automaton.make_automaton()
            _HARM_AUTOMATON.append(automaton)
        return _HARM_AUTOMATON[0]


def names_harm(text: str) -> bool:
    """Whether the text holds a harm stem of any language (``HARM_STEMS``)."""
    for _ in _harm_automaton().iter(prefilter_key(text)):
        return True
    return False


def _cap_harmless(texts: Sequence[str], probs: F64, results: Sequence[ThreatResult | None]) -> F64:
    """``probs`` with threat capped at HARMLESS_CAP on texts no rule fired on that name no harm.

    The learned heads read "I'll see you after school" or "te espero en la puerta" as threats
    (their n-grams are those of many templated and real threats); without a rule or a word of
    violence, injury, death or self-harm, their score alone must not hide a message.
    """
    out = probs
    for i in np.flatnonzero(probs[:, _THREAT] > HARMLESS_CAP).tolist():
        if results[i] is None and not names_harm(texts[i]):
            if out is probs:
                out = probs.copy()
            out[i, _THREAT] = HARMLESS_CAP
    return out


def _cap_idioms(texts: Sequence[str], probs: F64, results: Sequence[ThreatResult | None]) -> F64:
    """``probs`` with threat capped at IDIOM_CAP on texts no rule fired on that hold an idiom."""
    out = probs
    for i in np.flatnonzero(probs[:, _THREAT] > IDIOM_CAP).tolist():
        if results[i] is None and _IDIOM_RE.search(texts[i]):
            if out is probs:
                out = probs.copy()
            out[i, _THREAT] = IDIOM_CAP
    return out


# A structure score this high (the default flag threshold) explains itself with its words.
STRUCTURE_SPAN_MIN: Final[float] = 0.30


class LearnedSpans(tuple[Span, ...]):
    """Threat spans of the structure scorer: a learned score, unlike a rule's (``by_rule``)."""

    __slots__ = ()


def by_rule(spans: Sequence[Span]) -> bool:
    """Whether a text's threat spans (from ``apply_threats``) come from a rule of the tier.

    A rule's threat is published whatever the support matrix says; a learned one (the
    structure scorer's, like the heads') only where the matrix supports the language's threat.
    """
    return bool(spans) and not isinstance(spans, LearnedSpans)


def apply_threats(
    texts: Sequence[str], probs: F64, *, structure: bool = True
) -> tuple[F64, list[tuple[Span, ...]]]:
    """Raises threat to the tier's score, toxicity to the threat, severe_toxicity on self-harm.

    ``probs``: (texts, 6) final probabilities in CATEGORIES order; returns new probabilities
    (``probs`` itself when nothing fired) and the tier's threat spans per text. ``structure``:
    whether the threat-structure scorer (``threat_structure.py``) may raise threat too.
    """
    spans: list[tuple[Span, ...]] = [()] * len(texts)
    results = detect(texts)
    out = _cap_harmless(texts, _cap_idioms(texts, probs, results), results)
    lifted = _structure(texts, probs) if structure else {}
    if not any(results) and not lifted:
        return out, spans
    out = out.copy() if out is probs else out
    for i, (p, words) in lifted.items():
        out[i, _THREAT] = max(out[i, _THREAT], p)
        out[i, _TOXICITY] = max(out[i, _TOXICITY], out[i, _THREAT])
        if p >= STRUCTURE_SPAN_MIN and words:
            spans[i] = LearnedSpans(words)
    for i, res in enumerate(results):
        if res is None:
            continue
        out[i, _THREAT] = max(out[i, _THREAT], res.threat)
        # A threat is toxic: at least as toxic as it is threatening.
        out[i, _TOXICITY] = max(out[i, _TOXICITY], out[i, _THREAT])
        out[i, _SEVERE] = max(out[i, _SEVERE], res.severe_toxicity)
        spans[i] = res.spans()
    return out, spans


def _structure(texts: Sequence[str], probs: F64) -> dict[int, tuple[float, tuple[Span, ...]]]:
    """Text index -> the threat-structure scorer's probability and its words, where it speaks."""
    model = threat_structure.scorer()
    if model is None:
        return {}
    out: dict[int, tuple[float, tuple[Span, ...]]] = {}
    gate = model.lexicon.may_name_harm
    for i, text in enumerate(texts):
        if not gate(text):
            continue
        analysis = model.analyse(text, gated=True)
        if not analysis.names_harm:
            continue
        signals = threat_structure.signal_features(float(probs[i, _TOXICITY]))
        p = model.probability(analysis, signals)
        if p is None:
            continue
        words = threat_structure.spans(text, analysis, p) if p >= STRUCTURE_SPAN_MIN else ()
        out[i] = (p, words)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Prints the rules that fire on each argument (``python -m civility.scoring.threats``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    for text, res in zip(args, detect(args), strict=True):
        print(repr(text))
        if res is None:
            print("  no threat rule fired")
            continue
        print(f"  threat={res.threat:.2f} severe_toxicity={res.severe_toxicity:.2f}")
        for m in res.matches:
            print(f"  {m.rule:<32} {m.kind:<12} {text[m.start : m.end]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
