"""Moderation report generation on a large SQLite database: facts, then each format.

Seeds N decided messages over 30 days in 40 channels (weights: allow 30, flag 50, hide 15,
block 5), resolves 2% of the reviewable ones through the review service (claim, then a verdict
minutes to hours later), then times ReportService.summary (the SQL and the tables) and each
format's rendering for the 30 days, daily. The baseline in the same run is GET /v1/stats's
query over the same 30 days (EnforcementService.stats), the existing aggregate endpoint.
Writes bench/results/reports.json; `--png DIR` also writes the PDF's pages as PNG (the docs'
rendered page comes from it).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _timing import timed_ms
from civility.clock import ManualClock
from civility.container import build_container
from civility.enforcement.service import StatsQuery
from civility.events.models import Event
from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.reports.service import ReportFormat
from civility.review.models import Resolution, ResolveRequest
from civility.scoring.base import CATEGORIES
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import upgrade
from civility.storage.repositories import SqlModerationRepository

RESULTS = Path(__file__).parent / "results"
START = datetime(2026, 2, 1, tzinfo=UTC)
DAYS = 30


def _outcome(i: int, n: int, rng: random.Random) -> Outcome:
    action = rng.choices(list(Action), weights=(30, 50, 15, 5))[0]
    scores = {c: rng.random() for c in CATEGORIES}
    at = START + timedelta(seconds=i * DAYS * 86_400 / n)
    mid = f"msg_{i:026d}"
    message = StoredMessage(
        mid, f"p{i}", f"u{rng.randrange(2000)}", f"c{rng.randrange(40)}", "text", "en", {}, None, at
    )
    category = max(scores, key=lambda c: scores[c])
    reasons = [Reason(category, "m", ReasonSource.MODEL, action, category, scores[category])]
    if rng.random() < 0.1:
        reasons.append(Reason("blocklist", "b", ReasonSource.BLOCKLIST, action))
    severity = Severity.NONE if action is Action.ALLOW else Severity.MEDIUM
    decision = StoredDecision(
        f"dec_{i:026d}", mid, action, severity, tuple(reasons), 1, "s:1", "sync", at
    )
    event = Event(
        f"decision:{mid}", f"message.{action.value}", "system", "message", mid, None, {}, at
    )
    return Outcome(message, scores, "s:1", decision, (event,))


def main() -> None:
    """Seeds, measures and prints the results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--png", type=Path, default=None)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        settings = load_settings(database_url=url, data_dir=tmp, env="test")
        clock = ManualClock(START)
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        repo = SqlModerationRepository(c.db)
        outcomes = [_outcome(i, args.messages, rng) for i in range(args.messages)]
        for start in range(0, args.messages, 2000):
            batch = outcomes[start : start + 2000]
            with repo.transaction() as tx:  # as the moderation service stores a decided batch
                tx.insert_messages([o.message for o in batch])
                tx.save_outcomes(batch)
                tx.record([e for o in batch for e in o.events])
        reviewable = [o for o in outcomes if o.decision.action is not Action.ALLOW]
        chosen = rng.sample(reviewable, k=len(reviewable) // 50)
        plan = []
        for o in chosen:
            first = o.decision.created_at + timedelta(minutes=rng.expovariate(1 / 30))
            done = first + timedelta(minutes=rng.expovariate(1 / 20))
            plan.append((first, done, o.message.id, rng.choice(["alice", "bob", "carol"])))
        verdicts = [Resolution.APPROVE, Resolution.HIDE, Resolution.REMOVE]
        # One timeline of claims and verdicts, in time order (the clock only moves forward).
        steps = sorted(
            [(first, 0, mid, who) for first, _, mid, who in plan]
            + [(done, 1, mid, who) for _, done, mid, who in plan]
        )
        for at, step, mid, who in steps:
            clock.advance(max(at - clock.now(), timedelta(0)))
            if step == 0:
                c.review.claim(mid, who)
            else:
                c.review.resolve(mid, who, ResolveRequest(rng.choice(verdicts)))
        query = c.reports.query(START, START + timedelta(days=DAYS), None)
        report = c.reports.summary(query)
        stats = StatsQuery(since=query.since, until=query.until, bucket="day")
        cases: dict[str, Callable[[], Any]] = {
            "baseline: GET /v1/stats query (30 days, daily)": lambda: c.enforcement.stats(stats),
            "report facts and tables (30 days)": lambda: c.reports.summary(query),
            "one channel's report": lambda: c.reports.summary(
                c.reports.query(query.since, query.until, "c7")
            ),
            **{
                f"render {f.value}": (lambda f=f: c.reports.render(report, f)) for f in ReportFormat
            },
        }
        results = {name: timed_ms(fn, args.repeat, 1) for name, fn in cases.items()}
        sizes = {f.value: len(c.reports.render(report, f).body) for f in ReportFormat}
        if args.png is not None:
            args.png.mkdir(parents=True, exist_ok=True)
            pdf = args.png / "report.pdf"
            pdf.write_bytes(c.reports.render(report, ReportFormat.PDF).body)
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(args.png / "report")], check=True
            )
        c.close()
    out = {
        "messages": args.messages,
        "reviewed": len(plan),
        "sqlite": True,
        "bytes": sizes,
        "results": results,
    }
    print(f"{args.messages} messages, {len(plan)} reviewed; file sizes {sizes}")
    for name, r in results.items():
        print(f"{name:48s} p50 {r['p50_ms']:9.1f} ms   max {r['max_ms']:9.1f} ms")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "reports.json").write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
