"""A notification channel's options and the notice an event becomes (plain data, no I/O)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from civility.errors import Invalid
from civility.policy.verdict import Severity


class ChannelKind(StrEnum):
    """Where a channel posts: a Slack or a Discord incoming webhook."""

    SLACK = "slack"
    DISCORD = "discord"


class TextMode(StrEnum):
    """How much of a message's text a notice carries."""

    NONE = "none"
    REDACTED = "redacted"  # an excerpt with the flagged words, links, addresses, numbers masked
    FULL = "full"  # the text, cut at FULL_TEXT_LIMIT characters


# What a new channel is told about unless the admin picks: the list (no appeals yet).
DEFAULT_EVENT_TYPES = (
    "message.blocked",
    "message.hidden",
    "review.escalated",
    "review.backlog",
    "webhook.disabled",
)
_HH_MM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def _clock_time(text: str, name: str) -> time:
    match = _HH_MM.fullmatch(text)
    if match is None:
        raise Invalid(f"quiet_hours.{name} must be HH:MM (24 h)", code="bad_quiet_hours")
    return time(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window, in a time zone, when only notices at `min_severity` or above go out."""

    start: time
    end: time
    timezone: str = "UTC"
    # None: nothing goes out in the window.
    min_severity: Severity | None = None

    def __post_init__(self) -> None:
        if self.start == self.end:
            raise Invalid("quiet hours must not start and end at once", code="bad_quiet_hours")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
            # Not found, or not a zone name at all (a path, a NUL byte).
            raise Invalid(f"unknown time zone {self.timezone!r}", code="bad_quiet_hours") from None

    def covers(self, when: datetime) -> bool:
        """Tells whether `when` falls in the window (which may run past midnight)."""
        local = when.astimezone(ZoneInfo(self.timezone)).time()
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def to_dict(self) -> dict[str, Any]:
        """Returns the stored (and API) form."""
        return {
            "start": self.start.strftime("%H:%M"),
            "end": self.end.strftime("%H:%M"),
            "timezone": self.timezone,
            "min_severity": self.min_severity.value if self.min_severity else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuietHours:
        """Reads the stored (and API) form; raises Invalid."""
        severity = data.get("min_severity")
        return cls(
            start=_clock_time(str(data.get("start", "")), "start"),
            end=_clock_time(str(data.get("end", "")), "end"),
            timezone=str(data.get("timezone") or "UTC"),
            min_severity=Severity(severity) if severity else None,
        )


@dataclass(frozen=True, slots=True)
class ChannelOptions:
    """What a channel is sent: from which severity, outside which hours, with how much text."""

    name: str = ""
    min_severity: Severity = Severity.MEDIUM
    quiet_hours: QuietHours | None = None
    text: TextMode = TextMode.REDACTED

    def to_dict(self) -> dict[str, Any]:
        """Returns the stored form (the subscription's `options`)."""
        return {
            "name": self.name,
            "min_severity": self.min_severity.value,
            "quiet_hours": self.quiet_hours.to_dict() if self.quiet_hours else None,
            "text": self.text.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChannelOptions:
        """Reads the stored form."""
        quiet = data.get("quiet_hours")
        return cls(
            name=str(data.get("name") or ""),
            min_severity=Severity(data.get("min_severity") or Severity.MEDIUM.value),
            quiet_hours=QuietHours.from_dict(quiet) if quiet else None,
            text=TextMode(data.get("text") or TextMode.REDACTED.value),
        )


@dataclass(frozen=True, slots=True)
class Notice:
    """What a channel is told about one event, before a platform's format."""

    event_id: str
    event_type: str
    title: str
    severity: Severity
    at: datetime
    fields: tuple[tuple[str, str], ...] = ()
    excerpt: str | None = None
    link: str | None = None
    tags: tuple[str, ...] = field(default=())
