"""Helpers shared by the infrastructure tests: broker URLs, queue clean-up, event capture."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import orjson

T = TypeVar("T")

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"
REDIS_URL = "redis://127.0.0.1:6379/0"


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Runs a coroutine on a fresh loop in its own thread.

    The browser tests (pytest-playwright) leave an event loop running in the main thread for
    the rest of the session, and asyncio.run() refuses to start inside it.
    """
    outcome: list[Any] = []

    def target() -> None:
        try:
            outcome.append((True, asyncio.run(coro)))
        except BaseException as exc:
            outcome.append((False, exc))

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def unique(prefix: str) -> str:
    """Returns a name no other test uses."""
    return f"{prefix}.{uuid.uuid4().hex[:12]}"


def delete_rabbit(queues: list[str], exchanges: list[str] = ()) -> None:  # type: ignore[assignment]
    """Deletes test queues and exchanges."""
    import aio_pika

    async def go() -> None:
        conn = await aio_pika.connect(AMQP_URL)
        async with conn:
            channel = await conn.channel()
            for name in queues:
                await channel.queue_delete(name)
            for name in exchanges:
                await channel.exchange_delete(name)

    run_async(go())


class EventCapture:
    """Binds a private queue to a topic exchange and collects what arrives (in a thread)."""

    def __init__(self, exchange: str, binding: str = "#") -> None:
        self.exchange = exchange
        self.binding = binding
        self.received: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _run(self) -> None:
        import aio_pika

        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        conn = await aio_pika.connect(AMQP_URL)
        async with conn:
            channel = await conn.channel()
            exchange = await channel.declare_exchange(
                self.exchange, aio_pika.ExchangeType.TOPIC, durable=True
            )
            queue = await channel.declare_queue(exclusive=True)
            await queue.bind(exchange, self.binding)

            async def on_message(message: aio_pika.abc.AbstractIncomingMessage) -> None:
                async with message.process():
                    with self._arrived:
                        self.received.append(
                            {
                                "routing_key": message.routing_key,
                                "message_id": message.message_id,
                                "body": orjson.loads(message.body),
                                "headers": dict(message.headers),
                            }
                        )
                        self._arrived.notify_all()

            await queue.consume(on_message)
            self._ready.set()
            await self._stop.wait()

    def start(self) -> None:
        """Starts consuming; returns once the queue is bound."""
        self._thread.start()
        assert self._ready.wait(15), "could not bind the capture queue"

    def wait_for(self, done: Callable[[list[dict[str, Any]]], bool], seconds: float = 20.0) -> bool:
        """Waits until `done(received)` holds, woken by each arrival (bounded)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: done(self.received), seconds)

    def stop(self) -> None:
        """Stops consuming."""
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)


@contextmanager
def capture_events(exchange: str, binding: str = "#") -> Iterator[EventCapture]:
    """Captures events published to `exchange` while the block runs."""
    capture = EventCapture(exchange, binding)
    capture.start()
    try:
        yield capture
    finally:
        capture.stop()


def wait_until(predicate: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Polls a condition that depends on other processes (bounded)."""
    end = time.monotonic() + seconds
    pause = threading.Event()
    while time.monotonic() < end:
        if predicate():
            return True
        pause.wait(0.05)
    return predicate()
