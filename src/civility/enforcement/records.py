"""Append-only enforcement records; every status is derived from them, never stored.

`channel_id` None means global scope (a global ban, or a reset of every channel's strikes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from civility.errors import Invalid
from civility.policy.verdict import Severity

SYSTEM_ACTOR = "system"


@dataclass(frozen=True, slots=True)
class StrikeAdded:
    """A violation counted against the user in a channel."""

    user_id: str
    channel_id: str
    at: datetime
    weight: float
    severity: Severity
    reason: str
    message_id: str | None = None
    kind: str = "strike_added"


@dataclass(frozen=True, slots=True)
class StrikesReset:
    """Forgets the strikes given before `at` (in one channel, or everywhere if None)."""

    user_id: str
    channel_id: str | None
    at: datetime
    actor: str
    reason: str
    kind: str = "strikes_reset"


@dataclass(frozen=True, slots=True)
class WarningIssued:
    """The user reached the warning rung."""

    user_id: str
    channel_id: str | None
    at: datetime
    strikes: float
    reason: str
    kind: str = "warning_issued"


@dataclass(frozen=True, slots=True)
class BanIssued:
    """A ban from `at` until `until` (None = permanent), per channel or global (None)."""

    user_id: str
    channel_id: str | None
    at: datetime
    until: datetime | None
    actor: str
    reason: str
    kind: str = "ban_issued"

    @property
    def permanent(self) -> bool:
        """Tells whether the ban never ends on its own."""
        return self.until is None


@dataclass(frozen=True, slots=True)
class BanLifted:
    """Lifts every ban of the same scope issued at or before `at`."""

    user_id: str
    channel_id: str | None
    at: datetime
    actor: str
    reason: str
    kind: str = "ban_lifted"


EnforcementRecord = StrikeAdded | StrikesReset | WarningIssued | BanIssued | BanLifted

# Field names in declaration order, per record type: dataclasses.fields() rebuilt this tuple
# on every call, twice per record a decision causes (its row and its event).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls))
    for cls in (StrikeAdded, StrikesReset, WarningIssued, BanIssued, BanLifted)
}


class EnforcementRepository(Protocol):
    """Append-only storage of enforcement records (SQL in production)."""

    def records_for(self, user_id: str) -> Sequence[EnforcementRecord]:
        """Returns every record of a user, oldest first."""
        ...

    def append(self, records: Sequence[EnforcementRecord]) -> None:
        """Stores new records atomically."""
        ...


class InMemoryEnforcementRepository:
    """List-backed repository for tests and single-process use."""

    def __init__(self) -> None:
        self._records: list[EnforcementRecord] = []

    def records_for(self, user_id: str) -> Sequence[EnforcementRecord]:
        """Returns a user's records, oldest first."""
        return [r for r in self._records if r.user_id == user_id]

    def append(self, records: Sequence[EnforcementRecord]) -> None:
        """Appends records."""
        self._records.extend(records)


def record_to_dict(record: EnforcementRecord) -> dict[str, Any]:
    """Returns the JSON form of a record (datetimes as ISO 8601)."""
    out: dict[str, Any] = {}
    names = _FIELD_NAMES.get(type(record)) or tuple(f.name for f in dataclasses.fields(record))
    for name in names:
        value = getattr(record, name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, Severity):
            value = value.value
        out[name] = value
    return out


def record_from_dict(data: dict[str, Any]) -> EnforcementRecord:
    """Rebuilds a record from its JSON form or raises Invalid."""
    builder = _BUILDERS.get(str(data.get("kind")))
    if builder is None:
        raise Invalid(
            f"unknown enforcement record kind {data.get('kind')!r}", code="invalid_record"
        )
    try:
        return builder(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise Invalid(f"bad enforcement record: {exc}", code="invalid_record") from exc


def _dt(value: Any) -> datetime:
    return datetime.fromisoformat(value)


def _opt_dt(value: Any) -> datetime | None:
    return None if value is None else _dt(value)


_BUILDERS: dict[str, Callable[[dict[str, Any]], EnforcementRecord]] = {
    "strike_added": lambda d: StrikeAdded(
        d["user_id"],
        d["channel_id"],
        _dt(d["at"]),
        float(d["weight"]),
        Severity(d["severity"]),
        d["reason"],
        d.get("message_id"),
    ),
    "strikes_reset": lambda d: StrikesReset(
        d["user_id"], d["channel_id"], _dt(d["at"]), d["actor"], d["reason"]
    ),
    "warning_issued": lambda d: WarningIssued(
        d["user_id"], d["channel_id"], _dt(d["at"]), float(d["strikes"]), d["reason"]
    ),
    "ban_issued": lambda d: BanIssued(
        d["user_id"], d["channel_id"], _dt(d["at"]), _opt_dt(d["until"]), d["actor"], d["reason"]
    ),
    "ban_lifted": lambda d: BanLifted(
        d["user_id"], d["channel_id"], _dt(d["at"]), d["actor"], d["reason"]
    ),
}
