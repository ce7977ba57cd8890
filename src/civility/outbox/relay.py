"""The relay loop: move committed events from the outbox to the broker, oldest first."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Protocol

import anyio
import stamina
import structlog

from civility import metrics
from civility.errors import DomainError
from civility.events.models import Event

log = structlog.get_logger(__name__)

# A database or broker outage, or a publish that timed out: worth another try.
RELAY_ERRORS = (DomainError, OSError, RuntimeError, TimeoutError)


class EventPublisher(Protocol):
    """Publishes events durably; returns once the broker has confirmed every one."""

    async def start(self) -> None:
        """Connects and declares what publishing needs."""
        ...

    async def publish(self, events: Sequence[Event]) -> None:
        """Publishes events (message id = event id) and waits for the confirms."""
        ...

    async def close(self) -> None:
        """Releases the connection."""
        ...


class Outbox(Protocol):
    """Pending outbox rows (see civility.storage.outbox.SqlOutbox)."""

    def relay_batch(self, limit: int, publish: Callable[[Sequence[Event]], None]) -> int:
        """Publishes up to `limit` pending events, then forgets them; returns how many."""
        ...


class OutboxRelay:
    """Polls the outbox and publishes; at-least-once (a crash after publish resends)."""

    def __init__(
        self,
        outbox: Outbox,
        publisher: EventPublisher,
        *,
        batch_size: int = 500,
        idle_seconds: float = 0.2,
        max_backoff: float = 5.0,
    ) -> None:
        self._outbox = outbox
        self._publisher = publisher
        self._batch_size = batch_size
        self._idle = idle_seconds
        self._max_backoff = max_backoff
        self._stopping = asyncio.Event()
        self.published = 0

    def stop(self) -> None:
        """Asks the loop to return after the current batch."""
        self._stopping.set()

    async def run(self) -> None:
        """Relays until stop() is called; survives database and broker outages."""
        await self._publisher.start()
        while not self._stopping.is_set():
            sent = await self._relay_until_it_works()
            if sent < self._batch_size:
                await self._pause(self._idle)

    async def _relay_until_it_works(self) -> int:
        """One batch, retried through outages with stamina's backoff (idle time, doubling up
        to max_backoff, jittered); 0 when asked to stop meanwhile."""
        async for attempt in stamina.retry_context(
            on=RELAY_ERRORS,
            attempts=None,
            timeout=None,
            wait_initial=self._idle,
            wait_max=self._max_backoff,
            wait_jitter=self._idle,
        ):
            with attempt:
                if self._stopping.is_set():
                    return 0
                return await self.relay_once()
        return 0  # pragma: no cover  (attempts=None retries until it returns)

    async def relay_once(self) -> int:
        """Publishes one batch; returns how many events went out."""
        loop = asyncio.get_running_loop()

        def publish_from_thread(events: Sequence[Event]) -> None:
            # The database transaction lives in this thread; the broker client on the loop.
            coro: Coroutine[Any, Any, None] = self._publisher.publish(events)
            asyncio.run_coroutine_threadsafe(coro, loop).result(timeout=60)

        sent = await anyio.to_thread.run_sync(
            self._outbox.relay_batch, self._batch_size, publish_from_thread
        )
        self.published += sent
        metrics.RELAY_EVENTS.inc(sent)
        return sent

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def close(self) -> None:
        """Closes the publisher."""
        await self._publisher.close()
