"""Soak: POST /v1/moderate at a fixed arrival rate (default 1,000 req/s for 60 s) on the
embedded default (SQLite, in-process queue, the built-in model), from a separate process.

Open loop: request i is due at start + i / rate whatever happened to the earlier ones, and its
latency counts from that due time, so a stall shows up as the queue of late requests it causes
(a closed-loop generator would wait politely and hide it: coordinated omission). Reports the
achieved rate, errors by kind, p50/p90/p99/p99.9/max of every call and of the answered ones
(200) and the shed ones (503) apart, and writes bench/results/soak.json.

    .venv/bin/python bench/soak.py [--rate 1000] [--duration 60] [--connections 256]
        [--env CIVILITY_X=1 ...] [--src other/src]

Comparing server settings on a noisy machine: `--arm NAME:ENV=VALUE,ENV=VALUE` (twice or more)
with `--rounds N` runs the arms in turn, N rounds (ABAB... with the order flipped every other
round, so a drift in the machine's load falls on both), and writes the runs and each arm's
medians to bench/results/soak-arms.json, with the load average before and after each run:

    .venv/bin/python bench/soak.py --duration 60 --rounds 3 \
        --arm off:CIVILITY_MAX_IN_FLIGHT=0 --arm on:CIVILITY_MAX_IN_FLIGHT=128

The target a platform asked for: zero errors and p99 < 500 ms at 1,000 req/s for 60 s.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _loadgen import TEXTS, run_load, write_result
from _server import serve

RESULTS = Path(__file__).parent / "results"
TARGET_P99_MS = 500.0


def percentile(ordered: list[float], q: float) -> float:
    """The q-quantile of sorted values (nearest rank)."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


class Connection:
    """One keep-alive HTTP/1.1 connection (raw: the generator must not be the bottleneck)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, payload: bytes, timeout: float) -> int:
        """Sends one request and returns its status (reconnects after any failure)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        try:
            self.writer.write(payload)
            head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), timeout)
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await asyncio.wait_for(self.reader.readexactly(length), timeout)
            return int(head[9:12])
        except BaseException:
            self.writer.close()
            self.reader = self.writer = None
            raise


async def drive(args: argparse.Namespace) -> dict[str, object]:
    """Sends requests on schedule over a pool of connections; returns the raw outcome."""
    prefix = f"soak-{time.time_ns()}-"
    counter = itertools.count()

    def payload() -> bytes:
        n = next(counter)
        body = json.dumps(
            {
                "message_id": prefix + str(n),
                "author_id": f"u{n % 2000}",
                "channel_id": f"c{n % 50}",
                "text": TEXTS[n % len(TEXTS)],
            }
        ).encode()
        head = (
            f"POST /v1/moderate HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
            f"Authorization: Bearer {args.key}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body

    free: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(args.connections):
        free.put_nowait(Connection(args.host, args.port))
    latencies: list[float] = []
    by_status: dict[str, list[float]] = {"ok": [], "shed": []}
    errors: dict[str, int] = {}
    tasks: set[asyncio.Task[None]] = set()

    async def one(due: float, measured: bool) -> None:
        # Every request has `timeout` seconds from its due time, waiting for a free connection
        # included: past that it is a failure (a caller would have given up), and the
        # generator sheds it instead of letting an overload's backlog grow without end.
        deadline = due + args.timeout
        kind: str | None
        try:
            conn = await asyncio.wait_for(free.get(), max(0.0, deadline - time.perf_counter()))
        except TimeoutError:
            conn, kind = None, "not_sent_within_timeout"
        if conn is not None:
            try:
                remaining = max(0.001, deadline - time.perf_counter())
                status = await conn.request(payload(), remaining)
                kind = None if status < 400 else f"http_{status}"
            except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
                kind = type(exc).__name__
            finally:
                free.put_nowait(conn)
        if measured:
            took = (time.perf_counter() - due) * 1000
            latencies.append(took)
            if kind is None:
                by_status["ok"].append(took)
            elif kind == "http_503":
                by_status["shed"].append(took)
            if kind is not None:
                errors[kind] = errors.get(kind, 0) + 1

    total = int(args.rate * (args.warmup + args.duration))
    warm = int(args.rate * args.warmup)
    start = time.perf_counter() + 0.1
    for i in range(total):
        due = start + i / args.rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(one(due, i >= warm))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    sent_for = time.perf_counter() - start
    await asyncio.gather(*tasks)
    return {
        "latencies_ms": latencies,
        "ok_latencies_ms": by_status["ok"],
        "shed_latencies_ms": by_status["shed"],
        "errors": errors,
        "send_seconds": sent_for,
        "requests": total - warm,
    }


def loadgen_main() -> None:
    """The load process: drives the server and writes the raw outcome as JSON to --out."""
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--rate", type=float, default=1000.0)
    p.add_argument("--duration", type=float, default=60.0)
    p.add_argument("--warmup", type=float, default=5.0)
    p.add_argument("--connections", type=int, default=256)
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--out", required=True, help="file to write the JSON outcome to")
    args = p.parse_args(sys.argv[2:])
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    write_result(args.out, asyncio.run(drive(args)))


def summarise(raw: dict[str, Any], args: argparse.Namespace) -> dict[str, object]:
    """Turns the raw outcome into the report."""
    lat = sorted(float(x) for x in raw["latencies_ms"])
    errors: dict[str, int] = dict(raw["errors"])
    measured = int(raw["requests"])
    p99 = percentile(lat, 0.99)
    ok = sorted(float(x) for x in raw["ok_latencies_ms"])
    shed = sorted(float(x) for x in raw["shed_latencies_ms"])
    return {
        "rate_asked": args.rate,
        "timeout_s": args.timeout,
        "duration_s": args.duration,
        "requests": measured,
        "completed": len(lat),
        "answered_ok_rps": round((len(lat) - sum(errors.values())) / args.duration, 1),
        "errors": sum(errors.values()),
        "errors_by_kind": errors,
        "p50_ms": round(percentile(lat, 0.50), 2),
        "p90_ms": round(percentile(lat, 0.90), 2),
        "p99_ms": round(p99, 2),
        "p999_ms": round(percentile(lat, 0.999), 2),
        "max_ms": round(lat[-1], 2) if lat else None,
        # Answered (200) and shed (503 overloaded) calls apart: a shed call should be fast.
        "ok_p50_ms": round(percentile(ok, 0.50), 2),
        "ok_p99_ms": round(percentile(ok, 0.99), 2),
        "ok_max_ms": round(ok[-1], 2) if ok else None,
        "shed": len(shed),
        "shed_p50_ms": round(percentile(shed, 0.50), 2),
        "shed_p99_ms": round(percentile(shed, 0.99), 2),
        "meets_target": sum(errors.values()) == 0 and p99 < TARGET_P99_MS,
        "target": f"0 errors and p99 < {TARGET_P99_MS:g} ms",
    }


def run_once(args: argparse.Namespace, settings: dict[str, str]) -> dict[str, object]:
    """Starts the embedded default with the given settings, drives it, returns the report."""
    env = {**settings, **({"PYTHONPATH": args.src} if args.src else {})}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), env) as server:
        # A platform's backend calls with a service key (its rate limit is the one that applies).
        made = httpx.post(
            f"{server.url}/v1/apikeys",
            json={"role": "service", "name": "soak"},
            headers={"Authorization": f"Bearer {server.key}"},
            timeout=30,
        )
        made.raise_for_status()
        raw = run_load(
            [
                sys.executable,
                __file__,
                "--loadgen",
                f"--port={server.port}",
                f"--key={made.json()['secret']}",
                f"--rate={args.rate}",
                f"--duration={args.duration}",
                f"--warmup={args.warmup}",
                f"--connections={args.connections}",
                f"--timeout={args.timeout}",
            ]
        )
    report = summarise(raw, args)
    report["conditions"] = {
        "server": "civility serve, 1 process, embedded default (SQLite WAL, memory://, builtin)",
        "settings": settings,
        "cpus": os.cpu_count(),
        "load_average_1m_before": round(load_before, 2),
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "note": args.note,
        "source": args.src or "this tree",
    }
    return report


def _settings(pairs: list[str]) -> dict[str, str]:
    """Parses NAME=VALUE pairs."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"expected NAME=VALUE, got {pair!r}")
        out[name] = value
    return out


def _arm(spec: str) -> tuple[str, dict[str, str]]:
    """Parses NAME:ENV=VALUE,ENV=VALUE."""
    name, _, pairs = spec.partition(":")
    return name, _settings([p for p in pairs.split(",") if p])


MEDIANS = ("answered_ok_rps", "errors", "shed", "p50_ms", "p99_ms", "ok_p50_ms", "ok_p99_ms")


def alternate(args: argparse.Namespace, base: dict[str, str]) -> dict[str, object]:
    """Runs the arms in turn for args.rounds rounds; returns every run and each arm's medians."""
    arms = [_arm(spec) for spec in args.arm]
    runs: list[dict[str, object]] = []
    for round_no in range(args.rounds):
        order = arms if round_no % 2 == 0 else arms[::-1]
        for name, settings in order:
            report = run_once(args, {**base, **settings})
            report["arm"], report["round"] = name, round_no
            runs.append(report)
            line = {k: report[k] for k in MEDIANS}
            print(f"round {round_no} {name}: {json.dumps(line)}", flush=True)
    medians: dict[str, dict[str, float]] = {}
    for name, _ in arms:
        mine = [r for r in runs if r["arm"] == name]
        medians[name] = {
            k: statistics.median(float(r[k]) for r in mine)  # type: ignore[arg-type]
            for k in MEDIANS
        }
    return {"arms": dict(arms), "rounds": args.rounds, "medians": medians, "runs": runs}


def main() -> None:
    """Starts the embedded default, drives it from a second process, writes the report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rate", type=float, default=1000.0)
    p.add_argument("--duration", type=float, default=60.0)
    p.add_argument("--warmup", type=float, default=5.0)
    p.add_argument("--connections", type=int, default=256)
    p.add_argument("--timeout", type=float, default=10.0, help="Seconds a request may take")
    p.add_argument("--note", default="", help="Conditions to record (e.g. 'machine shared')")
    p.add_argument("--src", default=None, help="run the server from another source tree (its src/)")
    p.add_argument("--env", action="append", default=[], help="server setting NAME=VALUE")
    p.add_argument("--arm", action="append", default=[], help="NAME:ENV=VALUE,... (alternate)")
    p.add_argument("--rounds", type=int, default=3, help="rounds of the arms")
    p.add_argument("--out", default=None, help="file name under bench/results/")
    args = p.parse_args()
    base = _settings(args.env)
    if args.arm:
        report = alternate(args, base)
        out = args.out or "soak-arms.json"
    else:
        report = run_once(args, base)
        out = args.out or "soak.json"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / out).write_text(json.dumps(report, indent=2) + "\n")
    if args.arm:
        print(json.dumps({"medians": report["medians"]}, indent=2))
    else:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--loadgen":
        loadgen_main()
    else:
        main()
