"""The micro-batcher flushes on size or on the age of its oldest item (times are numbers)."""

from __future__ import annotations

import pytest

from civility.batching import MicroBatcher


@pytest.mark.parametrize(
    ("arrivals", "check_at", "ready"),
    [
        ([], 100.0, False),
        ([(0.0, 1)], 0.0, False),
        ([(0.0, 1)], 0.009, False),
        ([(0.0, 1)], 0.010, True),
        ([(0.0, 2), (0.005, 2)], 0.006, True),  # full: 4 items
        ([(0.0, 1), (0.008, 1)], 0.011, True),  # deadline counts from the oldest
        ([(0.0, 3)], 0.001, False),
    ],
)
def test_ready_on_size_or_deadline(
    arrivals: list[tuple[float, int]], check_at: float, ready: bool
) -> None:
    b: MicroBatcher[int] = MicroBatcher(max_size=4, max_wait=0.010)
    for at, n in arrivals:
        b.add(range(n), at)
    assert b.ready(check_at) is ready


def test_take_resets_deadline_and_room() -> None:
    b: MicroBatcher[str] = MicroBatcher(max_size=3, max_wait=1.0)
    b.add(["a", "b"], 5.0)
    assert b.room == 1
    assert b.time_left(5.25) == pytest.approx(0.75)
    assert b.take() == ["a", "b"]
    assert len(b) == 0
    assert b.time_left(100.0) == 1.0
    b.add(["c"], 100.0)
    assert not b.ready(100.5)
    assert b.ready(101.0)


def test_take_with_a_limit_leaves_the_rest_as_old_as_the_batch() -> None:
    b: MicroBatcher[str] = MicroBatcher(max_size=2, max_wait=1.0)
    b.add(["a", "b", "c"], 5.0)  # added while a batch ran: more than max_size
    assert b.take(2) == ["a", "b"]
    assert len(b) == 1
    assert b.ready(6.0)  # "c" counts from 5.0, like the batch it waited behind
    assert b.take(2) == ["c"]
    assert b.time_left(9.0) == 1.0


def test_put_back_restores_order_and_age() -> None:
    b: MicroBatcher[str] = MicroBatcher(max_size=10, max_wait=1.0)
    b.add(["a", "b"], 5.0)
    since = b.oldest
    batch = b.take()
    b.add(["c"], 5.5)  # arrived while the batch was being applied (and failed)
    assert since is not None
    b.put_back(batch, since)
    assert b.take() == ["a", "b", "c"]
    b.add(["d"], 7.0)
    b.put_back([], 1.0)  # nothing to put back: the age stays
    assert not b.ready(7.5)


def test_rejects_empty_batches() -> None:
    with pytest.raises(ValueError, match="max_size"):
        MicroBatcher(max_size=0, max_wait=1.0)
