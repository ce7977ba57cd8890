"""The Redis WindowStore against a real Redis, and the in-memory one, under one contract."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import redis
from tests.conftest import require_server

from civility.errors import Unavailable
from civility.policy.checks import MemoryWindowStore, WindowHit, WindowStore
from civility.storage.redis_windows import RedisWindowStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)
MINUTE = timedelta(seconds=60)


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
def store(request: pytest.FixtureRequest) -> Iterator[WindowStore]:
    if request.param == "memory":
        yield MemoryWindowStore()
        return
    require_server("Redis", "127.0.0.1", 6379)
    redis_store = RedisWindowStore.from_url(
        "redis://127.0.0.1:6379/0", prefix=f"test:{uuid.uuid4().hex}:"
    )
    yield redis_store
    redis_store.close()


def test_counts_hits_within_the_window(store: WindowStore) -> None:
    assert [store.hit("k", T0, MINUTE) for _ in range(3)] == [1, 2, 3]
    assert store.hit("other", T0, MINUTE) == 1
    assert store.hit("k", T0 + timedelta(seconds=59), MINUTE) == 4
    # Hits at exactly now - window have left the window.
    assert store.hit("k", T0 + timedelta(seconds=60), MINUTE) == 2
    assert store.hit("k", T0 + timedelta(seconds=200), MINUTE) == 1


def test_a_batch_of_hits_counts_in_order(store: WindowStore) -> None:
    hour = timedelta(hours=1)
    hits = [WindowHit("a", MINUTE), WindowHit("b", hour), WindowHit("a", MINUTE)]
    assert store.hit_many(hits, T0) == [1, 1, 2]
    assert store.hit_many([], T0) == []
    later = T0 + timedelta(seconds=90)  # "a" has left its minute, "b" is still in its hour
    assert store.hit_many([WindowHit("a", MINUTE), WindowHit("b", hour)], later) == [1, 2]
    assert store.hit("b", later, hour) == 3


@pytest.mark.redis
def test_keys_expire_with_their_window() -> None:
    require_server("Redis", "127.0.0.1", 6379)
    prefix = f"test:{uuid.uuid4().hex}:"
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    store = RedisWindowStore(client, prefix=prefix)
    store.hit("k", T0, MINUTE)
    ttl = client.pttl(prefix + "k")
    assert 0 < int(ttl) <= 60_000
    store.close()


def test_an_unreachable_redis_is_unavailable() -> None:
    store = RedisWindowStore.from_url("redis://127.0.0.1:1/0")
    with pytest.raises(Unavailable):
        store.hit("k", T0, MINUTE)
    with pytest.raises(Unavailable):
        store.hit_many([WindowHit("k", MINUTE)], T0)
