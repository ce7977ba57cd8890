"""Review queue reads on a large SQLite database: first page per order and filter, item detail.

Seeds N decided messages (half flagged, a fifth hidden or blocked), then times
ReviewService.list_items (50 items) for each order and filter, a page deep into the queue via
its cursor, and the item detail (notes, author standing, neighbours); then what the queue page
adds since issue 17: the priority order, a tab's count, the author and identical-text groups,
the banned authors' folded blocks and the rule filter's choices. The baseline in the same
run is GET /v1/messages' query (SqlModerationRepository.list_messages, 50 newest), the existing
moderator list. Also timed: storing a batch of 2000 decided messages (the seeding; the priority
key is stored with each reviewable decision since migration 0017) and a user report arriving on a
queued item (it updates the item's stored key). Writes bench/results/review_queue[-TAG].json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _timing import timed_ms
from civility.clock import ManualClock
from civility.container import build_container
from civility.events.models import EventType, new_event
from civility.moderation.records import MessageQuery, Outcome, StoredDecision, StoredMessage
from civility.moderation.service import decision_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review.models import ReviewOrder, ReviewQuery, ReviewView
from civility.review.priority import GroupBy
from civility.scoring.base import CATEGORIES
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import upgrade
from civility.storage.repositories import SqlModerationRepository
from civility.storage.user_reports import SqlReportRepository
from civility.user_reports.models import Report, ReportReason

RESULTS = Path(__file__).parent / "results"
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _outcome(i: int, rng: random.Random) -> Outcome:
    action = rng.choices(list(Action), weights=(30, 50, 15, 5))[0]
    scores = {c: rng.random() for c in CATEGORIES}
    at = NOW - timedelta(seconds=i)
    mid = f"msg_{i:026d}"
    message = StoredMessage(
        mid,
        f"p{i}",
        f"u{rng.randrange(2000)}",
        f"c{rng.randrange(40)}",
        "some text that was flagged",
        "en",
        {},
        None,
        at,
    )
    category = max(scores, key=lambda c: scores[c])
    reason = Reason(
        category, "m", ReasonSource.MODEL, action, category, scores[category], ((0, 4),)
    )
    decision = StoredDecision(
        f"dec_{i:026d}", mid, action, Severity.LOW, (reason,), 1, "s:1", "sync", at
    )
    return Outcome(message, scores, "s:1", decision, (decision_event(message, decision, scores),))


def main() -> None:
    """Seeds, measures and prints the results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--tag", default="", help="suffix of the JSON file (compare runs)")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        settings = load_settings(database_url=url, data_dir=tmp, env="test")
        c = build_container(settings, clock=ManualClock(NOW), scorer=LexiconBaselineScorer())
        repo = SqlModerationRepository(c.db)
        seed_ms = []
        for start in range(0, args.messages, 2000):
            batch = [_outcome(i, rng) for i in range(start, min(start + 2000, args.messages))]
            began = time.perf_counter()
            with repo.transaction() as tx:
                tx.insert_messages([o.message for o in batch])
                tx.save_outcomes(batch)
                tx.record([e for o in batch for e in o.events])
            seed_ms.append((time.perf_counter() - began) * 1000)
        reports = SqlReportRepository(c.db)
        reporter = itertools.count()

        def report_arrives() -> None:
            n = next(reporter)
            report = Report(
                f"rpt_{n:026d}",
                f"msg_{(n * 7) % args.messages:026d}",
                "c0",
                f"r{n}",
                ReportReason.SPAM,
                None,
                1000,
                NOW,
            )
            event = new_event(
                EventType.REPORT_RECEIVED,
                id=f"report.received:{report.id}",
                subject=("message", report.message_id),
                actor=f"reporter:{report.reporter_id}",
                channel_id=report.channel_id,
                payload={},
                at=NOW,
            )
            with reports.transaction() as tx:
                if tx.add(report):
                    tx.record([event])

        first = c.review.list_items(ReviewQuery(order=ReviewOrder.AGE))[0][0].message_id
        deep_cursor: Any = None
        for _ in range(20):
            deep_cursor = c.review.list_items(ReviewQuery(cursor=deep_cursor))[1]
        prio_cursor: Any = None
        for _ in range(20):
            prio_cursor = c.review.list_items(
                ReviewQuery(order=ReviewOrder.PRIORITY, cursor=prio_cursor)
            )[1]
        pending = ReviewQuery(view=ReviewView.FLAGGED)
        cases: dict[str, Callable[[], Any]] = {
            "baseline: GET /v1/messages query": lambda: repo.list_messages(MessageQuery()),
            "queue by score": lambda: c.review.list_items(ReviewQuery()),
            "queue by age": lambda: c.review.list_items(ReviewQuery(order=ReviewOrder.AGE)),
            "queue by channel": lambda: c.review.list_items(ReviewQuery(order=ReviewOrder.CHANNEL)),
            "automated by score": lambda: c.review.list_items(
                ReviewQuery(view=ReviewView.AUTOMATED)
            ),
            "channel filter": lambda: c.review.list_items(ReviewQuery(channel_id="c7")),
            "category filter": lambda: c.review.list_items(ReviewQuery(category="threat")),
            "page 21 by score (cursor)": lambda: c.review.list_items(
                ReviewQuery(cursor=deep_cursor)
            ),
            "item detail": lambda: c.review.detail(first),
            "queue by priority": lambda: c.review.list_items(
                ReviewQuery(order=ReviewOrder.PRIORITY)
            ),
            "page 21 by priority (cursor)": lambda: c.review.list_items(
                ReviewQuery(order=ReviewOrder.PRIORITY, cursor=prio_cursor)
            ),
            "count of a tab (pending)": lambda: c.review.count(pending),
            "every tab's count, one pass (live poll)": lambda: c.review.pending_counts(),
            "groups by author": lambda: c.review.groups(pending, GroupBy.AUTHOR),
            "groups by identical text": lambda: c.review.groups(pending, GroupBy.TEXT),
            "banned authors' blocks": lambda: c.review.all_groups(
                ReviewQuery(view=ReviewView.AUTOMATED, ban_blocks=True), GroupBy.AUTHOR
            ),
            "rule filter choices": lambda: c.review.reason_codes(ReviewView.FLAGGED),
        }
        results = {name: timed_ms(fn, args.repeat, 2) for name, fn in cases.items()}
        # Last: the reports change the priority order the cases above read.
        results["a report arrives (write)"] = timed_ms(report_arrives, args.repeat, 2)
        results["store 2000 decided messages"] = {
            "p50_ms": round(statistics.median(seed_ms), 2),
            "max_ms": round(max(seed_ms), 2),
        }
        c.close()
    report = {"messages": args.messages, "sqlite": True, "results": results}
    for name, r in results.items():
        print(f"{name:34s} p50 {r['p50_ms']:8.2f} ms   max {r['max_ms']:8.2f} ms")
    RESULTS.mkdir(exist_ok=True)
    name = f"review_queue-{args.tag}.json" if args.tag else "review_queue.json"
    (RESULTS / name).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
