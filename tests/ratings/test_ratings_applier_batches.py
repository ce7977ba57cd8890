"""Under a backlog the applier takes bigger batches (up to max_batch); at a trickle it still
flushes at max_size. Per-batch costs (each touched post's shift check, the statements, the
commit) then amortise over more ratings: on SQLite, batches of 2,000 instead of 500 cost
about a third less CPU per rating (bench/ratings_ingest.py, docs/ratings.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from civility.ratings.applier import BATCH_GROWTH, RatingApplier
from civility.ratings.models import RatingSubmission
from civility.settings import load_settings

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def subs(n: int) -> list[RatingSubmission]:
    return [RatingSubmission("p", f"u{i}", 3, T0) for i in range(n)]


class Clocked:
    """Applies a batch in 1 ms per rating plus 50 ms per batch, on a fake monotonic clock."""

    def __init__(self) -> None:
        self.now = 0.0
        self.batches: list[int] = []

    def monotonic(self) -> float:
        return self.now

    def __call__(self, batch: Sequence[RatingSubmission]) -> None:
        self.batches.append(len(batch))
        self.now += 0.05 + 0.001 * len(batch)


def test_a_backlog_is_applied_in_batches_up_to_max_batch() -> None:
    clock = Clocked()
    applier = RatingApplier(
        clock, max_size=4, max_batch=10, interval=60, max_pending=100, monotonic=clock.monotonic
    )
    applier.submit(subs(23))
    assert asyncio.run(applier.flush()) is True
    assert clock.batches == [10, 10, 3]
    assert applier.applied == 23


def test_the_rate_is_measured_on_batches_of_at_least_max_size() -> None:
    clock = Clocked()
    applier = RatingApplier(
        clock,
        max_size=10,
        max_batch=40,
        interval=60,
        max_pending=10_000,
        monotonic=clock.monotonic,
    )
    applier.submit(subs(40))
    assert asyncio.run(applier.flush()) is True
    # 40 ratings in 0.09 s: the bigger batch's lower cost per rating is what the bound uses.
    assert applier.rate == pytest.approx(40 / 0.09)
    applier.submit(subs(5))
    assert asyncio.run(applier.flush()) is True
    assert applier.rate == pytest.approx(40 / 0.09)  # a trickle says little about the rate


def test_from_settings_lets_batches_grow_to_a_multiple_of_the_flush_size() -> None:
    settings = load_settings(env="test", ratings_flush_size=300)
    recorder: list[int] = []
    applier = RatingApplier.from_settings(lambda batch: recorder.append(len(batch)), settings)
    applier.submit(subs(300))  # a timed batch first: until then one flush size may wait
    assert asyncio.run(applier.flush()) is True
    applier.submit(subs(300 * BATCH_GROWTH + 1))
    assert asyncio.run(applier.flush()) is True
    assert recorder == [300, 300 * BATCH_GROWTH, 1]


def test_each_batch_reports_how_long_its_oldest_rating_waited() -> None:
    clock = Clocked()
    waits: list[float] = []
    applier = RatingApplier(
        clock,
        max_size=4,
        interval=60,
        max_pending=100,
        monotonic=clock.monotonic,
        on_applied=waits.append,
    )
    applier.submit(subs(4))  # at 0.0
    clock.now = 0.5
    applier.submit(subs(2))  # at 0.5
    clock.now = 1.0
    assert asyncio.run(applier.flush()) is True
    # [4] waited 1.0 s and took 0.054 s; [2] arrived at 0.5 and was applied at 1.106.
    assert waits == pytest.approx([1.054, 0.606])
