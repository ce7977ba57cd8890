"""Erasing a rater takes their ratings out of the per-post sums (`rating_stats`) in the same
transaction, on SQLite and PostgreSQL, and out of the cached answer; the API route too."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import Api
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.privacy.service import DataRightsService, erasure_payload
from civility.ratings.fraud import FraudDetector
from civility.ratings.repository import MemoryRatingCache, NoRateLimit
from civility.ratings.service import RatingInput, RatingService
from civility.storage.db import Database
from civility.storage.privacy import SqlAuthorData
from civility.storage.ratings import SqlRatingRepository
from civility.storage.tables_ratings import rating_stats, ratings

SUMS = ("count", "score_sum", "trusted_weight", "trusted_sum", "suspicious_count")


class World:
    """One test's posts and raters (unique ids: the PostgreSQL database is shared)."""

    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:8]
        self.busy = f"busy-{tag}"  # 30 fans and the author
        self.alone = f"alone-{tag}"  # only the author rated it
        self.burst = f"burst-{tag}"  # the author's rating there is held (a burst of new accounts)
        self.fans = [f"fan{i}-{tag}" for i in range(200)]
        self.author = f"author-{tag}"
        self.raiders = [self.author, *(f"raider{i}-{tag}" for i in range(99))]
        self.posts = (self.busy, self.alone, self.burst)


def _rate(service: RatingService, clock: ManualClock, days: float, *items: Any) -> None:
    created = clock.now() - timedelta(days=days)
    inputs = [RatingInput(p, u, s, user_created_at=created) for p, u, s in items]
    service.apply([a.submission for a in service.accept(inputs) if a.submission])


def _seed(service: RatingService, clock: ManualClock, w: World) -> None:
    for i, fan in enumerate(w.fans):
        clock.advance(3600)
        _rate(service, clock, 400, (w.burst, fan, (5, 4, 5, 4)[i % 4]))
        if i < 30:
            _rate(service, clock, 400, (w.busy, fan, (5, 4, 3)[i % 3]))
    _rate(service, clock, 400, (w.busy, w.author, 1), (w.alone, w.author, 2))
    clock.advance(30)
    _rate(service, clock, 0.1, *[(w.burst, u, 1) for u in w.raiders])


def _stored(db: Database, post: str) -> dict[str, Any]:
    with db.read() as conn:
        row = conn.execute(select(rating_stats).where(rating_stats.c.post_id == post)).one()
    return dict(row._mapping)


def _summed(db: Database, post: str) -> dict[str, float]:
    """The sums recomputed from the current ratings (what rating_stats must equal)."""
    with db.read() as conn:
        rows = conn.execute(select(ratings).where(ratings.c.post_id == post)).all()
    return {
        "count": len(rows),
        "score_sum": sum(r.score for r in rows),
        "trusted_weight": sum(r.weight for r in rows),
        "trusted_sum": sum(r.weight * r.score for r in rows),
        "suspicious_count": sum(bool(r.suspicious) for r in rows),
    }


def _assert_consistent(db: Database, post: str) -> None:
    stored, summed = _stored(db, post), _summed(db, post)
    for name in SUMS:
        assert stored[name] == pytest.approx(summed[name], abs=1e-9), (post, name)


def _service(db: Database, clock: ManualClock) -> RatingService:
    return RatingService(
        SqlRatingRepository(db),
        MemoryRatingCache(ttl_seconds=3600),
        NoRateLimit(),
        clock,
        detector=FraudDetector(),
    )


def test_erasure_takes_the_ratings_out_of_the_post_sums(db: Database, clock: ManualClock) -> None:
    w = World()
    service = _service(db, clock)
    _seed(service, clock, w)
    before = {p: service.get(p) for p in w.posts}  # also fills the cache
    assert before[w.burst].suspicious_count >= 1
    with db.read() as conn:
        held = conn.execute(
            select(ratings.c.suspicious).where(
                ratings.c.post_id == w.burst, ratings.c.user_id == w.author
            )
        ).scalar_one()
    assert held  # the author's burst rating is one of the held ones

    erasure = DataRightsService(
        SqlAuthorData(db), clock, refresh_ratings=service.refresh_posts
    ).erase(w.author, actor="admin:test")

    assert erasure.ratings == 3
    for post in w.posts:
        _assert_consistent(db, post)
    busy = service.get(w.busy)  # through the cache, refreshed after the commit
    assert busy.count == before[w.busy].count - 1 == 30
    assert busy.raw_average == pytest.approx(4.0)  # 5, 4, 3 ten times each; the 1 is gone
    assert busy.trusted_average is not None
    assert busy.trusted_average > before[w.busy].trusted_average  # type: ignore[operator]
    burst = service.get(w.burst)
    assert burst.count == before[w.burst].count - 1
    assert burst.suspicious_count == before[w.burst].suspicious_count - 1
    assert burst.trusted_average == pytest.approx(before[w.burst].trusted_average)
    # Nothing is left of a post only the author rated: not even their score as its average.
    alone = service.get(w.alone)
    assert (alone.count, alone.raw_average, alone.trusted_average) == (0, None, None)
    assert alone.stable_average is None
    assert (alone.first_rated_at, alone.last_rated_at) == (None, None)
    # The event says how many ratings, never on which posts.
    payload = erasure_payload(erasure)
    assert all(isinstance(v, int) for v in payload.values())
    assert not any(p in str(payload) for p in w.posts)

    # A second erasure changes no sum.
    stored = {p: _stored(db, p) for p in w.posts}
    assert DataRightsService(SqlAuthorData(db), clock).erase(w.author, actor="a").ratings == 0
    assert {p: _stored(db, p) for p in w.posts} == stored


def test_the_sums_roll_back_with_a_failed_erasure(db: Database, clock: ManualClock) -> None:
    w = World()
    service = _service(db, clock)
    _seed(service, clock, w)
    stored = {p: _stored(db, p) for p in w.posts}

    failing = SqlAuthorData(db, unit_of_work=failing_unit_of_work(db))
    before = log_sizes(db)
    with pytest.raises(EventWriteFailed):
        DataRightsService(failing, clock).erase(w.author, actor="admin:test")
    assert log_sizes(db) == before
    assert {p: _stored(db, p) for p in w.posts} == stored


def test_erasing_through_the_api_updates_the_post_rating(api: Api) -> None:
    service, admin = api.headers(Role.SERVICE), api.headers(Role.ADMIN)
    items = [
        {"post_id": "p-erase", "user_id": user, "score": score}
        for user, score in (("keep-1", 5), ("keep-2", 4), ("gone", 1))
    ]
    r = api.client.post("/v1/ratings/bulk", json={"ratings": items}, headers=service)
    assert r.status_code == 202, r.text
    _flush(api)
    assert api.client.get("/v1/posts/p-erase/rating", headers=service).json()["count"] == 3

    r = api.client.delete("/v1/authors/gone", headers=admin)
    assert r.status_code == 200, r.text

    body = api.client.get("/v1/posts/p-erase/rating", headers=service).json()
    assert (body["count"], body["raw_average"]) == (2, 4.5)


def _flush(api: Api) -> None:
    applier = api.client.app.state.container.rating_applier  # type: ignore[attr-defined]
    assert api.client.portal is not None
    assert api.client.portal.call(applier.flush) is True
