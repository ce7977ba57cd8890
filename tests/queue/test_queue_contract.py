"""One contract, three backends: the in-process queue, RabbitMQ and Redis Streams.

Each test gets its own queue name, so tests never see each other's messages.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async

from civility.queue.base import Delivery, MessageQueue
from civility.queue.memory import InMemoryQueue

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"
REDIS_URL = "redis://127.0.0.1:6379/0"
MAX_ATTEMPTS = 3

Factory = Callable[..., MessageQueue]
BACKENDS = [
    "memory",
    pytest.param("rabbitmq", marks=pytest.mark.rabbitmq),
    pytest.param("rabbitmq-quorum", marks=pytest.mark.rabbitmq),
    pytest.param("redis", marks=pytest.mark.redis),
]


def _delete_rabbit_queues(names: list[str]) -> None:
    import aio_pika

    async def go() -> None:
        conn = await aio_pika.connect(AMQP_URL)
        async with conn:
            channel = await conn.channel()
            for name in names:
                await channel.queue_delete(name)

    run_async(go())


def _delete_redis_keys(names: list[str]) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    client.delete(*names)
    client.close()


@pytest.fixture(params=BACKENDS)
def make_queue(request: pytest.FixtureRequest) -> Iterator[Factory]:
    """Builds queues of one backend on a fresh queue name; deletes them afterwards."""
    name = f"test.{uuid.uuid4().hex[:12]}"
    kind = request.param
    if kind.startswith("rabbitmq"):
        require_server("RabbitMQ", "127.0.0.1", 5672)
    if kind == "redis":
        require_server("Redis", "127.0.0.1", 6379)
    shared = InMemoryQueue(max_attempts=MAX_ATTEMPTS)

    def factory(**options: Any) -> MessageQueue:
        if kind.startswith("rabbitmq"):
            from civility.queue.rabbitmq import RabbitMQQueue

            queue_type = "quorum" if kind == "rabbitmq-quorum" else "classic"
            return RabbitMQQueue(
                AMQP_URL, name, max_attempts=MAX_ATTEMPTS, queue_type=queue_type, **options
            )
        if kind == "redis":
            from civility.queue.redis_streams import RedisStreamsQueue

            return RedisStreamsQueue(REDIS_URL, name, max_attempts=MAX_ATTEMPTS, **options)
        return shared  # the in-process queue is shared by construction

    factory.kind = kind  # type: ignore[attr-defined]
    yield factory
    if kind.startswith("rabbitmq"):
        _delete_rabbit_queues([name, f"{name}.dead"])
    elif kind == "redis":
        _delete_redis_keys([name, f"{name}.dead"])


async def receive_n(q: MessageQueue, n: int, deadline_s: float = 5.0) -> list[Delivery]:
    """Receives until n deliveries arrived or the deadline passed."""
    got: list[Delivery] = []
    end = time.monotonic() + deadline_s
    while len(got) < n and time.monotonic() < end:
        got += await q.receive(n - len(got), timeout=min(0.5, end - time.monotonic()))
    return got


async def dead_letters(q: MessageQueue) -> int:
    """Counts dead-lettered messages, whatever the backend."""
    if isinstance(q, InMemoryQueue):
        return len(q.dead_letters)
    counter: Callable[[], Awaitable[int]] = q.dead_letter_depth  # type: ignore[attr-defined]
    return await counter()


def run(factory: Factory, scenario: Callable[[MessageQueue], Awaitable[None]]) -> None:
    """Runs one scenario on a started queue and closes it."""

    async def go() -> None:
        q = factory()
        await q.start()
        try:
            await scenario(q)
        finally:
            await q.close()

    run_async(go())


def test_publish_receive_ack(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"id": f"m{i}"} for i in range(10)])
        got = await receive_n(q, 10)
        assert sorted(d.body["id"] for d in got) == sorted(f"m{i}" for i in range(10))
        assert all(d.attempt == 1 for d in got)
        await q.ack(got)
        assert await q.receive(10, timeout=0.2) == []
        assert await q.depth() == 0

    run(make_queue, scenario)


def test_receive_returns_at_most_max_items(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"id": f"m{i}"} for i in range(5)])
        first = await receive_n(q, 2)
        assert len(first) == 2
        rest = await receive_n(q, 3)
        assert {d.body["id"] for d in first + rest} == {f"m{i}" for i in range(5)}
        await q.ack(first + rest)

    run(make_queue, scenario)


def test_empty_receive_waits_then_returns_nothing(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        assert await q.receive(10, timeout=0.1) == []

    run(make_queue, scenario)


def test_nack_requeues_with_the_next_attempt(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"id": "again"}])
        [first] = await receive_n(q, 1)
        await q.nack([first], requeue=True)
        [second] = await receive_n(q, 1)
        assert second.body == {"id": "again"}
        assert second.attempt == 2
        await q.ack([second])
        assert await dead_letters(q) == 0

    run(make_queue, scenario)


def test_failing_message_is_dead_lettered_after_max_attempts(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"id": "bad"}])
        for attempt in range(1, MAX_ATTEMPTS + 1):
            [d] = await receive_n(q, 1)
            assert d.attempt == attempt
            await q.nack([d], requeue=True)
        assert await q.receive(1, timeout=0.2) == []
        assert await _eventually(lambda: dead_letters(q), 1)

    run(make_queue, scenario)


def test_poison_message_goes_straight_to_dead_letters_without_blocking(
    make_queue: Factory,
) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"no-id": True}, {"id": "good"}])
        got = await receive_n(q, 2)
        poison = [d for d in got if "id" not in d.body]
        await q.nack(poison, requeue=False)
        await q.ack([d for d in got if "id" in d.body])
        assert await _eventually(lambda: dead_letters(q), 1)
        assert await q.receive(1, timeout=0.2) == []

    run(make_queue, scenario)


def test_dead_letters_are_listed_in_place_and_replayed_once(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        await q.publish([{"id": f"d{i}"} for i in range(3)])
        got = await receive_n(q, 3)
        await q.nack(got, requeue=False)

        async def listed_count() -> int:
            return len(await q.list_dead_letters(10))

        assert await _eventually(listed_count, 3)
        listed = await q.list_dead_letters(10)
        assert sorted(b["id"] for b in listed) == ["d0", "d1", "d2"]
        assert sorted(b["id"] for b in await q.list_dead_letters(10)) == [
            "d0",
            "d1",
            "d2",
        ]  # a peek

        assert await q.replay_dead_letters(10) == 3
        assert await q.list_dead_letters(10) == []
        back = await receive_n(q, 3)
        assert sorted(d.body["id"] for d in back) == ["d0", "d1", "d2"]
        assert all(d.attempt == 1 for d in back)  # a replayed letter gets its attempts again
        await q.ack(back)
        assert await q.replay_dead_letters(10) == 0

    run(make_queue, scenario)


def test_depth_counts_waiting_messages(make_queue: Factory) -> None:
    async def scenario(q: MessageQueue) -> None:
        for i in range(7):  # RabbitMQ carries one publish call's bodies in one AMQP message
            await q.publish([{"id": f"m{i}"}])
        assert await _eventually(q.depth, 7)
        await q.ping()

    run(make_queue, scenario)


def test_unacked_messages_return_when_their_consumer_goes_away(make_queue: Factory) -> None:
    if make_queue.kind == "memory":  # type: ignore[attr-defined]
        pytest.skip("the in-process queue lives and dies with its only consumer")
    options: dict[str, Any] = {}
    if make_queue.kind == "redis":  # type: ignore[attr-defined]
        options = {"reclaim_idle_ms": 0, "reclaim_interval": 0.0}

    async def scenario() -> None:
        first = make_queue()
        await first.start()
        await first.publish([{"id": "orphan"}])
        assert len(await receive_n(first, 1)) == 1
        await first.close()  # dies without acknowledging
        second = make_queue(**options)
        await second.start()
        try:
            [d] = await receive_n(second, 1)
            assert d.body == {"id": "orphan"}
            await second.ack([d])
        finally:
            await second.close()

    run_async(scenario())


async def _eventually(probe: Callable[[], Awaitable[int]], expected: int) -> bool:
    """Polls a broker-side counter (RabbitMQ updates counts asynchronously), bounded."""
    end = time.monotonic() + 5
    while time.monotonic() < end:
        if await probe() == expected:
            return True
        await asyncio.sleep(0.05)
    return await probe() == expected


def test_a_message_whose_consumers_keep_dying_is_dead_lettered(make_queue: Factory) -> None:
    if make_queue.kind not in ("rabbitmq-quorum", "redis"):  # type: ignore[attr-defined]
        pytest.skip("only quorum queues and Redis Streams count deliveries without an ack")
    options: dict[str, Any] = {}
    if make_queue.kind == "redis":  # type: ignore[attr-defined]
        options = {"reclaim_idle_ms": 0, "reclaim_interval": 0.0}

    async def scenario() -> None:
        publisher = make_queue(**options)
        await publisher.start()
        await publisher.publish([{"id": "crasher"}])
        await publisher.close()
        attempts = []
        for _ in range(MAX_ATTEMPTS + 2):
            consumer = make_queue(**options)
            await consumer.start()
            got = await receive_n(consumer, 1, deadline_s=2)
            attempts += [d.attempt for d in got]
            if not got:
                assert await _eventually(lambda q=consumer: dead_letters(q), 1)
                await consumer.close()
                break
            await consumer.close()  # dies holding the message, without ack or nack
        assert attempts == list(range(1, MAX_ATTEMPTS + 1))

    run_async(scenario())
