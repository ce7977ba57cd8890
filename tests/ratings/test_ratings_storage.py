"""The SQL rating repository against the in-memory one, on SQLite and a real PostgreSQL."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select
from tests.storage.uow import EventWriteFailed, failing_unit_of_work

from civility.clock import ManualClock
from civility.events.models import EventQuery, EventType
from civility.ratings.models import StatsDelta, StatsUpdate
from civility.ratings.repository import (
    InMemoryRatingRepository,
    MemoryRatingCache,
    NoRateLimit,
    RatingRepository,
)
from civility.ratings.service import RatingInput, RatingService
from civility.storage.db import Database
from civility.storage.ratings import SqlRatingRepository, _pairs_join
from civility.storage.repositories import SqlEventRepository
from civility.storage.tables_ratings import rating_versions


def play(repo: RatingRepository, prefix: str) -> RatingService:
    """A fixed script: history, replacements, new accounts, then a burst over two batches."""
    clock = ManualClock()
    service = RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock)
    rng = random.Random(11)
    for _ in range(60):
        clock.advance(1800)
        created = clock.now() - timedelta(days=rng.choice((1, 400)))
        items = [
            RatingInput(f"{prefix}p{j}", f"u{rng.randrange(40)}", rng.choice((3, 4, 5)), created)
            for j in range(rng.randint(1, 3))
        ]
        service.apply([a.submission for a in service.accept(items) if a.submission])
    for wave in range(2):
        clock.advance(30)
        created = clock.now() - timedelta(hours=3)
        items = [RatingInput(f"{prefix}p0", f"a{wave}-{i}", 0, created) for i in range(15)]
        service.apply([a.submission for a in service.accept(items) if a.submission])
    return service


def test_sql_and_memory_repositories_agree(db: Database) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}-"
    memory = InMemoryRatingRepository()
    play(memory, prefix)
    sql = SqlRatingRepository(db)
    play(sql, prefix)
    posts = [f"{prefix}p{j}" for j in range(3)]
    stored = sql.get_stats(posts)
    assert set(stored) == set(posts)
    for post in posts:
        want, got = memory.stats[post], stored[post]
        assert (got.count, got.suspicious_count) == (want.count, want.suspicious_count)
        for field in ("score_sum", "trusted_weight", "trusted_sum", "stable_average"):
            assert getattr(got, field) == pytest.approx(getattr(want, field))
        assert (got.first_rated_at, got.last_rated_at) == (want.first_rated_at, want.last_rated_at)
    assert stored[posts[0]].suspicious_count == 30
    events = SqlEventRepository(db).list_events(EventQuery(type="rating.*", limit=500))
    ours = [e for e in events if e.payload["post_id"].startswith(prefix)]
    assert {e.type for e in ours} == {EventType.RATING_SUSPICIOUS}
    requested = SqlEventRepository(db).list_events(
        EventQuery(type=EventType.REVIEW_REQUESTED, limit=500)
    )
    items = sql.list_reviews(None, 500)
    mine = [r for r in items if r.post_ids[0].startswith(prefix)]
    assert [(r.kind, len(r.user_ids)) for r in mine] == [("burst", 30)]
    assert [e.subject_id for e in requested if e.subject_id == mine[0].id] == [mine[0].id]
    assert sql.get_review(mine[0].id) == mine[0]
    with sql.transaction() as tx:
        flags = tx.flags_of_review(mine[0].id)
        assert len(flags) == 30
        assert tx.get_flags([flags[0].key]) == {flags[0].key: flags[0]}
    with sql.transaction() as tx:
        stored_raters = {r.user_id: r for r in tx.get_raters(list(memory.raters))}
    assert stored_raters.keys() == memory.raters.keys()
    for user, state in memory.raters.items():
        got = stored_raters[user]
        assert (got.judged, got.blocked, len(got.pending)) == pytest.approx(
            (state.judged, state.blocked, len(state.pending))
        )
    # Every event names a version that exists, and versions are never rewritten.
    with db.read() as conn:
        versions = {row.id for row in conn.execute(select(rating_versions.c.id))}
    assert {e.subject_id for e in ours} <= versions


def test_sql_upsert_replaces_and_deltas_compose(db: Database) -> None:
    post = f"t{uuid.uuid4().hex[:8]}"
    repo = SqlRatingRepository(db)
    clock = ManualClock()
    service = RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock)
    service.apply([service.accept_one(RatingInput(post, "u", 1))])
    clock.advance(5)
    service.apply([service.accept_one(RatingInput(post, "u", 5))])
    now = clock.now()
    update = StatsUpdate(post, StatsDelta(count=2, score_sum=4.0), 3.0, now, now, now)
    with repo.transaction() as tx:
        assert tx.get_ratings([(post, "u")])[(post, "u")].score == 5
        tx.apply_stats([update])
    with repo.transaction() as tx:
        tx.apply_stats([update])
    stats = repo.get_stats([post])[post]
    assert stats.count == 5
    assert stats.score_sum == pytest.approx(13.0)
    assert stats.stable_average == pytest.approx(3.0)


def test_looking_up_pairs_uses_the_primary_key_on_sqlite(sqlite_url: str) -> None:
    db = Database.from_url(sqlite_url, pool_size=1)
    try:
        with db.read() as conn:
            sql, params = _pairs_join([("p1", "u1"), ("p2", "u2")])
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in rows)
    finally:
        db.dispose()
    assert "SEARCH ratings USING INDEX" in plan
    assert "SCAN ratings" not in plan


def test_a_batch_whose_events_fail_to_write_stores_nothing(db: Database) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}-"
    failing = SqlRatingRepository(db, unit_of_work=failing_unit_of_work(db))
    # The history batches record no event and commit; the burst records rating.suspicious.
    with pytest.raises(EventWriteFailed):
        play(failing, prefix)
    stats = failing.get_stats([f"{prefix}p0"])[f"{prefix}p0"]
    assert stats.suspicious_count == 0
    with failing.transaction() as tx:
        burst = tx.get_ratings([(f"{prefix}p0", f"a0-{i}") for i in range(15)])
    assert burst == {}
    assert [r for r in failing.list_reviews(None, 500) if r.post_ids[0].startswith(prefix)] == []
    events = SqlEventRepository(db).list_events(EventQuery(type="rating.*", limit=500))
    assert [e for e in events if e.payload["post_id"].startswith(prefix)] == []


def test_looking_up_many_pairs_finds_exactly_the_stored_ones(db: Database) -> None:
    """More pairs than one chunk (SQLite) or one array statement (PostgreSQL), half missing,
    with a post and a user that each occur in pairs that are not stored."""
    prefix = f"t{uuid.uuid4().hex[:8]}-"
    repo = SqlRatingRepository(db)
    service = RatingService(repo, MemoryRatingCache(), NoRateLimit(), ManualClock())
    stored = [(f"{prefix}p{i % 7}", f"u{i}") for i in range(450)]
    service.apply([service.accept_one(RatingInput(p, u, i % 6)) for i, (p, u) in enumerate(stored)])
    missing = [(f"{prefix}p{i % 7}", f"u{i + 1}") for i in range(450)]  # mostly other posts
    wanted = [k for pair in zip(stored, missing, strict=True) for k in pair]
    with repo.transaction() as tx:
        found = tx.get_ratings(wanted)
    assert set(found) == set(stored)
    assert all(found[k].score == i % 6 for i, k in enumerate(stored))
