"""The in-process rating limiter counts exactly as `limits`' sliding window counter."""

from __future__ import annotations

import random
import time

import pytest
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import SlidingWindowCounterRateLimiter

from civility.storage.ratings_cache import LimitsRateLimiter, MemoryWindows


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_memory_windows_answer_as_limits_does(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    monkeypatch.setattr(time, "time", clock)  # `limits` reads time.time()
    storage = MemoryStorage()
    reference = SlidingWindowCounterRateLimiter(storage)
    ours = MemoryWindows(clock)
    rng = random.Random(5)
    items = [parse("5/minute"), parse("3/second"), parse("20/hour")]
    hits = refused = 0
    try:
        for _ in range(3_000):
            clock.now += rng.choice((0.0, 0.0, 0.0, 0.01, 0.05, 0.4, 3.0, 17.0, 0.2, 0.1, 61.0))
            item = rng.choice(items)
            key = f"k{rng.randrange(2)}"
            assert ours.test(item, "ns", key) == reference.test(item, "ns", key)
            allowed = ours.hit(item, "ns", key)
            assert allowed == reference.hit(item, "ns", key)
            hits += allowed
            refused += not allowed
            if not allowed:
                expected = reference.get_window_stats(item, "ns", key).reset_time - clock.now
                assert ours.wait(item, "ns", key) == pytest.approx(expected, abs=1e-6)
    finally:
        storage.timer.cancel()
    assert hits > 500
    assert refused > 300


def test_memory_windows_forget_expired_counters() -> None:
    clock = FakeTime()
    windows = MemoryWindows(clock)
    item = parse("100/minute")
    for i in range(10_000):
        assert windows.hit(item, "ns", f"user{i}")
    assert len(windows) == 10_000
    clock.now += 3 * 60
    for i in range(20_000):
        assert windows.hit(item, "ns", f"other{i}")
    # A sweep runs once the hits since the last one reach half the table's size: it dropped
    # every counter of the first users (both of their windows are over).
    assert len(windows) <= 20_000


def test_limiter_in_memory_refuses_the_user_over_the_limit_with_a_wait() -> None:
    clock = FakeTime()
    limiter = LimitsRateLimiter(
        "memory://", user_limit="2/minute", post_limit="100/minute", now=clock
    )
    assert limiter.hit("u1", "p1") is None
    assert limiter.hit("u1", "p2") is None
    wait = limiter.hit("u1", "p3")
    assert wait is not None
    assert 1.0 <= wait <= 60.0
    assert limiter.hit("u2", "p3") is None  # the refused rating did not count on the post
    clock.now += 120
    assert limiter.hit("u1", "p3") is None
