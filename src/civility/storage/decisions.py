"""SQL side of human decisions: rows, the current-decision join, and history reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, and_, insert, select

from civility.moderation.decisions import DecisionSource, HumanDecision
from civility.policy.verdict import Action
from civility.storage.bulk import any_of
from civility.storage.tables_decisions import human_decisions

# The newest human decision of a message, joined as `latest_human`.
latest_human = human_decisions.alias("latest_human")
_newer = human_decisions.alias("newer_human")

LATEST_COLUMNS = (
    latest_human.c.id.label("h_id"),
    latest_human.c.version.label("h_version"),
    latest_human.c.action.label("h_action"),
    latest_human.c.previous_action.label("h_previous_action"),
    latest_human.c.actor.label("h_actor"),
    latest_human.c.source.label("h_source"),
    latest_human.c.reverses.label("h_reverses"),
    latest_human.c.created_at.label("h_created_at"),
)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def latest_condition(message_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """Join condition of `latest_human` on a message id column: its highest version only."""
    newer = (
        select(_newer.c.id)
        .where(_newer.c.message_id == latest_human.c.message_id)
        .where(_newer.c.version > latest_human.c.version)
        .exists()
    )
    return and_(latest_human.c.message_id == message_id, ~newer)


def latest_from(m: Any, message_id: str) -> HumanDecision | None:
    """Rebuilds the joined newest human decision from a row mapping (None if none)."""
    if m["h_id"] is None:
        return None
    created = _utc(m["h_created_at"])
    return HumanDecision(
        id=m["h_id"],
        message_id=message_id,
        version=m["h_version"],
        action=Action(m["h_action"]),
        previous_action=Action(m["h_previous_action"]),
        actor=m["h_actor"],
        source=DecisionSource(m["h_source"]),
        created_at=created,
        reverses=m["h_reverses"],
    )


def _row(d: HumanDecision) -> dict[str, Any]:
    return {
        "id": d.id,
        "message_id": d.message_id,
        "version": d.version,
        "action": d.action.value,
        "previous_action": d.previous_action.value,
        "actor": d.actor,
        "source": d.source.value,
        "reverses": d.reverses,
        "created_at": d.created_at,
    }


def _from_row(r: Row[Any]) -> HumanDecision:
    created = _utc(r.created_at)
    return HumanDecision(
        id=r.id,
        message_id=r.message_id,
        version=r.version,
        action=Action(r.action),
        previous_action=Action(r.previous_action),
        actor=r.actor,
        source=DecisionSource(r.source),
        created_at=created,
        reverses=r.reverses,
    )


def insert_human_decisions(conn: Connection, decisions: Sequence[HumanDecision]) -> None:
    """Appends human decisions inside the caller's transaction (with their events).

    A decision whose version is taken raises IntegrityError (Conflict through
    translate_errors): someone else decided on the same current decision first.
    """
    if decisions:
        conn.execute(insert(human_decisions), [_row(d) for d in decisions])


def history(
    conn: Connection, dialect: str, message_ids: Sequence[str]
) -> dict[str, list[HumanDecision]]:
    """Returns the human decisions of the given messages, oldest first."""
    if not message_ids:
        return {}
    h = human_decisions.c
    stmt = (
        select(human_decisions)
        .where(any_of(dialect, h.message_id, message_ids))
        .order_by(h.message_id, h.version)
    )
    out: dict[str, list[HumanDecision]] = {}
    for row in conn.execute(stmt).all():
        out.setdefault(row.message_id, []).append(_from_row(row))
    return out
