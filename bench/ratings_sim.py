"""Plays organic rating traffic plus attacks through the rating service and reports per scenario.

Everything runs on a ManualClock against the in-memory repository (no sleeping, no database):
the detector, the running sums and the stabilised average are exactly what production runs.

Scenarios (each on a fresh service with the same 30 days of organic history):
  burst  500 one-star ratings from accounts created that day, within 2 minutes, on a 4.5 post
  ring   50 accounts created the same day give 5 stars to the same 8 weak posts over 5 days
  surge  an organic viral surge: 3,000 ratings in one hour on one post, 30% from new accounts

For each: how far the raw, trusted and stabilised averages of the target posts moved (the raw
average is the undefended baseline), and detection precision / recall / organic false-flag
rate. Goals: burst moves the trusted average < 0.1 while the raw one collapses; the surge
raises <= 1% false flags. Writes bench/results/ratings_sim.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from civility.clock import ManualClock
from civility.ratings.fraud import FraudConfig, FraudDetector
from civility.ratings.models import PostStats
from civility.ratings.repository import (
    InMemoryRatingRepository,
    MemoryRatingCache,
    NoRateLimit,
)
from civility.ratings.service import RatingInput, RatingService

RESULTS = Path(__file__).parent / "results"
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
HISTORY = timedelta(days=30)
FLUSH_SIZE = 500
BURST_TARGET = "post-11"


@dataclass(frozen=True, slots=True)
class Rated:
    """One simulated rating and whether it is part of an attack."""

    at: datetime
    post_id: str
    user_id: str
    score: float
    created_at: datetime
    attack: bool = False


class World:
    """Posts with a hidden quality, organic users, and newcomers who keep arriving."""

    def __init__(self, rng: random.Random, posts: int = 200, users: int = 20_000) -> None:
        self.rng = rng
        self.quality = {f"post-{i}": rng.uniform(1.8, 4.8) for i in range(posts)}
        self.quality[BURST_TARGET] = 4.5  # popular and well liked: the burst attack's target
        self.posts = list(self.quality)
        weights = [1 / (i + 1) ** 0.8 for i in range(posts)]
        self.cum = [sum(weights[: i + 1]) for i in range(posts)]
        self.old_users = {
            f"user-{i}": EPOCH - timedelta(days=rng.uniform(30, 1000)) for i in range(users)
        }
        self.old_ids = list(self.old_users)
        self.newcomers: list[tuple[str, datetime]] = []
        self._next_new = 0

    def score(self, post: str) -> float:
        """An organic score: the post's quality plus taste noise, in whole stars."""
        return float(min(5, max(1, round(self.rng.gauss(self.quality[post], 0.9)))))

    def user(self, at: datetime, new_share: float) -> tuple[str, datetime]:
        """Picks an organic rater; some are newcomers (accounts a few days old)."""
        if self.rng.random() >= new_share:
            uid = self.rng.choice(self.old_ids)
            return uid, self.old_users[uid]
        self.newcomers = [(u, c) for u, c in self.newcomers if at - c < timedelta(days=5)]
        if self.newcomers and self.rng.random() < 0.5:
            return self.rng.choice(self.newcomers)
        self._next_new += 1
        newcomer = (f"new-{self._next_new}", at - timedelta(hours=self.rng.uniform(0, 96)))
        self.newcomers.append(newcomer)
        return newcomer

    def organic(
        self, start: datetime, end: datetime, per_hour: float, new_share: float = 0.15
    ) -> Iterator[Rated]:
        """Poisson organic traffic over the catalogue, popularity following a Zipf law."""
        at = start
        while True:
            at += timedelta(hours=self.rng.expovariate(per_hour))
            if at >= end:
                return
            post = self.rng.choices(self.posts, cum_weights=self.cum)[0]
            uid, created = self.user(at, new_share)
            yield Rated(at, post, uid, self.score(post), created)


def run(service: RatingService, clock: ManualClock, events: list[Rated]) -> None:
    """Feeds ratings in time order through accept + batched apply, like the applier does."""
    pending = []
    last_flush = events[0].at if events else EPOCH
    for e in sorted(events, key=lambda r: r.at):
        if pending and (len(pending) >= FLUSH_SIZE or (e.at - last_flush).total_seconds() >= 1):
            # The applier's triggers: a full batch or one flush interval (1 s) since the last.
            service.apply(pending)
            pending, last_flush = [], e.at
        clock.set(e.at)
        item = RatingInput(e.post_id, e.user_id, e.score, user_created_at=e.created_at)
        pending.extend(a.submission for a in service.accept([item]) if a.submission)
    if pending:
        service.apply(pending)


def averages(stats: PostStats) -> dict[str, float | None]:
    """The three averages of a post, rounded."""
    values = {
        "raw": stats.raw_average,
        "trusted": stats.trusted_average,
        "stable": stats.stable_average,
    }
    return {k: None if v is None else round(v, 4) for k, v in values.items()}


def movement(before: list[PostStats], after: list[PostStats]) -> dict[str, Any]:
    """Mean absolute movement of each average over the target posts."""
    out: dict[str, Any] = {"before": [averages(s) for s in before]}
    out["after"] = [averages(s) for s in after]
    for name in ("raw", "trusted", "stable"):
        moves = [
            abs((a[name] or 0) - (b[name] or 0))
            for a, b in zip(out["after"], out["before"], strict=True)
        ]
        out[f"{name}_moved"] = round(sum(moves) / len(moves), 4)
    return out


def detection(repo: InMemoryRatingRepository, events: list[Rated]) -> dict[str, Any]:
    """Precision and recall of the suspicious marks over the scenario's own ratings."""
    attack = {(e.post_id, e.user_id) for e in events if e.attack}
    organic = {(e.post_id, e.user_id) for e in events if not e.attack} - attack
    flagged = {k for k, r in repo.ratings.items() if r.suspicious}
    hits = len(flagged & attack)
    false = len(flagged & organic)
    return {
        "attack_ratings": len(attack),
        "organic_ratings": len(organic),
        "flagged_attack": hits,
        "flagged_organic": false,
        "precision": round(hits / (hits + false), 4) if hits + false else None,
        "recall": round(hits / len(attack), 4) if attack else None,
        "organic_false_flag_rate": round(false / len(organic), 5) if organic else None,
    }


def fresh(
    seed: int, config: FraudConfig | None = None, per_hour: float = 60
) -> tuple[World, RatingService, ManualClock, InMemoryRatingRepository]:
    """A new world and service with 30 days of organic history applied."""
    world = World(random.Random(seed))
    clock = ManualClock(EPOCH)
    repo = InMemoryRatingRepository()
    detector = FraudDetector(config)
    service = RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock, detector=detector)
    run(service, clock, list(world.organic(EPOCH, EPOCH + HISTORY, per_hour=per_hour)))
    return world, service, clock, repo


def stats_of(repo: InMemoryRatingRepository, posts: list[str]) -> list[PostStats]:
    """Current sums of the given posts."""
    return [repo.stats.get(p) or PostStats(p) for p in posts]


def history(seed: int) -> dict[str, Any]:
    """False flags in the 30 days of purely organic traffic every scenario starts from."""
    _, _, _, repo = fresh(seed)
    flagged = sum(r.suspicious for r in repo.ratings.values())
    new = sum(r.weight < 1 for r in repo.ratings.values())
    return {
        "ratings": len(repo.ratings),
        "new_account_ratings": new,
        "flagged": flagged,
        "false_flag_rate": round(flagged / len(repo.ratings), 5),
    }


def scenario_burst(
    seed: int, config: FraudConfig | None = None, per_hour: float = 60
) -> dict[str, Any]:
    """500 one-star ratings from same-day accounts within 2 minutes on a 4.5-star post."""
    world, service, clock, repo = fresh(seed, config, per_hour)
    start = EPOCH + HISTORY
    target = BURST_TARGET
    before = stats_of(repo, [target])
    events = list(world.organic(start, start + timedelta(hours=1), per_hour=60))
    for i in range(500):
        at = start + timedelta(seconds=world.rng.uniform(0, 120))
        created = at.replace(hour=0, minute=0, second=0) + timedelta(
            minutes=world.rng.uniform(0, 5)
        )
        events.append(Rated(at, target, f"attacker-{i}", 1.0, min(created, at), attack=True))
    run(service, clock, events)
    return {
        "target": target,
        "averages": movement(before, stats_of(repo, [target])),
        "detection": detection(repo, events),
    }


def scenario_ring(seed: int, per_hour: float = 60) -> dict[str, Any]:
    """A slow ring: 50 accounts from one day rate the same 8 weak posts 5 stars over 5 days."""
    world, service, clock, repo = fresh(seed, per_hour=per_hour)
    start = EPOCH + HISTORY
    weak = [p for p in world.posts if world.quality[p] < 2.8 and repo.stats.get(p)]
    targets = sorted(weak, key=lambda p: -repo.stats[p].count)[:8]
    before = stats_of(repo, targets)
    end = start + timedelta(days=5)
    events = list(world.organic(start, end, per_hour=60))
    ring_day = start - timedelta(days=2)
    for i in range(50):
        created = ring_day + timedelta(hours=world.rng.uniform(0, 24))
        for post in targets:
            at = start + timedelta(seconds=world.rng.uniform(0, (end - start).total_seconds()))
            events.append(Rated(at, post, f"ring-{i}", 5.0, created, attack=True))
    run(service, clock, events)
    return {
        "targets": targets,
        "averages": movement(before, stats_of(repo, targets)),
        "detection": detection(repo, events),
    }


def scenario_surge(seed: int, per_hour: float = 60) -> dict[str, Any]:
    """An organic viral surge: 3,000 ratings in an hour on one 4.0 post, 30% newcomers."""
    world, service, clock, repo = fresh(seed, per_hour=per_hour)
    start = EPOCH + HISTORY
    target = min(world.posts, key=lambda p: abs(world.quality[p] - 4.0))
    before = stats_of(repo, [target])
    events = list(world.organic(start, start + timedelta(hours=2), per_hour=60))
    for _ in range(3000):
        at = start + timedelta(seconds=world.rng.uniform(0, 3600))
        uid, created = world.user(at, new_share=0.3)
        events.append(Rated(at, target, uid, world.score(target), created))
    run(service, clock, events)
    return {
        "target": target,
        "averages": movement(before, stats_of(repo, [target])),
        "detection": detection(repo, events),
    }


def main() -> None:
    """Runs every scenario and prints / writes the report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    # The same burst with detection switched off shows what the stabilised average alone does.
    undetected = FraudConfig(burst_min=10**9)
    report: dict[str, Any] = {
        "organic_history": history(args.seed),
        "burst": scenario_burst(args.seed),
        "burst_without_detection": scenario_burst(args.seed, undetected),
        "ring": scenario_ring(args.seed),
        "surge": scenario_surge(args.seed),
    }
    burst, surge = report["burst"], report["surge"]
    report["goals"] = {
        "burst_trusted_moved_lt_0.1": burst["averages"]["trusted_moved"] < 0.1,
        "burst_raw_collapsed_gt_1": burst["averages"]["raw_moved"] > 1.0,
        "surge_false_flags_le_1pct": surge["detection"]["organic_false_flag_rate"] <= 0.01,
    }
    report["summary"] = {
        name: {
            **{k: v for k, v in report[name]["averages"].items() if k.endswith("_moved")},
            **{k: report[name]["detection"][k] for k in ("precision", "recall")},
            "organic_false_flag_rate": report[name]["detection"]["organic_false_flag_rate"],
        }
        for name in ("burst", "burst_without_detection", "ring", "surge")
    }
    report["seconds"] = round(time.perf_counter() - started, 2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ratings_sim.json").write_text(json.dumps(report, indent=2))
    print(json.dumps({k: report[k] for k in ("organic_history", "summary", "goals")}, indent=2))
    print(f"full report: {RESULTS / 'ratings_sim.json'} ({report['seconds']} s)")


if __name__ == "__main__":
    main()
