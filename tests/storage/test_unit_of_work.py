"""The SQL unit of work: state, events and outbox rows commit together or not at all."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from tests.storage.event_log import named_event
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.errors import Conflict
from civility.events.models import Event
from civility.storage.db import Database
from civility.storage.enforcement import bump_counter, read_counter
from civility.storage.repositories import SqlEventRepository
from civility.storage.unit_of_work import SqlUnitOfWork


@pytest.fixture
def counter() -> str:
    """A counter name of this test's own (the PostgreSQL database lives for the session)."""
    return f"uow-{uuid.uuid4().hex[:8]}"


def _value(db: Database, counter: str) -> int:
    with db.read() as conn:
        return read_counter(conn, counter)


def _bump_and_record(
    uow: SqlUnitOfWork,
    counter: str,
    events: list[Event],
    *,
    after_commit: Callable[[], None] = lambda: None,
    fail: bool = False,
) -> None:
    with uow.transaction() as tx:
        bump_counter(tx.conn, counter)
        tx.record(events)
        tx.after_commit(after_commit)
        if fail:
            raise RuntimeError("after the state write")


def test_state_events_and_outbox_rows_commit_together(db: Database, counter: str) -> None:
    before = log_sizes(db)
    seen: list[int] = []
    events = [named_event("a"), named_event("b")]
    _bump_and_record(
        SqlUnitOfWork(db), counter, events, after_commit=lambda: seen.append(_value(db, counter))
    )
    assert _value(db, counter) == 1
    assert seen == [1]  # after the commit, where another connection sees it
    assert log_sizes(db) == (before[0] + 2, before[1] + 2)


def test_a_failing_event_writer_rolls_the_state_back(db: Database, counter: str) -> None:
    before = log_sizes(db)
    ran: list[str] = []
    with pytest.raises(EventWriteFailed):
        _bump_and_record(
            failing_unit_of_work(db),
            counter,
            [named_event("a")],
            after_commit=lambda: ran.append("after"),
        )
    assert (_value(db, counter), log_sizes(db), ran) == (0, before, [])


def test_an_error_after_recording_writes_no_event(db: Database, counter: str) -> None:
    before = log_sizes(db)
    with pytest.raises(RuntimeError):
        _bump_and_record(SqlUnitOfWork(db), counter, [named_event("a")], fail=True)
    assert (_value(db, counter), log_sizes(db)) == (0, before)


def test_a_duplicate_event_is_a_conflict_and_takes_the_state_with_it(
    db: Database, counter: str
) -> None:
    first = named_event("once")
    SqlEventRepository(db).append([first])
    before = log_sizes(db)
    with pytest.raises(Conflict):
        _bump_and_record(SqlUnitOfWork(db), counter, [first])
    assert (_value(db, counter), log_sizes(db)) == (0, before)


def test_without_a_broker_events_get_no_outbox_rows(db: Database) -> None:
    quiet = Database(db.engine, outbox=())
    before = log_sizes(db)
    with SqlUnitOfWork(quiet).transaction() as tx:
        tx.record([named_event("a")])
    assert log_sizes(db) == (before[0] + 1, before[1])
