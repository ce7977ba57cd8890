"""The audit events of enforcement records: one event per strike, warning, ban, unban, reset."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from civility.enforcement.records import (
    SYSTEM_ACTOR,
    BanIssued,
    BanLifted,
    EnforcementRecord,
    StrikeAdded,
    StrikesReset,
    WarningIssued,
    record_to_dict,
)
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id

_TYPES: dict[type, EventType] = {
    StrikeAdded: EventType.USER_STRIKE_ADDED,
    StrikesReset: EventType.USER_STRIKES_RESET,
    WarningIssued: EventType.USER_WARNED,
    BanIssued: EventType.USER_BANNED,
    BanLifted: EventType.USER_UNBANNED,
}


def actor_of(record: EnforcementRecord) -> str:
    """Returns who took the action (`system` for what a decision triggered)."""
    return getattr(record, "actor", SYSTEM_ACTOR)


def record_event(
    record: EnforcementRecord, *, message_id: str | None = None, now: datetime | None = None
) -> Event:
    """Builds the event of one record.

    Records caused by a message get an id derived from it, so a repeated attempt to store
    the same consequences collides instead of writing a second event.
    """
    payload: dict[str, Any] = record_to_dict(record)
    payload.pop("kind", None)
    if message_id is not None:
        payload["message_id"] = message_id
    if message_id is not None:
        scope = record.channel_id or "*"
        event_id = f"{record.kind}:{message_id}:{scope}"
    else:
        event_id = new_id("evt")
    return new_event(
        _TYPES[type(record)],
        id=event_id,
        subject=("user", record.user_id),
        actor=actor_of(record),
        channel_id=record.channel_id,
        payload=payload,
        at=now or record.at,
    )
