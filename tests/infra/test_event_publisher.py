"""The relay's AMQP publisher against the real RabbitMQ: batches, big bodies, broker refusals,
a batch that fails midway."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime

import aio_pika
import aiormq
import pytest
from tests.conftest import require_server
from tests.infra.infra_helpers import (
    AMQP_URL,
    capture_events,
    delete_rabbit,
    run_async,
    unique,
)

from civility.errors import Unavailable
from civility.events.models import Event
from civility.outbox.amqp import AmqpEventPublisher

NOW = datetime(2026, 3, 1, tzinfo=UTC)
RUN = itertools.count()


def _events(n: int, *, big: int = -1) -> list[Event]:
    run = next(RUN)
    return [
        Event(
            id=f"pub:{run}:{i}",
            type="user.banned" if i % 3 else "message.hidden",
            actor="system",
            subject_type="message",
            subject_id=f"m{i}",
            channel_id="c",
            # One body bigger than RabbitMQ's frame size, so it travels in several frames.
            payload={"i": i, "pad": "x" * (300_000 if i == big else 10)},
            created_at=NOW,
        )
        for i in range(n)
    ]


@pytest.fixture(autouse=True)
def _rabbit() -> None:
    require_server("RabbitMQ", "127.0.0.1", 5672)


def test_a_batch_arrives_whole_with_ids_routing_keys_and_headers() -> None:
    exchange = unique("test.pub")
    events = _events(700, big=5)
    publisher = AmqpEventPublisher(AMQP_URL, exchange)

    async def publish() -> None:
        await publisher.publish(events[:400])
        await publisher.publish(events[400:])
        await publisher.close()

    try:
        with capture_events(exchange) as capture:  # declares the exchange and binds a queue
            run_async(publish())
            assert capture.wait_for(lambda got: len(got) >= len(events))
    finally:
        delete_rabbit([], [exchange])
    # One queue, one publisher: the events arrive in the order they were published.
    assert [e["message_id"] for e in capture.received] == [e.id for e in events]
    got = {e["message_id"]: e for e in capture.received}
    for event in events:
        assert got[event.id]["routing_key"] == event.type
        assert got[event.id]["body"] == event.to_dict()
    assert len(got[events[5].id]["body"]["payload"]["pad"]) == 300_000


def test_a_refused_publish_raises_unavailable_and_the_next_one_reconnects() -> None:
    exchange = unique("test.pub")
    publisher = AmqpEventPublisher(AMQP_URL, exchange)

    async def scenario() -> None:
        await publisher.publish(_events(3))
        # The exchange disappears under the open channel: the broker closes the channel, and
        # the publish waits for confirms, so it sees the close.
        delete_rabbit([], [exchange])
        with pytest.raises(Unavailable):
            await publisher.publish(_events(50))
        await publisher.publish(_events(50))  # redeclares the exchange on a fresh connection
        await publisher.close()

    try:
        run_async(scenario())
    finally:
        delete_rabbit([], [exchange])


def test_a_broker_refusal_raises_unavailable_and_the_next_batch_goes_through() -> None:
    exchange = unique("test.pub")
    full = unique("test.full")
    publisher = AmqpEventPublisher(AMQP_URL, exchange)

    async def bind_a_full_queue() -> None:
        # A queue that rejects every publish: the broker fails the transaction's commit
        # ("partial tx completion"), as it would nack the messages under publisher confirms.
        conn = await aio_pika.connect(AMQP_URL)
        async with conn:
            channel = await conn.channel()
            ex = await channel.declare_exchange(exchange, aio_pika.ExchangeType.TOPIC, durable=True)
            queue = await channel.declare_queue(
                full, arguments={"x-max-length": 0, "x-overflow": "reject-publish"}
            )
            await queue.bind(ex, "#")

    async def scenario() -> None:
        await bind_a_full_queue()
        with pytest.raises(Unavailable) as refused:
            await publisher.publish(_events(5))
        cause = refused.value.__cause__
        assert isinstance(cause, aiormq.exceptions.ChannelPreconditionFailed)
        assert "partial tx completion" in str(cause)
        delete_rabbit([full])
        await publisher.publish(_events(5))
        await publisher.close()

    try:
        run_async(scenario())
    finally:
        delete_rabbit([full], [exchange])


def test_a_batch_that_fails_midway_is_not_committed_with_the_next_one() -> None:
    exchange = unique("test.pub")
    publisher = AmqpEventPublisher(AMQP_URL, exchange)
    broken = _events(5)
    # The fourth event cannot be serialised: three messages of the transaction are written.
    broken[3] = dataclasses.replace(broken[3], payload={"not json": {1, 2}})
    good = _events(4)

    async def scenario() -> None:
        with pytest.raises(TypeError):
            await publisher.publish(broken)
        await publisher.publish(good)
        await publisher.close()

    try:
        with capture_events(exchange) as capture:
            run_async(scenario())
            assert capture.wait_for(lambda got: len(got) >= len(good))
    finally:
        delete_rabbit([], [exchange])
    # The first three were discarded with their channel; had they been left in the open
    # transaction, the next commit would have sent them ahead of the good batch.
    assert [e["message_id"] for e in capture.received] == [e.id for e in good]
