"""Property tests: normalisation never crashes, and evasions of a listed word are still caught."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from civility.blocklists import BlocklistEntry, EntryKind, compile_blocklist
from civility.policy.verdict import Action
from civility.text import fold, normalize
from civility.text.normalizer import skeleton_key, skeletonize

LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "b": "8", "g": "9"}
HOMOGLYPH = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "y": "у"}
ACCENT = "\u0301\u0308\u0300"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SEPARATORS = [".", "-", "_", "*", " ", "  ", ". "]

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


@st.composite
def evaded(draw: st.DrawFn, word: str) -> str:
    """Applies a random mix of every supported evasion to a word."""
    chars: list[str] = []
    separator = draw(st.sampled_from(["", *SEPARATORS]))
    for i, ch in enumerate(word):
        out = ch
        choice = draw(st.sampled_from(["plain", "upper", "leet", "glyph", "accent", "repeat"]))
        if choice == "upper":
            out = ch.upper()
        elif choice == "leet" and ch in LEET:
            # Symbols read as letters only next to letters: not alone between separators,
            # and a trailing `!` is punctuation.
            digits = [c for c in LEET[ch] if c.isdigit()]
            out = draw(st.sampled_from(digits if separator else LEET[ch]))
            if out == "!" and i == len(word) - 1:
                out = "1"
        elif choice == "glyph" and ch in HOMOGLYPH:
            out = HOMOGLYPH[ch]
        elif choice == "accent":
            out = ch + draw(st.sampled_from(ACCENT))
        elif choice == "repeat":
            out = ch * draw(st.integers(2, 5))
        if draw(st.booleans()):
            out += draw(st.sampled_from(ZERO_WIDTH))
        chars.append(out)
    return separator.join(chars)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_normalisation_never_crashes_and_offsets_stay_in_range(text: str) -> None:
    folded = fold(text)
    assert len(folded.text) == len(folded.starts) == len(folded.ends)
    assert all(0 <= s < e <= len(text) for s, e in zip(folded.starts, folded.ends, strict=True))
    sk = normalize(text)
    assert len(sk.stream) == len(sk.src)
    assert sum(sk.run_counts()) == len(sk.stream)
    if sk.stream:
        start, end = sk.original_span(0, len(sk.stream))
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.lists(st.sampled_from(["idiot", "a$$", "f*ck"]), min_size=1))
def test_matching_arbitrary_text_never_crashes(text: str, patterns: list[str]) -> None:
    entries = [
        BlocklistEntry(p, EntryKind.WILDCARD if "*" in p else EntryKind.WORD, Action.BLOCK)
        for p in patterns
    ]
    for m in compile_blocklist(entries).match(text).matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.data(),
    words,
    st.sampled_from(["", "hey ", "you are the ", "ok, "]),
    st.sampled_from(["", " ok", "!!!", "? no", "."]),
)
def test_listed_word_is_caught_under_evasion(
    data: st.DataObject, word: str, prefix: str, suffix: str
) -> None:
    disguised = data.draw(evaded(word))
    # By design digits read as letters only next to letters: an all-digit `888` stays a number.
    assume(any(ch.isalpha() for ch in disguised))
    text = prefix + disguised + suffix
    blocklist = compile_blocklist([BlocklistEntry(word, EntryKind.WORD, Action.BLOCK)])
    spans = [(m.start, m.end) for m in blocklist.match(text).matches]
    # The span covers exactly the disguised word in the ORIGINAL text.
    expected = (len(prefix), len(prefix) + len(disguised.rstrip("".join(ZERO_WIDTH))))
    assert expected in spans, (word, text, spans)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from([*SEPARATORS, *ZERO_WIDTH, "'", "!", "|", "100", "l00ser", "a a a"]),
            words.flatmap(evaded),
        ),
        max_size=8,
    ).map("".join)
)
def test_the_skeleton_key_is_the_skeleton_without_its_offsets(text: str) -> None:
    folded = fold(text)
    assert skeleton_key(folded) == skeletonize(folded).skel
