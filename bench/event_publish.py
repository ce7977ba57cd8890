"""Event publishing cost, in our process and in RabbitMQ: the relay's publisher against the
other ways of publishing through aio-pika's and aiormq's public APIs, same run.

Publishes --n events (as the relay does: batches of --group, persistent) to a throwaway topic
exchange on the local RabbitMQ, with a durable queue bound to it (--no-queue: none, so
RabbitMQ drops them), alternating the ways for --repeats rounds, and reports per event the
median CPU of this process (process time), of RabbitMQ (beam.smp's utime + stime from /proc,
the whole node, so other work on it counts too) and wall time. Writes
bench/results/event_publish.json.

    .venv/bin/python bench/event_publish.py --n 10000 --repeats 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aio_pika
import aiormq
import orjson

from civility.events.models import SCHEMA_VERSION, Event
from civility.outbox.amqp import AmqpEventPublisher
from civility.outbox.transport import connect as coalescing_connect

ROOT = Path(__file__).resolve().parents[1]
AMQP = os.environ.get("CIVILITY_BENCH_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
HEADERS: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "tenant": "default"}
Way = Callable[[str, str, list[Event], int], Coroutine[Any, Any, None]]


def events(n: int) -> list[Event]:
    """Decision-like events of a realistic size."""
    now = datetime.now(UTC)
    return [
        Event(
            id=f"decision:msg_{i:08d}",
            type="message.allowed",
            actor="system:policy-v1",
            subject_type="message",
            subject_id=f"msg_{i:08d}",
            channel_id=f"chan{i % 13}",
            payload={
                "message_id": f"msg_{i:08d}",
                "author_id": f"user{i % 997}",
                "decision": "allow",
                "scores": {"toxicity": 0.01, "insult": 0.02, "threat": 0.0},
                "reasons": [],
            },
            created_at=now,
        )
        for i in range(n)
    ]


def _properties(e: Event) -> aiormq.spec.Basic.Properties:
    return aiormq.spec.Basic.Properties(
        message_id=e.id,
        message_type=e.type,
        timestamp=e.created_at,
        content_type="application/json",
        delivery_mode=2,
        headers=HEADERS,
    )


async def confirms_aio_pika(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """The publisher before the transactions: aio-pika's Exchange.publish per event, gathered,
    publisher confirms (one task, lock, drain and confirm per event)."""
    conn = await aio_pika.connect(url)
    async with conn:
        channel = await conn.channel(publisher_confirms=True)
        exchange = await channel.declare_exchange(
            exchange_name, aio_pika.ExchangeType.TOPIC, durable=True
        )
        for k in range(0, len(batch), group):
            async with asyncio.timeout(30):
                await asyncio.gather(
                    *(
                        exchange.publish(
                            aio_pika.Message(
                                orjson.dumps(e.to_dict()),
                                message_id=e.id,
                                type=e.type,
                                timestamp=e.created_at,
                                content_type="application/json",
                                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                                headers=HEADERS,
                            ),
                            e.type,
                            mandatory=False,
                        )
                        for e in batch[k : k + group]
                    )
                )


def confirms_aiormq(*, wait: bool, coalesce: bool) -> Way:
    """aiormq's basic_publish per event, gathered, publisher confirms; wait=False skips the
    per-message drain; coalesce: the relay's connection (outbox/transport.py)."""

    async def run(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
        conn = await (coalescing_connect(url) if coalesce else aiormq.connect(url))
        try:
            channel = await conn.channel(publisher_confirms=True)
            assert isinstance(channel, aiormq.Channel)
            await channel.exchange_declare(exchange_name, exchange_type="topic", durable=True)
            for k in range(0, len(batch), group):
                await asyncio.gather(
                    *(
                        channel.basic_publish(
                            orjson.dumps(e.to_dict()),
                            exchange=exchange_name,
                            routing_key=e.type,
                            properties=_properties(e),
                            wait=wait,
                        )
                        for e in batch[k : k + group]
                    )
                )
        finally:
            await conn.close()

    return run


async def tx_aiormq(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """AMQP transactions on aiormq's stock connection: basic_publish(wait=False) per event in
    sequence, one tx_commit per batch (the relay's publisher without outbox/transport.py)."""
    conn = await aiormq.connect(url)
    try:
        channel = await conn.channel(publisher_confirms=False)
        assert isinstance(channel, aiormq.Channel)
        await channel.exchange_declare(exchange_name, exchange_type="topic", durable=True)
        await channel.tx_select()
        for k in range(0, len(batch), group):
            for e in batch[k : k + group]:
                await channel.basic_publish(
                    orjson.dumps(e.to_dict()),
                    exchange=exchange_name,
                    routing_key=e.type,
                    properties=_properties(e),
                    wait=False,
                )
            await channel.tx_commit()
    finally:
        await conn.close()


async def civility(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """Civility's AmqpEventPublisher (what the outbox relay uses)."""
    publisher = AmqpEventPublisher(url, exchange_name)
    try:
        for k in range(0, len(batch), group):
            await publisher.publish(batch[k : k + group])
    finally:
        await publisher.close()


WAYS: dict[str, Way] = {
    "confirms_aio_pika_exchange_publish": confirms_aio_pika,
    "confirms_aiormq_basic_publish": confirms_aiormq(wait=True, coalesce=False),
    "confirms_aiormq_nowait_coalesced": confirms_aiormq(wait=False, coalesce=True),
    "tx_aiormq_stock_connection": tx_aiormq,
    "civility": civility,
}


def _beam_pid() -> int | None:
    try:
        return int(subprocess.check_output(["pgrep", "-o", "beam.smp"]).split()[0])
    except (subprocess.CalledProcessError, FileNotFoundError, IndexError):
        return None


def _cpu_of(pid: int | None) -> float:
    """utime + stime of a process, in seconds (0 when unknown)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _queue(url: str, exchange_name: str, queue: str, *, delete: bool) -> None:
    conn = await aiormq.connect(url)
    try:
        channel = await conn.channel()
        if delete:
            await channel.queue_delete(queue)
            await channel.exchange_delete(exchange_name)
        else:
            await channel.exchange_declare(exchange_name, exchange_type="topic", durable=True)
            await channel.queue_declare(queue, durable=True)
            await channel.queue_bind(queue, exchange_name, routing_key="#")
    finally:
        await conn.close()


def timed(
    way: Way, exchange_name: str, batch: list[Event], group: int, *, queue: bool
) -> dict[str, float]:
    """CPU s of this process and of RabbitMQ, and wall s, of one asyncio.run of a way."""
    qname = exchange_name + ".q"
    if queue:
        asyncio.run(_queue(AMQP, exchange_name, qname, delete=False))
    beam = _beam_pid()
    b0, c0, w0 = _cpu_of(beam), time.process_time(), time.perf_counter()
    asyncio.run(way(AMQP, exchange_name, batch, group))
    out = {
        "cpu": time.process_time() - c0,
        "wall": time.perf_counter() - w0,
        "rabbitmq_cpu": _cpu_of(beam) - b0,
    }
    asyncio.run(_queue(AMQP, exchange_name, qname, delete=True))
    return out


def main() -> None:
    """Runs the ways alternately and writes the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--group", type=int, default=500, help="events per batch (relay batch)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-queue", action="store_true", help="no queue bound: RabbitMQ drops all")
    args = ap.parse_args()
    batch = events(args.n)
    name = f"bench.events.{uuid.uuid4().hex[:6]}"
    runs: dict[str, list[dict[str, float]]] = {way: [] for way in WAYS}
    for r in range(args.repeats):
        for way, fn in WAYS.items():
            runs[way].append(
                timed(fn, f"{name}.{r}.{way}", batch, args.group, queue=not args.no_queue)
            )
    out: dict[str, object] = {
        "benchmark": "event_publish",
        "n": args.n,
        "group": args.group,
        "repeats": args.repeats,
        "queue_bound": not args.no_queue,
        "load_average": os.getloadavg(),
    }
    for way, samples in runs.items():
        out[way] = {
            f"{key}_us_per_event": round(
                1e6 * statistics.median(s[key] for s in samples) / args.n, 1
            )
            for key in ("cpu", "rabbitmq_cpu", "wall")
        } | {
            "cpu_us_per_event_runs": [round(1e6 * s["cpu"] / args.n) for s in samples],
            "rabbitmq_cpu_us_per_event_runs": [
                round(1e6 * s["rabbitmq_cpu"] / args.n) for s in samples
            ],
        }
    path = ROOT / "bench" / "results" / "event_publish.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=2))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
