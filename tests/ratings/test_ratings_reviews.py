"""Flags stick, reviews group flagged ratings, and moderators confirm or clear them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from civility.clock import ManualClock
from civility.errors import Conflict, NotFound
from civility.events.models import EventType
from civility.ratings.fraud import REVIEW_BOMB, FraudDetector
from civility.ratings.repository import InMemoryRatingRepository, MemoryRatingCache, NoRateLimit
from civility.ratings.reviews import ReviewStatus, Verdict
from civility.ratings.service import RatingInput, RatingService
from civility.ratings.trust import TrustConfig


def make(
    clock: ManualClock, trust: TrustConfig | None = None
) -> tuple[RatingService, InMemoryRatingRepository]:
    repo = InMemoryRatingRepository()
    detector = FraudDetector(trust=trust)
    service = RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock, detector=detector)
    return service, repo


def rate(service: RatingService, clock: ManualClock, days: float, *items: tuple) -> None:
    created = clock.now() - timedelta(days=days)
    inputs = [RatingInput(p, u, s, user_created_at=created) for p, u, s in items]
    service.apply([a.submission for a in service.accept(inputs) if a.submission])


def burst(service: RatingService, clock: ManualClock) -> None:
    """200 fans over 200 hours, then 100 new accounts give one star within a minute."""
    for i in range(200):
        clock.advance(3600)
        rate(service, clock, 400, ("p", f"fan{i}", (5, 4, 5, 4)[i % 4]))
    clock.advance(30)
    rate(service, clock, 0.1, *[("p", f"a{i}", 1) for i in range(100)])


def test_re_rating_keeps_the_flag_and_events_point_at_versions_that_exist(
    clock: ManualClock,
) -> None:
    service, repo = make(clock)
    burst(service, clock)
    flagged = service.get("p")
    assert flagged.suspicious_count == 100
    first = repo.ratings[("p", "a0")]
    for _ in range(3):  # re-sent slowly, far outside any burst window
        clock.advance(timedelta(days=2))
        rate(service, clock, 0.1, *[("p", f"a{i}", 1) for i in range(100)])
    again = repo.ratings[("p", "a0")]
    assert again.id != first.id
    assert again.suspicious
    assert service.get("p").suspicious_count == 100
    assert service.get("p").trusted_average == pytest.approx(flagged.trusted_average)
    events = [e for e in repo.events if e.type == EventType.RATING_SUSPICIOUS]
    assert {e.subject_id for e in events} <= set(repo.versions)
    assert first.id in repo.versions  # the replaced version is still there


def test_a_flag_expires_for_ratings_given_after_its_expiry(clock: ManualClock) -> None:
    service, repo = make(clock)
    service.flag_expiry_days = 10
    burst(service, clock)
    clock.advance(timedelta(days=11))
    rate(service, clock, 20, ("p", "a0", 4))
    assert not repo.ratings[("p", "a0")].suspicious
    assert repo.ratings[("p", "a1")].suspicious  # not re-rated: still flagged


def test_clearing_lifts_the_flags_and_counts_the_ratings_again(clock: ManualClock) -> None:
    service, repo = make(clock)
    burst(service, clock)
    (item,) = service.list_reviews()
    before = service.get("p")
    cleared = service.decide(item.id, Verdict.CLEAR, "mod-1", "a real protest")
    assert cleared.status is ReviewStatus.CLEARED
    after = service.get("p")
    assert after.suspicious_count == 0
    assert after.trusted_average < before.trusted_average  # type: ignore[operator]
    assert all(f.lifted_by == "mod-1" for f in repo.flags.values())
    clock.advance(timedelta(days=3))
    rate(service, clock, 3, ("p", "a0", 1))
    assert not repo.ratings[("p", "a0")].suspicious
    resolved = [e for e in repo.events if e.type == EventType.REVIEW_RESOLVED]
    assert [e.subject_id for e in resolved] == [item.id]
    with pytest.raises(Conflict):
        service.decide(item.id, Verdict.CONFIRM, "mod-2")


def test_confirming_keeps_the_ratings_out_for_good(clock: ManualClock) -> None:
    service, repo = make(clock)
    service.flag_expiry_days = 10
    burst(service, clock)
    (item,) = service.list_reviews()
    service.decide(item.id, Verdict.CONFIRM, "mod-1")
    assert all(f.expires_at is None for f in repo.flags.values())
    clock.advance(timedelta(days=30))
    rate(service, clock, 30, ("p", "a0", 1))
    assert repo.ratings[("p", "a0")].suspicious  # confirmed flags never expire
    rate(service, clock, 30, ("q", "a0", 5))
    assert repo.ratings[("q", "a0")].weight == 0.0  # a confirmed account weighs nothing
    assert service.list_reviews(ReviewStatus.CONFIRMED, 10)[0].id == item.id


def test_unknown_items_are_not_found(clock: ManualClock) -> None:
    service, _ = make(clock)
    with pytest.raises(NotFound):
        service.decide("rrv_nope", Verdict.CLEAR, "mod")


def test_a_review_bomb_marks_the_post_and_explains_the_change(clock: ManualClock) -> None:
    service, repo = make(clock, TrustConfig(base=1.0))  # every account established
    for i in range(200):
        clock.advance(3600)
        rate(service, clock, 900, ("p", f"fan{i}", (5, 4, 5, 4)[i % 4]))
    clock.advance(60)
    rate(service, clock, 900, *[("p", f"old{i}", 1) for i in range(300)])
    stats = service.get("p")
    (item,) = service.list_reviews()
    assert item.kind == REVIEW_BOMB
    assert stats.marker == item.id
    evidence = item.evidence["posts"]["p"]
    assert evidence["average_without"] == pytest.approx(4.5, abs=0.01)
    assert evidence["average_with"] == pytest.approx((4.5 * 200 + 300) / 500, abs=0.01)
    service.decide(item.id, Verdict.CLEAR, "mod")
    assert service.get("p").marker is None
    assert repo.stats["p"].marker is None


def test_learned_trust_and_confirmed_accounts_survive_a_restart(clock: ManualClock) -> None:
    service, repo = make(clock)
    for day in range(30):  # one agreeing rating a day on posts everyone rates alike
        clock.advance(timedelta(days=1))
        post = f"q{day}"
        rate(service, clock, 900, *[(post, f"crowd{i}", 4) for i in range(12)])
        rate(service, clock, 900, (post, "regular", 4))
    burst(service, clock)
    (item,) = service.list_reviews()
    service.decide(item.id, Verdict.CONFIRM, "mod")
    learned = service.detector.trust.history("regular")
    assert learned > 0.5
    restarted = RatingService(repo, MemoryRatingCache(), NoRateLimit(), clock)
    clock.advance(60)
    rate(restarted, clock, 900, ("z", "regular", 3), ("z", "a0", 3))
    assert restarted.detector.trust.history("regular") == pytest.approx(learned, rel=0.01)
    assert repo.ratings[("z", "regular")].trust > 0.5
    assert repo.ratings[("z", "a0")].weight == 0.0  # still confirmed after the restart
