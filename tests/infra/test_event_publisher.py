"""The relay's AMQP publisher against the real RabbitMQ: batches, big bodies, broker refusals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import aio_pika
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
    got = {e["message_id"]: e for e in capture.received}
    assert set(got) == {e.id for e in events}
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


def test_a_broker_nack_raises_unavailable_and_the_next_batch_goes_through() -> None:
    exchange = unique("test.pub")
    full = unique("test.full")
    publisher = AmqpEventPublisher(AMQP_URL, exchange)

    async def bind_a_full_queue() -> None:
        # A queue that rejects every publish: with confirms on, the broker nacks them.
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
        assert isinstance(refused.value.__cause__, aio_pika.exceptions.DeliveryError)
        delete_rabbit([full])
        await publisher.publish(_events(5))
        await publisher.close()

    try:
        run_async(scenario())
    finally:
        delete_rabbit([full], [exchange])
