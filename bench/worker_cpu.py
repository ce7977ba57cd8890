"""Worker CPU per message, in process: ModerationService.process on PostgreSQL, batch by batch.

The pipeline benchmark shares two cores between seven processes, so a 10% change in the
worker drowns in noise there. This one runs only the worker's own work (read the batch,
pre-check, score, decide, one write transaction) and measures this thread's CPU time per
batch. With --baseline SRC it alternates runs of this tree and of another source tree (a
`git worktree` of an older commit) in child processes and reports both medians and the ratio:

    git worktree add /tmp/base <commit>
    .venv/bin/python bench/worker_cpu.py --baseline /tmp/base/src --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline import fresh_database, page

RESULTS = Path(__file__).resolve().parent / "results"


def measure(n: int, batch: int, redis_url: str, authors: int) -> dict[str, Any]:
    """Accepts n messages, then processes them in batches; returns CPU µs per message."""
    from civility.container import build_container
    from civility.moderation.models import IncomingMessage
    from civility.settings import load_settings
    from civility.storage.db import upgrade

    with fresh_database() as db_url:
        upgrade(db_url)
        settings = load_settings(
            database_url=db_url, redis_url=redis_url, broker_url="memory://", relay_enabled=False
        )
        container = build_container(settings)
        try:
            service = container.moderation
            ids: list[str] = []
            for start in range(0, n, 1000):
                body = page(start, min(1000, n - start), "cpu")["messages"]
                for j, m in enumerate(body):
                    # Fewer authors, longer histories: each batch reads more strikes in force.
                    m["author_id"] = f"cpu-user{(start + j) % authors}"
                accepted, _ = service.accept([IncomingMessage(**m) for m in body])
                ids.extend(a.id for a in accepted)
            service.process(ids[:batch])  # warm-up: model, caches, connections
            per_message = []
            for i in range(batch, len(ids), batch):
                chunk = ids[i : i + batch]
                t0 = time.thread_time()
                service.process(chunk)
                per_message.append((time.thread_time() - t0) / len(chunk) * 1e6)
        finally:
            container.close()
    return {
        "batches": len(per_message),
        "median_us_per_message": round(statistics.median(per_message), 1),
        "p90_us_per_message": round(statistics.quantiles(per_message, n=10)[8], 1),
        # Other work on the machine only ever adds CPU time (steal, cache misses): the lower
        # quartile of the same batches is the steadier figure to compare two trees by.
        "p25_us_per_message": round(statistics.quantiles(per_message, n=4)[0], 1),
    }


def child(src: str | None, args: argparse.Namespace) -> dict[str, Any]:
    """Runs one measurement in a fresh interpreter (with another source tree first on the path)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, __file__, "--child", "--n", str(args.n), "--batch", str(args.batch)]
    cmd += ["--redis", args.redis, "--authors", str(args.authors)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    """Parses arguments, runs the rounds and writes bench/results/<out>."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--n", type=int, default=20_000, help="messages per run")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--authors", type=int, default=997, help="distinct authors (pipeline: 997)")
    p.add_argument("--redis", default="redis://127.0.0.1:6379/0", help="'' = in-memory windows")
    p.add_argument("--baseline", default=None, help="source tree to compare with (its src/)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--out", default="worker_cpu.json")
    args = p.parse_args()
    if args.child:
        print(json.dumps(measure(args.n, args.batch, args.redis, args.authors)))
        return
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "baseline": []}
    for _ in range(args.rounds):
        runs["this"].append(child(None, args))
        if args.baseline:
            runs["baseline"].append(child(args.baseline, args))
    summary = {
        name: statistics.median(r["median_us_per_message"] for r in rs)
        for name, rs in runs.items()
        if rs
    }
    result: dict[str, Any] = {
        "benchmark": "worker_cpu",
        "args": vars(args),
        "runs": runs,
        "median_us_per_message": summary,
    }
    if "baseline" in summary:
        result["baseline_over_this"] = round(summary["baseline"] / summary["this"], 3)
        # Each round runs both trees back to back: the median of the rounds' own ratios
        # cancels the load that moves between rounds.
        for figure in ("median", "p25"):
            key = f"{figure}_us_per_message"
            ratios = [b[key] / t[key] for t, b in zip(runs["this"], runs["baseline"], strict=True)]
            result[f"paired_{figure}_baseline_over_this"] = round(statistics.median(ratios), 3)
        result["p25_us_per_message"] = {
            name: statistics.median(r["p25_us_per_message"] for r in rs)
            for name, rs in runs.items()
        }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
