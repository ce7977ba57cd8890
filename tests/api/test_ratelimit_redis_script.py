"""The one-call Redis limiters against `limits`' own Redis limiter, hit for hit (real Redis).

Each scenario runs twice side by side in one Redis: once through `limits` (what the API edge
and the rating limiter did before), once through our script, under two scopes of the same
key names. Time is controlled by moving both sides' keys' expiries at once (a key's TTL is
all the state besides its count), so rollovers happen where the test puts them. Windows are
days long: `limits` takes a few milliseconds between its calls, which moves a weighted count
by ~1e-7 here (at seconds' scale it could move a count across an integer); the arithmetic is
the same at any scale.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
import uuid
from collections.abc import Iterator

import pytest
import redis
import redis.asyncio
from limits import RateLimitItem, parse_many
from limits.storage import RedisStorage, storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async

from civility.api.ratelimit import NAMESPACE, ApiRateLimiter, RateLimitState, _tighter
from civility.auth.keys import Principal, Role
from civility.errors import Unavailable
from civility.storage.ratings_cache import (
    CLIENT_NAMESPACE,
    POST_CLIENT_NAMESPACE,
    POST_NAMESPACE,
    USER_NAMESPACE,
    LimitsRateLimiter,
)
from civility.storage.redis_limits import (
    AsyncRedisSlidingWindows,
    CoalescedHits,
    RedisSlidingWindows,
    Window,
)

URL = "redis://127.0.0.1:6379/0"

# Both sides' keys (ours and the reference's): each TTL moved by ARGV[1] ms, the pair set to
# the reference's TTL so that the milliseconds between the two sides' calls do not add up.
# Returns an error when one side has a count the other has not.
_ADVANCE = """
local d = tonumber(ARGV[1])
for i = 1, #KEYS, 2 do
  local ref, ours = KEYS[i], KEYS[i + 1]
  local t, u = redis.call('pttl', ref), redis.call('pttl', ours)
  if (t > 0) ~= (u > 0) or redis.call('get', ref) ~= redis.call('get', ours) then
    return redis.error_reply('sides differ at ' .. ref)
  end
  if t > 0 then
    if t - d > 0 then
      redis.call('pexpire', ref, t - d)
      redis.call('pexpire', ours, t - d)
    else
      redis.call('del', ref, ours)
    end
  end
end
return 0
"""


@pytest.fixture
def client() -> Iterator[redis.Redis]:
    require_server("Redis", "127.0.0.1", 6379)
    connection = redis.Redis.from_url(URL)
    yield connection
    connection.close()


class Clock:
    """Moves time for both sides' keys (a reference key holds `ref`, its twin `ours` there)."""

    def __init__(self, client: redis.Redis, ref: str, ours: str) -> None:
        self._client = client
        self._ref, self._ours = ref, ours
        self._advance = client.register_script(_ADVANCE)
        self._keys: dict[str, str] = {}  # reference key -> ours

    def watch(self, checks: list[tuple[RateLimitItem, str, str]]) -> None:
        """Follows the keys of the reference's checks and of their twins."""
        for item, namespace, who in checks:
            current = f"LIMITS:{{{item.key_for(namespace, who)}}}"
            for key in (current, f"{current}/-1"):
                self._keys[key] = key.replace(self._ref, self._ours)

    def advance(self, seconds: float) -> None:
        """Moves every key's expiry `seconds` closer, both sides in one atomic call."""
        keys = [k for pair in self._keys.items() for k in pair]
        if keys:
            self._advance(keys=keys, args=[int(seconds * 1000)])

    def clean(self) -> None:
        """Deletes both sides' keys."""
        for pair in self._keys.items():
            self._client.delete(*pair)


def _same_reset(ours: float, theirs: float, amount: int) -> bool:
    """Equal within the reference's round trips, or one period apart across a wrap.

    limits reports `expires_in % period`: 0 on the millisecond a window starts, the whole
    period the next; which one it reports depends on when its second call reaches Redis.
    """
    if math.isclose(ours, theirs, abs_tol=0.5):
        return True
    periods = {
        e / k
        for e in (2 * 86_400, 3 * 86_400, 7 * 86_400, 10 * 86_400)
        for k in range(1, amount + 1)
    }
    return any(math.isclose(abs(ours - theirs), p, abs_tol=0.5) for p in periods)


def _reference() -> SlidingWindowCounterRateLimiter:
    storage = storage_from_string(URL)
    assert isinstance(storage, RedisStorage)
    return SlidingWindowCounterRateLimiter(storage)


def _reference_api_hit(
    limiter: SlidingWindowCounterRateLimiter, items: list[tuple[RateLimitItem, str]]
) -> tuple[list[tuple[bool, int, float]], RateLimitState | None]:
    """ApiRateLimiter's Redis path before this change: hit, then window stats, per limit."""
    each: list[tuple[bool, int, float]] = []
    tightest: RateLimitState | None = None
    for item, who in items:
        allowed = limiter.hit(item, NAMESPACE, who)
        stats = limiter.get_window_stats(item, NAMESPACE, who)
        state = RateLimitState(
            limit=item.amount,
            remaining=max(0, stats.remaining),
            reset_after=max(0.0, stats.reset_time - time.time()),
            exceeded=not allowed,
        )
        each.append((allowed, state.remaining, state.reset_after))
        tightest = _tighter(tightest, state)
        if not allowed:
            break
    return each, tightest


def test_api_limits_match_limits_hit_for_hit(client: redis.Redis) -> None:
    run = uuid.uuid4().hex[:10]
    ref_scope, our_scope = f"ref-{run}", f"ours-{run}"
    clock = Clock(client, ref_scope, our_scope)
    key_limits = parse_many("4/2 days;9/7 days")
    tenant_limits = "12/10 days"
    reference = _reference()
    ours = ApiRateLimiter(
        URL,
        per_role={Role.SERVICE: key_limits},
        per_key={},
        per_tenant=lambda tenant: (tenant_limits,),
    )
    windows = RedisSlidingWindows.from_url(URL)
    rng = random.Random(25)
    day = 86_400.0
    outcomes: list[bool] = []

    async def scenario() -> None:
        try:
            await steps()
        finally:
            await ours.close()

    async def steps() -> None:
        for _ in range(500):
            if rng.random() < 0.15:
                clock.advance(rng.choice((0.05, 0.3, 0.9, 1.7, 2.2, 4.5, 11)) * day)
                continue
            key = rng.choice("abc")
            # Two keys share a tenant (its limit refuses them together), one is alone.
            tenant = "shared" if key != "c" else "alone"
            principal = Principal(f"key:{our_scope}-{key}", Role.SERVICE, f"{our_scope}-{tenant}")
            items = [(item, f"key:{ref_scope}-{key}") for item in key_limits]
            items += [(item, f"tenant:{ref_scope}-{tenant}") for item in parse_many(tenant_limits)]
            clock.watch([(i, NAMESPACE, w) for i, w in items])
            expected_each, expected = _reference_api_hit(reference, items)
            state = await ours.hit(principal)
            assert state is not None
            assert expected is not None
            assert (state.limit, state.remaining, state.exceeded) == (
                expected.limit,
                expected.remaining,
                expected.exceeded,
            )
            assert _same_reset(state.reset_after, expected.reset_after, state.limit)
            assert state.headers().keys() == expected.headers().keys()
            outcomes.append(state.exceeded)
            # The storage class alone reports each limit's window as limits did.
            if rng.random() < 0.2:
                mirrored = [(i, NAMESPACE, w.replace(ref_scope, our_scope)) for i, w in items]
                expected_each, _ = _reference_api_hit(reference, items)
                got = windows.hit_each(mirrored)
                assert [(a, w.remaining()) for a, w in got] == [(a, r) for a, r, _ in expected_each]
        clock.advance(0)  # both sides hold the same counts and expiries at the end

    try:
        run_async(scenario())
    finally:
        windows.close()
        clock.clean()
    # The scenario reached both outcomes often, the tenant's refusals included.
    assert 50 < sum(outcomes) < len(outcomes) - 50


def _reference_rating_hit(
    limiter: SlidingWindowCounterRateLimiter, checks: list[tuple[RateLimitItem, str, str]]
) -> float | None:
    """LimitsRateLimiter's Redis path before this change: test every level, then hit each."""

    def wait(item: RateLimitItem, namespace: str, key: str) -> float:
        return max(1.0, limiter.get_window_stats(item, namespace, key).reset_time - time.time())

    for item, namespace, key in checks:
        if not limiter.test(item, namespace, key):
            return wait(item, namespace, key)
    for item, namespace, key in checks:
        if not limiter.hit(item, namespace, key):
            return wait(item, namespace, key)
    return None


def test_rating_limits_match_limits_hit_for_hit(client: redis.Redis) -> None:
    run = uuid.uuid4().hex[:10]
    ref_scope, our_scope = f"ref-{run}", f"ours-{run}"
    clock = Clock(client, ref_scope, our_scope)
    limits = {
        "user_limit": "3/2 days;5/7 days",
        "post_limit": "10/7 days",
        "client_limit": "8/7 days",
        "post_client_limit": "2/3 days",
    }
    reference = _reference()
    ours = LimitsRateLimiter(URL, scope=our_scope, **limits)
    levels = {name: parse_many(text) for name, text in limits.items()}
    rng = random.Random(7)
    day = 86_400.0
    refused = 0
    try:
        for step in range(700):
            if rng.random() < 0.1:
                clock.advance(rng.choice((0.1, 0.5, 1.3, 2.5, 4, 8)) * day)
                continue
            user, post = f"u{rng.randrange(6)}", f"p{rng.randrange(3)}"
            client_id = rng.choice((None, "c1", "c2"))
            scoped = f"{ref_scope}\x1f"
            checks = [(i, USER_NAMESPACE, scoped + user) for i in levels["user_limit"]]
            if client_id is not None:
                checks += [
                    (i, CLIENT_NAMESPACE, scoped + client_id) for i in levels["client_limit"]
                ]
                checks += [
                    (i, POST_CLIENT_NAMESPACE, f"{scoped}{post}\x1f{client_id}")
                    for i in levels["post_client_limit"]
                ]
            checks += [(i, POST_NAMESPACE, scoped + post) for i in levels["post_limit"]]
            clock.watch(checks)
            expected = _reference_rating_hit(reference, checks)
            got = ours.hit(user, post, client_id)
            assert (got is None) == (expected is None), step
            if got is not None and expected is not None:
                refused += 1
                assert _same_reset(got, expected, 10), step
        clock.advance(0)
    finally:
        ours.close()
        clock.clean()
    assert 100 < refused < 600


def test_a_refused_level_does_not_count_against_the_others(client: redis.Redis) -> None:
    scope = f"ours-{uuid.uuid4().hex[:10]}"
    ours = LimitsRateLimiter(URL, user_limit="2/day", post_limit="3/day", scope=scope)
    try:
        assert [ours.hit("u1", "p") for _ in range(2)] == [None, None]
        assert ours.hit("u1", "p") is not None  # the user's limit refuses
        assert [ours.hit("u2", "p") is None for _ in range(2)] == [True, False]
    finally:
        ours.close()
        for key in client.scan_iter(match=f"*{scope}*", count=1000):
            client.delete(key)


def test_an_unreachable_redis_is_unavailable() -> None:
    # Port 1 refuses at once on loopback: no server needed for this one.
    windows = RedisSlidingWindows(redis.Redis(port=1, socket_connect_timeout=0.5))
    with pytest.raises(Unavailable):
        windows.hit_each([(parse_many("1/minute")[0], NAMESPACE, "key:x")])


def _remaining(hits: list[tuple[bool, Window]]) -> list[tuple[bool, int, int, int]]:
    return [(a, w.remaining(), w.previous_count, w.current_count) for a, w in hits]


def test_concurrent_requests_share_a_script_call_and_count_as_one_by_one(
    client: redis.Redis,
) -> None:
    run = uuid.uuid4().hex[:10]
    alone, shared = f"alone-{run}", f"shared-{run}"
    rng = random.Random(7)
    # The second key limit is the tighter: it refuses while the first still counts.
    key_limits = parse_many("6/day;4/2 days")
    tenant_limit = parse_many("9/day")

    def request(scope: str, key: str, tenant: str) -> list[tuple[RateLimitItem, str, str]]:
        checks = [(item, NAMESPACE, f"key:{scope}-{key}") for item in key_limits]
        return checks + [(item, NAMESPACE, f"tenant:{scope}-{tenant}") for item in tenant_limit]

    asked = [(rng.choice("abcd"), rng.choice(("t1", "t2"))) for _ in range(60)]

    async def scenario() -> None:
        pool = redis.asyncio.ConnectionPool.from_url(URL)
        try:
            windows = AsyncRedisSlidingWindows(redis.asyncio.Redis(connection_pool=pool))
            # One by one, each request's own script call (the reference).
            one_by_one = [await windows.hit_each(request(alone, k, t)) for k, t in asked]
            coalesced = CoalescedHits(windows)
            together = await asyncio.gather(
                *(coalesced.hit_each(request(shared, k, t)) for k, t in asked)
            )
            assert coalesced.calls == 1  # all 60 asked in the same loop turn
            assert [_remaining(h) for h in together] == [_remaining(h) for h in one_by_one]
            # Some requests were refused by a key limit, some by their tenant's, some not at all.
            assert {(len(h), h[-1][0]) for h in together} == {
                (1, False),
                (2, False),
                (3, False),
                (3, True),
            }
            small = CoalescedHits(windows, max_groups=7)
            again = await asyncio.gather(
                *(small.hit_each(request(shared + "x", k, t)) for k, t in asked)
            )
            assert small.calls == 9  # 60 requests in calls of at most 7
            assert [_remaining(h) for h in again] == [_remaining(h) for h in one_by_one]
        finally:
            await pool.disconnect()

    try:
        run_async(scenario())
    finally:
        for key in client.scan_iter(match=f"*-{run}*", count=1000):
            client.delete(key)


def test_a_coalesced_call_that_fails_fails_every_request_waiting_on_it() -> None:
    async def scenario() -> None:
        windows = AsyncRedisSlidingWindows(redis.asyncio.Redis(port=1, socket_connect_timeout=0.5))
        coalesced = CoalescedHits(windows)
        item = parse_many("1/minute")[0]
        outcomes = await asyncio.gather(
            *(coalesced.hit_each([(item, NAMESPACE, f"key:{i}")]) for i in range(3)),
            return_exceptions=True,
        )
        assert all(isinstance(o, Unavailable) for o in outcomes)
        assert coalesced.calls == 1

    run_async(scenario())


def test_a_request_that_leaves_does_not_hold_up_the_others(client: redis.Redis) -> None:
    run = uuid.uuid4().hex[:10]
    item = parse_many("10/day")[0]

    async def scenario() -> None:
        pool = redis.asyncio.ConnectionPool.from_url(URL)
        try:
            coalesced = CoalescedHits(
                AsyncRedisSlidingWindows(redis.asyncio.Redis(connection_pool=pool))
            )
            first = asyncio.ensure_future(coalesced.hit_each([(item, NAMESPACE, f"k-{run}")]))
            second = asyncio.ensure_future(coalesced.hit_each([(item, NAMESPACE, f"k-{run}")]))
            await asyncio.sleep(0)  # both are waiting on the same call
            first.cancel()
            hits = await second
            assert first.cancelled()
            # The one that left was counted, as it would have been with its own call.
            assert [(a, w.current_count) for a, w in hits] == [(True, 2)]
        finally:
            await pool.disconnect()

    try:
        run_async(scenario())
    finally:
        for key in client.scan_iter(match=f"*k-{run}*", count=1000):
            client.delete(key)
