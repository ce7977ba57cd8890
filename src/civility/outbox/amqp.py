"""Publishes events to the RabbitMQ topic exchange `civility.events` (routing key = type)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Any

import aio_pika
import orjson
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractExchange

from civility.errors import Unavailable
from civility.events.models import SCHEMA_VERSION, Event
from civility.queue.rabbitmq import BROKER_ERRORS

PUBLISH_TIMEOUT_S = 30.0


class AmqpEventPublisher:
    """Persistent JSON messages with publisher confirms; message_id is the event id.

    A batch is published with aio-pika's `Exchange.publish`, one call per event, all awaited
    together on one channel with publisher confirms, so the broker confirms the batch as a
    stream rather than one round trip per event. One channel keeps the batch in order (its
    lock is fair). A nack raises DeliveryError, a broker error like any other: Unavailable.
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
        try:
            async with asyncio.timeout(PUBLISH_TIMEOUT_S):
                # mandatory=False: an event nobody subscribed to is dropped, not returned.
                # return_exceptions: every publish is awaited, none left running on a failure.
                results = await asyncio.gather(
                    *(exchange.publish(self._message(e), e.type, mandatory=False) for e in events),
                    return_exceptions=True,
                )
            for result in results:
                if isinstance(result, BaseException):
                    raise result
        except BROKER_ERRORS as exc:
            await self.close()
            raise Unavailable("publishing events failed", code="broker_unavailable") from exc

    def _message(self, event: Event) -> aio_pika.Message:
        return aio_pika.Message(
            orjson.dumps(event.to_dict()),
            message_id=event.id,
            type=event.type,
            timestamp=event.created_at,
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            headers=self._headers,  # read-only, shared by the batch
        )

    async def close(self) -> None:
        """Closes the connection."""
        conn, self._conn, self._channel, self._exchange = self._conn, None, None, None
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(*BROKER_ERRORS):
                await conn.close()
