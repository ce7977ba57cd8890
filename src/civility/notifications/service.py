"""Managing notification channels: create (with the URL rules), list, get, delete, enable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from civility.clock import Clock
from civility.errors import Invalid, NotFound
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.notifications.models import DEFAULT_EVENT_TYPES, ChannelKind, ChannelOptions
from civility.webhooks.models import DeliveryRecord, Subscription, WebhookRepository
from civility.webhooks.service import MAX_EVENT_TYPES, new_secret

# Where each platform's incoming webhooks live: a channel may post there and nowhere else
# (unless an admin allows more hosts), so a channel cannot be aimed at internal services.
PLATFORM_URLS = {
    ChannelKind.SLACK: ({"hooks.slack.com"}, "/services/"),
    ChannelKind.DISCORD: (
        {"discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"},
        "/api/webhooks/",
    ),
}


def check_url(kind: ChannelKind, url: str, allowed_hosts: frozenset[str]) -> None:
    """Refuses a URL that is not the platform's incoming-webhook endpoint (or an allowed host).

    Allowed hosts (`host` or `host:port`, from CIVILITY_NOTIFICATIONS_ALLOWED_HOSTS) are for a
    self-hosted relay; they may use plain http.
    """
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number
    except ValueError:
        raise Invalid("url is not a valid URL", code="bad_channel_url") from None
    if len(url) > 2000 or parts.username or parts.password or not parts.hostname:
        raise Invalid("url must be an absolute URL without credentials", code="bad_channel_url")
    host = parts.hostname.lower()
    netloc = f"{host}:{port}" if port else host
    if parts.scheme in ("http", "https") and (host in allowed_hosts or netloc in allowed_hosts):
        return
    hosts, path = PLATFORM_URLS[kind]
    if parts.scheme != "https" or host not in hosts or port not in (None, 443):
        raise Invalid(
            f"a {kind.value} channel posts to https://{sorted(hosts)[0]}{path}… only",
            code="bad_channel_url",
        )
    if not parts.path.startswith(path) or len(parts.path) <= len(path):
        raise Invalid(f"not a {kind.value} incoming-webhook URL", code="bad_channel_url")


def masked_url(url: str) -> str:
    """Returns a webhook URL with its secret path hidden (it is a credential)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…"


@dataclass(frozen=True, slots=True)
class NewChannel:
    """What an admin asks for when adding a channel."""

    kind: ChannelKind
    url: str
    event_types: tuple[str, ...] = DEFAULT_EVENT_TYPES
    options: ChannelOptions = field(default_factory=ChannelOptions)


class NotificationService:
    """Notification channels: webhook subscriptions of kind `slack` or `discord`."""

    def __init__(
        self, repo: WebhookRepository, clock: Clock, allowed_hosts: Sequence[str] = ()
    ) -> None:
        self._repo = repo
        self._clock = clock
        self._allowed = frozenset(h.strip().lower() for h in allowed_hosts if h.strip())

    def create(self, new: NewChannel, actor: str) -> Subscription:
        """Adds a channel; it is told about events from now on."""
        check_url(new.kind, new.url, self._allowed)
        types = tuple(dict.fromkeys(t.strip() for t in new.event_types if t.strip()))
        if not types or len(types) > MAX_EVENT_TYPES:
            raise Invalid(f"give 1 to {MAX_EVENT_TYPES} event types", code="bad_event_types")
        start = self._repo.last_event_position()
        channel = Subscription(
            id=new_id("ntf"),
            url=new.url,
            event_types=types,
            secret=new_secret(),  # unused by chat platforms; the column is required
            previous_secret=None,
            previous_secret_until=None,
            enabled=True,
            consecutive_failures=0,
            cursor=start.seq,
            created_at=self._clock.now(),
            cursor_txid=start.txid,
            kind=new.kind.value,
            options=new.options.to_dict(),
        )
        with self._repo.transaction() as tx:
            tx.add(channel)
            tx.record([self._event(EventType.WEBHOOK_CREATED, channel, actor)])
        return channel

    def all(self) -> list[Subscription]:
        """Returns every notification channel."""
        return [s for s in self._repo.all() if s.kind != "webhook"]

    def get(self, channel_id: str) -> Subscription:
        """Returns one channel; raises NotFound."""
        channel = self._repo.get(channel_id)
        if channel is None or channel.kind == "webhook":
            raise NotFound(
                f"no notification channel with id {channel_id!r}", code="notification_not_found"
            )
        return channel

    def delete(self, channel_id: str, actor: str) -> None:
        """Removes a channel and its delivery log."""
        channel = self.get(channel_id)
        with self._repo.transaction() as tx:
            tx.delete(channel.id)
            tx.record([self._event(EventType.WEBHOOK_DELETED, channel, actor)])

    def set_enabled(self, channel_id: str, enabled: bool, actor: str) -> Subscription:
        """Pauses a channel, or resumes one (after the newest event: no flood of old alerts)."""
        channel = self.get(channel_id)
        kind = EventType.WEBHOOK_ENABLED if enabled else EventType.WEBHOOK_DISABLED
        changed = channel.with_(enabled=enabled, consecutive_failures=0)
        if enabled:
            changed = changed.at(self._repo.last_event_position())
        with self._repo.transaction() as tx:
            tx.update(changed)
            tx.record([self._event(kind, channel, actor)])
        return changed

    def deliveries(self, channel_id: str, limit: int) -> list[DeliveryRecord]:
        """Returns the newest deliveries to a channel."""
        return self._repo.deliveries(self.get(channel_id).id, limit)

    def _event(self, type_: EventType, channel: Subscription, actor: str) -> Event:
        # Never the URL itself: a Slack or Discord webhook URL is a credential.
        payload: dict[str, Any] = {
            "kind": channel.kind,
            "url": masked_url(channel.url),
            "event_types": list(channel.event_types),
        }
        return new_event(
            type_,
            subject=("webhook", channel.id),
            actor=actor,
            payload=payload,
            at=self._clock.now(),
        )
