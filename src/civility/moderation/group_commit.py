"""Group commit for the synchronous path: concurrent /v1/moderate calls share one batch."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

import anyio

from civility import metrics
from civility.batching import MicroBatcher, bisect
from civility.errors import Unavailable
from civility.moderation.models import IncomingMessage
from civility.moderation.records import MessageView

# A waiting request: its message, the future its caller awaits, when it was queued (monotonic).
_Waiting = tuple[IncomingMessage, "asyncio.Future[MessageView]", float]


def _overloaded(why: str) -> Unavailable:
    return Unavailable(f"the server is overloaded ({why}); retry later", code="overloaded")


class GroupCommitter:
    """Gathers requests for up to max_wait seconds (or max_size), then runs one call for all.

    One scorer call and one transaction serve many requests, which is what lets SQLite keep
    up: commits, not inserts, are its bottleneck. The size-or-age rule is MicroBatcher's;
    `monotonic` is its time source.

    Admission is bounded, so past capacity the process answers fast instead of working on
    requests whose callers gave up: with `max_pending` messages already waiting, a new one is
    refused at once; a message that waited longer than `max_queue_wait` seconds for its batch
    is refused instead of decided. Both refusals are `Unavailable` with code `overloaded`
    (503 with Retry-After); nothing was stored for them, so a retry is safe.
    """

    def __init__(
        self,
        process: Callable[[Sequence[IncomingMessage]], list[MessageView]],
        *,
        max_size: int,
        max_wait: float,
        max_pending: int | None = None,
        max_queue_wait: float | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._process = process
        self._pending: MicroBatcher[_Waiting] = MicroBatcher(max_size, max_wait)
        self._max_pending = max_pending
        self._max_queue_wait = max_queue_wait
        self._monotonic = monotonic
        self._timer: asyncio.TimerHandle | None = None
        self._busy = False
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, message: IncomingMessage) -> MessageView:
        """Queues one message and waits for its decision; raises Unavailable when overloaded."""
        if self._max_pending is not None and len(self._pending) >= self._max_pending:
            metrics.SHED.labels("queue_full").inc()
            raise _overloaded(f"{self._max_pending} messages are already waiting")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[MessageView] = loop.create_future()
        now = self._monotonic()
        self._pending.add([(message, future, now)], now)
        if self._busy:
            pass  # picked up as soon as the running batch ends
        elif self._pending.room <= 0:
            self._start()
        elif self._timer is None:
            # Not ready(now): a zero wait still lets the requests of this loop turn join.
            self._timer = loop.call_later(self._pending.time_left(now), self._start)
        return await future

    def _start(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._busy:
            return
        batch: list[_Waiting] = []
        while not batch and len(self._pending):
            batch = self._admit(self._pending.take(self._pending.max_size))
        if not batch:
            return
        self._busy = True
        task = asyncio.get_running_loop().create_task(self._run(batch))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _admit(self, batch: list[_Waiting]) -> list[_Waiting]:
        """Refuses what waited too long for a batch; keeps the rest in order.

        A cancelled caller's message is still decided: Coral's route answers late comments
        with "no opinion" and counts on the running batch to store them.
        """
        now = self._monotonic()
        admitted = []
        for item in batch:
            _, future, queued_at = item
            if self._max_queue_wait is not None and now - queued_at > self._max_queue_wait:
                metrics.SHED.labels("queue_wait").inc()
                waited = f"waited {now - queued_at:.1f} s for a batch"
                _settle(future, _overloaded(waited))
                continue
            admitted.append(item)
        return admitted

    async def _run(self, batch: list[_Waiting]) -> None:
        # One batch at a time: SQLite has one writer anyway, and the next batch grows meanwhile.
        metrics.BATCH_SIZE.labels("sync").observe(len(batch))

        def run(chunk: list[_Waiting]) -> list[MessageView]:
            return self._process([m for m, _, _ in chunk])

        try:
            # A message that fails its batch is retried alone, so it fails only its own request.
            outcome = await anyio.to_thread.run_sync(
                lambda: bisect(run, batch, splits=_worth_splitting)
            )
            for chunk, views in outcome.done:
                for (_, future, _), view in zip(chunk, views, strict=True):
                    _settle(future, view)
            for (_, future, _), exc in outcome.failed:
                _settle(future, exc)
        except BaseException as exc:  # cancelled: nobody may wait forever
            for _, future, _ in batch:
                _settle(future, exc if isinstance(exc, Exception) else RuntimeError("cancelled"))
            raise
        finally:
            self._busy = False
            # Whatever arrived meanwhile has already waited a whole batch: go at once.
            self._start()


def _worth_splitting(exc: Exception) -> bool:
    """An outage fails every half alike; anything else may be one message's fault."""
    return not isinstance(exc, Unavailable)


def _settle(future: asyncio.Future[MessageView], outcome: MessageView | Exception) -> None:
    if future.done():
        return
    if isinstance(outcome, Exception):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
