"""Following the event log by position never skips an event whose transaction commits late."""

from __future__ import annotations

import pytest
from tests.storage.event_log import follow, named_event

from civility.events.models import EventPosition
from civility.storage.db import Database
from civility.storage.repositories import insert_events
from civility.storage.webhooks import SqlWebhookRepository


def _follow(
    repo: SqlWebhookRepository, position: EventPosition, want: int = 0
) -> tuple[list[str], EventPosition]:
    return follow(repo, position, lambda names: len(names) >= want)


@pytest.mark.postgres
def test_a_later_commit_with_an_earlier_seq_is_not_passed_over(postgres_url: str) -> None:
    db = Database.from_url(postgres_url, pool_size=4, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        cursor = repo.last_event_position()
        slow = db.engine.connect()
        slow_tx = slow.begin()
        insert_events(slow, [named_event("slow")])  # takes the lower seq, commits last
        with db.write() as conn:
            insert_events(conn, [named_event("fast")])
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
        assert repo.last_event_position() == EventPosition(0, 0)
        with db.write() as conn:
            insert_events(conn, [named_event("one"), named_event("two"), named_event("three")])
        assert _follow(repo, EventPosition(0, 0))[0] == ["one", "two", "three"]
        newest = repo.last_event_position()
        assert [e.txid for e in repo.events_after(EventPosition(0, 0), 100)] == [None] * 3
        assert newest == EventPosition(0, 3)
        assert repo.events_after(newest, 100) == []
        with db.write() as conn:
            insert_events(conn, [named_event("four")])
        assert _follow(repo, newest) == (["four"], EventPosition(0, 4))
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_transaction_that_wrote_first_but_committed_last_is_not_passed_over(
    postgres_url: str,
) -> None:
    # A takes its transaction id first (the worker writes decisions before events), B takes
    # the lower seq, A commits first: B's event must still come after A's has been read.
    db = Database.from_url(postgres_url, pool_size=4, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        position = repo.last_event_position()
        first, second = db.engine.connect(), db.engine.connect()
        first_tx, second_tx = first.begin(), second.begin()
        first.exec_driver_sql("SELECT pg_current_xact_id()")
        second.exec_driver_sql("SELECT pg_current_xact_id()")
        insert_events(second, [named_event("second")])
        insert_events(first, [named_event("first")])
        first_tx.commit()
        seen, position = _follow(repo, position, want=1)
        assert seen == ["first"]
        second_tx.commit()
        later, position = _follow(repo, position, want=1)
        first.close()
        second.close()
        assert seen + later == ["first", "second"]
        assert _follow(repo, position)[0] == []
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_new_follower_starts_after_finished_transactions_and_before_running_ones(
    postgres_url: str,
) -> None:
    db = Database.from_url(postgres_url, pool_size=4, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        running = db.engine.connect()
        running_tx = running.begin()
        running.exec_driver_sql("SELECT pg_current_xact_id()")
        with db.write() as conn:
            insert_events(conn, [named_event("before")])
        start = repo.last_event_position()
        insert_events(running, [named_event("running")])
        running_tx.commit()
        running.close()
        with db.write() as conn:
            insert_events(conn, [named_event("after")])
        # "before" committed after "running" took its id, so it sorts after it and is still
        # delivered (at least once: it is older than the follower); "running" is not lost.
        assert _follow(repo, start, want=3)[0] == ["running", "before", "after"]
    finally:
        db.dispose()


@pytest.mark.postgres
def test_events_of_one_transaction_come_in_seq_order_across_batches(postgres_url: str) -> None:
    db = Database.from_url(postgres_url, pool_size=4, outbox=())
    try:
        repo = SqlWebhookRepository(db)
        start = repo.last_event_position()
        names = [f"n{i}" for i in range(5)]
        with db.write() as conn:
            insert_events(conn, [named_event(n) for n in names])
        assert _follow(repo, start, want=5)[0] == names
    finally:
        db.dispose()
