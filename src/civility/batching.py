"""Micro-batching, for every batcher (worker, group commit): flush when the batch is full or
its oldest item has waited long enough; times come from the caller, so tests pass numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class MicroBatcher(Generic[T]):
    """Collects items; times are plain seconds from any monotonic source, so tests pass numbers."""

    def __init__(self, max_size: int, max_wait: float) -> None:
        if max_size < 1:
            raise ValueError("max_size must be >= 1")
        self.max_size = max_size
        self.max_wait = max_wait
        self._items: list[T] = []
        self._oldest: float | None = None

    def __len__(self) -> int:
        return len(self._items)

    @property
    def room(self) -> int:
        """Returns how many more items fit."""
        return self.max_size - len(self._items)

    def add(self, items: Iterable[T], now: float) -> None:
        """Adds items received at `now`."""
        for item in items:
            if self._oldest is None:
                self._oldest = now
            self._items.append(item)

    def ready(self, now: float) -> bool:
        """Tells whether the batch should be flushed now."""
        if not self._items:
            return False
        assert self._oldest is not None
        return len(self._items) >= self.max_size or now - self._oldest >= self.max_wait

    def time_left(self, now: float) -> float:
        """Returns seconds until the oldest item's deadline (max_wait when empty)."""
        if self._oldest is None:
            return self.max_wait
        return max(0.0, self._oldest + self.max_wait - now)

    @property
    def oldest(self) -> float | None:
        """Returns when the oldest waiting item arrived (None when empty)."""
        return self._oldest

    def put_back(self, items: Sequence[T], oldest: float) -> None:
        """Returns items taken earlier to the front, in order, with the age they had."""
        if not items:
            return
        self._items[:0] = items
        self._oldest = oldest if self._oldest is None else min(self._oldest, oldest)

    def take(self, limit: int | None = None) -> list[T]:
        """Removes and returns the collected batch (its first `limit` items, if given).

        Items left behind keep the batch's age: they arrived no earlier than its oldest, so
        they are flushed no later than they would have been.
        """
        if limit is None or limit >= len(self._items):
            items, self._items, self._oldest = self._items, [], None
            return items
        items, self._items = self._items[:limit], self._items[limit:]
        return items


R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Bisected(Generic[T, R]):
    """What became of a batch run by `bisect`: the chunks that succeeded and the lone failures."""

    done: list[tuple[list[T], R]]
    failed: list[tuple[T, Exception]]


def bisect(
    process: Callable[[list[T]], R],
    items: Sequence[T],
    *,
    splits: Callable[[Exception], bool] = lambda exc: True,
) -> Bisected[T, R]:
    """Runs `process` on the batch; if it fails, on each half in turn, down to single items.

    A batch is one transaction, so a failed run left nothing behind and its halves can be
    retried safely. One poison item then fails alone, after about 2·log2(n) extra runs, and
    every other item succeeds. Errors `splits` says no to (a database outage) fail the whole
    batch at once: splitting would only repeat them.
    """
    done: list[tuple[list[T], R]] = []
    failed: list[tuple[T, Exception]] = []
    pending: list[list[T]] = [list(items)] if items else []
    while pending:
        chunk = pending.pop()
        try:
            done.append((chunk, process(chunk)))
        except Exception as exc:
            if len(chunk) == 1 or not splits(exc):
                failed.extend((item, exc) for item in chunk)
                continue
            middle = len(chunk) // 2
            pending += [chunk[middle:], chunk[:middle]]  # the first half runs first
    return Bisected(done, failed)
