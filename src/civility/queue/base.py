"""The queue contract every backend (in-process, RabbitMQ, Redis Streams) fulfils."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(slots=True)
class Delivery:
    """One received queue message; `handle` is the backend's own acknowledgement token."""

    body: dict[str, Any]
    handle: Any = None
    attempt: int = 1
    received_at: float = field(default=0.0)


class MessageQueue(Protocol):
    """At-least-once delivery: a message stays owned until acked, and returns if nacked."""

    async def start(self) -> None:
        """Connects and declares what the backend needs."""
        ...

    async def publish(self, bodies: Sequence[Mapping[str, Any]]) -> None:
        """Publishes bodies durably; returns once the backend has confirmed them."""
        ...

    async def receive(self, max_items: int, timeout: float) -> list[Delivery]:
        """Waits up to `timeout` seconds for at least one delivery; returns at most max_items."""
        ...

    async def ack(self, deliveries: Sequence[Delivery]) -> None:
        """Marks deliveries done (call only after their results are committed)."""
        ...

    async def nack(self, deliveries: Sequence[Delivery], *, requeue: bool) -> None:
        """Returns deliveries to the queue, or dead-letters them when requeue is False."""
        ...

    async def depth(self) -> int:
        """Returns how many messages wait (approximately, for metrics)."""
        ...

    async def list_dead_letters(self, limit: int) -> list[dict[str, Any]]:
        """Returns up to `limit` dead-lettered bodies, leaving them where they are."""
        ...

    async def replay_dead_letters(self, limit: int) -> int:
        """Moves up to `limit` dead letters back onto the queue (attempts counted afresh)."""
        ...

    async def ping(self) -> None:
        """Raises if the backend is unreachable."""
        ...

    async def close(self) -> None:
        """Releases connections."""
        ...
