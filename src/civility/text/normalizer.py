"""Evasion-resistant text normalisation that remembers where every character came from.

Two stages, both keeping an offset map back to the ORIGINAL text:

1. `fold`: per character NFKD + casefold, drop combining marks (accents) and format characters
   (zero-width space/joiners, soft hyphen, BOM), map Cyrillic/Greek look-alikes to Latin.
   Regex entries run on this text (digits and punctuation survive).
2. `skeletonize`: tokens of letters/digits (leet symbols like `@ $ !` count as letters inside a
   word), digits mapped to letters inside words that contain letters (`1d10t` -> `idiot`),
   separators removed. A junction between two tokens is *crossable* when the gap holds only
   punctuation (`i.d.i.o.t`) or when both tokens are one (repeated) letter (`i d i o t`); other
   junctions (a space between real words, an apostrophe) stay hard. Runs of one letter are
   collapsed (`iiidiot` -> `idiot`) but the run lengths are kept so `ass` never matches `as`.

Known limits (by design, to avoid false positives): `1` always reads as `i` (not `l`);
a lone leet symbol between separators (`a . $ . $`) is punctuation, not a letter;
a space inside a word between multi-letter pieces (`idi ot`) is a hard junction; scripts
without spaces (CJK) have no inner word boundaries, so use wildcard or regex entries there.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "г": "r", "д": "d", "е": "e", "з": "3", "і": "i", "ј": "j",
        "к": "k", "л": "n", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
        "ӏ": "l", "ь": "b", "ɡ": "g", "ү": "y", "ҫ": "c",
        # Greek
        "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u",
        "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ς": "c",
        "σ": "o", "ϲ": "c", "ϳ": "j",
        # Latin/IPA/Armenian look-alikes that NFKD leaves alone
        "ı": "i", "ɑ": "a", "ɩ": "i", "ʟ": "l", "ո": "n", "օ": "o", "ս": "u", "ց": "g",
        "ᴀ": "a", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ᴋ": "k", "ᴍ": "m", "ᴏ": "o", "ᴘ": "p",
        "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ᴢ": "z", "ʀ": "r", "ꜱ": "s", "ɢ": "g",
        "ʜ": "h", "ɪ": "i", "ʏ": "y", "ɴ": "n",
    }
)  # fmt: skip
_DROP_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_MARK_CATEGORIES = frozenset({"Mn", "Me"})
_CACHE_LIMIT = 1 << 16
_fold_cache: dict[str, str] = {}

# Symbols read as letters only inside a word; a trailing `!` stays punctuation.
_SYMBOL_LEET = str.maketrans({"@": "a", "$": "s", "€": "e", "!": "i", "|": "i"})
_DIGIT_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                             "8": "b", "9": "g"})  # fmt: skip
_CHAIN = re.compile(r"(?:[^\W_]|[@$€!|])+")
_ALNUM = re.compile(r"[^\W_]")
_TRAILING_BANG = re.compile(r"[!|]+$")
_HARD_GAP = re.compile(r"[\s'’ʼ`´]")
_APOSTROPHE = re.compile(r"['’ʼ`´]")
_NON_DIGIT = re.compile(r"[^\W\d_]")
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Folded:
    """Stage 1 text: `text[i]` came from `original[starts[i]:ends[i]]`."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps a non-empty folded range [start, end) to the original text."""
        return self.starts[start], self.ends[end - 1]


def _fold_char(ch: str) -> str:
    """Folds one character; the result may be empty or several characters long."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in _DROP_CATEGORIES)
    return kept.translate(_HOMOGLYPHS)


def fold(text: str) -> Folded:
    """Runs stage 1 (case, accents, homoglyphs, zero-width) keeping the offset map."""
    if text.isascii():
        n = len(text)
        return Folded(text, text.lower(), list(range(n)), list(range(1, n + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_cache.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            if len(_fold_cache) < _CACHE_LIMIT:
                _fold_cache[ch] = folded
        if folded:
            out.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([i + 1] * len(folded))
        elif ends and unicodedata.category(ch) in _MARK_CATEGORIES:
            # A dropped accent belongs to the letter before it, so spans cover it too.
            ends[-1] = i + 1
    return Folded(text, "".join(out), starts, ends)


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Stage 2 text: letters only (`stream`), collapsed into runs (`skel`)."""

    folded: Folded
    stream: str
    src: list[int]
    skel: str
    run_start: list[int]
    run_end: list[int]
    boundaries: list[int]
    hard: frozenset[int]
    token_starts: list[int]
    token_ends: list[int]
    segment_starts: list[int]
    segment_ends: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Maps a non-empty stream range [start, end) to the original text."""
        return self.folded.original_span(self.src[start], self.src[end - 1] + 1)

    def run_counts(self) -> list[int]:
        """Returns the length of every run."""
        return [e - s for s, e in zip(self.run_start, self.run_end, strict=True)]

    def breaks(self) -> frozenset[int]:
        """Returns the run indices that start right after a hard junction."""
        return frozenset(k for k, s in enumerate(self.run_start) if k and s in self.hard)

    def boundary_at_or_before(self, pos: int, floor: int) -> int | None:
        """Returns the last word boundary in [floor, pos], if any."""
        i = bisect_right(self.boundaries, pos) - 1
        return self.boundaries[i] if i >= 0 and self.boundaries[i] >= floor else None

    def boundary_at_or_after(self, pos: int, ceiling: int) -> int | None:
        """Returns the first word boundary in [pos, ceiling], if any."""
        i = bisect_left(self.boundaries, pos)
        ok = i < len(self.boundaries) and self.boundaries[i] <= ceiling
        return self.boundaries[i] if ok else None

    def words_around(self, start: int, end: int) -> list[tuple[int, int]]:
        """Returns the token and the segment that contain the stream range [start, end)."""
        found: list[tuple[int, int]] = []
        for starts, ends in (
            (self.token_starts, self.token_ends),
            (self.segment_starts, self.segment_ends),
        ):
            i = bisect_right(starts, start) - 1
            if i >= 0 and ends[i] >= end and (starts[i], ends[i]) not in found:
                found.append((starts[i], ends[i]))
        return found


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Finds word pieces in folded text with leet symbols already read as letters."""
    found: list[tuple[int, int, str]] = []
    for m in _CHAIN.finditer(text):
        start, chunk = m.start(), m.group()
        if not _ALNUM.search(chunk):
            continue
        chunk = _TRAILING_BANG.sub("", chunk)
        found.append((start, start + len(chunk), chunk.translate(_SYMBOL_LEET)))
    return found


def _pieces(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """Yields each token with whether it starts a segment (the first, or after a hard gap)."""
    prev_end, prev_chunk = -1, ""
    for start, end, chunk in _tokens(text):
        yield (
            start,
            end,
            chunk,
            prev_end < 0 or not _crossable(text[prev_end:start], prev_chunk, chunk),
        )
        prev_end, prev_chunk = end, chunk


def skeletonize(folded: Folded) -> Skeleton:
    """Runs stage 2 (tokens, leet, separators, repeated letters) on folded text."""
    text = folded.text
    src: list[int] = []
    hard: list[int] = []
    tok_starts: list[int] = []
    seg_starts: list[int] = []
    chunks: list[str] = []
    pos = 0
    for start, end, chunk, new_segment in _pieces(text):
        if new_segment:
            if seg_starts:
                hard.append(pos)
            seg_starts.append(pos)
        tok_starts.append(pos)
        chunks.append(chunk)
        src.extend(range(start, end))
        pos += end - start
    raw = "".join(chunks)
    seg_ends = [*seg_starts[1:], pos] if seg_starts else []
    stream = "".join([_leet_digits(raw[a:b]) for a, b in zip(seg_starts, seg_ends, strict=True)])
    hard_set = frozenset(hard)
    skel, run_start, run_end = _runs(stream, hard_set)
    tok_ends = [*tok_starts[1:], pos] if tok_starts else []
    return Skeleton(
        folded=folded,
        stream=stream,
        src=src,
        skel=skel,
        run_start=run_start,
        run_end=run_end,
        # Tokens sit back to back in the stream, so their starts plus the end are all edges.
        boundaries=[*tok_starts, pos] if tok_starts else [],
        hard=hard_set,
        token_starts=tok_starts,
        token_ends=tok_ends,
        segment_starts=seg_starts,
        segment_ends=seg_ends,
    )


def skeleton_key(folded: Folded) -> str:
    """Returns `skeletonize(folded).skel` without the offset maps (for lookups and keys)."""
    text = folded.text
    segments: list[str] = []
    chunks: list[str] = []
    for _, _, chunk, new_segment in _pieces(text):
        if new_segment and chunks:
            segments.append("".join(chunks))
            chunks = []
        chunks.append(chunk)
    if chunks:
        segments.append("".join(chunks))
    if _DIGIT.search(text):
        segments = [_leet_digits(seg) for seg in segments]
    # Repeated letters collapse inside a segment, never across a hard junction: the NUL
    # joining segments (never part of a token) keeps equal letters on either side apart.
    return _REPEATS.sub(r"\1", "\0".join(segments)).replace("\0", "")


def _crossable(gap: str, left: str, right: str) -> bool:
    """Tells whether a match may run across the gap between two word pieces."""
    if gap != " " and not _HARD_GAP.search(gap):
        return True
    # `i d i o t` (or `iii d i o t`) joins up, but `it's hit` must not read as `itshit`.
    return len(set(left)) == 1 and len(set(right)) == 1 and not _APOSTROPHE.search(gap)


def _leet_digits(segment: str) -> str:
    """Reads digits as letters, but only in segments that also hold letters (`100` stays)."""
    return segment.translate(_DIGIT_LEET) if _NON_DIGIT.search(segment) else segment


def _runs(stream: str, hard: frozenset[int]) -> tuple[str, list[int], list[int]]:
    """Collapses repeated letters, never across a hard junction."""
    if not stream:
        return "", [], []
    starts = [0]
    starts.extend(i for i, (a, b) in enumerate(pairwise(stream), 1) if a != b or i in hard)
    ends = [*starts[1:], len(stream)]
    return "".join([stream[i] for i in starts]), starts, ends


def normalize(text: str) -> Skeleton:
    """Runs both stages on a text."""
    return skeletonize(fold(text))


def normalized_key(text: str) -> str:
    """Returns a compact form under which evasive variants of one text coincide."""
    return normalize(text).skel
