"""Contracts the rating service depends on, and in-memory implementations of them.

The in-memory ones back the simulator and the unit tests; SQL lives in
civility.storage.ratings and the Redis and `limits` adapters in civility.storage.ratings_cache.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from civility.events.models import Event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.ratings.models import PostStats, RatingFlag, StatsUpdate, StoredRating
from civility.ratings.reviews import RatingReview, ReviewStatus
from civility.ratings.trust import RaterState

Key = tuple[str, str]


class RatingTransaction(Transaction, Protocol):
    """Reads and writes of one applied batch, committed together."""

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the stored sums of the posts that have any."""
        ...

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        """Returns the current ratings of the given (post_id, user_id) pairs that exist."""
        ...

    def upsert_ratings(self, ratings: Sequence[StoredRating]) -> None:
        """Sets the current version of each (post, user), replacing the previous current one."""
        ...

    def insert_versions(self, ratings: Sequence[StoredRating]) -> None:
        """Appends rating versions (never updated nor deleted: events point at them)."""
        ...

    def get_flags(self, keys: Sequence[Key]) -> dict[Key, RatingFlag]:
        """Returns the flags (lifted or not) of the given (post_id, user_id) pairs."""
        ...

    def flags_of_review(self, review_id: str) -> list[RatingFlag]:
        """Returns the flags raised with one review item."""
        ...

    def upsert_flags(self, flags: Sequence[RatingFlag]) -> None:
        """Stores flags, replacing the flag of the same pair."""
        ...

    def open_reviews(self, keys: Sequence[str]) -> dict[str, RatingReview]:
        """Returns the open review items with the given keys."""
        ...

    def get_review(self, review_id: str) -> RatingReview | None:
        """Returns one review item."""
        ...

    def save_reviews(self, reviews: Sequence[RatingReview]) -> None:
        """Inserts or replaces review items."""
        ...

    def clear_marker(self, post_ids: Sequence[str], review_id: str) -> None:
        """Removes a review item's marker from posts that still carry it."""
        ...

    def get_raters(self, user_ids: Sequence[str]) -> list[RaterState]:
        """Returns the stored trust state of the given raters that have one."""
        ...

    def save_raters(self, states: Sequence[RaterState]) -> None:
        """Stores raters' trust state, replacing what was stored."""
        ...

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        """Adds deltas to the posts' running sums and sets their stabilised averages."""
        ...


class RatingRepository(UnitOfWork[RatingTransaction], Protocol):
    """Storage of ratings and per-post sums; writes go through `transaction()`."""

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Reads the stored sums of posts outside any write."""
        ...

    def list_reviews(
        self, status: ReviewStatus | None, limit: int, before: tuple[datetime, str] | None = None
    ) -> list[RatingReview]:
        """Returns review items, newest first; with `before` (created_at, id), those after it."""
        ...

    def get_review(self, review_id: str) -> RatingReview | None:
        """Reads one review item outside any write."""
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
    """Counts ratings per user, per client (and client on a post), then per post."""

    def hit(self, user_id: str, post_id: str, client: str | None = None) -> float | None:
        """Counts one rating; returns None if allowed, else seconds until it would be."""
        ...


class InMemoryRatingRepository:
    """Ratings, sums and events in dictionaries; a lock stands in for the transaction."""

    def __init__(self) -> None:
        self.ratings: dict[Key, StoredRating] = {}
        self.versions: dict[str, StoredRating] = {}
        self.flags: dict[Key, RatingFlag] = {}
        self.reviews: dict[str, RatingReview] = {}
        self.raters: dict[str, RaterState] = {}
        self.stats: dict[str, PostStats] = {}
        self.events: list[Event] = []
        self._lock = threading.Lock()

    @contextmanager
    def _tx(self) -> Iterator[RatingTransaction]:
        with self._lock:
            tx = _MemoryTransaction(self)
            yield tx
            self.events.extend(tx.recorded)

    def transaction(self) -> AbstractContextManager[RatingTransaction]:
        """Opens one (serialised) transaction."""
        return self._tx()

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the sums of the posts that have any."""
        return {p: self.stats[p] for p in post_ids if p in self.stats}

    def list_reviews(
        self, status: ReviewStatus | None, limit: int, before: tuple[datetime, str] | None = None
    ) -> list[RatingReview]:
        """Returns review items, newest first; with `before` (created_at, id), those after it."""
        found = [
            r
            for r in self.reviews.values()
            if (status is None or r.status is status)
            and (before is None or (r.created_at, r.id) < before)
        ]
        return sorted(found, key=lambda r: (r.created_at, r.id), reverse=True)[:limit]

    def get_review(self, review_id: str) -> RatingReview | None:
        """Returns one review item."""
        return self.reviews.get(review_id)


class _MemoryTransaction:
    def __init__(self, repo: InMemoryRatingRepository) -> None:
        self._repo = repo
        self.recorded: list[Event] = []

    def record(self, events: Iterable[Event]) -> None:
        self.recorded.extend(events)

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        return self._repo.get_stats(post_ids)

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        return {k: self._repo.ratings[k] for k in keys if k in self._repo.ratings}

    def upsert_ratings(self, ratings: Sequence[StoredRating]) -> None:
        for rating in ratings:
            self._repo.ratings[rating.key] = rating

    def insert_versions(self, ratings: Sequence[StoredRating]) -> None:
        for rating in ratings:
            assert rating.id not in self._repo.versions, "versions are append-only"
            self._repo.versions[rating.id] = rating

    def get_flags(self, keys: Sequence[Key]) -> dict[Key, RatingFlag]:
        return {k: self._repo.flags[k] for k in keys if k in self._repo.flags}

    def flags_of_review(self, review_id: str) -> list[RatingFlag]:
        return [f for f in self._repo.flags.values() if f.review_id == review_id]

    def upsert_flags(self, flags: Sequence[RatingFlag]) -> None:
        for flag in flags:
            self._repo.flags[flag.key] = flag

    def open_reviews(self, keys: Sequence[str]) -> dict[str, RatingReview]:
        wanted = set(keys)
        return {
            r.key: r
            for r in self._repo.reviews.values()
            if r.key in wanted and r.status is ReviewStatus.OPEN
        }

    def get_review(self, review_id: str) -> RatingReview | None:
        return self._repo.reviews.get(review_id)

    def save_reviews(self, reviews: Sequence[RatingReview]) -> None:
        for review in reviews:
            self._repo.reviews[review.id] = review

    def get_raters(self, user_ids: Sequence[str]) -> list[RaterState]:
        return [self._repo.raters[u] for u in user_ids if u in self._repo.raters]

    def save_raters(self, states: Sequence[RaterState]) -> None:
        for state in states:
            self._repo.raters[state.user_id] = state

    def clear_marker(self, post_ids: Sequence[str], review_id: str) -> None:
        for post in post_ids:
            stats = self._repo.stats.get(post)
            if stats is not None and stats.marker == review_id:
                self._repo.stats[post] = replace(stats, marker=None)

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        for u in updates:
            current = self._repo.stats.get(u.post_id) or PostStats(u.post_id)
            self._repo.stats[u.post_id] = current.updated(u)


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

    def hit(self, user_id: str, post_id: str, client: str | None = None) -> float | None:
        """Always allows."""
        return None
