"""Events: every automated or human action, recorded once and never edited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from civility.ids import new_id

SCHEMA_VERSION = 1


class EventType(StrEnum):
    """Every event type civility records (docs/events.md); the value doubles as the routing key.

    Build events with `new_event`, which takes one of these, never a bare string.
    """

    MESSAGE_ALLOWED = "message.allowed"
    MESSAGE_FLAGGED = "message.flagged"
    MESSAGE_HIDDEN = "message.hidden"
    MESSAGE_BLOCKED = "message.blocked"
    # A person's decision (moderation.decisions): shown again, or removed after review.
    MESSAGE_RESTORED = "message.restored"
    MESSAGE_REMOVED = "message.removed"
    APIKEY_CREATED = "apikey.created"
    REVIEW_CLAIMED = "review.claimed"
    REVIEW_RESOLVED = "review.resolved"
    REVIEW_ESCALATED = "review.escalated"
    REVIEW_REVERSED = "review.reversed"
    # The review queue's pending items crossed CIVILITY_REVIEW_BACKLOG_ALERT (notifications).
    REVIEW_BACKLOG = "review.backlog"
    REVIEW_NOTE_ADDED = "review.note_added"
    USER_NOTE_ADDED = "user.note_added"
    USER_BANNED = "user.banned"
    USER_UNBANNED = "user.unbanned"
    USER_STRIKE_ADDED = "user.strike_added"
    USER_STRIKES_RESET = "user.strikes_reset"
    USER_WARNED = "user.warned"
    POLICY_UPDATED = "policy.updated"
    BLOCKLIST_ENTRY_ADDED = "blocklist.entry_added"
    BLOCKLIST_ENTRY_REMOVED = "blocklist.entry_removed"
    DASHBOARD_USER_CREATED = "dashboard.user_created"
    DASHBOARD_LOGIN = "dashboard.login"
    DASHBOARD_USER_DISABLED = "dashboard.user_disabled"
    DASHBOARD_USER_ENABLED = "dashboard.user_enabled"
    APIKEY_REVOKED = "apikey.revoked"
    TENANT_CREATED = "tenant.created"
    TENANT_UPDATED = "tenant.updated"
    TENANT_DISABLED = "tenant.disabled"
    TENANT_ENABLED = "tenant.enabled"
    # Data rights: an author's data erased (the event holds none of it); old texts purged.
    AUTHOR_ERASED = "author.erased"
    MESSAGES_PURGED = "messages.purged"
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_DELETED = "webhook.deleted"
    WEBHOOK_SECRET_ROTATED = "webhook.secret_rotated"  # noqa: S105  (an event type)
    WEBHOOK_ENABLED = "webhook.enabled"
    WEBHOOK_DISABLED = "webhook.disabled"
    RATING_SUSPICIOUS = "rating.suspicious"
    # For integrators: the hand-off of a suspicious rating to an external review tool.
    REVIEW_REQUESTED = "review.requested"
    # User reports (civility.user_reports) and appeals (civility.appeals).
    REPORT_RECEIVED = "report.received"
    REPORT_RESOLVED = "report.resolved"
    REPORT_REOPENED = "report.reopened"
    APPEAL_SUBMITTED = "appeal.submitted"
    APPEAL_UPHELD = "appeal.upheld"
    APPEAL_DENIED = "appeal.denied"


# Keyed by the action's value (an Action is a str), so the event log needs nothing from policy/.
DECISION_EVENT: dict[str, EventType] = {
    "allow": EventType.MESSAGE_ALLOWED,
    "flag": EventType.MESSAGE_FLAGGED,
    "hide": EventType.MESSAGE_HIDDEN,
    "block": EventType.MESSAGE_BLOCKED,
}


def type_matches(patterns: Sequence[str], event_type: str) -> bool:
    """Tells whether an event type matches one of the patterns (`*`, `message.*`, exact)."""
    return any(
        p == "*" or p == event_type or (p.endswith(".*") and event_type.startswith(p[:-1]))
        for p in patterns
    )


@dataclass(frozen=True, slots=True, order=True)
class EventPosition:
    """A place in the event log, compared as (txid, seq): followers read what lies after it.

    On PostgreSQL a transaction can commit after a later-numbered one, so followers order by
    transaction id first; every transaction below the oldest running one is finished, so the
    rows behind such a position can no longer change. SQLite commits in seq order: txid is 0.
    """

    txid: int
    seq: int

    @classmethod
    def of(cls, event: Event) -> EventPosition:
        """Returns the position of a stored event (one read back from the log)."""
        if event.seq is None:
            raise ValueError(f"event {event.id!r} has no seq: it was not read from the log")
        return cls(event.txid or 0, event.seq)


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the log; `id` is deterministic where redelivery could repeat the action."""

    id: str
    type: str
    actor: str
    subject_type: str
    subject_id: str
    channel_id: str | None
    payload: dict[str, Any]
    created_at: datetime
    seq: int | None = field(default=None)
    # Storage detail (the writing transaction on PostgreSQL, None elsewhere): never published.
    txid: int | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Returns the versioned JSON form used by the API and by publishers."""
        return {
            "schema_version": SCHEMA_VERSION,
            "seq": self.seq,
            "id": self.id,
            "type": self.type,
            "actor": self.actor,
            "subject": {"type": self.subject_type, "id": self.subject_id},
            "channel_id": self.channel_id,
            "payload": self.payload,
            "created_at": self.created_at.isoformat(),
        }


def new_event(
    type: EventType,
    *,
    subject: tuple[str, str],
    actor: str,
    payload: dict[str, Any],
    at: datetime,
    channel_id: str | None = None,
    id: str | None = None,
) -> Event:
    """Builds an event of a documented type about `subject` (its type, its id).

    `id` is fresh unless given: give a deterministic one where a repeated attempt of the same
    action must collide instead of recording it twice.
    """
    return Event(
        id=id or new_id("evt"),
        type=type.value,
        actor=actor,
        subject_type=subject[0],
        subject_id=subject[1],
        channel_id=channel_id,
        payload=payload,
        created_at=at,
    )


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for reading the log, newest first, paged by sequence number."""

    type: str | None = None
    actor: str | None = None
    channel_id: str | None = None
    subject_id: str | None = None
    before_seq: int | None = None
    limit: int = 50
    created_from: datetime | None = None
    created_to: datetime | None = None


class EventRepository(Protocol):
    """Reads the event log (writes happen inside the transactions of the actions)."""

    def list_events(self, query: EventQuery) -> list[Event]:
        """Returns events matching the query, newest first."""
        ...
