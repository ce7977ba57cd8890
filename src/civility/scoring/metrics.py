"""Numpy-only evaluation metrics (no scikit-learn at run time)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


def roc_auc(y: npt.ArrayLike, s: npt.ArrayLike) -> float:
    """ROC-AUC via the rank-sum statistic with tie correction; NaN when one class is missing."""
    yb = np.asarray(y, dtype=np.float64) >= 0.5
    sc = np.asarray(s, dtype=np.float64)
    n_pos = int(yb.sum())
    n_neg = int(yb.size - n_pos)
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(sc, kind="mergesort")
    ranks = np.empty(sc.size, dtype=np.float64)
    sorted_s = sc[order]
    # Average ranks over ties so equal scores count half.
    _, first, counts = np.unique(sorted_s, return_index=True, return_counts=True)
    avg = first + (counts + 1) / 2.0
    ranks[order] = np.repeat(avg, counts)
    return float((ranks[yb].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def average_precision(y: npt.ArrayLike, s: npt.ArrayLike) -> float:
    """PR-AUC as average precision (step-wise, like scikit-learn's definition)."""
    yb = np.asarray(y, dtype=np.float64) >= 0.5
    sc = np.asarray(s, dtype=np.float64)
    n_pos = int(yb.sum())
    if n_pos == 0 or n_pos == yb.size:
        return float("nan")
    order = np.argsort(-sc, kind="mergesort")
    ys = yb[order]
    ss = sc[order]
    # Only the last index of each tie group is a threshold.
    last = np.r_[ss[1:] != ss[:-1], True]
    tp = np.cumsum(ys)[last]
    fp = np.cumsum(~ys)[last]
    precision = tp / (tp + fp)
    recall = tp / n_pos
    prev = np.r_[0.0, recall[:-1]]
    return float(np.sum((recall - prev) * precision))


def f1_at(y: npt.ArrayLike, s: npt.ArrayLike, threshold: float) -> float:
    """F1 of ``s >= threshold`` against ``y >= 0.5``."""
    yb = np.asarray(y, dtype=np.float64) >= 0.5
    pb = np.asarray(s, dtype=np.float64) >= threshold
    tp = float(np.sum(yb & pb))
    denom = float(yb.sum() + pb.sum())
    return 2.0 * tp / denom if denom > 0 else float("nan")


def best_f1_threshold(y: npt.ArrayLike, s: npt.ArrayLike, tolerance: float = 0.0) -> float:
    """Highest threshold whose F1 is within ``tolerance`` of the best (tune split only).

    F1 is usually flat near its optimum; among near-optimal thresholds the highest one flags
    fewer benign texts for the same F1.
    """
    yb = np.asarray(y, dtype=np.float64) >= 0.5
    sc = np.asarray(s, dtype=np.float64)
    if not yb.any():
        return 0.5
    order = np.argsort(-sc, kind="mergesort")
    tp = np.cumsum(yb[order])
    k = np.arange(1, sc.size + 1)
    f1 = 2 * tp / (k + yb.sum())
    last = np.r_[sc[order][1:] != sc[order][:-1], True]
    f1 = np.where(last, f1, -1.0)
    ok = np.flatnonzero(f1 >= f1.max() - tolerance)
    # Scores are sorted descending, so the first acceptable index is the highest threshold.
    return float(sc[order][int(ok[0])])


def ece(y: npt.ArrayLike, p: npt.ArrayLike, bins: int = 10) -> float:
    """Expected calibration error with equal-width bins (soft labels allowed)."""
    yv = np.asarray(y, dtype=np.float64)
    pv = np.asarray(p, dtype=np.float64)
    if yv.size == 0:
        return float("nan")
    idx = np.minimum((pv * bins).astype(np.int64), bins - 1)
    conf = np.bincount(idx, weights=pv, minlength=bins)
    acc = np.bincount(idx, weights=yv, minlength=bins)
    return float(np.sum(np.abs(acc - conf)) / yv.size)


def bootstrap_ci(
    y: npt.ArrayLike, s: npt.ArrayLike, n_boot: int = 200, seed: int = 0
) -> tuple[float, float]:
    """95% percentile bootstrap interval of ROC-AUC."""
    yv = np.asarray(y, dtype=np.float64)
    sv = np.asarray(s, dtype=np.float64)
    rng = np.random.default_rng(seed)
    vals: list[float] = []
    for _ in range(n_boot):
        i = rng.integers(0, yv.size, yv.size)
        a = roc_auc(yv[i], sv[i])
        if not np.isnan(a):
            vals.append(a)
    if not vals:
        return (float("nan"), float("nan"))
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return (float(lo), float(hi))


def span_f1(
    gold: Sequence[Sequence[tuple[int, int]]], pred: Sequence[Sequence[tuple[int, int]]]
) -> float:
    """Mean per-text character F1 (SemEval-2021 toxic spans: both empty -> 1, one empty -> 0)."""
    scores: list[float] = []
    for g, p in zip(gold, pred, strict=True):
        gs = {i for a, b in g for i in range(a, b)}
        ps = {i for a, b in p for i in range(a, b)}
        if not gs and not ps:
            scores.append(1.0)
        elif not gs or not ps:
            scores.append(0.0)
        else:
            tp = len(gs & ps)
            scores.append(2.0 * tp / (len(gs) + len(ps)))
    return float(np.mean(scores)) if scores else float("nan")
