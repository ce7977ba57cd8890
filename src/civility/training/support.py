"""Writes the support matrix (``scoring/support.py``) from measurements on held-out data.

Evidence, per (language, category), in order of preference:

1. ``heldout_threat_set``: for ``threat``, the team-written held-out threat set
   (``bench/data/threats_heldout_v8.jsonl`` since 1.9.0, v7 for 1.8.0, v6 for 1.7.0, v5 for
   1.6.0, v4 for 1.5.1-1.5.2, v3 for 1.5.0; ``bench/threats.py``):
   threats and benign sentences with the same violent words, written blind to the rules and
   the training data. AUC of the threat score over it. (1.4.0 used v1 and v2 together; 1.5.0
   trains its threat head on those two, so they are no longer evidence.)
2. ``validation_buckets``: buckets 90-99 of the pool (``sha1(text) mod 100``), never trained
   on. In-source: the same sites and years as the training rows, so an optimistic estimate;
   the model card puts the leave-one-source-out numbers beside it.
3. ``expert_cross_validation``: for toxicity, where the validation buckets hold too few rows of
   a class (Italian: 15 positives), the language expert's 5-fold out-of-fold AUC on its
   training rows (``fast-*.metrics.json``, ``experts``): the same recipe, scored on rows each
   fold's model did not see. In-source too.

A pair is supported when its AUC reaches ``FLOOR`` with at least ``MIN_CLASS`` rows of each
class; anything else (including no evidence at all) is unsupported. Threat, measured on the
held-out threat set, is supported by the same AUC floor (since 1.4.0 its
score is graded: a learned head plus the rule tier) or, failing that, by what a policy does with
it: at most ``THREAT_MAX_FPR`` of the benign sentences and at least ``THREAT_MIN_RECALL`` of
the threats over 0.5 (the rule for 1.3.0, whose threat score was the rule tier's 0.7, 0.9 or
nothing outside English). The AUC-or-precision rule was adopted in the session that measured
1.4.0, after seeing es, it and de at 5.4% false positives (the model card says so). In 1.5.0's
session the recall minimum went from 25% to 10%, after seeing French at 21% recall with 2.9%
false positives on v3: an unsupported score is null and never acted on, so nulling a precise
one only lets the threats it does catch through; the minimum now only keeps a score that
catches next to nothing from being advertised.

Run: ``python -m civility.training.support --pool PATH [--threats bench/results/threats.json]``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from civility.scoring.base import CATEGORIES
from civility.scoring.linear_model import ARTIFACT_DIR
from civility.scoring.metrics import roc_auc
from civility.scoring.model import load_fast_scorer
from civility.scoring.support import SUPPORT_FILE, Cell, SupportMatrix
from civility.training.data import TUNE_LO, load_pool

FLOOR: Final[float] = 0.80
THREAT_MAX_FPR: Final[float] = 0.05
THREAT_MIN_RECALL: Final[float] = 0.10
MIN_CLASS: Final[int] = 20
# Languages the matrix lists; fr has no labelled rows, so only the threat set can support it.
LANGUAGES: Final[tuple[str, ...]] = ("en", "es", "it", "tr", "ru", "de", "pt", "fr")
BATCH: Final[int] = 4096


def bucket_cells(
    frame: pd.DataFrame, probs: np.ndarray[Any, Any], floor: float = FLOOR
) -> dict[str, dict[str, Cell]]:
    """Cells from scored validation rows: per language of the pool and category."""
    out: dict[str, dict[str, Cell]] = {}
    for lang in LANGUAGES:
        sel = (frame["lang"] == lang).to_numpy()
        cells: dict[str, Cell] = {}
        for k, cat in enumerate(CATEGORIES):
            y = frame[cat].to_numpy(dtype=np.float64)[sel]
            known = ~np.isnan(y)
            pos = int((y[known] >= 0.5).sum())
            neg = int(known.sum()) - pos
            if pos < MIN_CLASS or neg < MIN_CLASS:
                note = f"{pos} positive and {neg} negative labelled rows: too few to measure"
                cells[cat] = Cell(False, None, int(known.sum()), pos, "none", note)
                continue
            auc = roc_auc(y[known], probs[sel][known, k])
            cells[cat] = Cell(
                auc >= floor, round(auc, 4), int(known.sum()), pos, "validation_buckets"
            )
        out[lang] = cells
    return out


def threat_cells(report: Mapping[str, Any], floor: float = FLOOR) -> dict[str, Cell]:
    """Threat cells per language from ``bench/threats.py``'s JSON (``by_language``)."""
    out: dict[str, Cell] = {}
    for lang, row in report.get("by_language", {}).items():
        auc = row.get("roc_auc")
        if auc is None or lang == "all":
            continue
        note = (
            f"recall {row['recall_hide']:.2f} at the hide threshold (0.5) with "
            f"{row['fpr_hide']:.2f} false positives on benign sentences with the same words"
        )
        precise = row["fpr_hide"] <= THREAT_MAX_FPR and row["recall_hide"] >= THREAT_MIN_RECALL
        classes = min(int(row["n_threat"]), int(row["n_benign"])) >= MIN_CLASS
        out[lang] = Cell(
            precise or (classes and float(auc) >= floor),
            round(float(auc), 4),
            int(row["n_threat"]) + int(row["n_benign"]),
            int(row["n_threat"]),
            "heldout_threat_set",
            note,
        )
    return out


def build(
    pool: Path, artifacts: Path, threats: Mapping[str, Any] | None, floor: float = FLOOR
) -> SupportMatrix:
    """Scores the validation buckets with the artifact and assembles the matrix."""
    df = load_pool(pool)
    val = df[df["bucket"] >= TUNE_LO].reset_index(drop=True)
    scorer = load_fast_scorer(artifacts)
    texts = val["text"].tolist()
    probs = np.concatenate(
        [scorer.predict(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
    )
    cells = bucket_cells(val, probs, floor)
    metrics = json.loads(
        (artifacts / f"fast-{scorer.version}.metrics.json").read_text(encoding="utf-8")
    )
    for lang, info in metrics.get("experts", {}).items():
        cell = cells.get(lang, {}).get("toxicity")
        if cell is not None and cell.evidence == "none":
            auc = float(info["cv_roc_auc"])
            cells[lang]["toxicity"] = Cell(
                auc >= floor,
                round(auc, 4),
                int(info["n"]),
                int(info["positives"]),
                "expert_cross_validation",
                f"validation buckets too small ({cell.note}); 5-fold out-of-fold AUC instead",
            )
    for lang, cell in threat_cells(threats or {}, floor).items():
        cells.setdefault(lang, {})["threat"] = cell
    description = (
        f"AUC floor {floor} on held-out data (validation buckets 90-99 of the pool, in-source); "
        f"threat: on the held-out threat sets, the same floor, or at most {THREAT_MAX_FPR:.0%} "
        f"of benign sentences and at least {THREAT_MIN_RECALL:.0%} of threats over 0.5"
    )
    return SupportMatrix.build(floor, cells, f"{scorer.name} {scorer.version}", description)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python -m civility.training.support``."""
    ap = argparse.ArgumentParser(prog="python -m civility.training.support", description=__doc__)
    ap.add_argument("--pool", type=Path, required=True, help="the pool's train/ folder")
    ap.add_argument("--artifacts", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--threats", type=Path, default=None, help="bench/threats.py JSON")
    ap.add_argument("--floor", type=float, default=FLOOR)
    args = ap.parse_args(argv)
    threats = json.loads(args.threats.read_text()) if args.threats else None
    matrix = build(args.pool, args.artifacts, threats, args.floor)
    path = args.artifacts / SUPPORT_FILE
    path.write_text(json.dumps(matrix.to_json(), indent=2) + "\n", encoding="utf-8")
    for lang, cells in sorted(matrix.languages.items()):
        row = " ".join(
            f"{c}={'Y' if cell.supported else '-'}{'' if cell.auc is None else f'{cell.auc:.3f}'}"
            for c, cell in cells.items()
        )
        print(f"{lang}: {row}")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
