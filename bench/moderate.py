"""POST /v1/moderate on the embedded default, driven from a separate load process.

Prints requests/s and p50/p95/p99 latency and writes bench/results/moderate.json. The baseline
in the same run is GET /healthz on the same server (the HTTP stack's own ceiling), so the ratio
says what scoring + deciding + storing costs. Targets (issue 2): 2,000 req/s at p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _loadgen import run_load
from _server import serve

RESULTS = Path(__file__).parent / "results"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _load(port: int, key: str, target: str, concurrency: int, duration: float) -> dict[str, float]:
    raw = run_load(
        [
            sys.executable,
            str(Path(__file__).parent / "_loadgen.py"),
            "--port",
            str(port),
            "--key",
            key,
            "--target",
            target,
            "--concurrency",
            str(concurrency),
            "--duration",
            str(duration),
        ]
    )
    samples = raw["samples_ms"]
    return {
        "requests": len(samples),
        "errors": raw["errors"],
        "rps": round(len(samples) / raw["duration_s"], 1),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(_percentile(samples, 0.95), 2),
        "p99_ms": round(_percentile(samples, 0.99), 2),
    }


def main() -> None:
    """Runs the benchmark."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--scorer", default="builtin")
    p.add_argument("--workers", type=int, default=1, help="server processes (CIVILITY_WORKERS)")
    args = p.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(
            Path(tmp),
            {
                "CIVILITY_SCORER": args.scorer,
                "CIVILITY_WORKERS": str(args.workers),
                # The load uses the admin key the server prints; its per-key limit (6,000 a
                # minute) would turn most answers into 429s and measure the limiter instead.
                "CIVILITY_RATE_LIMIT_ADMIN": "10000000/minute",
            },
        ) as server,
    ):
        baseline = _load(server.port, server.key, "healthz", args.concurrency, args.duration)
        moderate = _load(server.port, server.key, "moderate", args.concurrency, args.duration)
    result = {
        "benchmark": "moderate",
        "scorer": args.scorer,
        "concurrency": args.concurrency,
        "server_processes": args.workers,
        "duration_s": args.duration,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "baseline_healthz": baseline,
        "moderate": moderate,
        "moderate_vs_healthz_rps": round(moderate["rps"] / baseline["rps"], 3),
        "target": {"rps": 2000, "p99_ms": 50},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"moderate-w{args.workers}-c{args.concurrency}.json").write_text(
        json.dumps(result, indent=2)
    )
    print(
        f"GET /healthz     {baseline['rps']:>8.0f} req/s  p50 {baseline['p50_ms']} ms  "
        f"p95 {baseline['p95_ms']} ms  p99 {baseline['p99_ms']} ms"
    )
    print(
        f"POST /v1/moderate {moderate['rps']:>7.0f} req/s  p50 {moderate['p50_ms']} ms  "
        f"p95 {moderate['p95_ms']} ms  p99 {moderate['p99_ms']} ms  errors {moderate['errors']}"
    )
    print(
        f"ratio moderate/healthz: {result['moderate_vs_healthz_rps']}  (target: 2000 req/s, "
        f"p99 <= 50 ms) -> {RESULTS}"
    )


if __name__ == "__main__":
    main()
