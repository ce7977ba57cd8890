"""Masked multi-task logistic regression on hashed features, fitted with L-BFGS.

Six sigmoid heads (one per category, each trained only on the rows that label it; soft labels
allowed) plus one softmax head over the pool languages, sharing one sparse design matrix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.optimize
import scipy.sparse as sp

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Targets:
    """Training targets: soft labels (NaN = unknown), row weights, language ids (-1 = none)."""

    labels: F64
    weights: F64
    lang: I64
    n_langs: int
    # Per-source intercepts for the category heads absorb the sources' different base rates
    # and label definitions during training; they are dropped at serving (-1 = no offset).
    source: I64 | None = None
    n_sources: int = 0


def _softplus(z: F64) -> F64:
    out: F64 = np.logaddexp(0.0, z)
    return out


def _sigmoid(z: F64) -> F64:
    out: F64 = 0.5 * (1.0 + np.tanh(0.5 * z))
    return out


def _head_grads(z: F64, t: Targets) -> tuple[float, F64]:
    """Loss and dLoss/dz of the sigmoid heads (mean over labelled rows, per head)."""
    y = t.labels
    mask = ~np.isnan(y)
    y0 = np.where(mask, y, 0.0)
    w = mask * t.weights[:, None]
    denom = np.maximum(w.sum(axis=0), 1e-12)
    loss = float(np.sum(w * (_softplus(z) - y0 * z) / denom))
    grad: F64 = w * (_sigmoid(z) - y0) / denom
    return loss, grad


def _lang_grads(z: F64, t: Targets) -> tuple[float, F64]:
    """Loss and gradient of the language softmax head (class-balanced)."""
    if t.n_langs == 0:
        return 0.0, np.zeros_like(z)
    has = t.lang >= 0
    counts = np.bincount(t.lang[has], minlength=t.n_langs).astype(np.float64)
    cw = np.where(counts > 0, 1.0 / np.maximum(counts, 1.0), 0.0)
    w = np.where(has, cw[np.maximum(t.lang, 0)], 0.0)
    w = w / max(w.sum(), 1e-12)
    zmax = z.max(axis=1, keepdims=True)
    ez = np.exp(z - zmax)
    sez = ez.sum(axis=1, keepdims=True)
    lse = (np.log(sez) + zmax)[:, 0]
    onehot = np.zeros_like(z)
    onehot[np.flatnonzero(has), t.lang[has]] = 1.0
    picked = np.sum(z * onehot, axis=1)
    loss = float(np.sum(w * (lse - picked)))
    grad: F64 = w[:, None] * (ez / sez - onehot)
    return loss, grad


def fit(
    x: sp.csr_matrix,
    targets: Targets,
    l2: float,
    max_iter: int = 200,
    verbose: bool = True,
    init: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None = None,
    per_head: bool = False,
    head_l2: Mapping[int, float] | None = None,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Fits weights (features x heads) and biases; heads = categories + language logits.

    ``per_head`` runs one L-BFGS per category head (and one for the language head) instead of
    one over all heads: the loss is separable, so the optimum is the same, but each head gets
    its own line search and curvature, and a one-column product is far cheaper per column.
    It also lets ``head_l2`` (category column -> L2) regularise some heads differently.
    """
    xt = x.T.tocsr()
    if head_l2 and not per_head:
        raise ValueError("head_l2 needs per_head")
    if not per_head:
        return _fit_block(x, xt, targets, l2, max_iter, verbose, init, "")
    n_cat = targets.labels.shape[1]
    w0, b0 = init if init is not None else (None, None)
    ws: list[npt.NDArray[np.float32]] = []
    bs: list[npt.NDArray[np.float32]] = []
    blocks = [[h] for h in range(n_cat)] + [list(range(n_cat, n_cat + targets.n_langs))]
    for cols in blocks:
        lang = cols[0] >= n_cat
        sub = Targets(
            targets.labels[:, :0] if lang else targets.labels[:, cols],
            targets.weights,
            targets.lang,
            targets.n_langs if lang else 0,
            None if lang else targets.source,
            0 if lang else targets.n_sources,
        )
        sub_init = None if w0 is None or b0 is None else (w0[:, cols], b0[cols])
        reg = l2 if lang or head_l2 is None else head_l2.get(cols[0], l2)
        w, b = _fit_block(x, xt, sub, reg, max_iter, verbose, sub_init, f"head {cols[0]} ")
        ws.append(w)
        bs.append(b)
    return np.hstack(ws), np.concatenate(bs)


def _fit_block(
    x: sp.csr_matrix,
    xt: sp.csr_matrix,
    targets: Targets,
    l2: float,
    max_iter: int,
    verbose: bool,
    init: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None,
    tag: str,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """One L-BFGS over the given category columns plus the language head (if n_langs)."""
    n_cat = targets.labels.shape[1]
    k = n_cat + targets.n_langs
    d = x.shape[1]
    it = [0]
    n_src = targets.n_sources
    src = targets.source if targets.source is not None else np.full(x.shape[0], -1, dtype=np.int64)
    has_src = src >= 0
    n_off = n_src * n_cat

    def objective(theta: F64) -> tuple[float, F64]:
        w = theta[: d * k].reshape(d, k).astype(np.float32)
        b = theta[d * k : d * k + k]
        off = theta[d * k + k :].reshape(n_src, n_cat)
        z = np.asarray(x @ w, dtype=np.float64) + b
        if n_src:
            z[has_src, :n_cat] += off[src[has_src]]
        l1, g1 = _head_grads(z[:, :n_cat], targets)
        l2_, g2 = _lang_grads(z[:, n_cat:], targets)
        g = np.hstack([g1, g2]).astype(np.float32)
        gw = np.asarray(xt @ g, dtype=np.float64) + l2 * w
        g_off = np.zeros((n_src, n_cat))
        if n_src:
            np.add.at(g_off, src[has_src], g1[has_src])
        g_off += l2 * off
        reg = float(np.sum(np.square(w, dtype=np.float64))) + float(np.sum(off**2))
        loss = l1 + l2_ + 0.5 * l2 * reg
        it[0] += 1
        if verbose and it[0] % 20 == 0:
            print(f"  {tag}iter {it[0]}: loss {loss:.5f}", flush=True)
        gb = g.sum(axis=0, dtype=np.float64)
        return loss, np.concatenate([gw.ravel(), gb, g_off.ravel()])

    theta0 = np.zeros(d * k + k + n_off, dtype=np.float64)
    if init is not None:
        theta0[: d * k] = init[0].astype(np.float64).ravel()
        theta0[d * k : d * k + k] = init[1]
    res = scipy.optimize.minimize(
        objective, theta0, jac=True, method="L-BFGS-B", options={"maxiter": max_iter, "maxcor": 10}
    )
    weights = res.x[: d * k].reshape(d, k).astype(np.float32)
    bias = res.x[d * k : d * k + k].astype(np.float32)
    return weights, bias
