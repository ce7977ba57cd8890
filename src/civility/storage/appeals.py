"""SQL side of appeals."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.dialects import postgresql, sqlite

from civility.appeals.models import Appeal, AppealKind, AppealQuery, AppealStatus
from civility.enforcement.records import EnforcementRecord
from civility.moderation.decisions import HumanDecision
from civility.storage.db import Database
from civility.storage.decisions import insert_human_decisions
from civility.storage.enforcement_rows import insert_records
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_appeals import appeals
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.storage.user_reports import closed_reports_of, reopen_reports
from civility.user_reports.models import Report, ReportReopening

_a = appeals.c


class _Stale(Exception):
    """Rolls a decision's savepoint back: the appeal (or a report) had changed already."""


def _appeal_from(r: Row[Any]) -> Appeal:
    created = as_utc(r.created_at)
    assert created is not None
    return Appeal(
        id=r.id,
        kind=AppealKind(r.kind),
        subject_key=r.subject_key,
        author_id=r.author_id,
        channel_id=r.channel_id,
        message_id=r.message_id,
        statement=r.statement,
        original_action=r.original_action,
        original_actor=r.original_actor,
        created_at=created,
        status=AppealStatus(r.status),
        decided_by=r.decided_by,
        decided_at=as_utc(r.decided_at),
        decision_note=r.decision_note,
        version=r.version,
    )


def _decided_values(a: Appeal) -> dict[str, Any]:
    return {
        "status": a.status.value,
        "decided_by": a.decided_by,
        "decided_at": a.decided_at,
        "decision_note": a.decision_note,
        "version": a.version,
    }


class SqlAppealTransaction(SqlTransaction):
    """Appeal writes in one transaction; the events the service records are written last."""

    def add(self, appeal: Appeal) -> bool:
        """Stores a new appeal; False (nothing written) if its subject was appealed already."""
        insert = postgresql.insert if self.conn.dialect.name == "postgresql" else sqlite.insert
        stmt = (
            insert(appeals)
            .values(
                id=appeal.id,
                kind=appeal.kind.value,
                subject_key=appeal.subject_key,
                author_id=appeal.author_id,
                channel_id=appeal.channel_id,
                message_id=appeal.message_id,
                statement=appeal.statement,
                original_action=appeal.original_action,
                original_actor=appeal.original_actor,
                created_at=appeal.created_at,
                **_decided_values(appeal),
            )
            .on_conflict_do_nothing()
            .returning(_a.id)
        )
        return self.conn.execute(stmt).first() is not None

    def save_decision(
        self,
        before: Appeal,
        after: Appeal,
        records: Sequence[EnforcementRecord],
        decisions: Sequence[HumanDecision],
        reopened: ReportReopening | None = None,
    ) -> bool:
        """Stores the decided appeal with what it changes, if `before` is still current (and
        the reports it reopens are still closed as the overturned verdict closed them); False
        (nothing written) otherwise."""
        stmt = (
            update(appeals)
            .where(_a.id == before.id, _a.version == before.version)
            .values(**_decided_values(after))
        )
        try:
            with self.conn.begin_nested():
                if self.conn.execute(stmt).rowcount != 1:
                    raise _Stale
                if reopened is not None and reopen_reports(self.conn, reopened) != len(
                    reopened.report_ids
                ):
                    raise _Stale
                insert_records(self.conn, records)
                insert_human_decisions(self.conn, decisions)
        except _Stale:
            return False
        return True


class SqlAppealRepository:
    """Appeals in SQL; `subject_key` is unique, so one decision or ban is appealed once."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlAppealTransaction]:
        """Opens a write transaction (appeals, what they change and their events together)."""
        return self._uow.open(SqlAppealTransaction)

    def get(self, appeal_id: str) -> Appeal | None:
        """Returns one appeal."""
        return self._one(_a.id == appeal_id)

    def by_subject(self, subject_key: str) -> Appeal | None:
        """Returns the appeal of a decision or ban, if there is one."""
        return self._one(_a.subject_key == subject_key)

    def _one(self, cond: Any) -> Appeal | None:
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(select(appeals).where(cond)).first()
        return _appeal_from(row) if row is not None else None

    def list_appeals(self, query: AppealQuery) -> list[Appeal]:
        """Returns appeals matching the query, newest first (ids grow with time)."""
        stmt = select(appeals)
        if query.status is not None:
            stmt = stmt.where(_a.status == query.status.value)
        if query.author_id is not None:
            stmt = stmt.where(_a.author_id == query.author_id)
        if query.kind is not None:
            stmt = stmt.where(_a.kind == query.kind.value)
        if query.before is not None:
            stmt = stmt.where(_a.id < query.before)
        stmt = stmt.order_by(_a.id.desc()).limit(query.limit)
        with translate_errors(), self._db.read() as conn:
            return [_appeal_from(r) for r in conn.execute(stmt).all()]

    def closed_reports(self, message_id: str, closed_by: str, closed_at: datetime) -> list[Report]:
        """Returns the message's reports that `closed_by` closed at `closed_at` (one verdict)."""
        with translate_errors(), self._db.read() as conn:
            return closed_reports_of(conn, message_id, closed_by, closed_at)
