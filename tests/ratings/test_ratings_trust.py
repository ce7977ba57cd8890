"""Trust is earned: ages alone give little, agreement with the eventual consensus over time more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from civility.ratings.models import RatingSubmission
from civility.ratings.trust import TrustBook, TrustConfig

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def sub(
    user: str,
    post: str,
    score: float,
    at: datetime,
    created: datetime | None,
    client: str | None = None,
) -> RatingSubmission:
    return RatingSubmission(post, user, score, at, user_created_at=created, client_hash=client)


@pytest.mark.parametrize("created", [None, T0 + timedelta(days=30)])
def test_accounts_without_an_age_or_with_a_future_one_are_new(created: datetime | None) -> None:
    book = TrustBook()
    assert book.weight(sub("u", "p", 4, T0, created)) == pytest.approx(0.05)


def test_an_old_account_without_history_starts_low() -> None:
    book = TrustBook()
    old = T0 - timedelta(days=2000)
    assert book.weight(sub("u", "p", 4, T0, old)) == pytest.approx(0.2)


def _play(book: TrustBook, user: str, days: int, off: float) -> float:
    """One rating a day for `days`, `off` stars from each post's consensus; returns the weight."""
    created = T0 - timedelta(days=2000)
    weight = 0.0
    for day in range(days):
        post = f"p{day}"
        book.learn_consensus(post, 3.0, 50)
        weight = book.weight(sub(user, post, 3.0 + off, T0 + timedelta(days=day), created))
    return weight


def test_a_long_honest_history_earns_nearly_full_trust() -> None:
    book = TrustBook()
    assert _play(book, "honest", 40, off=0.0) > 0.9


def test_a_history_far_from_consensus_earns_little() -> None:
    book = TrustBook()
    assert _play(book, "contrarian", 40, off=2.0) < 0.25


def test_ratings_are_judged_only_once_the_consensus_has_had_a_day() -> None:
    book = TrustBook()
    created = T0 - timedelta(days=2000)
    for i in range(20):  # twenty agreeing ratings within one hour: a bought account's warm-up
        book.learn_consensus(f"p{i}", 4.0, 50)
        book.weight(sub("quick", f"p{i}", 4.0, T0 + timedelta(minutes=3 * i), created))
    assert book.history("quick") == 0.0
    book.weight(sub("quick", "x", 4.0, T0 + timedelta(days=1, hours=1), created))
    # Judged now, but all on one day: tenure stays short.
    assert 0 < book.history("quick") < 0.2


def test_many_accounts_on_one_client_share_a_bounded_weight() -> None:
    book = TrustBook(TrustConfig(base=1.0))
    weights = [book.weight(sub(f"u{i}", "p", 1, T0, None, client="c1")) for i in range(30)]
    assert weights[:3] == [1.0, 1.0, 1.0]
    assert weights[5] == pytest.approx(0.5)
    assert min(weights) == pytest.approx(0.25)  # bounded: shared networks exist


def test_a_blocked_account_weighs_nothing_until_unblocked() -> None:
    book = TrustBook()
    book.block("u", T0)
    assert book.weight(sub("u", "p", 4, T0, None)) == 0.0
    book.unblock("u", T0)
    assert book.weight(sub("u", "p", 4, T0, None)) > 0


def test_memory_is_pruned() -> None:
    book = TrustBook(TrustConfig(memory_days=10))
    book.learn_consensus("p", 3.0, 10)
    book.weight(sub("u", "p", 4, T0, None, client="c"))
    assert book.tracked == (1, 1, 1)
    book.prune(T0 + timedelta(days=11))
    assert book.tracked == (0, 1, 0)
