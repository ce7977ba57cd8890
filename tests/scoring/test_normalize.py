"""Normalisation: obfuscations collapse to the plain word; real Russian is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civility.scoring.normalize import normalize, normalize_batch, to_strings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("You are an i.d.i.o.t", "you are an idiot"),
        ("i d i o t", "idiot"),
        ("i-d-i-o-t", "idiot"),
        ("stuuuuupid", "stuupid"),
        ("y0u 4re a l0s3r", "you are a loser"),
        ("sh!t a$$", "shit ass"),
        ("fu\u200bck", "fuck"),
        ("ｉｄｉｏｔ", "idiot"),
        ("𝐢𝐝𝐢𝐨𝐭", "idiot"),
        ("go 🖕 yourself", "go fuck yourself"),
        ("іdіоt", "idiot"),  # Cyrillic і and о inside a Latin word
        ("xуй", "хуй"),  # Latin x inside a Cyrillic word
        ("Ты ИДИОТ!!!", "ты идиот"),
        ("http://example.com/a?b=c", ""),
        ("@someone hi", "hi"),
        ("", ""),
        ("   \n\t", ""),
        ("İstanbul", "istanbul"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_russian_words_are_not_latinised() -> None:
    assert normalize("Привет, как дела? Это осень") == "привет как дела это осень"


def test_batch_equals_single() -> None:
    texts = ["a b c d", "", "ok!!!", "😀😀", "x y", "Ну и дурак", "\x00inner\x00zero"]
    batch = to_strings(*normalize_batch(texts))
    assert batch == [normalize(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_batch_independent_of_neighbours(texts: list[str]) -> None:
    batch = to_strings(*normalize_batch(texts))
    assert batch == [normalize(t) for t in texts]
    for out in batch:
        assert out == out.strip()
        assert "  " not in out
