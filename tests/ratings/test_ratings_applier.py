"""The background applier: batches by size, keeps a failed batch, refuses an overfull backlog."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from civility.errors import Unavailable
from civility.ratings.applier import RatingApplier
from civility.ratings.models import RatingSubmission

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def subs(n: int) -> list[RatingSubmission]:
    return [RatingSubmission("p", f"u{i}", 3, T0) for i in range(n)]


class Recorder:
    def __init__(self, failures: int = 0) -> None:
        self.batches: list[int] = []
        self.failures = failures

    def __call__(self, batch: Sequence[RatingSubmission]) -> None:
        if self.failures:
            self.failures -= 1
            raise Unavailable("database down")
        self.batches.append(len(batch))


def test_flush_applies_in_batches_of_max_size() -> None:
    recorder = Recorder()
    applier = RatingApplier(recorder, max_size=4, interval=60, max_pending=100)
    applier.submit(subs(10))
    assert asyncio.run(applier.flush()) is True
    assert recorder.batches == [4, 4, 2]
    assert applier.pending == 0
    assert applier.applied == 10


def test_a_failed_batch_is_kept_in_order_for_the_next_flush() -> None:
    recorder = Recorder(failures=1)
    applier = RatingApplier(recorder, max_size=4, interval=60, max_pending=100)
    applier.submit(subs(6))
    assert asyncio.run(applier.flush()) is False
    assert applier.pending == 6
    assert asyncio.run(applier.flush()) is True
    assert recorder.batches == [4, 2]


def test_an_overfull_backlog_is_refused() -> None:
    applier = RatingApplier(Recorder(), max_size=4, interval=60, max_pending=5)
    applier.submit(subs(5))
    with pytest.raises(Unavailable) as err:
        applier.submit(subs(1))
    assert err.value.code == "ratings_backlog"


def test_a_full_batch_wakes_the_task_and_close_flushes_the_rest() -> None:
    recorder = Recorder()

    async def scenario() -> None:
        # An hour-long interval: only size (or close) can trigger a flush here.
        applier = RatingApplier(recorder, max_size=3, interval=3600, max_pending=100)
        applier.start()
        applier.submit(subs(3))
        while not recorder.batches:
            await asyncio.sleep(0)
        applier.submit(subs(2))
        await applier.close()

    asyncio.run(scenario())
    assert recorder.batches == [3, 2]


class Clocked:
    """Applies a batch in 10 ms per rating of a fake monotonic clock (100 ratings/s)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def __call__(self, batch: Sequence[RatingSubmission]) -> None:
        self.now += 0.01 * len(batch)


def test_the_backlog_is_bounded_by_seconds_of_work_once_the_rate_is_known() -> None:
    clock = Clocked()
    applier = RatingApplier(
        clock, max_size=50, interval=60, max_pending=10_000, max_lag=2.0, monotonic=clock.monotonic
    )
    applier.submit(subs(30))
    assert asyncio.run(applier.flush()) is True
    assert applier.rate is None  # a partial batch says little about the rate
    with pytest.raises(Unavailable):
        applier.submit(subs(51))  # before a batch is timed: one flush size at most
    applier.submit(subs(50))
    assert asyncio.run(applier.flush()) is True
    assert applier.rate == pytest.approx(100.0)
    # 2 s at 100/s, the last rating's whole batch (50) included: 150 may wait.
    applier.submit(subs(150))
    with pytest.raises(Unavailable) as refused:
        applier.submit(subs(1))
    assert refused.value.code == "ratings_backlog"
    with pytest.raises(Unavailable):
        applier.check_room(1)  # the routes ask before accepting (and counting) a rating
    applier.check_room(0)
    assert applier.pending == 150
    assert asyncio.run(applier.flush()) is True
    applier.submit(subs(150))  # room again once applied


def test_without_max_lag_only_max_pending_bounds_the_backlog() -> None:
    clock = Clocked()
    applier = RatingApplier(
        clock, max_size=50, interval=60, max_pending=10_000, monotonic=clock.monotonic
    )
    applier.submit(subs(100))
    assert asyncio.run(applier.flush()) is True
    applier.submit(subs(5_000))
    assert applier.pending == 5_000
