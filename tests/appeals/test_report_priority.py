"""Open user reports raise a review item's priority, the same in SQL as in review/priority.py."""

from __future__ import annotations

import random
from datetime import timedelta

from tests.storage.test_review_priority_sql import (  # the same seeded queue and databases
    NOW,
    _outcome,
    _random_reasons,
    _store,
    db,  # noqa: F401
)

from civility.events.models import EventType, new_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review import priority
from civility.review.models import ReviewOrder, ReviewQuery
from civility.review.service import cursor_of
from civility.storage.db import Database
from civility.storage.review import SqlReviewRepository
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import Report, ReportReason, ReportStatus


def _report(repo: SqlReportRepository, message_id: str, reporter: str, milli: int) -> None:
    report = Report(
        f"rpt_{message_id}_{reporter}",
        message_id,
        "general",
        reporter,
        ReportReason.SPAM,
        None,
        milli,
        NOW,
    )
    event = new_event(
        EventType.REPORT_RECEIVED,
        subject=("message", message_id),
        actor=f"reporter:{reporter}",
        payload={},
        at=NOW,
    )
    with repo.transaction() as tx:
        assert tx.add(report)
        tx.record([event])


def test_sql_priority_with_reports_matches_the_domain_and_pages(db: Database) -> None:  # noqa: F811
    rng = random.Random(23)
    outcomes = [
        _outcome(
            n,
            _random_reasons(rng),
            rng.choice(list(Severity)),
            NOW - timedelta(seconds=rng.randint(0, 2 * 86_400)),
        )
        for n in range(80)
    ]
    _store(db, outcomes)
    reports = SqlReportRepository(db)
    weights: dict[str, int] = {}
    for o in rng.sample(outcomes, 30):
        for r in range(rng.randint(1, 6)):
            milli = rng.choice([167, 400, 667, 1000])
            _report(reports, o.message.id, f"u{r}", milli)
            weights[o.message.id] = weights.get(o.message.id, 0) + milli
    # A closed report adds nothing.
    closed = next(o.message.id for o in outcomes if o.message.id not in weights)
    _report(reports, closed, "late", 1000)
    with reports.transaction() as tx:
        assert tx.close([f"rpt_{closed}_late"], ReportStatus.REJECTED, "mod", NOW, [])

    def key(n: int) -> tuple[int, str]:
        d = outcomes[n].decision
        weight = weights.get(d.message_id, 0) / 1000
        points = priority.base_points(d.reasons, d.severity, weight)
        return (-priority.sort_key(points, d.created_at), d.message_id)

    expected = [outcomes[n].message.id for n in sorted(range(len(outcomes)), key=key)]
    repo = SqlReviewRepository(db)
    seen, cursor = [], None
    while True:
        query = ReviewQuery(order=ReviewOrder.PRIORITY, limit=15, cursor=cursor)
        items = repo.list_items(query, NOW)
        if not items:
            break
        seen += [i.message_id for i in items]
        cursor = cursor_of(items[-1], ReviewOrder.PRIORITY)
    assert seen == expected
    item = repo.get_items([closed], NOW)[closed]
    assert item.report_weight == 0
    heaviest = max(weights, key=lambda k: weights[k])
    assert repo.get_items([heaviest], NOW)[heaviest].report_weight == weights[heaviest] / 1000


def test_reports_lift_an_item_but_never_past_the_cap(db: Database) -> None:  # noqa: F811
    insult = (Reason("insult", "m", ReasonSource.MODEL, Action.FLAG, "insult", 0.6),)
    threat = (Reason("threat", "m", ReasonSource.MODEL, Action.FLAG, "threat", 0.5),)
    outcomes = [
        _outcome(1, insult, Severity.LOW, NOW),  # 25 + 5
        _outcome(2, insult, Severity.LOW, NOW),
        _outcome(3, threat, Severity.HIGH, NOW),  # 60 + 30
    ]
    _store(db, outcomes)
    reports = SqlReportRepository(db)
    for r in range(9):  # +40 at most, however many report it
        _report(reports, "msg_00002", f"u{r}", 1000)
    order = [
        i.message_id
        for i in SqlReviewRepository(db).list_items(ReviewQuery(order=ReviewOrder.PRIORITY), NOW)
    ]
    assert order == ["msg_00003", "msg_00002", "msg_00001"]
