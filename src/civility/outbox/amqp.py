"""Publishes events to the RabbitMQ topic exchange `civility.events` (routing key = type)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence

import aio_pika
import orjson
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractExchange
from pamqp.commands import Basic

from civility.errors import Unavailable
from civility.events.models import SCHEMA_VERSION, Event
from civility.queue.rabbitmq import BROKER_ERRORS

PUBLISH_TIMEOUT_S = 30.0
PERSISTENT = 2


class AmqpEventPublisher:
    """Persistent JSON messages with publisher confirms; message_id is the event id.

    aio-pika manages the connection; publishing goes through its underlying aiormq channel,
    because aio-pika's per-message wrapper (Message validation, a timeout per publish, the
    `mandatory` returns of unbound routing keys) costs ~1.6x the CPU per event
    (bench/event_publish.py), and the relay publishes one AMQP message per event.
    """

    def __init__(self, url: str, exchange: str = "civility.events") -> None:
        self._url = url
        self._exchange_name = exchange
        self._conn: AbstractConnection | None = None
        self._channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None

    async def start(self) -> None:
        """Connects lazily on the first publish (the relay survives a broker that is down)."""

    async def _ensure(self) -> AbstractExchange:
        if self._exchange is not None and self._conn is not None and not self._conn.is_closed:
            return self._exchange
        await self.close()
        try:
            self._conn = await aio_pika.connect(self._url, timeout=5)
            self._channel = await self._conn.channel(publisher_confirms=True)
            self._exchange = await self._channel.declare_exchange(
                self._exchange_name, aio_pika.ExchangeType.TOPIC, durable=True
            )
        except BROKER_ERRORS as exc:
            await self.close()
            raise Unavailable(
                "the message broker is unavailable", code="broker_unavailable"
            ) from exc
        return self._exchange

    async def publish(self, events: Sequence[Event]) -> None:
        """Publishes every event and waits for all confirms; raises Unavailable otherwise."""
        exchange = await self._ensure()
        assert self._channel is not None
        try:
            channel = await self._channel.get_underlay_channel()
            async with asyncio.timeout(PUBLISH_TIMEOUT_S):
                # A nack from the broker raises DeliveryError (an AMQPError) here.
                await asyncio.gather(
                    *(
                        channel.basic_publish(
                            orjson.dumps(e.to_dict()),
                            exchange=exchange.name,
                            routing_key=e.type,
                            properties=_properties(e),
                        )
                        for e in events
                    )
                )
        except BROKER_ERRORS as exc:
            await self.close()
            raise Unavailable("publishing events failed", code="broker_unavailable") from exc

    async def close(self) -> None:
        """Closes the connection."""
        conn, self._conn, self._channel, self._exchange = self._conn, None, None, None
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(*BROKER_ERRORS):
                await conn.close()


def _properties(event: Event) -> Basic.Properties:
    return Basic.Properties(
        message_id=event.id,
        message_type=event.type,
        timestamp=event.created_at,
        content_type="application/json",
        delivery_mode=PERSISTENT,
        headers={"schema_version": SCHEMA_VERSION},
    )
