"""Connects review to the strikes-and-bans service (the `EnforcementActions` it needs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from civility.enforcement.engine import harshest_ban, live_bans, manual_unban
from civility.enforcement.events import record_event
from civility.enforcement.records import BanIssued, EnforcementRecord
from civility.enforcement.service import Consequences, EnforcementService
from civility.events.models import Event, EventType
from civility.policy.verdict import Severity
from civility.review.models import AuthorStanding

_RECORD_TYPES = frozenset(
    t.value
    for t in (
        EventType.USER_BANNED,
        EventType.USER_UNBANNED,
        EventType.USER_STRIKE_ADDED,
        EventType.USER_STRIKES_RESET,
        EventType.USER_WARNED,
    )
)


class UserEvents(Protocol):
    """Reads the events about one author."""

    def user_events(self, author_id: str, limit: int) -> list[Event]:
        """Returns the `user.*` events of an author, newest first."""
        ...


class ServiceEnforcement:
    """Delegates actions to `EnforcementService`; history comes from the `user.*` events."""

    def __init__(self, users: EnforcementService, events: UserEvents) -> None:
        self._users = users
        self._events = events

    def ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> None:
        """Bans an author in a channel, or everywhere (None); permanent when duration is None."""
        self._users.ban(author_id, channel_id, duration, actor=actor, reason=reason)

    def unban(self, author_id: str, channel_id: str | None, *, actor: str, reason: str) -> None:
        """Lifts the author's bans of exactly this scope (Conflict when there is none)."""
        self._users.unban(author_id, channel_id, actor=actor, reason=reason)

    def add_strike(
        self,
        author_id: str,
        channel_id: str,
        severity: Severity,
        *,
        actor: str,
        reason: str,
        message_id: str | None = None,
    ) -> None:
        """Counts a violation, with whatever the channel's strike ladder adds."""
        self._users.add_strike(
            author_id, channel_id, severity, actor=actor, reason=reason, message_id=message_id
        )

    def reset_strikes(
        self, author_id: str, channel_id: str | None, *, actor: str, reason: str
    ) -> None:
        """Forgets the author's strikes in a channel, or everywhere (None)."""
        self._users.reset_strikes(author_id, channel_id, actor=actor, reason=reason)

    def plan_ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> Consequences:
        """Returns the ban record and event `ban` would store, without storing them."""
        return self._users.plan_ban(author_id, channel_id, duration, actor=actor, reason=reason)

    def plan_strike(
        self,
        author_id: str,
        channel_id: str,
        severity: Severity,
        *,
        actor: str,
        reason: str,
        message_id: str | None = None,
        earlier: Sequence[EnforcementRecord] = (),
    ) -> Consequences:
        """Returns what `add_strike` would store (after `earlier`), without storing it."""
        return self._users.plan_strike(
            author_id,
            channel_id,
            severity,
            actor=actor,
            reason=reason,
            message_id=message_id,
            earlier=earlier,
        )

    def plan_lift_bans(
        self, author_id: str, issued_for: str, now: datetime, *, actor: str, reason: str
    ) -> Consequences:
        """Returns the unbans that take back the bans given `issued_for` a verdict.

        A lift ends every ban of its scope issued before it, so a scope that also holds an
        older live ban (one the verdict did not give) is left alone.
        """
        records = self._users.records(author_id)
        live = _all_live_bans(records, now)
        given = [b for b in live if b.reason == issued_for]
        lifts: list[EnforcementRecord] = []
        for scope in sorted({b.channel_id for b in given}, key=lambda c: c or ""):
            others = [b for b in live if b.channel_id == scope and b.reason != issued_for]
            if not others:
                lifts.append(manual_unban(records, author_id, scope, now, actor, reason))
        return Consequences(tuple(lifts), tuple(record_event(r) for r in lifts))

    def standing(self, author_id: str, channel_id: str | None = None) -> AuthorStanding:
        """Returns strikes and the harshest ban in force, plus the recent enforcement history."""
        report = self._users.status(author_id, channel_id)
        ban = harshest_ban(report.bans)
        strikes = report.strike_weight if channel_id is not None else report.global_strike_weight
        return AuthorStanding(
            author_id=author_id,
            strikes=strikes,
            banned=ban is not None,
            ban_channel_id=ban.channel_id if ban else None,
            ban_until=ban.until if ban else None,
            history=tuple(self._history(author_id)),
        )

    def _history(self, author_id: str, limit: int = 50) -> list[dict[str, Any]]:
        return [
            {
                **e.payload,
                "type": e.type,
                "at": e.created_at.isoformat(),
                "actor": e.actor,
                "channel_id": e.channel_id,
            }
            for e in self._events.user_events(author_id, limit)
            if e.type in _RECORD_TYPES
        ]


def _all_live_bans(records: Sequence[EnforcementRecord], now: datetime) -> list[BanIssued]:
    """Every live ban of the author, global and per channel (live_bans reads one channel)."""
    scopes = {r.channel_id for r in records if isinstance(r, BanIssued)}
    found: dict[int, BanIssued] = {}
    for scope in scopes:
        for ban in live_bans(records, scope, now):
            found[id(ban)] = ban
    return list(found.values())
