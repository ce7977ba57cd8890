"""The review backlog alarm: one `review.backlog` event when the queue grows past a threshold."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime

import anyio
import structlog

from civility.clock import Clock
from civility.errors import DomainError
from civility.events.models import Event, EventType, new_event

log = structlog.get_logger(__name__)
# After an alarm, the queue must fall below this share of the threshold before another: a
# queue hovering at the threshold would otherwise alarm on every check.
REARM_BELOW = 0.8


class BacklogAlarm:
    """Turns queue sizes into at most one event per rise past the threshold (pure)."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self._armed = True

    def observe(self, pending: int, oldest: datetime | None, now: datetime) -> Event | None:
        """Returns a `review.backlog` event when `pending` reaches the threshold while armed."""
        if pending < self.threshold * REARM_BELOW:
            self._armed = True
            return None
        if pending < self.threshold or not self._armed:
            return None
        self._armed = False
        return new_event(
            EventType.REVIEW_BACKLOG,
            subject=("review_queue", "pending"),
            actor="system:backlog",
            payload={
                "pending": pending,
                "threshold": self.threshold,
                "oldest": oldest.isoformat() if oldest else None,
            },
            at=now,
        )


class BacklogWatcher:
    """Checks the queue every `interval` seconds and appends the alarm's events to the log."""

    def __init__(
        self,
        alarm: BacklogAlarm,
        pending: Callable[[datetime], tuple[int, datetime | None]],
        append: Callable[[Sequence[Event]], None],
        clock: Clock,
        *,
        interval: float = 60.0,
    ) -> None:
        self._alarm = alarm
        self._pending = pending
        self._append = append
        self._clock = clock
        self._interval = interval
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Asks the loop to return."""
        self._stopping.set()

    async def check(self) -> Event | None:
        """Counts the queue once; appends and returns the event if the alarm goes off."""
        now = self._clock.now()
        count, oldest = await anyio.to_thread.run_sync(self._pending, now)
        event = self._alarm.observe(count, oldest, now)
        if event is not None:
            await anyio.to_thread.run_sync(self._append, [event])
            log.warning("review.backlog", pending=count, threshold=self._alarm.threshold)
        return event

    async def run(self) -> None:
        """Checks until stop() is called."""
        while not self._stopping.is_set():
            try:
                await self.check()
            except (DomainError, OSError) as exc:
                log.warning("review.backlog_check_failed", error=repr(exc))
            with contextlib.suppress(TimeoutError):  # the interval passed: check again
                await asyncio.wait_for(self._stopping.wait(), timeout=self._interval)
