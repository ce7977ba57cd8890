"""``python -m civility.scoring.evaluate --data FILE.csv[.gz] [--json]``: metrics on a labelled CSV.

The CSV uses the training pool's schema (text, lang, source, six label columns with empty =
unknown, spans as JSON). Prints ROC-AUC, PR-AUC and F1 at the scorer's operating threshold per
category and per language, and character-level span F1 where spans are given.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES, Scorer
from civility.scoring.metrics import average_precision, f1_at, roc_auc, span_f1

F64 = npt.NDArray[np.float64]
BATCH: Final[int] = 2048


def _open(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open("r", encoding="utf-8", newline="")


def _label(value: str | None) -> float:
    return float(value) if value not in (None, "") else math.nan


def read_rows(path: Path) -> list[dict[str, str]]:
    """Reads the CSV as strings (empty stays empty: never read an unknown label as 0)."""
    csv.field_size_limit(1 << 24)
    with _open(path) as fh:
        return list(csv.DictReader(fh))


def _batches(texts: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(texts), BATCH):
        yield texts[i : i + BATCH]


def _thresholds(scorer: Scorer) -> dict[str, float]:
    thr = getattr(scorer, "thresholds", None)
    return dict(thr) if isinstance(thr, dict) else dict.fromkeys(CATEGORIES, 0.5)


def _block(y: F64, p: F64, thr: float) -> dict[str, Any]:
    m = ~np.isnan(y)
    return {
        "n": int(m.sum()),
        "positives": int(np.sum(y[m] >= 0.5)),
        "roc_auc": roc_auc(y[m], p[m]),
        "pr_auc": average_precision(y[m], p[m]),
        "f1": f1_at(y[m], p[m], thr),
    }


def evaluate_rows(rows: Sequence[dict[str, str]], scorer: Scorer) -> dict[str, Any]:
    """Metrics of ``scorer`` on already-read rows."""
    texts = [r["text"] for r in rows]
    probs = np.array(
        [[s[c] for c in CATEGORIES] for batch in _batches(texts) for s in scorer.score(batch)],
        dtype=np.float64,
    ).reshape(len(texts), len(CATEGORIES))
    thr = _thresholds(scorer)
    langs = np.array([r.get("lang", "") or "?" for r in rows])
    out: dict[str, Any] = {
        "n_rows": len(rows),
        "scorer": f"{scorer.name} {scorer.version}",
        "thresholds": thr,
    }
    cats: dict[str, Any] = {}
    for h, cat in enumerate(CATEGORIES):
        y = np.array([_label(r.get(cat)) for r in rows], dtype=np.float64)
        if np.all(np.isnan(y)):
            continue
        block = {"all": _block(y, probs[:, h], thr[cat])}
        for lang in sorted(set(langs.tolist())):
            sel = langs == lang
            if np.any(~np.isnan(y[sel])):
                block[f"lang={lang}"] = _block(y[sel], probs[sel, h], thr[cat])
        cats[cat] = block
    out["categories"] = cats
    span_rows = [i for i, r in enumerate(rows) if r.get("spans")]
    if span_rows:
        out["spans"] = span_metrics(rows, span_rows, scorer)
    return out


def span_metrics(
    rows: Sequence[dict[str, str]], idx: Sequence[int], scorer: Scorer
) -> dict[str, Any]:
    """Span F1 of the toxicity spans against the gold spans (SemEval-2021 per-text char F1)."""
    gold = [[(int(a), int(b)) for a, b in json.loads(rows[i]["spans"])] for i in idx]
    texts = [rows[i]["text"] for i in idx]
    pred: list[list[tuple[int, int]]] = []
    for batch in _batches(texts):
        for a in scorer.analyze(batch, explain=True):
            pred.append([(s.start, s.end) for s in a.spans if s.category == "toxicity"])
    sources = [rows[i].get("source", "") for i in idx]
    out: dict[str, Any] = {"all": {"n": len(idx), "span_f1": span_f1(gold, pred)}}
    for src in sorted(set(sources)):
        sel = [j for j, s in enumerate(sources) if s == src]
        out[f"source={src}"] = {
            "n": len(sel),
            "span_f1": span_f1([gold[j] for j in sel], [pred[j] for j in sel]),
            # Only texts with at least one gold span: how well the highlighted words match.
            "span_f1_gold_nonempty": span_f1(
                [gold[j] for j in sel if gold[j]], [pred[j] for j in sel if gold[j]]
            ),
        }
    return out


def evaluate_file(path: str | Path, scorer: Scorer | None = None) -> dict[str, Any]:
    """Evaluates the default scorer (or ``scorer``) on a CSV in the pool's schema."""
    if scorer is None:
        from civility.scoring.model import load_scorer

        scorer = load_scorer()
    return evaluate_rows(read_rows(Path(path)), scorer)


def format_report(result: dict[str, Any]) -> str:
    """Human-readable table of ``evaluate_file``'s result."""
    header = f"{'category':18s} {'slice':14s} {'n':>7s} {'pos':>6s} {'ROC-AUC':>8s} {'PR-AUC':>8s}"
    lines = [f"{result['scorer']}  rows={result['n_rows']}", header + f" {'F1@thr':>7s}"]
    for cat, block in result["categories"].items():
        for key, m in block.items():
            lines.append(
                f"{cat:18s} {key:14s} {m['n']:7d} {m['positives']:6d} "
                f"{m['roc_auc']:8.4f} {m['pr_auc']:8.4f} {m['f1']:7.4f}"
            )
    for key, m in result.get("spans", {}).items():
        lines.append(f"span F1 {key:30s} n={m['n']:6d} f1={m['span_f1']:.4f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point (the lead wires it as ``civility eval``)."""
    ap = argparse.ArgumentParser(prog="civility eval", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="CSV or CSV.GZ in the pool schema")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no such file: {args.data}", file=sys.stderr)
        return 2
    result = evaluate_file(args.data)
    print(json.dumps(result, indent=2, sort_keys=True) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
