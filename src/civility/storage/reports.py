"""SQL behind moderation reports: a period's facts, grouped in the database where SQL does well."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, func, select

from civility.reports.models import ReportFacts, ReportQuery, ReviewFact
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.review import time_bucket
from civility.storage.tables_enforcement import enforcement_records as er
from civility.storage.tables_review import review_items as ri

_d, _m, _e = t.decisions.c, t.messages.c, t.events.c
REVIEWED = ("flag", "hide", "block")
# Human steps on a review item: the first one is its "first action".
REVIEW_STEPS = ("review.claimed", "review.resolved", "review.escalated", "review.note_added")
MODERATOR_EVENTS = (
    *REVIEW_STEPS,
    "user.note_added",
    "user.banned",
    "user.unbanned",
    "user.strikes_reset",
)


def _label_time(label: str) -> datetime:
    """Reads back a `YYYY-MM-DD[ HH:00]` bucket label as its UTC start."""
    fmt = "%Y-%m-%d %H:%M" if " " in label else "%Y-%m-%d"
    return datetime.strptime(label, fmt).replace(tzinfo=UTC)


class SqlReportSource:
    """Reads the facts of a report period (one short read transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _decisions(self, query: ReportQuery, *columns: Any) -> Select[Any]:
        stmt = (
            select(*columns)
            .select_from(t.decisions)
            .join(t.messages, _m.id == _d.message_id)
            .where(_d.created_at >= query.since, _d.created_at < query.until)
        )
        if query.channel_id is not None:
            stmt = stmt.where(_m.channel_id == query.channel_id)
        return stmt

    def facts(self, query: ReportQuery) -> ReportFacts:
        """Returns the facts of the period (and channel) the query names."""
        bucket = time_bucket(_d.created_at, self._db.dialect, query.hourly).label("bucket")
        by_bucket = self._decisions(query, bucket, _d.action, func.count()).group_by(
            bucket, _d.action
        )
        by_channel = self._decisions(query, _m.channel_id, _d.action, func.count()).group_by(
            _m.channel_id, _d.action
        )
        reasons = self._decisions(query, _d.action, _d.reasons).where(_d.action != "allow")
        first_step = (
            select(func.min(_e.created_at))
            .where(
                _e.subject_type == "message",
                _e.subject_id == _d.message_id,
                _e.type.in_(REVIEW_STEPS),
            )
            .scalar_subquery()
        )
        reviews = (
            self._decisions(
                query,
                _d.message_id,
                _d.action,
                _d.created_at,
                first_step,
                ri.c.state,
                ri.c.resolution,
                ri.c.resolved_at,
            )
            .outerjoin(ri, ri.c.message_id == _d.message_id)
            .where(_d.action.in_(REVIEWED))
        )
        enforcement = (
            select(er.c.kind, func.count())
            .where(er.c.created_at >= query.since, er.c.created_at < query.until)
            .group_by(er.c.kind)
        )
        moderators = (
            select(_e.actor, _e.type, func.count())
            .where(
                _e.created_at >= query.since,
                _e.created_at < query.until,
                _e.type.in_(MODERATOR_EVENTS),
                # Automated actors are `system` or `system:<what>`.
                and_(_e.actor != "system", ~_e.actor.startswith("system:")),
            )
            .group_by(_e.actor, _e.type)
        )
        if query.channel_id is not None:
            enforcement = enforcement.where(er.c.channel_id == query.channel_id)
            moderators = moderators.where(_e.channel_id == query.channel_id)
        with translate_errors(), self._db.read() as conn:
            return ReportFacts(
                decisions=[
                    (_label_time(str(b)), str(a), int(n)) for b, a, n in conn.execute(by_bucket)
                ],
                channels=[(str(c), str(a), int(n)) for c, a, n in conn.execute(by_channel)],
                reasons=[(str(a), list(r or [])) for a, r in conn.execute(reasons)],
                enforcement=[(str(k), int(n)) for k, n in conn.execute(enforcement)],
                reviews=[_review(row) for row in conn.execute(reviews)],
                moderators=[(str(a), str(ty), int(n)) for a, ty, n in conn.execute(moderators)],
            )


def _review(row: Any) -> ReviewFact:
    message_id, action, decided, first, state, resolution, resolved = row
    done = state == "resolved"
    decided_at = as_utc(decided)
    assert decided_at is not None
    return ReviewFact(
        message_id=str(message_id),
        action=str(action),
        decided_at=decided_at,
        first_action_at=as_utc(first),
        resolved_at=as_utc(resolved) if done else None,
        resolution=str(resolution) if done and resolution else None,
    )
