"""End-to-end training of the fast tier: features, fit, calibration, metrics, artifact."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.optimize
import scipy.sparse as sp

from civility.scoring.evaluate import span_metrics
from civility.scoring.experts import LanguageExperts
from civility.scoring.features import CHAR_ORDERS, featurize
from civility.scoring.linear_model import (
    ARTIFACT_DIR,
    Calibration,
    LinearModel,
    chunk,
    chunked_logits,
    load_artifact,
    predict_proba,
    save_artifact,
)
from civility.scoring.metrics import (
    average_precision,
    best_f1_threshold,
    bootstrap_ci,
    ece,
    f1_at,
    roc_auc,
)
from civility.scoring.model import FastScorer
from civility.scoring.normalize import normalize_batch
from civility.training.data import (
    IMPLIED_BY_NOT_TOXIC,
    LABELS,
    LANGS,
    identity_counterfactuals,
    identity_swaps,
    imply_negative_labels,
    label_matrix,
    lang_index,
    load_pool,
)
from civility.training.experts import fit_experts
from civility.training.linear import Targets, fit

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

VERSION: Final[str] = "1.9.0"
SEED: Final[int] = 20260101
BITS: Final[int] = 20
TRAIN_CHARS: Final[int] = 2000
# Serving window: a short insult inside a long benign text must still dominate one window.
# 1.1.0's better-fitted weights give benign filler enough negative weight that at 512 chars an
# insult amid ~490 chars of filler fell below threshold (tests/scoring/test_model.py); of 256,
# 384 and 512 tried, 384 is the largest that keeps it flagged (-0.0007 tune toxicity AUC).
SERVE_WINDOW: Final[int] = 384
# Identity terms (and plurals) that occur in the pool's identity-attack rows; see the model card.
IDENTITY_TERMS: Final[tuple[str, ...]] = (
    "black", "white", "gay", "lesbian", "trans", "transgender", "muslim", "jewish", "jew",
    "christian", "asian", "mexican", "african", "latino", "latina", "immigrant", "disabled",
    "female", "male", "queer", "indian", "arab", "bisexual", "woman", "women", "homosexual",
    "islamic", "chinese", "hispanic", "refugee", "catholic", "hindu", "buddhist", "lgbt",
    "feminist", "deaf", "blind", "old", "young", "american", "european", "christian",
)  # fmt: skip
# Shortest char n-gram inside an identity term whose positive weights get clipped (one more
# for terms longer than this). 3 also clears "My friend is indian" for the insult head but
# costs 0.003 toxicity / 0.009 identity-attack AUC on the tune split; 4 is the compromise.
MIN_TERM_NGRAM: Final[int] = 4
LONG_TERM_EXTRA: Final[int] = 1
# Operating thresholds: the highest one within this much of the best tune-split F1.
F1_TOLERANCE: Final[float] = 0.005
# Function words an identity mention is routinely built with ("I am gay", "black people").
CONTEXT_WORDS: Final[tuple[str, ...]] = (
    "a", "an", "am", "are", "is", "be", "being", "was", "were", "i", "im", "we", "you", "they",
    "he", "she", "my", "our", "your", "their", "as", "and", "or", "of", "not", "proud", "also",
    "people", "person", "man", "men", "woman", "women", "guy", "girl", "boy", "friend",
    "friends", "family", "community", "folks", "kid", "kids", "student", "parent", "couple",
)  # fmt: skip
L2: Final[float] = 3e-6
# Upweights the three small languages so the shared weights do not ignore them.
# Languages with few rows are up-weighted so the shared heads do not ignore them (1.3.0: the
# second release brought es, tr, de and pt to 9k-33k rows each; Italian still has ~1.2k).
LANG_WEIGHT: Final[dict[str, float]] = {"it": 3.0, "de": 1.5, "es": 1.5}
BATCH: Final[int] = 4096


def design_matrix(texts: Sequence[str], bits: int) -> sp.csr_matrix:
    """Sparse design matrix whose rows reproduce the serving logit exactly (see features.py)."""
    blocks: list[sp.csr_matrix] = []
    d = (1 << bits) + 1
    for i in range(0, len(texts), BATCH):
        cps, lens = normalize_batch(texts[i : i + BATCH])
        f = featurize(cps, lens, bits)
        n = lens.shape[0]
        c_rows = np.repeat(np.arange(n), f.char_pos_counts * CHAR_ORDERS)
        c_cols = f.char_buckets.reshape(-1)
        c_vals = 1.0 / np.sqrt(np.maximum(f.char_counts, 1))[c_rows]
        w_rows = np.repeat(np.arange(n), f.word_counts)
        w_vals = 1.0 / np.sqrt(np.maximum(f.word_counts, 1))[w_rows]
        rows = np.concatenate([c_rows, w_rows])
        cols = np.concatenate([c_cols, f.word_buckets])
        vals = np.concatenate([c_vals, w_vals]).astype(np.float32)
        keep = cols != f.null
        m = sp.csr_matrix((vals[keep], (rows[keep], cols[keep])), shape=(n, d), dtype=np.float32)
        m.sum_duplicates()
        blocks.append(m)
    out = sp.vstack(blocks, format="csr")
    assert isinstance(out, sp.csr_matrix)
    return out


def cached_design_matrix(texts: Sequence[str], bits: int, cache_dir: Path | None) -> sp.csr_matrix:
    """design_matrix, reused from ``cache_dir`` when built before from the very same texts."""
    if cache_dir is None:
        return design_matrix(texts, bits)
    h = hashlib.sha1(f"{bits}\0".encode(), usedforsecurity=False)
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\0")
    path = cache_dir / f"x-{h.hexdigest()[:16]}.npz"
    if path.exists():
        x = sp.load_npz(path)
        assert isinstance(x, sp.csr_matrix)
        return x
    x = design_matrix(texts, bits)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Write then rename: a killed run must not leave a truncated cache behind.
    tmp = path.with_suffix(".tmp.npz")
    sp.save_npz(tmp, x, compressed=False)
    tmp.rename(path)
    return x


@dataclass(frozen=True, slots=True)
class Options:
    """Experimental switches: all off for 1.0.0 (idf + source offsets lost tune AUC)."""

    idf: bool = False
    source_offsets: bool = False
    # Training-only label implication for these columns (see data.imply_negative_labels).
    imply_negatives: tuple[str, ...] = ()
    # One L-BFGS per head (see linear.fit); max_iter then counts per head.
    per_head: bool = False
    # Per-category L2 overriding the global one (needs per_head).
    head_l2: tuple[tuple[str, float], ...] = ()
    # What one training row is: "text" (its first TRAIN_CHARS), "window" (its first serving
    # window) or "chunks" (each serving window of its first TRAIN_CHARS; see training_rows).
    rows: str = "text"
    # Per-language toxicity experts (training/experts.py); off reproduces 1.1.0's behaviour.
    experts: bool = True
    # Identity fairness (1.3.0): counterfactual rows (data.identity_counterfactuals) and term
    # swaps (data.identity_swaps) as shares of the train rows, instead of clipping identity
    # n-gram weights after fitting (``neutralise``, 1.0.0-1.2.0), which cost identity-attack
    # recall on independent hate-speech sets.
    counterfactuals: float = 0.04
    swaps: float = 0.08
    neutralise: bool = False


ROW_MODES: Final[tuple[str, ...]] = ("text", "window", "chunks")


def training_rows(tr: pd.DataFrame, mode: str) -> tuple[pd.DataFrame, list[str], F64]:
    """Rows to fit on, their texts and a weight factor per row.

    Serving scores a long text as the max over SERVE_WINDOW chunks, so "chunks" trains on
    those chunks: each inherits its text's labels and a 1/n share of its weight.
    """
    if mode == "text":
        return tr, [t[:TRAIN_CHARS] for t in tr["text"]], np.ones(len(tr))
    if mode == "window":
        return tr, [t[:SERVE_WINDOW] for t in tr["text"]], np.ones(len(tr))
    if mode != "chunks":
        raise ValueError(f"unknown row mode {mode!r}")
    parts = [chunk(t[:TRAIN_CHARS], SERVE_WINDOW) for t in tr["text"]]
    idx = np.repeat(np.arange(len(tr)), [len(p) for p in parts])
    share = np.concatenate([np.full(len(p), 1.0 / len(p)) for p in parts])
    return tr.iloc[idx].reset_index(drop=True), [c for p in parts for c in p], share


def _idf(x: sp.csr_matrix) -> F64:
    """Smoothed inverse document frequency per column (as scikit-learn's TfidfTransformer)."""
    df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
    out: F64 = np.log((1.0 + x.shape[0]) / (1.0 + df)) + 1.0
    return out


def _source_ids(df: pd.DataFrame) -> tuple[I64, int]:
    """Source index per row for the training-only offsets; single-class sources get none (-1)."""
    mixed = [s for s, g in df.groupby("source", sort=True) if g["toxicity"].nunique() > 1]
    lookup = {s: i for i, s in enumerate(mixed)}
    ids = np.fromiter((lookup.get(s, -1) for s in df["source"]), dtype=np.int64, count=len(df))
    return ids, len(mixed)


def platt(z: F64, y: F64, a0: float = 1.0, b0: float = 0.0) -> tuple[float, float]:
    """Fits sigmoid(a*z + b) to soft labels by log loss."""

    def loss(p: F64) -> tuple[float, F64]:
        s = p[0] * z + p[1]
        q = 1.0 / (1.0 + np.exp(-s))
        val = float(np.sum(np.logaddexp(0.0, s) - y * s))
        g = q - y
        return val, np.array([np.sum(g * z), np.sum(g)])

    res = scipy.optimize.minimize(loss, np.array([a0, b0]), jac=True, method="L-BFGS-B")
    return float(res.x[0]), float(res.x[1])


def _lang_offset(z: F64, y: F64, a: float, b: float, prior: float = 4.0) -> float:
    """Per-language intercept shift, shrunk toward 0 (few rows in es/it/tr)."""

    def loss(p: F64) -> tuple[float, F64]:
        s = a * z + b + p[0]
        q = 1.0 / (1.0 + np.exp(-s))
        val = float(np.sum(np.logaddexp(0.0, s) - y * s) + 0.5 * prior * p[0] ** 2)
        return val, np.array([np.sum(q - y) + prior * p[0]])

    res = scipy.optimize.minimize(loss, np.zeros(1), jac=True, method="L-BFGS-B")
    return float(res.x[0])


def fit_calibration(raw: F64, labels: F64, lang: I64, n_langs: int) -> Calibration:
    """Platt per head plus a shrunk per-language intercept, fitted on the tune split only."""
    k = raw.shape[1]
    slope = np.ones(k)
    inter = np.zeros(k)
    offs = np.zeros((k, n_langs))
    for h in range(k):
        m = ~np.isnan(labels[:, h])
        if m.sum() < 20:
            continue
        slope[h], inter[h] = platt(raw[m, h], labels[m, h])
        for li in range(n_langs):
            ml = m & (lang == li)
            if ml.sum() >= 20:
                offs[h, li] = _lang_offset(raw[ml, h], labels[ml, h], slope[h], inter[h])
    return Calibration(slope, inter, offs)


def _metric_block(y: F64, p: F64, thr: float, with_ci: bool) -> dict[str, Any]:
    m = ~np.isnan(y)
    yv, pv = y[m], p[m]
    out: dict[str, Any] = {
        "n": int(m.sum()),
        "positives": int(np.sum(yv >= 0.5)),
        "roc_auc": roc_auc(yv, pv),
        "pr_auc": average_precision(yv, pv),
        "f1": f1_at(yv, pv, thr),
        "ece": ece(yv, pv),
    }
    if with_ci and out["positives"] > 0 and out["positives"] < out["n"]:
        out["roc_auc_ci95"] = list(bootstrap_ci(yv, pv))
    return out


def evaluate_frame(
    df: pd.DataFrame, probs: F64, thresholds: Sequence[float], with_ci: bool = True
) -> dict[str, Any]:
    """Per category x (all, per language, per source) metrics of calibrated probabilities."""
    labels = label_matrix(df)
    out: dict[str, Any] = {}
    for h, cat in enumerate(LABELS):
        if np.all(np.isnan(labels[:, h])):
            continue
        block: dict[str, Any] = {
            "all": _metric_block(labels[:, h], probs[:, h], thresholds[h], with_ci)
        }
        for key in ("lang", "source"):
            for val in sorted(df[key].unique()):
                sel = (df[key] == val).to_numpy()
                if np.any(~np.isnan(labels[sel, h])):
                    block[f"{key}={val}"] = _metric_block(
                        labels[sel, h], probs[sel, h], thresholds[h], with_ci
                    )
        out[cat] = block
    return out


def _served(
    model: LinearModel, calib: Calibration, frame: pd.DataFrame, raw: F64, lang: I64
) -> F64:
    """Served probabilities of a frame's texts: extra heads need the whole serving path."""
    if model.extra_heads:
        return predict_proba(model, calib, list(frame["text"]))[0]
    return calib.apply(raw.astype(np.float32), lang)


def _raw_max(model: LinearModel, texts: Sequence[str]) -> tuple[F64, I64]:
    """Per-text max raw category logit over chunks and the model's language id."""
    logits, owner = chunked_logits(model, texts)
    n = len(texts)
    raw = np.full((n, model.n_cat), -np.inf)
    np.maximum.at(raw, owner, logits[:, : model.n_cat].astype(np.float64))
    lang_sum = np.zeros((n, len(model.langs)))
    np.add.at(lang_sum, owner, logits[:, model.n_cat : model.lang_end].astype(np.float64))
    return raw, np.argmax(lang_sum, axis=1).astype(np.int64)


def train(
    pool: Path,
    out_dir: Path,
    exclude_sources: Sequence[str],
    max_iter: int,
    l2: float,
    warm_start: Path | None = None,
    options: Options | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """Runs the whole pipeline; returns the metrics (also written next to the artifact)."""
    options = options or Options()
    random.seed(SEED)
    np.random.seed(SEED)
    t0 = time.perf_counter()
    df = load_pool(pool)
    tr = df[(df["split"] == "train") & ~df["source"].isin(list(exclude_sources))]
    tr = tr.reset_index(drop=True)
    if options.imply_negatives:
        tr = imply_negative_labels(tr, options.imply_negatives)
    tr = pd.concat(
        [
            tr,
            identity_counterfactuals(tr, options.counterfactuals, SEED),
            identity_swaps(tr, options.swaps, SEED),
        ],
        ignore_index=True,
    )
    print(f"pool {len(df)} rows; train {len(tr)} (excluded: {list(exclude_sources)})", flush=True)
    tr, texts, share = training_rows(tr, options.rows)
    x = cached_design_matrix(texts, BITS, cache_dir)
    print(f"design matrix {x.shape} nnz={x.nnz} in {time.perf_counter() - t0:.0f}s", flush=True)
    weights = share * np.fromiter(
        (LANG_WEIGHT.get(v, 1.0) for v in tr["lang"]), dtype=np.float64, count=len(tr)
    )
    src_ids, n_src = _source_ids(tr) if options.source_offsets else (None, 0)
    targets = Targets(label_matrix(tr), weights, lang_index(tr), len(LANGS), src_ids, n_src)
    # Optional IDF column scaling (folded into the saved weights below).
    idf = _idf(x) if options.idf else np.ones(x.shape[1])
    x.data *= idf[x.indices]
    init = None
    if warm_start is not None:
        # Starts from an earlier artifact (same bits): saves many L-BFGS iterations.
        prev, _, _ = load_artifact(warm_start)
        w0 = (prev.weights[: x.shape[1]].astype(np.float32) / idf[:, None]).astype(np.float32)
        init = (w0, prev.bias)
    head_l2 = {LABELS.index(c): v for c, v in options.head_l2}
    w, b = fit(
        x, targets, l2=l2, max_iter=max_iter, init=init, per_head=options.per_head, head_l2=head_l2
    )
    del x
    print(f"fitted in {time.perf_counter() - t0:.0f}s", flush=True)
    w *= idf[:, None].astype(np.float32)
    info = {
        "options": {
            "idf": options.idf,
            "source_offsets": options.source_offsets,
            "imply_negatives": list(options.imply_negatives),
            "per_head": options.per_head,
            "head_l2": dict(options.head_l2),
            "rows": options.rows,
            "counterfactuals": options.counterfactuals,
            "swaps": options.swaps,
            "neutralise": options.neutralise,
        },
        "n_train": len(tr),
        "l2": l2,
        "max_iter": max_iter,
        "fit_seconds": time.perf_counter() - t0,
    }
    return finalise(df, w, b, out_dir, exclude_sources, info, options.experts, options.neutralise)


def finalise(
    df: pd.DataFrame,
    w: npt.NDArray[np.float32],
    b: npt.NDArray[np.float32],
    out_dir: Path,
    exclude_sources: Sequence[str],
    info: dict[str, Any],
    experts: bool = True,
    neutralise: bool = False,
    reuse_experts: LanguageExperts | None = None,
    extra_heads: tuple[str, ...] = (),
    extra_calibration: tuple[Sequence[float], Sequence[float]] = ((), ()),
) -> dict[str, Any]:
    """Calibrates, fits language experts, reports, saves (clipping identity terms if asked).

    ``reuse_experts``: experts fitted before, kept as they are (they depend only on the
    toxicity head's calibration, so a run that changes other heads need not refit them).
    ``extra_heads``: categories of the extra columns after the languages in ``w`` (see
    ``LinearModel.extra_heads``), with their (slopes, intercepts) in ``extra_calibration``.
    """
    w = w.copy()
    # The design matrix's last column is the null bucket: never set, so its weight is 0.
    w[-1] = 0.0
    neutralised = neutralise_identity_terms(w, BITS, IDENTITY_TERMS) if neutralise else {}
    # Round-trip through float16 so calibration is fitted on exactly the shipped weights.
    model = LinearModel(w.astype(np.float16), b, BITS, LANGS, SERVE_WINDOW, extra_heads=extra_heads)
    tune = df[df["split"] == "tune"].reset_index(drop=True)
    report = df[df["split"] == "report"].reset_index(drop=True)
    raw_t, lang_t = _raw_max(model, list(tune["text"]))
    lab_t = label_matrix(tune)
    calib = fit_calibration(raw_t, lab_t, lang_t, len(LANGS))
    if reuse_experts is not None:
        model = dataclasses.replace(model, experts=reuse_experts)
        raw_t, lang_t = _raw_max(model, list(tune["text"]))
    elif experts:
        train_rows = df[(df["split"] == "train") & ~df["source"].isin(list(exclude_sources))]
        fitted, info["experts"] = fit_experts(train_rows, calib, LANGS, BITS, TRAIN_CHARS)
        model = dataclasses.replace(model, experts=fitted)
        raw_t, lang_t = _raw_max(model, list(tune["text"]))
    calib = calib.extended(*extra_calibration)
    p_tune = _served(model, calib, tune, raw_t, lang_t)
    thresholds = [
        best_f1_threshold(
            lab_t[~np.isnan(lab_t[:, h]), h], p_tune[~np.isnan(lab_t[:, h]), h], F1_TOLERANCE
        )
        for h in range(len(LABELS))
    ]
    raw_r, lang_r = _raw_max(model, list(report["text"]))
    p_rep = _served(model, calib, report, raw_r, lang_r)
    lang_acc = float(np.mean(np.asarray(LANGS)[lang_r] == report["lang"].to_numpy()))
    metrics: dict[str, Any] = {
        "version": VERSION,
        "split": "sha1(text) mod 100: report 95-99; tune (calibration, thresholds) 90-94",
        "excluded_sources": list(exclude_sources),
        "thresholds": dict(zip(LABELS, thresholds, strict=True)),
        "report": evaluate_frame(report, p_rep, thresholds),
        # For choosing between training settings; the report split stays out of that choice.
        "tune": evaluate_frame(tune, p_tune, thresholds, with_ci=False),
        "validation_all_auc_toxicity": _auc_all(tune, report, raw_t, raw_r),
        "model_language_accuracy_report": lang_acc,
        "identity_terms_neutralised": neutralised,
        "serve_window_chars": SERVE_WINDOW,
        **info,
    }
    manifest_path = save_artifact(
        out_dir, VERSION, model, calib, {"thresholds": metrics["thresholds"], "seed": SEED}
    )
    scorer = FastScorer(model, calib, json.loads(manifest_path.read_text()))
    metrics["spans_report"] = _span_report(report, scorer)
    metrics["bias_probe"] = bias_probe(scorer)
    (out_dir / f"fast-{VERSION}.metrics.json").write_text(
        json.dumps(metrics, indent=2, sort_keys=True) + "\n"
    )
    return metrics


BIAS_TEMPLATES: Final[tuple[str, ...]] = (
    "I am a {} person",
    "I am {}",
    "My friend is {}",
    "We are {} people",
    "Being {} is fine",
)
PROBE_TERMS: Final[tuple[str, ...]] = (
    "black", "white", "gay", "lesbian", "trans", "muslim", "jewish", "christian", "asian",
    "mexican", "african", "latino", "immigrant", "disabled", "female", "male", "queer", "indian",
    "arab", "bisexual",
)  # fmt: skip


def bias_probe(scorer: FastScorer) -> dict[str, Any]:
    """Identity-template probe: neutral sentences naming an identity must stay below threshold."""
    texts = [t.format(term) for t in BIAS_TEMPLATES for term in PROBE_TERMS]
    probs = scorer.predict(texts)
    thr = np.array([scorer.thresholds[c] for c in LABELS])
    flagged = [
        {"text": texts[i], "category": LABELS[h], "p": float(probs[i, h])}
        for i, h in zip(*np.nonzero(probs >= thr), strict=True)
    ]
    return {
        "n_texts": len(texts),
        "max_toxicity": float(probs[:, 0].max()),
        "max_identity_attack": float(probs[:, 5].max()),
        "mean_toxicity": float(probs[:, 0].mean()),
        "flagged": flagged,
    }


def _span_report(report: pd.DataFrame, scorer: FastScorer) -> dict[str, Any]:
    """Span F1 on report rows that carry gold spans (toxic_spans, hatexplain)."""
    rows = report[report["spans"].notna()]
    dicts = [
        {"text": t, "spans": sp_, "source": src}
        for t, sp_, src in zip(rows["text"], rows["spans"], rows["source"], strict=True)
    ]
    return span_metrics(dicts, list(range(len(dicts))), scorer)


def _term_buckets(term: str, bits: int) -> list[int]:
    """Buckets an identity term produces on its own: its word and its long char n-grams."""
    cps, lens = normalize_batch([term])
    f = featurize(cps, lens, bits)
    padded = int(lens[0])
    # Only n-grams of length >= MIN_TERM_NGRAM: unigrams/bigrams are shared with countless
    # unrelated words, and clipping them degrades the whole model.
    keep = [
        int(b)
        for n in range(CHAR_ORDERS)
        for b in f.char_buckets[:padded, n]
        if n + 1 >= MIN_TERM_NGRAM + LONG_TERM_EXTRA * (len(term) > MIN_TERM_NGRAM)
        or n + 1 == padded
    ]
    return [b for b in [*keep, int(f.word_buckets[0])] if b != f.null]


def _context_buckets(term: str, bits: int) -> list[int]:
    """Buckets of the term next to function words ("am gay", "black people").

    The word bigram, plus char n-grams (n >= 4) that straddle the word boundary and carry at
    least three letters of the term.
    """
    texts = [f"{w} {term}" for w in CONTEXT_WORDS] + [f"{term} {w}" for w in CONTEXT_WORDS]
    starts = [len(w) + 2 for w in CONTEXT_WORDS] + [1] * len(CONTEXT_WORDS)
    cps, lens = normalize_batch(texts)
    f = featurize(cps, lens, bits)
    # Per text the word buckets are [unigram, unigram, bigram].
    out = [int(b) for b in f.word_buckets.reshape(len(texts), 3)[:, 2]]
    need = min(3, len(term))
    offset = 0
    for ts, length in zip(starts, lens.tolist(), strict=True):
        te = ts + len(term)
        for i in range(length):
            for n in (4, 5):
                overlap = min(i + n, te) - max(i, ts)
                if i + n <= length and overlap >= need:
                    out.append(int(f.char_buckets[offset + i, n - 1]))
        offset += length
    return [b for b in out if b != f.null]


def neutralise_identity_terms(
    w: npt.NDArray[np.float32], bits: int, terms: Sequence[str]
) -> dict[str, int]:
    """Clips to <= 0 the category weights of features an identity mention produces on its own.

    Bag-of-n-gram models learn "identity term => toxic" from hate-speech data; naming an
    identity must not push a text toward any category. Slurs, plurals ("the jews" is a hate
    pattern in the data), threats and insults around the term still count. Returns how many
    buckets were clipped per term.
    """
    out: dict[str, int] = {}
    for term in terms:
        buckets = np.unique(np.array(_term_buckets(term, bits) + _context_buckets(term, bits)))
        block = w[buckets, : len(LABELS)]
        out[term] = int(np.sum(np.any(block > 0, axis=1)))
        w[buckets, : len(LABELS)] = np.minimum(block, 0.0)
    return out


def _auc_all(tune: pd.DataFrame, report: pd.DataFrame, raw_t: F64, raw_r: F64) -> dict[str, Any]:
    """Toxicity AUC on tune+report: calibration is monotone per language, so AUC is untuned."""
    both = pd.concat([tune, report], ignore_index=True)
    raw = np.concatenate([raw_t[:, 0], raw_r[:, 0]])
    y = both["toxicity"].to_numpy(dtype=np.float64)
    out: dict[str, Any] = {}
    for key in ("lang", "source"):
        for val in sorted(both[key].unique()):
            m = (both[key] == val).to_numpy() & ~np.isnan(y)
            if m.sum() and 0 < np.sum(y[m] >= 0.5) < m.sum():
                out[f"{key}={val}"] = {
                    "n": int(m.sum()),
                    "roc_auc": roc_auc(y[m], raw[m]),
                    "roc_auc_ci95": list(bootstrap_ci(y[m], raw[m])),
                }
    return out


def _head_l2(arg: str) -> tuple[str, float]:
    """Parses CATEGORY=L2 for --head-l2."""
    cat, _, val = arg.partition("=")
    if cat not in LABELS:
        raise argparse.ArgumentTypeError(f"unknown category {cat!r}; one of {LABELS}")
    return cat, float(val)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python -m civility.training``."""
    ap = argparse.ArgumentParser(prog="python -m civility.training", description=__doc__)
    ap.add_argument("--pool", type=Path, required=True, help="the pool's train/ folder")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument(
        "--exclude-source", action="append", default=None, help="default: stormfront (licence)"
    )
    ap.add_argument("--max-iter", type=int, default=150)
    ap.add_argument("--idf", action="store_true", help="experimental: IDF column scaling")
    ap.add_argument(
        "--source-offsets", action="store_true", help="experimental: per-source intercepts"
    )
    ap.add_argument(
        "--imply-negatives",
        nargs="?",
        const=",".join(IMPLIED_BY_NOT_TOXIC),
        default="",
        metavar="CATEGORY,...",
        help="training only: toxicity == 0 implies 0 for these unknown sub-categories "
        f"(default {','.join(IMPLIED_BY_NOT_TOXIC)})",
    )
    ap.add_argument("--per-head", action="store_true", help="one L-BFGS per head (--max-iter each)")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument(
        "--head-l2",
        action="append",
        default=[],
        type=_head_l2,
        metavar="CATEGORY=L2",
        help="per-category L2 (with --per-head)",
    )
    ap.add_argument("--rows", choices=ROW_MODES, default="text", help="see Options.rows")
    ap.add_argument(
        "--no-experts", action="store_true", help="no per-language toxicity experts (as 1.1.0)"
    )
    ap.add_argument(
        "--counterfactuals", type=float, default=0.04, help="identity counterfactual share"
    )
    ap.add_argument("--identity-swaps", type=float, default=0.08, help="identity swap share")
    ap.add_argument(
        "--neutralise",
        action="store_true",
        help="clip identity-term weights after fitting (1.0.0-1.2.0 behaviour)",
    )
    ap.add_argument("--cache", type=Path, default=None, help="dir to reuse the design matrix from")
    ap.add_argument("--warm-start", type=Path, default=None, help="artifact dir to start from")
    ap.add_argument(
        "--refinalise",
        type=Path,
        default=None,
        help="skip fitting: re-run neutralisation/calibration/metrics on this artifact's weights",
    )
    args = ap.parse_args(argv)
    excluded = (
        ["stormfront"]
        if args.exclude_source is None
        else [s for s in args.exclude_source if s != "none"]
    )
    if args.refinalise is not None:
        prev, _, manifest = load_artifact(args.refinalise)
        prev_metrics = json.loads(
            (args.refinalise / f"fast-{manifest['version']}.metrics.json").read_text()
        )
        info = {
            k: prev_metrics[k]
            for k in ("n_train", "l2", "max_iter", "fit_seconds", "options")
            if k in prev_metrics
        }
        w = prev.weights[: (1 << BITS) + 1].astype(np.float32)
        metrics = finalise(
            load_pool(args.pool),
            w,
            prev.bias,
            args.out,
            excluded,
            info,
            not args.no_experts,
            args.neutralise,
        )
    else:
        opts = Options(
            idf=args.idf,
            source_offsets=args.source_offsets,
            imply_negatives=tuple(c for c in args.imply_negatives.split(",") if c),
            per_head=args.per_head,
            head_l2=tuple(args.head_l2),
            rows=args.rows,
            experts=not args.no_experts,
            counterfactuals=args.counterfactuals,
            swaps=args.identity_swaps,
            neutralise=args.neutralise,
        )
        metrics = train(
            args.pool,
            args.out,
            excluded,
            args.max_iter,
            args.l2,
            args.warm_start,
            opts,
            args.cache,
        )
    tox = metrics["report"]["toxicity"]
    for key in sorted(tox):
        print(f"toxicity {key:32s} auc={tox[key]['roc_auc']:.4f} n={tox[key]['n']}")
    return 0
