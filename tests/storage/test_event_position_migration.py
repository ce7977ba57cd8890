"""Migration 0008 turns each webhook's seq cursor into a position that loses no event: not the
ones after the cursor, not those of a transaction still running while it migrates."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import Connection, insert
from tests.storage.event_log import follow

from civility.events.models import EventPosition
from civility.storage import tables as t
from civility.storage.db import Database, alembic_config, create_db_engine, upgrade
from civility.storage.tables_webhooks import webhook_subscriptions as ws
from civility.storage.webhooks import SqlWebhookRepository

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _add_events(conn: Connection, *names: str) -> None:
    # Only the columns every revision since 0001 has: no txid, whatever this revision has.
    rows = [
        {
            "id": f"migrate:{n}",
            "type": "message.flagged",
            "actor": "system",
            "subject_type": "message",
            "subject_id": n,
            "channel_id": "c",
            "payload": {"name": n},
            "created_at": NOW,
        }
        for n in names
    ]
    conn.execute(insert(t.events), rows)


def _add_subscription(conn: Connection, sub_id: str, cursor: int) -> None:
    row = {
        "id": sub_id,
        "url": "https://example.test/hook",
        "event_types": ["*"],
        "secret": "whsec_test",
        "previous_secret": None,
        "previous_secret_until": None,
        "enabled": True,
        "consecutive_failures": 0,
        "cursor": cursor,
        "created_at": NOW,
    }
    conn.execute(insert(ws), row)


def _delivered(repo: SqlWebhookRepository, sub_id: str, want: set[str]) -> list[str]:
    """Follows the log from the subscription's position as the dispatcher does."""
    sub = repo.get(sub_id)
    assert sub is not None
    return follow(repo, sub.position, lambda names: want <= set(names))[0]


@pytest.mark.postgres
def test_seq_cursors_become_positions_that_lose_nothing_on_postgresql(
    fresh_postgres_url: str,
) -> None:
    url = fresh_postgres_url
    upgrade(url, "0006")  # events without a txid
    db = Database.from_url(url, pool_size=4, outbox=())
    try:
        with db.write() as conn:
            _add_events(conn, "old1", "old2", "old3")  # seq 1-3
        db.dispose()
        upgrade(url, "0007")
        with db.write() as conn:
            _add_events(conn, "pre4")  # seq 4, finished before the migration's oldest running
        # A transaction takes its id before the next events and commits after the migration.
        running = db.engine.connect()
        running_tx = running.begin()
        running.exec_driver_sql("SELECT pg_current_xact_id()")
        with db.write() as conn:
            _add_events(conn, "new5")
        with db.write() as conn:
            _add_events(conn, "new6")
        with db.write() as conn:
            _add_subscription(conn, "whk_legacy", 2)  # behind, inside the events without txid
            _add_subscription(conn, "whk_mid", 5)
            _add_subscription(conn, "whk_done", 6)
        upgrade(url, "0008")
        _add_events(running, "late7")
        running_tx.commit()
        running.close()
        upgrade(url)  # the later revisions, which the repository reads

        repo = SqlWebhookRepository(db)
        # In log order: the events without txid first, then by transaction (late7's is older).
        owed = {"old3", "pre4", "new5", "new6", "late7"}
        assert _delivered(repo, "whk_legacy", owed) == ["old3", "pre4", "late7", "new5", "new6"]
        for sub_id, owed in (("whk_mid", {"new6", "late7"}), ("whk_done", {"late7"})):
            names = _delivered(repo, sub_id, owed)
            assert owed <= set(names), sub_id
            # Events after the oldest running transaction may come again, but no older ones.
            assert not {"old1", "old2", "old3", "pre4"} & set(names), sub_id
            assert len(names) == len(set(names)), sub_id
    finally:
        db.dispose()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_downgrade_turns_positions_back_into_seq_cursors(
    kind: str, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("sqlite_url" if kind == "sqlite" else "fresh_postgres_url")
    upgrade(url)
    db = Database.from_url(url, pool_size=2, outbox=())
    try:
        with db.write() as conn:
            _add_events(conn, "one", "two", "three")
        repo = SqlWebhookRepository(db)
        # Another session's running transaction holds the horizon back (see event_log.follow):
        # wait, bounded, for the events to become visible.
        deadline, pause = time.monotonic() + 10.0, threading.Event()
        while not (seen := repo.events_after(EventPosition(0, 0), 1)):
            assert time.monotonic() < deadline, "the events never became visible"
            pause.wait(0.05)
        first = seen[0]
        with db.write() as conn:
            _add_subscription(conn, "whk_down", 0)
            conn.execute(ws.update().values(cursor=first.seq, cursor_txid=first.txid or 0))
    finally:
        db.dispose()
    engine = create_db_engine(url, pool_size=1)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
            cursor = conn.exec_driver_sql("SELECT cursor FROM webhook_subscriptions").scalar_one()
    finally:
        engine.dispose()
    assert cursor == first.seq  # "two" and "three" are still to come


def test_sqlite_seq_cursors_are_positions_as_they_are(sqlite_url: str) -> None:
    url = sqlite_url.replace("civility.db", "old.db")
    upgrade(url, "0007")
    db = Database.from_url(url, pool_size=2, outbox=())
    try:
        with db.write() as conn:
            _add_events(conn, "one", "two", "three")
            _add_subscription(conn, "whk_sqlite", 1)
        db.dispose()
        upgrade(url)  # 0008, and the later revisions the repository reads
        repo = SqlWebhookRepository(db)
        sub = repo.get("whk_sqlite")
        assert sub is not None
        assert sub.position == EventPosition(0, 1)
        assert _delivered(repo, "whk_sqlite", {"two", "three"}) == ["two", "three"]
    finally:
        db.dispose()
