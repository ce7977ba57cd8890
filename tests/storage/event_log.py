"""Helpers for tests that write to and follow the event log."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime

from civility.events.models import Event, EventPosition
from civility.storage.webhooks import SqlWebhookRepository

NOW = datetime(2026, 6, 1, tzinfo=UTC)
_RUN = itertools.count()


def named_event(name: str, created_at: datetime = NOW) -> Event:
    """A message.flagged event whose subject id is `name` (ids unique within the session)."""
    return Event(
        id=f"log:{next(_RUN)}:{name}",
        type="message.flagged",
        actor="system",
        subject_type="message",
        subject_id=name,
        channel_id="c",
        payload={"name": name},
        created_at=created_at,
    )


def follow(
    repo: SqlWebhookRepository,
    position: EventPosition,
    done: Callable[[list[str]], bool] = lambda _: True,
    timeout: float = 10.0,
) -> tuple[list[str], EventPosition]:
    """Reads everything after a position, two at a time as a dispatcher would.

    Returns the subject ids read and the position reached; waits (up to `timeout`) until
    `done(names)`, because a transaction of another session on the same server holds the
    horizon back for as long as it runs.
    """
    names: list[str] = []
    deadline = time.monotonic() + timeout
    while True:
        events = repo.events_after(position, 2)
        if events:
            names += [e.subject_id for e in events]
            position = EventPosition.of(events[-1])
        elif done(names) or time.monotonic() > deadline:
            return names, position
        else:
            time.sleep(0.05)
