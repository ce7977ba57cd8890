"""Subscriptions and the delivery log (plain data, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from civility.events.models import Event, EventPosition, type_matches
from civility.events.unit_of_work import Transaction, UnitOfWork


@dataclass(frozen=True, slots=True)
class Subscription:
    """Where to POST which events, signed with which secret(s)."""

    id: str
    url: str
    event_types: tuple[str, ...]
    secret: str
    previous_secret: str | None
    previous_secret_until: datetime | None
    enabled: bool
    consecutive_failures: int
    # The subscription has reached EventPosition(cursor_txid, cursor) in the event log.
    cursor: int
    created_at: datetime
    cursor_txid: int = 0
    # `webhook`: signed JSON events. Otherwise a chat notification channel (`slack`, `discord`)
    # whose messages a renderer for that kind builds from `options`.
    kind: str = "webhook"
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def position(self) -> EventPosition:
        """Returns where in the event log delivery resumes (after this position)."""
        return EventPosition(self.cursor_txid, self.cursor)

    def at(self, position: EventPosition) -> Subscription:
        """Returns a copy whose cursor is `position`."""
        return replace(self, cursor=position.seq, cursor_txid=position.txid)

    def wants(self, event_type: str) -> bool:
        """Tells whether an event type matches one of the patterns (`*`, `message.*`, exact)."""
        return type_matches(self.event_types, event_type)

    def signing_secrets(self, now: datetime) -> list[str]:
        """Returns the current secret, plus the previous one during its grace period."""
        until = self.previous_secret_until
        if self.previous_secret and until is not None and now < until:
            return [self.secret, self.previous_secret]
        return [self.secret]

    def with_(self, **changes: object) -> Subscription:
        """Returns a copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """One event's delivery to one subscription (after its retries)."""

    subscription_id: str
    event_id: str
    event_type: str
    attempts: int
    status_code: int | None
    ok: bool
    error: str | None
    duration_ms: float
    created_at: datetime
    id: int | None = None


class WebhookTransaction(Transaction, Protocol):
    """A write transaction on subscriptions and their delivery log."""

    def add(self, sub: Subscription) -> None:
        """Stores a new subscription."""
        ...

    def delete(self, sub_id: str) -> None:
        """Deletes a subscription and its log."""
        ...

    def update(self, sub: Subscription) -> None:
        """Saves a subscription's secrets, state and cursor."""
        ...

    def save_progress(self, sub: Subscription, delivery: DeliveryRecord | None) -> None:
        """Saves cursor, failure count and enabled flag (never the secrets), logs a delivery."""
        ...


class WebhookRepository(UnitOfWork[WebhookTransaction], Protocol):
    """Subscriptions, their cursors and the delivery log; writes go through `transaction()`."""

    def get(self, sub_id: str) -> Subscription | None:
        """Returns one subscription or None."""
        ...

    def all(self) -> list[Subscription]:
        """Returns every subscription, oldest first."""
        ...

    def last_event_position(self) -> EventPosition:
        """Returns a position after every finished transaction's events (running ones follow)."""
        ...

    def events_after(self, position: EventPosition, limit: int) -> list[Event]:
        """Returns the events after a position, in log order, never skipping a late commit."""
        ...

    def deliveries(self, sub_id: str, limit: int) -> list[DeliveryRecord]:
        """Returns a subscription's deliveries, newest first."""
        ...


def pending(sub: Subscription, events: Sequence[Event]) -> list[Event]:
    """Filters events down to those the subscription wants."""
    return [e for e in events if sub.wants(e.type)]
