"""Ratings ingested per second: service + background applier, and over HTTP.

A rating is applied at most CIVILITY_RATINGS_FLUSH_INTERVAL_MS (1 s) after it is accepted,
plus the time its batch takes: the batch p50 / p99 / max are reported beside the rate.

Baseline (same run): one transaction per rating through the same service. Then batched
applying (the applier's way) on the embedded default (SQLite + in-memory limits and cache) and,
when reachable, on PostgreSQL + Redis (limits and cache in Redis). With --http, a real
`civility serve` (embedded default) is loaded from a separate process with bulk requests of
100 ratings and with single-rating requests. Writes bench/results/ratings_ingest.json.

With --compare OLD_SRC (e.g. the src/ of `git worktree add /tmp/ratings-old <commit>`), the
same measures run alternately on that tree and this one, --rounds times each, and the medians
are reported (CPU per rating of accept and of apply in-process; with --http also real servers
of both trees, with the server's CPU per applied rating and how long the backlog took to drain
after the load stopped). Writes bench/results/ratings_ingest_compare.json.

    .venv/bin/python bench/ratings_ingest.py [--n 50000] [--http | --http-only]
    .venv/bin/python bench/ratings_ingest.py --compare /tmp/ratings-old/src [--http] [--rounds 3]

--postgres-redis runs only the PostgreSQL + Redis section and prints it; --limiter measures
the Redis rate limiter alone: wall and CPU µs per LimitsRateLimiter.hit (user and post
levels; with a client, four levels), --n hits. Both take --src=OTHER_TREE/src to measure
another tree's code with this bench (old and new alternated by hand).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# `--src=DIR` (the compare mode's children) imports civility from another tree.
sys.path.insert(
    0,
    next(
        (a.split("=", 1)[1] for a in sys.argv if a.startswith("--src=")),
        str(Path(__file__).resolve().parents[1] / "src"),
    ),
)
sys.path.insert(0, str(Path(__file__).parent))

from civility.clock import SystemClock
from civility.ratings.applier import RatingApplier
from civility.ratings.models import RatingSubmission
from civility.ratings.repository import InMemoryRatingRepository, MemoryRatingCache, RatingCache
from civility.ratings.service import RatingInput, RatingService
from civility.storage.db import Database, upgrade
from civility.storage.ratings import SqlRatingRepository
from civility.storage.ratings_cache import LimitsRateLimiter, RedisRatingCache

RESULTS = Path(__file__).parent / "results"
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
CHUNK = 100  # ratings per accept call, like one bulk request
UNLIMITED = "1000000000/hour"
POSTS = 200  # posts the HTTP load spreads over (well under the per-post limit)


def inputs(n: int, seed: int = 1, posts: int = 5000) -> list[RatingInput]:
    """Organic-looking ratings: many posts, mostly old accounts, a few newcomers."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    run = uuid.uuid4().hex[:6]
    return [
        RatingInput(
            post_id=f"{run}-post-{rng.randrange(posts)}",
            user_id=f"{run}-user-{rng.randrange(n)}",
            score=float(rng.randint(1, 5)),
            user_created_at=now - timedelta(days=rng.choice((2, 300, 900))),
        )
        for _ in range(n)
    ]


def reachable(port: int) -> bool:
    """Tells whether a local server listens on the port."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def service_for(url: str, limits_uri: str, cache: RatingCache) -> tuple[RatingService, Database]:
    """A rating service on a migrated database with effectively unlimited rate limits."""
    upgrade(url)
    db = Database.from_url(url)
    limiter = LimitsRateLimiter(limits_uri, user_limit=UNLIMITED, post_limit=UNLIMITED)
    return RatingService(SqlRatingRepository(db), cache, limiter, SystemClock()), db


def per_rating_baseline(service: RatingService, items: list[RatingInput]) -> float:
    """Ratings/s with one transaction per rating (what the applier avoids)."""
    start = time.perf_counter()
    for item in items:
        service.apply([service.accept_one(item)])
    return len(items) / (time.perf_counter() - start)


BATCH_SECONDS: list[float] = []  # how long each applied batch took (latency to applied)


def _timed(service: RatingService) -> Any:
    def apply(batch: Any) -> Any:
        start = time.perf_counter()
        try:
            return service.apply(batch)
        finally:
            BATCH_SECONDS.append(time.perf_counter() - start)

    return apply


def batch_latency() -> dict[str, float]:
    """p50 / p99 / max seconds to apply one batch of up to 500 (then cleared)."""
    times = sorted(BATCH_SECONDS)
    BATCH_SECONDS.clear()
    if not times:
        return {}
    return {
        "batch_p50_s": round(times[len(times) // 2], 3),
        "batch_p99_s": round(times[int(len(times) * 0.99)], 3),
        "batch_max_s": round(times[-1], 3),
    }


async def _through_applier(service: RatingService, items: list[RatingInput]) -> float:
    applier = RatingApplier(_timed(service), max_size=500, interval=0.05, max_pending=10**7)
    applier.start()
    start = time.perf_counter()
    for i in range(0, len(items), CHUNK):
        accepted = service.accept(items[i : i + CHUNK])
        applier.submit([a.submission for a in accepted if a.submission])
        await asyncio.sleep(0)  # let the applier's task run, as the server's loop would
    await applier.close(timeout=600)
    assert applier.applied == len(items)
    return len(items) / (time.perf_counter() - start)


def batched(service: RatingService, items: list[RatingInput]) -> float:
    """Ratings/s through accept + the background applier (flush size 500), until all applied."""
    return asyncio.run(_through_applier(service, items))


@contextmanager
def postgres_database() -> Iterator[str]:
    """A scratch PostgreSQL database, dropped afterwards."""
    import psycopg

    name = f"civility_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def embedded(n: int, baseline_n: int) -> dict[str, Any]:
    """SQLite + in-memory limits and cache."""
    with tempfile.TemporaryDirectory() as tmp:
        service, db = service_for(f"sqlite:///{tmp}/bench.db", "memory://", MemoryRatingCache())
        try:
            base = per_rating_baseline(service, inputs(baseline_n, seed=2))
            rate = batched(service, inputs(n))
        finally:
            db.dispose()
    return {
        "per_rating_tx_per_s": round(base),
        "applier_per_s": round(rate),
        "n": n,
        **batch_latency(),
    }


def postgres_redis(n: int, baseline_n: int) -> dict[str, Any]:
    """PostgreSQL + limits and cache in Redis."""
    if not (reachable(5432) and reachable(6379)):
        return {"skipped": "PostgreSQL or Redis is not reachable"}
    with postgres_database() as url:
        cache = RedisRatingCache(REDIS_URL, ttl_seconds=300, prefix=f"bench:{uuid.uuid4().hex}:")
        service, db = service_for(url, REDIS_URL, cache)
        try:
            base = per_rating_baseline(service, inputs(baseline_n, seed=2))
            rate = batched(service, inputs(n))
        finally:
            db.dispose()
            cache.close()
    return {
        "per_rating_tx_per_s": round(base),
        "applier_per_s": round(rate),
        "n": n,
        **batch_latency(),
    }


def accept_only(n: int) -> dict[str, Any]:
    """Accepting alone through the Redis limiter (no applying): wall and CPU µs per rating."""
    limiter = LimitsRateLimiter(REDIS_URL, user_limit=UNLIMITED, post_limit=UNLIMITED)
    repo = InMemoryRatingRepository()
    service = RatingService(repo, MemoryRatingCache(), limiter, SystemClock())
    items = inputs(n, seed=3)
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(0, n, CHUNK):
        service.accept(items[i : i + CHUNK])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"accept_wall_us": round(wall / n * 1e6, 1), "accept_cpu_us": round(cpu / n * 1e6, 1)}


def limiter_cost(n: int) -> dict[str, Any]:
    """The Redis rate limiter alone: wall and CPU µs per hit, two levels and four."""
    if not reachable(6379):
        return {"skipped": "Redis is not reachable"}
    limiter = LimitsRateLimiter(REDIS_URL, user_limit=UNLIMITED, post_limit=UNLIMITED)
    run = uuid.uuid4().hex[:6]
    out: dict[str, Any] = {"n": n}
    for name, client in (("user_post", None), ("with_client", "c")):
        wall, cpu = time.perf_counter(), time.process_time()
        for i in range(n):
            limiter.hit(f"{run}-u{i}", f"{run}-p{i % 200}", client and f"{run}-{client}{i % 50}")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        out[name] = {"wall_us": round(wall / n * 1e6, 1), "cpu_us": round(cpu / n * 1e6, 1)}
    return out


def service_key(url: str, admin_key: str) -> str:
    """A service key, as a platform sends ratings with: the key the server prints is an
    admin key, whose per-key limit (6,000 requests/minute) throttled the single-rating load
    to ~100 requests/s and then the count's reads (429s)."""
    import httpx

    response = httpx.post(
        f"{url}/v1/apikeys",
        json={"role": "service", "name": "ratings-ingest-bench"},
        headers={"Authorization": f"Bearer {admin_key}"},
        timeout=60,
    )
    response.raise_for_status()
    return str(response.json()["secret"])


def http(duration: float, concurrency: int) -> dict[str, Any]:
    """A real server (embedded default) loaded from a separate process."""
    from _server import serve

    out: dict[str, Any] = {}
    env = {"CIVILITY_RATINGS_POST_LIMIT": UNLIMITED}  # measure ingest, not the limiter's 429s
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), env) as server:
        key = service_key(server.url, server.key)
        for mode, size in (("single", 1), ("bulk", 100)):
            prefix = f"{mode}-{uuid.uuid4().hex[:6]}"
            cmd = [
                sys.executable, __file__, "--load", "--port", str(server.port),
                "--key", key, "--size", str(size), "--duration", str(duration),
                "--concurrency", str(concurrency), "--prefix", prefix,
            ]  # fmt: skip
            lags = lag_buckets(server.url, key)
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
            result = json.loads(proc.stdout)
            applied, empty = wait_applied(server.url, key, prefix, result["accepted"])
            result.update(lag_summary(lags, lag_buckets(server.url, key)))
            result["backlog_empty_s"] = round(empty, 2)
            seconds = time.perf_counter() - start
            result["applied_per_s"] = round(applied / seconds)
            result["applied_all"] = applied == result["accepted"]
            result["applied_per_s_until_empty"] = round(applied / (result["load_s"] + empty))
            out[mode] = result
    return out


def wait_applied(
    url: str, key: str, prefix: str, accepted: int, limit: float = 300
) -> tuple[int, float]:
    """Waits until the server's backlog is empty (its /metrics gauge); returns how many
    ratings the posts' counts hold and the seconds until the backlog was empty.

    Polling the 200 posts' counts themselves cost the server more CPU than applying did.
    """
    import httpx

    deadline = time.perf_counter() + limit
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        while time.perf_counter() < deadline:
            text = client.get("/metrics").text
            line = next(x for x in text.splitlines() if x.startswith("civility_rating_backlog"))
            if float(line.split()[-1]) == 0:
                break
            time.sleep(0.2)
        empty = time.perf_counter() - (deadline - limit)
        counts = [0] * POSTS  # the last count each post answered (counts only grow)
        while True:  # the batch in flight is no longer in the gauge
            for i in range(POSTS):
                counts[i] = _read_count(client, f"/v1/posts/{prefix}-{i}/rating", deadline)
            if sum(counts) >= accepted or time.perf_counter() > deadline:
                return sum(counts), empty
            time.sleep(0.3)


def _read_count(client: Any, path: str, deadline: float) -> int:
    """One post's count; a refused read (429 from a key's limit, 503) is read again after its
    Retry-After, never counted as 0: counting it as 0 kept the sum under the accepted total
    until the deadline (the single-rating run's 'applied 5/s, applied_all false')."""
    while True:
        response = client.get(path)
        if response.status_code == 200:
            return int(response.json()["count"])
        if response.status_code not in (429, 503) or time.perf_counter() > deadline:
            raise RuntimeError(f"GET {path}: {response.status_code} {response.text[:200]}")
        time.sleep(float(response.headers.get("Retry-After", "1")))


def lag_buckets(url: str, key: str) -> dict[float, float]:
    """The server's civility_rating_apply_lag_seconds buckets (cumulative, by upper bound)."""
    import httpx

    headers = {"Authorization": f"Bearer {key}"}
    text = httpx.get(f"{url}/metrics", headers=headers, timeout=60).text
    out: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith("civility_rating_apply_lag_seconds_bucket"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            out[float(bound)] = float(line.split()[-1])
    return out


def lag_summary(before: dict[float, float], after: dict[float, float]) -> dict[str, Any]:
    """How long the applied batches' oldest ratings waited (accepted to committed) during a
    run: the share of batches within 2 s and the smallest bucket bound holding them all."""
    counts = {b: after.get(b, 0.0) - before.get(b, 0.0) for b in after}
    total = counts.get(float("inf"), 0.0)
    if not total:
        return {"lag_batches": 0}
    within = counts.get(2.0, 0.0)
    bound = min(b for b, c in counts.items() if c >= total)
    return {
        "lag_batches": int(total),
        "lag_batches_within_2s": round(within / total, 4),
        "lag_max_at_most_s": bound,
    }


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line[15:])
    return 0


async def _load_worker(
    args: argparse.Namespace, stop_at: float, stats: dict[str, list[float]]
) -> None:
    port, key, size = args.port, args.key, args.size
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random()
    run = uuid.uuid4().hex[:8]
    while time.perf_counter() < stop_at:
        items = [
            {
                "post_id": f"{args.prefix}-{rng.randrange(POSTS)}",
                "user_id": f"{run}-{rng.randrange(10**9)}",
                "score": rng.randint(1, 5),
            }
            for _ in range(size)
        ]
        body = json.dumps({"ratings": items} if size > 1 else items[0]).encode()
        path = "/v1/ratings/bulk" if size > 1 else "/v1/ratings"
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        start = time.perf_counter()
        writer.write(head.encode() + body)
        response = await reader.readuntil(b"\r\n\r\n")
        length = _content_length(response)
        await reader.readexactly(length)
        stats["latency_ms"].append((time.perf_counter() - start) * 1000)
        stats["ok" if response[9:12] == b"202" else "failed"].append(size)
        if response[9:12] != b"202":
            stats.setdefault(f"failed_{response[9:12].decode()}", []).append(size)
        if response[9:12] == b"503":
            await asyncio.sleep(0.1)  # as a client honouring Retry-After would, briefly
    writer.close()


def load_main(args: argparse.Namespace) -> None:
    """The load process: closed loop, fixed concurrency, prints one JSON line."""
    stats: dict[str, list[float]] = {"latency_ms": [], "ok": [], "failed": []}
    start = time.perf_counter()
    stop_at = start + args.duration

    async def run() -> None:
        await asyncio.gather(*(_load_worker(args, stop_at, stats) for _ in range(args.concurrency)))

    asyncio.run(run())
    elapsed = time.perf_counter() - start
    latencies = sorted(stats["latency_ms"])
    print(
        json.dumps(
            {
                "accepted": int(sum(stats["ok"])),
                "accepted_per_s": round(sum(stats["ok"]) / elapsed),
                "requests_per_s": round(len(latencies) / elapsed),
                "failed_ratings": int(sum(stats["failed"])),
                # By status: 503 ratings_backlog (the applier's bound), 429 (a limit).
                "failed_by_status": {
                    k.split("_", 1)[1]: int(sum(v))
                    for k, v in stats.items()
                    if k.startswith("failed_")
                },
                "p50_ms": round(latencies[len(latencies) // 2], 2),
                "p99_ms": round(latencies[int(len(latencies) * 0.99)], 2),
                "ratings_per_request": args.size,
                "load_s": round(elapsed, 2),
            }
        )
    )


def stage(n: int, posts: int) -> dict[str, float]:
    """In-process CPU per rating: accept (validate, limits) in chunks of 100, then apply in
    batches of 500 on SQLite, in-memory limits and cache (one child of the compare mode)."""
    with tempfile.TemporaryDirectory() as tmp:
        service, db = service_for(f"sqlite:///{tmp}/bench.db", "memory://", MemoryRatingCache())
        try:
            warm = service.accept(inputs(500, seed=3))
            service.apply([a.submission for a in warm if a.submission is not None])
            items = inputs(n, posts=posts)
            wall, cpu = time.perf_counter(), time.process_time()
            accepted: list[RatingSubmission | None] = []
            for i in range(0, n, CHUNK):
                accepted += [a.submission for a in service.accept(items[i : i + CHUNK])]
            accept_wall, accept_cpu = time.perf_counter() - wall, time.process_time() - cpu
            wall, cpu = time.perf_counter(), time.process_time()
            for i in range(0, n, 500):
                service.apply([s for s in accepted[i : i + 500] if s is not None])
            apply_wall, apply_cpu = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            db.dispose()
    return {
        "accept_cpu_us": round(accept_cpu / n * 1e6, 1),
        "apply_cpu_us": round(apply_cpu / n * 1e6, 1),
        "accept_per_s": round(n / accept_wall),
        "apply_per_s": round(n / apply_wall),
    }


def _server_cpu(pid: int) -> float:
    """CPU seconds (user + system, all threads) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def http_once(src: str | None, mode: str, duration: float, concurrency: int) -> dict[str, Any]:
    """One real server of a tree under one load (single or bulk of 100) until all applied."""
    from _server import serve

    env = {"CIVILITY_RATINGS_POST_LIMIT": UNLIMITED}
    if src:
        env["PYTHONPATH"] = src
    size = 1 if mode == "single" else 100
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp), env) as server:
        prefix = f"{mode}-{uuid.uuid4().hex[:6]}"
        key = service_key(server.url, server.key)
        cmd = [
            sys.executable, __file__, "--load", "--port", str(server.port),
            "--key", key, "--size", str(size), "--duration", str(duration),
            "--concurrency", str(concurrency), "--prefix", prefix,
        ]  # fmt: skip
        lags = lag_buckets(server.url, key)
        cpu0 = _server_cpu(server.proc.pid)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"load process failed: {proc.stderr[-2000:]}")
        result: dict[str, Any] = json.loads(proc.stdout)
        load_end = time.perf_counter()
        applied, empty = wait_applied(server.url, key, prefix, result["accepted"])
        end = time.perf_counter()
        cpu = _server_cpu(server.proc.pid) - cpu0
        result.update(lag_summary(lags, lag_buckets(server.url, key)))
    result["applied_per_s"] = round(applied / (end - start))
    result["applied_all"] = applied == result["accepted"]
    # How long the last accepted ratings waited after the load stopped: until the backlog
    # gauge (polled every 0.2 s) read 0, so the batch in flight then is not counted.
    result["backlog_empty_s"] = round(empty, 2)
    result["drain_s"] = round(end - load_end, 2)  # and until the counts held every rating
    result["server_cpu_us_per_rating"] = round(cpu / max(1, applied) * 1e6, 1)
    # Applied per second from the load's start until the backlog was empty: the run's
    # applied_per_s also counts starting the load process and reading the 200 posts back.
    result["applied_per_s_until_empty"] = round(applied / (result["load_s"] + empty))
    return result


def _median(runs: list[dict[str, Any]]) -> dict[str, float]:
    keys = [k for k, v in runs[0].items() if isinstance(v, int | float) and not isinstance(v, bool)]
    return {k: round(statistics.median(r[k] for r in runs), 2) for k in keys}


def compare(args: argparse.Namespace) -> dict[str, Any]:
    """Alternates the old tree and this one; medians per side and new/old ratios."""
    trees = {"old": args.compare, "new": str(Path(__file__).resolve().parents[1] / "src")}
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {t: {} for t in trees}
    cases = [f"stage_posts_{p}" for p in (200, 5000)]
    if args.http:
        cases += ["http_bulk", "http_single"]
    loads = []
    for r in range(args.rounds):
        for case in cases:
            order = list(trees) if r % 2 == 0 else list(reversed(trees))
            for tree in order:
                loads.append(os.getloadavg()[0])
                if case.startswith("stage"):
                    posts = case.rsplit("_", 1)[1]
                    cmd = [sys.executable, __file__, f"--src={trees[tree]}", "--stage",
                           "--n", str(args.n), "--posts", posts]  # fmt: skip
                    proc = subprocess.run(cmd, capture_output=True, text=True)
                    if proc.returncode != 0:
                        raise RuntimeError(proc.stderr[-3000:])
                    result = json.loads(proc.stdout.strip().splitlines()[-1])
                else:
                    mode = case.split("_", 1)[1]
                    result = http_once(trees[tree], mode, args.duration, args.concurrency)
                runs[tree].setdefault(case, []).append(result)
                print(f"round {r} {case} {tree}: {json.dumps(result)}", file=sys.stderr)
    out: dict[str, Any] = {
        "machine": f"{platform.machine()} {platform.python_version()}, {os.cpu_count()} cpus",
        "rounds": args.rounds,
        "n": args.n,
        "load_average_1m": {
            "min": min(loads),
            "median": round(statistics.median(loads), 2),
            "max": max(loads),
        },
        "old_src": args.compare,
    }
    for case in cases:
        old, new = _median(runs["old"][case]), _median(runs["new"][case])
        ratios = {k: round(new[k] / old[k], 2) for k in old if old[k]}
        out[case] = {"old": old, "new": new, "new_over_old": ratios}
        out[case]["runs"] = {t: runs[t][case] for t in trees}
    return out


def main() -> None:
    """Runs the benchmarks and writes the report."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--n", type=int, default=50_000)
    p.add_argument("--baseline-n", type=int, default=2_000)
    p.add_argument("--http", action="store_true")
    p.add_argument(
        "--http-only",
        action="store_true",
        help="only the real-server section; replaces it in the existing results file",
    )
    p.add_argument("--duration", type=float, default=10.0)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--key", default="", help=argparse.SUPPRESS)
    p.add_argument("--size", type=int, default=100, help=argparse.SUPPRESS)
    p.add_argument("--prefix", default="post", help=argparse.SUPPRESS)
    p.add_argument("--compare", metavar="OLD_SRC", help="alternate with another tree's src/")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--stage", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--posts", type=int, default=5000, help=argparse.SUPPRESS)
    p.add_argument("--src", help=argparse.SUPPRESS)
    p.add_argument("--postgres-redis", action="store_true", help="only PostgreSQL + Redis")
    p.add_argument("--limiter", action="store_true", help="the Redis rate limiter alone")
    args = p.parse_args()
    if args.limiter:
        print(json.dumps({**limiter_cost(args.n), "load_1m": os.getloadavg()[0]}))
        return
    if args.postgres_redis:
        section = postgres_redis(args.n, args.baseline_n)
        if reachable(6379):
            section.update(accept_only(min(args.n, 20_000)))
        print(json.dumps({**section, "load_1m": os.getloadavg()[0]}))
        return
    if args.load:
        load_main(args)
        return
    if args.stage:
        print(json.dumps(stage(args.n, args.posts)))
        return
    if args.compare:
        compared = compare(args)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "ratings_ingest_compare.json").write_text(json.dumps(compared, indent=2))
        brief = {
            k: {n: x for n, x in v.items() if n != "runs"} if isinstance(v, dict) else v
            for k, v in compared.items()
        }
        print(json.dumps(brief, indent=2))
        return
    if args.http_only:
        path = RESULTS / "ratings_ingest.json"
        report = json.loads(path.read_text()) if path.exists() else {}
        report["http_embedded"] = http(args.duration, args.concurrency)
        report["http_load_average_1m"] = os.getloadavg()[0]
        RESULTS.mkdir(exist_ok=True)
        path.write_text(json.dumps(report, indent=2))
        print(json.dumps(report["http_embedded"], indent=2))
        return
    report = {
        "machine": f"{platform.machine()} {platform.python_version()}",
        "embedded_sqlite_memory": embedded(args.n, args.baseline_n),
        "postgres_redis": postgres_redis(args.n, args.baseline_n),
    }
    if args.http:
        report["http_embedded"] = http(args.duration, args.concurrency)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ratings_ingest.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
