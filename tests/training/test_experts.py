"""Language experts: train/serve identity, routing by the language head, artifact round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from civility.scoring.experts import LanguageExperts, block_entries, distinct_entries
from civility.scoring.features import featurize
from civility.scoring.linear_model import (
    TOXICITY,
    Calibration,
    LinearModel,
    load_artifact,
    predict_proba,
    save_artifact,
)
from civility.scoring.normalize import normalize_batch
from civility.training.experts import (
    design,
    fit_expert,
    fit_experts,
    inverse_document_frequency,
    nb_ratio,
    text_entries,
)

BITS = 14
SIZE = (1 << BITS) + 1
LANGS = ("en", "ru")
TEXTS = ["ты дурак дурак", "хорошего дня", "", "идиот 🖕", "a" * 40, "привет, как дела?"]


def _features(texts: list[str]) -> object:
    cps, lens = normalize_batch(texts)
    return featurize(cps, lens, BITS)


def test_entries_count_each_distinct_bucket_once_with_sublinear_tf() -> None:
    char, word = block_entries(_features(["aa aa"]), np.ones(1, dtype=bool))  # type: ignore[arg-type]
    # Words: "aa" twice and the bigram "aa aa" once.
    assert sorted(word.tf.round(6).tolist()) == sorted([round(1 + np.log(2), 6), 1.0])
    assert len(set(char.bucket.tolist())) == char.bucket.size


def test_design_reproduces_serving_logits() -> None:
    rng = np.random.default_rng(3)
    entries = text_entries(TEXTS, BITS)
    idf = inverse_document_frequency(entries, SIZE, min_df=1)
    coef = rng.standard_normal(SIZE)
    train_side = design(entries, idf, SIZE) @ coef + 0.25
    table = np.zeros((SIZE, 2), dtype=np.float32)
    table[:, 0] = coef * idf
    table[:, 1] = idf
    table[-1] = 0.0
    experts = LanguageExperts(("ru",), table, np.array([0.25], dtype=np.float32), 1)
    serve_side = experts.logits(
        _features(TEXTS),  # type: ignore[arg-type]
        np.zeros(len(TEXTS), dtype=np.int64),
    )
    np.testing.assert_allclose(train_side, serve_side, rtol=1e-4, atol=1e-4)


def test_min_df_drops_rare_buckets_from_vote_and_norm() -> None:
    entries = text_entries(["дурак один", "дурак два"], BITS)
    idf = inverse_document_frequency(entries, SIZE, min_df=2)
    shared = set(text_entries(["дурак"], BITS).word.bucket.tolist())
    assert all(idf[b] > 0 for b in shared)
    only_once = set(text_entries(["один"], BITS).word.bucket.tolist())
    assert all(idf[b] == 0 for b in only_once - shared)


def test_fit_expert_separates_and_calibrates_out_of_fold() -> None:
    pos = [f"ты тупой идиот {i}" for i in range(30)]
    neg = [f"хорошая погода сегодня {i}" for i in range(30)]
    y = np.array([1] * 30 + [0] * 30, dtype=np.int64)
    f = fit_expert(text_entries(pos + neg, BITS), y, SIZE, min_df=2)
    assert f.cv_auc > 0.95
    assert f.platt[0] > 0  # out-of-fold decisions are ordered the right way round
    assert f.n == 60
    assert f.positives == 30


def test_nb_ratio_signs_follow_the_classes() -> None:
    x = sp.csr_matrix(np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]))
    r = nb_ratio(x, np.array([1, 1, 0]))
    assert r[0] > 0 > r[1]
    assert r[2] == pytest.approx(np.log((3 / 7) / (2 / 5)))


def test_nb_twin_still_separates_and_calibrates() -> None:
    pos = [f"ты тупой идиот {i}" for i in range(30)]
    neg = [f"хорошая погода сегодня {i}" for i in range(30)]
    y = np.array([1] * 30 + [0] * 30, dtype=np.int64)
    f = fit_expert(text_entries(pos + neg, BITS), y, SIZE, min_df=2, nb=True)
    assert f.cv_auc > 0.95
    assert f.platt[0] > 0


def _toy_model(experts: LanguageExperts | None) -> LinearModel:
    """A shared model whose language head says "ru" exactly for Cyrillic texts."""
    w = np.zeros((SIZE, 6 + len(LANGS)), dtype=np.float32)
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    cps, lens = normalize_batch([letters])
    unigrams = featurize(cps, lens, BITS).char_buckets[:, 0]
    w[unigrams[np.isin(cps, [ord(c) for c in letters])], 6 + 1] = 5.0
    w[:, 0] = 0.1
    w[-1] = 0.0
    bias = np.zeros(6 + len(LANGS), dtype=np.float32)
    return LinearModel(w, bias, BITS, LANGS, 384, experts)


def _calib() -> Calibration:
    return Calibration(np.full(6, 2.0), np.full(6, -1.0), np.zeros((6, len(LANGS))))


def test_only_texts_of_an_expert_language_are_rerouted() -> None:
    train = pd.DataFrame(
        {
            "text": [f"ты тупой идиот {i}" for i in range(20)]
            + [f"хорошая погода {i}" for i in range(20)],
            "lang": ["ru"] * 40,
            "toxicity": [1.0] * 20 + [0.0] * 20,
        }
    )
    experts, info = fit_experts(train, _calib(), LANGS, BITS, 2000, langs=("ru",))
    assert info["ru"]["n"] == 40
    plain, routed = _toy_model(None), _toy_model(experts)
    texts = ["you are nice", "ты тупой идиот", "хорошая погода", "😀"]
    a, b = plain.raw_logits(texts), routed.raw_logits(texts)
    np.testing.assert_array_equal(a[[0, 3]], b[[0, 3]])  # English and empty: untouched
    np.testing.assert_array_equal(a[:, 1:], b[:, 1:])  # only the toxicity column moves
    assert b[1, TOXICITY] > b[2, TOXICITY]
    # The folded bias puts the expert's Platt-calibrated logit through the shared calibration.
    probs, _, _ = predict_proba(routed, _calib(), ["ты тупой идиот", "хорошая погода"])
    assert probs[0, TOXICITY] > 0.5 > probs[1, TOXICITY]


def test_artifact_round_trip_keeps_experts(tmp_path: Path) -> None:
    table = np.zeros((SIZE, 2), dtype=np.float32)
    rows = text_entries(["дурак"], BITS).char.bucket
    table[rows, 0] = 1.5
    table[rows, 1] = 2.0
    model = _toy_model(LanguageExperts(("ru",), table, np.array([-0.5], dtype=np.float32), 2))
    save_artifact(tmp_path, "0.0.1", model, _calib(), {})
    loaded, _, manifest = load_artifact(tmp_path)
    assert manifest["experts"] == {"languages": ["ru"], "min_df": 2}
    assert loaded.experts is not None
    np.testing.assert_array_equal(loaded.experts.table, table)
    texts = ["ты дурак", "hello"]
    np.testing.assert_allclose(loaded.raw_logits(texts), model.raw_logits(texts), atol=1e-3)


@pytest.mark.parametrize("n", [0, 1])
def test_no_expert_rows_is_a_no_op(n: int) -> None:
    experts = LanguageExperts(
        ("ru",), np.zeros((SIZE, 2), dtype=np.float32), np.zeros(1, dtype=np.float32), 2
    )
    out = experts.logits(
        _features(["hello"] * n),  # type: ignore[arg-type]
        np.full(n, -1, dtype=np.int64),
    )
    assert out.shape == (0,)


def test_batch_without_any_word_is_scored() -> None:
    # "..." normalises to padding only: char n-grams of spaces, no word at all.
    experts = LanguageExperts(
        ("ru",), np.ones((SIZE, 2), dtype=np.float32), np.array([-0.75], dtype=np.float32), 2
    )
    out = experts.logits(_features(["..."]), np.zeros(1, dtype=np.int64))  # type: ignore[arg-type]
    char, word = block_entries(_features(["..."]), np.ones(1, dtype=bool))  # type: ignore[arg-type]
    assert word.text.size == 0
    expected = -0.75 + char.tf.sum() / np.sqrt((char.tf**2).sum())
    np.testing.assert_allclose(out, [expected], rtol=1e-5)


@pytest.mark.parametrize("n_texts", [3, 300_000])  # 300k << 14 bits needs int64 keys
def test_distinct_matches_a_plain_unique(n_texts: int) -> None:
    rng = np.random.default_rng(n_texts)
    null = 1 << BITS
    text = np.sort(rng.integers(0, n_texts, 20_000))
    bucket = rng.integers(0, 40, 20_000)
    bucket[::7] = null
    got = distinct_entries(text, bucket, null)
    keep = bucket != null
    pairs, counts = np.unique(np.stack([text[keep], bucket[keep]]), axis=1, return_counts=True)
    np.testing.assert_array_equal(got.text, pairs[0])
    np.testing.assert_array_equal(got.bucket, pairs[1])
    np.testing.assert_allclose(got.tf, 1.0 + np.log(counts))
