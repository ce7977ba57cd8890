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
from civility.user_reports.models import Report, ReportReason, ReportReopening, ReportStatus

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
    with repo.transaction() as tx:
        assert tx.add(appeal)
        # One appeal per subject, whoever inserts second: the second insert writes nothing.
        assert not tx.add(replace(appeal, id="apl_2"))
        tx.record([_event(EventType.APPEAL_SUBMITTED, "apl_1")])
    assert repo.get("apl_1") == appeal
    assert repo.get("apl_2") is None
    upheld = decide(appeal, "mod-a", AppealOutcome.UPHOLD, NOW, senior=False)
    denied = decide(appeal, "mod-b", AppealOutcome.DENY, NOW, senior=False)
    with repo.transaction() as tx:
        assert tx.save_decision(appeal, upheld, [], [])
        assert not tx.save_decision(appeal, denied, [], [])
    current = repo.get("apl_1")
    assert current is not None
    assert (current.status.value, current.decided_by) == ("upheld", "mod-a")


def test_an_appeal_whose_reports_changed_takes_back_its_own_writes_only(db: Database) -> None:
    ids = seed(db, DEMO, NOW)
    repo, reports = SqlAppealRepository(db), SqlReportRepository(db)
    report = Report("rpt_x", ids[5], "sports", "u9", ReportReason.SPAM, None, 1000, NOW)
    with reports.transaction() as tx:
        assert tx.add(report)
        tx.record([_event(EventType.REPORT_RECEIVED, ids[5])])
    appeal = Appeal(
        "apl_9",
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
    upheld = decide(appeal, "mod-a", AppealOutcome.UPHOLD, NOW, senior=False)
    # The report was never closed by that verdict: reopening it finds nothing to reopen.
    reopening = ReportReopening(
        ("rpt_x",), ("u9",), (ReportStatus.UPHELD,), "mod-z", NOW, "mod-a", NOW
    )
    with repo.transaction() as tx:
        assert tx.add(appeal)
        assert not tx.save_decision(appeal, upheld, [], [], reopening)
    # The savepoint took back the decision, not the appeal added before it.
    assert repo.get("apl_9") == appeal


def test_closing_reports_that_are_no_longer_open_writes_nothing(db: Database) -> None:
    ids = seed(db, DEMO, NOW)
    repo = SqlReportRepository(db)
    for reporter in ("u1", "u2"):
        report = Report(
            f"rpt_{reporter}", ids[3], "general", reporter, ReportReason.SPAM, None, 1000, NOW
        )
        with repo.transaction() as tx:
            assert tx.add(report)
            tx.record([_event(EventType.REPORT_RECEIVED, ids[3])])
    with repo.transaction() as tx:
        assert tx.close(["rpt_u1"], ReportStatus.REJECTED, "mod", NOW, [])
        # One of the two is closed already: neither closes, no reporter is counted.
        assert not tx.close(["rpt_u1", "rpt_u2"], ReportStatus.UPHELD, "mod", NOW, [])
    statuses = {r.id: r.status for r in repo.reports_of(ids[3])}
    assert statuses == {"rpt_u1": ReportStatus.REJECTED, "rpt_u2": ReportStatus.OPEN}
    assert (repo.reporter("u1").rejected, repo.reporter("u2").upheld) == (1, 0)
