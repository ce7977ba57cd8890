"""Rating adapters: rate limits with `limits`' arithmetic (Redis or memory), the stats cache in
Redis."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import redis
import structlog
from limits import RateLimitItem, parse_many

from civility.errors import Invalid
from civility.ratings.models import PostStats
from civility.storage.redis_limits import RedisSlidingWindows

log = structlog.get_logger(__name__)

USER_NAMESPACE = "civility-rating-user"
POST_NAMESPACE = "civility-rating-post"
CLIENT_NAMESPACE = "civility-rating-client"
POST_CLIENT_NAMESPACE = "civility-rating-post-client"
# One client (address or platform client hint) may use this much of a post's quota: a flood
# from a few clients is stopped before it fills the post's limit for everyone else.
CLIENT_LIMIT = "3000/minute"
POST_CLIENT_LIMIT = "100/minute"


def parse_limits(text: str) -> list[RateLimitItem]:
    """Parses limits such as `100/hour` or `30/minute;2000/hour`; raises Invalid on nonsense."""
    try:
        return parse_many(text)
    except ValueError as exc:
        raise Invalid(f"not a rate limit: {text!r} (e.g. 100/hour)", code="bad_limit") from exc


class MemoryWindows:
    """In-process sliding-window counters with the arithmetic of `limits`' sliding window
    counter (its memory storage and strategy), without their costs.

    `limits`' MemoryStorage re-arms a timer thread every 10 ms while counters exist, and each
    tick walks every key it holds: with one key per rater and window that thread took the GIL
    for longer than the requests themselves at a few thousand ratings a second. Here expired
    counters are dropped by a sweep run inline once the hits since the last one reach half
    the table's size (constant work per hit on average), and one lock guards the table.

    Windows are aligned to multiples of the period, as in `limits`: a counter holds the
    current window's count and the previous one's, and the previous count is weighted by
    the share of it still inside the sliding period.
    """

    def __init__(self, now: Callable[[], float] = time.time) -> None:
        self._now = now
        # (namespace, limit, key) -> [window index, current count, previous count]
        self._counters: dict[tuple[str, str, str], list[int]] = {}
        self._lock = threading.Lock()
        self._since_sweep = 0

    def _window(
        self, item: RateLimitItem, namespace: str, key: str, now: float
    ) -> tuple[list[int] | None, float, float]:
        """Returns the counter (rolled to now, or None), the weighted count and the period."""
        expiry = item.get_expiry()
        counter = self._counters.get((namespace, str(item), key))
        if counter is None:
            return None, 0.0, expiry
        index = int(now / expiry)
        if counter[0] != index:
            counter[2] = counter[1] if counter[0] == index - 1 else 0
            counter[1] = 0
            counter[0] = index
        previous_ttl = (1 - (((now - expiry) / expiry) % 1)) * expiry if counter[2] else 0.0
        return counter, counter[2] * previous_ttl / expiry + counter[1], expiry

    def test(self, item: RateLimitItem, namespace: str, key: str) -> bool:
        """Tells whether one more hit would be allowed (as `limits`' test)."""
        with self._lock:
            _, weighted, _ = self._window(item, namespace, key, self._now())
        return weighted < item.amount

    def hit(self, item: RateLimitItem, namespace: str, key: str) -> bool:
        """Counts one hit if allowed (as `limits`' hit); False when over the limit."""
        with self._lock:
            now = self._now()
            counter, weighted, expiry = self._window(item, namespace, key, now)
            if math.floor(weighted) + 1 > item.amount:
                return False
            if counter is None:
                self._counters[(namespace, str(item), key)] = [int(now / expiry), 1, 0]
            else:
                counter[1] += 1
            self._since_sweep += 1
            if self._since_sweep >= max(10_000, len(self._counters) // 2):
                self._sweep(now)
        return True

    def wait(self, item: RateLimitItem, namespace: str, key: str) -> float:
        """Seconds until the window frees a hit (`limits`' window stats' reset time)."""
        with self._lock:
            now = self._now()
            counter, _, expiry = self._window(item, namespace, key, now)
        if counter is None or not (counter[1] or counter[2]):
            return 0.0
        previous_reset, current_reset = math.inf, math.inf
        if counter[2]:
            previous_ttl = (1 - (((now - expiry) / expiry) % 1)) * expiry
            previous_reset = previous_ttl % (expiry / counter[2])
        if counter[1]:
            current_reset = ((1 - ((now / expiry) % 1)) * expiry + expiry) % expiry
        return min(previous_reset, current_reset)

    def _sweep(self, now: float) -> None:
        """Drops counters whose windows are both over (caller holds the lock)."""
        self._since_sweep = 0
        expiries: dict[str, float] = {}
        for k, counter in list(self._counters.items()):
            limit = k[1]
            expiry = expiries.get(limit)
            if expiry is None:
                expiry = expiries[limit] = parse_many(limit)[0].get_expiry()
            if counter[0] < int(now / expiry) - 1:
                del self._counters[k]

    def __len__(self) -> int:
        return len(self._counters)

    def reset(self) -> None:
        """Forgets every counter."""
        with self._lock:
            self._counters.clear()


class LimitsRateLimiter:
    """Sliding-window limits per user, per client, per client on a post, then per post.

    In memory (MemoryWindows) or in Redis (RedisSlidingWindows: one script call per rating for
    every level, `limits`' keys and arithmetic, shared by processes). The client levels come
    first so that one client's flood is refused before it counts against the post's quota.
    """

    def __init__(
        self,
        storage_uri: str,
        *,
        user_limit: str,
        post_limit: str,
        client_limit: str = CLIENT_LIMIT,
        post_client_limit: str = POST_CLIENT_LIMIT,
        scope: str = "",
        now: Callable[[], float] = time.time,
    ) -> None:
        # Tenants share the storage (one Redis), not the counters: keys are prefixed per tenant.
        self._scope = f"{scope}\x1f" if scope else ""
        self._memory: MemoryWindows | None = None
        self._redis: RedisSlidingWindows | None = None
        if storage_uri.startswith("memory://"):
            self._memory = MemoryWindows(now)
        elif storage_uri.startswith(("redis://", "rediss://")):
            self._redis = RedisSlidingWindows.from_url(storage_uri)
        else:
            raise ValueError(f"unsupported rate limit storage: {storage_uri!r}")
        self._user = parse_limits(user_limit)
        self._post = parse_limits(post_limit)
        self._client = parse_limits(client_limit)
        self._post_client = parse_limits(post_client_limit)

    def hit(self, user_id: str, post_id: str, client: str | None = None) -> float | None:
        """Counts one rating; returns None if allowed, else seconds until it would be."""
        checks = [(item, USER_NAMESPACE, user_id) for item in self._user]
        if client is not None:
            checks += [(item, CLIENT_NAMESPACE, client) for item in self._client]
            checks += [
                (i, POST_CLIENT_NAMESPACE, f"{post_id}\x1f{client}") for i in self._post_client
            ]
        checks += [(item, POST_NAMESPACE, post_id) for item in self._post]
        if self._scope:
            checks = [(item, namespace, self._scope + key) for item, namespace, key in checks]
        if self._redis is not None:
            # Test every level, then hit every level, in one round trip.
            refused = self._redis.test_then_hit(checks)
            return None if refused is None else max(1.0, refused[1].reset_in())
        memory = self._memory
        assert memory is not None
        for item, namespace, key in checks:
            # Test both before counting either, so a full post does not eat the user's quota.
            if not memory.test(item, namespace, key):
                return max(1.0, memory.wait(item, namespace, key))
        for item, namespace, key in checks:
            if not memory.hit(item, namespace, key):
                return max(1.0, memory.wait(item, namespace, key))
        return None

    def reset(self) -> None:
        """Forgets every counter (tests and benchmarks)."""
        if self._memory is not None:
            self._memory.reset()
        elif self._redis is not None:
            self._redis.reset()

    def close(self) -> None:
        """Closes the Redis connections (nothing to do in memory)."""
        if self._redis is not None:
            self._redis.close()


def stats_to_json(stats: PostStats) -> str:
    """Serialises post stats for the cache."""
    data: dict[str, Any] = {
        "post_id": stats.post_id,
        "count": stats.count,
        "score_sum": stats.score_sum,
        "trusted_weight": stats.trusted_weight,
        "trusted_sum": stats.trusted_sum,
        "suspicious_count": stats.suspicious_count,
        "stable_average": stats.stable_average,
        "marker": stats.marker,
    }
    for name in ("stable_updated_at", "first_rated_at", "last_rated_at"):
        value: datetime | None = getattr(stats, name)
        data[name] = value.isoformat() if value else None
    return json.dumps(data)


def stats_from_json(text: str | bytes) -> PostStats:
    """Reads post stats written by stats_to_json."""
    data = json.loads(text)
    for name in ("stable_updated_at", "first_rated_at", "last_rated_at"):
        if data[name] is not None:
            data[name] = datetime.fromisoformat(data[name])
    return PostStats(**data)


class RedisRatingCache:
    """Post stats in Redis with a TTL; an unreachable Redis is a cache miss, not an error."""

    def __init__(self, url: str, *, ttl_seconds: float, prefix: str = "civility:rating:") -> None:
        self._redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._ttl = max(1, int(ttl_seconds))
        self._prefix = prefix

    def get(self, post_id: str) -> PostStats | None:
        """Returns the cached stats of a post, or None."""
        try:
            raw = self._redis.get(self._prefix + post_id)
        except redis.RedisError as exc:
            log.warning("ratings.cache_unavailable", error=str(exc))
            return None
        return None if raw is None else stats_from_json(raw)

    def put_many(self, stats: Sequence[PostStats]) -> None:
        """Stores fresh stats in one round trip."""
        if not stats:
            return
        try:
            pipe = self._redis.pipeline(transaction=False)
            for s in stats:
                pipe.set(self._prefix + s.post_id, stats_to_json(s), ex=self._ttl)
            pipe.execute()
        except redis.RedisError as exc:
            log.warning("ratings.cache_unavailable", error=str(exc))

    def close(self) -> None:
        """Closes the connection pool."""
        self._redis.close()
