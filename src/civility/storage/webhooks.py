"""SQL implementation of the webhook repository."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import BigInteger, Row, delete, func, insert, literal_column, select, tuple_, update

from civility.events.models import Event, EventPosition
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, event_from_row, translate_errors
from civility.storage.tables_webhooks import webhook_deliveries as wd
from civility.storage.tables_webhooks import webhook_subscriptions as ws
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.webhooks.models import DeliveryRecord, Subscription


def _sub_row(s: Subscription) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "event_types": list(s.event_types),
        "secret": s.secret,
        "previous_secret": s.previous_secret,
        "previous_secret_until": s.previous_secret_until,
        "enabled": s.enabled,
        "consecutive_failures": s.consecutive_failures,
        "cursor": s.cursor,
        "cursor_txid": s.cursor_txid,
        "created_at": s.created_at,
        "kind": s.kind,
        "options": dict(s.options) or None,
    }


def _sub(row: Row[Any]) -> Subscription:
    m = row._mapping
    created = as_utc(m["created_at"])
    assert created is not None
    return Subscription(
        id=m["id"],
        url=m["url"],
        event_types=tuple(m["event_types"]),
        secret=m["secret"],
        previous_secret=m["previous_secret"],
        previous_secret_until=as_utc(m["previous_secret_until"]),
        enabled=bool(m["enabled"]),
        consecutive_failures=m["consecutive_failures"],
        cursor=m["cursor"],
        created_at=created,
        cursor_txid=m["cursor_txid"],
        kind=m["kind"],
        options=m["options"] or {},
    )


def _delivery(row: Row[Any]) -> DeliveryRecord:
    m = row._mapping
    created = as_utc(m["created_at"])
    assert created is not None
    return DeliveryRecord(
        id=m["id"],
        subscription_id=m["subscription_id"],
        event_id=m["event_id"],
        event_type=m["event_type"],
        attempts=m["attempts"],
        status_code=m["status_code"],
        ok=bool(m["ok"]),
        error=m["error"],
        duration_ms=m["duration_ms"],
        created_at=created,
    )


# The oldest transaction still running (or the next to start): everything below has finished.
_XMIN = literal_column("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", BigInteger)


class SqlWebhookTransaction(SqlTransaction):
    """Subscription and delivery-log writes in one transaction."""

    def add(self, sub: Subscription) -> None:
        """Stores a new subscription."""
        self.conn.execute(insert(ws), _sub_row(sub))

    def delete(self, sub_id: str) -> None:
        """Deletes a subscription and its log."""
        self.conn.execute(delete(wd).where(wd.c.subscription_id == sub_id))
        self.conn.execute(delete(ws).where(ws.c.id == sub_id))

    def update(self, sub: Subscription) -> None:
        """Saves a subscription's secrets, state and cursor."""
        self.conn.execute(update(ws).where(ws.c.id == sub.id).values(_sub_row(sub)))

    def save_progress(self, sub: Subscription, delivery: DeliveryRecord | None) -> None:
        """Saves cursor, failure count and enabled flag (never the secrets), logs a delivery."""
        values = {
            "cursor": sub.cursor,
            "cursor_txid": sub.cursor_txid,
            "consecutive_failures": sub.consecutive_failures,
            "enabled": sub.enabled,
        }
        self.conn.execute(update(ws).where(ws.c.id == sub.id).values(values))
        if delivery is not None:
            self.conn.execute(insert(wd), _delivery_row(delivery))


class SqlWebhookRepository:
    """Subscriptions, cursors and deliveries in SQL."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlWebhookTransaction]:
        """Opens a write transaction (subscription changes and their events commit together)."""
        return self._uow.open(SqlWebhookTransaction)

    def get(self, sub_id: str) -> Subscription | None:
        """Returns one subscription or None."""
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(select(ws).where(ws.c.id == sub_id)).first()
        return None if row is None else _sub(row)

    def all(self) -> list[Subscription]:
        """Returns every subscription, oldest first."""
        with translate_errors(), self._db.read() as conn:
            return [_sub(r) for r in conn.execute(select(ws).order_by(ws.c.id)).all()]

    def last_event_position(self) -> EventPosition:
        """Returns a position after every finished transaction's events (running ones follow)."""
        newest = select(func.coalesce(func.max(t.events.c.seq), 0))
        with translate_errors(), self._db.read() as conn:
            if self._db.dialect != "postgresql":
                return EventPosition(0, int(conn.execute(newest).scalar_one()))
            # One statement, one snapshot: every transaction below xmin is finished and its
            # events have seq <= max(seq), so (xmin - 1, max(seq)) is past all of them, while
            # transactions still running (txid >= xmin) come after it and will be delivered.
            row = conn.execute(select(_XMIN - 1, newest.scalar_subquery())).one()
            return EventPosition(int(row[0]), int(row[1]))

    def events_after(self, position: EventPosition, limit: int) -> list[Event]:
        """Returns the events after a position, in log order, never skipping a late commit.

        On PostgreSQL a transaction can commit after one that took a later seq, and even
        after one that took a later transaction id (ids are assigned at a transaction's first
        write, seqs at its event inserts). Only events of transactions below the oldest running
        one are returned: that set can no longer grow, so following it in (txid, seq) order
        never passes over an event still to come. SQLite commits one writer at a time, in seq
        order.
        """
        e = t.events.c
        if self._db.dialect == "postgresql":
            stmt = (
                select(t.events)
                .where(tuple_(e.txid, e.seq) > tuple_(position.txid, position.seq))
                .where(e.txid < _XMIN)
                .order_by(e.txid, e.seq)
            )
        else:
            stmt = select(t.events).where(e.seq > position.seq).order_by(e.seq)
        with translate_errors(), self._db.read() as conn:
            return [event_from_row(r) for r in conn.execute(stmt.limit(limit)).all()]

    def deliveries(self, sub_id: str, limit: int) -> list[DeliveryRecord]:
        """Returns a subscription's deliveries, newest first."""
        stmt = (
            select(wd).where(wd.c.subscription_id == sub_id).order_by(wd.c.id.desc()).limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [_delivery(r) for r in conn.execute(stmt).all()]


def _delivery_row(d: DeliveryRecord) -> dict[str, Any]:
    return {
        "subscription_id": d.subscription_id,
        "event_id": d.event_id,
        "event_type": d.event_type,
        "attempts": d.attempts,
        "status_code": d.status_code,
        "ok": d.ok,
        "error": d.error,
        "duration_ms": d.duration_ms,
        "created_at": d.created_at,
    }
