"""How urgent a review item is: what it is about first, then reports, then how long it waited.

A raw model score says how sure the model is, not how bad the message is: a threat at 0.46
matters more than spam at 0.61, and blocklist or ban blocks have no score at all. So an item's
priority is a number of points:

    points = max(category points, rule points) + severity points + report points
    priority(now) = points + minutes waited / MINUTES_PER_POINT

Waiting adds one point every half hour, so nothing starves: an insult (25 + 15) that waited
a day (48) passes a fresh threat (60 + 15). Because the age term grows equally for every item,
the order never changes with time, and the time-free `sort_key` (points in seconds minus the
decision's Unix time) is what the queue is sorted and paged by, in SQL as here.

Each item also has a service-level target (`sla`): how long it should wait at most.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from civility.policy.verdict import Reason, ReasonSource, Severity

# Threats and identity attacks first (issue 17); order of the others from how often moderators
# escalate them.
CATEGORY_POINTS: dict[str, int] = {
    "threat": 60,
    "identity_attack": 55,
    "severe_toxicity": 45,
    "insult": 25,
    "toxicity": 20,
    "obscene": 15,
}
# Rule reasons carry no category: an admin's blocklist entry is a deliberate signal, a ban
# block repeats a decision already taken, the fast checks (caps, links, flood) are noise.
SOURCE_POINTS: dict[ReasonSource, int] = {
    ReasonSource.BLOCKLIST: 35,
    ReasonSource.BAN: 20,
    ReasonSource.CHECK: 10,
    ReasonSource.MODEL: 0,
}
SEVERITY_POINTS: dict[Severity, int] = {
    Severity.NONE: 0,
    Severity.LOW: 5,
    Severity.MEDIUM: 15,
    Severity.HIGH: 30,
}
# One report of full weight adds this much; many reports cannot outweigh a threat alone.
POINTS_PER_REPORT = 10
MAX_REPORT_POINTS = 40
MINUTES_PER_POINT = 30
SECONDS_PER_POINT = MINUTES_PER_POINT * 60

URGENT_CATEGORIES = frozenset({"threat", "identity_attack"})
SLA_URGENT = timedelta(hours=1)
SLA_SERIOUS = timedelta(hours=4)
SLA_DEFAULT = timedelta(hours=24)


def base_points(reasons: Iterable[Reason], severity: Severity, report_weight: float = 0.0) -> int:
    """Returns an item's points before waiting time: its worst reason, severity and reports."""
    worst = 0
    for r in reasons:
        worst = max(worst, CATEGORY_POINTS.get(r.category or "", 0), SOURCE_POINTS[r.source])
    return worst + SEVERITY_POINTS[severity] + report_points(report_weight)


def report_points(weight: float) -> int:
    """Returns the points that reports of a summed weight add (capped)."""
    if weight <= 0:
        return 0
    return min(math.floor(weight * POINTS_PER_REPORT), MAX_REPORT_POINTS)


def epoch_seconds(when: datetime) -> int:
    """Returns whole Unix seconds (floored, as the SQL side computes them)."""
    return math.floor(when.timestamp())


def sort_key(points: int, decided_at: datetime) -> int:
    """Returns the time-free key the queue sorts by, highest first."""
    return points * SECONDS_PER_POINT - epoch_seconds(decided_at)


def priority(points: int, decided_at: datetime, now: datetime) -> float:
    """Returns the priority at `now`: points plus one per half hour waited."""
    waited = max((now - decided_at).total_seconds(), 0.0)
    return points + waited / SECONDS_PER_POINT


def sla(reasons: Sequence[Reason], severity: Severity) -> timedelta:
    """Returns how long an item should wait at most: an hour for threats and identity attacks."""
    categories = {r.category for r in reasons}
    if categories & URGENT_CATEGORIES:
        return SLA_URGENT
    if severity is Severity.HIGH or "severe_toxicity" in categories:
        return SLA_SERIOUS
    if any(r.source is ReasonSource.BLOCKLIST for r in reasons):
        return SLA_SERIOUS
    return SLA_DEFAULT


@dataclass(frozen=True, slots=True)
class Deadline:
    """An item's service-level timer as the queue shows it."""

    due_at: datetime
    left: timedelta

    @property
    def overdue(self) -> bool:
        """Tells whether the target has passed."""
        return self.left < timedelta(0)

    @property
    def level(self) -> str:
        """Returns `overdue`, `soon` (under a quarter of an hour left) or `ok`."""
        if self.overdue:
            return "overdue"
        return "soon" if self.left < timedelta(minutes=15) else "ok"


def deadline(
    reasons: Sequence[Reason], severity: Severity, decided_at: datetime, now: datetime
) -> Deadline:
    """Returns when an item is due and how much time is left (negative once overdue)."""
    due = decided_at + sla(reasons, severity)
    return Deadline(due, due - now)


def is_ban_block(reasons: Sequence[Reason]) -> bool:
    """Tells whether an item exists only because its author was already banned."""
    return bool(reasons) and all(r.source is ReasonSource.BAN for r in reasons)


class GroupBy(StrEnum):
    """How the queue folds items: one row per author, or per identical text."""

    AUTHOR = "author"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class ItemGroup:
    """Items sharing an author or a text; `top_key` is the sort key of the most urgent one."""

    by: GroupBy
    key: str
    count: int
    top_key: int
    oldest: datetime
    sample_id: str
    authors: int = 1

    def top_priority(self, now: datetime) -> float:
        """Returns the priority at `now` of the group's most urgent item."""
        return (self.top_key + now.timestamp()) / SECONDS_PER_POINT


def fold(groups: Sequence[ItemGroup]) -> list[ItemGroup]:
    """Returns the groups worth folding (more than one item), most urgent first."""
    many = [g for g in groups if g.count > 1]
    return sorted(many, key=lambda g: (-g.top_key, g.key))
