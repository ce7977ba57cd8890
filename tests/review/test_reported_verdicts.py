"""One verdict settles a message: a Reported-tab verdict resolves the message's open review item
(and a review verdict its open reports), and taking a verdict back reopens the reports it
closed; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from tests.review.review_seed import DEMO, seed
from tests.review.test_verdict_decisions import _events, _published
from tests.review.test_verdict_decisions import container as container  # the fixture

from civility.clock import ManualClock
from civility.container import Container
from civility.errors import Conflict, Forbidden
from civility.moderation.decisions import DecisionSource
from civility.moderation.lookup import MessageRef
from civility.policy.verdict import Action
from civility.review.models import Resolution, ResolveRequest, ReviewQuery, ReviewStatus
from civility.review.service import ReviewService
from civility.storage.review import SqlReviewRepository, SqlReviewTransaction
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import (
    Report,
    ReportedQuery,
    ReportReason,
    ReportStatus,
    ReportVerdict,
)
from civility.user_reports.service import NewReport

FLAGGED, HIDDEN = 0, 5  # indexes into DEMO


@pytest.fixture
def ids(container: Container, clock: ManualClock) -> list[str]:
    return seed(container.db, DEMO, clock.now())


def _report(c: Container, message_id: str, *reporters: str) -> None:
    for reporter in reporters:
        c.user_reports.submit(NewReport(MessageRef(id=message_id), reporter, ReportReason.HATE))


def _statuses(c: Container, message_id: str) -> dict[str, ReportStatus]:
    return {r.reporter_id: r.status for r in c.user_reports.reports_of(message_id)}


def _judge(
    c: Container, message_id: str, verdict: ReportVerdict, actor: str = "mod-ana", **kw: Any
) -> list[Report]:
    """A verdict from the Reported tab, as the dashboard and the API give it."""
    return c.user_reports.resolve(message_id, actor, verdict, "seen", review=c.review, **kw)


def _counts(c: Container, reporter: str) -> tuple[int, int]:
    record = SqlReportRepository(c.db).reporter(reporter)
    return record.upheld, record.rejected


def test_a_reported_hide_resolves_the_flagged_item_in_one_transaction(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1", "r2")
    _published(c)
    clock.advance(timedelta(minutes=1))
    reports = _judge(c, mid, ReportVerdict.HIDE)

    assert {r.status for r in reports} == {ReportStatus.UPHELD}
    item = c.review.get(mid)
    assert item.status is ReviewStatus.RESOLVED
    assert (item.review.resolution, item.review.resolved_by) == (Resolution.HIDE, "mod-ana")
    assert (item.current.action, item.current.source) == (Action.HIDE, DecisionSource.REVIEW)
    assert c.review.count(ReviewQuery()) == 3  # the other flagged items
    events = _events(c, mid)[-3:]
    assert [e.type for e in events] == ["review.resolved", "message.hidden", "report.resolved"]
    resolved, hidden, closed = events
    assert resolved.payload["resolution"] == "hide"
    assert resolved.payload["from_reports"] is True
    assert resolved.payload["note"] == "seen"
    assert resolved.payload["human_decision_id"] == hidden.payload["decision_id"]
    assert closed.payload["verdict"] == "hide"
    assert sorted(closed.payload["reporter_ids"]) == ["r1", "r2"]
    # Published together, once each: no second message.* from the report side.
    assert [e.type for e in _published(c)] == [e.type for e in events]
    assert c.user_reports.queue(ReportedQuery())[0] == []


def test_dismissing_reports_approves_a_flagged_item_but_not_an_automated_hide(
    container: Container, ids: list[str]
) -> None:
    c = container
    _report(c, ids[FLAGGED], "r1")
    _report(c, ids[HIDDEN], "r2")
    _judge(c, ids[FLAGGED], ReportVerdict.DISMISS)
    flagged = c.review.get(ids[FLAGGED])
    assert flagged.review.resolution is Resolution.APPROVE
    assert flagged.current.action is Action.ALLOW
    assert _statuses(c, ids[FLAGGED]) == {"r1": ReportStatus.REJECTED}

    # Approving an automated hide would show the message again: dismissing reports does
    # not; the hide keeps waiting for its own verdict, unchanged.
    _judge(c, ids[HIDDEN], ReportVerdict.DISMISS)
    hidden = c.review.get(ids[HIDDEN])
    assert hidden.status is ReviewStatus.PENDING
    assert hidden.current.action is Action.HIDE
    assert hidden.human is None
    assert _statuses(c, ids[HIDDEN]) == {"r2": ReportStatus.REJECTED}
    assert [e.type for e in _events(c, ids[HIDDEN])][-1] == "report.resolved"


def test_a_reported_remove_resolves_an_automated_item(container: Container, ids: list[str]) -> None:
    c, mid = container, ids[HIDDEN]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.REMOVE)
    item = c.review.get(mid)
    assert (item.review.resolution, item.current.action) == (Resolution.REMOVE, Action.BLOCK)
    assert [e.type for e in _events(c, mid)][-3:] == [
        "review.resolved",
        "message.removed",
        "report.resolved",
    ]


def test_claims_and_escalations_hold_for_reported_verdicts(
    container: Container, ids: list[str]
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1")
    c.review.claim(mid, "mod-bo")
    with pytest.raises(Conflict) as claimed:
        _judge(c, mid, ReportVerdict.HIDE)
    assert claimed.value.code == "claimed_by_other"
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}  # nothing written

    c.review.resolve(mid, "mod-bo", ResolveRequest(Resolution.ESCALATE))
    with pytest.raises(Forbidden) as escalated:
        _judge(c, mid, ReportVerdict.HIDE)
    assert escalated.value.code == "escalated_to_senior"
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    _judge(c, mid, ReportVerdict.HIDE, actor="admin-cy", senior=True)
    assert c.review.get(mid).review.resolved_by == "admin-cy"
    assert _statuses(c, mid) == {"r1": ReportStatus.UPHELD}


def test_a_resolved_item_leaves_the_reports_to_the_reported_tab(
    container: Container, ids: list[str]
) -> None:
    c, mid = container, ids[FLAGGED]
    c.review.resolve(mid, "mod-bo", ResolveRequest(Resolution.APPROVE))
    _report(c, mid, "late")  # reported after the item was judged
    _judge(c, mid, ReportVerdict.HIDE)
    item = c.review.get(mid)
    assert (item.review.resolution, item.review.resolved_by) == (Resolution.APPROVE, "mod-bo")
    assert item.current.action is Action.HIDE  # the report verdict's decision
    assert _statuses(c, mid) == {"late": ReportStatus.UPHELD}


def test_a_review_verdict_closes_the_reports(container: Container, ids: list[str]) -> None:
    c = container
    _report(c, ids[FLAGGED], "r1", "r2")
    c.review.resolve(ids[FLAGGED], "mod-ana", ResolveRequest(Resolution.APPROVE))
    assert set(_statuses(c, ids[FLAGGED]).values()) == {ReportStatus.REJECTED}
    assert _counts(c, "r1") == (0, 1)
    with pytest.raises(Conflict) as none_open:
        _judge(c, ids[FLAGGED], ReportVerdict.HIDE)
    assert none_open.value.code == "no_open_reports"


def test_a_reversal_reopens_the_reports_its_verdict_closed(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1", "r2")
    c.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.HIDE))
    assert _counts(c, "r1") == (1, 0)
    clock.advance(timedelta(minutes=1))
    _report(c, mid, "r3")  # after the verdict: it never closed this one
    clock.advance(timedelta(hours=1))
    _published(c)
    c.review.reverse(mid, "mod-bo", "not hate speech after all")

    assert _statuses(c, mid) == {
        "r1": ReportStatus.OPEN,
        "r2": ReportStatus.OPEN,
        "r3": ReportStatus.OPEN,
    }
    assert all(r.resolved_by is None for r in c.user_reports.reports_of(mid))
    assert _counts(c, "r1") == (0, 0)  # the verdict no longer weighs its reporters
    events = _events(c, mid)[-3:]
    assert [e.type for e in events] == ["review.reversed", "message.flagged", "report.reopened"]
    reversed_, flagged, reopened = events
    assert sorted(reopened.payload["reporter_ids"]) == ["r1", "r2"]
    assert reopened.payload["previous_outcomes"] == ["upheld", "upheld"]
    assert reopened.payload["closed_by"] == "mod-ana"
    assert reopened.payload["undo"] is False
    assert reopened.payload["reversed_decision_id"] == reversed_.payload["reversed"]["decision_id"]
    assert reopened.actor == "mod-bo"
    assert sorted(reversed_.payload["reopened_reports"]) == sorted(reopened.payload["report_ids"])
    assert flagged.payload["source"] == "reversal"
    assert [e.type for e in _published(c)] == [e.type for e in events]
    queue, _ = c.user_reports.queue(ReportedQuery())
    assert [(i.message_id, i.open_reports) for i in queue] == [(mid, 3)]

    # Judged again: the same reports close again, under new event ids.
    clock.advance(timedelta(minutes=1))
    _judge(c, mid, ReportVerdict.DISMISS, actor="mod-bo")
    assert set(_statuses(c, mid).values()) == {ReportStatus.REJECTED}
    assert _counts(c, "r1") == (0, 1)
    closures = [e for e in _events(c, mid) if e.type == "report.resolved"]
    assert len(closures) == 2
    assert len({e.id for e in closures}) == 2


def test_undoing_a_reported_verdict_reopens_its_reports(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.DISMISS)
    assert _counts(c, "r1") == (0, 1)
    clock.advance(timedelta(seconds=30))
    item = c.review.reverse(mid, "mod-ana", None, undo=True)
    assert item.status is ReviewStatus.PENDING
    assert item.current.action is Action.FLAG
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    assert _counts(c, "r1") == (0, 0)
    reopened = _events(c, mid)[-1]
    assert (reopened.type, reopened.payload["undo"]) == ("report.reopened", True)
    assert reopened.payload["previous_outcomes"] == ["rejected"]


def test_a_reversal_reopens_only_its_own_verdicts_reports(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[HIDDEN]
    _report(c, mid, "r1")
    c.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.APPROVE))  # r1 rejected
    clock.advance(timedelta(minutes=5))
    c.review.reverse(mid, "mod-bo", "it was a threat")  # r1 open again
    clock.advance(timedelta(minutes=5))
    c.review.resolve(mid, "mod-bo", ResolveRequest(Resolution.REMOVE))  # r1 upheld
    clock.advance(timedelta(minutes=5))
    _report(c, mid, "r2")
    _judge(c, mid, ReportVerdict.DISMISS, actor="mod-cy")  # r2 rejected, item stays resolved
    clock.advance(timedelta(minutes=5))
    c.review.reverse(mid, "mod-ana", "too harsh")
    # Only r1, which the reversed remove closed; r2 was closed by another verdict.
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN, "r2": ReportStatus.REJECTED}
    assert _counts(c, "r1") == (0, 0)
    assert _counts(c, "r2") == (0, 1)


class _Racing:
    """A review repository whose message's reports are closed by a concurrent Reported-tab
    verdict just before the review verdict's transaction opens."""

    def __init__(
        self, inner: SqlReviewRepository, reports: SqlReportRepository, at: datetime, mid: str
    ):
        self._inner, self._reports, self._at, self._mid = inner, reports, at, mid

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    @contextmanager
    def transaction(self) -> Iterator[SqlReviewTransaction]:
        for report in self._inner.open_reports([self._mid]).get(self._mid, []):
            with self._reports.transaction() as tx:
                assert tx.close([report.id], ReportStatus.REJECTED, "mod-bo", self._at, [])
        with self._inner.transaction() as tx:
            yield tx


def test_reports_closed_meanwhile_make_the_review_verdict_stale(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1")
    racing = _Racing(SqlReviewRepository(c.db), SqlReportRepository(c.db), clock.now(), mid)
    service = ReviewService(racing, c.review.enforcement, clock)
    with pytest.raises(Conflict) as stale:
        service.resolve(mid, "mod-ana", ResolveRequest(Resolution.HIDE))
    assert stale.value.code == "changed_concurrently"
    item = c.review.get(mid)  # the savepoint took the verdict back
    assert item.status is ReviewStatus.PENDING
    assert item.human is None
    assert [e.type for e in _events(c, mid)] == ["message.flagged", "report.received"]
    assert _statuses(c, mid) == {"r1": ReportStatus.REJECTED}
    # Other items of a bulk verdict are saved all the same.
    result = service.bulk_resolve([ids[1], ids[2]], "mod-ana", ResolveRequest(Resolution.HIDE))
    assert sorted(result.resolved) == sorted([ids[1], ids[2]])
