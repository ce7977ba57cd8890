"""The ingest bench counts what the server applied even when its reads are rate limited.

The single-rating HTTP run once reported 5 ratings/s applied and `applied_all: false`: the
bench's admin key hit the per-key limit (6,000 requests/minute), the count's reads of the 200
posts got 429, each counted as 0, so the sum never reached the accepted total and the wait ran
to its 300 s deadline. Here a fake server throttles reads on a fake clock (no sleeping).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import httpx
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ratings_ingest.py"
PER_POST = 7


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ratings_ingest", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ratings_ingest"] = module
    spec.loader.exec_module(module)
    return module


class FakeTime:
    """perf_counter and sleep on a clock that only moves when slept on (or per request)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def perf_counter(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def throttled_server(clock: FakeTime, reads_per_minute: int) -> httpx.MockTransport:
    """Every post holds PER_POST ratings; post reads beyond the limit of the current fixed
    minute get 429 with Retry-After, as the per-key limiter answers."""
    window = {"start": clock.now, "used": 0}

    def handle(request: httpx.Request) -> httpx.Response:
        clock.now += 0.001  # a request takes a millisecond
        if request.url.path == "/metrics":
            return httpx.Response(200, text="civility_rating_backlog 0.0\n")
        if clock.now - window["start"] >= 60:
            window.update(start=clock.now, used=0)
        if window["used"] >= reads_per_minute:
            wait = 60 - (clock.now - window["start"])
            body = {"error": {"code": "rate_limited", "message": "over the key's limit"}}
            return httpx.Response(429, json=body, headers={"Retry-After": str(int(wait) + 1)})
        window["used"] += 1
        post = request.url.path.split("/")[3]
        return httpx.Response(200, content=json.dumps({"post_id": post, "count": PER_POST}))

    return httpx.MockTransport(handle)


def patch(monkeypatch: pytest.MonkeyPatch, bench: ModuleType, clock: FakeTime, limit: int) -> None:
    transport = throttled_server(clock, limit)
    real_client = httpx.Client

    def client(*args: Any, **kwargs: Any) -> httpx.Client:
        return real_client(*args, **{**kwargs, "transport": transport})

    monkeypatch.setattr(httpx, "Client", client)
    monkeypatch.setattr(
        bench, "time", SimpleNamespace(perf_counter=clock.perf_counter, sleep=clock.sleep)
    )


def test_reads_refused_by_the_key_limit_are_read_again_not_counted_as_zero(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeTime()
    patch(monkeypatch, bench, clock, limit=150)  # fewer reads a minute than there are posts
    accepted = bench.POSTS * PER_POST

    applied, _ = bench.wait_applied("http://bench", "key", "single-x", accepted)

    assert applied == accepted
    assert clock.slept < 180  # waited for the limit's window, not the 300 s deadline


def test_an_unthrottled_count_does_not_wait(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeTime()
    patch(monkeypatch, bench, clock, limit=10**6)
    accepted = bench.POSTS * PER_POST

    applied, empty = bench.wait_applied("http://bench", "key", "bulk-x", accepted)

    assert applied == accepted
    assert clock.slept == 0
    assert empty < 1
