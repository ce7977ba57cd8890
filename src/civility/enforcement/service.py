"""The enforcement service: user status, manual bans/unbans/strikes/resets, bans in force,
violation history and statistics. Every action is stored with its event in one transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal, Protocol

from civility.clock import Clock
from civility.enforcement.engine import (
    InForce,
    active_strikes,
    apply_violation,
    live_bans,
    manual_ban,
    manual_unban,
    reset_strikes,
)
from civility.enforcement.events import record_event
from civility.enforcement.records import (
    BanIssued,
    BanLifted,
    EnforcementRecord,
    StrikeAdded,
    StrikesReset,
)
from civility.errors import Invalid
from civility.events.models import Event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.policy.model import Policy
from civility.policy.repository import PolicyRepository, resolve_policy
from civility.policy.verdict import Severity

Bucket = Literal["hour", "day"]
BUCKET_SIZE: dict[str, timedelta] = {"hour": timedelta(hours=1), "day": timedelta(days=1)}
DEFAULT_SPAN: dict[str, timedelta] = {"hour": timedelta(days=1), "day": timedelta(days=30)}
MAX_BUCKETS = 1000


@dataclass(frozen=True, slots=True)
class StatsQuery:
    """Decisions counted per time bucket, optionally for one channel and/or one author."""

    since: datetime
    until: datetime
    bucket: Bucket = "hour"
    channel_id: str | None = None
    author_id: str | None = None


@dataclass(frozen=True, slots=True)
class StatsCount:
    """One GROUP BY row: a bucket start, a dimension (`decision` or `category`), a key, a count."""

    bucket: datetime
    dimension: Literal["decision", "category"]
    key: str
    count: int


@dataclass(slots=True)
class StatsBucket:
    """Counts of one time bucket by decision and by category (reason code for rules)."""

    start: datetime
    decisions: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Returns the number of decisions in the bucket."""
        return sum(self.decisions.values())


@dataclass(frozen=True, slots=True)
class Consequences:
    """Enforcement records and their events, to store in the caller's own transaction."""

    records: tuple[EnforcementRecord, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class UserReport:
    """A user's standing: active strikes (count and weight) and the bans in force."""

    author_id: str
    channel_id: str | None
    strike_count: int
    strike_weight: float
    global_strike_count: int
    global_strike_weight: float
    bans: tuple[BanIssued, ...]
    policy_version: int

    @property
    def banned(self) -> bool:
        """Tells whether the user's messages are blocked in this scope."""
        return bool(self.bans)


class EnforcementTransaction(Transaction, Protocol):
    """A write transaction on enforcement records."""

    def append(self, records: Sequence[EnforcementRecord]) -> None:
        """Appends records in the given order."""
        ...


class EnforcementStore(UnitOfWork[EnforcementTransaction], Protocol):
    """Append-only enforcement records plus the read models built on messages/decisions."""

    def records_for(self, user_id: str) -> list[EnforcementRecord]:
        """Returns every record of a user, oldest first."""
        ...

    def records_for_many(
        self, user_ids: Sequence[str], *, in_force: InForce | None = None
    ) -> dict[str, list[EnforcementRecord]]:
        """Returns the records of several users (absent users map to nothing)."""
        ...

    def users_with_bans(self, channel_id: str | None, limit: int, now: datetime) -> list[str]:
        """Returns users with an unexpired ban in the channel or global (any channel if None)."""
        ...

    def stats(self, query: StatsQuery) -> list[StatsCount]:
        """Counts decisions by bucket and decision, and by bucket and category."""
        ...


def _active_strike_records(
    records: Sequence[EnforcementRecord], channel_id: str | None, now: datetime, policy: Policy
) -> list[StrikeAdded]:
    """Returns the strikes that still count (same rules as `active_strikes`, one by one)."""
    resets = [r for r in records if isinstance(r, StrikesReset)]
    expiry = policy.strikes.expiry
    return [
        r
        for r in records
        if isinstance(r, StrikeAdded) and active_strikes([r, *resets], channel_id, now, expiry) > 0
    ]


def utc(value: datetime) -> datetime:
    """Returns an aware datetime in UTC (naive input is taken as UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def floor_bucket(value: datetime, bucket: Bucket) -> datetime:
    """Returns the start of the bucket holding `value` (UTC)."""
    value = utc(value).replace(minute=0, second=0, microsecond=0)
    return value.replace(hour=0) if bucket == "day" else value


class EnforcementService:
    """What moderators do to users, and what they read about them."""

    def __init__(self, store: EnforcementStore, policies: PolicyRepository, clock: Clock) -> None:
        self._store = store
        self._policies = policies
        self._clock = clock

    def records(self, author_id: str) -> list[EnforcementRecord]:
        """Returns every enforcement record of an author, oldest first."""
        return self._store.records_for(author_id)

    def status(self, author_id: str, channel_id: str | None = None) -> UserReport:
        """Returns active strikes (in the channel and everywhere) and the bans in force."""
        now = self._clock.now()
        records = self._store.records_for(author_id)
        policy = resolve_policy(self._policies, channel_id)
        own = _active_strike_records(records, channel_id, now, policy) if channel_id else []
        every = _active_strike_records(records, None, now, policy)
        return UserReport(
            author_id=author_id,
            channel_id=channel_id,
            strike_count=len(own),
            strike_weight=sum(r.weight for r in own),
            global_strike_count=len(every),
            global_strike_weight=sum(r.weight for r in every),
            bans=tuple(_bans_in_force(records, channel_id, now)),
            policy_version=policy.version,
        )

    def ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> BanIssued:
        """Bans in a channel or everywhere (None); permanent when duration is None."""
        record = manual_ban(author_id, channel_id, self._clock.now(), actor, reason, duration)
        self._append([record])
        return record

    def plan_ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> Consequences:
        """Returns the ban `ban` would store, with its event, for the caller's transaction."""
        record = manual_ban(author_id, channel_id, self._clock.now(), actor, reason, duration)
        return Consequences((record,), (record_event(record),))

    def unban(
        self, author_id: str, channel_id: str | None, *, actor: str, reason: str
    ) -> BanLifted:
        """Lifts the bans of exactly this scope; Conflict (not_banned) if there is none."""
        records = self._store.records_for(author_id)
        record = manual_unban(records, author_id, channel_id, self._clock.now(), actor, reason)
        self._append([record])
        return record

    def reset_strikes(
        self, author_id: str, channel_id: str | None, *, actor: str, reason: str
    ) -> StrikesReset:
        """Forgets the strikes so far, in a channel or everywhere (None)."""
        record = reset_strikes(author_id, channel_id, self._clock.now(), actor, reason)
        self._append([record])
        return record

    def add_strike(
        self,
        author_id: str,
        channel_id: str,
        severity: Severity,
        *,
        actor: str,
        reason: str,
        message_id: str | None = None,
    ) -> list[EnforcementRecord]:
        """Counts a moderator's strike, with the warning or ban the channel's ladder adds."""
        planned = self.plan_strike(
            author_id, channel_id, severity, actor=actor, reason=reason, message_id=message_id
        )
        self._store_with_events(planned.records, planned.events)
        return list(planned.records)

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
        """Returns what `add_strike` would store, with the events, for the caller's transaction.

        `earlier` are records the caller is about to store in the same transaction (another
        strike of the same author in one bulk verdict), so the ladder climbs as if stored.
        """
        now = self._clock.now()
        policy = resolve_policy(self._policies, channel_id)
        records = apply_violation(
            [*self._store.records_for(author_id), *earlier],
            author_id,
            channel_id,
            severity,
            now,
            policy.strikes,
            reason=reason,
            message_id=message_id,
            global_settings=resolve_policy(self._policies, None).strikes,
        )
        events = [record_event(r) for r in records]
        # A moderator's strike is the moderator's action, even where the ladder adds the ban.
        events = [e if e.actor != "system" else _with_actor(e, actor) for e in events]
        return Consequences(tuple(records), tuple(events))

    def bans(self, channel_id: str | None = None, limit: int = 500) -> list[BanIssued]:
        """Returns the bans in force, in a channel (with the global ones) or everywhere."""
        now = self._clock.now()
        users = self._store.users_with_bans(channel_id, limit, now)
        found: list[BanIssued] = []
        for records in self._store.records_for_many(users).values():
            found.extend(_bans_in_force(records, channel_id, now))
        return sorted(found, key=lambda b: (b.at, b.user_id))[:limit]

    def stats(self, query: StatsQuery) -> list[StatsBucket]:
        """Counts decisions by decision and category per bucket, empty buckets included."""
        since, until = utc(query.since), utc(query.until)
        if since >= until:
            raise Invalid("since must be before until", code="invalid_range")
        if since.year < 2 or until.year > 9998:
            # Bucket arithmetic past datetime's range would overflow.
            raise Invalid(
                "since and until must lie between the years 2 and 9998", code="invalid_range"
            )
        step = BUCKET_SIZE[query.bucket]
        first = floor_bucket(since, query.bucket)
        if (until - first) / step > MAX_BUCKETS:
            raise Invalid(
                f"at most {MAX_BUCKETS} buckets; use a shorter range or bucket=day",
                code="invalid_range",
            )
        buckets: dict[datetime, StatsBucket] = {}
        start = first
        while start < until:
            buckets[start] = StatsBucket(start)
            start += step
        bounded = StatsQuery(since, until, query.bucket, query.channel_id, query.author_id)
        for row in self._store.stats(bounded):
            target = buckets.setdefault(row.bucket, StatsBucket(row.bucket))
            counts = target.decisions if row.dimension == "decision" else target.categories
            counts[row.key] = counts.get(row.key, 0) + row.count
        return [buckets[k] for k in sorted(buckets)]

    def default_range(self, bucket: Bucket) -> tuple[datetime, datetime]:
        """Returns the range shown when none is given: the last day (hourly) or 30 days."""
        now = self._clock.now()
        return now - DEFAULT_SPAN[bucket], now

    def _append(self, records: Sequence[EnforcementRecord]) -> None:
        self._store_with_events(records, [record_event(r) for r in records])

    def _store_with_events(
        self, records: Sequence[EnforcementRecord], events: Sequence[Event]
    ) -> None:
        with self._store.transaction() as tx:
            tx.append(records)
            tx.record(events)


def _bans_in_force(
    records: Sequence[EnforcementRecord], channel_id: str | None, now: datetime
) -> list[BanIssued]:
    """Returns live bans of the channel and global ones, or of every channel if None."""
    if channel_id is not None:
        return live_bans(records, channel_id, now)
    channels = {r.channel_id for r in records if isinstance(r, BanIssued)}
    found: dict[int, BanIssued] = {}
    for channel in channels:
        for ban in live_bans(records, channel, now):
            found[id(ban)] = ban
    return sorted(found.values(), key=lambda b: b.at)


def _with_actor(event: Event, actor: str) -> Event:
    return dataclasses.replace(event, actor=actor)
