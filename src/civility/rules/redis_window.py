"""A WindowStore on Redis: one sorted set per key, shared by every process of a deployment."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import redis

from civility.errors import Unavailable


class RedisWindowStore:
    """Sliding windows as sorted sets (member = one hit, score = its time in milliseconds).

    Each hit runs ZREMRANGEBYSCORE + ZADD + ZCARD + PEXPIRE in one MULTI/EXEC, so concurrent
    processes count exactly; keys expire with their window, so idle authors cost nothing.
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
        now_ms = now.timestamp() * 1000
        window_ms = max(1, int(window.total_seconds() * 1000))
        name = self._prefix + key
        # Two hits in the same millisecond must stay two members.
        member = f"{now_ms:.3f}:{os.urandom(6).hex()}"
        try:
            pipe = self._client.pipeline(transaction=True)
            pipe.zremrangebyscore(name, "-inf", now_ms - window_ms)
            pipe.zadd(name, {member: now_ms})
            pipe.zcard(name)
            pipe.pexpire(name, window_ms)
            results = pipe.execute()
        except redis.RedisError as exc:
            raise Unavailable("the Redis server is unavailable", code="redis_unavailable") from exc
        return int(results[2])

    def close(self) -> None:
        """Closes the connection pool."""
        self._client.close()
