"""SQL side of user reports: reports, reporters' records and the Reported queue."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Integer,
    Row,
    and_,
    case,
    cast,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from civility.moderation.decisions import HumanDecision
from civility.review import priority
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.decisions import insert_human_decisions
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_appeals import reporters, user_reports
from civility.storage.tables_review import review_items
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.user_reports.models import (
    Report,
    ReportedMessage,
    ReportedQuery,
    ReporterRecord,
    ReportReason,
    ReportReopening,
    ReportStatus,
)

_u = user_reports.c


class _Stale(Exception):
    """Rolls a write back: a row it meant to change had changed already."""


def _utc(value: datetime) -> datetime:
    result = as_utc(value)
    assert result is not None
    return result


def _report_from(r: Row[Any]) -> Report:
    return Report(
        id=r.id,
        message_id=r.message_id,
        channel_id=r.channel_id,
        reporter_id=r.reporter_id,
        reason=ReportReason(r.reason),
        text=r.text,
        weight_milli=r.weight_milli,
        created_at=_utc(r.created_at),
        status=ReportStatus(r.status),
        resolved_by=r.resolved_by,
        resolved_at=as_utc(r.resolved_at),
    )


def _report_row(r: Report) -> dict[str, Any]:
    return {
        "id": r.id,
        "message_id": r.message_id,
        "channel_id": r.channel_id,
        "reporter_id": r.reporter_id,
        "reason": r.reason.value,
        "text": r.text,
        "weight_milli": r.weight_milli,
        "status": r.status.value,
        "created_at": r.created_at,
        "resolved_by": r.resolved_by,
        "resolved_at": r.resolved_at,
    }


def open_report_weight(message_id: ColumnElement[str]) -> ColumnElement[int]:
    """The summed weight (thousandths) of a message's open reports, 0 without: a correlated
    subquery, so the review queue's priority can add report points in any statement."""
    return (
        select(func.coalesce(func.sum(_u.weight_milli), 0))
        .where(_u.message_id == message_id, _u.status == ReportStatus.OPEN.value)
        .scalar_subquery()
    )


def epoch_seconds(col: Any, dialect: str) -> ColumnElement[int]:
    """Returns whole Unix seconds of a UTC timestamp column (floored, as priority.py does)."""
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", col)), BigInteger)
    return cast(func.strftime("%s", col), Integer)


def report_points(weight_milli: ColumnElement[int]) -> ColumnElement[int]:
    """priority.report_points in SQL, of a weight in thousandths: floored, capped."""
    per_point = 1000 // priority.POINTS_PER_REPORT
    return case(
        (weight_milli >= priority.MAX_REPORT_POINTS * per_point, priority.MAX_REPORT_POINTS),
        else_=weight_milli // per_point,
    )


def refresh_priority_keys(conn: Connection, message_ids: Sequence[str]) -> None:
    """Sets the review items' stored priority key from their open reports, inside the caller's
    transaction: every write that opens or closes a report calls it (items keep their base
    points; messages without a review item are left alone)."""
    ids = sorted(set(message_ids))
    if not ids:
        return
    if conn.dialect.name == "postgresql":
        # Exact under READ COMMITTED: this lock waits for any open transaction that reports,
        # closes, reopens (they lock it here too) or decides (its foreign key check holds a
        # share lock) on these messages, so the UPDATE below, a new statement with a new
        # snapshot, sees what they wrote. Without it two writers would each miss the other's
        # report. SQLite writers are serialised already.
        m = t.messages.c
        conn.execute(select(m.id).where(m.id.in_(ids)).order_by(m.id).with_for_update())
    r, d = review_items.c, t.decisions.c
    decided = select(d.created_at).where(d.message_id == r.message_id).scalar_subquery()
    points = r.base_points + report_points(open_report_weight(r.message_id))
    key = points * priority.SECONDS_PER_POINT - epoch_seconds(decided, conn.dialect.name)
    conn.execute(update(review_items).where(r.message_id.in_(ids)).values(priority_key=key))


class SqlReportTransaction(SqlTransaction):
    """User-report writes in one transaction; the events the service records are written last."""

    def add(self, report: Report) -> bool:
        """Stores a report; False (nothing written) if the reporter already reported the
        message."""
        insert = postgresql.insert if self.conn.dialect.name == "postgresql" else sqlite.insert
        stmt = (
            insert(user_reports)
            .values(**_report_row(report))
            .on_conflict_do_nothing()
            .returning(_u.id)
        )
        if self.conn.execute(stmt).first() is None:
            return False
        refresh_priority_keys(self.conn, [report.message_id])
        return True

    def close(
        self,
        report_ids: Sequence[str],
        status: ReportStatus,
        actor: str,
        at: datetime,
        decisions: Sequence[HumanDecision],
    ) -> bool:
        """Closes exactly these open reports, counts them on their reporters and stores the
        message's new decision; False (nothing written) if any was no longer open."""
        try:
            with self.conn.begin_nested():
                closed = close_open_reports(self.conn, report_ids, status, actor, at)
                if closed != len(report_ids):
                    raise _Stale
                insert_human_decisions(self.conn, decisions)
        except _Stale:
            return False
        return True

    def reopen(self, reopening: ReportReopening, decisions: Sequence[HumanDecision]) -> bool:
        """Opens again exactly the reports a verdict closed (off their reporters' counts) with
        the message's restored decision; False (nothing written) if any was no longer closed so."""
        try:
            with self.conn.begin_nested():
                if reopen_reports(self.conn, reopening) != len(reopening.report_ids):
                    raise _Stale
                insert_human_decisions(self.conn, decisions)
        except _Stale:
            return False
        return True


class SqlReportRepository:
    """User reports in SQL; the Reported queue is a GROUP BY over the open ones."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlReportTransaction]:
        """Opens a write transaction (reports, verdicts and their events commit together)."""
        return self._uow.open(SqlReportTransaction)

    def find(self, message_id: str, reporter_id: str) -> Report | None:
        """Returns a reporter's report of a message, if any."""
        stmt = select(user_reports).where(
            _u.message_id == message_id, _u.reporter_id == reporter_id
        )
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(stmt).first()
        return _report_from(row) if row is not None else None

    def reporter(self, reporter_id: str) -> ReporterRecord:
        """Returns how a reporter's judged reports went (zeros for a new reporter)."""
        stmt = select(reporters).where(reporters.c.reporter_id == reporter_id)
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(stmt).first()
        if row is None:
            return ReporterRecord(reporter_id)
        return ReporterRecord(reporter_id, int(row.upheld), int(row.rejected))

    def reports_of(self, message_id: str, limit: int = 200) -> list[Report]:
        """Returns a message's reports, newest first."""
        stmt = (
            select(user_reports)
            .where(_u.message_id == message_id)
            .order_by(_u.created_at.desc(), _u.id.desc())
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [_report_from(r) for r in conn.execute(stmt).all()]

    def reported(self, query: ReportedQuery) -> list[ReportedMessage]:
        """Returns messages with open reports: heaviest first, then most reported, then id."""
        agg = self._open_totals(query.channel_id)
        stmt = select(agg)
        if query.cursor is not None:
            w, n, mid = query.cursor
            c = agg.c
            stmt = stmt.where(
                or_(
                    c.weight < w,
                    and_(c.weight == w, c.n < n),
                    and_(c.weight == w, c.n == n, c.message_id > mid),
                )
            )
        stmt = stmt.order_by(agg.c.weight.desc(), agg.c.n.desc(), agg.c.message_id).limit(
            query.limit
        )
        with translate_errors(), self._db.read() as conn:
            totals = conn.execute(stmt).all()
            return self._items(conn, totals)

    def reported_message(self, message_id: str) -> ReportedMessage | None:
        """Returns one message's open-report summary (None when it has no open report)."""
        agg = self._open_totals(None, message_id)
        with translate_errors(), self._db.read() as conn:
            items = self._items(conn, conn.execute(select(agg)).all())
        return items[0] if items else None

    def _open_totals(self, channel_id: str | None, message_id: str | None = None) -> Any:
        conds = [_u.status == ReportStatus.OPEN.value]
        if channel_id is not None:
            conds.append(_u.channel_id == channel_id)
        if message_id is not None:
            conds.append(_u.message_id == message_id)
        return (
            select(
                _u.message_id,
                func.count().label("n"),
                func.sum(_u.weight_milli).label("weight"),
                func.min(_u.created_at).label("first_at"),
                func.max(_u.created_at).label("last_at"),
            )
            .where(*conds)
            .group_by(_u.message_id)
            .subquery("open_totals")
        )

    def _items(self, conn: Connection, totals: Sequence[Row[Any]]) -> list[ReportedMessage]:
        ids = [r.message_id for r in totals]
        if not ids:
            return []
        m, d = t.messages.c, t.decisions.c
        rows = conn.execute(
            select(m.id, m.platform_message_id, m.channel_id, m.author_id, m.text, d.action)
            .select_from(t.messages)
            .outerjoin(t.decisions, d.message_id == m.id)
            .where(m.id.in_(ids))
        ).all()
        messages = {r.id: r for r in rows}
        reasons: dict[str, Counter[str]] = {i: Counter() for i in ids}
        counted = conn.execute(
            select(_u.message_id, _u.reason, func.count())
            .where(_u.message_id.in_(ids), _u.status == ReportStatus.OPEN.value)
            .group_by(_u.message_id, _u.reason)
        ).all()
        for mid, reason, n in counted:
            reasons[mid][reason] += int(n)
        return [
            ReportedMessage(
                message_id=r.message_id,
                platform_message_id=messages[r.message_id].platform_message_id,
                channel_id=messages[r.message_id].channel_id,
                author_id=messages[r.message_id].author_id,
                text=messages[r.message_id].text,
                action=messages[r.message_id].action,
                open_reports=int(r.n),
                weight_milli=int(r.weight),
                first_reported_at=_utc(r.first_at),
                last_reported_at=_utc(r.last_at),
                reasons=dict(reasons[r.message_id].most_common()),
            )
            for r in totals
        ]


def close_open_reports(
    conn: Connection, report_ids: Sequence[str], status: ReportStatus, actor: str, at: datetime
) -> int:
    """Closes those of the reports still open and counts them on their reporters, inside the
    caller's transaction; returns how many it closed (a review verdict closes what is left)."""
    if not report_ids:
        return 0
    closed = conn.execute(
        update(user_reports)
        .where(_u.id.in_(list(report_ids)), _u.status == ReportStatus.OPEN.value)
        .values(status=status.value, resolved_by=actor, resolved_at=at)
        .returning(_u.reporter_id, _u.message_id)
    ).all()
    refresh_priority_keys(conn, [mid for _, mid in closed])
    by_reporter = Counter(reporter for reporter, _ in closed)
    column = "upheld" if status is ReportStatus.UPHELD else "rejected"
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for reporter_id, n in sorted(by_reporter.items()):
        stmt = insert(reporters).values(
            reporter_id=reporter_id,
            upheld=n if column == "upheld" else 0,
            rejected=n if column == "rejected" else 0,
            updated_at=at,
        )
        # Counting up in the statement keeps concurrent verdicts on one reporter exact.
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[reporters.c.reporter_id],
                set_={column: reporters.c[column] + n, "updated_at": at},
            )
        )
    return sum(by_reporter.values())


def open_reports_of(conn: Connection, message_ids: Sequence[str]) -> dict[str, list[Report]]:
    """Returns the open reports of the given messages, oldest first."""
    if not message_ids:
        return {}
    stmt = (
        select(user_reports)
        .where(_u.message_id.in_(list(message_ids)), _u.status == ReportStatus.OPEN.value)
        .order_by(_u.created_at, _u.id)
    )
    out: dict[str, list[Report]] = {}
    for row in conn.execute(stmt).all():
        out.setdefault(row.message_id, []).append(_report_from(row))
    return out


def closed_reports_of(
    conn: Connection, message_id: str, closed_by: str, closed_at: datetime
) -> list[Report]:
    """Returns the message's reports that `closed_by` closed at `closed_at` (one verdict)."""
    stmt = (
        select(user_reports)
        .where(
            _u.message_id == message_id,
            _u.status != ReportStatus.OPEN.value,
            _u.resolved_by == closed_by,
            _u.resolved_at == closed_at,
        )
        .order_by(_u.created_at, _u.id)
    )
    return [_report_from(row) for row in conn.execute(stmt).all()]


def reopen_reports(conn: Connection, reopening: ReportReopening) -> int:
    """Opens again those of the reports still closed by the verdict taken back, and takes them
    off their reporters' counts, inside the caller's transaction; returns how many it opened."""
    opened: Counter[tuple[str, str]] = Counter()
    messages: set[str] = set()
    for status in sorted(set(reopening.statuses)):
        ids = [
            i for i, s in zip(reopening.report_ids, reopening.statuses, strict=True) if s == status
        ]
        rows = conn.execute(
            update(user_reports)
            .where(
                _u.id.in_(ids),
                _u.status == status.value,
                _u.resolved_by == reopening.closed_by,
                _u.resolved_at == reopening.closed_at,
            )
            .values(status=ReportStatus.OPEN.value, resolved_by=None, resolved_at=None)
            .returning(_u.reporter_id, _u.message_id)
        ).all()
        opened.update((status.value, reporter) for reporter, _ in rows)
        messages.update(mid for _, mid in rows)
    refresh_priority_keys(conn, sorted(messages))
    for (status_value, reporter_id), n in sorted(opened.items()):
        column = reporters.c["upheld" if status_value == ReportStatus.UPHELD.value else "rejected"]
        # Counted down in the statement, as close_open_reports counts up; never below 0 (an
        # erased reporter's record starts again from nothing).
        conn.execute(
            update(reporters)
            .where(reporters.c.reporter_id == reporter_id)
            .values({column: case((column >= n, column - n), else_=0), "updated_at": reopening.at})
        )
    return sum(opened.values())
