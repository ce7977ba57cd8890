"""A WindowStore on Redis: one sorted set per key, shared by every process of a deployment."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime, timedelta

import redis

from civility.errors import Unavailable
from civility.policy.checks import WindowHit

# KEYS: the windows' sorted sets; ARGV: now (ms), each key's window (ms), each hit's member.
# A script runs atomically, so concurrent processes count exactly, and a batch's hits cost one
# round trip and one reply, not four commands each through redis-py's pipeline.
_HIT_SCRIPT = """
local now = tonumber(ARGV[1])
local n = #KEYS
local counts = {}
for i = 1, n do
  local window = tonumber(ARGV[1 + i])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  redis.call('ZADD', KEYS[i], now, ARGV[1 + n + i])
  counts[i] = redis.call('ZCARD', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], window)
end
return counts
"""


class RedisWindowStore:
    """Sliding windows as sorted sets (member = one hit, score = its time in milliseconds).

    Each hit runs ZREMRANGEBYSCORE + ZADD + ZCARD + PEXPIRE inside one Lua script per batch;
    keys expire with their window, so idle authors cost nothing. The keys of a batch must live
    on one server (plain Redis or Sentinel, not Redis Cluster).
    """

    def __init__(self, client: redis.Redis, *, prefix: str = "civility:window:") -> None:
        self._client = client
        self._prefix = prefix
        self._hit_script = client.register_script(_HIT_SCRIPT)

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
        """Records hits in order with one script call (one round trip) and returns each count."""
        if not hits:
            return []
        now_ms = now.timestamp() * 1000
        keys = [self._prefix + h.key for h in hits]
        windows = [max(1, int(h.window.total_seconds() * 1000)) for h in hits]
        # Two hits in the same millisecond must stay two members.
        members = [f"{now_ms:.3f}:{os.urandom(6).hex()}" for _ in hits]
        try:
            counts = self._hit_script(keys=keys, args=[now_ms, *windows, *members])
        except redis.RedisError as exc:
            raise Unavailable("the Redis server is unavailable", code="redis_unavailable") from exc
        return [int(n) for n in counts]

    def close(self) -> None:
        """Closes the connection pool."""
        self._client.close()
