"""Pipeline benchmark: HTTP API -> RabbitMQ (or Redis Streams) -> workers -> PostgreSQL.

For each worker count (1 is the baseline, then 2) it starts a fresh database, `civility serve`
(publishing only) and the workers, then:

1. saturation: pushes --n messages as fast as the API takes them (pages of --page) and
   measures sustained decisions per second (first accepted -> last decided);
2. latency: pushes --latency-n messages at a fixed --rate (open loop) and reports the
   end-to-end latency (message received_at -> decision created_at) p50/p99.

Needs PostgreSQL, RabbitMQ and Redis on loopback. With --broker redis there is no relay (events
stay in the log and go to webhooks). Writes bench/results/pipeline.json (--out).

    .venv/bin/python bench/pipeline.py --n 100000 --workers 1,2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import serve

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get(
    "CIVILITY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
AMQP = os.environ.get("CIVILITY_BENCH_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
TEXTS = [
    "thanks for the update, see you tomorrow",
    "you are a stupid idiot and everyone knows it",
    "does anyone know when the next release ships?",
    "great game last night, what a finish",
    "shut up, nobody cares about your opinion",
    "I will find you and hurt you",
    "lol that was hilarious",
    "please keep the discussion civil, folks",
]


@contextmanager
def fresh_database() -> Iterator[str]:
    """Creates an empty PostgreSQL database and drops it afterwards."""
    name = f"civility_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def page(start: int, size: int, tag: str) -> dict[str, Any]:
    """Builds one POST /v1/messages body."""
    return {
        "messages": [
            {
                "message_id": f"{tag}-{i}",
                # Authors are new in every phase and run: strikes, bans and flood/rate windows
                # (kept in Redis) from an earlier phase must not make this one cheaper.
                "author_id": f"{tag}-user{i % 997}",
                "channel_id": f"chan{i % 13}",
                "text": f"{TEXTS[i % len(TEXTS)]} #{i}",
            }
            for i in range(start, start + size)
        ]
    }


async def push(url: str, key: str, n: int, size: int, rate: float, tag: str) -> float:
    """Sends n messages in pages; open loop at `rate` messages/s (0: as fast as possible)."""
    headers = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=8)
    async with httpx.AsyncClient(base_url=url, headers=headers, limits=limits, timeout=60) as c:
        gate = asyncio.Semaphore(4)
        t0 = time.perf_counter()

        async def send(start: int) -> None:
            if rate > 0:
                await asyncio.sleep(max(0.0, t0 + start / rate - time.perf_counter()))
            async with gate:
                r = await c.post("/v1/messages", json=page(start, min(size, n - start), tag))
                if r.status_code != 202:
                    raise RuntimeError(f"POST /v1/messages answered {r.status_code}: {r.text}")

        await asyncio.gather(*(send(s) for s in range(0, n, size)))
        return time.perf_counter() - t0


def wait_decided(db_url: str, target: int, timeout: float) -> None:
    """Waits until the database holds `target` decisions (the phases before plus this one).

    The poll is a bare count of one table every 0.5 s: the earlier join of messages and
    decisions filtered by LIKE, every 0.2 s, grew with the tables and took its CPU from the
    pipeline it measures (its backend exits before the last CPU snapshot, so it was never
    counted in PostgreSQL's figure).
    """
    end = time.monotonic() + timeout
    with psycopg.connect(db_url, autocommit=True) as conn:
        while time.monotonic() < end:
            row = conn.execute("SELECT count(*) FROM decisions").fetchone()
            if row is not None and row[0] >= target:
                return
            time.sleep(0.5)
    raise TimeoutError(f"not every message was decided within {timeout} s")


def measure(db_url: str, tag: str) -> dict[str, float]:
    """Reads throughput and end-to-end latency of one run from the database."""
    sql = (
        "SELECT extract(epoch FROM m.received_at), extract(epoch FROM d.created_at) "
        "FROM decisions d JOIN messages m ON m.id = d.message_id "
        "WHERE m.platform_message_id LIKE %s"
    )
    with psycopg.connect(db_url) as conn:
        rows = [(float(a), float(b)) for a, b in conn.execute(sql, (f"{tag}-%",)).fetchall()]
    mix_sql = (
        "SELECT d.action || CASE WHEN d.scorer IS NULL THEN '/no-model' ELSE '' END, count(*) "
        "FROM decisions d "
        "JOIN messages m ON m.id = d.message_id WHERE m.platform_message_id LIKE %s GROUP BY 1"
    )
    with psycopg.connect(db_url) as conn:
        mix = {str(k): int(v) for k, v in conn.execute(mix_sql, (f"{tag}-%",)).fetchall()}
    latencies = sorted(b - a for a, b in rows)
    span = max(b for _, b in rows) - min(a for a, _ in rows)
    q = statistics.quantiles(latencies, n=100)
    return {
        "messages": len(rows),
        "seconds": round(span, 3),
        "throughput_per_s": round(len(rows) / span, 1),
        "latency_p50_s": round(q[49], 4),
        "latency_p99_s": round(q[98], 4),
        "latency_max_s": round(latencies[-1], 4),
        "decisions_by_action": dict(sorted(mix.items())),
    }


async def delete_queues(names: list[str]) -> None:
    """Removes the run's queues from the broker."""
    import aio_pika

    conn = await aio_pika.connect(AMQP)
    async with conn:
        channel = await conn.channel()
        for name in names:
            await channel.queue_delete(name)


def delete_streams(url: str, names: list[str]) -> None:
    """Removes the run's Redis streams."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.delete(*names)
    finally:
        client.close()


def start_workers(env: dict[str, str], count: int, logs: Path) -> list[subprocess.Popen[bytes]]:
    """Starts `civility worker` processes."""
    procs = []
    for i in range(count):
        with (logs / f"worker{i}.log").open("wb") as log:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "civility", "worker"], env=env, stdout=log, stderr=log
                )
            )
    return procs


CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (0 if it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def _pids_named(*names: str) -> list[int]:
    """Pids whose command name is one of `names` (PostgreSQL backends, RabbitMQ's VM)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                comm = (d / "comm").read_text().strip()
            except OSError:
                continue
            if comm in names:
                out.append(int(d.name))
    return out


def _descendants(pid: int) -> list[int]:
    """The process and all its descendants (uvicorn may fork)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_snapshot(server_pid: int, worker_pids: list[int]) -> dict[str, dict[int, float]]:
    """CPU seconds used so far, per process, by each part of the pipeline."""
    return {
        "api": {p: _cpu_seconds(p) for p in _descendants(server_pid)},
        "workers": {p: _cpu_seconds(p) for w in worker_pids for p in _descendants(w)},
        "postgres": {p: _cpu_seconds(p) for p in _pids_named("postgres")},
        "rabbitmq": {p: _cpu_seconds(p) for p in _pids_named("beam.smp")},
        "redis": {p: _cpu_seconds(p) for p in _pids_named("redis-server")},
    }


def cpu_per_message(
    before: dict[str, dict[int, float]], after: dict[str, dict[int, float]], n: int
) -> dict[str, float]:
    """Milliseconds of CPU per message, by part and in total.

    Processes that exit between the snapshots (short-lived PostgreSQL backends) are not
    counted, so each figure is a lower bound; the pipeline keeps pooled connections.
    """
    out = {
        part: round(
            1000 * sum(t - before[part].get(pid, 0.0) for pid, t in after[part].items()) / n, 3
        )
        for part in after
    }
    out["total"] = round(sum(out.values()), 3)
    return out


def run_config(args: argparse.Namespace, workers: int, work_dir: Path) -> dict[str, Any]:
    """Runs saturation and latency phases with a given number of worker processes."""
    with fresh_database() as db_url:
        queue = f"bench.{uuid.uuid4().hex[:8]}"
        env = {
            "CIVILITY_DATABASE_URL": db_url,
            "CIVILITY_BROKER_URL": AMQP if args.broker == "rabbitmq" else args.redis_broker,
            "CIVILITY_BROKER_QUEUE": queue,
            "CIVILITY_EVENTS_EXCHANGE": "bench.events",
            "CIVILITY_SCORER": args.scorer,
            "CIVILITY_BATCH_MAX_SIZE": str(args.batch),
            "CIVILITY_BATCH_MAX_WAIT_MS": "10",
            "CIVILITY_RELAY_ENABLED": "false"
            if args.no_relay or args.broker != "rabbitmq"
            else "true",
            "CIVILITY_EVENTS_PUBLISH": args.publish,
            "CIVILITY_REDIS_URL": args.redis,
            "CIVILITY_BROKER_QUEUE_TYPE": args.queue_type,
            "CIVILITY_LOG_LEVEL": "warning",
        }
        data = work_dir / f"w{workers}"
        data.mkdir(parents=True, exist_ok=True)
        with serve(data, env) as server:
            procs = start_workers({**os.environ, **env}, workers, data)
            try:
                tag = f"sat{workers}-{uuid.uuid4().hex[:6]}"
                pids = [p.pid for p in procs]
                cpu0 = cpu_snapshot(server.proc.pid, pids)
                push_s = asyncio.run(push(server.url, server.key, args.n, args.page, 0, tag))
                wait_decided(db_url, args.n, args.timeout)
                cpu = cpu_per_message(cpu0, cpu_snapshot(server.proc.pid, pids), args.n)
                saturation = {
                    "push_seconds": round(push_s, 3),
                    **measure(db_url, tag),
                    "cpu_ms_per_message": cpu,
                }
                tag = f"lat{workers}-{uuid.uuid4().hex[:6]}"
                asyncio.run(
                    push(server.url, server.key, args.latency_n, args.latency_page, args.rate, tag)
                )
                wait_decided(db_url, args.n + args.latency_n, args.timeout)
                latency = {"rate_per_s": args.rate, **measure(db_url, tag)}
            finally:
                for p in procs:
                    p.terminate()
                for p in procs:
                    p.wait(30)
                names = [queue, f"{queue}.dead"]
                if args.broker == "rabbitmq":
                    asyncio.run(delete_queues(names))
                else:
                    delete_streams(args.redis_broker, names)
    return {"workers": workers, "saturation": saturation, "fixed_rate": latency}


def main() -> None:
    """Runs the benchmark and writes bench/results/pipeline.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="messages in the saturation run")
    parser.add_argument("--page", type=int, default=1000, help="messages per POST")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--rate", type=float, default=1000.0, help="messages/s, latency run")
    parser.add_argument("--latency-n", type=int, default=20_000)
    parser.add_argument("--latency-page", type=int, default=50)
    parser.add_argument("--batch", type=int, default=128, help="CIVILITY_BATCH_MAX_SIZE")
    parser.add_argument("--scorer", default="builtin", choices=["builtin", "lexicon-baseline"])
    parser.add_argument("--no-relay", action="store_true", help="do not publish events")
    parser.add_argument(
        "--broker", choices=["rabbitmq", "redis"], default="rabbitmq", help="the work queue"
    )
    parser.add_argument(
        "--queue-type", choices=["classic", "quorum"], default="classic", help="RabbitMQ queue"
    )
    parser.add_argument(
        "--redis-broker",
        default=os.environ.get("CIVILITY_BENCH_REDIS_BROKER_URL", "redis://127.0.0.1:6379/1"),
        help="Redis Streams URL for --broker redis",
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get("CIVILITY_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
        help="CIVILITY_REDIS_URL for flood/rate windows shared by the workers ('' = in memory)",
    )
    parser.add_argument(
        "--publish", default="*", help="CIVILITY_EVENTS_PUBLISH: event types the relay publishes"
    )
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--out", default="pipeline.json", help="file name in bench/results/")
    args = parser.parse_args()
    work_dir = ROOT / "bench" / "results" / "pipeline-run"
    runs = [run_config(args, int(w), work_dir) for w in args.workers.split(",")]
    base = runs[0]["saturation"]["throughput_per_s"]
    for r in runs:
        r["speedup_vs_first"] = round(r["saturation"]["throughput_per_s"] / base, 2)
    result = {
        "benchmark": "pipeline",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "args": vars(args),
        "runs": runs,
    }
    out = ROOT / "bench" / "results" / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
