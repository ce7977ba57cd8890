"""Delivers events to subscribers: signed POSTs, jittered exponential retries, a delivery log,
and auto-disable after too many consecutive failures.

Each subscription has a cursor over the event log (an `EventPosition`: transaction id, then
`seq`), advanced after every event whether it was delivered or given up on (the log says which).
Every subscription is delivered by its own task with its own retry backoff, so a slow or dead
endpoint costs its own retries and never holds back other subscriptions.

Chat notification channels (Slack, Discord) are subscriptions of another `kind`: a `Renderer`
for that kind turns an event into the platform's message, or into nothing (below the channel's
severity, in its quiet hours), and the same cursor, retries, delivery log and auto-disable apply.

A webhook's host is resolved before every delivery and each address checked against the
`TargetPolicy` (targets.py); the POST then goes to the checked address itself (the URL's name
travels in `Host` and in TLS's SNI, and the certificate is verified against it), so a name
that resolves to a private address at delivery time is refused however it resolved before.
The delivery log says only "no answer" or "not allowed": which network error it was (refused,
reset, timed out) would tell an API user which ports are open.
"""

from __future__ import annotations

import asyncio
import ipaddress
import random
import socket
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import anyio
import httpx
import orjson
import stamina
import structlog

from civility.clock import Clock
from civility.errors import DomainError
from civility.events.models import Event, EventPosition, EventType, new_event
from civility.ids import new_id
from civility.webhooks.models import DeliveryRecord, Subscription, WebhookRepository
from civility.webhooks.signing import HEADER, signature_header
from civility.webhooks.targets import IPAddress, TargetPolicy, parse_ip

log = structlog.get_logger(__name__)

# Resolves a host name to its addresses (a stub in tests; getaddrinfo otherwise).
Resolver = Callable[[str, int], Awaitable[list[str]]]
NO_ANSWER = "no answer from the target"
NOT_ALLOWED = "target address not allowed"


async def resolve(host: str, port: int) -> list[str]:
    """Returns every address getaddrinfo gives for a host (IPv4 and IPv6)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class BlockedTarget(Exception):
    """A webhook's host resolved to an address the target policy refuses (never retried)."""


class RetryableStatus(Exception):
    """The receiver answered 5xx or 429: worth another try (after `retry_after` if it said)."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


RETRY_ON = (httpx.TransportError, RetryableStatus)
# A receiver's own Retry-After is honoured up to this long; beyond it our backoff decides.
MAX_RETRY_AFTER = 60.0


def backoff(exc: Exception) -> bool | float:
    """Tells stamina whether to retry, and how long to wait when the receiver said (429).

    Slack and Discord answer a rate-limited call with 429 and how long to wait; waiting that,
    plus up to a second of jitter so replicas do not retry in step, is what they ask for.
    """
    if isinstance(exc, RetryableStatus) and exc.retry_after is not None:
        return min(exc.retry_after, MAX_RETRY_AFTER) + random.uniform(0, 1.0)
    return isinstance(exc, RETRY_ON)


def retry_after(response: httpx.Response) -> float | None:
    """Reads how long a 429 asks to wait: Retry-After, or the JSON `retry_after` (Discord)."""
    header = response.headers.get("retry-after")
    try:
        if header is not None:
            return max(float(header), 0.0)
        body = orjson.loads(response.content) if response.content else None
    except (ValueError, orjson.JSONDecodeError):
        return None
    value = body.get("retry_after") if isinstance(body, dict) else None
    return max(float(value), 0.0) if isinstance(value, int | float) else None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What to POST for one event: the body and its headers."""

    body: bytes
    headers: Mapping[str, str]


class Renderer(Protocol):
    """Builds a chat channel's message for an event; None when the channel should not get it."""

    def render(self, sub: Subscription, event: Event, now: datetime) -> Outgoing | None:
        """Returns the message for the event, or None (filtered out)."""
        ...


class Leader(Protocol):
    """Elects the one process of a deployment that delivers (deliveries are not shared)."""

    def acquire(self) -> bool:
        """Becomes, or confirms it still is, the leader; False while another process leads."""
        ...

    def release(self) -> None:
        """Gives up leadership."""
        ...


class WebhookDispatcher:
    """Polls the event log for every enabled subscription and POSTs what it wants.

    With a `leader`, only the process holding it delivers; the others wait and take over when
    it goes (every `serve` replica can run a dispatcher safely).
    """

    def __init__(
        self,
        repo: WebhookRepository,
        clock: Clock,
        client_factory: Callable[[], httpx.AsyncClient] = httpx.AsyncClient,
        *,
        max_attempts: int = 5,
        max_consecutive_failures: int = 10,
        batch: int = 100,
        poll_seconds: float = 1.0,
        timeout: float = 10.0,
        leader: Leader | None = None,
        renderers: Mapping[str, Renderer] | None = None,
        targets: TargetPolicy | None = None,
        resolver: Resolver = resolve,
        tenant: str = "default",
    ) -> None:
        self._tenant = tenant
        self._targets = targets or TargetPolicy()
        self._resolve = resolver
        self._leader = leader
        self._renderers = dict(renderers or {})
        self._repo = repo
        self._clock = clock
        self._client_factory = client_factory
        self._max_attempts = max_attempts
        self._max_failures = max_consecutive_failures
        self._batch = batch
        self._poll = poll_seconds
        self._timeout = timeout
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        """Asks the loop to return."""
        self._stopping.set()

    async def run(self) -> None:
        """Dispatches until stop() is called (while this process leads, if there is a leader).

        Each enabled subscription gets a task that delivers one batch; a subscription whose
        batch was empty waits `poll_seconds` before the next, one with more goes on at once.
        """
        running: dict[str, asyncio.Task[int]] = {}
        due: dict[str, float] = {}  # monotonic time of each subscription's next batch
        client: httpx.AsyncClient | None = None
        stopping = asyncio.ensure_future(self._stopping.wait())
        try:
            while not self._stopping.is_set():
                subs: list[Subscription] = []
                if await self._leading():
                    subs = await self._enabled()
                    if subs and client is None:
                        # Building a client (and its TLS context) costs milliseconds: not idle.
                        client = self._client_factory()
                    now = time.monotonic()
                    for sub in subs:
                        if sub.id not in running and due.get(sub.id, now) <= now:
                            running[sub.id] = asyncio.create_task(
                                self._dispatch_logged(client, sub)
                            )
                else:
                    await _cancel(running.values())
                    running.clear()
                # Wake for the first of: stop, a batch done, the next subscription due, a poll.
                now = time.monotonic()
                waits = [due[s.id] - now for s in subs if s.id not in running and s.id in due]
                timeout = max(0.0, min([self._poll, *waits]))
                await asyncio.wait(
                    [stopping, *running.values()],
                    timeout=timeout,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                now = time.monotonic()
                for sub_id, task in list(running.items()):
                    if task.done():
                        del running[sub_id]
                        due[sub_id] = now if task.result() > 0 else now + self._poll
        finally:
            stopping.cancel()
            await _cancel(running.values())
            if client is not None:
                await client.aclose()
            if self._leader is not None:
                await anyio.to_thread.run_sync(self._leader.release)

    async def _enabled(self) -> list[Subscription]:
        try:
            return [s for s in await anyio.to_thread.run_sync(self._repo.all) if s.enabled]
        except (DomainError, OSError) as exc:
            log.warning("webhooks.dispatch_failed", error=repr(exc))
            return []

    async def _dispatch_logged(self, client: httpx.AsyncClient | None, sub: Subscription) -> int:
        assert client is not None  # made before the first task
        try:
            return await self._dispatch(client, sub)
        except (DomainError, OSError) as exc:
            log.warning("webhooks.dispatch_failed", subscription=sub.id, error=repr(exc))
            return 0

    async def _leading(self) -> bool:
        if self._leader is None:
            return True
        return await anyio.to_thread.run_sync(self._leader.acquire)

    async def run_once(self) -> int:
        """Delivers one batch per enabled subscription; returns how many deliveries it made."""
        subs = [s for s in await anyio.to_thread.run_sync(self._repo.all) if s.enabled]
        if not subs:
            # Building an HTTP client (and its TLS context) costs milliseconds: not while idle.
            return 0
        async with self._client_factory() as client:
            # Concurrently: one endpoint's retries never hold back another's deliveries.
            made = await asyncio.gather(*(self._dispatch(client, sub) for sub in subs))
        return sum(made)

    async def _dispatch(self, client: httpx.AsyncClient, sub: Subscription) -> int:
        events = await anyio.to_thread.run_sync(self._repo.events_after, sub.position, self._batch)
        made, saved = 0, sub.position
        for event in events:
            position = EventPosition.of(event)
            outgoing = await self._outgoing(sub, event) if sub.wants(event.type) else None
            if outgoing is None:
                sub = sub.at(position)
                continue
            record = await self._deliver(client, sub, event, outgoing)
            sub, notes = self._after(sub, record, position)
            await anyio.to_thread.run_sync(self._save_progress, sub, record, notes)
            made, saved = made + 1, sub.position
            if not sub.enabled:
                return made
        if sub.position != saved:
            await anyio.to_thread.run_sync(self._save_progress, sub, None, [])
        return made

    def _save_progress(
        self, sub: Subscription, record: DeliveryRecord | None, events: list[Event]
    ) -> None:
        with self._repo.transaction() as tx:
            tx.save_progress(sub, record)
            tx.record(events)

    def _after(
        self, sub: Subscription, record: DeliveryRecord, position: EventPosition
    ) -> tuple[Subscription, list[Event]]:
        failures = 0 if record.ok else sub.consecutive_failures + 1
        if failures < self._max_failures:
            return sub.at(position).with_(consecutive_failures=failures), []
        log.warning("webhooks.disabled", subscription=sub.id, failures=failures)
        disabled = new_event(
            EventType.WEBHOOK_DISABLED,
            subject=("webhook", sub.id),
            actor="system:webhooks",
            payload={"consecutive_failures": failures, "last_error": record.error},
            at=self._clock.now(),
        )
        return sub.at(position).with_(consecutive_failures=failures, enabled=False), [disabled]

    async def _outgoing(self, sub: Subscription, event: Event) -> Outgoing | None:
        """Returns what to send for an event: the signed JSON event, or a chat message."""
        if sub.kind == "webhook":
            return Outgoing(orjson.dumps(event.to_dict()), {})
        renderer = self._renderers.get(sub.kind)
        if renderer is None:
            log.warning("webhooks.no_renderer", subscription=sub.id, kind=sub.kind)
            return None
        # A renderer may read the message's text from the database: off the event loop.
        return await anyio.to_thread.run_sync(renderer.render, sub, event, self._clock.now())

    async def _deliver(
        self, client: httpx.AsyncClient, sub: Subscription, event: Event, outgoing: Outgoing
    ) -> DeliveryRecord:
        attempts, status, error = 0, None, None
        start = time.perf_counter()
        try:
            async for attempt in stamina.retry_context(
                on=backoff,
                attempts=self._max_attempts,
                wait_initial=0.5,
                wait_max=60.0,
                wait_jitter=1.0,
                timeout=None,
            ):
                with attempt:
                    attempts += 1
                    status = await self._post(client, sub, event, outgoing)
        except BlockedTarget as exc:
            log.warning("webhooks.target_refused", subscription=sub.id, error=str(exc))
            error, status = NOT_ALLOWED, None
        except RETRY_ON as exc:
            # The cause stays in the server's log: refused, reset and timed out look alike.
            log.info("webhooks.delivery_failed", subscription=sub.id, error=repr(exc))
            status = exc.status if isinstance(exc, RetryableStatus) else None
            error = NO_ANSWER if status is None else f"HTTP {status}"
        ok = status is not None and 200 <= status < 300
        if status is not None and not ok and error is None:
            error = f"HTTP {status}"
        return DeliveryRecord(
            subscription_id=sub.id,
            event_id=event.id,
            event_type=event.type,
            attempts=attempts,
            status_code=status,
            ok=ok,
            error=error,
            duration_ms=round((time.perf_counter() - start) * 1000, 2),
            created_at=self._clock.now(),
        )

    async def _post(
        self, client: httpx.AsyncClient, sub: Subscription, event: Event, outgoing: Outgoing
    ) -> int:
        body = outgoing.body
        headers = {"Content-Type": "application/json", **outgoing.headers}
        url: str | httpx.URL = sub.url
        extensions: dict[str, Any] = {}
        if sub.kind == "webhook":
            url, pinned_headers, extensions = await self._pin(httpx.URL(sub.url))
            headers |= pinned_headers
            now = self._clock.now()
            headers |= {
                HEADER: signature_header(sub.signing_secrets(now), int(now.timestamp()), body),
                "Civility-Event-Id": event.id,
                "Civility-Event-Type": event.type,
                "Civility-Delivery-Id": new_id("dlv"),
                "Civility-Tenant": self._tenant,
            }
        response = await client.post(
            url, content=body, headers=headers, timeout=self._timeout, extensions=extensions
        )
        if response.status_code == 429:
            raise RetryableStatus(429, retry_after(response))
        if response.status_code >= 500:
            raise RetryableStatus(response.status_code)
        return response.status_code

    async def _pin(self, url: httpx.URL) -> tuple[httpx.URL, dict[str, str], dict[str, Any]]:
        """Resolves and checks a webhook's host; returns the URL of the checked address.

        Every address the name resolves to must pass: a resolver answering one public and one
        private address must not get the private one picked by the connection.
        """
        host = url.raw_host.decode("ascii")
        literal = parse_ip(host.strip("[]"))
        addresses: list[IPAddress]
        if literal is not None:
            addresses = [literal]
        else:
            try:
                found = await self._resolve(
                    host, url.port or (443 if url.scheme == "https" else 80)
                )
                addresses = [ipaddress.ip_address(a.split("%")[0]) for a in found]
            except (OSError, ValueError) as exc:
                raise httpx.ConnectError(f"{host} did not resolve: {exc!r}") from exc
            if not addresses:
                raise httpx.ConnectError(f"{host} resolved to nothing")
        refused = [a for a in addresses if not self._targets.allows_address(a, host)]
        if refused:
            raise BlockedTarget(f"{host} resolved to {refused[0]}")
        headers = {"Host": url.netloc.decode("ascii")}
        # TLS still names (and verifies the certificate of) the host, not the address.
        extensions = {"sni_hostname": host} if url.scheme == "https" and literal is None else {}
        return url.copy_with(host=str(addresses[0])), headers, extensions


async def _cancel(tasks: Iterable[asyncio.Task[int]]) -> None:
    """Cancels delivery tasks and waits until they have stopped."""
    pending = [t for t in tasks if not t.done()]
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
