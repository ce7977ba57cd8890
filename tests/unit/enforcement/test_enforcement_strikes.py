"""Strikes, decay and bans derived from records, driven by a manual clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from civility.clock import ManualClock
from civility.enforcement import (
    BanIssued,
    EnforcementRecord,
    StrikeAdded,
    UserStatus,
    WarningIssued,
    apply_verdict,
    apply_violation,
    manual_ban,
    manual_unban,
    record_from_dict,
    record_to_dict,
    reset_strikes,
    user_status,
)
from civility.errors import Conflict, Invalid
from civility.policy import StrikeSettings
from civility.policy.verdict import Action, Reason, ReasonSource, Severity, Verdict

S = StrikeSettings()
T0 = datetime(2026, 1, 1, tzinfo=UTC)


class Log:
    """A user's record log plus a clock, as the service would hold them."""

    def __init__(self, settings: StrikeSettings = S) -> None:
        self.clock = ManualClock(T0)
        self.records: list[EnforcementRecord] = []
        self.settings = settings

    def violate(self, severity: Severity, channel: str = "c1") -> list[EnforcementRecord]:
        new = apply_violation(
            self.records, "u1", channel, severity, self.clock.now(), self.settings
        )
        self.records.extend(new)
        return new

    def status(self, channel: str | None = "c1") -> UserStatus:
        return user_status(self.records, channel, self.clock.now(), self.settings)


@pytest.mark.parametrize(
    ("severity", "weight"),
    [(Severity.LOW, 0.5), (Severity.MEDIUM, 1.0), (Severity.HIGH, 2.0), (Severity.NONE, 0.0)],
)
def test_strike_weight_follows_severity(severity: Severity, weight: float) -> None:
    log = Log()
    log.violate(severity)
    assert log.status().strikes == weight


def test_strikes_expire_after_the_window() -> None:
    log = Log()
    log.violate(Severity.MEDIUM)
    log.clock.advance(timedelta(days=29, hours=23))
    assert log.status().strikes == 1.0
    log.clock.advance(timedelta(hours=1))
    assert log.status().strikes == 0.0


def test_ladder_warning_then_temp_ban_then_permanent() -> None:
    log = Log()
    assert [type(r) for r in log.violate(Severity.MEDIUM)] == [StrikeAdded]
    assert [type(r) for r in log.violate(Severity.MEDIUM)] == [StrikeAdded, WarningIssued]
    new = log.violate(Severity.MEDIUM)
    ban = new[-1]
    assert isinstance(ban, BanIssued)
    assert ban.until == T0 + timedelta(hours=24)
    assert log.status().banned
    log.clock.advance(timedelta(hours=24))
    assert not log.status().banned  # expired bans are never enforced
    log.violate(Severity.HIGH)
    status = log.status()
    assert status.ban is not None
    assert status.ban.permanent
    log.clock.advance(timedelta(days=3650))
    assert log.status().banned


def test_repeat_offender_at_temp_rung_gets_a_new_temp_ban() -> None:
    log = Log()
    log.violate(Severity.HIGH)
    log.violate(Severity.MEDIUM)  # 3 -> temp ban
    log.clock.advance(timedelta(hours=25))
    new = log.violate(Severity.LOW)  # 3.5 -> another temp ban
    assert isinstance(new[-1], BanIssued)
    assert new[-1].until is not None


def test_bans_are_per_channel_unless_global() -> None:
    log = Log()
    for _ in range(3):
        log.violate(Severity.MEDIUM, "c1")
    assert log.status("c1").banned
    assert not log.status("c2").banned
    log.records.append(manual_ban("u1", None, log.clock.now(), "mod", "spam", timedelta(days=1)))
    assert log.status("c2").banned
    assert log.status(None).banned


def test_global_escalation_counts_all_channels() -> None:
    log = Log(StrikeSettings(global_temp_ban_at=3.0, global_perm_ban_at=6.0))
    log.violate(Severity.MEDIUM, "c1")
    log.violate(Severity.MEDIUM, "c2")
    new = log.violate(Severity.MEDIUM, "c3")
    assert any(isinstance(r, BanIssued) and r.channel_id is None for r in new)
    assert log.status("c4").banned
    assert log.status(None).global_strikes == 3.0


def test_manual_unban_and_reset() -> None:
    log = Log()
    for _ in range(3):
        log.violate(Severity.MEDIUM)
    now = log.clock.now()
    log.records.append(manual_unban(log.records, "u1", "c1", now, "mod", "appeal accepted"))
    assert not log.status().banned
    with pytest.raises(Conflict):
        manual_unban(log.records, "u1", "c1", now, "mod", "again")
    log.records.append(reset_strikes("u1", "c1", now, "mod", "fresh start"))
    assert log.status().strikes == 0.0
    log.clock.advance(1)
    log.violate(Severity.MEDIUM)
    assert log.status().strikes == 1.0


def test_unban_does_not_lift_a_later_ban() -> None:
    log = Log()
    log.records.append(manual_ban("u1", "c1", log.clock.now(), "mod", "x"))
    log.clock.advance(10)
    log.records.append(manual_unban(log.records, "u1", "c1", log.clock.now(), "mod", "y"))
    log.clock.advance(10)
    log.records.append(manual_ban("u1", "c1", log.clock.now(), "mod", "z"))
    assert log.status().banned


def test_manual_ban_validation() -> None:
    with pytest.raises(Invalid):
        manual_ban("u1", "c1", T0, "mod", "x", timedelta(0))
    with pytest.raises(Invalid):
        manual_ban("u1", "c1", T0, " ", "x")


def test_apply_verdict_skips_flags_and_ban_echoes() -> None:
    reason = Reason("toxicity", "t", ReasonSource.MODEL, Action.FLAG)
    flag = Verdict(Action.FLAG, Severity.LOW, (reason,), 1)
    banned = Verdict(Action.BLOCK, Severity.NONE, (), 1)
    hide = Verdict(Action.HIDE, Severity.MEDIUM, (reason,), 1)
    assert apply_verdict([], "u1", "c1", flag, T0, S) == []
    assert apply_verdict([], "u1", "c1", banned, T0, S) == []
    (strike,) = apply_verdict([], "u1", "c1", hide, T0, S, message_id="m1")
    assert isinstance(strike, StrikeAdded)
    assert strike.message_id == "m1"


def test_records_round_trip_through_json() -> None:
    log = Log()
    for _ in range(3):
        log.violate(Severity.HIGH)
    log.records.append(reset_strikes("u1", None, log.clock.now(), "mod", "r"))
    for record in log.records:
        assert record_from_dict(json.loads(json.dumps(record_to_dict(record)))) == record
    with pytest.raises(Invalid):
        record_from_dict({"kind": "nope"})
    with pytest.raises(Invalid):
        record_from_dict({"kind": "ban_issued"})
