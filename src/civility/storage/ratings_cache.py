"""Rating adapters: rate limits with `limits` (Redis or memory), the stats cache in Redis."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import redis
import structlog
from limits import RateLimitItem, parse_many
from limits.errors import StorageError
from limits.storage import Storage, storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter

from civility.errors import Invalid, Unavailable
from civility.ratings.models import PostStats

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


class LimitsRateLimiter:
    """Sliding-window limits per user, per client, per client on a post, then per post.

    In memory or in Redis (shared by processes). The client levels come first so that one
    client's flood is refused before it counts against the post's quota.
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
    ) -> None:
        # Tenants share the storage (one Redis), not the counters: keys are prefixed per tenant.
        self._scope = f"{scope}\x1f" if scope else ""
        options: dict[str, Any] = {}
        if not storage_uri.startswith("memory://"):
            options["wrap_exceptions"] = True
        storage = storage_from_string(storage_uri, **options)
        assert isinstance(storage, Storage)  # a sync URI never gives an asyncio storage
        self._storage = storage
        self._limiter = SlidingWindowCounterRateLimiter(storage)
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
        try:
            for item, namespace, key in checks:
                # Test both before counting either, so a full post does not eat the user's quota.
                if not self._limiter.test(item, namespace, key):
                    return self._wait(item, namespace, key)
            for item, namespace, key in checks:
                if not self._limiter.hit(item, namespace, key):
                    return self._wait(item, namespace, key)
        except StorageError as exc:
            raise Unavailable(
                "the rate limit store is unavailable", code="limits_unavailable"
            ) from exc
        return None

    def _wait(self, item: RateLimitItem, namespace: str, key: str) -> float:
        stats = self._limiter.get_window_stats(item, namespace, key)
        return max(1.0, stats.reset_time - time.time())

    def reset(self) -> None:
        """Forgets every counter (tests and benchmarks)."""
        self._storage.reset()


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
