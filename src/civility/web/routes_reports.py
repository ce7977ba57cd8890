"""The Reports page: a period's moderation report on screen, and its CSV, Excel and PDF files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from civility.reports.cells import cell_text
from civility.reports.models import Report, ReportQuery, Trend
from civility.reports.service import ReportFormat
from civility.web import render
from civility.web.actions import ActionFailed, call
from civility.web.deps import PREFIX, Actor, container_of, page

router = APIRouter(prefix=PREFIX, include_in_schema=False)

TREND_COLORS = {**render.ACTION_COLORS, "entered": "#1565c0", "resolved": "#2e7d32"}


def _day(text: str, default: date) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ActionFailed(422, f"not a date: {text!r}") from None


async def _query(request: Request, since: str, until: str, channel: str) -> ReportQuery:
    """Reads the form: whole UTC days, `until` included."""
    today = container_of(request).clock.now().date()
    last = _day(until, today)
    first = _day(since, last - timedelta(days=6))
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1)
    return await call(container_of(request).reports.query, start, end, channel.strip() or None)


def _chart(trend: Trend, hourly: bool) -> Markup:
    labels = [b.strftime("%H:00" if hourly else "%m-%d") for b in trend.buckets]
    series = [
        render.Series(name, TREND_COLORS.get(name, "#5c6bc0"), values)
        for name, values in trend.series.items()
    ]
    every = max(1, len(labels) // 12)
    if trend.key == "decisions":
        return render.column_chart(labels, series, width=1240, height=200, every=every)
    # Entered and resolved side by side: stacked, one would hide the other.
    halves = (
        Markup('<div class="half"><p class="small muted">{}</p>{}</div>').format(
            s.name, render.column_chart(labels, [s], width=620, height=200, every=every)
        )
        for s in series
    )
    return Markup('<div class="pair">{}</div>').format(Markup("").join(halves))


@router.get("/reports", response_class=HTMLResponse)
async def reports(
    request: Request, user: Actor, since: str = "", until: str = "", channel: str = ""
) -> HTMLResponse:
    """Shows the report of a period (default: the last 7 days) with links to its files."""
    query = await _query(request, since, until, channel)
    report: Report = await call(container_of(request).reports.summary, query)
    form = {
        "since": query.since.date().isoformat(),
        "until": (query.until - timedelta(days=1)).date().isoformat(),
        "channel": query.channel_id or "",
    }
    links = {
        f.value: f"{PREFIX}/reports/download?{urlencode({**form, 'format': f.value})}"
        for f in ReportFormat
    }
    return page(
        request,
        "reports.html",
        user,
        report=report,
        form=form,
        links=links,
        charts={t.key: _chart(t, query.hourly) for t in report.trends},
        trend_colors=TREND_COLORS,
        cell=lambda value, column: cell_text(value, column, query.hourly),
        nav="reports",
    )


@router.get("/reports/download")
async def download(
    request: Request,
    user: Actor,
    since: str = "",
    until: str = "",
    channel: str = "",
    format: str = "csv",
) -> Response:
    """Sends the report of a period as a CSV, Excel or PDF file."""
    try:
        fmt = ReportFormat(format)
    except ValueError:
        raise ActionFailed(422, f"unknown format {format!r}: csv, xlsx or pdf") from None
    service = container_of(request).reports
    query = await _query(request, since, until, channel)
    report = await call(service.summary, query)
    rendered = await call(service.render, report, fmt)
    headers = {"Content-Disposition": f'attachment; filename="{rendered.filename}"'}
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)
