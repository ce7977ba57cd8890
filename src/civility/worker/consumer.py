"""The worker: consume the queue in micro-batches, decide, commit, then acknowledge."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import anyio
import structlog

from civility import metrics, request_ids
from civility.batching import MicroBatcher, bisect
from civility.errors import DomainError, Unavailable
from civility.moderation.service import ModerationService
from civility.queue.base import Delivery, MessageQueue

log = structlog.get_logger(__name__)

IDLE_POLL_SECONDS = 0.5


class Worker:
    """Consumes message ids from the queue and decides them in batches."""

    def __init__(
        self,
        queue: MessageQueue,
        service: ModerationService,
        *,
        max_batch: int,
        max_wait: float,
        monotonic: Callable[[], float] = time.monotonic,
        outage_backoff: float = 0.5,
    ) -> None:
        self._queue = queue
        self._service = service
        self._batcher: MicroBatcher[Delivery] = MicroBatcher(max_batch, max_wait)
        self._monotonic = monotonic
        self._outage_backoff = outage_backoff
        self._stopping = asyncio.Event()
        self.processed = 0

    def stop(self) -> None:
        """Asks the loop to finish its current batch and return."""
        self._stopping.set()

    async def run(self) -> None:
        """Runs until stop() is called."""
        while not self._stopping.is_set():
            await self.step()
        if len(self._batcher):
            await self._flush()

    async def step(self) -> None:
        """Receives what is available (waiting at most until the batch deadline) and flushes."""
        now = self._monotonic()
        timeout = self._batcher.time_left(now) if len(self._batcher) else IDLE_POLL_SECONDS
        items = await self._queue.receive(self._batcher.room, timeout)
        self._batcher.add(items, self._monotonic())
        if self._batcher.ready(self._monotonic()):
            await self._flush()

    async def _flush(self) -> None:
        batch = self._batcher.take()
        good = [d for d in batch if isinstance(d.body.get("id"), str)]
        poison = [d for d in batch if not isinstance(d.body.get("id"), str)]
        if poison:
            log.warning("worker.poison", count=len(poison))
            await self._queue.nack(poison, requeue=False)
        if not good:
            return
        # The ids of the requests that accepted these messages: one grep follows a message
        # from its HTTP request to its decision.
        with structlog.contextvars.bound_contextvars(
            request_ids=request_ids.from_bodies(d.body for d in good)
        ):
            await self._decide(good)

    async def _decide(self, good: list[Delivery]) -> None:
        def run(chunk: list[Delivery]) -> int:
            rids = {
                d.body["id"]: rid
                for d in chunk
                if isinstance(rid := d.body.get(request_ids.KEY), str)
            }
            return self._service.process([d.body["id"] for d in chunk], rids)

        try:
            # A message that fails its batch is retried alone, so it fails only itself.
            outcome = await anyio.to_thread.run_sync(
                lambda: bisect(run, good, splits=lambda exc: not isinstance(exc, Unavailable))
            )
        except Exception:
            metrics.WORKER_FAILURES.inc()
            log.exception("worker.batch_crashed", size=len(good))
            await self._queue.nack(good, requeue=True)
            return
        decided = sum(count for _, count in outcome.done)
        await self._queue.ack([d for chunk, _ in outcome.done for d in chunk])
        if outcome.failed:
            await self._fail([d for d, _ in outcome.failed], outcome.failed[0][1])
        self.processed += decided
        metrics.WORKER_MESSAGES.inc(decided)
        log.info("worker.decided", received=len(good), decided=decided)
        metrics.BATCH_SIZE.labels("async").observe(len(good))

    async def _fail(self, failed: list[Delivery], exc: Exception) -> None:
        """Requeues what failed (the broker dead-letters it after its last attempt)."""
        metrics.WORKER_FAILURES.inc()
        if isinstance(exc, DomainError):
            log.warning("worker.batch_failed", error=exc.message, size=len(failed))
        else:
            log.error("worker.batch_crashed", error=repr(exc), size=len(failed))
        await self._queue.nack(failed, requeue=True)
        if isinstance(exc, Unavailable):
            await asyncio.sleep(self._outage_backoff)  # while the database is unavailable
