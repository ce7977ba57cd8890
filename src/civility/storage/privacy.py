"""Everything stored about one author, read for an export or erased in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    and_,
    case,
    delete,
    exists,
    or_,
    select,
    update,
)

from civility.events.models import Event, EventType
from civility.privacy.service import Erasure
from civility.scoring.base import CATEGORIES
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, insert_events, translate_errors
from civility.storage.tables_appeals import appeals, reporters, user_reports
from civility.storage.tables_decisions import human_decisions
from civility.storage.tables_enforcement import enforcement_records
from civility.storage.tables_ratings import rating_flags, rating_versions, ratings
from civility.storage.tables_review import review_notes

# Event types whose payload carries text someone wrote (notes, a verdict's or a decision's
# note); the payload fields that hold it.
TEXT_EVENTS = (
    EventType.USER_NOTE_ADDED.value,
    EventType.REVIEW_NOTE_ADDED.value,
    EventType.REPORT_RESOLVED.value,
    EventType.APPEAL_SUBMITTED.value,
    EventType.APPEAL_UPHELD.value,
    EventType.APPEAL_DENIED.value,
)
TEXT_FIELDS = ("text", "note", "statement")
# What an author's export shows of reports about their messages: not who reported them, nor
# the reporter's own words (another person's data).
REPORT_ABOUT_COLUMNS = ("id", "message_id", "reason", "status", "created_at", "resolved_at")


def _message_ids(author_id: str) -> Select[tuple[str]]:
    return select(t.messages.c.id).where(t.messages.c.author_id == author_id)


def _appeal_ids(author_id: str) -> Select[tuple[str]]:
    return select(appeals.c.id).where(appeals.c.author_id == author_id)


def _about(author_id: str, table: Table) -> ColumnElement[bool]:
    """Rows (notes, events) whose subject is the author, one of the author's messages or
    (events) one of the author's appeals."""
    kind, subject = table.c.subject_type, table.c.subject_id
    return or_(
        and_(kind == "user", subject == author_id),
        and_(kind == "message", subject.in_(_message_ids(author_id))),
        and_(kind == "appeal", subject.in_(_appeal_ids(author_id))),
    )


def _plain(row: Row[Any]) -> dict[str, Any]:
    """A row as JSON-ready values (UTC datetimes)."""
    return {k: as_utc(v) if isinstance(v, datetime) else v for k, v in row._mapping.items()}


class SqlAuthorData:
    """The author data repository on SQLite or PostgreSQL."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def export(self, author_id: str) -> dict[str, list[dict[str, Any]]]:
        """Returns every stored row about an author, by section."""
        m, s, d = t.messages.c, t.message_scores.c, t.decisions.c
        messages = (
            select(
                t.messages,
                *(getattr(s, c).label(f"score_{c}") for c in CATEGORIES),
                d.action.label("decision"),
                d.severity.label("decision_severity"),
                d.reasons.label("decision_reasons"),
                d.policy_version.label("decision_policy_version"),
                d.created_at.label("decided_at"),
            )
            .outerjoin(t.message_scores, s.message_id == m.id)
            .outerjoin(t.decisions, d.message_id == m.id)
            .where(m.author_id == author_id)
            .order_by(m.received_at, m.id)
        )
        queries = {
            "messages": messages,
            "human_decisions": select(human_decisions)
            .where(human_decisions.c.message_id.in_(_message_ids(author_id)))
            .order_by(human_decisions.c.created_at),
            "enforcement": select(enforcement_records)
            .where(enforcement_records.c.user_id == author_id)
            .order_by(enforcement_records.c.seq),
            "notes": select(review_notes)
            .where(_about(author_id, review_notes))
            .order_by(review_notes.c.created_at),
            "ratings": select(ratings)
            .where(ratings.c.user_id == author_id)
            .order_by(ratings.c.rated_at),
            "rating_versions": select(rating_versions)
            .where(rating_versions.c.user_id == author_id)
            .order_by(rating_versions.c.rated_at),
            "rating_flags": select(rating_flags).where(rating_flags.c.user_id == author_id),
            "reports_made": select(user_reports)
            .where(user_reports.c.reporter_id == author_id)
            .order_by(user_reports.c.created_at),
            "reports_about": select(*(user_reports.c[c] for c in REPORT_ABOUT_COLUMNS))
            .where(user_reports.c.message_id.in_(_message_ids(author_id)))
            .order_by(user_reports.c.created_at),
            "reporter": select(reporters).where(reporters.c.reporter_id == author_id),
            "appeals": select(appeals)
            .where(appeals.c.author_id == author_id)
            .order_by(appeals.c.created_at),
            "events": select(t.events).where(_about(author_id, t.events)).order_by(t.events.c.seq),
        }
        with translate_errors(), self._db.read() as conn:
            out = {name: [_plain(r) for r in conn.execute(q)] for name, q in queries.items()}
        for row in out["events"]:
            row.pop("txid", None)  # a storage detail, never published
        return out

    def erase(
        self, author_id: str, tombstone: str, event_for: Callable[[Erasure], Event]
    ) -> Erasure:
        """Erases texts, metadata, personal fields, notes and ratings; appends the event."""
        m = t.messages.c
        with translate_errors(), self._db.write() as conn:
            messages = conn.execute(
                update(t.messages)
                .where(m.author_id == author_id)
                .values(text=tombstone, metadata={}, author_created_at=None, image=None)
            ).rowcount
            events = _blank_event_texts(conn, _about(author_id, t.events), tombstone)
            notes = conn.execute(
                delete(review_notes).where(_about(author_id, review_notes))
            ).rowcount
            rated = conn.execute(delete(ratings).where(ratings.c.user_id == author_id)).rowcount
            for table in (rating_versions, rating_flags):
                conn.execute(delete(table).where(table.c.user_id == author_id))
            r = user_reports.c
            reports = conn.execute(
                update(user_reports)
                .where(
                    or_(r.reporter_id == author_id, r.message_id.in_(_message_ids(author_id))),
                    r.text.is_not(None),
                    r.text != tombstone,
                )
                .values(text=tombstone)
            ).rowcount
            a = appeals.c
            appealed = conn.execute(
                update(appeals)
                .where(a.author_id == author_id)
                .values(
                    statement=tombstone,
                    decision_note=case((a.decision_note.is_(None), None), else_=tombstone),
                )
            ).rowcount
            erasure = Erasure(
                messages=messages,
                notes=notes,
                ratings=rated,
                events=events,
                reports=reports,
                appeals=appealed,
            )
            insert_events(conn, [event_for(erasure)])
        return erasure

    def purge_texts(self, before: datetime, tombstone: str, limit: int) -> list[str]:
        """Blanks texts and metadata of decided messages received before `before`."""
        m = t.messages.c
        decided = exists().where(t.decisions.c.message_id == m.id)
        stmt = (
            select(m.id)
            .where(m.received_at < before, m.text != tombstone, decided)
            .order_by(m.received_at)
            .limit(limit)
        )
        with translate_errors(), self._db.write() as conn:
            ids = list(conn.execute(stmt).scalars())
            if ids:
                conn.execute(
                    update(t.messages)
                    .where(m.id.in_(ids))
                    .values(text=tombstone, metadata={}, author_created_at=None, image=None)
                )
        return ids

    def record(self, event: Event) -> None:
        """Appends an event."""
        with translate_errors(), self._db.write() as conn:
            insert_events(conn, [event])


def _blank_event_texts(conn: Connection, about: ColumnElement[bool], tombstone: str) -> int:
    """Replaces the free text of events about the author (the log keeps that they happened)."""
    e = t.events.c
    rows = conn.execute(select(e.seq, e.payload).where(e.type.in_(TEXT_EVENTS), about)).all()
    changed = 0
    for seq, payload in rows:
        if not isinstance(payload, dict):
            continue
        texts = [f for f in TEXT_FIELDS if payload.get(f) not in (None, "", tombstone)]
        if texts:
            blanked = {**payload, **dict.fromkeys(texts, tombstone)}
            conn.execute(update(t.events).where(e.seq == seq).values(payload=blanked))
            changed += 1
    return changed
