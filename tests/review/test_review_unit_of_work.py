"""Review, appeals and user reports on the unit of work: when writing a change's events fails
after its state was written, or writing a verdict's ban fails, nothing of the change stays
(SQLite and PostgreSQL, real databases)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from tests.review.review_seed import DEMO, seed
from tests.review.test_verdict_decisions import container as container  # the fixture
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.appeals.models import AppealKind, AppealOutcome, AppealQuery, AppealStatus
from civility.appeals.service import AppealService, NewAppeal
from civility.clock import ManualClock
from civility.container import Container
from civility.errors import Conflict
from civility.moderation.lookup import MessageRef
from civility.policy.verdict import Action
from civility.review.models import BanRequest, Resolution, ResolveRequest
from civility.review.service import ReviewService
from civility.storage.appeals import SqlAppealRepository
from civility.storage.db import Database
from civility.storage.enforcement import SqlEnforcementRepository
from civility.storage.repositories import SqlModerationRepository
from civility.storage.review import SqlReviewRepository
from civility.storage.unit_of_work import SqlUnitOfWork
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import ReportReason, ReportVerdict
from civility.user_reports.service import NewReport, UserReportService

FLAGGED, HIDDEN, ALLOWED = 0, 5, 3  # indexes into DEMO
STRIKE_AND_BAN = ResolveRequest(Resolution.HIDE, ban=BanRequest(None, None), strike=True)


@pytest.fixture
def ids(container: Container, clock: ManualClock) -> list[str]:
    return seed(container.db, DEMO, clock.now())


def _review(c: Container, clock: ManualClock, uow: SqlUnitOfWork) -> ReviewService:
    return ReviewService(SqlReviewRepository(c.db, unit_of_work=uow), c.review.enforcement, clock)


def _reports(c: Container, clock: ManualClock, uow: SqlUnitOfWork) -> UserReportService:
    repo = SqlReportRepository(c.db, unit_of_work=uow)
    return UserReportService(repo, SqlModerationRepository(c.db), clock)


def _appeals(c: Container, clock: ManualClock, uow: SqlUnitOfWork) -> AppealService:
    return AppealService(
        SqlAppealRepository(c.db, unit_of_work=uow),
        SqlModerationRepository(c.db),
        SqlEnforcementRepository(c.db),
        clock,
    )


def _state(c: Container, message_id: str) -> tuple[Any, ...]:
    """What a change to a message could write: its item, decision, reports, reporters'
    counts, notes, its author's strikes and bans, and the event log and outbox."""
    view = c.moderation.get_message(message_id)
    item = c.review.get_many([message_id]).get(message_id)
    reports = sorted((r.id, r.status, r.resolved_by) for r in c.user_reports.reports_of(message_id))
    counts = {}
    for reporter in sorted({r.reporter_id for r in c.user_reports.reports_of(message_id)}):
        record = SqlReportRepository(c.db).reporter(reporter)
        counts[reporter] = (record.upheld, record.rejected)
    records = SqlEnforcementRepository(c.db).records_for(view.message.author_id)
    return (
        item.review if item else None,
        view.current,
        reports,
        counts,
        c.review.notes("message", message_id),
        records,
        log_sizes(c.db),
    )


def test_review_transitions_roll_back_with_their_events(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    c.user_reports.submit(NewReport(MessageRef(id=mid), "r1", ReportReason.HATE))
    failing = _review(c, clock, failing_unit_of_work(c.db))
    before = _state(c, mid)
    with pytest.raises(EventWriteFailed):
        failing.claim(mid, "mod-ana")
    with pytest.raises(EventWriteFailed):  # a verdict that closes a report, strikes and bans
        failing.resolve(mid, "mod-ana", STRIKE_AND_BAN)
    with pytest.raises(EventWriteFailed):
        failing.bulk_resolve([mid, ids[1]], "mod-ana", STRIKE_AND_BAN)
    with pytest.raises(EventWriteFailed):
        failing.add_note("message", mid, "mod-ana", "context: heated thread")
    with pytest.raises(EventWriteFailed):  # the Reported tab's verdict, given to the item
        c.user_reports.resolve(mid, "mod-ana", ReportVerdict.HIDE, None, review=failing)
    assert _state(c, mid) == before
    assert c.review.get(ids[1]).human is None
    # The same verdict through a working unit of work writes all of it.
    c.review.resolve(mid, "mod-ana", STRIKE_AND_BAN)
    kinds = [r.kind for r in SqlEnforcementRepository(c.db).records_for("troll42")]
    assert {"strike_added", "ban_issued"} <= set(kinds)
    resolved = _state(c, mid)
    with pytest.raises(EventWriteFailed):  # a reversal lifts the ban and reopens the report
        failing.reverse(mid, "mod-bo", "too harsh")
    assert _state(c, mid) == resolved


def _refuse_bans(db: Database) -> None:
    """Makes the database refuse every ban record, as a failing disk or constraint would."""
    with db.write() as conn:
        if db.dialect == "postgresql":
            conn.execute(
                text(
                    "CREATE FUNCTION refuse_ban() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "RAISE EXCEPTION 'ban refused' USING ERRCODE = 'check_violation'; END $$"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_ban BEFORE INSERT ON enforcement_records FOR EACH ROW "
                    "WHEN (NEW.kind = 'ban_issued') EXECUTE FUNCTION refuse_ban()"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_ban BEFORE INSERT ON enforcement_records "
                    "WHEN NEW.kind = 'ban_issued' BEGIN SELECT RAISE(ABORT, 'ban refused'); END"
                )
            )


def test_a_verdict_whose_ban_fails_to_write_leaves_no_verdict_and_no_strike(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[FLAGGED]
    c.user_reports.submit(NewReport(MessageRef(id=mid), "r1", ReportReason.HATE))
    before = _state(c, mid)
    _refuse_bans(c.db)
    with pytest.raises(Conflict):  # the refused insert, as the storage reports it
        c.review.resolve(mid, "mod-ana", STRIKE_AND_BAN)
    assert _state(c, mid) == before  # no verdict, decision, closed report or strike
    # Without a ban the same verdict commits, with its strike.
    c.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.HIDE, strike=True))
    kinds = [r.kind for r in SqlEnforcementRepository(c.db).records_for("troll42")]
    assert kinds == ["strike_added"]


def test_user_reports_roll_back_with_their_events(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[ALLOWED]
    failing = _reports(c, clock, failing_unit_of_work(c.db))
    before = _state(c, mid)
    with pytest.raises(EventWriteFailed):
        failing.submit(NewReport(MessageRef(id=mid), "r1", ReportReason.SPAM))
    assert _state(c, mid) == before
    c.user_reports.submit(NewReport(MessageRef(id=mid), "r1", ReportReason.SPAM))
    reported = _state(c, mid)
    with pytest.raises(EventWriteFailed):  # closes the report and hides the message
        failing.resolve(mid, "mod-ana", ReportVerdict.HIDE)
    assert _state(c, mid) == reported
    c.user_reports.resolve(mid, "mod-ana", ReportVerdict.HIDE)
    judged = _state(c, mid)
    with pytest.raises(EventWriteFailed):  # reopens it and shows the message again
        failing.reverse(mid, "mod-bo", "too harsh")
    assert _state(c, mid) == judged


def test_appeals_roll_back_with_their_events(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    c, mid = container, ids[HIDDEN]
    c.review.resolve(mid, "mod-ana", STRIKE_AND_BAN)  # hidden by a moderator, author banned
    failing = _appeals(c, clock, failing_unit_of_work(c.db))
    new = NewAppeal(AppealKind.DECISION, "spammer", "it was a quote", MessageRef(id=mid))
    before = _state(c, mid)
    with pytest.raises(EventWriteFailed):
        failing.submit(new)
    assert _state(c, mid) == before
    assert c.appeals.list_appeals(AppealQuery(author_id="spammer")) == []
    appeal = c.appeals.submit(new).appeal
    submitted = (_state(c, mid), c.appeals.get(appeal.id))
    with pytest.raises(EventWriteFailed):  # restores the message, lifts the verdict's ban
        failing.decide(appeal.id, "mod-bo", AppealOutcome.UPHOLD)
    assert (_state(c, mid), c.appeals.get(appeal.id)) == submitted
    decided = c.appeals.decide(appeal.id, "mod-bo", AppealOutcome.UPHOLD)
    assert decided.status is AppealStatus.UPHELD
    assert _state(c, mid)[1].action is Action.ALLOW
    assert not c.enforcement.status("spammer").bans
