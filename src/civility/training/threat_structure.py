"""Fits the threat-structure scorer's logistic model (``scoring/threat_structure.py``).

Training rows (team-written and pool, never the held-out sets still held out):

- ``threat_data.threat_rows``: templated threats in eight languages and benign rows with the
  same violent words (every split: the structure model's vocabulary is the lexicon, not the
  templates' words, so the templates' dev split says little about it);
- ``--rows``: team-written sets once held out and since used (threat sets v1-v3);
- the pool: English rows with a threat label that name harm (Jigsaw), and every language's
  non-toxic rows that name harm, as the real-world negatives ("the police shot him").

Model selection looks at ``--dev`` (a used threat set, v4 since 1.6.0) and at the pool's
tune buckets (90-94): non-toxic rows over the hide threshold, the false positives real
comments would see. Signals (learned threat, toxicity, rule score) come from the shipped fast
tier, as at serving time.

Run: ``python -m civility.training.threat_structure --pool PATH --rows SET ... --dev SET``.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy import optimize, sparse

from civility.scoring.model import load_fast_scorer
from civility.scoring.threat_structure import (
    ARTIFACT,
    StructureScorer,
    features,
    lexicon,
    signal_features,
)
from civility.scoring.threats import apply_threats
from civility.training.data import load_pool
from civility.training.threat_data import threat_rows

F64 = npt.NDArray[np.float64]
VERSION: Final[str] = "threat-structure-4"
L2: Final[float] = 1.0
BENIGN_WEIGHT: Final[float] = 2.0
POOL_WEIGHT: Final[float] = 1.0
POOL_NEGATIVES_PER_LANG: Final[int] = 4000
HIDE: Final[float] = 0.5
OFFSET: Final[float] = 0.0
OFFSETS: Final[tuple[float, ...]] = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)
SEED: Final[int] = 0


def file_rows(paths: Sequence[Path], source: str) -> pd.DataFrame:
    """Rows of team-written JSON Lines sets: text, lang, label, kind, source."""
    frames = []
    for path in paths:
        df = pd.read_json(path, lines=True)
        frames.append(df[["text", "lang", "label", "kind"]].assign(source=f"{source}:{path.stem}"))
    if not frames:
        return pd.DataFrame(columns=["text", "lang", "label", "kind", "source"])
    return pd.concat(frames, ignore_index=True)


def template_frame() -> pd.DataFrame:
    """The templated rows of every language."""
    rows = threat_rows()
    return pd.DataFrame(
        {
            "text": [r.text for r in rows],
            "lang": [r.lang for r in rows],
            "label": [r.label for r in rows],
            "kind": [r.kind for r in rows],
            "source": "templates",
        }
    )


def pool_frame(df: pd.DataFrame, split: str, rng: np.random.Generator) -> pd.DataFrame:
    """Pool rows of a split: English threat-labelled rows and non-toxic rows of every language."""
    part = df[df["split"] == split]
    labelled = part[part["threat"].notna()]
    pos = labelled[labelled["threat"] >= 0.5]
    frames = [pos.assign(label=1, kind="pool_threat")]
    nontoxic = part[(part["toxicity"] < 0.5) & (part["threat"].fillna(0) < 0.5)]
    for _, group in nontoxic.groupby("lang"):
        n = min(len(group), POOL_NEGATIVES_PER_LANG * (4 if split == "train" else 1))
        idx = rng.choice(len(group), size=n, replace=False)
        frames.append(group.iloc[np.sort(idx)].assign(label=0, kind="pool_nontoxic"))
    out = pd.concat(frames, ignore_index=True)
    return out[["text", "lang", "label", "kind"]].assign(source=f"pool:{split}")


def signals(texts: Sequence[str]) -> list[dict[str, float]]:
    """Serving-time signals of each text: the fast tier's toxicity (``signal_features``)."""
    fast = load_fast_scorer()
    out: list[dict[str, float]] = []
    for i in range(0, len(texts), 512):
        probs, _ = fast.model_proba(list(texts[i : i + 512]))
        out.extend(signal_features(float(p)) for p in probs[:, 0])
    return out


class Design:
    """Feature rows of texts that name harm, with a name -> column index."""

    def __init__(self, texts: Sequence[str], sigs: Sequence[dict[str, float]]) -> None:
        scorer = StructureScorer({}, lexicon(), VERSION)
        self.rows: list[dict[str, float] | None] = []
        for text, sig in zip(texts, sigs, strict=True):
            a = scorer.analyse(text)
            if not a.names_harm:
                self.rows.append(None)
                continue
            self.rows.append(features(a.hits, a.sentences, len(a.tokens), sig))

    def matrix(self, index: dict[str, int], grow: bool) -> tuple[sparse.csr_matrix, F64]:
        """CSR matrix of the rows that name harm (``grow``: add unseen names to ``index``)."""
        data: list[float] = []
        cols: list[int] = []
        ptr = [0]
        keep: list[int] = []
        for i, row in enumerate(self.rows):
            if row is None:
                continue
            keep.append(i)
            for name, value in row.items():
                j = index.get(name)
                if j is None and grow:
                    j = index[name] = len(index)
                if j is not None:
                    data.append(value)
                    cols.append(j)
            ptr.append(len(data))
        m = sparse.csr_matrix((data, cols, ptr), shape=(len(keep), len(index)))
        return m, np.asarray(keep, dtype=np.int64)


def weights(y: F64, source: npt.NDArray[np.str_], benign: float, pool: float) -> F64:
    """Row weights: benign rows ``benign``, pool rows times ``pool``, the classes balanced."""
    w = np.where(y == 1, 1.0, benign)
    w = np.where(np.char.startswith(source, "pool"), w * pool, w)
    return np.where(y == 1, w * (w[y == 0].sum() / max(w[y == 1].sum(), 1e-9)), w)


def sweep(
    design: Design, dev: pd.DataFrame, index: dict[str, int], beta: F64, base: F64, tag: str
) -> None:
    """Dev recall and false positives over the hide threshold at each bias offset."""
    y = dev["label"].to_numpy() == 1
    sources = dev["source"].to_numpy()
    langs = dev["lang"].to_numpy()
    for shift in OFFSETS:
        p = np.maximum(probabilities(design, index, beta - shift * unit(index)), base)
        cells = []
        for name in sorted(set(sources)):
            m = sources == name
            rec = float(np.mean(p[m & y] > HIDE)) if (m & y).any() else float("nan")
            fp = float(np.mean(p[m & ~y] > HIDE))
            worst = max(
                float(np.mean(p[m & ~y & (langs == lang)] > HIDE)) for lang in set(langs[m & ~y])
            )
            cells.append(f"{name.split(':')[-1][-3:]} R {rec:.3f} FP {fp:.4f} worst {worst:.3f}")
        print(f"[{tag} off {shift:.1f}] " + " | ".join(cells), flush=True)


def unit(index: dict[str, int]) -> F64:
    """The bias column as a vector (an offset subtracts a multiple of it)."""
    out = np.zeros(len(index))
    out[index["bias"]] = 1.0
    return out


def fit(x: sparse.csr_matrix, y: F64, w: F64, l2: float) -> F64:
    """Weighted L2 logistic regression (the bias column is penalised like the rest)."""

    def loss(beta: F64) -> tuple[float, F64]:
        z = x @ beta
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        ll = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        grad = x.T @ (w * (p - y))
        return float(ll + 0.5 * l2 * beta @ beta), grad + l2 * beta

    res = optimize.minimize(
        loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    return np.asarray(res.x, dtype=np.float64)


def probabilities(design: Design, index: dict[str, int], beta: F64) -> F64:
    """Probability per text; 0 where the text names no harm."""
    x, keep = design.matrix(index, grow=False)
    out = np.zeros(len(design.rows))
    out[keep] = 1.0 / (1.0 + np.exp(-(x @ beta)))
    return out


def report(frame: pd.DataFrame, prob: F64, base: F64, tag: str) -> dict[str, Any]:
    """Recall and false positives over the hide threshold per language, structure vs before."""
    out: dict[str, Any] = {}
    served = np.maximum(prob, base)
    for lang, idx in frame.groupby("lang").indices.items():
        y = frame["label"].to_numpy()[idx] == 1
        cell: dict[str, float] = {}
        for name, s in (("before", base[idx]), ("after", served[idx])):
            if y.any():
                cell[f"{name}_recall"] = float(np.mean(s[y] > HIDE))
            if (~y).any():
                cell[f"{name}_fp"] = float(np.mean(s[~y] > HIDE))
        out[str(lang)] = cell
        print(f"[{tag}] {lang} " + "  ".join(f"{k} {v:.3f}" for k, v in cell.items()), flush=True)
    return out


def served_before(texts: Sequence[str]) -> F64:
    """The shipped fast tier's served threat (rules, caps) without the structure scorer."""
    fast = load_fast_scorer()
    out: list[float] = []
    for i in range(0, len(texts), 512):
        batch = list(texts[i : i + 512])
        probs, _ = fast.model_proba(batch)
        out.extend(apply_threats(batch, probs, structure=False)[0][:, 3].tolist())
    return np.asarray(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: fit, report on the dev sets, write the artifact unless --dry-run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pool", type=Path, required=True, help="folder of the pool's *.csv.gz")
    ap.add_argument("--rows", type=Path, action="append", default=[], help="training set")
    ap.add_argument("--dev", type=Path, action="append", default=[], help="used set for dev")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--benign-weight", type=float, default=BENIGN_WEIGHT)
    ap.add_argument("--pool-weight", type=float, default=POOL_WEIGHT)
    ap.add_argument("--offset", type=float, default=OFFSET, help="subtracted from the bias")
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    ap.add_argument("--grid", action="store_true", help="also sweep l2 and benign weight")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rng = np.random.default_rng(SEED)
    pool = load_pool(args.pool)
    train = pd.concat(
        [template_frame(), file_rows(args.rows, "set"), pool_frame(pool, "train", rng)],
        ignore_index=True,
    )
    dev = pd.concat([file_rows(args.dev, "dev"), pool_frame(pool, "tune", rng)], ignore_index=True)
    print(f"{len(train)} train rows, {len(dev)} dev rows ({time.perf_counter() - t0:.0f}s)")
    d_train = Design(train["text"].tolist(), signals(train["text"].tolist()))
    d_dev = Design(dev["text"].tolist(), signals(dev["text"].tolist()))
    print(f"features built ({time.perf_counter() - t0:.0f}s)", flush=True)
    index: dict[str, int] = {}
    x, keep = d_train.matrix(index, grow=True)
    y = train["label"].to_numpy()[keep].astype(np.float64)
    source = train["source"].to_numpy()[keep].astype(str)
    print(f"{x.shape[0]} in-scope rows ({int(y.sum())} threats), {x.shape[1]} features")
    base = served_before(dev["text"].tolist())
    if args.grid:
        for l2 in (1.0, 10.0, 100.0):
            for bw in (1.0, 3.0):
                b = fit(x, y, weights(y, source, bw, args.pool_weight), l2)
                sweep(d_dev, dev, index, b, base, f"l2 {l2:g} bw {bw:g}")
    beta = fit(x, y, weights(y, source, args.benign_weight, args.pool_weight), args.l2)
    print(f"fitted ({time.perf_counter() - t0:.0f}s)", flush=True)
    sweep(d_dev, dev, index, beta, base, "chosen")
    beta = beta - args.offset * unit(index)
    prob = probabilities(d_dev, index, beta)
    for source_name, idx in dev.groupby("source").indices.items():
        report(dev.iloc[idx].reset_index(drop=True), prob[idx], base[idx], str(source_name))
    if args.dry_run:
        return 0
    names = {j: name for name, j in index.items()}
    kept = {names[j]: round(float(b), 5) for j, b in enumerate(beta) if abs(b) >= 1e-4}
    blob = {
        "version": VERSION,
        "weights": dict(sorted(kept.items())),
        "trained_on": {
            "templates": int((train["source"] == "templates").sum()),
            "sets": [p.name for p in args.rows],
            "pool_rows": int(train["source"].str.startswith("pool").sum()),
            "l2": args.l2,
            "benign_weight": args.benign_weight,
            "pool_weight": args.pool_weight,
            "offset": args.offset,
        },
    }
    args.out.write_text(json.dumps(blob, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(kept)} weights, {math.ceil(time.perf_counter() - t0)}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
