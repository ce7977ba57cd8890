"""The Redis Streams backend: a consumer group, XACK after commit, reclaim and dead letters.

A publish call's bodies travel in entries of up to `group_size` (as with RabbitMQ: per-entry
work in redis-py, not Redis, is what costs); an entry is acknowledged and deleted once every
body in it is settled. A delivery's attempt is the retry counter stored in the entry plus how
often Redis has handed the entry out (XPENDING's delivery count), so a message whose consumers
keep dying is dead-lettered too, not only one that is nacked.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import redis.asyncio as aioredis
import structlog
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from civility import metrics
from civility.errors import Unavailable
from civility.queue.base import Delivery

log = structlog.get_logger(__name__)

GROUP = "civility-workers"
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


def consumer_name() -> str:
    """Names this consumer uniquely (host, pid and a random suffix)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass(slots=True, eq=False)
class _Entry:
    """One stream entry carrying several bodies; acknowledged once every body is settled."""

    eid: bytes
    unsettled: int


class RedisStreamsQueue:
    """One stream per queue name and `<name>.dead` for dead letters (one body per entry)."""

    def __init__(
        self,
        url: str,
        name: str = "civility.messages",
        *,
        max_attempts: int = 5,
        reclaim_idle_ms: int = 30_000,
        reclaim_interval: float = 5.0,
        consumer: str | None = None,
        group_size: int = 500,
    ) -> None:
        self._redis: aioredis.Redis = aioredis.Redis.from_url(url)
        self._group_size = group_size
        # Bodies of entries already read but not yet handed out (they stay pending in Redis).
        self._buffer: deque[Delivery] = deque()
        self._bodies_per_entry = 1.0
        self.name = name
        self.dead_name = f"{name}.dead"
        self._max_attempts = max_attempts
        self._reclaim_idle_ms = reclaim_idle_ms
        self._reclaim_interval = reclaim_interval
        self._next_reclaim = 0.0
        self.consumer = consumer or consumer_name()

    async def start(self) -> None:
        """Creates the stream and its consumer group if they are missing."""
        try:
            await self._redis.xgroup_create(self.name, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc

    async def publish(self, bodies: Sequence[Mapping[str, Any]]) -> None:
        """Appends entries in one round trip (durable as far as Redis persistence is)."""
        if not bodies:
            return
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                self._append(pipe, self.name, [dict(b) for b in bodies], attempt=1)
                await pipe.execute()
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc

    def _append(self, pipe: Any, stream: str, bodies: list[dict[str, Any]], attempt: int) -> None:
        for k in range(0, len(bodies), self._group_size):
            pipe.xadd(stream, {"b": orjson.dumps(bodies[k : k + self._group_size]), "a": attempt})

    async def receive(self, max_items: int, timeout: float) -> list[Delivery]:
        """Reclaims stale entries of dead consumers, else reads new ones (blocking)."""
        if not self._buffer:
            try:
                self._buffer.extend(
                    await self._reclaim(max_items) or await self._read(max_items, timeout)
                )
            except OUTAGE as exc:
                log.warning("redis.receive_failed", error=repr(exc))
                return []
        return [self._buffer.popleft() for _ in range(min(max_items, len(self._buffer)))]

    async def _read(self, max_items: int, timeout: float) -> list[Delivery]:
        # As many entries as should hold max_items bodies, judging by the entries seen so far.
        count = max(1, min(max_items, round(max_items / self._bodies_per_entry)))
        block = int(timeout * 1000) if timeout > 0 else None
        reply: Any = await self._redis.xreadgroup(
            GROUP, self.consumer, {self.name: ">"}, count=count, block=block
        )
        entries: list[Any] = [e for _, stream_entries in (reply or []) for e in stream_entries]
        out = [d for eid, fields in entries for d in self._deliveries(eid, fields, delivered=1)]
        if entries:
            self._bodies_per_entry = max(1.0, len(out) / len(entries))
        return out

    async def _reclaim(self, max_items: int) -> list[Delivery]:
        now = time.monotonic()
        if now < self._next_reclaim:
            return []
        self._next_reclaim = now + self._reclaim_interval
        _, entries, *_ = await self._redis.xautoclaim(
            self.name, GROUP, self.consumer, self._reclaim_idle_ms, "0-0", count=max_items
        )
        entries = [(eid, fields) for eid, fields in entries if fields]
        if not entries:
            return []
        counts = await self._delivery_counts([eid for eid, _ in entries])
        deliveries = [
            d
            for eid, fields in entries
            for d in self._deliveries(eid, fields, delivered=counts.get(eid, 2))
        ]
        log.info("redis.reclaimed", entries=len(entries), count=len(deliveries))
        spent = [d for d in deliveries if d.attempt > self._max_attempts]
        if spent:
            await self._settle_elsewhere(spent, self.dead_name, lambda d: d.attempt)
            metrics.count_dead_letters(len(spent), retry_asked=True)
        return [d for d in deliveries if d.attempt <= self._max_attempts]

    async def _delivery_counts(self, ids: Sequence[bytes]) -> dict[bytes, int]:
        rows = await self._redis.xpending_range(
            self.name,
            GROUP,
            min=min(ids),
            max=max(ids),
            count=len(ids) * 2,
            consumername=self.consumer,
        )
        return {bytes(row["message_id"]): int(row["times_delivered"]) for row in rows}  # type: ignore[arg-type]

    def _deliveries(
        self, eid: bytes, fields: Mapping[bytes, bytes], *, delivered: int
    ) -> list[Delivery]:
        try:
            decoded = orjson.loads(fields.get(b"b", b"null"))
        except orjson.JSONDecodeError:
            decoded = None
        # Entries written before grouping carry one body, not a list.
        raw = decoded if isinstance(decoded, list) and decoded else [decoded]
        bodies = [
            b if isinstance(b, dict) else {"undecodable": str(fields.get(b"b", b""))[:200]}
            for b in raw
        ]
        attempt = int(fields.get(b"a", b"1")) + delivered - 1
        entry = _Entry(eid, len(bodies))
        return [Delivery(body=b, handle=entry, attempt=attempt) for b in bodies]

    async def ack(self, deliveries: Sequence[Delivery]) -> None:
        """Settles deliveries; entries whose bodies are all settled are acked and deleted."""
        done = _settle(deliveries)
        if not done:
            return
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.xack(self.name, GROUP, *done)
                pipe.xdel(self.name, *done)
                await pipe.execute()
        except OUTAGE as exc:  # they stay pending and are reclaimed later
            log.warning("redis.ack_failed", error=repr(exc))

    async def nack(self, deliveries: Sequence[Delivery], *, requeue: bool) -> None:
        """Re-appends with attempt + 1, or moves to the dead-letter stream."""
        retry = [d for d in deliveries if requeue and d.attempt < self._max_attempts]
        dead = [d for d in deliveries if not any(d is r for r in retry)]
        try:
            if retry:
                await self._settle_elsewhere(retry, self.name, lambda d: d.attempt + 1)
            if dead:
                await self._settle_elsewhere(dead, self.dead_name, lambda d: d.attempt)
                metrics.count_dead_letters(len(dead), retry_asked=requeue)
        except OUTAGE as exc:
            log.warning("redis.nack_failed", error=repr(exc))

    async def _settle_elsewhere(
        self, deliveries: Sequence[Delivery], stream: str, attempt: Callable[[Delivery], int]
    ) -> None:
        """Appends the bodies to `stream` and settles them, in one transaction."""
        by_attempt: dict[int, list[dict[str, Any]]] = {}
        for d in deliveries:
            by_attempt.setdefault(attempt(d), []).append(d.body)
        async with self._redis.pipeline(transaction=True) as pipe:
            for n, bodies in by_attempt.items():
                if stream == self.dead_name:
                    for b in bodies:  # one entry per dead letter, to be looked at one by one
                        pipe.xadd(stream, {"b": orjson.dumps(b), "a": n})
                else:
                    self._append(pipe, stream, bodies, attempt=n)
            done = _settle(deliveries)
            if done:
                pipe.xack(self.name, GROUP, *done)
                pipe.xdel(self.name, *done)
            await pipe.execute()

    async def depth(self) -> int:
        """Returns entries not yet delivered to any consumer (the group's lag)."""
        try:
            groups = await self._redis.xinfo_groups(self.name)
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc
        for g in groups:
            if g["name"] in (GROUP, GROUP.encode()):
                lag = g.get("lag")
                if lag is not None:
                    return int(lag)
                return int(await self._redis.xlen(self.name)) - int(g["pending"])
        return 0

    async def dead_letter_depth(self) -> int:
        """Returns how many entries sit in the dead-letter stream."""
        return int(await self._redis.xlen(self.dead_name))

    async def list_dead_letters(self, limit: int) -> list[dict[str, Any]]:
        """Returns up to `limit` dead-lettered bodies, oldest first, leaving them in place."""
        try:
            entries: Any = await self._redis.xrange(self.dead_name, count=limit)
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc
        return [d.body for eid, f in entries for d in self._deliveries(eid, f, delivered=1)]

    async def replay_dead_letters(self, limit: int) -> int:
        """Moves up to `limit` dead letters back onto the queue (attempts counted afresh)."""
        try:
            entries: Any = await self._redis.xrange(self.dead_name, count=limit)
            bodies = [d.body for eid, f in entries for d in self._deliveries(eid, f, delivered=1)]
            if not entries:
                return 0
            # One transaction: a crash cannot leave a letter both replayed and dead, or neither.
            async with self._redis.pipeline(transaction=True) as pipe:
                self._append(pipe, self.name, bodies, attempt=1)
                pipe.xdel(self.dead_name, *(eid for eid, _ in entries))
                await pipe.execute()
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc
        return len(bodies)

    async def ping(self) -> None:
        """Raises Unavailable if Redis does not answer."""
        try:
            await self._redis.ping()
        except RedisError as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc

    async def purge(self) -> None:
        """Deletes both streams and recreates the group (tests and benchmarks only)."""
        self._buffer.clear()
        await self._redis.delete(self.name, self.dead_name)
        await self.start()

    async def close(self) -> None:
        """Closes the connection pool; unsettled entries are reclaimed by other consumers."""
        self._buffer.clear()
        await self._redis.aclose()


def _settle(deliveries: Sequence[Delivery]) -> list[bytes]:
    """Marks deliveries done; returns the entries with nothing left unsettled."""
    done = []
    for d in deliveries:
        entry = d.handle
        if isinstance(entry, _Entry):
            entry.unsettled -= 1
            if entry.unsettled == 0:
                done.append(entry.eid)
    return done
