"""Helpers for unit-of-work tests: an event writer that fails after the state was written."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from civility.events.models import Event
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.tables_outbox import outbox
from civility.storage.unit_of_work import SqlUnitOfWork, insert_events


class EventWriteFailed(Exception):
    """Raised by `failing_unit_of_work`'s event writer."""


def failing_unit_of_work(db: Database) -> SqlUnitOfWork:
    """A unit of work whose event writer writes the events, then fails before the commit."""

    def write(conn: Connection, events: Sequence[Event]) -> None:
        insert_events(conn, events)
        raise EventWriteFailed(f"{len(events)} event(s) written, then the writer failed")

    return SqlUnitOfWork(db, write_events=write)


def log_sizes(db: Database) -> tuple[int, int]:
    """Counts the rows of the event log and of the outbox."""
    with db.read() as conn:
        events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
        pending = conn.execute(select(func.count()).select_from(outbox)).scalar_one()
    return int(events), int(pending)
