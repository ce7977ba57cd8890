"""Blocklist matching, validation and regex safety."""

from __future__ import annotations

import pytest

from civility.blocklists import (
    BlocklistEntry,
    EntryKind,
    blocklist_reasons,
    compile_blocklist,
    unevaluated_reasons,
)
from civility.errors import Invalid
from civility.policy.verdict import Action, ReasonSource
from civility.text import check_regex_safety

W, P, X, R = EntryKind.WORD, EntryKind.PHRASE, EntryKind.WILDCARD, EntryKind.REGEX
ENTRIES = [
    BlocklistEntry("idiot", W, Action.BLOCK),
    BlocklistEntry("ass", W, Action.FLAG),
    BlocklistEntry("shit", W, Action.BLOCK),
    BlocklistEntry("you are stupid", P, Action.FLAG),
    BlocklistEntry("f*ck", X, Action.BLOCK),
    BlocklistEntry("moron*", X, Action.FLAG),
    BlocklistEntry(r"\d{3}-\d{4}", R, Action.FLAG),
    BlocklistEntry("spamword", W, Action.BLOCK, channel_id="c1"),
    BlocklistEntry("dummkopf", W, Action.FLAG, language="de"),
]
BL = compile_blocklist(ENTRIES)


@pytest.mark.parametrize(
    ("text", "pattern", "span"),
    [
        ("You are an IDIOT!!!", "idiot", (11, 16)),
        ("1d10t", "idiot", (0, 5)),
        ("iiidiot", "idiot", (0, 7)),
        ("i.d.i.o.t", "idiot", (0, 9)),
        ("i d i o t", "idiot", (0, 9)),
        ("\u0456di\u043et", "idiot", (0, 5)),
        ("i\u200bdiot", "idiot", (0, 6)),
        ("ïdíöt", "idiot", (0, 5)),
        ("ＩＤＩＯＴ", "idiot", (0, 5)),
        ("the idiot.bye", "idiot", (4, 9)),
        ("a$$", "ass", (0, 3)),
        ("what a s s", "ass", (5, 10)),
        ("sh!t", "shit", (0, 4)),
        ("YOU  ARE  STUPID", "you are stupid", (0, 16)),
        ("fuuuck you", "f*ck", (0, 6)),
        ("f.u.c.k", "f*ck", (0, 7)),
        ("morons", "moron*", (0, 6)),
        ("call 555-1234", r"\d{3}-\d{4}", (5, 13)),
    ],
)
def test_evasions_are_caught_with_original_spans(
    text: str, pattern: str, span: tuple[int, int]
) -> None:
    hits = [(m.start, m.end) for m in BL.match(text).matches if m.entry.pattern == pattern]
    assert span in hits


@pytest.mark.parametrize(
    "text",
    ["class", "bass", "as sex", "it's hit", "idiots", "éidiot", "assume", "he said 100 times", ""],
)
def test_innocent_text_does_not_match(text: str) -> None:
    assert BL.match(text).matches == ()


def test_channel_and_language_scoping() -> None:
    assert BL.match("spamword").matches == ()
    assert BL.match("spamword", channel_id="c1").matches
    assert BL.match("dummkopf", language="en").matches == ()
    assert BL.match("dummkopf", language="de").matches
    assert BL.match("dummkopf").matches  # language unknown before the model: entry applies
    assert BL.match("dummkopf", language="und").matches  # the identifier could not tell


def test_reasons_group_spans_per_entry() -> None:
    result = BL.match("idiot and IDIOT and a$$")
    reasons = blocklist_reasons(result.matches)
    by_action = {r.action: r for r in reasons}
    assert by_action[Action.BLOCK].spans == ((0, 5), (10, 15))
    assert by_action[Action.FLAG].spans == ((20, 23),)
    assert all(r.source is ReasonSource.BLOCKLIST for r in reasons)


@pytest.mark.parametrize(
    "data",
    [
        {"pattern": "", "kind": "word"},
        {"pattern": "two words", "kind": "word"},
        {"pattern": "a*", "kind": "wildcard"},
        {"pattern": "f*ck you", "kind": "wildcard"},
        {"pattern": "f*ck", "kind": "word"},
        {"pattern": "...", "kind": "word"},
        {"pattern": "x", "kind": "nope"},
        {"pattern": "x", "action": "hide"},
        {"pattern": "x", "extra": 1},
        {"pattern": "(?=a)b", "kind": "regex"},  # lookahead: not on RE2
        {"pattern": "(", "kind": "regex"},
    ],
)
def test_bad_entries_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(Invalid):
        BlocklistEntry.from_dict(data)


def test_entry_round_trip() -> None:
    entry = BlocklistEntry("idiot", W, Action.FLAG, language="en", channel_id="c", id="e1")
    assert BlocklistEntry.from_dict(entry.to_dict()) == entry


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a)\1",  # back-reference
        "(?=a)b",  # lookahead
        "(?<!a)b",  # lookbehind
        "a*",  # matches the empty string
        "x" * 600,
        "(unclosed",
        "bad\x00nul",
    ],
)
def test_regexes_re2_cannot_run_are_rejected(pattern: str) -> None:
    with pytest.raises(Invalid) as raised:
        check_regex_safety(pattern)
    assert raised.value.code == "invalid_regex"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d{3}-\d{4}",
        "(cat|dog)+s?",
        r"https?://\S+",
        "(ab){2}",
        "idiot",
        r"[a-z]+@x",
        # Catastrophic for a backtracking engine, linear on RE2: accepted and harmless.
        "(a+)+$",
        "(?:a+){10}$",
        "[a]+[a]+[a]+[a]+[a]+[a]+b",
    ],
)
def test_reasonable_and_formerly_dangerous_regexes_are_accepted(pattern: str) -> None:
    check_regex_safety(pattern)


def test_pathological_patterns_never_make_a_block_rule_fail_open() -> None:
    # Issue 24: with these two registered, the block rule timed out and the message was only
    # flagged. On RE2 every rule runs to the end, so the block is found.
    evil = [
        BlocklistEntry("(?:a+){10}$", R, Action.FLAG),
        BlocklistEntry("[a]+" * 6 + "b", R, Action.FLAG),
    ]
    block = BlocklistEntry(r"forbiddenword\d+", R, Action.BLOCK)
    bl = compile_blocklist([*evil, block])
    result = bl.match("forbiddenword1 " + "a" * 9980 + "!")
    assert [m.entry for m in result.matches] == [block]
    assert result.unevaluated == ()


def test_a_stored_regex_re2_cannot_compile_is_reported_not_skipped() -> None:
    legacy = BlocklistEntry(r"(bad)\1", R, Action.BLOCK, channel_id="c1")
    bl = compile_blocklist([legacy, BlocklistEntry("idiot", W, Action.FLAG)])
    result = bl.match("badbad idiot", channel_id="c1")
    assert [e for e, _ in result.unevaluated] == [legacy]
    assert "RE2" in result.unevaluated[0][1]
    reasons = unevaluated_reasons(result.unevaluated)
    assert [(r.code, r.action) for r in reasons] == [("rule_unevaluated", Action.FLAG)]
    # Another channel's messages are not affected by that channel's broken rule.
    assert bl.match("badbad", channel_id="c2").unevaluated == ()
