"""`limits`' sliding window counter on Redis in one round trip per request.

Every limit a request counts against goes through one Lua script with the keys and the
arithmetic of `limits`' RedisStorage (its acquire_sliding_window.lua and sliding_window.lua,
limits 5.8): the same two keys per limit (`LIMITS:{<item key>}` and `…/-1`), the same shift
of the current window into the previous one, the same floor of the weighted count. Processes
running `limits` itself and processes running this share their counts (a rolling upgrade
counts every request once). `limits` makes two script calls per limit and per request (hit
and window stats, or test and hit): four round trips for two limits.
tests/api/test_ratelimit_redis_script.py compares it with `limits` hit for hit.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis
import redis.asyncio
from limits import RateLimitItem

from civility.errors import Unavailable

KEY_PREFIX = "LIMITS"  # limits' RedisStorage.PREFIX

# KEYS: per limit, its previous and current window; ARGV: the mode, then per limit its amount
# and its length in seconds. Mode 1 is limits' hit then get_window_stats per limit, in order,
# until one refuses (the API edge); mode 2 tests every limit, then hits every limit, and
# reports the first that refuses (the rating limiter: a full post does not eat the user's
# quota). A script runs atomically, so concurrent processes count exactly.
_SCRIPT = """
local function shift(prev, cur, expiry)
  local current_ttl = tonumber(redis.call('pttl', cur))
  if current_ttl > 0 and current_ttl < expiry then
    redis.call('rename', cur, prev)
    redis.call('set', cur, 0, 'PX', current_ttl + expiry)
  end
end
local function window(prev, cur, expiry)
  shift(prev, cur, expiry)
  return {
    tonumber(redis.call('get', prev)) or 0, tonumber(redis.call('pttl', prev)),
    tonumber(redis.call('get', cur)) or 0, tonumber(redis.call('pttl', cur))
  }
end
local function acquire(prev, cur, limit, expiry)
  if 1 > limit then
    return false
  end
  shift(prev, cur, expiry)
  local previous_count = tonumber(redis.call('get', prev)) or 0
  local previous_ttl = tonumber(redis.call('pttl', prev)) or 0
  local current_count = tonumber(redis.call('get', cur)) or 0
  if previous_ttl <= 0 then
    previous_ttl = 0
  end
  if math.floor(previous_count * previous_ttl / expiry) + current_count + 1 > limit then
    return false
  end
  if redis.call('exists', cur) == 1 then
    redis.call('incrby', cur, 1)
  else
    redis.call('set', cur, 1, 'PX', expiry * 2)
  end
  return true
end
local mode = tonumber(ARGV[1])
local n = #KEYS / 2
local out = {}
-- limits' hit, then its window stats: appends the outcome and the four numbers to out.
local function hit(prev, cur, limit, expiry)
  local ok = acquire(prev, cur, limit, expiry)
  local w = window(prev, cur, expiry)
  out[#out + 1] = ok and 1 or 0
  for j = 1, 4 do
    out[#out + 1] = w[j]
  end
  return ok
end
if mode == 3 then
  -- Mode 1 for several requests in turn: ARGV[2] groups, ARGV[3..] their sizes, then each
  -- limit's amount and length; per group, how many limits it hit, then mode 1's five numbers.
  local groups = tonumber(ARGV[2])
  local at = 2 + groups
  local k = 0
  for g = 1, groups do
    local mark = #out + 1
    out[mark] = 0
    local refused = false
    for i = 1, tonumber(ARGV[2 + g]) do
      k = k + 1
      if not refused then
        local prev, cur = KEYS[2 * k - 1], KEYS[2 * k]
        local limit, expiry = tonumber(ARGV[at + 2 * k - 1]), tonumber(ARGV[at + 2 * k]) * 1000
        refused = not hit(prev, cur, limit, expiry)
        out[mark] = out[mark] + 1
      end
    end
  end
  return out
end
if mode == 1 then
  for i = 1, n do
    local prev, cur = KEYS[2 * i - 1], KEYS[2 * i]
    local limit, expiry = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1]) * 1000
    if not hit(prev, cur, limit, expiry) then
      break
    end
  end
  return out
end
for i = 1, n do
  local prev, cur = KEYS[2 * i - 1], KEYS[2 * i]
  local limit, seconds = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local w = window(prev, cur, seconds * 1000)
  -- limits' test, in its Python arithmetic (seconds, the previous count weighted first).
  if w[1] * (math.max(0, w[2]) / 1000) / seconds + w[3] >= limit then
    return {i, w[1], w[2], w[3], w[4]}
  end
end
for i = 1, n do
  local prev, cur = KEYS[2 * i - 1], KEYS[2 * i]
  local limit, expiry = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1]) * 1000
  if not acquire(prev, cur, limit, expiry) then
    local w = window(prev, cur, expiry)
    return {i, w[1], w[2], w[3], w[4]}
  end
end
return {0}
"""

Check = tuple[RateLimitItem, str, str]  # the limit, a namespace, who is counted


@dataclass(frozen=True, slots=True)
class Window:
    """A limit's two windows after a call: counts and seconds until each key expires."""

    item: RateLimitItem
    previous_count: int
    previous_expires_in: float
    current_count: int
    current_expires_in: float

    @classmethod
    def read(cls, item: RateLimitItem, raw: Sequence[Any]) -> Window:
        """Reads the script's four numbers as limits' get_sliding_window does."""
        return cls(
            item,
            int(raw[0] or 0),
            max(0, float(raw[1] or 0)) / 1000,
            int(raw[2] or 0),
            max(0, float(raw[3] or 0)) / 1000,
        )

    def remaining(self) -> int:
        """limits' WindowStats.remaining."""
        expiry = self.item.get_expiry()
        weighted = self.previous_count * self.previous_expires_in / expiry + self.current_count
        return max(0, self.item.amount - math.floor(weighted))

    def reset_in(self) -> float:
        """Seconds until the window frees a hit (limits' WindowStats.reset_time less now)."""
        if not (self.previous_count or self.current_count):
            return 0.0
        expiry = self.item.get_expiry()
        previous, current = math.inf, math.inf
        if self.previous_count:
            previous = _until(self.previous_expires_in, expiry / self.previous_count)
        if self.current_count:
            current = _until(self.current_expires_in, expiry)
        return min(previous, current)


Hits = list[tuple[bool, Window]]  # each limit hit: allowed, and its window after the hit


def _until(expires_in: float, period: float) -> float:
    # limits takes expires_in % period, which is 0 on the millisecond a window is made (its
    # TTL is exactly twice the period) and the whole period a moment later; limits reads the
    # TTL a round trip after the hit, this script in the same millisecond: the moment after.
    left = expires_in % period
    return float(period) if left == 0 and expires_in > 0 else left


def _call(checks: Sequence[Check], prefix: str, mode: int) -> tuple[list[str], list[int]]:
    keys: list[str] = []
    args = [mode]
    for item, namespace, who in checks:
        current = f"{prefix}:{{{item.key_for(namespace, who)}}}"
        keys += [f"{current}/-1", current]
        args += [item.amount, item.get_expiry()]
    return keys, args


def _call_groups(groups: Sequence[Sequence[Check]], prefix: str) -> tuple[list[str], list[int]]:
    keys: list[str] = []
    limits: list[int] = []
    for checks in groups:
        group_keys, group_args = _call(checks, prefix, 1)
        keys += group_keys
        limits += group_args[1:]
    return keys, [3, len(groups), *(len(checks) for checks in groups), *limits]


def _groups(
    groups: Sequence[Sequence[Check]], raw: Sequence[Any]
) -> list[list[tuple[bool, Window]]]:
    out = []
    at = 0
    for checks in groups:
        hit = int(raw[at])
        out.append(_each(checks, raw[at + 1 : at + 1 + 5 * hit]))
        at += 1 + 5 * hit
    return out


def _each(checks: Sequence[Check], raw: Sequence[Any]) -> list[tuple[bool, Window]]:
    return [
        (bool(int(raw[5 * i])), Window.read(item, raw[5 * i + 1 : 5 * i + 5]))
        for i, (item, _, _) in enumerate(checks[: len(raw) // 5])
    ]


def _refused(checks: Sequence[Check], raw: Sequence[Any]) -> tuple[int, Window] | None:
    index = int(raw[0])
    if not index:
        return None
    return index - 1, Window.read(checks[index - 1][0], raw[1:5])


def _unavailable() -> Unavailable:
    return Unavailable("the rate limit store is unavailable", code="limits_unavailable")


class RedisSlidingWindows:
    """limits' sliding window counters for several limits in one script call (redis-py)."""

    def __init__(self, client: redis.Redis, *, prefix: str = KEY_PREFIX) -> None:
        self._client = client
        self._prefix = prefix
        self._script = client.register_script(_SCRIPT)

    @classmethod
    def from_url(cls, url: str, *, prefix: str = KEY_PREFIX) -> RedisSlidingWindows:
        """Connects to the Redis server at `url` (connections are made lazily)."""
        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        return cls(client, prefix=prefix)

    def hit_each(self, checks: Sequence[Check]) -> list[tuple[bool, Window]]:
        """Hits each limit in order until one refuses; each hit's outcome and window after it."""
        if not checks:
            return []
        keys, args = _call(checks, self._prefix, 1)
        try:
            return _each(checks, self._script(keys=keys, args=args))
        except redis.RedisError as exc:
            raise _unavailable() from exc

    def test_then_hit(self, checks: Sequence[Check]) -> tuple[int, Window] | None:
        """Tests every limit, then hits every limit; the first refusing one and its window."""
        if not checks:
            return None
        keys, args = _call(checks, self._prefix, 2)
        try:
            return _refused(checks, self._script(keys=keys, args=args))
        except redis.RedisError as exc:
            raise _unavailable() from exc

    def reset(self) -> None:
        """Forgets every count under the prefix (tests and benchmarks)."""
        try:
            for key in self._client.scan_iter(match=f"{self._prefix}:*", count=1000):
                self._client.delete(key)
        except redis.RedisError as exc:
            raise _unavailable() from exc

    def close(self) -> None:
        """Closes the connection pool."""
        self._client.close()


class AsyncRedisSlidingWindows:
    """RedisSlidingWindows on redis-py's asyncio client."""

    def __init__(self, client: redis.asyncio.Redis, *, prefix: str = KEY_PREFIX) -> None:
        self._client = client
        self._prefix = prefix
        self._script = client.register_script(_SCRIPT)

    async def hit_each(self, checks: Sequence[Check]) -> list[tuple[bool, Window]]:
        """Hits each limit in order until one refuses; each hit's outcome and window after it."""
        if not checks:
            return []
        keys, args = _call(checks, self._prefix, 1)
        try:
            return _each(checks, await self._script(keys=keys, args=args))
        except redis.RedisError as exc:
            raise _unavailable() from exc

    async def test_then_hit(self, checks: Sequence[Check]) -> tuple[int, Window] | None:
        """Tests every limit, then hits every limit; the first refusing one and its window."""
        if not checks:
            return None
        keys, args = _call(checks, self._prefix, 2)
        try:
            return _refused(checks, await self._script(keys=keys, args=args))
        except redis.RedisError as exc:
            raise _unavailable() from exc

    async def hit_groups(self, groups: Sequence[Sequence[Check]]) -> list[Hits]:
        """hit_each for several requests in one script call, group after group."""
        if not groups:
            return []
        keys, args = _call_groups(groups, self._prefix)
        try:
            return _groups(groups, await self._script(keys=keys, args=args))
        except redis.RedisError as exc:
            raise _unavailable() from exc

    async def reset(self) -> None:
        """Forgets every count under the prefix (tests)."""
        try:
            async for key in self._client.scan_iter(match=f"{self._prefix}:*", count=1000):
                await self._client.delete(key)
        except redis.RedisError as exc:
            raise _unavailable() from exc


class CoalescedHits:
    """hit_each for concurrent requests: those that ask in the same event-loop turn share one
    script call (a round trip and a script run cost more CPU than the arithmetic of a hit).

    Each request's limits are applied as one group, in the order the requests asked, exactly
    as separate hit_each calls in that order would; a request adds at most one loop turn.
    """

    def __init__(self, windows: AsyncRedisSlidingWindows, *, max_groups: int = 256) -> None:
        self._windows = windows
        self._max_groups = max_groups
        self._pending: list[tuple[Sequence[Check], asyncio.Future[Hits]]] = []
        self._sending: set[asyncio.Task[None]] = set()
        self.calls = 0  # script calls made (for tests and benchmarks)

    async def hit_each(self, checks: Sequence[Check]) -> Hits:
        """Hits each limit in order until one refuses; each hit's outcome and window after it."""
        if not checks:
            return []
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Hits] = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.append((checks, future))
        return await future

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        task = asyncio.ensure_future(self._send_in_order(pending))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send_in_order(
        self, pending: Sequence[tuple[Sequence[Check], asyncio.Future[Hits]]]
    ) -> None:
        # One call after the other: concurrent calls on pooled connections could reach Redis
        # in another order than the requests asked.
        try:
            for i in range(0, len(pending), self._max_groups):
                await self._send(pending[i : i + self._max_groups])
        except asyncio.CancelledError:
            for _, future in pending:
                future.cancel()  # the calls not made yet: no request waits forever
            raise

    async def _send(self, batch: Sequence[tuple[Sequence[Check], asyncio.Future[Hits]]]) -> None:
        self.calls += 1
        try:
            results = await self._windows.hit_groups([checks for checks, _ in batch])
        except asyncio.CancelledError:
            for _, future in batch:
                future.cancel()
            raise
        except Exception as exc:  # Unavailable, or a bug: every waiting request hears of it
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), hits in zip(batch, results, strict=True):
            # A request cancelled meanwhile (its client left) still counted, as it did alone.
            if not future.done():
                future.set_result(hits)
