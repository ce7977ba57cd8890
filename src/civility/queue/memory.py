"""The in-process queue of the embedded default (not durable: the database is the record)."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from civility import metrics
from civility.queue.base import Delivery


class InMemoryQueue:
    """An asyncio queue with acks, redelivery on nack and a dead-letter list."""

    def __init__(self, max_attempts: int = 5) -> None:
        self._items: deque[Delivery] = deque()
        self._event = asyncio.Event()
        self._max_attempts = max_attempts
        self.dead_letters: list[Delivery] = []
        self.unacked = 0

    async def start(self) -> None:
        """Nothing to connect to."""

    async def publish(self, bodies: Sequence[Mapping[str, Any]]) -> None:
        """Appends bodies to the queue."""
        self._items.extend(Delivery(body=dict(b)) for b in bodies)
        if bodies:
            self._event.set()

    async def receive(self, max_items: int, timeout: float) -> list[Delivery]:
        """Waits up to `timeout` seconds for at least one delivery."""
        if not self._items and timeout > 0:
            self._event.clear()
            try:
                await asyncio.wait_for(self._event.wait(), timeout)
            except TimeoutError:
                return []
        taken: list[Delivery] = []
        while self._items and len(taken) < max_items:
            taken.append(self._items.popleft())
        self.unacked += len(taken)
        return taken

    async def ack(self, deliveries: Sequence[Delivery]) -> None:
        """Forgets acknowledged deliveries."""
        self.unacked -= len(deliveries)

    async def nack(self, deliveries: Sequence[Delivery], *, requeue: bool) -> None:
        """Requeues deliveries until they reach max attempts, then dead-letters them."""
        self.unacked -= len(deliveries)
        for d in deliveries:
            if requeue and d.attempt < self._max_attempts:
                self._items.append(Delivery(body=d.body, attempt=d.attempt + 1))
            else:
                self.dead_letters.append(d)
                metrics.count_dead_letters(1, retry_asked=requeue)
        if self._items:
            self._event.set()

    async def list_dead_letters(self, limit: int) -> list[dict[str, Any]]:
        """Returns up to `limit` dead-lettered bodies, oldest first, leaving them in place."""
        return [d.body for d in self.dead_letters[:limit]]

    async def replay_dead_letters(self, limit: int) -> int:
        """Moves up to `limit` dead letters back onto the queue (attempts counted afresh)."""
        replay, self.dead_letters = self.dead_letters[:limit], self.dead_letters[limit:]
        await self.publish([d.body for d in replay])
        return len(replay)

    async def depth(self) -> int:
        """Returns the number of waiting deliveries."""
        return len(self._items)

    async def ping(self) -> None:
        """Always reachable."""

    async def close(self) -> None:
        """Nothing to release."""
