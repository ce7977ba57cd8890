"""Following the event log by seq never skips an event whose transaction commits late."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from civility.events.models import Event
from civility.storage.db import Database
from civility.storage.repositories import insert_events
from civility.storage.webhooks import SqlWebhookRepository

NOW = datetime(2026, 6, 1, tzinfo=UTC)
RUN = itertools.count()


def _event(name: str) -> Event:
    return Event(
        id=f"horizon:{next(RUN)}:{name}",
        type="message.flagged",
        actor="system",
        subject_type="message",
        subject_id=name,
        channel_id="c",
        payload={"name": name},
        created_at=NOW,
    )


@pytest.mark.postgres
def test_a_later_commit_with_an_earlier_seq_is_not_passed_over(postgres_url: str) -> None:
    db = Database.from_url(postgres_url, pool_size=4, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        cursor = repo.last_event_seq()
        slow = db.engine.connect()
        slow_tx = slow.begin()
        insert_events(slow, [_event("slow")])  # takes the lower seq, commits last
        with db.write() as conn:
            insert_events(conn, [_event("fast")])
        # "fast" is committed, but "slow" (lower seq) may still commit: nothing is handed out.
        assert [e.subject_id for e in repo.events_after(cursor, 100)] == []
        slow_tx.commit()
        slow.close()
        assert [e.subject_id for e in repo.events_after(cursor, 100)] == ["slow", "fast"]
    finally:
        db.dispose()


def test_sqlite_followers_see_events_at_once(sqlite_url: str) -> None:
    db = Database.from_url(sqlite_url, pool_size=2, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        cursor = repo.last_event_seq()
        with db.write() as conn:
            insert_events(conn, [_event("one"), _event("two")])
        assert [e.subject_id for e in repo.events_after(cursor, 100)] == ["one", "two"]
    finally:
        db.dispose()
