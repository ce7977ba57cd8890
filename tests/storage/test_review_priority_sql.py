"""The queue's priority order in SQL is review/priority.py's, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from tests.conftest import POSTGRES_ADMIN_URL, require_server

from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.moderation.service import decision_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review import priority
from civility.review.models import ReviewOrder, ReviewQuery, ReviewState, ReviewStatus, ReviewView
from civility.review.ports import Change
from civility.review.priority import GroupBy
from civility.review.service import cursor_of
from civility.storage.db import Database, upgrade
from civility.storage.repositories import SqlModerationRepository
from civility.storage.review import SqlReviewRepository

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
CATEGORIES = ("threat", "identity_attack", "severe_toxicity", "insult", "toxicity", "obscene")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh migrated database of each kind (PostgreSQL: one of its own, dropped after)."""
    if request.param == "sqlite":
        database = Database.from_url(request.getfixturevalue("sqlite_url"), pool_size=2)
        yield database
        database.dispose()
        return
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_prio_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        database = Database.from_url(url, pool_size=2)
        yield database
        database.dispose()
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
    SqlModerationRepository(db).save_outcomes(outcomes, insert_messages=True)
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
    SqlModerationRepository(db).save_outcomes(outcomes, insert_messages=True)
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
    assert repo.save([Change(first.review, done, ())]) == {"msg_00010"}
    assert repo.count(copies, NOW) == 7
    assert repo.pending_counts(NOW) == {"flagged": 0, "automated": 8, "banned": 1}
