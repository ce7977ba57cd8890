"""An upheld appeal reverses a decision: the user reports that decision's verdict closed are
open again (off their reporters' counts, a `report.reopened` event), as in a review reversal;
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.review.review_seed import DEMO, seed
from tests.review.test_verdict_decisions import _events, _published
from tests.review.test_verdict_decisions import container as container  # the fixture

from civility.appeals.models import AppealKind, AppealOutcome
from civility.appeals.service import NewAppeal
from civility.clock import ManualClock
from civility.container import Container
from civility.moderation.lookup import MessageRef
from civility.policy.verdict import Action
from civility.review.models import Resolution, ResolveRequest
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import ReportedQuery, ReportReason, ReportStatus, ReportVerdict
from civility.user_reports.service import NewReport

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


def _appeal(c: Container, message_id: str, author: str) -> str:
    new = NewAppeal(AppealKind.DECISION, author, "it was a joke", MessageRef(id=message_id))
    return c.appeals.submit(new).appeal.id


def test_an_upheld_appeal_reopens_the_reports_the_reversed_verdict_upheld(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    _report(c, mid, "r1", "r2")
    c.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.HIDE))
    assert _counts(c, "r1") == (1, 0)
    clock.advance(timedelta(minutes=1))
    _report(c, mid, "r3")  # after the verdict: it never closed this one
    appeal_id = _appeal(c, mid, "troll42")
    clock.advance(timedelta(hours=1))
    _published(c)
    c.appeals.decide(appeal_id, "mod-bo", AppealOutcome.UPHOLD, senior=False)

    assert _statuses(c, mid) == {
        "r1": ReportStatus.OPEN,
        "r2": ReportStatus.OPEN,
        "r3": ReportStatus.OPEN,
    }
    assert _counts(c, "r1") == (0, 0)  # the overturned verdict no longer credits them
    events = _events(c, mid)[-2:]
    assert [e.type for e in events] == ["message.restored", "report.reopened"]
    restored, reopened = events
    assert restored.payload["source"] == "appeal"
    assert sorted(reopened.payload["reporter_ids"]) == ["r1", "r2"]
    assert reopened.payload["previous_outcomes"] == ["upheld", "upheld"]
    assert reopened.payload["closed_by"] == "mod-ana"
    assert reopened.payload["appeal_id"] == appeal_id
    assert reopened.payload["undo"] is False
    hidden = next(e for e in _events(c, mid) if e.type == "message.hidden")
    assert reopened.payload["reversed_decision_id"] == hidden.payload["decision_id"]
    assert reopened.actor == "mod-bo"
    upheld = [e for e in _published(c) if e.type == "appeal.upheld"]
    assert [sorted(e.payload["reopened_reports"]) for e in upheld] == [
        sorted(reopened.payload["report_ids"])
    ]
    queue, _ = c.user_reports.queue(ReportedQuery())
    assert [(i.message_id, i.open_reports) for i in queue] == [(mid, 3)]


def test_an_upheld_appeal_of_a_reported_remove_reopens_its_reports(
    container: Container, ids: list[str]
) -> None:
    c, mid = container, ids[ALLOWED]  # allowed: no review item, the Reported tab decides
    _report(c, mid, "r1")
    c.user_reports.resolve(mid, "mod-ana", ReportVerdict.REMOVE, review=c.review)
    assert c.moderation.get_message(mid).current.action is Action.BLOCK  # type: ignore[union-attr]
    c.appeals.decide(_appeal(c, mid, "nice1"), "mod-bo", AppealOutcome.UPHOLD, senior=False)
    assert _statuses(c, mid) == {"r1": ReportStatus.OPEN}
    assert _counts(c, "r1") == (0, 0)
    assert [e.type for e in _events(c, mid)][-1] == "report.reopened"


def test_reports_another_verdict_closed_and_denied_appeals_are_left_alone(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c = container
    # Dismissed from the Reported tab: the automated hide stays, r1 is rejected by mod-ana.
    _report(c, ids[HIDDEN], "r1")
    c.user_reports.resolve(ids[HIDDEN], "mod-ana", ReportVerdict.DISMISS, review=c.review)
    c.appeals.decide(
        _appeal(c, ids[HIDDEN], "spammer"), "mod-bo", AppealOutcome.UPHOLD, senior=False
    )
    assert _statuses(c, ids[HIDDEN]) == {"r1": ReportStatus.REJECTED}
    assert _counts(c, "r1") == (0, 1)
    assert "report.reopened" not in [e.type for e in _events(c, ids[HIDDEN])]

    _report(c, ids[FLAGGED], "r2")
    c.review.resolve(ids[FLAGGED], "mod-ana", ResolveRequest(Resolution.REMOVE))
    clock.advance(timedelta(minutes=1))
    c.appeals.decide(
        _appeal(c, ids[FLAGGED], "troll42"), "mod-bo", AppealOutcome.DENY, senior=False
    )
    assert _statuses(c, ids[FLAGGED]) == {"r2": ReportStatus.UPHELD}
    assert _counts(c, "r2") == (1, 0)
