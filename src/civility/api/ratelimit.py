"""Per-API-key rate limits with `limits`: in Redis when CIVILITY_REDIS_URL is set (shared by
every process), in this process's memory otherwise."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import redis.asyncio
from limits import RateLimitItem, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string

from civility.auth.keys import Principal, Role
from civility.errors import Unavailable
from civility.settings import Settings
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
        options: dict[str, Any] = {}
        self._pool: redis.asyncio.ConnectionPool | None = None
        if storage_uri.startswith(("redis://", "rediss://")):
            # Our own pool, so close() can release its connections.
            self._pool = redis.asyncio.ConnectionPool.from_url(storage_uri)
            options = {
                "implementation": "redispy",
                "wrap_exceptions": True,
                "connection_pool": self._pool,
            }
            storage_uri = "async+" + storage_uri
        storage = storage_from_string(storage_uri, **options)
        assert isinstance(storage, Storage)
        self._storage = storage
        self._limiter = SlidingWindowCounterRateLimiter(storage)
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
        try:
            for item, who in items:
                allowed = await self._limiter.hit(item, NAMESPACE, who)
                stats = await self._limiter.get_window_stats(item, NAMESPACE, who)
                state = RateLimitState(
                    limit=item.amount,
                    remaining=max(0, stats.remaining),
                    reset_after=max(0.0, stats.reset_time - time.time()),
                    exceeded=not allowed,
                )
                if tightest is None or (state.exceeded, -state.remaining) > (
                    tightest.exceeded,
                    -tightest.remaining,
                ):
                    tightest = state
                if not allowed:
                    break
        except StorageError as exc:
            raise Unavailable(
                "the rate limit store is unavailable", code="limits_unavailable"
            ) from exc
        return tightest

    async def reset(self) -> None:
        """Forgets every counter (tests)."""
        await self._storage.reset()

    async def close(self) -> None:
        """Releases the Redis connections (nothing to do in memory)."""
        if self._pool is not None:
            await self._pool.disconnect()
