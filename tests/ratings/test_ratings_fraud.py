"""Fraud detection as tables of timed ratings: bursts, rings, deviating accounts, memory bounds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from civility.ratings.fraud import BURST, DEVIANT_ACCOUNT, RING, FraudConfig, FraudDetector
from civility.ratings.models import PostStats, RatingSubmission

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def rating(
    post: str, user: str, score: float, at: datetime, account_days: float | None = 400
) -> RatingSubmission:
    created = None if account_days is None else at - timedelta(days=account_days)
    return RatingSubmission(post, user, score, at, user_created_at=created)


def history(post: str, mean: float = 4.5, count: int = 300, days: float = 30) -> PostStats:
    """A post with `count` trusted ratings averaging `mean` over the last `days`."""
    return PostStats(
        post_id=post,
        count=count,
        score_sum=mean * count,
        trusted_weight=float(count),
        trusted_sum=mean * count,
        first_rated_at=T0 - timedelta(days=days),
        last_rated_at=T0,
    )


def assess(
    detector: FraudDetector, batch: list[RatingSubmission], stats: dict[str, PostStats]
) -> dict[tuple[str, str], tuple[str, ...]]:
    return detector.assess(batch, lambda p: stats.get(p) or PostStats(p))


def test_a_burst_of_new_accounts_far_below_the_mean_is_flagged_including_the_first() -> None:
    detector = FraudDetector()
    attack = [
        rating("p1", f"a{i}", 1, T0 + timedelta(seconds=i * 0.24), account_days=0.2)
        for i in range(500)
    ]
    flags = assess(detector, attack, {"p1": history("p1")})
    assert set(flags) == {("p1", f"a{i}") for i in range(500)}
    assert all(reasons == (BURST,) for reasons in flags.values())


def test_the_burst_is_caught_across_batches() -> None:
    detector = FraudDetector()
    stats = {"p1": history("p1")}
    attack = [
        rating("p1", f"a{i}", 0, T0 + timedelta(seconds=i), account_days=0.1) for i in range(40)
    ]
    first = assess(detector, attack[:10], stats)
    second = assess(detector, attack[10:], stats)
    assert first == {}
    assert set(second) == {("p1", f"a{i}") for i in range(40)}


def test_an_organic_surge_is_not_flagged() -> None:
    detector = FraudDetector()
    surge = [
        rating(
            "p1",
            f"u{i}",
            (5, 4, 5, 4, 3, 5, 1)[i % 7],
            T0 + timedelta(seconds=i),
            account_days=2 if i % 3 == 0 else 400,
        )
        for i in range(2000)
    ]
    assert assess(detector, surge, {"p1": history("p1", mean=4.2)}) == {}


def test_new_accounts_that_agree_with_everyone_are_not_flagged() -> None:
    detector = FraudDetector()
    wave = [rating("p1", f"n{i}", 5, T0 + timedelta(seconds=i), 0.1) for i in range(300)]
    assert assess(detector, wave, {"p1": history("p1")}) == {}


def test_a_slow_trickle_below_the_burst_threshold_is_not_a_burst() -> None:
    detector = FraudDetector()
    trickle = [rating("p1", f"a{i}", 1, T0 + timedelta(minutes=40 * i), 0.1) for i in range(30)]
    assert assess(detector, trickle, {"p1": history("p1")}) == {}


def test_a_busy_post_needs_a_bigger_burst_than_a_quiet_one() -> None:
    attack = [rating("p", f"a{i}", 1, T0 + timedelta(seconds=i), 0.1) for i in range(25)]
    busy = history("p", count=200_000, days=2)  # ~700 ratings per 10 minutes on its own
    assert assess(FraudDetector(), attack, {"p": busy}) == {}
    assert len(assess(FraudDetector(), attack, {"p": history("p")})) == 25


def test_posts_without_history_give_no_deviation_to_judge() -> None:
    detector = FraudDetector()
    wave = [rating("fresh", f"a{i}", 1, T0 + timedelta(seconds=i), 0.1) for i in range(100)]
    assert assess(detector, wave, {}) == {}


def _ring_ratings(members: int, posts: list[str], score: float, account_days: float) -> list:
    out = []
    for k, post in enumerate(posts):
        for m in range(members):
            at = T0 + timedelta(hours=k * members + m)  # slow: one rating an hour
            out.append(rating(post, f"r{m}", score, at, account_days))
    return out


def test_a_slow_ring_of_new_accounts_is_flagged_and_stays_flagged() -> None:
    detector = FraudDetector()
    posts = ["w1", "w2", "w3"]
    stats = {p: history(p, mean=2.0) for p in [*posts, "w4"]}
    flags = assess(detector, _ring_ratings(6, posts, 5, account_days=3), stats)
    assert set(flags) == {(p, f"r{m}") for p in posts for m in range(6)}
    assert all(reasons == (RING,) for reasons in flags.values())
    later = assess(detector, [rating("w4", "r0", 5, T0 + timedelta(days=2), 5)], stats)
    assert later == {("w4", "r0"): (RING,)}


def test_old_accounts_or_disagreeing_accounts_are_not_a_ring() -> None:
    posts = ["w1", "w2", "w3"]
    stats = {p: history(p, mean=2.5) for p in posts}
    assert assess(FraudDetector(), _ring_ratings(6, posts, 5, account_days=400), stats) == {}
    mixed = [
        rating(r.post_id, r.user_id, 5 if int(r.user_id[1:]) % 2 else 0, r.rated_at, 3)
        for r in _ring_ratings(6, posts, 5, account_days=3)
    ]
    assert assess(FraudDetector(), mixed, stats) == {}


def test_an_account_far_from_everyone_else_is_flagged_once_it_has_enough_ratings() -> None:
    detector = FraudDetector()
    posts = [f"q{i}" for i in range(6)]
    stats = {p: history(p, mean=4.6) for p in posts}
    batch = [rating(p, "troll", 0, T0 + timedelta(days=i)) for i, p in enumerate(posts)]
    assert assess(detector, batch[:4], stats) == {}
    flags = assess(detector, batch[4:], stats)
    assert set(flags) == {(p, "troll") for p in posts[:6]}
    assert set(flags.values()) == {(DEVIANT_ACCOUNT,)}


def test_memory_is_pruned_after_the_memory_horizon() -> None:
    detector = FraudDetector(FraudConfig(memory_days=1))
    stats = {"p": history("p")}
    assess(detector, [rating("p", f"u{i}", 1, T0, 3) for i in range(10)], stats)
    assert detector.tracked == (1, 10, 1)
    detector.prune(T0 + timedelta(days=2))
    assert detector.tracked == (0, 0, 0)
