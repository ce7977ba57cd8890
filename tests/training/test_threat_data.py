"""Templated threat data: determinism, coverage per language, labels, and the dev split."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from civility.training.threat_data import (
    HELD_OUT_SLOTS,
    LANGS,
    NEGATIVE_KINDS,
    THREAT_KINDS,
    ThreatRow,
    held_out_keys,
    threat_rows,
)


@pytest.fixture(scope="module")
def rows() -> list[ThreatRow]:
    return threat_rows(seed=0)


def _fold(text: str) -> str:
    text = text.replace("ı", "i").lower()
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_deterministic_for_a_seed(rows: list[ThreatRow]) -> None:
    assert threat_rows(seed=0) == rows
    assert threat_rows(seed=1) != rows


def test_labels_and_kinds_are_valid(rows: list[ThreatRow]) -> None:
    for row in rows:
        assert row.lang in LANGS
        assert row.split in ("train", "dev")
        assert row.text.strip()
        assert "{" not in row.text
        if row.label == 1:
            assert row.kind in THREAT_KINDS
        else:
            assert row.label == 0
            assert row.kind in NEGATIVE_KINDS
        assert row.template.startswith(f"{row.lang}.{row.kind}.")


def test_every_language_has_every_kind_in_both_splits(rows: list[ThreatRow]) -> None:
    seen = {(r.lang, r.kind, r.split) for r in rows}
    for lang in LANGS:
        for kind in (*THREAT_KINDS, *NEGATIVE_KINDS):
            assert (lang, kind, "train") in seen, (lang, kind)
            assert (lang, kind, "dev") in seen, (lang, kind)


def test_sizes_are_balanced(rows: list[ThreatRow]) -> None:
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for row in rows:
        counts[row.lang, row.label] += 1
    for lang in LANGS:
        pos, neg = counts[lang, 1], counts[lang, 0]
        assert 1200 <= pos <= 1600, (lang, pos)
        assert 1000 <= neg <= 1600, (lang, neg)
        assert 0.7 <= neg / pos <= 1.3, (lang, pos, neg)


def test_no_text_has_two_labels_or_two_rows(rows: list[ThreatRow]) -> None:
    texts = [r.text for r in rows]
    assert len(texts) == len(set(texts))


def test_dev_templates_are_never_train_templates(rows: list[ThreatRow]) -> None:
    train = {r.template for r in rows if r.split == "train"}
    dev = {r.template for r in rows if r.split == "dev"}
    assert train.isdisjoint(dev)
    for lang in LANGS:
        n_dev = sum(1 for t in dev if t.startswith(f"{lang}."))
        n_all = sum(1 for t in train | dev if t.startswith(f"{lang}."))
        assert 0.15 <= n_dev / n_all <= 0.35, (lang, n_dev, n_all)


@pytest.mark.parametrize("lang", LANGS)
def test_dev_positives_hold_violent_phrases_unseen_in_train(
    rows: list[ThreatRow], lang: str
) -> None:
    train_pos = [_fold(r.text) for r in rows if r.lang == lang and r.label and r.split == "train"]
    dev_pos = [_fold(r.text) for r in rows if r.lang == lang and r.label and r.split == "dev"]
    unseen = 0
    for slot in HELD_OUT_SLOTS:
        keys = held_out_keys(lang, slot)
        assert keys["dev"], (lang, slot)
        for key in map(_fold, keys["dev"]):
            in_dev = any(key in t for t in dev_pos)
            in_train = any(key in t for t in train_pos)
            unseen += in_dev and not in_train
            if slot == "act":
                # Every held-out violent act is absent from train threats.
                assert in_dev, (lang, key)
                assert not in_train, (lang, key)
    assert unseen >= 3, lang
