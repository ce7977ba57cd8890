"""The red-team attacks replayed through the live HTTP API, beside the simulation.

bench/ratings_sim.py plays each attack against the rating service in process, on the in-memory
repository. This replays the same plans through the real app: `create_app` with its lifespan
(background jobs, the RatingApplier) over httpx's ASGI transport, every rating a
`POST /v1/ratings` with a service key, stored in SQLite through the SQL repository, read back
with `GET /v1/posts/{id}/rating` and `GET /v1/ratings/reviews`.

Per scenario: the simulation's honest world after 30 days is copied into a fresh database
(ratings, versions, flags, review items, learned trust, per-post sums) and the detector's
in-process state is copied into the app's rating service, so the live run starts where the
simulated one does. The app's clock is a ManualClock set to each rating's time before its
request, and the applier is flushed explicitly on the simulation's rule (500 pending, or a
second of simulated time since the last flush): no sleeping, and the batches are the
simulation's batches. Rate limits are off (a month compressed into minutes would trip every
real-time limit; bench/ratings_sim.py's `flood` measures them with the real limiter).

The shift is the targets' trusted average over the API minus their trusted average in the
simulation's run without the attack (the same honest traffic). The simulation's run with the
attack is played too, and the report says how far the two paths disagree. Targets: shift
<= 0.2 stars on every target, honest false positives <= 0.5 %.
Writes bench/results/ratings_replay.json.

    .venv/bin/python bench/ratings_replay.py [--seed 7] [--per-hour 75] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import ratings_sim as sim
from civility.api.app import create_app
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.logging import configure_logging
from civility.ratings.applier import RatingApplier
from civility.ratings.fraud import FraudDetector
from civility.ratings.models import StatsDelta, StatsUpdate
from civility.ratings.repository import (
    InMemoryRatingRepository,
    MemoryRatingCache,
    NoRateLimit,
)
from civility.ratings.service import RatingService
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import Database, upgrade
from civility.storage.ratings import SqlRatingRepository
from civility.storage.tables_ratings import rating_reviews, ratings

RESULTS = Path(__file__).parent / "results"
SHIFT_TARGET = 0.2
FALSE_POSITIVE_TARGET = 0.005
# The simulation's ip_key: addresses hash the same in both paths.
IP_KEY = b"simulation"
# The app's own flush triggers stay out of the way; the replay flushes on the simulation's rule.
IDLE_FLUSH_MS = 600_000.0


def transfer(repo: InMemoryRatingRepository, db: Database) -> None:
    """Writes the simulated world's rating state into a migrated database."""
    updates = [
        StatsUpdate(
            post_id=s.post_id,
            delta=StatsDelta(
                s.count, s.score_sum, s.trusted_weight, s.trusted_sum, s.suspicious_count
            ),
            stable_average=s.stable_average,
            stable_updated_at=s.stable_updated_at or sim.START,
            first_rated_at=s.first_rated_at or sim.START,
            last_rated_at=s.last_rated_at or sim.START,
            marker=s.marker,
        )
        for s in repo.stats.values()
    ]
    with SqlRatingRepository(db).transaction() as tx:
        tx.insert_versions(list(repo.versions.values()))
        tx.upsert_ratings(list(repo.ratings.values()))
        tx.upsert_flags(list(repo.flags.values()))
        tx.save_reviews(list(repo.reviews.values()))
        tx.save_raters(list(repo.raters.values()))
        tx.apply_stats(updates)


@dataclass
class Live:
    """The running app, its container, its clock and a client holding a service key."""

    container: Container
    clock: ManualClock
    client: httpx.AsyncClient
    admin: dict[str, str]


@asynccontextmanager
async def live_app(base: sim.Base, folder: Path) -> AsyncIterator[Live]:
    """Starts the app on a database holding the base world, its detector state copied in."""
    url = f"sqlite:///{folder / 'replay.db'}"
    upgrade(url)
    db = Database.from_url(url)
    try:
        transfer(base.repo, db)
    finally:
        db.dispose()
    settings = load_settings(
        database_url=url,
        data_dir=folder,
        env="test",
        log_level="warning",
        scorer="lexicon-baseline",
        rate_limit_service="",
        rate_limit_admin="",
        ratings_flush_interval_ms=IDLE_FLUSH_MS,
        ratings_max_pending=10_000_000,
    )
    clock = ManualClock(base.clock.now())
    detector: FraudDetector = copy.deepcopy(base.service.detector)
    admin: list[str] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        # The production service and applier on the app's database; only the rate limits are
        # off and the detector starts from the simulated world's state.
        c.ratings = RatingService(
            SqlRatingRepository(c.db),
            MemoryRatingCache(max_posts=10_000, ttl_seconds=10**9),
            NoRateLimit(),
            clock,
            detector=detector,
            ip_key=IP_KEY,
        )
        c.rating_applier = RatingApplier(
            c.ratings.apply,
            max_size=sim.FLUSH_SIZE,
            interval=IDLE_FLUSH_MS / 1000,
            max_pending=settings.ratings_max_pending,
        )
        return c

    app = create_app(build, on_admin_key=admin.append)
    async with app.router.lifespan_context(app):
        container: Container = app.state.container
        key = await asyncio.to_thread(container.api_keys.create, Role.SERVICE)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://replay",
            headers={"Authorization": f"Bearer {key.secret}"},
            timeout=60,
        ) as client:
            yield Live(container, clock, client, {"Authorization": f"Bearer {admin[0]}"})


def _body(e: sim.Rated) -> dict[str, Any]:
    body: dict[str, Any] = {"post_id": e.post_id, "user_id": e.user_id, "score": e.score}
    if e.created_at is not None:
        body["user_created_at"] = e.created_at.isoformat()
    if e.ip is not None:
        body["ip"] = e.ip
    if e.client_hint is not None:
        body["client_hint"] = e.client_hint
    return body


async def replay(live: Live, events: list[sim.Rated]) -> int:
    """Sends ratings in time order, one request each, flushing on the simulation's rule."""
    applier = live.container.rating_applier
    pending = 0
    ordered = sorted(events, key=lambda r: r.at)
    last_flush = ordered[0].at if ordered else sim.EPOCH
    for e in ordered:
        if pending and (pending >= sim.FLUSH_SIZE or (e.at - last_flush).total_seconds() >= 1):
            assert await applier.flush(), "a batch failed to apply"
            pending, last_flush = 0, e.at
        live.clock.set(e.at)
        r = await live.client.post("/v1/ratings", json=_body(e))
        if r.status_code != 202:
            raise RuntimeError(f"POST /v1/ratings -> {r.status_code}: {r.text}")
        pending += 1
    if pending:
        assert await applier.flush(), "a batch failed to apply"
    assert applier.pending == 0
    return len(ordered)


async def _trusted(live: Live, posts: list[str]) -> list[tuple[float | None, float | None]]:
    """(trusted, raw) averages of posts as the API answers them."""
    out = []
    for post in posts:
        r = await live.client.get(f"/v1/posts/{post}/rating", headers=live.admin)
        r.raise_for_status()
        body = r.json()
        out.append((body["trusted_average"], body["raw_average"]))
    return out


def _flags(container: Container) -> dict[tuple[str, str], bool]:
    """Every stored current rating's flag, as the app's database holds it."""
    c = ratings.c
    with container.db.read() as conn:
        rows = conn.execute(select(c.post_id, c.user_id, c.suspicious)).all()
    return {(p, u): bool(s) for p, u, s in rows}


def _review_count(container: Container) -> int:
    with container.db.read() as conn:
        return len(conn.execute(select(rating_reviews.c.id)).all())


async def scenario_live(base: sim.Base, plan: sim.Plan, folder: Path) -> dict[str, Any]:
    """One plan: without the attack and with it in the simulation, with it over HTTP."""
    honest_run = sim.clone(base)
    sim_run = sim.clone(base)
    # The plan draws from the world's random stream exactly as ratings_sim.scenario does.
    targets, honest, attack = plan(sim_run.world, sim_run.repo)
    sim.run(honest_run.service, honest_run.clock, honest)
    sim.run(sim_run.service, sim_run.clock, honest + attack)
    without = sim.trusted(honest_run.repo, targets)
    sim_with = sim.trusted(sim_run.repo, targets)
    raw_without = [(honest_run.repo.stats[p].raw_average or 0) for p in targets]

    async with live_app(base, folder) as live:
        started = time.perf_counter()
        sent = await replay(live, honest + attack)
        seconds = time.perf_counter() - started
        answered = await _trusted(live, targets)
        flags = await asyncio.to_thread(_flags, live.container)
        reviews = await asyncio.to_thread(_review_count, live.container)
        listed = await live.client.get("/v1/ratings/reviews?limit=500", headers=live.admin)
        listed.raise_for_status()
        open_items = listed.json()["items"]

    http_with = [t for t, _ in answered]
    shifts = [abs((a or 0) - (b or 0)) for a, b in zip(http_with, without, strict=True)]
    raw = [abs((r or 0) - b) for (_, r), b in zip(answered, raw_without, strict=True)]
    attack_keys = {(e.post_id, e.user_id) for e in attack}
    standing = dict(zip(targets, without, strict=True))
    pushed = {
        (e.post_id, e.user_id)
        for e in attack
        if e.post_id in standing and abs(e.score - (standing[e.post_id] or 3.0)) >= 1.0
    }
    caught = [flags[k] for k in pushed if k in flags]
    honest_flags = [s for k, s in flags.items() if k not in attack_keys]
    base_flagged = sum(r.suspicious for r in base.repo.ratings.values())
    sim_flags = {k: r.suspicious for k, r in sim_run.repo.ratings.items()}
    return {
        "targets": len(targets),
        "attack_ratings": len(attack),
        "requests": sent,
        "shift_mean": round(sum(shifts) / len(shifts), 3),
        "shift_max": round(max(shifts), 3),
        "raw_shift_max": round(max(raw), 3),
        "trusted_without_attack": [None if v is None else round(v, 3) for v in without],
        "trusted_with_attack_http": http_with,
        "trusted_with_attack_sim": [None if v is None else round(v, 4) for v in sim_with],
        "caught": round(sum(caught) / max(1, len(caught)), 3),
        "honest_flagged": sum(honest_flags),
        "honest_flagged_in_scenario": sum(honest_flags) - base_flagged,
        "honest_false_positive_rate": round(sum(honest_flags) / max(1, len(honest_flags)), 5),
        "review_items": reviews,
        "open_review_items_listed": len(open_items),
        "open_review_kinds": sorted({i["kind"] for i in open_items}),
        # How far the HTTP path and the in-process simulation disagree (0 when they match).
        "http_vs_sim_trusted_max_diff": round(
            max(abs((a or 0) - (b or 0)) for a, b in zip(http_with, sim_with, strict=True)), 4
        ),
        "http_vs_sim_flags_differing": sum(flags.get(k, False) != v for k, v in sim_flags.items())
        + sum(1 for k in flags if k not in sim_flags),
        "seconds": round(seconds, 2),
        "requests_per_second": round(sent / seconds, 1) if seconds else None,
    }


def verdict(result: dict[str, Any]) -> bool:
    """Tells whether a scenario meets the replay's targets."""
    return bool(
        result["shift_max"] <= SHIFT_TARGET
        and result["honest_false_positive_rate"] <= FALSE_POSITIVE_TARGET
    )


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    """Builds the honest world once and replays every chosen scenario through HTTP."""
    started = time.perf_counter()
    base = sim.build(args.seed, per_hour=args.per_hour)
    history = list(base.repo.ratings.values())
    report: dict[str, Any] = {
        "benchmark": "ratings_replay",
        "seed": args.seed,
        "history_per_hour": args.per_hour,
        "honest_history": {
            "ratings": len(history),
            "flagged": sum(r.suspicious for r in history),
            "seconds": round(time.perf_counter() - started, 1),
        },
        "targets": {"shift_max": SHIFT_TARGET, "honest_false_positive_rate": FALSE_POSITIVE_TARGET},
        "scenarios": {},
    }
    for name, plan in sim.PLANS.items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        with tempfile.TemporaryDirectory(prefix="ratings-replay-") as folder:
            result = await scenario_live(base, plan, Path(folder))
        result["meets_targets"] = verdict(result)
        report["scenarios"][name] = result
        shown = {k: v for k, v in result.items() if "trusted" not in k}
        print(name, json.dumps(shown), flush=True)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def main() -> None:
    """Runs the replay and prints / writes the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-hour", type=float, default=75, help="honest history rate")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    configure_logging("warning")  # otherwise structlog prints a debug line per request
    report = asyncio.run(main_async(args))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / ("ratings_replay.json" if not args.only else "ratings_replay_partial.json")
    out.write_text(json.dumps(report, indent=2))
    met = sum(r["meets_targets"] for r in report["scenarios"].values())
    print(f"{met}/{len(report['scenarios'])} scenarios meet the targets")
    print(f"full report: {out} ({report['seconds']} s)")


if __name__ == "__main__":
    main()
