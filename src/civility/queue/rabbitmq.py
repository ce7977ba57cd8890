"""The RabbitMQ backend (aio-pika): durable queue, confirms, manual acks, dead letters.

Reconnection is ours, not aio-pika's robust connection: after a broker restart the robust
connection can come back without its consumer, so a worker would sit idle on a healthy
connection. Here every operation first makes sure a live connection with a live consumer
exists, and rebuilds both otherwise; deliveries from a dead channel are simply dropped
(the broker has already requeued them).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import aio_pika
import orjson
import stamina
import structlog
from aio_pika.abc import (
    AbstractChannel,
    AbstractConnection,
    AbstractIncomingMessage,
    AbstractQueue,
)

from civility import metrics
from civility.errors import Unavailable
from civility.queue.base import Delivery

log = structlog.get_logger(__name__)

ATTEMPT_HEADER = "x-civility-attempt"
# Network, protocol and channel-state failures all mean "rebuild the connection".
BROKER_ERRORS: tuple[type[Exception], ...] = (
    aio_pika.exceptions.AMQPError,
    ConnectionError,
    OSError,
    asyncio.TimeoutError,
    RuntimeError,
)


@dataclass(slots=True)
class _Group:
    """One AMQP message carrying several bodies; acked once every body is settled."""

    generation: int
    message: AbstractIncomingMessage
    unsettled: int

    async def settle(self) -> None:
        """Marks one body done; acks the AMQP message after the last one."""
        self.unsettled -= 1
        if self.unsettled == 0:
            await self.message.ack()


class RabbitMQQueue:
    """A durable classic queue plus `<name>.dead`; retries are republished with a counter."""

    def __init__(
        self,
        url: str,
        name: str = "civility.messages",
        *,
        prefetch: int = 256,
        max_attempts: int = 5,
        publish_timeout: float = 10.0,
        group_size: int = 500,
        queue_type: str = "classic",
    ) -> None:
        if queue_type not in ("classic", "quorum"):
            raise ValueError(f"queue_type must be classic or quorum, not {queue_type!r}")
        self._queue_type = queue_type
        self._url = url
        self.name = name
        self.dead_name = f"{name}.dead"
        self._prefetch = prefetch
        self._max_attempts = max_attempts
        self._publish_timeout = publish_timeout
        self._group_size = group_size
        self._conn: AbstractConnection | None = None
        self._pub: AbstractChannel | None = None
        self._sub: AbstractChannel | None = None
        self._queue: AbstractQueue | None = None
        self._consuming = False
        self._want_consumer = False
        self._generation = 0
        self._buffer: asyncio.Queue[Delivery] = asyncio.Queue()
        self._lock = asyncio.Lock()
        self._closed = False

    async def start(self) -> None:
        """Connects and declares the queues (publishing needs no consumer)."""
        await self._ensure(deadline=time.monotonic() + self._publish_timeout)

    async def _ensure(self, *, deadline: float) -> None:
        """Returns once a live connection (and, if wanted, a live consumer) exists.

        Reconnects with stamina's backoff (0.1 s, doubling up to 2 s, no jitter) and gives up
        with Unavailable when the next wait would end past the deadline.
        """
        async for attempt in stamina.retry_context(
            on=BROKER_ERRORS,
            attempts=None,
            timeout=None,
            wait_initial=0.1,
            wait_max=2.0,
            wait_exp_base=2,
            wait_jitter=0.0,
        ):
            with attempt:
                await self._connect_once(deadline, attempt.next_wait)

    async def _connect_once(self, deadline: float, next_wait: float) -> None:
        # The backoff sleeps outside the lock, so a healthy connection is never held up.
        if self._healthy():
            return
        async with self._lock:
            if self._healthy():
                return
            try:
                await self._connect()
            except BROKER_ERRORS as exc:
                await self._drop()
                if time.monotonic() + next_wait > deadline:
                    raise Unavailable(
                        "the message broker is unavailable", code="broker_unavailable"
                    ) from exc
                log.warning("rabbitmq.reconnecting", error=repr(exc), delay=next_wait)
                raise

    def _healthy(self) -> bool:
        if self._conn is None or self._conn.is_closed or self._pub is None or self._pub.is_closed:
            return False
        if self._want_consumer:
            return self._consuming and self._sub is not None and not self._sub.is_closed
        return True

    async def _connect(self) -> None:
        await self._drop()
        self._generation += 1
        conn = await aio_pika.connect(self._url, timeout=5)
        self._conn = conn
        self._pub = await conn.channel(publisher_confirms=True)
        # Classic queues are declared exactly as before the option existed, so upgrading an
        # existing deployment never meets an "inequivalent argument" refusal.
        kind: dict[str, Any] = {"x-queue-type": "quorum"} if self._queue_type == "quorum" else {}
        await self._pub.declare_queue(self.dead_name, durable=True, arguments=kind)
        args: dict[str, Any] = {
            **kind,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": self.dead_name,
        }
        if self._queue_type == "quorum":
            # The broker dead-letters a message returned more often than this without an ack
            # (so after max_attempts deliveries): one whose consumers keep dying (a crash,
            # OOM) cannot loop forever.
            args["x-delivery-limit"] = max(0, self._max_attempts - 1)
        await self._pub.declare_queue(self.name, durable=True, arguments=args)
        if self._want_consumer:
            self._sub = await conn.channel(publisher_confirms=False)
            await self._sub.set_qos(prefetch_count=self._prefetch)
            self._queue = await self._sub.declare_queue(self.name, passive=True)
            await self._queue.consume(self._on_message(self._generation))
            self._consuming = True
        log.info("rabbitmq.connected", queue=self.name, consumer=self._want_consumer)

    async def _drop(self) -> None:
        """Forgets the current connection; unacked deliveries go back to the queue."""
        conn, self._conn = self._conn, None
        self._pub = self._sub = None
        self._queue = None
        self._consuming = False
        while not self._buffer.empty():  # their delivery tags died with the channel
            self._buffer.get_nowait()
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(*BROKER_ERRORS):
                await conn.close()

    def _on_message(self, generation: int) -> Any:
        async def callback(message: AbstractIncomingMessage) -> None:
            headers = message.headers or {}
            raw = headers.get(ATTEMPT_HEADER, 1)
            attempt = raw if isinstance(raw, int) and raw > 0 else 1
            # Quorum queues count deliveries that ended without an ack (a dead consumer).
            returned = headers.get("x-delivery-count", 0)
            attempt += returned if isinstance(returned, int) and returned > 0 else 0
            try:
                decoded = orjson.loads(message.body)
            except orjson.JSONDecodeError:
                decoded = {"undecodable": message.body[:200].decode("utf-8", "replace")}
            bodies = decoded if isinstance(decoded, list) and decoded else [decoded]
            group = _Group(generation, message, len(bodies))
            for body in bodies:
                body = body if isinstance(body, dict) else {"value": body}
                self._buffer.put_nowait(Delivery(body=body, handle=group, attempt=attempt))

        return callback

    async def publish(self, bodies: Sequence[Mapping[str, Any]]) -> None:
        """Publishes persistent messages and waits for the broker's confirms."""
        if not bodies:
            return
        deadline = time.monotonic() + self._publish_timeout
        while True:
            await self._ensure(deadline=deadline)
            try:
                await self._publish_all([(dict(b), 1) for b in bodies])
                return
            except BROKER_ERRORS as exc:
                log.warning("rabbitmq.publish_failed", error=repr(exc))
                await self._drop()
                if time.monotonic() > deadline:
                    raise Unavailable(
                        "the message broker is unavailable", code="broker_unavailable"
                    ) from exc

    async def _publish_all(
        self, items: Sequence[tuple[dict[str, Any], int]], routing_key: str | None = None
    ) -> None:
        # Bodies travel in groups (one AMQP message, one confirm per group): per-message
        # overhead in aio-pika, not the broker, is what limits publishing otherwise.
        assert self._pub is not None
        exchange = self._pub.default_exchange
        groups: dict[int, list[dict[str, Any]]] = {}
        for body, attempt in items:
            groups.setdefault(attempt, []).append(body)
        await asyncio.gather(
            *(
                exchange.publish(
                    aio_pika.Message(
                        orjson.dumps(chunk),
                        content_type="application/json",
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                        headers={ATTEMPT_HEADER: attempt},
                    ),
                    routing_key=routing_key or self.name,
                    timeout=self._publish_timeout,
                )
                for attempt, bodies in groups.items()
                for chunk in _chunks(bodies, self._group_size)
            )
        )

    async def receive(self, max_items: int, timeout: float) -> list[Delivery]:
        """Waits up to `timeout` seconds for at least one delivery; returns at most max_items."""
        self._want_consumer = True
        deadline = time.monotonic() + timeout
        try:
            await self._ensure(deadline=deadline)
        except Unavailable:
            return []
        try:
            first = await asyncio.wait_for(
                self._buffer.get(), max(0.0, deadline - time.monotonic())
            )
        except TimeoutError:
            return []
        taken = [first]
        while len(taken) < max_items and not self._buffer.empty():
            taken.append(self._buffer.get_nowait())
        return [d for d in taken if self._live(d)]

    def _live(self, d: Delivery) -> bool:
        return isinstance(d.handle, _Group) and d.handle.generation == self._generation

    async def ack(self, deliveries: Sequence[Delivery]) -> None:
        """Acknowledges deliveries; those of a lost channel are redelivered by the broker."""
        for d in deliveries:
            if self._live(d):
                with contextlib.suppress(*BROKER_ERRORS):
                    await d.handle.settle()

    async def nack(self, deliveries: Sequence[Delivery], *, requeue: bool) -> None:
        """Republishes with attempt + 1, or moves to `<name>.dead` once out of attempts."""
        live = [d for d in deliveries if self._live(d)]
        retry = [d for d in live if requeue and d.attempt < self._max_attempts]
        dead = [d for d in live if d not in retry]
        try:
            # Confirmed copies first, then settle: a crash in between duplicates, never loses.
            if retry:
                await self._publish_all([(d.body, d.attempt + 1) for d in retry])
            if dead:
                await self._publish_all([(d.body, d.attempt) for d in dead], self.dead_name)
                metrics.count_dead_letters(len(dead), retry_asked=requeue)
            for d in retry + dead:
                await d.handle.settle()
        except BROKER_ERRORS as exc:
            log.warning("rabbitmq.nack_failed", error=repr(exc))
            await self._drop()

    async def depth(self) -> int:
        """Returns how many AMQP messages wait (each carries up to group_size bodies)."""
        await self._ensure(deadline=time.monotonic() + 2)
        assert self._pub is not None
        declared = await self._pub.declare_queue(self.name, passive=True)
        return int(declared.declaration_result.message_count or 0)

    async def dead_letter_depth(self) -> int:
        """Returns how many messages sit in the dead-letter queue."""
        await self._ensure(deadline=time.monotonic() + 2)
        assert self._pub is not None
        declared = await self._pub.declare_queue(self.dead_name, passive=True)
        return int(declared.declaration_result.message_count or 0)

    async def list_dead_letters(self, limit: int) -> list[dict[str, Any]]:
        """Returns up to `limit` dead-lettered bodies, leaving them in the dead-letter queue."""
        return await self._take_dead(limit, replay=False)

    async def replay_dead_letters(self, limit: int) -> int:
        """Moves up to `limit` dead letters back onto the queue (attempts counted afresh)."""
        return len(await self._take_dead(limit, replay=True))

    async def _take_dead(self, limit: int, *, replay: bool) -> list[dict[str, Any]]:
        """Reads dead letters one AMQP message at a time on a channel of its own.

        Each is returned to the dead-letter queue (a peek) or, when replaying, republished
        to the queue with confirms first and only then acknowledged: a crash in between
        duplicates a letter, never loses it.
        """
        await self._ensure(deadline=time.monotonic() + self._publish_timeout)
        assert self._conn is not None
        bodies: list[dict[str, Any]] = []
        async with self._conn.channel() as channel:
            dead = await channel.declare_queue(self.dead_name, passive=True)
            held: list[AbstractIncomingMessage] = []
            try:
                while len(bodies) < limit:
                    message = await dead.get(no_ack=False, fail=False)
                    if message is None:
                        break
                    held.append(message)
                    decoded = orjson.loads(message.body)
                    group = decoded if isinstance(decoded, list) else [decoded]
                    bodies.extend(b if isinstance(b, dict) else {"value": b} for b in group)
                if replay and bodies:
                    await self._publish_all([(b, 1) for b in bodies])
                for message in held:
                    await (message.ack() if replay else message.nack(requeue=True))
            except BaseException:
                for message in held:
                    # An already settled one refuses a second nack; the channel's close
                    # returns the rest to the dead-letter queue anyway.
                    with contextlib.suppress(Exception):
                        await message.nack(requeue=True)
                raise
        return bodies

    async def ping(self) -> None:
        """Raises Unavailable if the broker cannot be reached within two seconds."""
        await self._ensure(deadline=time.monotonic() + 2)

    async def purge(self) -> None:
        """Empties both queues (tests and benchmarks only)."""
        await self._ensure(deadline=time.monotonic() + 5)
        assert self._pub is not None
        for name in (self.name, self.dead_name):
            q = await self._pub.declare_queue(name, passive=True)
            await q.purge()

    async def close(self) -> None:
        """Closes the connection; unacked deliveries return to the queue."""
        self._want_consumer = False
        await self._drop()


def _chunks(items: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [items[k : k + size] for k in range(0, len(items), size)]
