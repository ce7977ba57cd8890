"""The SQL side of the outbox relay: claim pending rows, hand them out, delete them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import delete, func, select

from civility.events.models import Event
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import event_from_row, translate_errors
from civility.storage.tables_outbox import outbox


class SqlOutbox:
    """Pending outbox rows joined with their events."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def relay_batch(self, limit: int, publish: Callable[[Sequence[Event]], None]) -> int:
        """Publishes up to `limit` pending events in order, then deletes their rows.

        The rows stay locked (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: the one write
        lock) until `publish` has returned, so concurrent relays never send a row twice;
        if `publish` raises, nothing is deleted and the rows are tried again.
        """
        stmt = (
            select(outbox.c.seq.label("outbox_seq"), *t.events.c)
            .select_from(outbox.join(t.events, t.events.c.id == outbox.c.event_id))
            .order_by(outbox.c.seq)
            .limit(limit)
        )
        if self._db.dialect == "postgresql":
            stmt = stmt.with_for_update(of=outbox, skip_locked=True)
        with translate_errors(), self._db.write() as conn:
            rows = conn.execute(stmt).all()
            if not rows:
                return 0
            publish([event_from_row(r) for r in rows])
            conn.execute(delete(outbox).where(outbox.c.seq.in_([r[0] for r in rows])))
        return len(rows)

    def pending(self) -> int:
        """Counts rows not yet published."""
        with translate_errors(), self._db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(outbox)).scalar_one())
