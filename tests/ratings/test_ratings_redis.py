"""Rate limits and the stats cache on a real Redis; the whole path on PostgreSQL + Redis."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import require_server

from civility.clock import ManualClock
from civility.container import build_container
from civility.ratings.models import PostStats
from civility.ratings.service import RatingInput
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.ratings_cache import LimitsRateLimiter, RedisRatingCache

REDIS_URL = "redis://127.0.0.1:6379/0"

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_url() -> str:
    require_server("Redis", "127.0.0.1", 6379)
    return REDIS_URL


@pytest.fixture
def cache(redis_url: str) -> Iterator[RedisRatingCache]:
    c = RedisRatingCache(redis_url, ttl_seconds=60, prefix=f"test:{uuid.uuid4().hex}:")
    yield c
    c.close()


def test_limits_in_redis_are_shared_between_processes(redis_url: str) -> None:
    user = f"u-{uuid.uuid4().hex}"
    one = LimitsRateLimiter(redis_url, user_limit="2/hour", post_limit="100/minute")
    two = LimitsRateLimiter(redis_url, user_limit="2/hour", post_limit="100/minute")
    assert one.hit(user, "p1") is None
    assert two.hit(user, "p2") is None
    wait = one.hit(user, "p3")
    assert wait is not None
    assert 1 <= wait <= 3600


def test_the_cache_round_trips_stats(cache: RedisRatingCache, clock: ManualClock) -> None:
    stats = PostStats(
        "p",
        count=3,
        score_sum=12.0,
        trusted_weight=2.5,
        trusted_sum=10.0,
        suspicious_count=1,
        stable_average=3.9,
        stable_updated_at=clock.now(),
        first_rated_at=clock.now(),
        last_rated_at=clock.now(),
    )
    assert cache.get("p") is None
    cache.put_many([stats])
    assert cache.get("p") == stats


def test_an_unreachable_cache_is_a_miss_not_an_error() -> None:
    down = RedisRatingCache("redis://127.0.0.1:1/0", ttl_seconds=60)
    down.put_many([PostStats("p")])
    assert down.get("p") is None
    down.close()


@pytest.mark.postgres
def test_postgres_and_redis_end_to_end(postgres_url: str, redis_url: str, tmp_path: Path) -> None:
    settings = load_settings(
        database_url=postgres_url,
        redis_url=redis_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        ratings_user_limit="2/hour",
    )
    clock = ManualClock()
    container = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
    try:
        service = container.ratings
        post, user = f"p-{uuid.uuid4().hex}", f"u-{uuid.uuid4().hex}"
        first = service.accept([RatingInput(post, user, 4), RatingInput(post, "other" + user, 2)])
        service.apply([a.submission for a in first if a.submission])
        results = service.accept([RatingInput(post, user, 1), RatingInput(post, user, 1)])
        assert [r.accepted for r in results] == [True, False]
        stats = service.get(post)
        assert (stats.count, stats.raw_average) == (2, 3.0)
        assert stats.trusted_average == pytest.approx(3.0)
    finally:
        container.close()
