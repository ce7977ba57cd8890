"""Fitting the per-language toxicity experts (``scoring/experts.py``) on the train buckets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from civility.scoring.experts import Entries, LanguageExperts, block_entries
from civility.scoring.features import featurize
from civility.scoring.linear_model import Calibration
from civility.scoring.metrics import roc_auc
from civility.scoring.normalize import normalize_batch

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

# Languages with enough labelled rows of their own (the pool's non-English toxicity sources).
EXPERT_LANGS: Final[tuple[str, ...]] = ("es", "it", "tr", "ru", "de", "pt")
# Inverse L2 strength and the idf cut-off, chosen by 5-fold CV on the train buckets (model card).
C: Final[float] = 16.0
MIN_DF: Final[int] = 2
# Languages whose expert averages in an NB-SVM twin: +0.004 tune AUC for ru; es and tr lost
# 0.05 and 0.04 with it (few rows make the log-count ratios noisy).
NB_LANGS: Final[frozenset[str]] = frozenset({"ru"})
FOLDS: Final[int] = 5
BATCH: Final[int] = 4096


@dataclass(frozen=True, slots=True)
class TextEntries:
    """Distinct bucket entries of a list of texts: char block and word block."""

    n: int
    char: Entries
    word: Entries

    def subset(self, rows: I64) -> TextEntries:
        """The entries of ``rows`` (renumbered in that order)."""
        remap = np.full(self.n, -1, dtype=np.int64)
        remap[rows] = np.arange(rows.size)
        return TextEntries(rows.size, _take(self.char, remap), _take(self.word, remap))


def _take(e: Entries, remap: I64) -> Entries:
    new = remap[e.text]
    keep = new >= 0
    return Entries(new[keep], e.bucket[keep], e.tf[keep])


def text_entries(texts: Sequence[str], bits: int) -> TextEntries:
    """Featurises texts exactly as serving does and returns their distinct entries."""
    chars: list[Entries] = []
    words: list[Entries] = []
    for start in range(0, len(texts), BATCH):
        cps, lens = normalize_batch(texts[start : start + BATCH])
        c, w = block_entries(featurize(cps, lens, bits), np.ones(lens.shape[0], dtype=bool))
        chars.append(Entries(c.text + start, c.bucket, c.tf))
        words.append(Entries(w.text + start, w.bucket, w.tf))
    return TextEntries(len(texts), _concat(chars), _concat(words))


def _concat(parts: list[Entries]) -> Entries:
    return Entries(
        np.concatenate([p.text for p in parts]),
        np.concatenate([p.bucket for p in parts]),
        np.concatenate([p.tf for p in parts]),
    )


def inverse_document_frequency(e: TextEntries, size: int, min_df: int) -> F64:
    """Smoothed idf per bucket (as scikit-learn's), zero where fewer than min_df texts have it."""
    key = np.unique(
        np.concatenate([e.char.text * size + e.char.bucket, e.word.text * size + e.word.bucket])
    )
    df = np.bincount(key % size, minlength=size)
    idf: F64 = np.log((1.0 + e.n) / (1.0 + df)) + 1.0
    idf[df < min_df] = 0.0
    return idf


def design(e: TextEntries, idf: F64, size: int) -> sp.csr_matrix:
    """Rows whose dot product with a weight vector is the expert's serving numerator/norm sum."""
    parts: list[sp.csr_matrix] = []
    for block in (e.char, e.word):
        val = block.tf * idf[block.bucket]
        sq = np.bincount(block.text, weights=val**2, minlength=e.n)
        norm = np.sqrt(sq)[block.text]
        val = np.divide(val, norm, out=np.zeros_like(val), where=norm > 0)
        parts.append(sp.csr_matrix((val, (block.text, block.bucket)), shape=(e.n, size)))
    out = (parts[0] + parts[1]).tocsr()
    assert isinstance(out, sp.csr_matrix)
    return out


@dataclass(frozen=True, slots=True)
class ExpertFit:
    """One language's fitted expert before folding into the shared raw-logit scale."""

    weights: F64  # per bucket, already multiplied by idf
    idf: F64
    intercept: float
    platt: tuple[float, float]
    cv_auc: float
    n: int
    positives: int


@dataclass(frozen=True, slots=True)
class _Fitted:
    coef: F64
    intercept: float
    idf: F64

    def decision(self, e: TextEntries, size: int) -> F64:
        out: F64 = design(e, self.idf, size) @ self.coef + self.intercept
        return out


def nb_ratio(x: sp.csr_matrix, y: I64, alpha: float = 1.0) -> F64:
    """Naive-Bayes log-count ratio per column (Wang & Manning 2012, NB-SVM)."""
    p = np.asarray(x[y == 1].sum(axis=0)).ravel() + alpha
    q = np.asarray(x[y == 0].sum(axis=0)).ravel() + alpha
    out: F64 = np.log((p / p.sum()) / (q / q.sum()))
    return out


def fit_decision(
    e: TextEntries, y: I64, size: int, min_df: int = MIN_DF, c: float = C, nb: bool = False
) -> _Fitted:
    """One expert's regression on ``e`` (no calibration): its ``decision`` scores new rows."""
    idf = inverse_document_frequency(e, size, min_df)
    x = design(e, idf, size)
    lr = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    coef, intercept = lr.coef_[0].astype(np.float64), float(lr.intercept_[0])
    if not nb:
        return _Fitted(coef, intercept, idf)
    # A second regression on NB-scaled features; both are linear in x, so their average
    # (each scaled to unit spread on the training rows) folds into one weight vector.
    r = nb_ratio(x, y)
    x_nb = x @ sp.diags(r)
    lr_nb = LogisticRegression(C=c, max_iter=3000).fit(x_nb, y)
    coef_nb, intercept_nb = lr_nb.coef_[0].astype(np.float64), float(lr_nb.intercept_[0])
    s1 = float(np.std(x @ coef)) or 1.0
    s2 = float(np.std(x_nb @ coef_nb)) or 1.0
    return _Fitted(coef / s1 + r * coef_nb / s2, intercept / s1 + intercept_nb / s2, idf)


def fit_expert(
    e: TextEntries, y: I64, size: int, *, c: float = C, min_df: int = MIN_DF, nb: bool = False
) -> ExpertFit:
    """Fits one expert on all rows; its Platt scaling comes from out-of-fold decisions."""
    oof = np.zeros(e.n)
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=0)
    for train_rows, held in folds.split(np.zeros(e.n), y):
        fold = fit_decision(e.subset(train_rows), y[train_rows], size, min_df, c, nb)
        oof[held] = fold.decision(e.subset(held), size)
    platt = LogisticRegression(C=1e6).fit(oof.reshape(-1, 1), y)
    full = fit_decision(e, y, size, min_df, c, nb)
    return ExpertFit(
        full.coef * full.idf,
        full.idf,
        full.intercept,
        (float(platt.coef_[0, 0]), float(platt.intercept_[0])),
        roc_auc(y.astype(np.float64), oof),
        e.n,
        int(y.sum()),
    )


def fit_experts(
    train: pd.DataFrame,
    calib: Calibration,
    model_langs: tuple[str, ...],
    bits: int,
    train_chars: int,
    langs: tuple[str, ...] = EXPERT_LANGS,
) -> tuple[LanguageExperts, dict[str, dict[str, float]]]:
    """Fits an expert per language on its toxicity-labelled train rows, folded for serving.

    The expert's calibrated logit ``A*z + B`` is mapped back through the shared toxicity
    calibration of that language (slope a, intercept b, offset d) so that serving can put it in
    the toxicity column: raw = (A*z + B - b - d) / a.
    """
    size = (1 << bits) + 1
    table = np.zeros((size, 2 * len(langs)), dtype=np.float64)
    bias = np.zeros(len(langs), dtype=np.float64)
    info: dict[str, dict[str, float]] = {}
    a, b = float(calib.slope[0]), float(calib.intercept[0])
    for k, lang in enumerate(langs):
        rows = train[(train["lang"] == lang) & train["toxicity"].notna()]
        texts = [t[:train_chars] for t in rows["text"]]
        y = (rows["toxicity"].to_numpy() >= 0.5).astype(np.int64)
        f = fit_expert(text_entries(texts, bits), y, size, nb=lang in NB_LANGS)
        d = float(calib.lang_offset[0, model_langs.index(lang)])
        big_a, big_b = f.platt
        table[:, k] = f.weights * big_a / a
        table[:, len(langs) + k] = f.idf
        bias[k] = (big_a * f.intercept + big_b - b - d) / a
        info[lang] = {"n": f.n, "positives": f.positives, "cv_roc_auc": f.cv_auc}
        print(f"expert {lang}: n={f.n} pos={f.positives} cv auc={f.cv_auc:.4f}", flush=True)
    table[-1] = 0.0
    # Round-trip through float16 so everything downstream sees exactly the shipped values.
    shipped = table.astype(np.float16).astype(np.float32)
    return LanguageExperts(langs, shipped, bias.astype(np.float32), MIN_DF), info
