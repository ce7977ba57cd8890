"""Extra threat head: serving takes the max, languages ignore it, artifacts keep it; builder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from civility.scoring.features import featurize
from civility.scoring.linear_model import (
    Calibration,
    LinearModel,
    load_artifact,
    predict_proba,
    save_artifact,
)
from civility.scoring.normalize import normalize_batch
from civility.training import threat_head

BITS = 14
SIZE = (1 << BITS) + 1
LANGS = ("en", "ru")
THREAT = 3
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _buckets(text: str, words_only: bool = False) -> np.ndarray:
    cps, lens = normalize_batch([text])
    f = featurize(cps, lens, BITS)
    if words_only:
        return np.unique(f.word_buckets)
    return np.unique(np.concatenate([f.char_buckets.reshape(-1), f.word_buckets]))


def _model(extra: bool) -> LinearModel:
    """Language head: Cyrillic -> ru; the extra column fires on "убью" only."""
    cols = 6 + len(LANGS) + (1 if extra else 0)
    w = np.zeros((SIZE, cols), dtype=np.float32)
    w[_buckets(CYRILLIC), 6 + 1] = 1.0
    if extra:
        w[_buckets("убью", words_only=True), -1] = 20.0
    w[-1] = 0.0
    bias = np.zeros(cols, dtype=np.float32)
    bias[-1] = -4.0 if extra else 0.0
    return LinearModel(w, bias, BITS, LANGS, 384, extra_heads=("threat",) if extra else ())


def _calib(extra: bool) -> Calibration:
    base = Calibration(np.ones(6), np.full(6, -3.0), np.zeros((6, len(LANGS))))
    return base.extended([1.0], [0.0]) if extra else base


def test_extra_head_raises_its_category_and_nothing_else() -> None:
    texts = ["я тебя убью", "хорошего дня", "hello there"]
    plain, plain_lang, _ = predict_proba(_model(False), _calib(False), texts)
    raised, lang, _ = predict_proba(_model(True), _calib(True), texts)
    assert raised[0, THREAT] > 0.5 > plain[0, THREAT]
    np.testing.assert_allclose(raised[1:], plain[1:])  # the extra head is below the shared one
    np.testing.assert_allclose(np.delete(raised, THREAT, axis=1), np.delete(plain, THREAT, axis=1))
    assert raised.shape == (3, 6)
    assert list(lang) == list(plain_lang)  # the extra column is no language
    assert lang[0] == LANGS.index("ru")


def test_sentences_get_the_margin_on_the_extra_head_too() -> None:
    friendly = "Thanks for the recipe, it was lovely. " * 12
    texts = [friendly + "я тебя убью"]
    model = _model(True)
    served, _, _ = predict_proba(model, _calib(True), texts)
    alone, _, _ = predict_proba(model, _calib(True), ["я тебя убью"])
    assert 0.0 < served[0, THREAT] <= alone[0, THREAT]


def test_artifact_round_trip_keeps_extra_heads(tmp_path: Path) -> None:
    model = _model(True)
    save_artifact(tmp_path, "0.0.1", model, _calib(True), {})
    loaded, calib, manifest = load_artifact(tmp_path)
    assert manifest["extra_heads"] == ["threat"]
    assert loaded.extra_heads == ("threat",)
    assert calib.slope.shape == (7,)
    texts = ["я тебя убью", "hi"]
    a = predict_proba(loaded, calib, texts)[0]
    b = predict_proba(model, _calib(True), texts)[0]
    np.testing.assert_allclose(a, b, atol=1e-3)


def test_an_unknown_extra_head_is_refused(tmp_path: Path) -> None:
    save_artifact(tmp_path, "0.0.1", _model(True), _calib(True), {})
    manifest = tmp_path / "fast-manifest.json"
    manifest.write_text(manifest.read_text().replace('"threat"\n', '"sarcasm"\n'))
    with pytest.raises(ValueError, match="extra heads"):
        load_artifact(tmp_path)


def test_with_extra_head_replaces_an_earlier_one() -> None:
    col = np.ones(SIZE, dtype=np.float32)
    once = threat_head.with_extra_head(_model(False), col, 0.5)
    twice = threat_head.with_extra_head(once, col * 2, 1.5)
    assert twice.weights.shape == (SIZE, 6 + len(LANGS) + 1)
    assert twice.bias[-1] == pytest.approx(1.5)
    assert twice.extra_heads == ("threat",)


def test_pool_rows_imply_negatives_and_drop_unknowns() -> None:
    df = pd.DataFrame(
        {
            "text": ["a", "b", "c", "d"],
            "lang": ["en", "ru", "ru", "it"],
            "source": ["s", "s", "s", "stormfront"],
            "split": ["train", "train", "train", "train"],
            "toxicity": [1.0, 0.0, 1.0, 0.0],
            "threat": [1.0, np.nan, np.nan, np.nan],
        }
    )
    for other in ("severe_toxicity", "obscene", "insult", "identity_attack"):
        df[other] = np.nan
    rows = threat_head.pool_rows(df, ["stormfront"])
    # "c" is toxic with no threat label: unknown, so left out; "d" is an excluded source.
    assert list(rows["text"]) == ["a", "b"]
    assert list(rows["threat"]) == [1.0, 0.0]


def test_template_rows_weigh_non_threats() -> None:
    rows = threat_head.template_rows("train", 2.0, benign_weight=3.0)
    assert set(rows.loc[rows["threat"] == 1, "weight"]) == {2.0}
    assert set(rows.loc[rows["threat"] == 0, "weight"]) == {6.0}
    assert set(rows["lang"]) == {"en", "es", "ru", "it", "tr", "de", "pt", "fr"}


def test_a_text_the_gate_closes_gets_no_lift_from_the_extra_head() -> None:
    texts = ["я тебя убью", "я тебя убью"]
    gate = np.array([True, False])
    plain, _, _ = predict_proba(_model(False), _calib(False), texts)
    gated, _, _ = predict_proba(_model(True), _calib(True), texts, gate)
    assert gated[0, THREAT] > 0.5
    np.testing.assert_allclose(gated[1], plain[1])


def test_the_shipped_scorer_gates_the_extra_head_by_language() -> None:
    from civility.scoring.model import load_fast_scorer

    scorer = load_fast_scorer()
    gate = scorer.extra_applies(["en", "ru", "und", "fr", "nl"])
    assert gate is not None
    assert list(gate) == [True, True, True, False, False]


def test_score_and_analyze_agree_whichever_texts_the_gate_touches() -> None:
    from civility.scoring.model import load_fast_scorer

    scorer = load_fast_scorer()
    texts = [
        "je vais te tuer ce soir",
        "я тебя убью",
        "ti ammazzo stanotte",
        "the concert was killer",
        "hello, nice weather today",
        "kys",
        "vou te matar",
        "ich bringe dich um",
    ]
    scored = scorer.score(texts)
    analysed = scorer.analyze(texts, explain=False)
    for s, a in zip(scored, analysed, strict=True):
        assert s == pytest.approx(a.scores)


def test_an_extra_head_below_the_floor_leaves_the_shared_score() -> None:
    from civility.scoring.linear_model import EXTRA_FLOOR, combine

    model = _model(True)
    heads = np.zeros((2, 7))
    heads[:, THREAT] = 0.01
    heads[:, 6] = [EXTRA_FLOOR / 2, 0.6]
    out = combine(model, heads)
    assert list(out[:, THREAT]) == [0.01, 0.6]
