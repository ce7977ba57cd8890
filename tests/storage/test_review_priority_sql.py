"""The queue's priority order in SQL is review/priority.py's, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, select
from tests.conftest import POSTGRES_ADMIN_URL, require_server

from civility.events.models import EventType, new_event
from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.moderation.service import decision_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review import priority
from civility.review.models import ReviewOrder, ReviewQuery, ReviewState, ReviewStatus, ReviewView
from civility.review.ports import Change
from civility.review.priority import GroupBy
from civility.review.service import cursor_of
from civility.storage import tables as t
from civility.storage.db import Database, alembic_config, create_db_engine, upgrade
from civility.storage.repositories import SqlModerationRepository
from civility.storage.review import SqlReviewRepository
from civility.storage.tables_appeals import user_reports
from civility.storage.tables_review import review_items
from civility.storage.user_reports import (
    SqlReportRepository,
    close_open_reports,
    reopen_reports,
)
from civility.user_reports.models import Report, ReportReason, ReportReopening, ReportStatus

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
CATEGORIES = ("threat", "identity_attack", "severe_toxicity", "insult", "toxicity", "obscene")


KINDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def _fresh_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, unmigrated database (PostgreSQL: one of its own, dropped after)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'prio.db'}"
        return
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_prio_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=KINDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, unmigrated database of each kind."""
    with _fresh_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture(params=KINDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh migrated database of each kind (tests/appeals imports this fixture too)."""
    with _fresh_url(request.param, tmp_path) as url:
        upgrade(url)
        database = Database.from_url(url, pool_size=2)
        yield database
        database.dispose()


def _outcome(
    n: int,
    reasons: tuple[Reason, ...],
    severity: Severity,
    at: datetime,
    action: Action = Action.FLAG,
    author: str = "a",
    text: str | None = None,
) -> Outcome:
    message = StoredMessage(
        f"msg_{n:05d}", f"p{n}", author, "general", text or f"text {n}", "en", {}, None, at
    )
    decision = StoredDecision(
        f"dec_{n:05d}", message.id, action, severity, reasons, 1, None, "sync", at
    )
    return Outcome(message, None, None, decision, (decision_event(message, decision, None),))


def _random_reasons(rng: random.Random) -> tuple[Reason, ...]:
    out: list[Reason] = []
    for _ in range(rng.randint(0, 3)):
        kind = rng.random()
        if kind < 0.6:
            c = rng.choice(CATEGORIES)
            out.append(Reason(c, "m", ReasonSource.MODEL, Action.FLAG, c, rng.random()))
        elif kind < 0.8:
            out.append(Reason("blocklist", "m", ReasonSource.BLOCKLIST, Action.FLAG))
        else:
            out.append(Reason("caps", "m", ReasonSource.CHECK, Action.FLAG))
    return tuple(out)


def test_sql_priority_order_and_paging_match_the_domain(db: Database) -> None:
    rng = random.Random(17)
    outcomes = [
        _outcome(
            n,
            _random_reasons(rng),
            rng.choice(list(Severity)),
            # Sub-second parts check that both sides floor to whole seconds.
            NOW - timedelta(seconds=rng.randint(0, 3 * 86_400), microseconds=rng.randint(0, 10**6)),
        )
        for n in range(120)
    ]
    _store(db, outcomes)
    repo = SqlReviewRepository(db)

    def key(o: Outcome) -> tuple[int, str]:
        d = o.decision
        assert d is not None
        return (
            -priority.sort_key(priority.base_points(d.reasons, d.severity), d.created_at),
            d.message_id,
        )

    expected = [o.message.id for o in sorted(outcomes, key=key)]
    query = ReviewQuery(order=ReviewOrder.PRIORITY, limit=25)
    pages, cursor = [], None
    while True:
        items = repo.list_items(
            ReviewQuery(order=ReviewOrder.PRIORITY, limit=25, cursor=cursor), NOW
        )
        if not items:
            break
        pages.append([i.message_id for i in items])
        cursor = cursor_of(items[-1], ReviewOrder.PRIORITY)
    assert [i for p in pages for i in p] == expected

    # Backwards from the start of the third page gives the second page again.
    third_first = repo.get_items([pages[2][0]], NOW)[pages[2][0]]
    before = repo.list_items(
        ReviewQuery(
            order=ReviewOrder.PRIORITY,
            limit=25,
            cursor=cursor_of(third_first, ReviewOrder.PRIORITY),
            backwards=True,
        ),
        NOW,
    )
    assert [i.message_id for i in before] == pages[1]
    assert repo.count(query, NOW) == 120
    assert repo.matching_ids(query, NOW, 30) == expected[:30]


def test_ban_blocks_duplicates_and_author_groups(db: Database) -> None:
    ban = (Reason("banned", "author is banned", ReasonSource.BAN, Action.BLOCK),)
    insult = (Reason("insult", "m", ReasonSource.MODEL, Action.HIDE, "insult", 0.8),)
    threat = (Reason("threat", "m", ReasonSource.MODEL, Action.BLOCK, "threat", 0.5),)
    outcomes = [
        _outcome(
            n, ban, Severity.NONE, NOW - timedelta(minutes=n), Action.BLOCK, "banned1", f"hi {n}"
        )
        for n in range(5)
    ]
    outcomes += [
        _outcome(
            10 + n,
            insult,
            Severity.MEDIUM,
            NOW - timedelta(minutes=n),
            Action.HIDE,
            f"s{n}",
            "BUY NOW",
        )
        for n in range(8)
    ]
    outcomes.append(_outcome(30, threat, Severity.HIGH, NOW, Action.BLOCK, "t", "I will hurt you"))
    _store(db, outcomes)
    repo = SqlReviewRepository(db)
    auto = ReviewQuery(view=ReviewView.AUTOMATED, order=ReviewOrder.PRIORITY)

    listed = repo.list_items(replace(auto, ban_blocks=False), NOW)
    assert listed[0].message_id == "msg_00030"  # the threat first
    assert all(not priority.is_ban_block(i.reasons) for i in listed)
    assert len(listed) == 9
    only_bans = replace(auto, ban_blocks=True)
    assert repo.count(only_bans, NOW) == 5

    by_author = repo.groups(only_bans, GroupBy.AUTHOR, NOW, 10)
    assert [(g.key, g.count) for g in by_author] == [("banned1", 5)]
    dupes = priority.fold(repo.groups(auto, GroupBy.TEXT, NOW, 50))
    assert [(g.key, g.count, g.authors) for g in dupes] == [("BUY NOW", 8, 8)]
    copies = replace(auto, text="BUY NOW")
    assert len(repo.matching_ids(copies, NOW, 500)) == 8

    assert repo.pending_counts(NOW) == {"flagged": 0, "automated": 9, "banned": 1}

    # Resolving one copy takes it out of the pending group.
    first = repo.get_items(["msg_00010"], NOW)["msg_00010"]
    done = ReviewState("msg_00010", state=ReviewStatus.RESOLVED, updated_at=NOW)
    with repo.transaction() as tx:
        assert tx.save(Change(first.review, done, ()))
    assert repo.count(copies, NOW) == 7
    assert repo.pending_counts(NOW) == {"flagged": 0, "automated": 8, "banned": 1}


def _report(n: int, message_id: str, weight_milli: int, at: datetime = NOW) -> Report:
    return Report(
        f"rpt_{n:05d}", message_id, "general", f"r{n}", ReportReason.SPAM, None, weight_milli, at
    )


def _add_report(reports: SqlReportRepository, report: Report) -> Report:
    """Stores a new report with its event, as the report service does."""
    received = new_event(
        EventType.REPORT_RECEIVED,
        id=f"report.received:{report.id}",
        subject=("message", report.message_id),
        actor=f"reporter:{report.reporter_id}",
        channel_id=report.channel_id,
        payload={},
        at=report.created_at,
    )
    with reports.transaction() as tx:
        assert tx.add(report)
        tx.record([received])
    return report


def _store(db: Database, outcomes: Sequence[Outcome]) -> None:
    """Stores decided messages with their decisions and events, as the moderation service does."""
    with SqlModerationRepository(db).transaction() as tx:
        tx.insert_messages([o.message for o in outcomes])
        tx.save_outcomes(outcomes)
        tx.record([e for o in outcomes for e in o.events])


def _assert_stored_keys_match_the_domain(db: Database, outcomes: Sequence[Outcome]) -> int:
    """Every reviewable decision has a row whose stored numbers are priority.py's; returns
    how many rows there are."""
    r = review_items.c
    with db.read() as conn:
        stored = {
            row.message_id: (row.base_points, row.priority_key)
            for row in conn.execute(select(r.message_id, r.base_points, r.priority_key))
        }
        open_milli: dict[str, int] = {}
        u = user_reports.c
        for mid, milli in conn.execute(
            select(u.message_id, u.weight_milli).where(u.status == ReportStatus.OPEN.value)
        ):
            open_milli[mid] = open_milli.get(mid, 0) + milli
    reviewable = [o.decision for o in outcomes if o.decision and o.decision.action != Action.ALLOW]
    assert set(stored) == {d.message_id for d in reviewable}
    for d in reviewable:
        base = priority.base_points(d.reasons, d.severity)
        points = priority.base_points(d.reasons, d.severity, open_milli.get(d.message_id, 0) / 1000)
        assert stored[d.message_id] == (base, priority.sort_key(points, d.created_at)), d
    return len(stored)


def _mixed_outcomes(rng: random.Random, n: int) -> list[Outcome]:
    return [
        _outcome(
            i,
            _random_reasons(rng),
            rng.choice(list(Severity)),
            NOW - timedelta(seconds=rng.randint(0, 3 * 86_400), microseconds=rng.randint(0, 10**6)),
            rng.choice([Action.ALLOW, Action.FLAG, Action.HIDE, Action.BLOCK]),
        )
        for i in range(n)
    ]


def test_stored_keys_follow_every_report_write(db: Database) -> None:
    rng = random.Random(170)
    outcomes = _mixed_outcomes(rng, 60)
    _store(db, outcomes)
    _assert_stored_keys_match_the_domain(db, outcomes)

    reports = SqlReportRepository(db)
    added = []
    for n in range(90):  # allowed messages too: they have no review row to refresh
        o = rng.choice(outcomes)
        # Weights around the cap (4000 thousandths) and fractions of a point.
        report = _report(n, o.message.id, rng.randint(50, 2500))
        added.append(_add_report(reports, report))
    _assert_stored_keys_match_the_domain(db, outcomes)

    closing = rng.sample(added, 40)
    rejected = [r.id for r in closing[:20]]
    with reports.transaction() as tx:
        assert tx.close(rejected, ReportStatus.REJECTED, "mod", NOW, [])
    with db.write() as conn:
        upheld = [r.id for r in closing[20:]]
        assert close_open_reports(conn, upheld, ReportStatus.UPHELD, "mod2", NOW) == 20
    _assert_stored_keys_match_the_domain(db, outcomes)

    again = closing[20:30]
    reopening = ReportReopening(
        tuple(r.id for r in again),
        tuple(r.reporter_id for r in again),
        (ReportStatus.UPHELD,) * len(again),
        "mod2",
        NOW,
        "mod3",
        NOW + timedelta(minutes=1),
    )
    with db.write() as conn:
        assert reopen_reports(conn, reopening) == 10
    _assert_stored_keys_match_the_domain(db, outcomes)

    # The item carries its stored key, and the cursor is that number.
    items = SqlReviewRepository(db).list_items(ReviewQuery(order=ReviewOrder.PRIORITY), NOW)
    for item in items:
        points = priority.base_points(item.reasons, item.severity, item.report_weight)
        assert item.priority_key == priority.sort_key(points, item.decided_at)
        assert cursor_of(item, ReviewOrder.PRIORITY) == (item.priority_key, item.message_id)


def test_a_new_report_reorders_the_queue(db: Database) -> None:
    insult = (Reason("insult", "m", ReasonSource.MODEL, Action.FLAG, "insult", 0.7),)
    toxic = (Reason("toxicity", "m", ReasonSource.MODEL, Action.FLAG, "toxicity", 0.9),)
    outcomes = [
        _outcome(1, insult, Severity.LOW, NOW),  # 25 + 5 points
        _outcome(2, toxic, Severity.LOW, NOW),  # 20 + 5 points
    ]
    _store(db, outcomes)
    repo, reports = SqlReviewRepository(db), SqlReportRepository(db)
    query = ReviewQuery(order=ReviewOrder.PRIORITY)

    def order() -> list[str]:
        listed = [i.message_id for i in repo.list_items(query, NOW)]
        assert repo.matching_ids(query, NOW, 10) == listed
        tops = repo.groups(query, GroupBy.TEXT, NOW, 10)
        assert [g.key for g in tops] == [f"text {m[-1]}" for m in listed]
        return listed

    assert order() == ["msg_00001", "msg_00002"]
    # One full-weight report adds 10 points: 35 passes 30.
    report = _add_report(reports, _report(1, "msg_00002", 1000))
    assert order() == ["msg_00002", "msg_00001"]
    with reports.transaction() as tx:
        assert tx.close([report.id], ReportStatus.REJECTED, "mod", NOW, [])
    assert order() == ["msg_00001", "msg_00002"]
    reopening = ReportReopening(
        (report.id,), (report.reporter_id,), (ReportStatus.REJECTED,), "mod", NOW, "mod2", NOW
    )
    with db.write() as conn:
        assert reopen_reports(conn, reopening) == 1
    assert order() == ["msg_00002", "msg_00001"]
    _assert_stored_keys_match_the_domain(db, outcomes)


def _downgrade(url: str, revision: str) -> None:
    engine = create_db_engine(url, pool_size=1)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def test_migration_0017_stores_the_keys_of_existing_items(empty_url: str) -> None:
    upgrade(empty_url, "0016")
    rng = random.Random(1700)
    outcomes = _mixed_outcomes(rng, 80)
    database = Database.from_url(empty_url, pool_size=2)
    try:
        _store(database, outcomes)
        reviewable = [o for o in outcomes if o.decision and o.decision.action != Action.ALLOW]
        touched = reviewable[:10]
        # Rows of 0016 (those of items moderators touched) and reports, open and closed.
        old_columns = {"state": "resolved", "resolution": "approve", "resolved_by": "mod"}
        with database.write() as conn:
            conn.execute(
                insert(review_items),
                [
                    {"message_id": o.message.id, "updated_at": NOW, "version": 2, **old_columns}
                    for o in touched
                ],
            )
            rows = []
            for n in range(60):
                o = rng.choice(outcomes)
                row = _report(n, o.message.id, rng.randint(50, 3000))
                rows.append(
                    {
                        "id": row.id,
                        "message_id": row.message_id,
                        "channel_id": row.channel_id,
                        "reporter_id": row.reporter_id,
                        "reason": row.reason.value,
                        "weight_milli": row.weight_milli,
                        "status": rng.choice(["open", "open", "upheld"]),
                        "created_at": row.created_at,
                    }
                )
            conn.execute(insert(user_reports), rows)
    finally:
        database.dispose()

    upgrade(empty_url)
    database = Database.from_url(empty_url, pool_size=2)
    try:
        assert _assert_stored_keys_match_the_domain(database, outcomes) == len(reviewable)
        r = review_items.c
        with database.read() as conn:
            states = dict(conn.execute(select(r.message_id, r.version)).all())
        assert {m for m, v in states.items() if v == 2} == {o.message.id for o in touched}
        repo = SqlReviewRepository(database)
        flagged = [o.message.id for o in reviewable[10:] if o.decision.action is Action.FLAG]
        pending = ReviewQuery(order=ReviewOrder.PRIORITY, status=ReviewStatus.PENDING, limit=200)
        assert repo.count(pending, NOW) == len(flagged) > 0
        # A decision made after the upgrade gets its row from the trigger.
        late = _outcome(500, _random_reasons(rng), Severity.HIGH, NOW, Action.FLAG)
        _store(database, [late])
        _assert_stored_keys_match_the_domain(database, [*outcomes, late])
        listed = [i.message_id for i in repo.list_items(pending, NOW)]
        assert sorted(listed) == sorted([*flagged, "msg_00500"])
    finally:
        database.dispose()

    # Down again: the rows nobody touched go, the touched ones stay, decisions make none.
    _downgrade(empty_url, "0016")
    database = Database.from_url(empty_url, pool_size=2)
    try:
        with database.engine.connect() as conn:
            left = {row[0] for row in conn.exec_driver_sql("SELECT message_id FROM review_items")}
        assert left == {o.message.id for o in touched}
        _store(database, [_outcome(501, (), Severity.LOW, NOW, Action.FLAG)])
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM review_items").scalar_one() == 10
    finally:
        database.dispose()


def test_each_tenant_schema_gets_its_own_rows(empty_url: str) -> None:
    if empty_url.startswith("sqlite"):
        pytest.skip("SQLite tenants are files of their own: nothing is shared")
    # PostgreSQL tenants share a database: the trigger's function resolves review_items
    # through the connection's search_path, so each schema's decisions fill its own table.
    for schema in ("alpha", "beta"):
        upgrade(empty_url, schema=schema)
    alpha = Database.from_url(empty_url, pool_size=1, schema="alpha")
    beta = Database.from_url(empty_url, pool_size=1, schema="beta")
    try:
        threat = (Reason("threat", "m", ReasonSource.MODEL, Action.BLOCK, "threat", 0.5),)
        outcomes = [_outcome(1, threat, Severity.HIGH, NOW, Action.BLOCK)]
        _store(alpha, outcomes)
        assert _assert_stored_keys_match_the_domain(alpha, outcomes) == 1
        assert _assert_stored_keys_match_the_domain(beta, []) == 0
    finally:
        alpha.dispose()
        beta.dispose()


def test_a_report_during_the_deciding_transaction_is_counted(db: Database) -> None:
    if db.dialect != "postgresql":
        pytest.skip("SQLite writers are serialised: no two transactions overlap")
    outcome = _outcome(1, (), Severity.LOW, NOW)
    with SqlModerationRepository(db).transaction() as pending:
        pending.insert_messages([outcome.message])
    d = outcome.decision
    assert d is not None
    row: dict[str, object] = {
        "id": d.id,
        "message_id": d.message_id,
        "action": d.action.value,
        "severity": d.severity.value,
        "reasons": [],
        "policy_version": d.policy_version,
        "scorer": None,
        "path": d.path,
        "created_at": d.created_at,
    }
    report = _report(1, d.message_id, 1000)
    deciding = db.engine.connect()
    try:
        tx = deciding.begin()
        deciding.execute(insert(t.decisions), [row])  # the trigger writes the review row
        # The report arrives while the decision is not committed yet: its key update waits.
        with ThreadPoolExecutor(1) as pool:
            added = pool.submit(_add_report, SqlReportRepository(db), report)
            deadline = time.monotonic() + 10
            with db.engine.connect() as watch:
                while not added.done() and time.monotonic() < deadline:
                    waiting = watch.exec_driver_sql(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted"
                    ).scalar_one()
                    watch.rollback()
                    if waiting:
                        break
            tx.commit()
            added.result(timeout=10)
    finally:
        deciding.close()
    _assert_stored_keys_match_the_domain(db, [outcome])
