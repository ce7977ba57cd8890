"""Read-only backlog queries behind the operational gauges (pending age, outbox, webhook lag)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_outbox import outbox
from civility.storage.tables_webhooks import webhook_subscriptions

# The oldest-pending look-up only searches this far back: an anti-join over every message ever
# received would scan the whole table on each scrape. An older undecided message is the
# sweeper's and the dead letters' concern; the queue depth and backlog alerts cover the rest.
PENDING_WINDOW = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Backlog:
    """Oldest timestamps of what is still waiting (None: nothing waits)."""

    oldest_pending: datetime | None
    outbox_rows: int
    oldest_outbox: datetime | None
    oldest_webhook_undelivered: datetime | None


class SqlBacklog:
    """Reads the backlogs the gauges report, in one read transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def read(self, now: datetime) -> Backlog:
        """Returns the backlog as of `now`."""
        m, d, e = t.messages.c, t.decisions.c, t.events.c
        # Each look-up walks an index from the oldest end and stops at the first hit.
        pending = (
            select(m.received_at)
            .select_from(t.messages.outerjoin(t.decisions, d.message_id == m.id))
            .where(d.id.is_(None), m.received_at >= now - PENDING_WINDOW)
            .order_by(m.received_at)
            .limit(1)
        )
        outbox_rows = select(func.count()).select_from(outbox)
        outbox_oldest = select(outbox.c.created_at).order_by(outbox.c.seq).limit(1)
        # The most behind enabled subscription; its cursor is an event seq (on PostgreSQL with
        # a transaction id beside it, which this approximation leaves out).
        cursor = (
            select(func.min(webhook_subscriptions.c.cursor))
            .where(webhook_subscriptions.c.enabled.is_(True))
            .scalar_subquery()
        )
        webhook = select(e.created_at).where(e.seq > cursor).order_by(e.seq).limit(1)
        with translate_errors(), self._db.read() as conn:
            oldest_pending = conn.execute(pending).scalar()
            rows = conn.execute(outbox_rows).scalar_one()
            oldest_outbox = conn.execute(outbox_oldest).scalar()
            oldest_webhook = conn.execute(webhook).scalar()
        return Backlog(
            oldest_pending=as_utc(oldest_pending),
            outbox_rows=int(rows),
            oldest_outbox=as_utc(oldest_outbox),
            oldest_webhook_undelivered=as_utc(oldest_webhook),
        )
