"""Publishes events to the RabbitMQ topic exchange `civility.events` (routing key = type)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from typing import Any

import aiormq
import aiormq.abc
import orjson

from civility.errors import Unavailable
from civility.events.models import SCHEMA_VERSION, Event
from civility.outbox.transport import connect
from civility.queue.rabbitmq import BROKER_ERRORS

PUBLISH_TIMEOUT_S = 30.0
CONNECT_TIMEOUT_S = 5.0
PERSISTENT = 2


class AmqpEventPublisher:
    """Persistent JSON messages, one per event (message_id = event id), in AMQP transactions.

    A batch is one transaction on a transactional channel (aiormq's public `tx_select`,
    `basic_publish`, `tx_commit`): its messages are written back to back without waiting for
    anything, then one commit. RabbitMQ answers commit-ok once every message of the
    transaction is routed and, for persistent messages on durable queues, stored, as a
    publisher confirm would; a queue that refuses one (reject-publish) fails the commit
    ("partial tx completion"), like a nack. So the batch is confirmed as a whole or the publish
    raises Unavailable, and the relay deletes the rows only in the first case. Publisher
    confirms cost one asyncio task per event (basic_publish waits for its own confirm) and
    3x the CPU per event here and 4x in RabbitMQ (bench/event_publish.py). The connection
    sends a batch's frames in few socket writes (outbox/transport.py).
    """

    def __init__(
        self, url: str, exchange: str = "civility.events", *, tenant: str = "default"
    ) -> None:
        self._url = url
        # Every event carries its tenant's name: consumers bind by type and filter by header.
        self._headers: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "tenant": tenant}
        self._exchange = exchange
        self._conn: aiormq.abc.AbstractConnection | None = None
        self._channel: aiormq.Channel | None = None
        # One batch at a time: a transaction takes everything published on its channel.
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        """Connects lazily on the first publish (the relay survives a broker that is down)."""

    async def _ensure(self) -> aiormq.Channel:
        if self._channel is not None and not self._channel.is_closed:
            return self._channel
        await self.close()
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT_S):
                self._conn = await connect(self._url)
                channel = await self._conn.channel(publisher_confirms=False)
                # The concrete channel: its basic_publish takes wait=False.
                assert isinstance(channel, aiormq.Channel)
                await channel.exchange_declare(self._exchange, exchange_type="topic", durable=True)
                await channel.tx_select()
        except BROKER_ERRORS as exc:
            await self.close()
            raise Unavailable(
                "the message broker is unavailable", code="broker_unavailable"
            ) from exc
        self._channel = channel
        return channel

    async def publish(self, events: Sequence[Event]) -> None:
        """Publishes every event in one transaction and commits; raises Unavailable otherwise."""
        async with self._lock:
            channel = await self._ensure()
            try:
                async with asyncio.timeout(PUBLISH_TIMEOUT_S):
                    for event in events:
                        # wait=False: nothing to wait for per message; the commit covers all.
                        # mandatory=False: an event nobody subscribed to is dropped.
                        await channel.basic_publish(
                            orjson.dumps(event.to_dict()),
                            exchange=self._exchange,
                            routing_key=event.type,
                            properties=self.properties(event),
                            wait=False,
                        )
                    await channel.tx_commit()
            except BaseException as exc:
                # An unfinished transaction must not be committed with the next batch:
                # closing the channel makes RabbitMQ discard it.
                await self.close()
                if isinstance(exc, BROKER_ERRORS):
                    raise Unavailable(
                        "publishing events failed", code="broker_unavailable"
                    ) from exc
                raise

    def properties(self, event: Event) -> aiormq.spec.Basic.Properties:
        """The AMQP properties of an event's message (docs/events.md)."""
        # The properties aio_pika.Message gives the same event, byte for byte (its priority 0
        # included): consumers see the same messages as before.
        return aiormq.spec.Basic.Properties(
            content_type="application/json",
            delivery_mode=PERSISTENT,
            headers=self._headers,  # read-only, shared by the batch
            message_id=event.id,
            message_type=event.type,
            priority=0,
            timestamp=event.created_at,
        )

    async def close(self) -> None:
        """Closes the connection."""
        conn, self._conn, self._channel = self._conn, None, None
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(*BROKER_ERRORS):
                await conn.close()
