"""Publishes events to the RabbitMQ topic exchange `civility.events` (routing key = type)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Any

import aio_pika
import aiormq
import orjson
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractExchange
from aiormq.abc import ChannelFrame
from pamqp.commands import Basic
from pamqp.frame import marshal
from pamqp.header import ContentHeader

from civility.errors import Unavailable
from civility.events.models import SCHEMA_VERSION, Event
from civility.queue.rabbitmq import BROKER_ERRORS

PUBLISH_TIMEOUT_S = 30.0
PERSISTENT = 2


class AmqpEventPublisher:
    """Persistent JSON messages with publisher confirms; message_id is the event id.

    aio-pika manages the connection and aiormq the channel, its frames (pamqp) and the broker's
    confirms. A batch is written as one buffer under the channel's lock, each message with its
    own delivery tag and confirmation future, as `Channel.basic_publish` does for one message;
    going through `basic_publish` once per event costs ~3x the CPU per event (213 vs 75 us,
    2026-12-07, bench/event_publish.py; aio-pika's Exchange.publish 6x), nearly all of it
    per-call asyncio work (a task, lock, timeout and drain future each), not the AMQP frames
    (bench/event_publish.py). The relay publishes one AMQP message per event, so this is the
    relay's main cost. It relies on aiormq's channel attributes (pinned version; the relay
    tests run against the real RabbitMQ).
    """

    def __init__(
        self, url: str, exchange: str = "civility.events", *, tenant: str = "default"
    ) -> None:
        self._url = url
        # Every event carries its tenant's name: consumers bind by type and filter by header.
        self._headers: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "tenant": tenant}
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
            assert isinstance(channel, aiormq.Channel)  # its attributes are used below
            async with asyncio.timeout(PUBLISH_TIMEOUT_S):
                confirmations = await _write_batch(channel, exchange.name, events, self._headers)
                # A nack from the broker raises DeliveryError (an AMQPError) here.
                await asyncio.gather(*confirmations)
        except BROKER_ERRORS as exc:
            await self.close()
            raise Unavailable("publishing events failed", code="broker_unavailable") from exc

    async def close(self) -> None:
        """Closes the connection."""
        conn, self._conn, self._channel, self._exchange = self._conn, None, None, None
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(*BROKER_ERRORS):
                await conn.close()


async def _write_batch(
    channel: aiormq.Channel, exchange: str, events: Sequence[Event], headers: dict[str, Any]
) -> list[asyncio.Future[Any]]:
    """Writes every event's publish frames in one buffer; returns their confirmation futures."""
    futures: list[asyncio.Future[Any]] = []
    buffer = bytearray()
    async with channel.lock:
        first_tag = channel.delivery_tag
        try:
            for event in events:
                body = orjson.dumps(event.to_dict())
                frames: list[Any] = [
                    Basic.Publish(exchange=exchange, routing_key=event.type),
                    ContentHeader(properties=_properties(event, headers), body_size=len(body)),
                    *channel._split_body(body),
                ]
                for frame in frames:
                    buffer += marshal(frame, channel.number)
                channel.delivery_tag += 1
                future = channel.create_future()
                channel.confirmations[channel.delivery_tag] = future
                futures.append(future)
            await channel.write_queue.put(ChannelFrame(payload=bytes(buffer), should_close=False))
        except BaseException:
            # Nothing reached the broker: give the delivery tags back, as basic_publish does.
            for tag in range(first_tag + 1, channel.delivery_tag + 1):
                channel.confirmations.pop(tag, None)
            channel.delivery_tag = first_tag
            for future in futures:
                future.cancel()
            raise
    return futures


def _properties(event: Event, headers: dict[str, Any]) -> Basic.Properties:
    return Basic.Properties(
        message_id=event.id,
        message_type=event.type,
        timestamp=event.created_at,
        content_type="application/json",
        delivery_mode=PERSISTENT,
        headers=dict(headers),
    )
