"""Shared helpers of the held-out benchmarks (bench/threats.py, langid.py, fairness.py, context.py).

The sets under bench/data are held out: they report numbers and nothing else (bench/data/README.md).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH.parent / "src"))

from civility.scoring.base import TextAnalysis  # noqa: E402


def parser(doc: str | None, data: str, name: str) -> argparse.ArgumentParser:
    """Argument parser with the options every held-out benchmark takes."""
    ap = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA / data, help="JSON Lines set")
    ap.add_argument("--out", type=Path, default=RESULTS / f"{name}.json", help="JSON results")
    ap.add_argument("--scorer", choices=("fast", "cascade"), default="fast")
    ap.add_argument("--batch", type=int, default=256)
    return ap


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_scorer(name: str) -> Any:
    """The shipped fast tier, or the fast+accurate cascade when ``name`` is "cascade"."""
    if name == "cascade":
        # The accurate tier needs onnxruntime and its artifact; bench/scorer.py loads it alike.
        from civility.scoring.accurate import load_cascade

        return load_cascade(threads=int(os.environ["OMP_NUM_THREADS"]))
    from civility.scoring.model import load_fast_scorer

    return load_fast_scorer()


def analyze(scorer: Any, texts: Sequence[str], batch: int) -> tuple[list[TextAnalysis], float]:
    """Analyses of ``texts`` (no spans) in batches, and the seconds it took."""
    t0 = time.perf_counter()
    out: list[TextAnalysis] = []
    for i in range(0, len(texts), batch):
        out.extend(scorer.analyze(list(texts[i : i + batch]), explain=False))
    return out, time.perf_counter() - t0


def scorer_info(scorer: Any) -> dict[str, Any]:
    """Name, version and per-category thresholds of a scorer, for the results file."""
    return {
        "name": getattr(scorer, "name", type(scorer).__name__),
        "version": getattr(scorer, "version", None),
        "thresholds": dict(scorer.thresholds),
    }


def rate(hits: int, n: int) -> float:
    """hits / n, NaN for an empty group."""
    return hits / n if n else float("nan")


def fmt(x: float | int | str | None, width: int = 7) -> str:
    """Right-aligned table cell: floats with 3 decimals, NaN as a dash."""
    if isinstance(x, float):
        return f"{'-' if math.isnan(x) else f'{x:.3f}':>{width}}"
    return f"{'-' if x is None else x!s:>{width}}"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], first: int = 14) -> str:
    """A plain-text table: first column left-aligned, the rest right-aligned."""
    lines = [f"{header[0]:<{first}}" + "".join(fmt(h, max(7, len(h) + 1)) for h in header[1:])]
    widths = [max(7, len(h) + 1) for h in header[1:]]
    for row in rows:
        cells = "".join(fmt(v, w) for v, w in zip(row[1:], widths, strict=True))
        lines.append(f"{row[0]!s:<{first}}" + cells)
    return "\n".join(lines)


def clean(obj: Any) -> Any:
    """``obj`` with NaN floats as None, so the results file is strict JSON."""
    if isinstance(obj, float):
        return None if math.isnan(obj) else obj
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [clean(v) for v in obj]
    return obj


def write(out: Path, res: dict[str, Any]) -> None:
    """Writes results JSON (creating bench/results/) and says where."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(clean(res), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")
