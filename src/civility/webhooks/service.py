"""Managing subscriptions: create, list, delete, rotate secrets, read the delivery log."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from civility.clock import Clock
from civility.errors import Invalid, NotFound
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.webhooks.models import DeliveryRecord, Subscription, WebhookRepository
from civility.webhooks.targets import TargetPolicy

MAX_EVENT_TYPES = 50


def new_secret() -> str:
    """Returns a fresh signing secret."""
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookService:
    """Subscriptions and their secrets; every change is an event in the same transaction."""

    def __init__(
        self,
        repo: WebhookRepository,
        clock: Clock,
        *,
        rotation_grace: timedelta,
        targets: TargetPolicy | None = None,
    ) -> None:
        self._targets = targets or TargetPolicy()
        self._repo = repo
        self._clock = clock
        self._grace = rotation_grace

    def create(self, url: str, event_types: list[str], actor: str) -> Subscription:
        """Subscribes a URL to event types (patterns like `message.*`); new events only."""
        self._targets.check_url(url)
        types = tuple(dict.fromkeys(t.strip() for t in event_types if t.strip()))
        if not types or len(types) > MAX_EVENT_TYPES:
            raise Invalid(f"give 1 to {MAX_EVENT_TYPES} event types", code="bad_event_types")
        now = self._clock.now()
        start = self._repo.last_event_position()
        sub = Subscription(
            id=new_id("whk"),
            url=url,
            event_types=types,
            secret=new_secret(),
            previous_secret=None,
            previous_secret_until=None,
            enabled=True,
            consecutive_failures=0,
            cursor=start.seq,
            created_at=now,
            cursor_txid=start.txid,
        )
        with self._repo.transaction() as tx:
            tx.add(sub)
            tx.record([self._event(EventType.WEBHOOK_CREATED, sub, actor, url=url)])
        return sub

    def all(self) -> list[Subscription]:
        """Returns every subscription (Slack and Discord channels are notifications' own)."""
        return [s for s in self._repo.all() if s.kind == "webhook"]

    def get(self, sub_id: str) -> Subscription:
        """Returns one subscription; raises NotFound."""
        sub = self._repo.get(sub_id)
        if sub is None or sub.kind != "webhook":
            raise NotFound(f"no webhook with id {sub_id!r}", code="webhook_not_found")
        return sub

    def delete(self, sub_id: str, actor: str) -> None:
        """Removes a subscription and its delivery log."""
        sub = self.get(sub_id)
        with self._repo.transaction() as tx:
            tx.delete(sub.id)
            tx.record([self._event(EventType.WEBHOOK_DELETED, sub, actor)])

    def rotate_secret(self, sub_id: str, actor: str) -> Subscription:
        """Issues a new secret; the old one keeps signing (alongside) for the grace period."""
        sub = self.get(sub_id)
        now = self._clock.now()
        rotated = sub.with_(
            secret=new_secret(), previous_secret=sub.secret, previous_secret_until=now + self._grace
        )
        self._update(rotated, self._event(EventType.WEBHOOK_SECRET_ROTATED, sub, actor))
        return rotated

    def enable(self, sub_id: str, actor: str, *, skip_backlog: bool = False) -> Subscription:
        """Turns a (possibly auto-disabled) subscription back on, resetting its failure count.

        Delivery resumes after the last event it had reached, so nothing that happened while
        it was off is lost; `skip_backlog` starts from the newest event instead.
        """
        sub = self.get(sub_id)
        position = self._repo.last_event_position() if skip_backlog else sub.position
        enabled = sub.at(position).with_(enabled=True, consecutive_failures=0)
        event = self._event(
            EventType.WEBHOOK_ENABLED,
            sub,
            actor,
            skip_backlog=skip_backlog,
            resumes_after=position.seq,
            resumes_after_txid=position.txid,
        )
        self._update(enabled, event)
        return enabled

    def disable(self, sub_id: str, actor: str) -> Subscription:
        """Stops deliveries to a subscription; its place in the event log is kept."""
        sub = self.get(sub_id)
        disabled = sub.with_(enabled=False)
        self._update(disabled, self._event(EventType.WEBHOOK_DISABLED, sub, actor))
        return disabled

    def deliveries(self, sub_id: str, limit: int) -> list[DeliveryRecord]:
        """Returns the newest deliveries of a subscription."""
        return self._repo.deliveries(self.get(sub_id).id, limit)

    def _update(self, sub: Subscription, event: Event) -> None:
        with self._repo.transaction() as tx:
            tx.update(sub)
            tx.record([event])

    def _event(self, type_: EventType, sub: Subscription, actor: str, **payload: Any) -> Event:
        return new_event(
            type_,
            subject=("webhook", sub.id),
            actor=actor,
            payload={"event_types": list(sub.event_types), **payload},
            at=self._clock.now(),
        )
