"""Detection as tables of timed ratings: shifts (bursts, review bombs), collusion, accounts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from civility.ratings.collusion import dense_blocks
from civility.ratings.fraud import (
    BURST,
    COLLUSION,
    DEVIANT_ACCOUNT,
    REVIEW_BOMB,
    Assessment,
    FraudConfig,
    FraudDetector,
)
from civility.ratings.models import PostStats, RatingSubmission
from civility.ratings.trust import TrustConfig

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# Everyone fully trusted: what an established account looks like without playing its history.
TRUSTED = TrustConfig(base=1.0)


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
) -> Assessment:
    return detector.assess(batch, lambda p: stats.get(p) or PostStats(p))


def in_batches(
    detector: FraudDetector,
    ratings: list[RatingSubmission],
    stats: dict[str, PostStats],
    size: int = 50,
    kinds: set[str] | None = None,
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Feeds ratings batch by batch, adding the unflagged ones to the sums like the service."""
    flags: dict[tuple[str, str], tuple[str, ...]] = {}
    for start in range(0, len(ratings), size):
        batch = ratings[start : start + size]
        found = assess(detector, batch, stats)
        flags.update(found.reasons())
        if kinds is not None:
            kinds.update(f.kind for f in found.findings.values())
        for sub in batch:
            if sub.key in found.flags:
                continue
            w = found.trust[sub.key]
            s = stats.get(sub.post_id) or PostStats(sub.post_id)
            stats[sub.post_id] = PostStats(
                sub.post_id,
                count=s.count + 1,
                score_sum=s.score_sum + sub.score,
                trusted_weight=s.trusted_weight + w,
                trusted_sum=s.trusted_sum + w * sub.score,
                first_rated_at=s.first_rated_at or sub.rated_at,
            )
    return flags


def test_a_burst_of_new_accounts_is_flagged_including_the_first_with_evidence() -> None:
    detector = FraudDetector()
    attack = [
        rating("p1", f"a{i}", 1, T0 + timedelta(seconds=i * 0.24), account_days=0.2)
        for i in range(500)
    ]
    found = assess(detector, attack, {"p1": history("p1")})
    assert set(found.flags) == {("p1", f"a{i}") for i in range(500)}
    assert set(found.reasons().values()) == {(BURST,)}
    (finding,) = found.findings.values()
    assert finding.kind == BURST
    assert finding.detail["average_without"] == 4.5
    assert finding.detail["average_with"] < 4.5  # trust-weighted: new accounts weigh little
    assert finding.detail["direction"] == "down"


def test_pacing_under_the_old_burst_rule_is_still_caught() -> None:
    detector = FraudDetector()
    paced = [
        rating("p1", f"a{i}", 1, T0 + timedelta(minutes=10 * (i // 15), seconds=i), 1)
        for i in range(300)
    ]
    flags = in_batches(detector, paced, {"p1": history("p1")}, size=15)
    assert len(flags) >= 290


def test_dilution_with_neutral_ratings_does_not_hide_the_deviating_ones() -> None:
    detector = FraudDetector()
    rng = random.Random(1)
    mixed = [
        rating("p1", f"a{i}", 1 if i < 300 else 5, T0 + timedelta(seconds=rng.uniform(0, 3600)), 2)
        for i in range(1000)
    ]
    mixed.sort(key=lambda r: r.rated_at)
    flags = in_batches(detector, mixed, {"p1": history("p1", mean=4.6)})
    caught = {k for k in flags if int(k[1][1:]) < 300}
    assert len(caught) >= 280
    assert len(flags) - len(caught) <= 5


def test_a_sudden_shift_from_established_accounts_is_a_review_bomb() -> None:
    detector = FraudDetector(trust=TRUSTED)
    bomb = [rating("p1", f"u{i}", 1, T0 + timedelta(seconds=20 * i)) for i in range(300)]
    found = assess(detector, bomb, {"p1": history("p1")})
    assert set(found.reasons().values()) == {(REVIEW_BOMB,)}
    assert [f.kind for f in found.findings.values()] == [REVIEW_BOMB]


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
    assert in_batches(detector, surge, {"p1": history("p1", mean=4.0)}) == {}


def test_a_young_post_is_not_judged_on_its_own_history_yet() -> None:
    detector = FraudDetector()
    wave = [rating("fresh", f"a{i}", 1, T0 + timedelta(seconds=i), 0.1) for i in range(100)]
    assert assess(detector, wave, {}).flags == {}


def _sparse_ring(members: int, posts: list[str], rng: random.Random) -> list[RatingSubmission]:
    """Members each rate 4 of the posts, no two sharing 3: invisible to pairwise checks."""
    chosen: list[frozenset[str]] = []
    while len(chosen) < members:
        pick = frozenset(rng.sample(posts, 4))
        if all(len(pick & other) < 3 for other in chosen):
            chosen.append(pick)
    out = [
        rating(post, f"r{m}", 5, T0 + timedelta(seconds=rng.uniform(0, 5 * 86_400)), 10)
        for m, picked in enumerate(chosen)
        for post in sorted(picked)
    ]
    return sorted(out, key=lambda r: r.rated_at)


def test_a_ring_that_never_shares_three_posts_is_a_dense_block() -> None:
    rng = random.Random(3)
    posts = [f"w{i}" for i in range(20)]
    stats = {p: history(p, mean=2.2) for p in posts}
    detector = FraudDetector()
    honest = [
        rating(rng.choice(posts), f"h{i}", rng.choice((1, 2, 3, 4)), T0 + timedelta(hours=i))
        for i in range(400)
    ]
    ratings = sorted(_sparse_ring(60, posts, rng) + honest, key=lambda r: r.rated_at)
    kinds: set[str] = set()
    flags = in_batches(detector, ratings, stats, kinds=kinds)
    flags.update(detector.find_collusion(T0 + timedelta(days=5)).reasons())
    ring = {k for k in flags if k[1].startswith("r") and COLLUSION in flags[k]}
    assert len(ring) >= 200
    assert not [k for k in flags if k[1].startswith("h")]
    assert COLLUSION in kinds


def test_peeling_ignores_stars_and_finds_the_block() -> None:
    star = [(f"fan{i}", ("bad", -1)) for i in range(200)]  # many dislike one bad post
    block = [(f"r{u}", (f"p{p}", 1)) for u in range(8) for p in range(5)]
    (found,) = dense_blocks(star + block, min_users=5, min_posts=3, min_density=1.5, max_blocks=3)
    assert set(found.users) == {f"r{u}" for u in range(8)}
    assert found.fill == 1.0


def test_an_account_far_from_everyone_else_is_flagged_once_it_has_enough_ratings() -> None:
    detector = FraudDetector()
    posts = [f"q{i}" for i in range(6)]
    stats = {p: history(p, mean=4.6) for p in posts}
    batch = [rating(p, "troll", 0, T0 + timedelta(days=i)) for i, p in enumerate(posts)]
    assert assess(detector, batch[:4], stats).flags == {}
    found = assess(detector, batch[4:], stats)
    assert set(found.flags) == {(p, "troll") for p in posts[:6]}
    assert set(found.reasons().values()) == {(DEVIANT_ACCOUNT,)}


def test_memory_is_pruned_after_the_memory_horizon() -> None:
    detector = FraudDetector(FraudConfig(memory_days=1))
    stats = {"p": history("p")}
    assess(detector, [rating("p", f"u{i}", 1, T0, 3) for i in range(10)], stats)
    assert detector.tracked == (1, 10)
    detector.prune(T0 + timedelta(days=60))
    assert detector.tracked == (0, 0)
