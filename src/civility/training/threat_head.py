"""Fits the fast tier's extra threat head on the pool plus team-written threat templates.

The pool labels threats only in English (Jigsaw), so the shared threat column scores
"я тебя убью" or "seni öldüreceğim" like small talk. Refitting that column with templates cost
0.03-0.05 threat AUC on the English tune buckets (the templates' notion of a threat is not
Jigsaw's), so the templates get a column of their own instead (``LinearModel.extra_heads``):
serving takes the max of the two calibrated probabilities, then the rule tier. The other
heads, the language head and the experts are kept as they are. The extra column is fitted on:

- the pool's train buckets (0-89) with a threat label, where toxicity == 0 implies threat == 0
  for rows without one (``data.imply_negative_labels``), sources excluded as in training;
- the ``train`` split of ``threat_data.threat_rows``: templated threats in eight languages,
  benign sentences with the same violent words, insults that threaten nothing, neutral chat,
  each row weighted ``--template-weight``;
- ``--extra-rows``: team-written sentence sets once held out and since used (1.5.0 trains on
  ``bench/data/threats_heldout.jsonl`` and ``threats_heldout_v2.jsonl``), weighted like the
  templates. A set named here is training data from then on, never evidence.

Its probability is sigmoid(raw - cut), with the cut at ``--quantile`` of the tune buckets'
non-threats (every language), so the head alone lifts few real comments over 0.5. The ``dev``
split of the templates (templates and violent phrases no train row uses) and the tune buckets
(90-94) are printed before and after, and the template weight and quantile are chosen on them;
the held-out sets in ``bench/data`` are not read. Then the artifact is re-finalised
(calibration, thresholds, metrics) under ``pipeline.VERSION``.

Run: ``python -m civility.training.threat_head --pool PATH [--dry-run]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from civility.scoring.linear_model import (
    ARTIFACT_DIR,
    Calibration,
    LinearModel,
    chunked_logits,
    load_artifact,
    predict_proba,
)
from civility.scoring.metrics import roc_auc
from civility.scoring.threats import apply_threats
from civility.training.data import LABELS, imply_negative_labels, load_pool
from civility.training.linear import Targets, fit
from civility.training.pipeline import (
    BITS,
    L2,
    LANG_WEIGHT,
    TRAIN_CHARS,
    design_matrix,
    finalise,
)
from civility.training.threat_data import threat_rows

F64 = npt.NDArray[np.float64]
THREAT: Final[int] = LABELS.index("threat")
TEMPLATE_WEIGHT: Final[float] = 1.0
# Template non-threats count this many times a template threat: benign uses of violent words
# are what the head must learn to leave alone.
BENIGN_WEIGHT: Final[float] = 3.0
# The extra head's probability is sigmoid(raw - cut), where this share of the tune buckets'
# non-threats (all languages) score below the cut: ~0.3% of them reach 0.5 from it. Chosen on
# the templates' dev split as the highest recall with at most 5% false positives over 0.5 in
# every language (0.995: pt 7.7%, fr 8.8%; 0.997: at most 4.4%, recall 0.58-0.72).
QUANTILE: Final[float] = 0.997
HIDE: Final[float] = 0.5


def pool_rows(df: pd.DataFrame, excluded: Sequence[str]) -> pd.DataFrame:
    """Train-bucket rows with a (possibly implied) threat label: text, lang, threat, weight."""
    tr = df[(df["split"] == "train") & ~df["source"].isin(list(excluded))].reset_index(drop=True)
    tr = imply_negative_labels(tr, ("threat",))
    tr = tr[tr["threat"].notna()]
    weight = np.fromiter((LANG_WEIGHT.get(v, 1.0) for v in tr["lang"]), dtype=np.float64)
    return pd.DataFrame(
        {"text": tr["text"], "lang": tr["lang"], "threat": tr["threat"], "weight": weight}
    ).reset_index(drop=True)


def template_rows(
    split: str, weight: float, benign_weight: float = 1.0, seed: int = 0
) -> pd.DataFrame:
    """Templated rows of one split: text, lang, threat, weight (non-threats x benign_weight)."""
    rows = [r for r in threat_rows(seed) if r.split == split]
    return pd.DataFrame(
        {
            "text": [r.text for r in rows],
            "lang": [r.lang for r in rows],
            "threat": [float(r.label) for r in rows],
            "weight": [weight * (1.0 if r.label else benign_weight) for r in rows],
            "kind": [r.kind for r in rows],
        }
    )


def file_rows(paths: Sequence[Path], weight: float, benign_weight: float = 1.0) -> pd.DataFrame:
    """Rows of team-written JSON Lines sets (``lang``, ``text``, ``label``) used for training."""
    records = [
        json.loads(line)
        for path in paths
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return pd.DataFrame(
        {
            "text": [r["text"] for r in records],
            "lang": [r["lang"] for r in records],
            "threat": [float(r["label"]) for r in records],
            "weight": [weight * (1.0 if r["label"] else benign_weight) for r in records],
        }
    )


def fit_threat_column(
    rows: pd.DataFrame, prev: LinearModel, l2: float, iters: int
) -> tuple[npt.NDArray[np.float32], float]:
    """A threat column (and bias) fitted on ``rows``, warm-started from the shared head's."""
    x = design_matrix([t[:TRAIN_CHARS] for t in rows["text"]], BITS)
    targets = Targets(
        rows["threat"].to_numpy(dtype=np.float64)[:, None],
        rows["weight"].to_numpy(dtype=np.float64),
        np.full(len(rows), -1, dtype=np.int64),
        0,
    )
    w0 = prev.weights[: (1 << BITS) + 1, [THREAT]].astype(np.float32)
    col, bias = fit(x, targets, l2=l2, max_iter=iters, init=(w0, prev.bias[[THREAT]]))
    return col[:, 0], float(bias[0])


def with_extra_head(prev: LinearModel, col: npt.NDArray[np.float32], bias: float) -> LinearModel:
    """``prev`` (without any extra head it had) plus ``col`` as its extra threat head."""
    keep = prev.lang_end
    weights = np.hstack([prev.weights[:, :keep], col.astype(prev.weights.dtype)[:, None]])
    return dataclasses.replace(
        prev,
        weights=weights,
        bias=np.append(prev.bias[:keep], np.float32(bias)).astype(np.float32),
        extra_heads=("threat",),
    )


def negatives(tune: pd.DataFrame) -> pd.DataFrame:
    """Tune-bucket rows that are not threats (toxicity == 0 implies it), every language."""
    implied = imply_negative_labels(tune, ("threat",))
    return implied[implied["threat"] == 0].reset_index(drop=True)


def extra_cut(model: LinearModel, tune_negatives: pd.DataFrame, quantile: float) -> float:
    """The extra head's raw logit that ``quantile`` of the tune negatives stay below."""
    logits, owner = chunked_logits(model, list(tune_negatives["text"]))
    raw = np.full(len(tune_negatives), -np.inf)
    np.maximum.at(raw, owner, logits[:, model.lang_end].astype(np.float64))
    return float(np.quantile(raw, quantile))


def served_threat(model: LinearModel, calib: Calibration, texts: Sequence[str]) -> F64:
    """The served threat probability: linear heads, then the rule tier, as FastScorer does."""
    probs = predict_proba(model, calib, list(texts))[0]
    return apply_threats(list(texts), probs)[0][:, THREAT]


def dev_report(
    model: LinearModel, calib: Calibration, tune: pd.DataFrame, dev: pd.DataFrame
) -> dict[str, Any]:
    """Served threat: tune-bucket AUC and FPR over 0.5, dev recall/FPR over 0.5 per language."""
    labelled = imply_negative_labels(tune, ("threat",))
    labelled = labelled[labelled["threat"].notna()]
    s_t = served_threat(model, calib, list(labelled["text"]))
    y_t = labelled["threat"].to_numpy() >= 0.5
    out: dict[str, Any] = {
        "tune": {"auc": roc_auc(y_t, s_t), "fpr": float(np.mean(s_t[~y_t] > HIDE))},
    }
    s_d = served_threat(model, calib, list(dev["text"]))
    y = dev["threat"].to_numpy() >= 0.5
    for lang in sorted(dev["lang"].unique()):
        m = (dev["lang"] == lang).to_numpy()
        out[lang] = {
            "recall": float(np.mean(s_d[m & y] > HIDE)),
            "fpr": float(np.mean(s_d[m & ~y] > HIDE)),
            "auc": roc_auc(y[m], s_d[m]),
        }
    return out


def print_report(tag: str, report: dict[str, Any]) -> None:
    """One line per language of a dev report."""
    for key, cell in report.items():
        parts = [f"{k} {v:.3f}" for k, v in cell.items()]
        print(f"[{tag}] {key:5s} " + "  ".join(parts), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: fit the extra threat head, report on the dev split, save unless --dry-run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pool", type=Path, required=True, help="folder of the pool's *.csv.gz")
    ap.add_argument("--artifact", type=Path, default=ARTIFACT_DIR, help="artifact to start from")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--template-weight", type=float, default=TEMPLATE_WEIGHT)
    ap.add_argument("--benign-weight", type=float, default=BENIGN_WEIGHT)
    ap.add_argument("--quantile", type=float, default=QUANTILE)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--max-iter", type=int, default=300)
    ap.add_argument("--exclude-source", action="append", default=None)
    ap.add_argument(
        "--extra-rows",
        type=Path,
        action="append",
        default=[],
        help="a team-written JSON Lines set (lang, text, label) to train on as well; a set used"
        " here is no longer held out",
    )
    ap.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = ap.parse_args(argv)
    excluded = ["stormfront"] if args.exclude_source is None else args.exclude_source
    t0 = time.perf_counter()
    prev, prev_calib, manifest = load_artifact(args.artifact)
    prev_metrics = json.loads(
        (args.artifact / f"fast-{manifest['version']}.metrics.json").read_text()
    )
    df = load_pool(args.pool)
    tune = df[df["split"] == "tune"].reset_index(drop=True)
    dev = template_rows("dev", 1.0)
    print_report("before", dev_report(prev, prev_calib, tune, dev))
    rows = pd.concat(
        [
            pool_rows(df, excluded),
            template_rows("train", args.template_weight, args.benign_weight),
            file_rows(args.extra_rows, args.template_weight, args.benign_weight),
        ],
        ignore_index=True,
    )
    print(f"{len(rows)} rows, {int(rows['threat'].sum())} threats", flush=True)
    col, bias = fit_threat_column(rows, prev, args.l2, args.max_iter)
    print(f"fitted in {time.perf_counter() - t0:.0f}s", flush=True)
    model = with_extra_head(prev, col, bias)
    cut = extra_cut(model, negatives(tune), args.quantile)
    base = Calibration(
        prev_calib.slope[: model.n_cat],
        prev_calib.intercept[: model.n_cat],
        prev_calib.lang_offset[: model.n_cat],
    )
    print_report("after", dev_report(model, base.extended([1.0], [-cut]), tune, dev))
    if args.dry_run:
        return 0
    info = {
        k: prev_metrics[k]
        for k in ("n_train", "l2", "max_iter", "fit_seconds", "options", "experts")
        if k in prev_metrics
    }
    info["threat_head"] = {
        "from": manifest["version"],
        "template_weight": args.template_weight,
        "benign_weight": args.benign_weight,
        "quantile": args.quantile,
        "cut": cut,
        "l2": args.l2,
        "max_iter": args.max_iter,
        "rows": len(rows),
        "threats": int(rows["threat"].sum()),
        "extra_rows": [path.name for path in args.extra_rows],
    }
    finalise(
        df,
        model.weights[: (1 << BITS) + 1].astype(np.float32),
        model.bias,
        args.out,
        excluded,
        info,
        reuse_experts=prev.experts,
        extra_heads=model.extra_heads,
        extra_calibration=([1.0], [-cut]),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
