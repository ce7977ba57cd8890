"""Per-API-key rate limits: `limits`' sliding window counter in Redis when CIVILITY_REDIS_URL is
set (shared by every process, one script call per request), in this process's memory otherwise."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import redis.asyncio
from limits import RateLimitItem, parse_many

from civility.auth.keys import Principal, Role
from civility.settings import Settings
from civility.storage.redis_limits import AsyncRedisSlidingWindows, CoalescedHits
from civility.tenancy.models import DEFAULT_TENANT

NAMESPACE = "civility-api-key"


@dataclass(frozen=True, slots=True)
class RateLimitState:
    """Where a key stands against its tightest limit after this request."""

    limit: int
    remaining: int
    reset_after: float
    exceeded: bool

    def headers(self) -> dict[str, str]:
        """The IETF draft's RateLimit-* headers (and Retry-After once exceeded)."""
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(max(0, math.ceil(self.reset_after))),
        }
        if self.exceeded:
            headers["Retry-After"] = str(max(1, math.ceil(self.reset_after)))
        return headers


def parse_key_limits(text: str) -> dict[str, list[RateLimitItem]]:
    """Parses `<key id>=<limits>,…` (validated by Settings) into limits per principal id."""
    result: dict[str, list[RateLimitItem]] = {}
    for part in (p.strip() for p in text.split(",")):
        if part:
            key_id, _, limit = part.partition("=")
            result[f"key:{key_id.strip()}"] = parse_many(limit.strip())
    return result


class MemoryWindows:
    """limits' sliding window counter in this process's memory, without its storage layer.

    The same arithmetic as `limits`' async MemoryStorage with SlidingWindowCounterRateLimiter:
    a count per fixed window of the limit's length (its key from the same float formula), a
    count living twice the window from its first hit, the previous window's count weighted
    by the share of it the sliding window still covers. What it saves is a request's part of
    the storage layer: six awaited calls, a lock per key and an expiry task per hit, 2-4% of
    the server's CPU per POST /v1/moderate (`bench/moderate_cpu.py --spy`). One event loop
    runs it, so nothing comes between a check and its count.
    tests/api/test_ratelimit_memory.py compares it with `limits` hit for hit.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        # Per (limit, who): window index -> [count, expires at].
        self._windows: dict[tuple[RateLimitItem, str], dict[int, list[float]]] = {}
        self._next_sweep = 0.0

    def __len__(self) -> int:
        """The (limit, who) pairs with a count held."""
        return len(self._windows)

    def hit(self, item: RateLimitItem, who: str) -> RateLimitState:
        """Counts one request against a limit unless that would exceed it; returns the state."""
        now = self._clock()
        expiry = item.get_expiry()
        windows = self._windows.setdefault((item, who), {})
        for index in [i for i, (_, expires) in windows.items() if expires <= now]:
            del windows[index]
        previous_index, current_index = int((now - expiry) / expiry), int(now / expiry)
        previous = windows.get(previous_index)
        previous_count = int(previous[0]) if previous is not None else 0
        previous_ttl = (1 - (((now - expiry) / expiry) % 1)) * expiry if previous_count else 0.0
        current_ttl = (1 - ((now / expiry) % 1)) * expiry + expiry
        current = windows.get(current_index)
        current_count = int(current[0]) if current is not None else 0
        weight = previous_count * previous_ttl / expiry
        allowed = item.amount >= 1 and math.floor(weight + current_count) + 1 <= item.amount
        if allowed:
            if current is None:
                windows[current_index] = current = [0, now + 2 * expiry]
                self._sweep(now)
            current[0] += 1
            current_count += 1
        elif not windows:
            del self._windows[(item, who)]
        remaining = max(0, item.amount - math.floor(weight + current_count))
        reset_in = 0.0
        if previous_count or current_count:
            reset_in = min(
                previous_ttl % (expiry / previous_count) if previous_count else math.inf,
                current_ttl % expiry if current_count else math.inf,
            )
        return RateLimitState(item.amount, remaining, reset_in, exceeded=not allowed)

    def _sweep(self, now: float) -> None:
        # Keys that stopped calling are forgotten too (a minute apart at most, as limits does).
        if now < self._next_sweep:
            return
        self._next_sweep = now + 60
        for pair, windows in list(self._windows.items()):
            for index in [i for i, (_, expires) in windows.items() if expires <= now]:
                del windows[index]
            if not windows:
                del self._windows[pair]

    def reset(self) -> None:
        """Forgets every count."""
        self._windows.clear()


class ApiRateLimiter:
    """Counts each key's requests in a sliding window; the role's limits unless overridden."""

    def __init__(
        self,
        storage_uri: str,
        *,
        per_role: dict[Role, list[RateLimitItem]],
        per_key: dict[str, list[RateLimitItem]],
        per_tenant: Callable[[str], tuple[str, ...]] | None = None,
    ) -> None:
        self._pool: redis.asyncio.ConnectionPool | None = None
        self._memory: MemoryWindows | None = None
        self._redis: CoalescedHits | None = None
        self._redis_windows: AsyncRedisSlidingWindows | None = None
        if storage_uri.startswith(("redis://", "rediss://")):
            # Our own pool, so close() can release its connections.
            self._pool = redis.asyncio.ConnectionPool.from_url(storage_uri)
            windows = AsyncRedisSlidingWindows(redis.asyncio.Redis(connection_pool=self._pool))
            self._redis_windows = windows
            # Concurrent requests share a script call (see CoalescedHits).
            self._redis = CoalescedHits(windows)
        elif storage_uri == "async+memory://":
            self._memory = MemoryWindows()
        else:
            raise ValueError(f"unsupported rate limit storage: {storage_uri!r}")
        self._per_role = per_role
        self._per_key = per_key
        self._per_tenant = per_tenant
        self._parsed: dict[str, list[RateLimitItem]] = {}

    @classmethod
    def from_settings(
        cls, settings: Settings, per_tenant: Callable[[str], tuple[str, ...]] | None = None
    ) -> ApiRateLimiter:
        """Builds the limiter the settings describe (and each tenant's own limits)."""
        text = {
            Role.SERVICE: settings.rate_limit_service,
            Role.MODERATOR: settings.rate_limit_moderator,
            Role.ADMIN: settings.rate_limit_admin,
        }
        return cls(
            settings.redis_url or "async+memory://",
            per_role={role: parse_many(t) if t else [] for role, t in text.items()},
            per_key=parse_key_limits(settings.rate_limit_keys),
            per_tenant=per_tenant,
        )

    def _tenant_items(self, tenant: str) -> list[RateLimitItem]:
        # The default tenant follows the installation's (per-key) limits only.
        if self._per_tenant is None or tenant == DEFAULT_TENANT:
            return []
        text = ";".join(self._per_tenant(tenant))
        if not text:
            return []
        parsed = self._parsed.get(text)
        if parsed is None:
            parsed = self._parsed[text] = parse_many(text)
        return parsed

    async def hit(self, principal: Principal) -> RateLimitState | None:
        """Counts one request against the key's limits and its tenant's (rate limit, quota);
        returns the tightest state (None when neither has a limit)."""
        items = [
            (item, principal.id)
            for item in self._per_key.get(principal.id, self._per_role.get(principal.role, []))
        ]
        items += [
            (item, f"tenant:{principal.tenant}") for item in self._tenant_items(principal.tenant)
        ]
        if not items:
            return None
        tightest: RateLimitState | None = None
        if self._memory is not None:
            for item, who in items:
                state = self._memory.hit(item, who)
                tightest = _tighter(tightest, state)
                if state.exceeded:
                    break
            return tightest
        assert self._redis is not None
        # Every limit in one script call: the key's, then its tenant's, until one refuses.
        checks = [(item, NAMESPACE, who) for item, who in items]
        for allowed, window in await self._redis.hit_each(checks):
            state = RateLimitState(
                limit=window.item.amount,
                remaining=window.remaining(),
                reset_after=window.reset_in(),
                exceeded=not allowed,
            )
            tightest = _tighter(tightest, state)
        return tightest

    async def reset(self) -> None:
        """Forgets every counter (tests)."""
        if self._memory is not None:
            self._memory.reset()
        if self._redis_windows is not None:
            await self._redis_windows.reset()

    async def close(self) -> None:
        """Releases the Redis connections (nothing to do in memory)."""
        if self._pool is not None:
            await self._pool.disconnect()


def _tighter(tightest: RateLimitState | None, state: RateLimitState) -> RateLimitState:
    """The state to report of two: an exceeded limit, else the one with fewer requests left."""
    if tightest is None or (state.exceeded, -state.remaining) > (
        tightest.exceeded,
        -tightest.remaining,
    ):
        return state
    return tightest
