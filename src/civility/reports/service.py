"""The report service: checks the period, reads its facts once, builds and renders the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from civility.clock import Clock
from civility.errors import Invalid
from civility.reports.build import build_report
from civility.reports.models import Report, ReportQuery, ReportSource

MAX_SPAN = timedelta(days=400)
# Up to this span the trends are hourly; beyond it, daily.
HOURLY_UP_TO = timedelta(days=2)
DEFAULT_SPAN = timedelta(days=7)


class ReportFormat(StrEnum):
    """The formats a report is rendered in."""

    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


MEDIA_TYPES = {
    ReportFormat.CSV: "text/csv; charset=utf-8",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.PDF: "application/pdf",
}


@dataclass(frozen=True, slots=True)
class RenderedReport:
    """A report file: its bytes, media type and a download name."""

    body: bytes
    media_type: str
    filename: str


class ReportService:
    """Builds moderation reports over a period."""

    def __init__(self, source: ReportSource, clock: Clock) -> None:
        self._source = source
        self._clock = clock

    def query(
        self, since: datetime | None, until: datetime | None, channel_id: str | None
    ) -> ReportQuery:
        """Checks a period (default: the last 7 days) and picks hourly or daily buckets."""
        until = _utc(until) if until is not None else self._clock.now()
        try:
            since = _utc(since) if since is not None else until - DEFAULT_SPAN
        except OverflowError:  # an `until` in year 1
            raise Invalid("until is too early", code="bad_period") from None
        if since >= until:
            raise Invalid("since must be before until", code="bad_period")
        if until - since > MAX_SPAN:
            raise Invalid(f"a report covers at most {MAX_SPAN.days} days", code="period_too_long")
        return ReportQuery(
            since=since,
            until=until,
            channel_id=channel_id or None,
            hourly=until - since <= HOURLY_UP_TO,
        )

    def summary(self, query: ReportQuery) -> Report:
        """Builds the report of a period."""
        return build_report(self._source.facts(query), query, self._clock.now())

    def render(self, report: Report, fmt: ReportFormat) -> RenderedReport:
        """Renders a report as CSV, Excel or PDF."""
        # Each format's library is imported only when that format is asked for.
        if fmt is ReportFormat.CSV:
            from civility.reports.csv_format import to_csv

            body = to_csv(report)
        elif fmt is ReportFormat.XLSX:
            from civility.reports.xlsx_format import to_xlsx

            body = to_xlsx(report)
        else:
            from civility.reports.pdf_format import to_pdf

            body = to_pdf(report)
        q = report.query
        scope = f"-{q.channel_id}" if q.channel_id else ""
        name = f"civility-report{scope}-{q.since:%Y%m%d}-{q.until:%Y%m%d}.{fmt.value}"
        return RenderedReport(body, MEDIA_TYPES[fmt], _safe_filename(name))


def _utc(when: datetime) -> datetime:
    # A time without a zone is read as UTC, like every time the API returns.
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _safe_filename(name: str) -> str:
    # ASCII only: it goes into a Content-Disposition header, which is latin-1.
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in name)
