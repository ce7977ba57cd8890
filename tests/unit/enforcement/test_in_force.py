"""Reading only the records in force never changes a judgement (property-based)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from civility.enforcement import EnforcementRecord, apply_violation, user_status
from civility.enforcement.engine import InForce
from civility.enforcement.records import (
    BanIssued,
    BanLifted,
    StrikeAdded,
    StrikesReset,
    WarningIssued,
)
from civility.policy import StrikeSettings
from civility.policy.verdict import Severity

T0 = datetime(2026, 1, 1, tzinfo=UTC)
USER = "u1"
CHANNELS = ("c1", "c2")

hours = st.integers(min_value=0, max_value=24 * 120).map(lambda h: T0 + timedelta(hours=h))
channel = st.sampled_from(CHANNELS)
maybe_channel = st.one_of(st.none(), channel)
severity = st.sampled_from([Severity.LOW, Severity.MEDIUM, Severity.HIGH])

records = st.one_of(
    st.builds(
        StrikeAdded,
        st.just(USER),
        channel,
        hours,
        st.sampled_from([0.5, 1.0, 2.0]),
        severity,
        st.just("r"),
    ),
    st.builds(StrikesReset, st.just(USER), maybe_channel, hours, st.just("m"), st.just("r")),
    st.builds(WarningIssued, st.just(USER), maybe_channel, hours, st.just(2.0), st.just("r")),
    st.builds(
        BanIssued,
        st.just(USER),
        maybe_channel,
        hours,
        st.one_of(st.none(), st.integers(1, 24 * 60).map(lambda h: timedelta(hours=h))),
        st.just("m"),
        st.just("r"),
    ).map(lambda b: b if b.until is None else _ends(b)),
    st.builds(BanLifted, st.just(USER), maybe_channel, hours, st.just("m"), st.just("r")),
)


def _ends(ban: BanIssued) -> BanIssued:
    # The strategy passes a duration in `until`; turn it into the end time.
    assert isinstance(ban.until, timedelta)
    return BanIssued(ban.user_id, ban.channel_id, ban.at, ban.at + ban.until, "m", "r")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(records, max_size=25),
    hours,
    channel,
    st.integers(min_value=1, max_value=60),
    st.sampled_from([None, 3.0]),
)
def test_in_force_records_judge_like_the_whole_history(
    history: list[EnforcementRecord],
    now: datetime,
    ch: str,
    expiry_days: int,
    global_temp: float | None,
) -> None:
    s = StrikeSettings(expiry_days=expiry_days)
    g = StrikeSettings(expiry_days=expiry_days, global_temp_ban_at=global_temp)
    in_force = InForce(now=now, strikes_since=now - s.expiry)
    kept = [r for r in history if in_force.keeps(r)]
    for scope in (ch, None):
        assert user_status(kept, scope, now, s) == user_status(history, scope, now, s)
    for sev in (Severity.LOW, Severity.HIGH):
        assert apply_violation(kept, USER, ch, sev, now, s, global_settings=g) == apply_violation(
            history, USER, ch, sev, now, s, global_settings=g
        )


def test_old_strikes_warnings_and_ended_bans_are_not_kept() -> None:
    now = T0 + timedelta(days=90)
    in_force = InForce(now=now, strikes_since=now - timedelta(days=30))
    old_strike = StrikeAdded(USER, "c1", T0, 1.0, Severity.MEDIUM, "r")
    ended = BanIssued(USER, "c1", T0, T0 + timedelta(days=1), "m", "r")
    permanent = BanIssued(USER, "c1", T0, None, "m", "r")
    lift = BanLifted(USER, "c1", T0, "m", "r")
    warning = WarningIssued(USER, "c1", now, 2.0, "r")
    recent = StrikeAdded(USER, "c1", now - timedelta(days=1), 1.0, Severity.MEDIUM, "r")
    kept = [r for r in (old_strike, ended, permanent, lift, warning, recent) if in_force.keeps(r)]
    assert kept == [permanent, lift, recent]
