"""Redis Streams carries a publish call's bodies in grouped entries: an entry is acknowledged
only when every body in it is settled, and entries of the one-body format are still read."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import orjson
import pytest
import redis
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async
from tests.queue.test_queue_contract import receive_n

from civility.queue.redis_streams import GROUP, RedisStreamsQueue

REDIS_URL = "redis://127.0.0.1:6379/0"
pytestmark = pytest.mark.redis


@pytest.fixture
def name() -> Iterator[str]:
    require_server("Redis", "127.0.0.1", 6379)
    stream = f"test.groups.{uuid.uuid4().hex[:10]}"
    yield stream
    client = redis.Redis.from_url(REDIS_URL)
    client.delete(stream, f"{stream}.dead")
    client.close()


def _pending(stream: str) -> int:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return int(client.xpending(stream, GROUP)["pending"])
    finally:
        client.close()


def _length(stream: str) -> int:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        return int(client.xlen(stream))
    finally:
        client.close()


def test_bodies_travel_grouped_and_an_entry_goes_when_all_its_bodies_are_settled(
    name: str,
) -> None:
    async def scenario() -> None:
        q = RedisStreamsQueue(REDIS_URL, name, group_size=500)
        await q.start()
        try:
            await q.publish([{"id": f"m{i}"} for i in range(1200)])
            assert _length(name) == 3
            got = []
            while len(got) < 1200:
                batch = await q.receive(128, timeout=1)
                assert 0 < len(batch) <= 128
                got += batch
            assert sorted(d.body["id"] for d in got) == sorted(f"m{i}" for i in range(1200))
            await q.ack(got[:499])  # all of the first entry but one body
            assert _pending(name) == 3
            await q.ack(got[499:])
            assert _pending(name) == 0
            assert _length(name) == 0
        finally:
            await q.close()

    run_async(scenario())


def test_part_of_an_entry_is_retried_while_the_rest_is_done(name: str) -> None:
    async def scenario() -> None:
        q = RedisStreamsQueue(REDIS_URL, name, max_attempts=3)
        await q.start()
        try:
            await q.publish([{"id": "ok"}, {"id": "again"}])
            got = await receive_n(q, 2)
            await q.ack([d for d in got if d.body["id"] == "ok"])
            await q.nack([d for d in got if d.body["id"] == "again"], requeue=True)
            [retried] = await receive_n(q, 1)
            assert (retried.body, retried.attempt) == ({"id": "again"}, 2)
            await q.ack([retried])
            assert _length(name) == 0
        finally:
            await q.close()

    run_async(scenario())


def test_entries_of_the_one_body_format_are_still_read(name: str) -> None:
    async def scenario() -> None:
        q = RedisStreamsQueue(REDIS_URL, name)
        await q.start()
        client = redis.Redis.from_url(REDIS_URL)
        client.xadd(name, {"b": orjson.dumps({"id": "old"}), "a": 1})
        client.close()
        try:
            [d] = await receive_n(q, 1)
            assert (d.body, d.attempt) == ({"id": "old"}, 1)
            await q.ack([d])
            assert _length(name) == 0
        finally:
            await q.close()

    run_async(scenario())
