"""The rating service on the in-memory repository, with a manual clock: sums, flags, events."""

from __future__ import annotations

import math
import random
from datetime import timedelta

import pytest

from civility.clock import ManualClock
from civility.errors import Invalid, RateLimited
from civility.events.models import EventType
from civility.ratings.fraud import FraudConfig, FraudDetector
from civility.ratings.models import PostStats, StatsDelta
from civility.ratings.repository import InMemoryRatingRepository, MemoryRatingCache, NoRateLimit
from civility.ratings.service import RatingInput, RatingService
from civility.ratings.stability import StabilityConfig, next_stable
from civility.settings import load_settings
from civility.storage.ratings_cache import LimitsRateLimiter


def make(
    clock: ManualClock, config: FraudConfig | None = None, limiter: object | None = None
) -> tuple[RatingService, InMemoryRatingRepository]:
    repo = InMemoryRatingRepository()
    service = RatingService(
        repo,
        MemoryRatingCache(),
        limiter or NoRateLimit(),  # type: ignore[arg-type]
        clock,
        detector=FraudDetector(config),
    )
    return service, repo


def rate(
    service: RatingService, clock: ManualClock, *items: tuple[str, str, float], days: float = 400
) -> None:
    """Accepts and applies ratings as one batch, accounts `days` old."""
    created = clock.now() - timedelta(days=days)
    inputs = [RatingInput(p, u, s, user_created_at=created) for p, u, s in items]
    service.apply([a.submission for a in service.accept(inputs) if a.submission])


def recomputed(repo: InMemoryRatingRepository, post: str) -> tuple[int, float, float, int]:
    rows = [r for r in repo.ratings.values() if r.post_id == post]
    weight = sum(r.weight for r in rows)
    trusted = sum(r.weight * r.score for r in rows) / weight if weight else math.nan
    return (
        len(rows),
        sum(r.score for r in rows) / len(rows),
        trusted,
        sum(r.suspicious for r in rows),
    )


def test_a_new_rating_replaces_the_old_one(clock: ManualClock) -> None:
    service, repo = make(clock)
    rate(service, clock, ("p", "u1", 1), ("p", "u2", 5))
    clock.advance(60)
    rate(service, clock, ("p", "u1", 4))
    stats = service.get("p")
    assert stats.count == 2
    assert stats.raw_average == pytest.approx(4.5)
    assert repo.ratings[("p", "u1")].score == 4


def test_running_sums_equal_a_full_recount(clock: ManualClock) -> None:
    service, repo = make(clock)
    rng = random.Random(3)
    for _ in range(40):
        clock.advance(rng.uniform(1, 600))
        batch = [
            (f"p{rng.randrange(4)}", f"u{rng.randrange(30)}", rng.randint(0, 5))
            for _ in range(rng.randint(1, 25))
        ]
        rate(service, clock, *batch, days=rng.choice((1, 400)))
    for post in ("p0", "p1", "p2", "p3"):
        stats = repo.stats[post]
        count, raw, trusted, suspicious = recomputed(repo, post)
        assert stats.count == count
        assert stats.raw_average == pytest.approx(raw)
        assert stats.trusted_average == pytest.approx(trusted)
        assert stats.suspicious_count == suspicious


def test_trust_weights_the_trusted_average_and_unknown_or_future_ages_count_as_new(
    clock: ManualClock,
) -> None:
    service, repo = make(clock)
    rate(service, clock, ("p", "old", 5))  # 400 days old, no history yet: 0.05 + 0.15 * 400/365
    rate(service, clock, ("p", "new", 2), days=1)
    service.apply(
        [
            a.submission
            for a in service.accept(
                [
                    RatingInput("p", "ageless", 1),
                    RatingInput("p", "future", 1, user_created_at=clock.now() + timedelta(days=9)),
                ]
            )
            if a.submission
        ]
    )
    old, new = repo.ratings[("p", "old")].trust, repo.ratings[("p", "new")].trust
    assert old == pytest.approx(0.2)
    assert repo.ratings[("p", "ageless")].trust == repo.ratings[("p", "future")].trust == 0.05
    assert new == pytest.approx(0.05 + 0.15 / 365)
    stats = service.get("p")
    assert stats.raw_average == pytest.approx(9 / 4)
    assert stats.trusted_average == pytest.approx((5 * old + 2 * new + 0.1) / (old + new + 0.1))


def _history(service: RatingService, clock: ManualClock, post: str, n: int = 200) -> None:
    for i in range(n):
        clock.advance(3600)
        rate(service, clock, (post, f"fan{i}", (5, 4, 5, 4)[i % 4]))


def test_a_burst_is_marked_kept_out_of_the_trusted_average_and_sent_to_review(
    clock: ManualClock,
) -> None:
    service, repo = make(clock)
    _history(service, clock, "p")
    before = service.get("p")
    for chunk in range(5):  # five applier batches over two minutes
        clock.advance(24)
        rate(service, clock, *[("p", f"a{chunk}-{i}", 1) for i in range(100)], days=0.2)
    after = service.get("p")
    assert after.suspicious_count == 500
    assert abs(after.trusted_average - before.trusted_average) < 0.01  # type: ignore[operator]
    assert after.raw_average < 2.5  # type: ignore[operator]
    flagged = [e for e in repo.events if e.type == EventType.RATING_SUSPICIOUS]
    review = [e for e in repo.events if e.type == EventType.REVIEW_REQUESTED]
    assert len(flagged) == 500
    assert all(e.subject_id in repo.versions for e in flagged)  # versions, never replaced
    (item,) = repo.reviews.values()  # one item for the whole burst, not one per rating
    assert len(review) == 1
    assert review[0].subject_type == "rating_review"
    assert review[0].payload["subject"] == {"type": "rating_review", "id": item.id}
    assert review[0].payload["reason"] == "burst"
    assert len(item.user_ids) == 500
    assert item.evidence["posts"]["p"]["average_without"] == pytest.approx(
        before.trusted_average, abs=0.01
    )
    assert item.evidence["posts"]["p"]["average_with"] < item.evidence["average_without"]


def test_flagging_an_earlier_batch_corrects_the_sums(clock: ManualClock) -> None:
    service, repo = make(clock)
    _history(service, clock, "p")
    clock.advance(1)
    rate(service, clock, *[("p", f"a{i}", 0) for i in range(10)], days=0.1)
    assert service.get("p").suspicious_count == 0
    clock.advance(1)
    rate(service, clock, *[("p", f"b{i}", 0) for i in range(20)], days=0.1)
    stats = service.get("p")
    assert stats.suspicious_count == 30
    count, _, trusted, suspicious = recomputed(repo, "p")
    assert (stats.count, stats.suspicious_count) == (count, suspicious)
    assert stats.trusted_average == pytest.approx(trusted)


def test_a_rating_flagged_once_raises_its_events_once(clock: ManualClock) -> None:
    service, repo = make(clock)
    _history(service, clock, "p")
    for _ in range(3):
        clock.advance(5)
        rate(service, clock, *[("p", f"a{i}", 0) for i in range(30)], days=0.1)
    ids = [e.id for e in repo.events]
    assert len(ids) == len(set(ids))


def test_the_stable_average_moves_at_most_its_hourly_step(clock: ManualClock) -> None:
    off = FraudConfig(shift_limit=10**9, collusion_every_s=10**8, account_min_ratings=10**9)
    service, _ = make(clock, off)  # detection off: the stable average must hold on its own
    _history(service, clock, "p")
    before = service.get("p").stable_average
    clock.advance(60)
    rate(service, clock, *[("p", f"w{i}", 0) for i in range(400)])
    after = service.get("p")
    assert after.trusted_average is not None
    assert after.trusted_average < 2
    assert before is not None
    assert after.stable_average is not None
    assert before - after.stable_average <= 0.25 * (60 / 3600) + 1e-9
    for _ in range(30):
        clock.advance(3600)
        rate(service, clock, ("p", "w0", 0))
    assert service.get("p").stable_average == pytest.approx(after.trusted_average, abs=0.05)


def test_the_stable_average_of_a_new_post_is_rate_limited_from_the_first_rating() -> None:
    clock = ManualClock()
    before = PostStats("p")
    after = PostStats("p", count=15, score_sum=75, trusted_weight=15, trusted_sum=75)
    config = StabilityConfig(prior_mean=3.0, prior_weight=20)
    first = next_stable(before, after, clock.now(), config)
    assert first == 3.0  # the first raters do not set what the page shows
    started = PostStats("p", stable_average=first, stable_updated_at=clock.now())
    later = next_stable(started, after, clock.now() + timedelta(minutes=30), config)
    assert later == pytest.approx(3.125)


@pytest.mark.parametrize(
    ("item", "code"),
    [
        (RatingInput("p", "u", 5.5), "bad_score"),
        (RatingInput("p", "u", -0.1), "bad_score"),
        (RatingInput("p", "u", math.nan), "bad_score"),
        (RatingInput("", "u", 3), "bad_id"),
        (RatingInput("p", " ", 3), "bad_id"),
        (RatingInput("p" * 201, "u", 3), "bad_id"),
    ],
)
def test_invalid_ratings_are_refused(clock: ManualClock, item: RatingInput, code: str) -> None:
    service, _ = make(clock)
    with pytest.raises(Invalid) as err:
        service.accept([item])
    assert err.value.code == code


def test_the_user_limit_answers_with_a_wait(clock: ManualClock) -> None:
    limiter = LimitsRateLimiter("memory://", user_limit="2/hour", post_limit="100/minute")
    service, _ = make(clock, limiter=limiter)
    service.accept_one(RatingInput("p1", "u", 3))
    service.accept_one(RatingInput("p2", "u", 3))
    with pytest.raises(RateLimited) as err:
        service.accept_one(RatingInput("p3", "u", 3))
    assert err.value.retry_after >= 1
    results = service.accept([RatingInput("p4", "u", 1), RatingInput("p4", "other", 1)])
    assert [r.accepted for r in results] == [False, True]


def test_reads_come_from_the_cache_and_unknown_posts_are_empty(clock: ManualClock) -> None:
    service, repo = make(clock)
    rate(service, clock, ("p", "u", 4))
    repo.stats.clear()  # the cache still answers
    assert service.get("p").count == 1
    assert service.get("nobody-rated-this") == PostStats("nobody-rated-this")


def test_a_quiet_post_cannot_bank_movement_for_a_wave() -> None:
    clock = ManualClock()
    before = PostStats(
        "p", count=100, score_sum=450, trusted_weight=100, trusted_sum=450,
        stable_average=4.5, stable_updated_at=clock.now() - timedelta(days=1),
    )  # fmt: skip
    after = before.plus(StatsDelta(count=400, score_sum=400, trusted_weight=400, trusted_sum=400))
    stable = next_stable(before, after, clock.now(), StabilityConfig())
    assert stable == pytest.approx(4.25)


def test_several_post_limits_all_apply(clock: ManualClock) -> None:
    limiter = LimitsRateLimiter("memory://", user_limit="100/hour", post_limit="5/minute;2/hour")
    service, _ = make(clock, limiter=limiter)
    results = service.accept([RatingInput("hot", f"u{i}", 4) for i in range(3)])
    assert [r.accepted for r in results] == [True, True, False]
    assert results[2].retry_after is not None
    assert results[2].retry_after > 60  # the hourly window, not the minute one


@pytest.mark.parametrize("value", ["abc", "", "5/fortnight"])
def test_bad_limit_settings_stop_start_up(value: str) -> None:
    with pytest.raises(Invalid) as err:
        load_settings(ratings_post_limit=value)
    assert "CIVILITY_RATINGS_POST_LIMIT" in err.value.message


def test_memory_cache_entries_expire() -> None:
    now = [100.0]
    cache = MemoryRatingCache(ttl_seconds=5, monotonic=lambda: now[0])
    cache.put_many([PostStats("p", count=1)])
    now[0] += 4.9
    assert cache.get("p") == PostStats("p", count=1)
    now[0] += 0.2
    assert cache.get("p") is None
