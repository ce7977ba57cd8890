"""The SDK's pooled keep-alive client against a fresh connection per call, on a real server.

Prints calls/s and p50/p99 latency of `POST /v1/analyze` for two baselines (`httpx.post` per
call, what a naive integration does, and one client with keep-alive off: a TCP handshake per
call), `Civility` (sync, sequential) and
`AsyncCivility` (64 concurrent callers, max_concurrency=16). Writes bench/results/sdk_client.json.
"""

from __future__ import annotations

import asyncio
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _server import serve
from civility.client import AsyncCivility, Civility

RESULTS = Path(__file__).parent / "results"
CALLS = 1000
# The word-list scorer keeps scoring cheap, so the numbers are about the HTTP client.
SCORER = {"CIVILITY_SCORER": "lexicon-baseline"}
TEXT = "thanks for the help, see you tomorrow"


def _stats(name: str, latencies: list[float], elapsed: float) -> dict[str, float | str]:
    ordered = sorted(latencies)
    row: dict[str, float | str] = {
        "mode": name,
        "calls_per_s": round(len(ordered) / elapsed, 1),
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 2),
        "p99_ms": round(ordered[int(len(ordered) * 0.99)] * 1000, 2),
    }
    rate, p50, p99 = row["calls_per_s"], row["p50_ms"], row["p99_ms"]
    print(f"{name:<38} {rate:>8} calls/s  p50 {p50} ms  p99 {p99} ms")
    return row


def _timed(call: Callable[[], object]) -> tuple[list[float], float]:
    latencies = []
    start = time.perf_counter()
    for _ in range(CALLS):
        t = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - t)
    return latencies, time.perf_counter() - start


async def _async_burst(url: str, key: str) -> tuple[list[float], float]:
    latencies: list[float] = []
    async with AsyncCivility(url, key, max_concurrency=16) as civ:
        await civ.analyze(TEXT)  # warm the pool

        async def one() -> None:
            t = time.perf_counter()
            await civ.analyze(TEXT)
            latencies.append(time.perf_counter() - t)

        start = time.perf_counter()
        for _ in range(CALLS // 64):
            await asyncio.gather(*(one() for _ in range(64)))
        return latencies, time.perf_counter() - start


def main() -> None:
    """Runs the three modes against one server and writes the results."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), SCORER) as server:
        headers = {"Authorization": f"Bearer {server.key}"}

        def fresh() -> object:
            return httpx.post(f"{server.url}/v1/analyze", json={"text": TEXT}, headers=headers)

        fresh()
        rows.append(_stats("baseline: httpx.post per call", *_timed(fresh)))
        no_keepalive = httpx.Client(limits=httpx.Limits(max_keepalive_connections=0))
        with no_keepalive as http:

            def handshake() -> object:
                return http.post(f"{server.url}/v1/analyze", json={"text": TEXT}, headers=headers)

            rows.append(_stats("baseline: one client, no keep-alive", *_timed(handshake)))
        with Civility(server.url, server.key) as civ:
            civ.analyze(TEXT)
            rows.append(_stats("Civility (sync, keep-alive)", *_timed(lambda: civ.analyze(TEXT))))
        rows.append(
            _stats(
                "AsyncCivility (64 callers, limit 16)",
                *asyncio.run(_async_burst(server.url, server.key)),
            )
        )
    RESULTS.mkdir(exist_ok=True)
    out = {"calls": CALLS, "machine": platform.platform(), "results": rows}
    (RESULTS / "sdk_client.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
