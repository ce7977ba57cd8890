"""Leave-one-source-out evaluation: train without a source, score that source, per category.

The model-selection criterion of model v3 (docs/model-card.md): a number counts when the
model never saw the source it is scored on. For every fold (one source of the pool) each
candidate is trained on the other sources and scored on every row of the left-out source, per
category the source labels with both classes (labels binarised at 0.5).

Candidates:
- ``baseline``: the plain reference every fast tier must beat: scikit-learn TF-IDF (word
  1-2-grams, min_df 2, 200k features + char_wb 2-5-grams, min_df 3, 300k features, sublinear
  tf) and one ``LogisticRegression(C=4, class_weight="balanced")`` per category.
- ``hashed``: the fast tier's own features (the serving normaliser and hashed char 1-5 / word
  1-2 n-grams) as sublinear TF-IDF with one balanced logistic regression per category.
- ``expert``: the fast tier's per-language toxicity experts (non-English folds only), trained
  on the other sources' rows of the fold's languages.
- ``recipe``: the shipped fast tier's training recipe for its shared heads (``civility.training``
  as 1.3.0-1.5.0 were trained: hashed char 1-5 / word 1-2 counts of each text's first
  ``TRAIN_CHARS``, language weights, identity counterfactuals and swaps, implied negatives,
  one L-BFGS per head at the pipeline's L2, 300 iterations), fitted only for the categories the
  fold can be scored on, and scored as raw logits of the whole text (AUC needs no calibration;
  serving adds windows, sentence pieces, experts outside English and the rule tier).
- ``shipped``: the packaged fast tier, scored as it is (no training). Only honest on sources
  its training never read: ``--shipped-unseen`` lists them (1.2.0 predates the pool's second
  release, and stormfront is excluded from its training for licence reasons).

Run: ``python bench/loso.py --pool PATH/TO/shared/data/train [--folds a,b] [--candidates ...]``.
Writes bench/results/loso.json after every fold, so a long run can be read while it goes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402
import pandas as pd  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from civility.scoring.base import CATEGORIES  # noqa: E402
from civility.scoring.metrics import roc_auc  # noqa: E402
from civility.training.data import load_pool  # noqa: E402

F64 = npt.NDArray[np.float64]
# Sources the shipped fast tier 1.2.0 never trained on (see the module docstring).
SHIPPED_UNSEEN = ("germeval", "told_br", "offendes", "offenseval_tr", "stormfront")
# A category is scored on a fold only with this many rows of each class.
MIN_CLASS = 10
# Sources left out of every training set: CC BY-SA (docs/model-card.md, licences).
NEVER_TRAIN = ("stormfront",)
# Training texts are cut here for the hashed candidate: serving scores 384-char windows, and
# the few very long comments otherwise dominate featurisation time.
HASHED_CHARS = 2000


class Candidate(Protocol):
    """Something trained on texts and a (rows, 6) label matrix with NaN for unknown."""

    def fit(self, texts: Sequence[str], labels: F64) -> Candidate:
        """Trains every head that has both classes among its labelled rows."""
        ...

    def predict(self, texts: Sequence[str]) -> F64:
        """(texts, 6) scores; NaN for heads that were not trained."""
        ...


def _fit_heads(
    x: sp.csr_matrix, labels: F64, make: Callable[[], LogisticRegression]
) -> list[LogisticRegression | None]:
    heads: list[LogisticRegression | None] = []
    for k in range(labels.shape[1]):
        known = ~np.isnan(labels[:, k])
        y = (labels[known, k] >= 0.5).astype(np.int64)
        if y.size == 0 or y.min() == y.max():
            heads.append(None)
            continue
        heads.append(make().fit(x[known], y))
    return heads


def _predict_heads(x: sp.csr_matrix, heads: Sequence[LogisticRegression | None]) -> F64:
    out = np.full((x.shape[0], len(heads)), np.nan)
    for k, head in enumerate(heads):
        if head is not None:
            out[:, k] = head.decision_function(x)
    return out


class Baseline:
    """The reference: scikit-learn TF-IDF word + char_wb and a balanced LR per category."""

    def __init__(self) -> None:
        self.word = TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), min_df=2, max_features=200_000, sublinear_tf=True
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            min_df=3,
            max_features=300_000,
            sublinear_tf=True,
        )
        self.heads: list[LogisticRegression | None] = []

    def _x(self, texts: Sequence[str], fit: bool) -> sp.csr_matrix:
        if fit:
            return sp.hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)])
        return sp.hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def fit(self, texts: Sequence[str], labels: F64) -> Baseline:
        """Fits both vectorisers on the training texts, then one LR per category."""
        x = self._x(texts, fit=True).tocsr()
        self.heads = _fit_heads(x, labels, lambda: LogisticRegression(C=4, class_weight="balanced"))
        return self

    def predict(self, texts: Sequence[str]) -> F64:
        """Decision values per category (monotone in probability, so AUC is the same)."""
        return _predict_heads(self._x(texts, fit=False), self.heads)


class Hashed:
    """The fast tier's features as sublinear TF-IDF, one balanced LR per category."""

    def __init__(self, bits: int = 20, min_df: int = 2, c: float = 4.0) -> None:
        self.bits, self.min_df, self.c = bits, min_df, c
        self.size = (1 << bits) + 1
        self.idf: F64 = np.zeros(0)
        self.heads: list[LogisticRegression | None] = []

    def _x(self, texts: Sequence[str]) -> sp.csr_matrix:
        from civility.training.experts import design, text_entries

        return design(
            text_entries([t[:HASHED_CHARS] for t in texts], self.bits), self.idf, self.size
        )

    def fit(self, texts: Sequence[str], labels: F64) -> Hashed:
        """Learns the idf on the training texts, then one LR per category."""
        from civility.training.experts import design, inverse_document_frequency, text_entries

        entries = text_entries([t[:HASHED_CHARS] for t in texts], self.bits)
        self.idf = inverse_document_frequency(entries, self.size, self.min_df)
        x = design(entries, self.idf, self.size)
        self.heads = _fit_heads(
            x, labels, lambda: LogisticRegression(C=self.c, class_weight="balanced", max_iter=300)
        )
        return self

    def predict(self, texts: Sequence[str]) -> F64:
        """Decision values per category."""
        return _predict_heads(self._x(texts), self.heads)


class Expert:
    """The fast tier's per-language toxicity expert (1.3.0 serves it for es/it/tr/ru/de/pt).

    Trained on the other sources' rows of the fold's own languages (one expert per language,
    as shipped: sublinear hashed TF-IDF, ``LogisticRegression(C=16)``); toxicity only. Unlike
    the other candidates it needs each row's language, so ``run_fold`` calls it directly.
    """

    size = (1 << 20) + 1

    def __init__(self, langs: Sequence[str]) -> None:
        self.langs = list(langs)
        self.experts: dict[str, Any] = {}

    def fit(self, texts: Sequence[str], labels: F64, row_langs: Sequence[str]) -> Expert:
        """Fits one expert per language of ``langs`` on its labelled training rows."""
        from civility.training.experts import NB_LANGS, fit_decision, text_entries

        for lang in self.langs:
            rows = [
                i for i, lg in enumerate(row_langs) if lg == lang and not np.isnan(labels[i, 0])
            ]
            y = (labels[rows, 0] >= 0.5).astype(np.int64)
            if y.size == 0 or y.min() == y.max():
                continue
            entries = text_entries([texts[i][:HASHED_CHARS] for i in rows], 20)
            self.experts[lang] = fit_decision(entries, y, self.size, nb=lang in NB_LANGS)
        return self

    def predict(self, texts: Sequence[str], row_langs: Sequence[str]) -> F64:
        """Toxicity decision values from each row's language expert (NaN without one)."""
        from civility.training.experts import text_entries

        out = np.full((len(texts), len(CATEGORIES)), np.nan)
        for lang, expert in self.experts.items():
            rows = [i for i, lg in enumerate(row_langs) if lg == lang]
            entries = text_entries([texts[i][:HASHED_CHARS] for i in rows], 20)
            out[rows, 0] = expert.decision(entries, self.size)
        return out


class Shipped:
    """The packaged fast tier, untouched: ``fit`` does nothing."""

    def __init__(self) -> None:
        from civility.scoring.model import load_fast_scorer

        self.scorer = load_fast_scorer()

    def fit(self, texts: Sequence[str], labels: F64) -> Shipped:
        """No training: the shipped weights are scored as they are."""
        return self

    def predict(self, texts: Sequence[str]) -> F64:
        """Calibrated probabilities of the shipped model."""
        out = np.zeros((len(texts), len(CATEGORIES)))
        for i in range(0, len(texts), 4096):
            out[i : i + 4096] = self.scorer.predict(texts[i : i + 4096])
        return out


class Recipe:
    """The fast tier's shared-head training recipe (``civility.training.pipeline``).

    The pool (with its implied negatives, identity counterfactuals and swaps) is featurised
    once; a fold fits on the rows of every other source, augmented rows included only when the
    row they were made from is not the left-out source's.
    """

    def __init__(self, pool: pd.DataFrame) -> None:
        from civility.training.data import (
            identity_counterfactuals,
            identity_swaps,
            imply_negative_labels,
            label_matrix,
        )
        from civility.training.pipeline import BITS, LANG_WEIGHT, SEED, TRAIN_CHARS
        from civility.training.pipeline import design_matrix as hashed_counts

        tr = pool[~pool["source"].isin(NEVER_TRAIN)].reset_index(drop=True)
        tr = imply_negative_labels(tr, ("severe_toxicity", "threat", "insult"))
        tr = pd.concat(
            [tr, identity_counterfactuals(tr, 0.04, SEED), identity_swaps(tr, 0.08, SEED)],
            ignore_index=True,
        )
        self.sources = tr["source"].to_numpy()
        self.labels = label_matrix(tr)
        self.weights = np.fromiter(
            (LANG_WEIGHT.get(v, 1.0) for v in tr["lang"]), dtype=np.float64, count=len(tr)
        )
        self.x = hashed_counts([t[:TRAIN_CHARS] for t in tr["text"]], BITS)

    def fold(self, source: str, categories: Sequence[int], texts: Sequence[str]) -> F64:
        """Fits the categories without ``source`` and returns raw logits for ``texts``."""
        from civility.training.linear import Targets, fit
        from civility.training.pipeline import BITS, L2, TRAIN_CHARS
        from civility.training.pipeline import design_matrix as hashed_counts

        keep = self.sources != source
        targets = Targets(
            self.labels[keep][:, list(categories)],
            self.weights[keep],
            np.full(int(keep.sum()), -1, dtype=np.int64),
            0,
        )
        # One L-BFGS per category head, as the pipeline's --per-head (the loss is separable).
        out = np.full((len(texts), len(CATEGORIES)), np.nan)
        x_test = hashed_counts([t[:TRAIN_CHARS] for t in texts], BITS)
        x_train = self.x[keep]
        for j, k in enumerate(categories):
            one = Targets(targets.labels[:, [j]], targets.weights, targets.lang, 0)
            w, b = fit(x_train, one, l2=L2, max_iter=300, verbose=False)
            out[:, k] = np.asarray(x_test @ w[:, 0]).ravel() + float(b[0])
        return out


FACTORIES: dict[str, Callable[[], Candidate]] = {
    "baseline": Baseline,
    "hashed": Hashed,
    "shipped": Shipped,
}
CANDIDATES = (*FACTORIES, "expert", "recipe")


def scorable(labels: F64) -> list[int]:
    """Category indices a fold can be scored on (enough rows of both classes)."""
    out = []
    for k in range(labels.shape[1]):
        y = labels[~np.isnan(labels[:, k]), k] >= 0.5
        if int(y.sum()) >= MIN_CLASS and int((~y).sum()) >= MIN_CLASS:
            out.append(k)
    return out


def run_fold(
    pool: pd.DataFrame,
    source: str,
    names: Sequence[str],
    shipped_unseen: Sequence[str],
    recipe: Recipe | None = None,
    only: Sequence[str] = (),
) -> dict[str, Any]:
    """Trains every candidate without ``source`` and scores it on that source."""
    test = pool[pool["source"] == source]
    train = pool[(pool["source"] != source) & ~pool["source"].isin(NEVER_TRAIN)]
    y_test = test[list(CATEGORIES)].to_numpy(dtype=np.float64)
    cats = [k for k in scorable(y_test) if not only or CATEGORIES[k] in only]
    result: dict[str, Any] = {
        "source": source,
        "lang": test["lang"].value_counts().to_dict(),
        "n_test": len(test),
        "n_train": len(train),
        "categories": {},
        "seconds": {},
    }
    if not cats:
        return result
    for k in cats:
        y = y_test[:, k]
        known = ~np.isnan(y)
        result["categories"][CATEGORIES[k]] = {
            "n": int(known.sum()),
            "positives": int((y[known] >= 0.5).sum()),
            "auc": {},
        }
    train_texts = train["text"].tolist()
    train_labels = train[list(CATEGORIES)].to_numpy(dtype=np.float64)
    for name in names:
        if name == "shipped" and source not in shipped_unseen:
            continue
        start = time.perf_counter()
        if name == "recipe":
            if recipe is None:
                raise ValueError("the recipe candidate needs the featurised pool")
            scores = recipe.fold(source, cats, test["text"].tolist())
        elif name == "expert":
            expert = Expert(sorted(set(test["lang"]) - {"en"}))
            expert.fit(train_texts, train_labels, train["lang"].tolist())
            scores = expert.predict(test["text"].tolist(), test["lang"].tolist())
        else:
            model = FACTORIES[name]().fit(train_texts, train_labels)
            scores = model.predict(test["text"].tolist())
        result["seconds"][name] = round(time.perf_counter() - start, 1)
        for k in cats:
            y = y_test[:, k]
            known = ~np.isnan(y) & ~np.isnan(scores[:, k])
            auc = roc_auc(y[known], scores[known, k]) if known.any() else float("nan")
            result["categories"][CATEGORIES[k]]["auc"][name] = (
                None if np.isnan(auc) else round(auc, 4)
            )
        print(f"  {source} {name}: {result['seconds'][name]} s", flush=True)
    return result


def format_table(folds: Sequence[dict[str, Any]], names: Sequence[str]) -> str:
    """One line per fold and category: n, positives and each candidate's AUC."""
    head = f"{'source':<22}{'category':<17}{'n':>7}{'pos':>7}" + "".join(f"{n:>10}" for n in names)
    lines = [head, "-" * len(head)]
    for fold in folds:
        for cat, row in fold["categories"].items():
            aucs = "".join(
                f"{row['auc'].get(n):>10.4f}" if row["auc"].get(n) is not None else f"{'-':>10}"
                for n in names
            )
            lines.append(f"{fold['source']:<22}{cat:<17}{row['n']:>7}{row['positives']:>7}{aucs}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the folds and writes the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pool", type=Path, required=True, help="the pool's train/ folder")
    parser.add_argument("--folds", default="", help="comma-separated sources (default: all)")
    parser.add_argument("--candidates", default="baseline,hashed,shipped")
    parser.add_argument("--shipped-unseen", default=",".join(SHIPPED_UNSEEN))
    parser.add_argument("--categories", default="", help="comma-separated (default: all)")
    parser.add_argument("--out", type=Path, default=Path("bench/results/loso.json"))
    args = parser.parse_args(argv)
    names = [n for n in args.candidates.split(",") if n]
    unknown = set(names) - set(CANDIDATES)
    if unknown:
        parser.error(f"unknown candidates: {sorted(unknown)}")
    pool = load_pool(args.pool)
    sources = [s for s in args.folds.split(",") if s] or sorted(pool["source"].unique())
    unseen = [s for s in args.shipped_unseen.split(",") if s]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    folds: list[dict[str, Any]] = []
    recipe = Recipe(pool) if "recipe" in names else None
    for source in sources:
        print(f"fold {source}", flush=True)
        only = [c for c in args.categories.split(",") if c]
        folds.append(run_fold(pool, source, names, unseen, recipe, only))
        report = {"candidates": names, "min_class": MIN_CLASS, "folds": folds}
        args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(format_table(folds, names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
