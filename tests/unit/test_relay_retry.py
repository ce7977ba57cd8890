"""The relay keeps a batch through broker outages and sends it once the broker is back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import stamina

from civility.errors import Unavailable
from civility.events.models import Event, EventType, new_event
from civility.outbox.relay import OutboxRelay


class Rows:
    """Outbox rows that stay until a publish succeeds (as SqlOutbox.relay_batch does)."""

    def __init__(self, events: list[Event]) -> None:
        self.pending = events

    def relay_batch(self, limit: int, publish: Callable[[Sequence[Event]], None]) -> int:
        batch = self.pending[:limit]
        if batch:
            publish(batch)
            self.pending = self.pending[len(batch) :]
        return len(batch)


class FlakyBroker:
    """Refuses the first `failures` publishes, then confirms; stops the relay when drained."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.sent: list[str] = []
        self.relay: OutboxRelay | None = None

    async def start(self) -> None:
        """Nothing to connect."""

    async def publish(self, events: Sequence[Event]) -> None:
        if self.failures:
            self.failures -= 1
            raise Unavailable("broker down", code="broker_unavailable")
        self.sent += [e.id for e in events]
        assert self.relay is not None
        self.relay.stop()

    async def close(self) -> None:
        """Nothing to close."""


def test_a_batch_survives_broker_outages() -> None:
    at = datetime(2026, 12, 7, tzinfo=UTC)
    events = [
        new_event(
            EventType.MESSAGE_ALLOWED, subject=("message", f"m{i}"), actor="t", payload={}, at=at
        )
        for i in range(3)
    ]
    rows, broker = Rows(events), FlakyBroker(failures=4)
    relay = OutboxRelay(rows, broker)
    broker.relay = relay
    with stamina.set_testing(True, attempts=10):  # the backoff's waits are stamina's to test
        asyncio.run(relay.run())
    assert broker.sent == [e.id for e in events]
    assert rows.pending == []
    assert relay.published == 3
