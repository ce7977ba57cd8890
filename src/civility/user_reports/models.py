"""User reports, reporter weight and the verdicts on a reported message (pure).

A report attaches to a message. One reporter counts once per message: a repeated report
returns the first. A message with open reports is in the "Reported" queue, ranked by the sum
of its reporters' weights, then by how many reported it, then by the oldest report.

A reporter's weight is fixed when the report arrives:

    weight = (PRIOR + upheld) / (PRIOR + upheld + rejected)

where `upheld` and `rejected` count the reporter's earlier reports that moderators judged.
A new reporter weighs 1; one rejected report makes 0.67, three make 0.4, ten make 0.17; upheld
reports earn weight back. The prior of 2 keeps one mistaken report from halving a reporter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from civility.errors import Invalid

PRIOR = 2
# Weights are stored in thousandths: sums are then exact integers, so queue pages (keyset on
# the sum) never skip or repeat an item through floating-point rounding.
WEIGHT_SCALE = 1000
MAX_REPORT_TEXT = 2000


class ReportReason(StrEnum):
    """Why a user reported a message (the documented list; `other` needs free text)."""

    SPAM = "spam"
    HARASSMENT = "harassment"
    HATE = "hate"
    THREAT = "threat"
    SEXUAL = "sexual"
    SELF_HARM = "self_harm"
    MISINFORMATION = "misinformation"
    OTHER = "other"


class ReportStatus(StrEnum):
    """Where a report stands: open until a moderator judges the message."""

    OPEN = "open"
    UPHELD = "upheld"
    REJECTED = "rejected"


class ReportVerdict(StrEnum):
    """A moderator's verdict on a reported message: reports rejected, or upheld with an action."""

    DISMISS = "dismiss"
    HIDE = "hide"
    REMOVE = "remove"

    @property
    def upheld(self) -> bool:
        """Tells whether the verdict agrees with the reporters."""
        return self is not ReportVerdict.DISMISS


@dataclass(frozen=True, slots=True)
class Report:
    """One user's report of one message."""

    id: str
    message_id: str
    channel_id: str
    reporter_id: str
    reason: ReportReason
    text: str | None
    weight_milli: int
    created_at: datetime
    status: ReportStatus = ReportStatus.OPEN
    resolved_by: str | None = None
    resolved_at: datetime | None = None

    @property
    def weight(self) -> float:
        """Returns the reporter's weight when the report arrived (0 to 1)."""
        return self.weight_milli / WEIGHT_SCALE


@dataclass(frozen=True, slots=True)
class ReportClosure:
    """The open reports a verdict closes: how (upheld or rejected), by whom and when."""

    report_ids: tuple[str, ...]
    reporter_ids: tuple[str, ...]
    status: ReportStatus
    actor: str
    at: datetime


def closure_of(
    reports: Sequence[Report], *, upheld: bool, actor: str, at: datetime
) -> ReportClosure | None:
    """Returns the closure of a message's open reports (None when it has none)."""
    still_open = [r for r in reports if r.status is ReportStatus.OPEN]
    if not still_open:
        return None
    status = ReportStatus.UPHELD if upheld else ReportStatus.REJECTED
    return ReportClosure(
        tuple(r.id for r in still_open),
        tuple(r.reporter_id for r in still_open),
        status,
        actor,
        at,
    )


@dataclass(frozen=True, slots=True)
class ReportReopening:
    """The reports a verdict closed, opened again because the verdict was taken back.

    `statuses` holds what the verdict made of each report (upheld or rejected), `closed_by`
    and `closed_at` the verdict's actor and moment: the storage reopens exactly the reports
    still closed so, and takes them off their reporters' counts.
    """

    report_ids: tuple[str, ...]
    reporter_ids: tuple[str, ...]
    statuses: tuple[ReportStatus, ...]
    closed_by: str
    closed_at: datetime
    actor: str
    at: datetime


def reopening_of(
    reports: Sequence[Report], *, closed_by: str, closed_at: datetime, actor: str, at: datetime
) -> ReportReopening | None:
    """Returns the reopening of the reports one verdict closed (by `closed_by` at `closed_at`),
    taken back by `actor` at `at`; None when that verdict closed none."""
    closed = sorted(
        (
            r
            for r in reports
            if r.status is not ReportStatus.OPEN
            and r.resolved_by == closed_by
            and r.resolved_at == closed_at
        ),
        key=lambda r: (r.created_at, r.id),
    )
    if not closed:
        return None
    return ReportReopening(
        tuple(r.id for r in closed),
        tuple(r.reporter_id for r in closed),
        tuple(r.status for r in closed),
        closed_by,
        closed_at,
        actor,
        at,
    )


def latest_closure(reports: Sequence[Report]) -> tuple[str, datetime] | None:
    """Returns who closed a message's newest closed reports and when (one verdict), or None."""
    closures = [
        (r.resolved_at, r.resolved_by)
        for r in reports
        if r.status is not ReportStatus.OPEN and r.resolved_at and r.resolved_by
    ]
    if not closures:
        return None
    at, by = max(closures)
    return by, at


@dataclass(frozen=True, slots=True)
class ReporterRecord:
    """How a reporter's judged reports went."""

    reporter_id: str
    upheld: int = 0
    rejected: int = 0

    @property
    def weight_milli(self) -> int:
        """Returns the reporter's current weight in thousandths (see the module's formula)."""
        return reporter_weight_milli(self.upheld, self.rejected)


def reporter_weight_milli(upheld: int, rejected: int) -> int:
    """Returns (PRIOR + upheld) / (PRIOR + upheld + rejected) in thousandths, rounded."""
    if upheld < 0 or rejected < 0:
        raise ValueError("counts cannot be negative")
    return round(WEIGHT_SCALE * (PRIOR + upheld) / (PRIOR + upheld + rejected))


@dataclass(frozen=True, slots=True)
class ReportedMessage:
    """A message with open reports, as the Reported queue shows it."""

    message_id: str
    platform_message_id: str
    channel_id: str
    author_id: str
    text: str
    action: str | None
    open_reports: int
    weight_milli: int
    first_reported_at: datetime
    last_reported_at: datetime
    reasons: dict[str, int]

    @property
    def weight(self) -> float:
        """Returns the summed weight of the open reports."""
        return self.weight_milli / WEIGHT_SCALE


@dataclass(frozen=True, slots=True)
class ReportedQuery:
    """A page of the Reported queue; `cursor` is (weight_milli, count, message id) of the last."""

    channel_id: str | None = None
    cursor: tuple[int, int, str] | None = None
    limit: int = 50


def check_report_text(reason: ReportReason, text: str | None) -> str | None:
    """Returns the free text stripped (None when empty); `other` must say what is wrong."""
    stripped = (text or "").strip() or None
    if stripped is not None and len(stripped) > MAX_REPORT_TEXT:
        raise Invalid(
            f"a report's text is at most {MAX_REPORT_TEXT} characters", code="report_too_long"
        )
    if reason is ReportReason.OTHER and stripped is None:
        raise Invalid("reason `other` needs a text saying what is wrong", code="text_required")
    return stripped


def parse_reason(value: str) -> ReportReason:
    """Parses a reason from the documented list; raises Invalid for anything else."""
    try:
        return ReportReason(value)
    except ValueError:
        names = ", ".join(r.value for r in ReportReason)
        raise Invalid(
            f"unknown reason {value!r}; expected one of {names}", code="invalid_reason"
        ) from None


# Far beyond any real queue (a million reports of full weight), far within 64-bit SQL integers.
_MAX_CURSOR_NUMBER = 10**12


def parse_cursor(raw: tuple[object, ...] | None) -> tuple[int, int, str] | None:
    """Checks a decoded Reported-queue cursor: (weight in thousandths, count, message id)."""
    if raw is None:
        return None
    try:
        weight, count, message_id = raw
        if isinstance(weight, bool) or isinstance(count, bool):
            raise TypeError("not a number")
        numbers = int(weight), int(count)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        numbers = (-1, -1)
        message_id = None
    if not all(0 <= n <= _MAX_CURSOR_NUMBER for n in numbers) or not isinstance(message_id, str):
        raise Invalid("cursor must be the next_cursor of a previous page", code="bad_cursor")
    return numbers[0], numbers[1], message_id


def ranking_key(item: ReportedMessage) -> tuple[int, int, str]:
    """Returns the queue's sort key: heavier first, then more reports, then message id."""
    return (item.weight_milli, item.open_reports, item.message_id)
