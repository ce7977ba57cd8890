"""The in-memory rate limit counts as `limits`' own sliding window counter, hit for hit."""

from __future__ import annotations

import math
import random
import time

import pytest
from limits import RateLimitItem, parse, parse_many
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from tests.infra.infra_helpers import run_async

from civility.api.ratelimit import NAMESPACE, ApiRateLimiter, MemoryWindows, RateLimitState
from civility.auth.keys import Principal, Role


async def _reference(
    limiter: SlidingWindowCounterRateLimiter, item: RateLimitItem, who: str
) -> RateLimitState:
    """What ApiRateLimiter reported before it counted in memory itself (limits' storage)."""
    allowed = await limiter.hit(item, NAMESPACE, who)
    stats = await limiter.get_window_stats(item, NAMESPACE, who)
    return RateLimitState(
        limit=item.amount,
        remaining=max(0, stats.remaining),
        reset_after=max(0.0, stats.reset_time - time.time()),
        exceeded=not allowed,
    )


@pytest.mark.parametrize("seed", range(4))
def test_memory_windows_answer_as_limits_does(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # limits reads time.time() itself: both sides see the same wall clock, stepped by the test.
    now = [1_738_576_292.6631825]
    monkeypatch.setattr(time, "time", lambda: now[0])
    rng = random.Random(seed)
    items = [parse("5/second"), parse("7/10 seconds"), parse("40/minute"), parse("0/minute")]
    whos = ["key:a", "key:b", "tenant:t"]
    ours = MemoryWindows(clock=lambda: now[0])

    async def scenario() -> list[tuple[RateLimitState, RateLimitState]]:
        reference = SlidingWindowCounterRateLimiter(MemoryStorage())
        pairs = []
        for _ in range(3_000):
            now[0] += rng.choice([0.0, 0.001, 0.05, 0.3, 1.7, 9.5, 61.0])
            item, who = rng.choice(items), rng.choice(whos)
            pairs.append((ours.hit(item, who), await _reference(reference, item, who)))
        return pairs

    pairs = run_async(scenario())
    assert sum(mine.exceeded for mine, _ in pairs) > 100  # the limits were reached, often
    assert sum(not mine.exceeded for mine, _ in pairs) > 100
    for mine, theirs in pairs:
        assert (mine.limit, mine.remaining, mine.exceeded) == (
            theirs.limit,
            theirs.remaining,
            theirs.exceeded,
        )
        assert math.isclose(mine.reset_after, theirs.reset_after, abs_tol=1e-6)


def test_memory_windows_forget_windows_that_expired() -> None:
    now = [1_000.0]
    windows = MemoryWindows(clock=lambda: now[0])
    item = parse("2/second")
    assert [windows.hit(item, "key:a").exceeded for _ in range(3)] == [False, False, True]
    assert len(windows) == 1
    now[0] += 61  # past the counts' life and the sweep's minute: key:a's count is dropped
    assert not windows.hit(parse("3/second"), "key:b").exceeded
    assert len(windows) == 1


def test_the_limiter_reports_the_tightest_limit_and_stops_at_an_exceeded_one() -> None:
    limiter = ApiRateLimiter(
        "async+memory://", per_role={Role.SERVICE: parse_many("2/minute;100/hour")}, per_key={}
    )
    key = Principal("key:a", Role.SERVICE)

    async def scenario() -> list[RateLimitState | None]:
        return [await limiter.hit(key) for _ in range(3)]

    states = run_async(scenario())
    assert [(s.limit, s.remaining, s.exceeded) for s in states if s] == [
        (2, 1, False),
        (2, 0, False),
        (2, 0, True),
    ]
