"""A report's shape (tables of typed columns, trends) and the facts it is computed from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol


class Kind(StrEnum):
    """A column's type: each format writes it as that type (Excel cells are typed)."""

    TEXT = "text"
    INT = "int"
    RATIO = "ratio"  # 0..1, shown as a percentage
    SECONDS = "seconds"  # a duration
    TIME = "time"  # a bucket's start (UTC)


Cell = str | int | float | datetime | None


@dataclass(frozen=True, slots=True)
class Column:
    """A column's heading and type."""

    name: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the report; `key` names its Excel sheet and its CSV section."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Trend:
    """Series over the report's buckets (a chart): one list of values per series name."""

    key: str
    title: str
    buckets: tuple[datetime, ...]
    series: dict[str, tuple[float, ...]]


@dataclass(frozen=True, slots=True)
class ReportQuery:
    """The period [since, until), optionally one channel, in hourly or daily buckets."""

    since: datetime
    until: datetime
    channel_id: str | None = None
    hourly: bool = False


@dataclass(frozen=True, slots=True)
class Report:
    """A whole report, ready for any format."""

    query: ReportQuery
    generated_at: datetime
    tables: tuple[Table, ...]
    trends: tuple[Trend, ...]

    def table(self, key: str) -> Table:
        """Returns the table with this key."""
        return next(t for t in self.tables if t.key == key)


@dataclass(frozen=True, slots=True)
class ReviewFact:
    """One automated decision a human could review, and what humans did with it."""

    message_id: str
    action: str  # flag, hide or block
    decided_at: datetime
    first_action_at: datetime | None  # the first claim, note, escalation or verdict
    resolved_at: datetime | None
    resolution: str | None  # approve, hide, remove (escalate is not a resolution)


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the database knows about the period, grouped as little as SQL does well."""

    # (bucket start, action, decisions)
    decisions: list[tuple[datetime, str, int]] = field(default_factory=list)
    # (channel, action, decisions)
    channels: list[tuple[str, str, int]] = field(default_factory=list)
    # (action, the decision's reasons) of every decision that is not `allow`
    reasons: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    # (enforcement record kind, how many)
    enforcement: list[tuple[str, int]] = field(default_factory=list)
    reviews: list[ReviewFact] = field(default_factory=list)
    # (moderator, event type, how many) of human actions
    moderators: list[tuple[str, str, int]] = field(default_factory=list)


class ReportSource(Protocol):
    """Reads a period's facts (SQL in storage/reports.py)."""

    def facts(self, query: ReportQuery) -> ReportFacts:
        """Returns the facts of the period (and channel) the query names."""
        ...
