"""POST /v1/moderate on the embedded default or on PostgreSQL + RabbitMQ, from a load process.

Prints requests/s and p50/p95/p99 latency and writes bench/results/moderate-*.json. The baseline
in the same run is GET /healthz on the same server (the HTTP stack's own ceiling), so the ratio
says what scoring + deciding + storing costs. Targets (issue 20): embedded default 2,000 req/s
at p99 <= 50 ms; with --postgres (a fresh PostgreSQL database, RabbitMQ as the broker with the
outbox relay publishing every event, Redis for the flood/rate windows, as in bench/pipeline.py)
1,500 req/s at p99 <= 100 ms. With --postgres the report adds the CPU each part spent per
request (the server, PostgreSQL, RabbitMQ, Redis) during the moderate phase.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _loadgen import run_load
from _server import serve
from pipeline import AMQP, cpu_per_message, cpu_snapshot, fresh_database

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


@contextmanager
def _backend(postgres: bool, redis: str, relay: bool) -> Iterator[dict[str, str]]:
    """The server's storage settings: the embedded default, or a fresh PostgreSQL database with
    RabbitMQ (the relay on, every event published) and Redis windows."""
    if not postgres:
        yield {}
        return
    with fresh_database() as db_url:
        yield {
            "CIVILITY_DATABASE_URL": db_url,
            "CIVILITY_BROKER_URL": AMQP,
            "CIVILITY_EVENTS_EXCHANGE": "bench.events",
            "CIVILITY_RELAY_ENABLED": "true" if relay else "false",
            "CIVILITY_REDIS_URL": redis,
            "CIVILITY_LOG_LEVEL": "warning",
        }


def main() -> None:
    """Runs the benchmark."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--duration", type=float, default=20.0)
    p.add_argument("--scorer", default="builtin")
    p.add_argument("--workers", type=int, default=1, help="server processes (CIVILITY_WORKERS)")
    p.add_argument(
        "--postgres", action="store_true", help="PostgreSQL + RabbitMQ + Redis instead of SQLite"
    )
    p.add_argument(
        "--redis", default="redis://127.0.0.1:6379/0", help="with --postgres ('' = in memory)"
    )
    p.add_argument("--no-relay", action="store_true", help="with --postgres: events stay queued")
    args = p.parse_args()
    cpu: dict[str, float] | None = None
    with ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        backend = stack.enter_context(_backend(args.postgres, args.redis, not args.no_relay))
        server = stack.enter_context(
            serve(
                Path(tmp),
                {
                    "CIVILITY_SCORER": args.scorer,
                    "CIVILITY_WORKERS": str(args.workers),
                    # The load uses the admin key the server prints; its per-key limit (6,000 a
                    # minute) would turn most answers into 429s and measure the limiter instead.
                    "CIVILITY_RATE_LIMIT_ADMIN": "10000000/minute",
                    **backend,
                },
            )
        )
        baseline = _load(server.port, server.key, "healthz", args.concurrency, args.duration)
        before = cpu_snapshot(server.proc.pid, [])
        moderate = _load(server.port, server.key, "moderate", args.concurrency, args.duration)
        if args.postgres:
            cpu = cpu_per_message(
                before, cpu_snapshot(server.proc.pid, []), int(moderate["requests"])
            )
            cpu.pop("workers")
    target = {"rps": 1500, "p99_ms": 100} if args.postgres else {"rps": 2000, "p99_ms": 50}
    result = {
        "benchmark": "moderate",
        "backend": "postgresql+rabbitmq+redis" if args.postgres else "sqlite (embedded default)",
        "scorer": args.scorer,
        "concurrency": args.concurrency,
        "server_processes": args.workers,
        "duration_s": args.duration,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "baseline_healthz": baseline,
        "moderate": moderate,
        "moderate_vs_healthz_rps": round(moderate["rps"] / baseline["rps"], 3),
        "cpu_ms_per_request": cpu,
        "target": target,
    }
    RESULTS.mkdir(exist_ok=True)
    name = f"moderate{'-pg' if args.postgres else ''}-w{args.workers}-c{args.concurrency}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=2))
    print(
        f"GET /healthz     {baseline['rps']:>8.0f} req/s  p50 {baseline['p50_ms']} ms  "
        f"p95 {baseline['p95_ms']} ms  p99 {baseline['p99_ms']} ms"
    )
    print(
        f"POST /v1/moderate {moderate['rps']:>7.0f} req/s  p50 {moderate['p50_ms']} ms  "
        f"p95 {moderate['p95_ms']} ms  p99 {moderate['p99_ms']} ms  errors {moderate['errors']}"
    )
    if cpu is not None:
        print(f"CPU ms per request: {cpu}")
    print(
        f"ratio moderate/healthz: {result['moderate_vs_healthz_rps']}  (target: {target['rps']} "
        f"req/s, p99 <= {target['p99_ms']} ms) -> {RESULTS / name}"
    )


if __name__ == "__main__":
    main()
