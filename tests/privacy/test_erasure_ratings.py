"""Erasure and export reach the ratings v2 tables and score suggestions, on SQLite and
PostgreSQL: what the trust model learned, the review items naming the rater, their flags and
versions, the events about them, and suggestions about the texts the author wrote."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.clock import ManualClock
from civility.events.models import EventQuery, EventType
from civility.privacy.service import TOMBSTONE, DataRightsService, Erasure
from civility.ratings.fraud import FraudDetector
from civility.ratings.repository import MemoryRatingCache, NoRateLimit
from civility.ratings.reviews import RatingReview, ReviewStatus, Verdict
from civility.ratings.service import RatingInput, RatingService
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.privacy import SqlAuthorData
from civility.storage.ratings import SqlRatingRepository
from civility.storage.repositories import SqlEventRepository
from civility.storage.suggestions import SqlSuggestionRepository
from civility.storage.tables_ratings import (
    rater_trust,
    rating_flags,
    rating_reviews,
    rating_versions,
    ratings,
)
from civility.storage.tables_suggestions import score_suggestions
from civility.suggestions.service import Suggested, SuggestionService

SECRET = "you are a stupid idiot, call me at +44 7700 900123"


class Seeded:
    """Ids of one test's data (unique per test: the PostgreSQL database is shared)."""

    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:8]
        self.post = f"post-{tag}"
        self.fans = [f"fan{i}-{tag}" for i in range(200)]
        # The erased rater; `lookalike` contains its id (a substring match must not hit it).
        self.author = f'a0-{tag}%_"'
        self.lookalike = f'xa0-{tag}%_"x'
        self.raiders = [self.author, self.lookalike, *(f"a{i}-{tag}" for i in range(2, 100))]
        self.secret = f"{SECRET} {tag}"
        self.other_text = f"someone else's words {tag}"


def _service(db: Database, clock: ManualClock) -> RatingService:
    repo = SqlRatingRepository(db)
    return RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock, detector=FraudDetector())


def _rate(service: RatingService, clock: ManualClock, days: float, *items: Any) -> None:
    created = clock.now() - timedelta(days=days)
    inputs = [RatingInput(p, u, s, user_created_at=created, ip="198.51.100.7") for p, u, s in items]
    service.apply([a.submission for a in service.accept(inputs) if a.submission])


def _seed(db: Database, clock: ManualClock, ids: Seeded) -> RatingService:
    """200 fans over 200 hours, then 100 new accounts give one star within a minute (a burst
    review item naming them); the author also wrote a message whose text got suggestions."""
    service = _service(db, clock)
    for i, fan in enumerate(ids.fans):
        clock.advance(3600)
        _rate(service, clock, 400, (ids.post, fan, (5, 4, 5, 4)[i % 4]))
    clock.advance(30)
    _rate(service, clock, 0.1, *[(ids.post, u, 1) for u in ids.raiders])
    now = clock.now()
    with db.write() as conn:
        rows = [
            (f"m-{ids.author}", ids.author, ids.secret),
            (f"m-{ids.lookalike}", ids.lookalike, ids.other_text),
        ]
        for platform_id, author, text in rows:
            conn.execute(
                insert(t.messages).values(
                    id=uuid.uuid4().hex,
                    platform_message_id=platform_id,
                    author_id=author,
                    channel_id="general",
                    text=text,
                    metadata={},
                    received_at=now,
                )
            )
    suggestions = SuggestionService(SqlSuggestionRepository(db), clock)
    for text in (ids.secret, ids.secret, ids.other_text):
        suggestions.record(text, [Suggested("TOXICITY", "toxicity", 1.0)], submitted_by="key1")
    return service


def _count(db: Database, stmt: Any) -> int:
    with db.read() as conn:
        return int(conn.execute(stmt).scalar_one())


def _review(db: Database, ids: Seeded) -> dict[str, Any]:
    with db.read() as conn:
        rows = conn.execute(select(rating_reviews)).mappings().all()
    [row] = [r for r in rows if ids.post in r["post_ids"]]
    return dict(row)


def _rater(db: Database, user: str) -> dict[str, Any] | None:
    with db.read() as conn:
        row = conn.execute(select(rater_trust).where(rater_trust.c.user_id == user)).first()
    return None if row is None else dict(row._mapping)


def _erase(db: Database, clock: ManualClock, user: str) -> Erasure:
    return DataRightsService(SqlAuthorData(db), clock).erase(user, actor="admin:test")


def test_erasure_covers_trust_reviews_flags_and_suggestions(
    db: Database, clock: ManualClock
) -> None:
    ids = Seeded()
    service = _seed(db, clock, ids)
    review = _review(db, ids)
    assert ids.author in review["user_ids"]
    assert ids.lookalike in review["user_ids"]
    assert _rater(db, ids.author) is not None

    data = DataRightsService(SqlAuthorData(db), clock).export(ids.author)
    assert [r["user_id"] for r in data["rater_trust"]] == [ids.author]
    [item] = data["rating_reviews"]
    assert (item["id"], item["kind"], item["post_ids"]) == (review["id"], "burst", [ids.post])
    assert "user_ids" not in item
    assert "evidence" not in item
    assert [s["text"] for s in data["score_suggestions"]] == [ids.secret, ids.secret]
    assert "submitted_by" not in data["score_suggestions"][0]
    assert [f["post_id"] for f in data["rating_flags"]] == [ids.post]
    assert {e["type"] for e in data["events"]} >= {"rating.suspicious", "review.requested"}

    erasure = _erase(db, clock, ids.author)
    assert (erasure.ratings, erasure.raters, erasure.rating_reviews) == (1, 1, 1)
    assert erasure.suggestions == 2
    assert erasure.messages == 1
    assert erasure.events >= 1  # the rating.suspicious event loses its score

    assert _rater(db, ids.author) is None
    after = _review(db, ids)
    assert ids.author not in after["user_ids"]
    assert len(after["user_ids"]) == len(review["user_ids"]) - 1
    assert after["status"] == ReviewStatus.OPEN.value
    assert after["version"] == review["version"] + 1
    for table in (ratings, rating_versions, rating_flags):
        assert _count(db, select(func.count()).where(table.c.user_id == ids.author)) == 0
    # Someone else's suggestion, rating, trust and review entry stay.
    digest_left = select(func.count()).select_from(score_suggestions)
    assert _count(db, digest_left.where(score_suggestions.c.text == ids.other_text)) == 1
    assert _count(db, digest_left.where(score_suggestions.c.text == ids.secret)) == 0
    assert _rater(db, ids.lookalike) is not None
    assert _count(db, select(func.count()).where(ratings.c.user_id == ids.lookalike)) == 1

    events = SqlEventRepository(db).list_events(EventQuery(limit=5000))
    mine = [
        e
        for e in events
        if e.type == EventType.RATING_SUSPICIOUS and e.payload.get("user_id") == ids.author
    ]
    assert mine
    assert all(e.payload["score"] is None for e in mine)
    [erased] = [
        e for e in events if e.type == EventType.AUTHOR_ERASED and e.subject_id == ids.author
    ]
    assert erased.payload["raters"] == 1
    assert erased.payload["suggestions"] == 2

    # Done twice, erasure changes nothing more.
    again = _erase(db, clock, ids.author)
    # (`messages` counts the author's messages again, tombstoned already: the same rows.)
    assert replace(again, messages=0) == Erasure()
    data = DataRightsService(SqlAuthorData(db), clock).export(ids.author)
    for section in ("ratings", "rating_versions", "rating_flags", "rater_trust"):
        assert data[section] == []
    assert data["rating_reviews"] == []
    assert data["score_suggestions"] == []
    assert {m["text"] for m in data["messages"]} == {TOMBSTONE}
    assert ids.secret not in str(data)

    # A verdict on the item later never reaches the erased account.
    service.decide(review["id"], Verdict.CONFIRM, "dashboard:mod")
    assert _rater(db, ids.author) is None
    assert _rater(db, ids.lookalike)["blocked"]  # type: ignore[index]


def test_a_blocked_rater_stays_blocked_with_nothing_learned(
    db: Database, clock: ManualClock
) -> None:
    ids = Seeded()
    service = _seed(db, clock, ids)
    review = _review(db, ids)
    service.decide(review["id"], Verdict.CONFIRM, "dashboard:mod")
    resolved = [
        e
        for e in SqlEventRepository(db).list_events(EventQuery(type="review.resolved", limit=5000))
        if e.subject_id == review["id"]
    ]
    assert ids.author in resolved[0].payload["user_ids"]
    before = _rater(db, ids.author)
    assert before is not None
    assert before["blocked"]
    assert before["pending"]

    erasure = _erase(db, clock, ids.author)
    assert erasure.raters == 1
    after = _rater(db, ids.author)
    assert after is not None
    assert after["blocked"]
    assert (after["pending"], after["judged"], after["agree"]) == ([], 0.0, 0.0)
    resolved = [
        e
        for e in SqlEventRepository(db).list_events(EventQuery(type="review.resolved", limit=5000))
        if e.subject_id == review["id"]
    ]
    assert ids.author not in resolved[0].payload["user_ids"]
    assert ids.lookalike in resolved[0].payload["user_ids"]
    assert _erase(db, clock, ids.author).raters == 0

    # The erased process forgets the rater in memory too; the stored block still holds.
    service.forget_rater(ids.author)
    clock.advance(timedelta(days=1))
    _rate(service, clock, 400, (f"other-{ids.post}", ids.author, 5))
    with db.read() as conn:
        weight = conn.execute(
            select(ratings.c.weight).where(ratings.c.user_id == ids.author)
        ).scalar_one()
    assert weight == 0.0


def test_evidence_per_account_leaves_with_the_author(db: Database, clock: ManualClock) -> None:
    ids = Seeded()
    now = clock.now()
    item = RatingReview(
        id=uuid.uuid4().hex[:24],
        key=f"deviant_account:{ids.post}",
        kind="deviant_account",
        status=ReviewStatus.OPEN,
        post_ids=(ids.post,),
        user_ids=(ids.lookalike, ids.author),
        evidence={
            "accounts": {
                ids.author: {"ratings_judged": 7, "mean_distance": 2.4},
                ids.lookalike: {"ratings_judged": 5, "mean_distance": 2.1},
            },
            "held": {ids.post: [2.0, 2.0]},
        },
        created_at=now,
        updated_at=now,
    )
    with SqlRatingRepository(db).transaction() as tx:
        tx.save_reviews([item])
    data = DataRightsService(SqlAuthorData(db), clock).export(ids.author)
    [view] = data["rating_reviews"]
    assert view["account"] == {"ratings_judged": 7, "mean_distance": 2.4}
    assert _erase(db, clock, ids.author).rating_reviews == 1
    after = _review(db, ids)
    assert after["user_ids"] == [ids.lookalike]
    assert list(after["evidence"]["accounts"]) == [ids.lookalike]
    assert after["evidence"]["held"] == {ids.post: [2.0, 2.0]}
    assert DataRightsService(SqlAuthorData(db), clock).export(ids.lookalike)["rating_reviews"]


def test_erasure_is_one_transaction(db: Database, clock: ManualClock) -> None:
    ids = Seeded()
    _seed(db, clock, ids)

    failing = SqlAuthorData(db, unit_of_work=failing_unit_of_work(db))
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        DataRightsService(failing, clock).erase(ids.author, actor="admin:test")
    assert log_sizes(db) == before
    assert _rater(db, ids.author) is not None
    assert ids.author in _review(db, ids)["user_ids"]
    count = select(func.count()).where(score_suggestions.c.text == ids.secret)
    assert _count(db, count) == 2
    assert _count(db, select(func.count()).where(ratings.c.user_id == ids.author)) == 1
