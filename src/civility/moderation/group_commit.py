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


class GroupCommitter:
    """Gathers requests for up to max_wait seconds (or max_size), then runs one call for all.

    One scorer call and one transaction serve many requests, which is what lets SQLite keep
    up: commits, not inserts, are its bottleneck. The size-or-age rule is MicroBatcher's;
    `monotonic` is its time source.
    """

    def __init__(
        self,
        process: Callable[[Sequence[IncomingMessage]], list[MessageView]],
        *,
        max_size: int,
        max_wait: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._process = process
        self._pending: MicroBatcher[tuple[IncomingMessage, asyncio.Future[MessageView]]] = (
            MicroBatcher(max_size, max_wait)
        )
        self._monotonic = monotonic
        self._timer: asyncio.TimerHandle | None = None
        self._busy = False
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, message: IncomingMessage) -> MessageView:
        """Queues one message and waits for its decision."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[MessageView] = loop.create_future()
        now = self._monotonic()
        self._pending.add([(message, future)], now)
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
        if self._busy or not len(self._pending):
            return
        batch = self._pending.take(self._pending.max_size)
        self._busy = True
        task = asyncio.get_running_loop().create_task(self._run(batch))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, batch: list[tuple[IncomingMessage, asyncio.Future[MessageView]]]) -> None:
        # One batch at a time: SQLite has one writer anyway, and the next batch grows meanwhile.
        metrics.BATCH_SIZE.labels("sync").observe(len(batch))

        def run(
            chunk: list[tuple[IncomingMessage, asyncio.Future[MessageView]]],
        ) -> list[MessageView]:
            return self._process([m for m, _ in chunk])

        try:
            # A message that fails its batch is retried alone, so it fails only its own request.
            outcome = await anyio.to_thread.run_sync(
                lambda: bisect(run, batch, splits=_worth_splitting)
            )
            for chunk, views in outcome.done:
                for (_, future), view in zip(chunk, views, strict=True):
                    _settle(future, view)
            for (_, future), exc in outcome.failed:
                _settle(future, exc)
        except BaseException as exc:  # cancelled: nobody may wait forever
            for _, future in batch:
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
