"""SQL side of score suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, insert, or_, select

from civility.storage.db import Database
from civility.storage.tables_suggestions import score_suggestions as t
from civility.suggestions.models import ScoreSuggestion, SuggestionQuery


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _from_row(m: Any) -> ScoreSuggestion:
    return ScoreSuggestion(
        id=m["id"],
        text=m["text"],
        attribute=m["attribute"],
        category=m["category"],
        value=float(m["value"]),
        languages=tuple(m["languages"] or ()),
        submitted_by=m["submitted_by"],
        community_id=m["community_id"],
        session_id=m["session_id"],
        client_token=m["client_token"],
        created_at=_utc(m["created_at"]),
    )


class SqlSuggestionRepository:
    """Score suggestions in `score_suggestions`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, suggestions: Sequence[ScoreSuggestion]) -> None:
        """Stores suggestions in one transaction."""
        if not suggestions:
            return
        rows = [
            {
                "id": s.id,
                "created_at": s.created_at,
                "text": s.text,
                "text_sha256": s.digest,
                "attribute": s.attribute,
                "category": s.category,
                "value": s.value,
                "languages": list(s.languages),
                "submitted_by": s.submitted_by,
                "community_id": s.community_id,
                "session_id": s.session_id,
                "client_token": s.client_token,
            }
            for s in suggestions
        ]
        with self._db.write() as conn:
            conn.execute(insert(t), rows)

    def for_digest(self, digest: str, limit: int) -> list[ScoreSuggestion]:
        """Suggestions about the text with this digest, newest first."""
        stmt = (
            select(t)
            .where(t.c.text_sha256 == digest)
            .order_by(t.c.created_at.desc(), t.c.id.desc())
            .limit(limit)
        )
        with self._db.read() as conn:
            return [_from_row(r) for r in conn.execute(stmt).mappings()]

    def list(self, query: SuggestionQuery) -> list[ScoreSuggestion]:
        """Suggestions matching the query, oldest first."""
        stmt = select(t).order_by(t.c.created_at, t.c.id).limit(query.limit)
        if query.since is not None:
            stmt = stmt.where(t.c.created_at >= query.since)
        if query.until is not None:
            stmt = stmt.where(t.c.created_at < query.until)
        if query.attribute is not None:
            stmt = stmt.where(t.c.attribute == query.attribute)
        if query.after is not None:
            at, last = query.after
            stmt = stmt.where(or_(t.c.created_at > at, and_(t.c.created_at == at, t.c.id > last)))
        with self._db.read() as conn:
            return [_from_row(r) for r in conn.execute(stmt).mappings()]
