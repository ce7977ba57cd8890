"""Any verdict on a message's reports can be taken back, like other verdicts: a dismissal of an
allowed message's reports (no review item holds it), a hide or remove from the Reported tab,
one that also resolved the review item; reversed with a note or undone by its author right
after. The reports open again with a `report.reopened` event; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from tests.review.review_seed import DEMO, seed
from tests.review.test_verdict_decisions import _events, _published
from tests.review.test_verdict_decisions import container as container  # the fixture

from civility.clock import ManualClock
from civility.container import Container
from civility.errors import Conflict, Forbidden, Invalid
from civility.moderation.decisions import DecisionSource, decide_by_hand
from civility.moderation.lookup import MessageRef
from civility.policy.verdict import Action
from civility.review.models import ReviewStatus
from civility.storage.repositories import SqlModerationRepository
from civility.storage.user_reports import SqlReportRepository, SqlReportTransaction
from civility.user_reports.models import (
    ReportedQuery,
    ReportReason,
    ReportReopening,
    ReportStatus,
    ReportVerdict,
)
from civility.user_reports.service import NewReport, UserReportService

FLAGGED, ALLOWED, HIDDEN = 0, 3, 5  # indexes into DEMO


@pytest.fixture
def ids(container: Container, clock: ManualClock) -> list[str]:
    return seed(container.db, DEMO, clock.now())


def _report(c: Container, message_id: str, *reporters: str) -> None:
    for reporter in reporters:
        c.user_reports.submit(NewReport(MessageRef(id=message_id), reporter, ReportReason.HATE))


def _statuses(c: Container, message_id: str) -> dict[str, ReportStatus]:
    return {r.reporter_id: r.status for r in c.user_reports.reports_of(message_id)}


def _counts(c: Container, reporter: str) -> tuple[int, int]:
    record = SqlReportRepository(c.db).reporter(reporter)
    return record.upheld, record.rejected


def _judge(c: Container, message_id: str, verdict: ReportVerdict, actor: str = "mod-ana") -> None:
    c.user_reports.resolve(message_id, actor, verdict, None, review=c.review)


def _action(c: Container, message_id: str) -> Action:
    current = c.moderation.get_message(message_id).current
    assert current is not None
    return current.action


def test_dismissed_reports_of_an_allowed_message_are_reopened_by_a_reversal(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    _report(c, mid, "r1", "r2")
    _judge(c, mid, ReportVerdict.DISMISS)
    assert _counts(c, "r1") == (0, 1)
    assert c.user_reports.queue(ReportedQuery())[0] == []
    clock.advance(timedelta(hours=1))
    _published(c)
    reports = c.user_reports.reverse(mid, "mod-bo", "they were right", review=c.review)

    assert {r.status for r in reports} == {ReportStatus.OPEN}
    assert _counts(c, "r1") == (0, 0)
    assert _action(c, mid) is Action.ALLOW  # a dismissal decided nothing: nothing to restore
    events = _published(c)
    assert [e.type for e in events] == ["report.reopened"]
    reopened = events[0].payload
    assert sorted(reopened["reporter_ids"]) == ["r1", "r2"]
    assert reopened["previous_outcomes"] == ["rejected", "rejected"]
    assert (reopened["closed_by"], reopened["undo"], reopened["note"]) == (
        "mod-ana",
        False,
        "they were right",
    )
    assert reopened["reversed_decision_id"] is None
    assert events[0].actor == "mod-bo"
    queue, _ = c.user_reports.queue(ReportedQuery())
    assert [(i.message_id, i.open_reports) for i in queue] == [(mid, 2)]
    # Judged again: a second closure under a new event id.
    _judge(c, mid, ReportVerdict.HIDE, actor="mod-bo")
    assert _counts(c, "r1") == (1, 0)


def test_a_reported_hide_of_an_allowed_message_is_undone_by_its_author(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.HIDE)
    hidden = next(e for e in _events(c, mid) if e.type == "message.hidden")
    assert _action(c, mid) is Action.HIDE
    clock.advance(timedelta(seconds=30))
    with pytest.raises(Forbidden) as other:
        c.user_reports.reverse(mid, "mod-bo", None, undo=True, review=c.review)
    assert other.value.code == "undo_not_yours"
    c.user_reports.reverse(mid, "mod-ana", None, undo=True, review=c.review)

    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    assert _counts(c, "r1") == (0, 0)
    view = c.moderation.get_message(mid)
    assert view.current is not None
    assert (view.current.action, view.current.source) == (Action.ALLOW, DecisionSource.UNDO)
    restored, reopened = _events(c, mid)[-2:]
    assert (restored.type, reopened.type) == ("message.restored", "report.reopened")
    assert restored.payload["reverses"] == hidden.payload["decision_id"]
    assert reopened.payload["reversed_decision_id"] == hidden.payload["decision_id"]
    assert reopened.payload["undo"] is True


def test_a_reported_verdict_that_resolved_the_review_item_is_reversed_there(
    container: Container, ids: list[str]
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.REMOVE)
    assert c.review.get(mid).status is ReviewStatus.RESOLVED
    c.user_reports.reverse(mid, "mod-bo", "too harsh", review=c.review)
    item = c.review.get(mid)
    assert (item.status, item.current.action) == (ReviewStatus.PENDING, Action.FLAG)
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    types = [e.type for e in _events(c, mid)][-3:]
    assert types == ["review.reversed", "message.flagged", "report.reopened"]


def test_a_dismissal_of_an_automated_hide_is_reversed_and_the_item_keeps_waiting(
    container: Container, ids: list[str]
) -> None:
    c, mid = container, ids[HIDDEN]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.DISMISS)
    c.user_reports.reverse(mid, "mod-bo", "a threat", review=c.review)
    item = c.review.get(mid)
    assert (item.status, item.current.action, item.human) == (
        ReviewStatus.PENDING,
        Action.HIDE,
        None,
    )
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}


def test_what_cannot_be_reversed_is_refused_and_writes_nothing(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    with pytest.raises(Conflict) as nothing:
        c.user_reports.reverse(mid, "mod-bo", "why", review=c.review)
    assert nothing.value.code == "nothing_to_reverse"
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.DISMISS)
    with pytest.raises(Invalid) as note:
        c.user_reports.reverse(mid, "mod-bo", "  ", review=c.review)
    assert note.value.code == "note_required"
    clock.advance(timedelta(minutes=3))
    with pytest.raises(Conflict) as late:
        c.user_reports.reverse(mid, "mod-ana", None, undo=True, review=c.review)
    assert late.value.code == "undo_expired"
    assert _statuses(c, mid) == {"r1": ReportStatus.REJECTED}


def test_a_verdict_whose_decision_was_replaced_since_is_not_reversed_alone(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.HIDE)
    clock.advance(timedelta(minutes=1))
    # Another decision on top of the verdict's (as any later human decision is stored).
    view = c.moderation.get_message(mid)
    assert view.target is not None
    later, event = decide_by_hand(
        view.target, Action.BLOCK, actor="mod-cy", source=DecisionSource.REVIEW, at=clock.now()
    )
    with SqlModerationRepository(c.db).transaction() as tx:
        tx.save_human_decision(later)
        tx.record([event])
    with pytest.raises(Conflict) as since:
        c.user_reports.reverse(mid, "mod-bo", "too harsh", review=c.review)
    assert since.value.code == "decided_since"
    assert _statuses(c, mid) == {"r1": ReportStatus.UPHELD}
    assert _action(c, mid) is Action.BLOCK


class _RacingTransaction:
    """A report transaction where a concurrent reversal reopens the same reports first."""

    def __init__(self, inner: SqlReportTransaction) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def reopen(self, reopening: ReportReopening, decisions: Sequence[Any]) -> bool:
        assert self._inner.reopen(reopening, [])  # the other moderator wins
        return self._inner.reopen(reopening, decisions)


class _Racing:
    """A report repository whose transactions race a concurrent reversal."""

    def __init__(self, inner: SqlReportRepository) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    @contextmanager
    def transaction(self) -> Iterator[_RacingTransaction]:
        with self._inner.transaction() as tx:
            yield _RacingTransaction(tx)


def test_a_concurrent_reversal_makes_the_second_one_stale(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    _report(c, mid, "r1")
    _judge(c, mid, ReportVerdict.HIDE)
    racing = UserReportService(
        _Racing(SqlReportRepository(c.db)), SqlModerationRepository(c.db), clock
    )
    with pytest.raises(Conflict) as stale:
        racing.reverse(mid, "mod-bo", "too harsh")
    assert stale.value.code == "changed_concurrently"
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    assert _counts(c, "r1") == (0, 0)  # counted down once
    assert _action(c, mid) is Action.HIDE  # the stale reversal's decision was not written
    assert "report.reopened" not in [e.type for e in _events(c, mid)]
