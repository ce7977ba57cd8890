"""Pure functions over enforcement records: status now, and what a new violation adds.

Strike weights, expiry and the ladder come from `StrikeSettings` (policy.channel_settings):
low 0.5, medium 1, high 2; strikes count for 30 days; warning at 2, temporary ban (24 h)
at 3, permanent ban at 5, per channel. Global escalation (strikes summed over every
channel) is off unless `global_temp_ban_at`/`global_perm_ban_at` are set.
Expired bans are simply not active any more: nothing needs to sweep them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from civility.enforcement.records import (
    SYSTEM_ACTOR,
    BanIssued,
    BanLifted,
    EnforcementRecord,
    StrikeAdded,
    StrikesReset,
    WarningIssued,
)
from civility.errors import Conflict, Invalid
from civility.policy.channel_settings import StrikeSettings
from civility.policy.verdict import Severity, Verdict


@dataclass(frozen=True, slots=True)
class UserStatus:
    """A user's standing in one channel at one instant."""

    channel_id: str | None
    strikes: float
    global_strikes: float
    ban: BanIssued | None

    @property
    def banned(self) -> bool:
        """Tells whether messages must be blocked."""
        return self.ban is not None


@dataclass(frozen=True, slots=True)
class InForce:
    """Which records can still change a judgement made at `now`; the rest is history only.

    Strikes and resets older than the longest expiry count for nothing, warnings never feed a
    judgement, and an ended ban is inactive; live bans and every lift are kept. Without
    `strikes_since` only the bans are wanted (is the author banned?), no strikes at all.
    """

    now: datetime
    strikes_since: datetime | None = None

    def keeps(self, record: EnforcementRecord) -> bool:
        """Tells whether the record can matter at or after `now`."""
        if isinstance(record, StrikeAdded | StrikesReset):
            return self.strikes_since is not None and record.at > self.strikes_since
        if isinstance(record, BanIssued):
            return record.until is None or record.until > self.now
        return isinstance(record, BanLifted)


def active_strikes(
    records: Iterable[EnforcementRecord], channel_id: str | None, now: datetime, expiry: timedelta
) -> float:
    """Sums unexpired, unreset strikes of a channel (or of every channel if None)."""
    records = list(records)
    resets = [r for r in records if isinstance(r, StrikesReset) and r.at <= now]
    total = 0.0
    for r in records:
        if not isinstance(r, StrikeAdded) or (
            channel_id is not None and r.channel_id != channel_id
        ):
            continue
        if not now - expiry < r.at <= now:
            continue
        if any(x.at >= r.at and x.channel_id in (None, r.channel_id) for x in resets):
            continue
        total += r.weight
    return total


def active_ban(
    records: Iterable[EnforcementRecord], channel_id: str | None, now: datetime
) -> BanIssued | None:
    """Returns the harshest ban in force for the channel (global bans count everywhere)."""
    return harshest_ban(live_bans(records, channel_id, now))


def harshest_ban(bans: Sequence[BanIssued]) -> BanIssued | None:
    """Returns the ban that weighs most: the earliest permanent one, else the one ending last."""
    if not bans:
        return None
    permanent = [b for b in bans if b.until is None]
    if permanent:
        return min(permanent, key=lambda b: b.at)
    return max(bans, key=lambda b: b.until or b.at)


def live_bans(
    records: Iterable[EnforcementRecord], channel_id: str | None, now: datetime
) -> list[BanIssued]:
    """Returns every unexpired, unlifted ban of the channel plus the global ones."""
    records = list(records)
    bans = [r for r in records if isinstance(r, BanIssued)]
    if not bans:
        # Most authors never had a ban: one pass over their strikes, not two.
        return []
    lifts = [r for r in records if isinstance(r, BanLifted) and r.at <= now]
    return [
        r
        for r in bans
        if r.channel_id in (None, channel_id)
        and r.at <= now
        and (r.until is None or r.until > now)
        and not any(x.channel_id == r.channel_id and x.at >= r.at for x in lifts)
    ]


def user_status(
    records: Sequence[EnforcementRecord],
    channel_id: str | None,
    now: datetime,
    settings: StrikeSettings,
) -> UserStatus:
    """Derives a user's strikes and active ban in a channel from their records."""
    return UserStatus(
        channel_id=channel_id,
        strikes=active_strikes(records, channel_id, now, settings.expiry)
        if channel_id is not None
        else 0.0,
        global_strikes=active_strikes(records, None, now, settings.expiry),
        ban=active_ban(records, channel_id, now),
    )


def is_violation(verdict: Verdict, settings: StrikeSettings) -> bool:
    """Tells whether a verdict earns a strike (harsh enough, and not just a ban echo)."""
    return verdict.severity is not Severity.NONE and verdict.action.rank >= settings.min_action.rank


def apply_violation(
    records: Sequence[EnforcementRecord],
    user_id: str,
    channel_id: str,
    severity: Severity,
    now: datetime,
    settings: StrikeSettings,
    *,
    reason: str = "violation",
    message_id: str | None = None,
    global_settings: StrikeSettings | None = None,
) -> list[EnforcementRecord]:
    """Returns the records a new violation adds: its strike and any warning or ban it triggers."""
    weight = settings.weight(severity)
    if weight <= 0:
        return []
    strike = StrikeAdded(user_id, channel_id, now, weight, severity, reason, message_id)
    before = active_strikes(records, channel_id, now, settings.expiry)
    out: list[EnforcementRecord] = [strike]
    out.extend(_channel_ladder(records, strike, before, settings))
    g = global_settings or settings
    if g.global_temp_ban_at is not None or g.global_perm_ban_at is not None:
        global_before = active_strikes(records, None, now, g.expiry)
        out.extend(_global_ladder(records, strike, global_before, g))
    return out


def _channel_ladder(
    records: Sequence[EnforcementRecord], strike: StrikeAdded, before: float, s: StrikeSettings
) -> list[EnforcementRecord]:
    """Climbs the channel's rungs: permanent ban, temporary ban, else warning."""
    after = before + strike.weight
    ban = active_ban(records, strike.channel_id, strike.at)
    why = f"{after:g} strikes"
    if after >= s.perm_ban_at and not (ban and ban.permanent):
        return [_auto_ban(strike, strike.channel_id, None, why)]
    # Repeat offenders at or above the rung get another temporary ban once the last one ended.
    if after >= s.temp_ban_at and ban is None:
        return [_auto_ban(strike, strike.channel_id, strike.at + s.temp_ban_duration, why)]
    if before < s.warn_at <= after:
        return [WarningIssued(strike.user_id, strike.channel_id, strike.at, after, why)]
    return []


def _global_ladder(
    records: Sequence[EnforcementRecord], strike: StrikeAdded, before: float, g: StrikeSettings
) -> list[EnforcementRecord]:
    """Escalates to a global ban when strikes across all channels reach the global rungs."""
    after = before + strike.weight
    ban = active_ban(records, None, strike.at)
    global_ban = ban if ban is not None and ban.channel_id is None else None
    why = f"{after:g} strikes across channels"
    if g.global_perm_ban_at is not None and after >= g.global_perm_ban_at:
        if not (global_ban and global_ban.permanent):
            return [_auto_ban(strike, None, None, why)]
        return []
    if g.global_temp_ban_at is not None and after >= g.global_temp_ban_at and global_ban is None:
        return [_auto_ban(strike, None, strike.at + g.temp_ban_duration, why)]
    return []


def _auto_ban(
    strike: StrikeAdded, channel_id: str | None, until: datetime | None, why: str
) -> BanIssued:
    return BanIssued(strike.user_id, channel_id, strike.at, until, SYSTEM_ACTOR, why)


def apply_verdict(
    records: Sequence[EnforcementRecord],
    user_id: str,
    channel_id: str,
    verdict: Verdict,
    now: datetime,
    settings: StrikeSettings,
    *,
    message_id: str | None = None,
    global_settings: StrikeSettings | None = None,
) -> list[EnforcementRecord]:
    """Turns a verdict into strike/warning/ban records (none if it is not a violation)."""
    if not is_violation(verdict, settings):
        return []
    codes = ",".join(sorted({r.code for r in verdict.reasons})) or "violation"
    return apply_violation(
        records,
        user_id,
        channel_id,
        verdict.severity,
        now,
        settings,
        reason=codes,
        message_id=message_id,
        global_settings=global_settings,
    )


def manual_ban(
    user_id: str,
    channel_id: str | None,
    now: datetime,
    actor: str,
    reason: str,
    duration: timedelta | None = None,
) -> BanIssued:
    """Returns a moderator's ban (permanent when duration is None)."""
    if duration is not None and duration <= timedelta(0):
        raise Invalid("ban duration must be positive", code="invalid_ban")
    _require_text(actor, "actor")
    _require_text(reason, "reason")
    return BanIssued(
        user_id, channel_id, now, None if duration is None else now + duration, actor, reason
    )


def manual_unban(
    records: Sequence[EnforcementRecord],
    user_id: str,
    channel_id: str | None,
    now: datetime,
    actor: str,
    reason: str,
) -> BanLifted:
    """Returns the record lifting the bans of exactly this scope; Conflict if none is active."""
    _require_text(actor, "actor")
    _require_text(reason, "reason")
    if not any(b.channel_id == channel_id for b in live_bans(records, channel_id, now)):
        scope = "globally" if channel_id is None else f"in channel {channel_id}"
        raise Conflict(f"user {user_id} is not banned {scope}", code="not_banned")
    return BanLifted(user_id, channel_id, now, actor, reason)


def reset_strikes(
    user_id: str, channel_id: str | None, now: datetime, actor: str, reason: str
) -> StrikesReset:
    """Returns the record that forgets the user's strikes so far (all channels if None)."""
    _require_text(actor, "actor")
    _require_text(reason, "reason")
    return StrikesReset(user_id, channel_id, now, actor, reason)


def _require_text(value: str, name: str) -> None:
    if not value.strip():
        raise Invalid(f"{name} must not be empty", code=f"missing_{name}")
