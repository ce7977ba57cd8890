"""Re-enqueues accepted messages that stayed undecided too long (the work-queue safety net).

An accepted message can miss the queue: the publish failed after the commit (broker down,
the API answered 503), or its deliveries were dead-lettered while the database was down.
The database is the record, so a periodic sweep republishes their ids; a duplicate delivery is
harmless because deciding is idempotent.

Every process that runs (`serve` and `civility worker`) runs a sweeper, so a deployment of
workers alone loses nothing either; with a `leader` only the process holding it sweeps, so N
processes do not republish the same ids N times.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol

import anyio
import structlog

from civility.clock import Clock
from civility.errors import DomainError
from civility.moderation.service import ModerationService
from civility.queue.base import MessageQueue

log = structlog.get_logger(__name__)


class Leader(Protocol):
    """Elects the one process of a deployment that sweeps (storage/leader.py)."""

    def acquire(self) -> bool:
        """Becomes, or confirms it still is, the leader; False while another process leads."""
        ...

    def release(self) -> None:
        """Gives up leadership."""
        ...


class PendingSweeper:
    """Every `interval` seconds, republishes ids pending longer than `min_age` seconds.

    Only while the queue is empty: then nothing old can still be waiting in it.
    """

    def __init__(
        self,
        moderation: ModerationService,
        queue: MessageQueue,
        clock: Clock,
        *,
        interval: float = 30.0,
        min_age: float = 60.0,
        limit: int = 10_000,
        leader: Leader | None = None,
        also: Callable[[], object] | None = None,
    ) -> None:
        self._leader = leader
        # Another periodic chore for the leader only (the retention purge), run after each sweep.
        self._also = also
        self._moderation = moderation
        self._queue = queue
        self._clock = clock
        self._interval = interval
        self._min_age = timedelta(seconds=min_age)
        self._limit = limit
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Asks the loop to return."""
        self._stopping.set()

    async def run(self) -> None:
        """Sweeps until stop() is called; outages are logged and retried next round."""
        try:
            while not self._stopping.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self._interval)
                if self._stopping.is_set():
                    return
                try:
                    swept = await self.sweep()
                    # A stop() that came while this round waited for leadership (another
                    # sweeper releasing it as it stopped) ends the round before its chore.
                    if swept >= 0 and self._also is not None and not self._stopping.is_set():
                        await anyio.to_thread.run_sync(self._also)
                except (DomainError, OSError) as exc:
                    log.warning("sweeper.failed", error=repr(exc))
        finally:
            if self._leader is not None:
                await anyio.to_thread.run_sync(self._leader.release)

    async def sweep(self) -> int:
        """Republishes stale pending messages once; returns how many, or -1 when not leading."""
        if self._leader is not None and not await anyio.to_thread.run_sync(self._leader.acquire):
            return -1
        if self._stopping.is_set():
            return -1
        if await self._queue.depth() > 0:
            # The workers are behind, and a backlog older than min_age is still queued:
            # republishing it would only add duplicate work when the system can least afford it.
            return 0
        cutoff = self._clock.now() - self._min_age
        pending = await anyio.to_thread.run_sync(self._moderation.pending, self._limit, cutoff)
        stale = [m.id for m in pending]
        if stale:
            await self._queue.publish([{"id": i} for i in stale])
            log.info("sweeper.republished", count=len(stale))
        return len(stale)
