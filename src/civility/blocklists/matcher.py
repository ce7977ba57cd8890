"""Blocklists: validated entries compiled into one Aho-Corasick automaton over normalised text.

Kinds:

* `word`: one word, matched on word boundaries of the normalised text (`ass` not in `class`).
* `phrase`: several words, matched on word boundaries (`you are stupid`).
* `wildcard`: one word with `*` (any letters) and `?` (one letter), e.g. `idiot*`, `f*ck`;
  the longest literal piece is the automaton key, the whole word is then checked.
* `regex`: runs on case/accent/homoglyph-folded text (punctuation and digits kept) on RE2,
  whose matching time is linear in the text (`regex_safety`); an entry that cannot be
  evaluated (stored before RE2 and using what it lacks) sends the message to review.

Matching reports spans [start, end) in the ORIGINAL text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import ahocorasick  # type: ignore[import-not-found]  # C extension without type stubs

from civility.errors import Invalid
from civility.policy.verdict import Action, Reason, ReasonSource
from civility.text.normalizer import (
    Folded,
    Skeleton,
    fold,
    normalize,
    skeleton_key,
    skeletonize,
)
from civility.text.regex_safety import RegexError, compile_safe_regex

MAX_PATTERN_LENGTH = 500
# BCP-47's "undetermined": what the language identifier answers when it cannot tell.
UNDETERMINED_LANGUAGE = "und"
_WILDCARD_WORD_LIMIT = 128
_WILDCARDS = re.compile(r"[*?]")
_ENTRY_ACTIONS = (Action.BLOCK, Action.FLAG)


class EntryKind(StrEnum):
    """How an entry's pattern is read."""

    WORD = "word"
    PHRASE = "phrase"
    WILDCARD = "wildcard"
    REGEX = "regex"


@dataclass(frozen=True, slots=True)
class BlocklistEntry:
    """One blocklist line; `channel_id`/`language` None means every channel/language."""

    pattern: str
    kind: EntryKind
    action: Action
    language: str | None = None
    channel_id: str | None = None
    id: str | None = None

    def applies(self, channel_id: str | None, language: str | None) -> bool:
        """Tells whether the entry is in force for this channel and language."""
        if self.channel_id is not None and self.channel_id != channel_id:
            return False
        # An undetermined language ("und": short, mixed or evasive texts) cannot rule a
        # language's entry out; a moderator's explicit entry wins over the identifier's doubt.
        return (
            self.language is None
            or language is None
            or language == UNDETERMINED_LANGUAGE
            or self.language == language
        )

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "id": self.id,
            "pattern": self.pattern,
            "kind": self.kind.value,
            "action": self.action.value,
            "language": self.language,
            "channel_id": self.channel_id,
        }

    @classmethod
    def from_dict(cls, data: object) -> BlocklistEntry:
        """Parses and validates the JSON form."""
        if not isinstance(data, dict):
            raise Invalid("blocklist entry: expected an object", code="invalid_entry")
        unknown = set(data) - {"id", "pattern", "kind", "action", "language", "channel_id"}
        if unknown:
            raise Invalid(
                f"blocklist entry: unknown field(s) {sorted(unknown)}", code="invalid_entry"
            )
        try:
            kind = EntryKind(data.get("kind", "word"))
            action = Action(data.get("action", "block"))
        except ValueError as exc:
            raise Invalid(f"blocklist entry: {exc}", code="invalid_entry") from exc
        entry = cls(
            pattern=_text(data.get("pattern"), "pattern"),
            kind=kind,
            action=action,
            language=_optional_text(data.get("language"), "language"),
            channel_id=_optional_text(data.get("channel_id"), "channel_id"),
            id=_optional_text(data.get("id"), "id"),
        )
        validate_entry(entry)
        return entry


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"blocklist entry: {name} must be a non-empty string", code="invalid_entry")
    return value


# The same bounds as the single-entry route's: an import must not store what it refuses.
_MAX_FIELD = {"language": 16, "channel_id": 200, "id": 200}


def _optional_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    text = _text(value, name)
    if len(text) > _MAX_FIELD.get(name, MAX_PATTERN_LENGTH):
        raise Invalid(
            f"blocklist entry: {name} longer than {_MAX_FIELD[name]} characters",
            code="invalid_entry",
        )
    return text


@dataclass(frozen=True, slots=True)
class _Key:
    """An entry (or a wildcard's anchor) in normalised form."""

    skel: str
    counts: tuple[int, ...]
    breaks: frozenset[int]


def _key_of(skeleton: Skeleton) -> _Key:
    return _Key(skeleton.skel, tuple(skeleton.run_counts()), skeleton.breaks())


@dataclass(frozen=True, slots=True)
class _Wildcard:
    """A wildcard compiled to an anchor key and a whole-word regex over the letter stream."""

    anchor: str
    word: re.Pattern[str]


def validate_entry(entry: BlocklistEntry) -> None:
    """Raises Invalid unless the entry can be compiled and will match something sensible."""
    if entry.action not in _ENTRY_ACTIONS:
        raise Invalid("blocklist action must be block or flag", code="invalid_entry")
    if len(entry.pattern) > MAX_PATTERN_LENGTH:
        raise Invalid(f"pattern longer than {MAX_PATTERN_LENGTH} characters", code="invalid_entry")
    if "\x00" in entry.pattern:
        raise Invalid("pattern must not contain NUL characters", code="invalid_entry")
    _compile_entry(entry)


@dataclass(frozen=True, slots=True)
class _Regex:
    """A regex entry compiled for RE2."""

    pattern: Any


def _compile_entry(entry: BlocklistEntry) -> _Key | _Wildcard | _Regex:
    """Turns an entry into what the matcher needs, validating it on the way."""
    if entry.kind is EntryKind.REGEX:
        return _Regex(compile_safe_regex(entry.pattern))
    if entry.kind is EntryKind.WILDCARD:
        return _compile_wildcard(entry.pattern)
    if _WILDCARDS.search(entry.pattern):
        raise Invalid("* and ? need kind wildcard", code="invalid_entry")
    key = _key_of(normalize(entry.pattern))
    if not key.skel:
        raise Invalid("pattern has no letters or digits", code="invalid_entry")
    if entry.kind is EntryKind.WORD and key.breaks:
        raise Invalid("a word entry must be a single word; use kind phrase", code="invalid_entry")
    return key


def _compile_wildcard(pattern: str) -> _Wildcard:
    """Builds the anchor and whole-word regex of a wildcard pattern."""
    parts = _WILDCARDS.split(pattern)
    wilds = _WILDCARDS.findall(pattern)
    pieces: list[str] = []
    anchor = ""
    for i, part in enumerate(parts):
        sk = normalize(part)
        if sk.hard or (part.strip() and not sk.stream) or part != part.strip():
            raise Invalid(
                "wildcard pieces must be single words without spaces", code="invalid_entry"
            )
        counts = sk.run_counts()
        # A run of n letters in the pattern needs at least n in the text, repeats allowed.
        pieces.extend(f"{re.escape(c)}{{{n},}}" for c, n in zip(sk.skel, counts, strict=True))
        anchor = max(anchor, sk.skel, key=len)
        if i < len(wilds):
            pieces.append(".*?" if wilds[i] == "*" else ".")
    if len(anchor) < 2:
        raise Invalid("a wildcard needs a literal piece of 2+ letters", code="invalid_entry")
    return _Wildcard(anchor, re.compile("".join(pieces), re.DOTALL))


@dataclass(frozen=True, slots=True)
class BlocklistMatch:
    """An entry that fired, and where in the original text."""

    entry: BlocklistEntry
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Matches of one text, plus the entries in force that could not be evaluated on it."""

    matches: tuple[BlocklistMatch, ...]
    unevaluated: tuple[tuple[BlocklistEntry, str], ...] = ()


@dataclass(slots=True)
class _Compiled:
    keyed: list[tuple[BlocklistEntry, _Key | _Wildcard]] = field(default_factory=list)
    regexes: list[tuple[BlocklistEntry, _Regex]] = field(default_factory=list)
    # Stored entries that no longer compile (added before RE2), with why: never matched,
    # always reported, so a message they might have caught goes to review.
    broken: list[tuple[BlocklistEntry, str]] = field(default_factory=list)


class Blocklist:
    """An immutable, compiled set of entries; build a new one when entries change."""

    def __init__(self, entries: Iterable[BlocklistEntry]) -> None:
        compiled = _Compiled()
        automaton = ahocorasick.Automaton()
        keys: dict[str, list[int]] = {}
        for entry in entries:
            try:
                item = _compile_entry(entry)
            except Invalid as exc:
                if entry.kind is not EntryKind.REGEX:
                    raise
                compiled.broken.append((entry, exc.message))
                continue
            if isinstance(item, _Regex):
                compiled.regexes.append((entry, item))
                continue
            keys.setdefault(item.anchor if isinstance(item, _Wildcard) else item.skel, []).append(
                len(compiled.keyed)
            )
            compiled.keyed.append((entry, item))
        for key, indices in keys.items():
            automaton.add_word(key, (len(key), tuple(indices)))
        if keys:
            automaton.make_automaton()
        self._automaton: Any = automaton if keys else None
        self._compiled = compiled
        self.entries: tuple[BlocklistEntry, ...] = (
            tuple(e for e, _ in compiled.keyed)
            + tuple(e for e, _ in compiled.regexes)
            + tuple(e for e, _ in compiled.broken)
        )

    def __len__(self) -> int:
        return len(self.entries)

    def match(
        self,
        text: str,
        *,
        channel_id: str | None = None,
        language: str | None = None,
        folded: Folded | None = None,
        skeleton: Skeleton | None = None,
        key: str | None = None,
    ) -> MatchResult:
        """Returns every entry in force for the channel/language that fires on the text.

        Callers that already normalised the text pass `folded`, and `skeleton` or its `key`
        (of this same text), so the work is not done twice.
        """
        folded = folded or fold(text)
        found: dict[tuple[int, int, int], BlocklistMatch] = {}
        if self._automaton is not None:
            if skeleton is None:
                key = skeleton_key(folded) if key is None else key
                # The offset maps are built only for the rare text the automaton hits.
                if next(self._automaton.iter(key), None) is not None:
                    skeleton = skeletonize(folded)
            if skeleton is not None:
                self._match_keyed(skeleton, channel_id, language, found)
        unevaluated = self._match_regexes(folded, channel_id, language, found)
        ordered = sorted(found.values(), key=lambda m: (m.start, m.end, m.entry.pattern))
        return MatchResult(tuple(ordered), tuple(unevaluated))

    def _match_keyed(
        self,
        sk: Skeleton,
        channel_id: str | None,
        language: str | None,
        found: dict[tuple[int, int, int], BlocklistMatch],
    ) -> None:
        counts = sk.run_counts()
        for end_idx, (length, indices) in self._automaton.iter(sk.skel):
            first = end_idx - length + 1
            for index in indices:
                entry, item = self._compiled.keyed[index]
                if not entry.applies(channel_id, language):
                    continue
                if isinstance(item, _Wildcard):
                    spans = _wildcard_spans(sk, item, first, end_idx + 1)
                else:
                    span = _verify(sk, counts, item, first, end_idx + 1)
                    spans = [span] if span else []
                for s, e in spans:
                    start, end = sk.original_span(s, e)
                    found[(index, start, end)] = BlocklistMatch(
                        entry, start, end, sk.folded.original[start:end]
                    )

    def _match_regexes(
        self,
        folded: Folded,
        channel_id: str | None,
        language: str | None,
        found: dict[tuple[int, int, int], BlocklistMatch],
    ) -> list[tuple[BlocklistEntry, str]]:
        unevaluated = [
            (e, why) for e, why in self._compiled.broken if e.applies(channel_id, language)
        ]
        base = len(self._compiled.keyed)
        for offset, (entry, item) in enumerate(self._compiled.regexes):
            if not entry.applies(channel_id, language):
                continue
            try:
                # RE2: linear in the text, so no time budget; it can still run out of memory.
                hits = [m.span() for m in item.pattern.finditer(folded.text) if m.end() > m.start()]
            except RegexError as exc:
                unevaluated.append((entry, f"RE2 could not run it: {exc}"))
                continue
            for s, e in hits:
                start, end = folded.original_span(s, e)
                found[(base + offset, start, end)] = BlocklistMatch(
                    entry, start, end, folded.original[start:end]
                )
        return unevaluated


def _verify(
    sk: Skeleton, counts: list[int], key: _Key, first: int, stop: int
) -> tuple[int, int] | None:
    """Checks run lengths, hard junctions and word boundaries of an automaton hit."""
    need = key.counts
    length = stop - first
    for k in range(length):
        if counts[first + k] < need[k]:
            return None
        if k and sk.run_start[first + k] in sk.hard and k not in key.breaks:
            return None
    # Widest span: a highlight should cover every repeat of the first and last letters.
    start = sk.boundary_at_or_after(sk.run_start[first], sk.run_end[first] - need[0])
    if start is None:
        return None
    last = stop - 1
    earliest = start + need[0] if length == 1 else sk.run_start[last] + need[-1]
    end = sk.boundary_at_or_before(sk.run_end[last], earliest)
    return None if end is None else (start, end)


def _wildcard_spans(sk: Skeleton, item: _Wildcard, first: int, stop: int) -> list[tuple[int, int]]:
    """Checks the words around an anchor hit against the whole-word regex."""
    spans: list[tuple[int, int]] = []
    for start, end in sk.words_around(sk.run_start[first], sk.run_end[stop - 1]):
        if end - start <= _WILDCARD_WORD_LIMIT and item.word.fullmatch(sk.stream, start, end):
            spans.append((start, end))
    return spans


def compile_blocklist(entries: Iterable[BlocklistEntry]) -> Blocklist:
    """Validates and compiles entries into a matcher."""
    return Blocklist(entries)


def unevaluated_reasons(unevaluated: Sequence[tuple[BlocklistEntry, str]]) -> list[Reason]:
    """Returns one reason per entry that could not be evaluated: the message goes to review.

    Failing closed: a rule that cannot say "no match" must not let the message through as if
    it had, so the message is at least flagged for a person to look at.
    """
    return [
        Reason(
            code="rule_unevaluated",
            message=f"blocklist {entry.kind.value} {entry.pattern!r} could not be evaluated "
            f"({why}); sent to review",
            source=ReasonSource.BLOCKLIST,
            action=Action.FLAG,
        )
        for entry, why in unevaluated
    ]


def blocklist_reasons(matches: Sequence[BlocklistMatch]) -> list[Reason]:
    """Returns one BLOCKLIST reason per entry that fired, with all its spans."""
    grouped: dict[tuple[str, str, Action], list[tuple[int, int]]] = {}
    for m in matches:
        grouped.setdefault((m.entry.pattern, m.entry.kind.value, m.entry.action), []).append(
            (m.start, m.end)
        )
    return [
        Reason(
            code="blocklist",
            message=f"matches blocklist {kind} {pattern!r}",
            source=ReasonSource.BLOCKLIST,
            action=action,
            spans=tuple(sorted(set(spans))),
        )
        for (pattern, kind, action), spans in grouped.items()
    ]
