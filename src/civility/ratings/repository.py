"""Contracts the rating service depends on, and in-memory implementations of them.

The in-memory ones back the simulator and the unit tests; SQL lives in
civility.storage.ratings and the Redis and `limits` adapters in civility.storage.ratings_cache.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from civility.events.models import Event
from civility.ratings.models import PostStats, StatsUpdate, StoredRating

Key = tuple[str, str]


class RatingTransaction(Protocol):
    """Reads and writes of one applied batch, committed together."""

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the stored sums of the posts that have any."""
        ...

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        """Returns the current ratings of the given (post_id, user_id) pairs that exist."""
        ...

    def upsert_ratings(self, ratings: Sequence[StoredRating]) -> None:
        """Inserts ratings, replacing the current one of the same user and post."""
        ...

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        """Adds deltas to the posts' running sums and sets their stabilised averages."""
        ...

    def insert_events(self, events: Sequence[Event]) -> None:
        """Appends events in this transaction."""
        ...


class RatingRepository(Protocol):
    """Storage of ratings and per-post sums."""

    def transaction(self) -> AbstractContextManager[RatingTransaction]:
        """Opens one write transaction."""
        ...

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Reads the stored sums of posts outside any write."""
        ...


class RatingCache(Protocol):
    """Where the read path finds post stats without touching the database."""

    def get(self, post_id: str) -> PostStats | None:
        """Returns the cached stats of a post, or None."""
        ...

    def put_many(self, stats: Sequence[PostStats]) -> None:
        """Stores fresh stats."""
        ...


class RateLimiter(Protocol):
    """Counts ratings per user and per post."""

    def hit(self, user_id: str, post_id: str) -> float | None:
        """Counts one rating; returns None if allowed, else seconds until it would be."""
        ...


class InMemoryRatingRepository:
    """Ratings, sums and events in dictionaries; a lock stands in for the transaction."""

    def __init__(self) -> None:
        self.ratings: dict[Key, StoredRating] = {}
        self.stats: dict[str, PostStats] = {}
        self.events: list[Event] = []
        self._lock = threading.Lock()

    @contextmanager
    def _tx(self) -> Iterator[RatingTransaction]:
        with self._lock:
            yield _MemoryTransaction(self)

    def transaction(self) -> AbstractContextManager[RatingTransaction]:
        """Opens one (serialised) transaction."""
        return self._tx()

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the sums of the posts that have any."""
        return {p: self.stats[p] for p in post_ids if p in self.stats}


class _MemoryTransaction:
    def __init__(self, repo: InMemoryRatingRepository) -> None:
        self._repo = repo

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        return self._repo.get_stats(post_ids)

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        return {k: self._repo.ratings[k] for k in keys if k in self._repo.ratings}

    def upsert_ratings(self, ratings: Sequence[StoredRating]) -> None:
        for rating in ratings:
            self._repo.ratings[rating.key] = rating

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        for u in updates:
            current = self._repo.stats.get(u.post_id) or PostStats(u.post_id)
            self._repo.stats[u.post_id] = current.updated(u)

    def insert_events(self, events: Sequence[Event]) -> None:
        self._repo.events.extend(events)


class MemoryRatingCache:
    """A bounded LRU of post stats inside the process, each entry kept for ttl seconds.

    The applier writes through, so one process never reads its own stale entries; the TTL
    bounds how stale another process's view can be when several serve without Redis.
    """

    def __init__(
        self,
        max_posts: int = 100_000,
        ttl_seconds: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._items: OrderedDict[str, tuple[PostStats, float]] = OrderedDict()
        self._max = max_posts
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._lock = threading.Lock()

    def get(self, post_id: str) -> PostStats | None:
        """Returns the cached stats of a post, or None when absent or expired."""
        with self._lock:
            entry = self._items.get(post_id)
            if entry is None:
                return None
            if entry[1] <= self._monotonic():
                del self._items[post_id]
                return None
            self._items.move_to_end(post_id)
            return entry[0]

    def put_many(self, stats: Sequence[PostStats]) -> None:
        """Stores fresh stats, evicting the least recently used beyond the bound."""
        expires = self._monotonic() + self._ttl
        with self._lock:
            for s in stats:
                current = self._items.get(s.post_id)
                if current is not None and _older(s, current[0]):
                    continue  # a slow reader's fill must not undo the applier's fresher write
                self._items[s.post_id] = (s, expires)
                self._items.move_to_end(s.post_id)
            while len(self._items) > self._max:
                self._items.popitem(last=False)


def _older(new: PostStats, current: PostStats) -> bool:
    if current.stable_updated_at is None or new.stable_updated_at is None:
        return False
    return new.stable_updated_at < current.stable_updated_at


class NoRateLimit:
    """Lets everything through (the simulator and benchmarks of the apply path)."""

    def hit(self, user_id: str, post_id: str) -> float | None:
        """Always allows."""
        return None
