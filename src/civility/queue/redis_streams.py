"""The Redis Streams backend: a consumer group, XACK after commit, reclaim and dead letters.

A delivery's attempt is the retry counter stored in the entry plus how often Redis has
handed this entry out (XPENDING's delivery count), so a message whose consumers keep dying
is dead-lettered too, not only one that is nacked.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
import redis.asyncio as aioredis
import structlog
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from civility.errors import Unavailable
from civility.queue.base import Delivery

log = structlog.get_logger(__name__)

GROUP = "civility-workers"
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


def consumer_name() -> str:
    """Names this consumer uniquely (host, pid and a random suffix)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class RedisStreamsQueue:
    """One stream per queue name and `<name>.dead` for dead letters."""

    def __init__(
        self,
        url: str,
        name: str = "civility.messages",
        *,
        max_attempts: int = 5,
        reclaim_idle_ms: int = 30_000,
        reclaim_interval: float = 5.0,
        consumer: str | None = None,
    ) -> None:
        self._redis: aioredis.Redis = aioredis.Redis.from_url(url)
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
                for body in bodies:
                    pipe.xadd(self.name, {"b": orjson.dumps(dict(body)), "a": 1})
                await pipe.execute()
        except OUTAGE as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc

    async def receive(self, max_items: int, timeout: float) -> list[Delivery]:
        """Reclaims stale entries of dead consumers, else reads new ones (blocking)."""
        try:
            reclaimed = await self._reclaim(max_items)
            if reclaimed:
                return reclaimed
            block = int(timeout * 1000) if timeout > 0 else None
            reply: Any = await self._redis.xreadgroup(
                GROUP, self.consumer, {self.name: ">"}, count=max_items, block=block
            )
        except OUTAGE as exc:
            log.warning("redis.receive_failed", error=repr(exc))
            return []
        entries: list[Any] = [e for _, stream_entries in (reply or []) for e in stream_entries]
        return [self._delivery(eid, fields, delivered=1) for eid, fields in entries]

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
        deliveries = [self._delivery(eid, f, delivered=counts.get(eid, 2)) for eid, f in entries]
        log.info("redis.reclaimed", count=len(deliveries))
        spent = [d for d in deliveries if d.attempt > self._max_attempts]
        if spent:
            await self._dead_letter(spent)
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

    def _delivery(self, eid: bytes, fields: Mapping[bytes, bytes], *, delivered: int) -> Delivery:
        try:
            body = orjson.loads(fields.get(b"b", b"null"))
        except orjson.JSONDecodeError:
            body = None
        if not isinstance(body, dict):
            body = {"undecodable": str(fields.get(b"b", b""))[:200]}
        attempt = int(fields.get(b"a", b"1")) + delivered - 1
        return Delivery(body=body, handle=eid, attempt=attempt)

    async def ack(self, deliveries: Sequence[Delivery]) -> None:
        """Acknowledges and deletes the entries (one group, so nobody else needs them)."""
        if not deliveries:
            return
        ids = [d.handle for d in deliveries]
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.xack(self.name, GROUP, *ids)
                pipe.xdel(self.name, *ids)
                await pipe.execute()
        except OUTAGE as exc:  # they stay pending and are reclaimed later
            log.warning("redis.ack_failed", error=repr(exc))

    async def nack(self, deliveries: Sequence[Delivery], *, requeue: bool) -> None:
        """Re-appends with attempt + 1, or moves to the dead-letter stream."""
        retry = [d for d in deliveries if requeue and d.attempt < self._max_attempts]
        dead = [d for d in deliveries if d not in retry]
        try:
            if retry:
                async with self._redis.pipeline(transaction=True) as pipe:
                    for d in retry:
                        pipe.xadd(self.name, {"b": orjson.dumps(d.body), "a": d.attempt + 1})
                    pipe.xack(self.name, GROUP, *[d.handle for d in retry])
                    pipe.xdel(self.name, *[d.handle for d in retry])
                    await pipe.execute()
            if dead:
                await self._dead_letter(dead)
        except OUTAGE as exc:
            log.warning("redis.nack_failed", error=repr(exc))

    async def _dead_letter(self, deliveries: Sequence[Delivery]) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            for d in deliveries:
                pipe.xadd(self.dead_name, {"b": orjson.dumps(d.body), "a": d.attempt})
            pipe.xack(self.name, GROUP, *[d.handle for d in deliveries])
            pipe.xdel(self.name, *[d.handle for d in deliveries])
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

    async def ping(self) -> None:
        """Raises Unavailable if Redis does not answer."""
        try:
            await self._redis.ping()
        except RedisError as exc:
            raise Unavailable("redis is unavailable", code="broker_unavailable") from exc

    async def purge(self) -> None:
        """Deletes both streams and recreates the group (tests and benchmarks only)."""
        await self._redis.delete(self.name, self.dead_name)
        await self.start()

    async def close(self) -> None:
        """Closes the connection pool."""
        await self._redis.aclose()
