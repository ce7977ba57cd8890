"""Gauges that describe state (queue depth, backlogs, lags): refreshed just before a scrape.

Counters and histograms are updated where things happen; these values are read from the
broker and the database instead, at most every `min_interval` seconds so that several
scrapers do not multiply the queries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

import anyio

from civility import metrics
from civility.clock import Clock
from civility.queue.base import MessageQueue
from civility.storage.backlog import SqlBacklog


def _age(now: datetime, then: datetime | None) -> float:
    return max(0.0, (now - then).total_seconds()) if then is not None else 0.0


class GaugeRefresher:
    """Sets the state gauges this process reports; each source is optional."""

    def __init__(
        self,
        clock: Clock,
        *,
        queue: MessageQueue | None = None,
        backlog: SqlBacklog | None = None,
        rating_backlog: Callable[[], int] | None = None,
        min_interval: float = 5.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._queue = queue
        self._backlog = backlog
        self._rating_backlog = rating_backlog
        self._min_interval = min_interval
        self._monotonic = monotonic
        self._last: float | None = None

    async def refresh(self) -> None:
        """Reads the sources (the queries unless read within min_interval); an outage never
        raises."""
        # An in-memory count costs nothing: read on every scrape, not every min_interval.
        if self._rating_backlog is not None:
            metrics.RATING_BACKLOG.set(self._rating_backlog())
        now = self._monotonic()
        if self._last is not None and now - self._last < self._min_interval:
            return
        self._last = now
        if self._queue is not None:
            await self._refresh_queue(self._queue)
        if self._backlog is not None:
            await self._refresh_backlog(self._backlog)

    async def _refresh_queue(self, queue: MessageQueue) -> None:
        try:
            metrics.QUEUE_DEPTH.set(await queue.depth())
        except Exception:  # a broker outage must not take the metrics endpoint down
            metrics.QUEUE_DEPTH.set(float("nan"))
            metrics.GAUGE_ERRORS.labels("broker").inc()

    async def _refresh_backlog(self, backlog: SqlBacklog) -> None:
        now = self._clock.now()
        try:
            b = await anyio.to_thread.run_sync(backlog.read, now)
        except Exception:  # the database being down shows on /readyz and in the logs
            for gauge in (metrics.OLDEST_PENDING, metrics.OUTBOX_LAG, metrics.WEBHOOK_LAG):
                gauge.set(float("nan"))
            metrics.GAUGE_ERRORS.labels("database").inc()
            return
        metrics.OLDEST_PENDING.set(_age(now, b.oldest_pending))
        metrics.OUTBOX_PENDING.set(b.outbox_rows)
        metrics.OUTBOX_LAG.set(_age(now, b.oldest_outbox))
        metrics.WEBHOOK_LAG.set(_age(now, b.oldest_webhook_undelivered))
