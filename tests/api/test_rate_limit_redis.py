"""Per-key rate limits in Redis are one count for every process (real Redis on loopback)."""

from __future__ import annotations

import uuid

from limits import parse_many
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async

from civility.api.ratelimit import ApiRateLimiter
from civility.auth.keys import Principal, Role


def test_two_processes_share_one_count_in_redis() -> None:
    require_server("Redis", "127.0.0.1", 6379)
    # Two limiters stand for two processes; a fresh key id keeps runs apart.
    key = Principal(f"key:{uuid.uuid4().hex[:16]}", Role.SERVICE)

    def limiter() -> ApiRateLimiter:
        return ApiRateLimiter(
            "redis://127.0.0.1:6379/0", per_role={Role.SERVICE: parse_many("3/minute")}, per_key={}
        )

    async def scenario() -> list[bool]:
        first, second = limiter(), limiter()
        outcomes = []
        try:
            for one in (first, second, first, second):
                state = await one.hit(key)
                assert state is not None
                outcomes.append(state.exceeded)
        finally:
            await first.close()
            await second.close()
        return outcomes

    assert run_async(scenario()) == [False, False, False, True]
