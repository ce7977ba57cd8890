"""Fast checks with a manual clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from civility.clock import ManualClock
from civility.moderation.models import IncomingMessage
from civility.policy import CheckSettings, Policy
from civility.policy.checks import MemoryWindowStore, run_checks
from civility.policy.verdict import Action, ReasonSource

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _msg(text: str, author: str = "u1", created: datetime | None = None) -> IncomingMessage:
    return IncomingMessage("m", author, "c1", text, author_created_at=created)


def _codes(
    msg: IncomingMessage, clock: ManualClock, store: MemoryWindowStore, s: CheckSettings
) -> list[str]:
    return [r.code for r in run_checks(msg, s, store, clock.now())]


S = Policy.default().checks


@pytest.mark.parametrize(
    ("text", "created", "codes"),
    [
        ("see https://spam.example/x", T0 - timedelta(days=1), ["new_account_link"]),
        ("see spam.com now", T0 - timedelta(days=1), ["new_account_link"]),
        ("see https://spam.example/x", T0 - timedelta(days=30), []),
        ("see https://spam.example/x", None, []),
        ("no links here", T0 - timedelta(days=1), []),
        ("THIS IS ALL SHOUTING, FRIENDS", None, ["caps"]),
        ("SHORT CAPS", None, []),
        ("This Is Mostly Fine Text Really", None, []),
        ("nooooooooooooo", None, ["repetition"]),
        ("spam spam spam spam spam", None, ["repetition"]),
        ("spam spam spam spam", None, []),
        ("fine message", None, []),
    ],
)
def test_stateless_checks(text: str, created: datetime | None, codes: list[str]) -> None:
    clock = ManualClock(T0)
    assert _codes(_msg(text, created=created), clock, MemoryWindowStore(), S) == codes


def test_flood_counts_normalised_duplicates_within_the_window() -> None:
    clock, store = ManualClock(T0), MemoryWindowStore()
    assert _codes(_msg("Buy now"), clock, store, S) == []
    clock.advance(10)
    assert _codes(_msg("buy   NOW!!!"), clock, store, S) == []
    clock.advance(10)
    reasons = run_checks(_msg("b.u.y n.o.w"), S, store, clock.now())
    assert [r.code for r in reasons] == ["flood"]
    assert reasons[0].action is Action.HIDE
    assert reasons[0].source is ReasonSource.CHECK
    clock.advance(61)
    assert _codes(_msg("buy now"), clock, store, S) == []
    assert _codes(_msg("buy now", author="u2"), clock, store, S) == []


def test_rate_limit_per_author_per_window() -> None:
    clock, store = ManualClock(T0), MemoryWindowStore()
    s = CheckSettings.from_dict({"rate": {"max_per_window": 3}, "flood": {"enabled": False}})
    results = []
    for i in range(5):
        results.append(_codes(_msg(f"message {i}"), clock, store, s))
        clock.advance(1)
    assert results == [[], [], [], ["rate"], ["rate"]]
    clock.advance(60)
    assert _codes(_msg("later"), clock, store, s) == []


def test_disabled_checks_stay_quiet() -> None:
    off = CheckSettings.from_dict({k: {"enabled": False} for k in S.to_dict()})
    clock, store = ManualClock(T0), MemoryWindowStore()
    msg = _msg("SPAM SPAM SPAM SPAM SPAM http://x.com", created=T0)
    for _ in range(30):
        assert _codes(msg, clock, store, off) == []


def test_store_evicts_idle_keys() -> None:
    store = MemoryWindowStore(max_keys=10)
    for i in range(20):
        store.hit(f"k{i}", T0 + timedelta(minutes=i), timedelta(seconds=30))
    assert len(store) <= 11
