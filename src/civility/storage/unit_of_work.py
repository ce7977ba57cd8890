"""The SQL unit of work: a change's state, its events and their outbox rows in one transaction.

Every repository's `transaction()` opens one through `SqlUnitOfWork.open`; its state writes go
through the transaction's connection, the events it records are written after them, just before
the commit, and an exception anywhere rolls everything back (`civility.events.unit_of_work`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection

from civility.events.models import Event, type_matches
from civility.storage import tables as t
from civility.storage.bulk import insert_rows
from civility.storage.db import OUTBOX_OPTION, Database, translate_errors
from civility.storage.tables_outbox import outbox as outbox_table

EventWriter = Callable[[Connection, Sequence[Event]], None]


def insert_events(conn: Connection, events: Sequence[Event]) -> None:
    """Appends events and their outbox rows inside the caller's transaction (the only way)."""
    if not events:
        return
    insert_rows(conn, t.events, [event_row(e) for e in events])
    patterns: tuple[str, ...] = conn.get_execution_options().get(OUTBOX_OPTION, ("*",))
    published = [e for e in events if type_matches(patterns, e.type)] if patterns else []
    if published:
        # Same transaction: an event is published if and only if it was committed.
        insert_rows(
            conn, outbox_table, [{"event_id": e.id, "created_at": e.created_at} for e in published]
        )


def event_row(e: Event) -> dict[str, Any]:
    """Returns the insert values of an event."""
    return {
        "id": e.id,
        "type": e.type,
        "actor": e.actor,
        "subject_type": e.subject_type,
        "subject_id": e.subject_id,
        "channel_id": e.channel_id,
        "payload": e.payload,
        "created_at": e.created_at,
    }


class SqlTransaction:
    """An open write transaction; a repository's transaction subclasses it with its writes."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.events: list[Event] = []
        self._after_commit: list[Callable[[], None]] = []

    def record(self, events: Iterable[Event]) -> None:
        """Adds events to write, after the state and before the commit, in order."""
        self.events.extend(events)

    def after_commit(self, action: Callable[[], None]) -> None:
        """Runs `action` once the transaction has committed (never if it rolls back)."""
        self._after_commit.append(action)

    def committed(self) -> None:
        """Runs the after-commit actions; the unit of work calls it once the commit is done."""
        for action in self._after_commit:
            action()


Tx = TypeVar("Tx", bound=SqlTransaction)


class SqlUnitOfWork:
    """Opens write transactions on one database.

    `write_events` writes a transaction's recorded events (`insert_events`); tests give one
    that fails, to see the state written before it roll back too.
    """

    def __init__(self, db: Database, *, write_events: EventWriter = insert_events) -> None:
        self.db = db
        self._write_events = write_events

    @contextmanager
    def open(self, make: Callable[[Connection], Tx]) -> Iterator[Tx]:
        """Opens a transaction built by `make`; commits it when the block ends without error."""
        with translate_errors(), self.db.write() as conn:
            tx = make(conn)
            yield tx
            if tx.events:
                self._write_events(conn, tx.events)
        tx.committed()

    def transaction(self) -> AbstractContextManager[SqlTransaction]:
        """Opens a transaction that only records events (actions with no state of their own)."""
        return self.open(SqlTransaction)
