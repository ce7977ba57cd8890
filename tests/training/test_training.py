"""Training pieces: split stability, train/serve feature identity, calibration, a tiny fit."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from civility.scoring.features import featurize, linear_logits
from civility.scoring.normalize import normalize_batch
from civility.training.data import REPORT_LO, TUNE_LO, text_bucket
from civility.training.linear import Targets, fit
from civility.training.pipeline import design_matrix, fit_calibration

BITS = 14
TEXTS = ["you are an idiot", "have a nice day", "", "ты дурак", "i.d.i.o.t 🖕", "x" * 50]


def test_bucket_is_sha1_mod_100() -> None:
    # sha1("hello") = aaf4c61d...; pinned so the split never drifts between releases.
    assert text_bucket("hello") == int("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", 16) % 100
    assert 0 < TUNE_LO < REPORT_LO < 100


def test_design_matrix_reproduces_serving_logits() -> None:
    rng = np.random.default_rng(1)
    w = rng.standard_normal(((1 << BITS) + 1, 2)).astype(np.float32)
    w[-1] = 0.0
    x = design_matrix(TEXTS, BITS)
    train_side = np.asarray(x @ w)
    cps, lens = normalize_batch(TEXTS)
    serve_side = linear_logits(featurize(cps, lens, BITS), w, np.zeros(2, dtype=np.float32))
    np.testing.assert_allclose(train_side, serve_side, rtol=1e-4, atol=1e-4)


def test_masked_fit_learns_and_ignores_unknown_labels() -> None:
    pos = ["you idiot", "stupid idiot", "idiot moron", "what an idiot"] * 5
    neg = ["nice day", "thank you", "lovely weather", "good morning"] * 5
    texts = pos + neg
    labels = np.full((len(texts), 6), np.nan)
    labels[:, 0] = [1.0] * len(pos) + [0.0] * len(neg)
    # Head 1 only knows two rows; everything else must be masked, not read as 0.
    labels[0, 1], labels[len(pos), 1] = 1.0, 0.0
    t = Targets(labels, np.ones(len(texts)), np.zeros(len(texts), dtype=np.int64), 1)
    w, b = fit(design_matrix(texts, BITS), t, l2=1e-4, max_iter=100, verbose=False)
    z = np.asarray(design_matrix(["idiot", "nice"], BITS) @ w) + b
    assert z[0, 0] > z[1, 0]
    assert z[0, 1] > z[1, 1]


def test_calibration_is_monotone_and_fits_rates() -> None:
    rng = np.random.default_rng(0)
    z = rng.standard_normal((2000, 1)) * 2
    y = (rng.random(2000) < 1 / (1 + np.exp(-(1.5 * z[:, 0] - 0.5)))).astype(float)[:, None]
    cal = fit_calibration(z, y, np.zeros(2000, dtype=np.int64), 1)
    assert cal.slope[0] == pytest.approx(1.5, abs=0.25)
    p = cal.apply(np.sort(z, axis=0).astype(np.float32), np.zeros(2000, dtype=np.int64))
    assert np.all(np.diff(p[:, 0]) >= 0)


# The pool lives beside the checkout (../shared/data/train) or wherever CIVILITY_POOL says.
POOL = Path(
    os.environ.get(
        "CIVILITY_POOL", Path(__file__).resolve().parents[2].parent / "shared" / "data" / "train"
    )
)


@pytest.mark.skipif(
    not (POOL / "toxic_spans.csv.gz").exists(),
    reason="training pool not present (set CIVILITY_POOL or put it at ../shared/data/train)",
)
def test_pool_schema_and_split_sizes() -> None:
    from civility.training.data import load_pool

    df = load_pool(POOL)
    assert set(df["lang"]) >= {"en", "es", "it", "tr", "ru", "de", "pt"}
    share = (df["bucket"] >= TUNE_LO).mean()
    assert 0.08 < share < 0.12
    # Empty labels stay unknown: stormfront never labels toxicity for its noHate rows.
    sf = df[df["source"] == "stormfront"]
    assert sf["toxicity"].isna().any()


def test_source_offsets_absorb_base_rates() -> None:
    # Same texts, two sources with opposite base rates: the offsets, not the words, explain it.
    texts = ["you idiot", "nice day"] * 20
    labels = np.full((len(texts), 6), np.nan)
    labels[:20, 0] = 1.0
    labels[20:, 0] = 0.0
    src = np.array([0] * 20 + [1] * 20, dtype=np.int64)
    t = Targets(labels, np.ones(len(texts)), np.zeros(len(texts), dtype=np.int64), 1, src, 2)
    w, _ = fit(design_matrix(texts, BITS), t, l2=1e-3, max_iter=100, verbose=False)
    z = np.asarray(design_matrix(["you idiot", "nice day"], BITS) @ w)
    assert abs(float(z[0, 0] - z[1, 0])) < 0.5


def test_identity_neutralisation_only_clips_term_features() -> None:
    from civility.training.pipeline import neutralise_identity_terms

    w = np.ones(((1 << BITS) + 1, 11), dtype=np.float32)
    clipped = neutralise_identity_terms(w, BITS, ["muslim"])
    assert clipped["muslim"] > 0
    # The word and its long n-grams can no longer push a category up; short n-grams (shared
    # with unrelated words) and the language columns are untouched.
    cps, lens = normalize_batch(["muslim"])
    f = featurize(cps, lens, BITS)
    assert np.all(w[f.word_buckets[0], :6] == 0.0)
    assert np.all(w[f.char_buckets[:, 4][f.char_buckets[:, 4] != f.null], :6] == 0.0)
    assert np.all(w[f.char_buckets[:, 0], :6] == 1.0)
    assert np.all(w[:, 6:] == 1.0)
    # Most of the table (unrelated n-grams) is untouched.
    assert (w[:, :6] == 1.0).mean() > 0.99


def test_imply_negative_labels_fills_only_what_not_toxic_rules_out() -> None:
    import pandas as pd

    from civility.training.data import LABELS, imply_negative_labels

    nan = float("nan")
    rows = [
        # (source, toxicity, severe_toxicity, obscene, threat, insult, identity_attack)
        ("cad", 0.0, nan, nan, nan, nan, 0.0),
        ("cad", 1.0, nan, nan, nan, nan, 1.0),
        ("jigsaw2018", 0.0, nan, nan, nan, nan, nan),
        ("jigsaw2018", 0.0, 0.0, 1.0, 0.0, 0.0, 0.0),
        ("jigsaw2018", 0.2, nan, nan, nan, nan, nan),
        ("hatemoji_build", nan, nan, nan, nan, nan, 0.0),
        ("hatemoji_build", 1.0, nan, nan, 1.0, nan, 1.0),
        ("hatemoji_build", 1.0, nan, nan, nan, nan, 1.0),
    ]
    df = pd.DataFrame(rows, columns=["source", *LABELS])
    before = df.copy()
    out = imply_negative_labels(df)
    pd.testing.assert_frame_equal(df, before)  # the input is not modified
    sub = ["severe_toxicity", "threat", "insult", "identity_attack"]
    # Not toxic: every unknown sub-category but obscene becomes 0; known labels are kept.
    assert (out.loc[0, sub] == 0.0).all()
    assert np.isnan(out.loc[0, "obscene"])
    assert (out.loc[2, sub] == 0.0).all()
    assert out.loc[3, "obscene"] == 1.0
    # Toxic or only softly non-toxic rows, and unknown toxicity, stay unknown.
    assert out.loc[1, ["severe_toxicity", "threat", "insult"]].isna().all()
    assert out.loc[4, sub].isna().all()
    # A non-hateful HatemojiBuild row is no threat; nothing else about it is implied.
    assert out.loc[5, "threat"] == 0.0
    assert out.loc[5, ["toxicity", "severe_toxicity", "insult"]].isna().all()
    assert out.loc[6, "threat"] == 1.0
    assert np.isnan(out.loc[7, "threat"])
    # Limited to some columns, the others stay unknown.
    only = imply_negative_labels(df, ("threat",))
    assert only.loc[2, "threat"] == 0.0
    assert only.loc[5, "threat"] == 0.0
    assert only.loc[2, ["severe_toxicity", "insult", "identity_attack"]].isna().all()
    with pytest.raises(ValueError, match="imply"):
        imply_negative_labels(df, ("obscene",))


def test_per_head_fit_reaches_the_joint_optimum() -> None:
    # The loss is separable over heads, so fitting them one by one must land where the joint
    # fit lands (both run to convergence on this tiny problem).
    pos = ["you idiot", "stupid idiot", "idiot moron", "what an idiot"] * 5
    neg = ["nice day", "thank you", "lovely weather", "good morning"] * 5
    texts = pos + neg
    labels = np.full((len(texts), 6), np.nan)
    labels[:, 0] = [1.0] * len(pos) + [0.0] * len(neg)
    labels[::3, 2] = [i % 2 for i in range(len(texts[::3]))]
    lang = np.array([0, 1] * (len(texts) // 2), dtype=np.int64)
    t = Targets(labels, np.ones(len(texts)), lang, 2)
    x = design_matrix(texts, BITS)
    wj, bj = fit(x, t, l2=1e-2, max_iter=500, verbose=False)
    wh, bh = fit(x, t, l2=1e-2, max_iter=500, verbose=False, per_head=True)
    assert wh.shape == wj.shape
    assert bh.shape == bj.shape
    np.testing.assert_allclose(np.asarray(x @ wh) + bh, np.asarray(x @ wj) + bj, atol=2e-2)


def test_head_l2_regularises_only_its_head() -> None:
    texts = ["you idiot", "stupid idiot", "nice day", "thank you"] * 5
    labels = np.full((len(texts), 6), np.nan)
    labels[:, 0] = labels[:, 4] = [1.0, 1.0, 0.0, 0.0] * 5
    t = Targets(labels, np.ones(len(texts)), np.zeros(len(texts), dtype=np.int64), 1)
    x = design_matrix(texts, BITS)
    w, _ = fit(x, t, l2=1e-3, max_iter=300, verbose=False, per_head=True)
    ws, _ = fit(x, t, l2=1e-3, max_iter=300, verbose=False, per_head=True, head_l2={4: 1.0})
    np.testing.assert_allclose(ws[:, 0], w[:, 0], atol=1e-4)
    assert np.abs(ws[:, 4]).sum() < 0.2 * np.abs(w[:, 4]).sum()
    with pytest.raises(ValueError, match="per_head"):
        fit(x, t, l2=1e-3, max_iter=1, verbose=False, head_l2={4: 1.0})


def test_training_rows_chunks_match_serving_windows() -> None:
    import pandas as pd

    from civility.scoring.linear_model import chunk
    from civility.training.pipeline import SERVE_WINDOW, training_rows

    long = " ".join(["word"] * 400)
    tr = pd.DataFrame({"text": ["short", long], "toxicity": [0.0, 1.0]})
    rows, texts, share = training_rows(tr, "chunks")
    n = len(chunk(long, SERVE_WINDOW))
    assert n > 1
    assert texts == ["short", *chunk(long, SERVE_WINDOW)]
    assert rows["toxicity"].tolist() == [0.0] + [1.0] * n
    # Each text keeps a total weight of 1 however many windows it has.
    np.testing.assert_allclose([share[0], share[1:].sum()], [1.0, 1.0])
    _, first, _ = training_rows(tr, "window")
    assert first == ["short", long[:SERVE_WINDOW]]
