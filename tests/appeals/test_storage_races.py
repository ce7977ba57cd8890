"""The storage side of the races: a stale appeal or an already-closed report writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from tests.review.review_seed import DEMO, seed

from civility.appeals.models import Appeal, AppealKind, AppealOutcome, decide
from civility.events.models import Event, EventType, new_event
from civility.storage.appeals import SqlAppealRepository
from civility.storage.db import Database
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import Report, ReportReason, ReportStatus

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _event(kind: EventType, subject: str) -> Event:
    return new_event(kind, subject=("message", subject), actor="t", payload={}, at=NOW)


def test_a_stale_appeal_decision_writes_nothing(db: Database) -> None:
    ids = seed(db, DEMO, NOW)
    repo = SqlAppealRepository(db)
    appeal = Appeal(
        "apl_1",
        AppealKind.DECISION,
        f"decision:{ids[5]}",
        "spammer",
        "sports",
        ids[5],
        "it was a quote",
        "hide",
        "system:policy-v1",
        NOW,
    )
    stored = repo.add(appeal, _event(EventType.APPEAL_SUBMITTED, "apl_1"))
    assert stored == appeal
    again = repo.add(replace(appeal, id="apl_2"), _event(EventType.APPEAL_SUBMITTED, "apl_2"))
    assert again.id == "apl_1"  # one appeal per subject, whoever inserts second
    upheld = decide(appeal, "mod-a", AppealOutcome.UPHOLD, NOW, senior=False)
    denied = decide(appeal, "mod-b", AppealOutcome.DENY, NOW, senior=False)
    assert repo.save_decision(appeal, upheld, [], [], [])
    assert not repo.save_decision(appeal, denied, [], [], [])
    current = repo.get("apl_1")
    assert current is not None
    assert (current.status.value, current.decided_by) == ("upheld", "mod-a")


def test_closing_reports_that_are_no_longer_open_writes_nothing(db: Database) -> None:
    ids = seed(db, DEMO, NOW)
    repo = SqlReportRepository(db)
    for reporter in ("u1", "u2"):
        report = Report(
            f"rpt_{reporter}", ids[3], "general", reporter, ReportReason.SPAM, None, 1000, NOW
        )
        repo.add(report, _event(EventType.REPORT_RECEIVED, ids[3]))
    assert repo.close(["rpt_u1"], ReportStatus.REJECTED, "mod", NOW, [], [])
    # One of the two is closed already: neither closes, no reporter is counted.
    assert not repo.close(["rpt_u1", "rpt_u2"], ReportStatus.UPHELD, "mod", NOW, [], [])
    statuses = {r.id: r.status for r in repo.reports_of(ids[3])}
    assert statuses == {"rpt_u1": ReportStatus.REJECTED, "rpt_u2": ReportStatus.OPEN}
    assert (repo.reporter("u1").rejected, repo.reporter("u2").upheld) == (1, 0)
