"""A WindowStore on Redis: one sorted set per key, shared by every process of a deployment."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime, timedelta

import redis

from civility.errors import Unavailable
from civility.rules.checks import WindowHit


class RedisWindowStore:
    """Sliding windows as sorted sets (member = one hit, score = its time in milliseconds).

    Each hit runs ZREMRANGEBYSCORE + ZADD + ZCARD + PEXPIRE, and a batch's hits share one
    MULTI/EXEC, so concurrent processes count exactly with one round trip per batch; keys expire
    with their window, so idle authors cost nothing.
    """

    def __init__(self, client: redis.Redis, *, prefix: str = "civility:window:") -> None:
        self._client = client
        self._prefix = prefix

    @classmethod
    def from_url(cls, url: str, *, prefix: str = "civility:window:") -> RedisWindowStore:
        """Connects to the Redis server at `url` (connections are made lazily)."""
        return cls(
            redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2), prefix=prefix
        )

    def hit(self, key: str, now: datetime, window: timedelta) -> int:
        """Records one hit at `now` and returns the hits of the key within (now - window, now]."""
        return self.hit_many([WindowHit(key, window)], now)[0]

    def hit_many(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        """Records hits in order in one MULTI/EXEC round trip and returns each count."""
        if not hits:
            return []
        now_ms = now.timestamp() * 1000
        pipe = self._client.pipeline(transaction=True)
        for h in hits:
            window_ms = max(1, int(h.window.total_seconds() * 1000))
            name = self._prefix + h.key
            # Two hits in the same millisecond must stay two members.
            member = f"{now_ms:.3f}:{os.urandom(6).hex()}"
            pipe.zremrangebyscore(name, "-inf", now_ms - window_ms)
            pipe.zadd(name, {member: now_ms})
            pipe.zcard(name)
            pipe.pexpire(name, window_ms)
        try:
            results = pipe.execute()
        except redis.RedisError as exc:
            raise Unavailable("the Redis server is unavailable", code="redis_unavailable") from exc
        return [int(n) for n in results[2::4]]

    def close(self) -> None:
        """Closes the connection pool."""
        self._client.close()
