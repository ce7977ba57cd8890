"""SQL implementation of the webhook repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, func, insert, or_, select, text, update

from civility.events.models import Event
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, event_from_row, insert_events, translate_errors
from civility.storage.tables_webhooks import webhook_deliveries as wd
from civility.storage.tables_webhooks import webhook_subscriptions as ws
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
        "created_at": s.created_at,
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


class SqlWebhookRepository:
    """Subscriptions, cursors and deliveries in SQL."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, sub: Subscription, events: Sequence[Event]) -> None:
        """Stores a new subscription with its events."""
        with translate_errors(), self._db.write() as conn:
            conn.execute(insert(ws), _sub_row(sub))
            insert_events(conn, events)

    def get(self, sub_id: str) -> Subscription | None:
        """Returns one subscription or None."""
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(select(ws).where(ws.c.id == sub_id)).first()
        return None if row is None else _sub(row)

    def all(self) -> list[Subscription]:
        """Returns every subscription, oldest first."""
        with translate_errors(), self._db.read() as conn:
            return [_sub(r) for r in conn.execute(select(ws).order_by(ws.c.id)).all()]

    def delete(self, sub_id: str, events: Sequence[Event]) -> None:
        """Deletes a subscription and its log, with its events."""
        with translate_errors(), self._db.write() as conn:
            conn.execute(delete(wd).where(wd.c.subscription_id == sub_id))
            conn.execute(delete(ws).where(ws.c.id == sub_id))
            insert_events(conn, events)

    def update(self, sub: Subscription, events: Sequence[Event]) -> None:
        """Saves a subscription's secrets, state and cursor, with its events."""
        with translate_errors(), self._db.write() as conn:
            conn.execute(update(ws).where(ws.c.id == sub.id).values(_sub_row(sub)))
            insert_events(conn, events)

    def save_progress(
        self, sub: Subscription, delivery: DeliveryRecord | None, events: Sequence[Event]
    ) -> None:
        """Saves cursor, failure count and enabled flag (never the secrets), logs a delivery."""
        values = {
            "cursor": sub.cursor,
            "consecutive_failures": sub.consecutive_failures,
            "enabled": sub.enabled,
        }
        with translate_errors(), self._db.write() as conn:
            conn.execute(update(ws).where(ws.c.id == sub.id).values(values))
            if delivery is not None:
                conn.execute(insert(wd), _delivery_row(delivery))
            insert_events(conn, events)

    def last_event_seq(self) -> int:
        """Returns the newest event's sequence number (0 when none)."""
        with translate_errors(), self._db.read() as conn:
            return int(
                conn.execute(select(func.coalesce(func.max(t.events.c.seq), 0))).scalar_one()
            )

    def events_after(self, seq: int, limit: int) -> list[Event]:
        """Returns events with a greater sequence number, oldest first, without gaps.

        On PostgreSQL a transaction that took a lower seq can commit after one with a higher
        seq; only events of transactions older than every running one are returned, so the
        caller's cursor never moves past an event that is still to come.
        """
        e = t.events.c
        stmt = select(t.events).where(e.seq > seq).order_by(e.seq).limit(limit)
        if self._db.dialect == "postgresql":
            horizon = text("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            stmt = stmt.where(or_(e.txid.is_(None), e.txid < horizon))
        with translate_errors(), self._db.read() as conn:
            return [event_from_row(r) for r in conn.execute(stmt).all()]

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
