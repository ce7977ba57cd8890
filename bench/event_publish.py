"""Event publishing cost: aio-pika's Exchange.publish as written in its docs, aiormq's
basic_publish and the relay's publisher (Exchange.publish, mandatory=False, one timeout per
batch), same run.

Publishes --n events (as the relay does: groups of --group awaited together, publisher
confirms, persistent) to a throwaway topic exchange on the local RabbitMQ, alternating the
two ways for --repeats rounds, and reports the median CPU (process time) and wall time per
event. Writes bench/results/event_publish.json.

    .venv/bin/python bench/event_publish.py --n 20000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import aio_pika
import aiormq
import orjson

from civility.events.models import SCHEMA_VERSION, Event
from civility.outbox.amqp import AmqpEventPublisher

ROOT = Path(__file__).resolve().parents[1]
AMQP = os.environ.get("CIVILITY_BENCH_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")


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


async def via_aio_pika(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """The straightforward aio-pika way (Message objects, Exchange.publish)."""
    conn = await aio_pika.connect(url)
    async with conn:
        channel = await conn.channel(publisher_confirms=True)
        exchange = await channel.declare_exchange(
            exchange_name, aio_pika.ExchangeType.TOPIC, durable=False, auto_delete=True
        )
        for k in range(0, len(batch), group):
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
                            headers={"schema_version": SCHEMA_VERSION},
                        ),
                        routing_key=e.type,
                        timeout=30,
                    )
                    for e in batch[k : k + group]
                )
            )


async def via_aiormq(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """aiormq's public Channel.basic_publish (the layer under aio-pika), confirms gathered."""
    conn = await aiormq.connect(url)
    try:
        channel = await conn.channel(publisher_confirms=True)
        await channel.exchange_declare(exchange_name, exchange_type="topic", auto_delete=True)
        headers = {"schema_version": SCHEMA_VERSION}
        for k in range(0, len(batch), group):
            await asyncio.gather(
                *(
                    channel.basic_publish(
                        orjson.dumps(e.to_dict()),
                        exchange=exchange_name,
                        routing_key=e.type,
                        properties=aiormq.spec.Basic.Properties(
                            message_id=e.id,
                            message_type=e.type,
                            timestamp=e.created_at,
                            content_type="application/json",
                            delivery_mode=2,
                            headers=headers,
                        ),
                    )
                    for e in batch[k : k + group]
                )
            )
    finally:
        await conn.close()


async def via_publisher(url: str, exchange_name: str, batch: list[Event], group: int) -> None:
    """Civility's AmqpEventPublisher (what the outbox relay uses; aio-pika's public API)."""
    publisher = AmqpEventPublisher(url, exchange_name)
    try:
        for k in range(0, len(batch), group):
            await publisher.publish(batch[k : k + group])
    finally:
        await publisher.close()


def timed(fn: object, *args: object) -> tuple[float, float]:
    """(CPU s, wall s) of one asyncio.run of fn(*args)."""
    c0, w0 = time.process_time(), time.perf_counter()
    asyncio.run(fn(*args))  # type: ignore[operator]
    return time.process_time() - c0, time.perf_counter() - w0


def main() -> None:
    """Runs both ways alternately and writes the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--group", type=int, default=500, help="events awaited together (relay batch)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    batch = events(args.n)
    name = f"bench.events.{uuid.uuid4().hex[:6]}"
    asyncio.run(via_publisher(AMQP, name, batch[:100], args.group))  # declares the exchange
    runs: dict[str, list[tuple[float, float]]] = {
        "aio_pika_exchange_publish": [],
        "aiormq_basic_publish": [],
        "civility": [],
    }
    for _ in range(args.repeats):
        runs["aio_pika_exchange_publish"].append(
            timed(via_aio_pika, AMQP, name + ".b", batch, args.group)
        )
        runs["aiormq_basic_publish"].append(timed(via_aiormq, AMQP, name + ".c", batch, args.group))
        runs["civility"].append(timed(via_publisher, AMQP, name, batch, args.group))
    out: dict[str, object] = {"benchmark": "event_publish", "n": args.n, "group": args.group}
    for way, samples in runs.items():
        out[way] = {
            "cpu_us_per_event": round(1e6 * statistics.median(c for c, _ in samples) / args.n, 1),
            "wall_us_per_event": round(1e6 * statistics.median(w for _, w in samples) / args.n, 1),
        }
    base = out["aio_pika_exchange_publish"]["cpu_us_per_event"]  # type: ignore[index]
    ours = out["civility"]["cpu_us_per_event"]  # type: ignore[index]
    out["cpu_ratio_aio_pika_over_civility"] = round(base / ours, 2)
    public = out["aiormq_basic_publish"]["cpu_us_per_event"]  # type: ignore[index]
    out["cpu_ratio_aiormq_over_civility"] = round(public / ours, 2)
    path = ROOT / "bench" / "results" / "event_publish.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=2))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
