"""Overview charts, the audit log, and the admins' policy and blocklist editors."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from civility.auth.dashboard import DashboardUser
from civility.events.models import EventQuery, EventType
from civility.web import render
from civility.web.actions import ActionFailed, call, redirect
from civility.web.deps import PREFIX, Actor, AdminActor, Viewer, container_of, is_htmx, page
from civility.web.render import ACTION_COLORS, Series
from civility.web.tryout import try_text

router = APIRouter(prefix=PREFIX, include_in_schema=False)
root = APIRouter(include_in_schema=False)

AGE_BANDS = ("< 1 h", "1–6 h", "6–24 h", "> 24 h")


@root.get("/")
async def home() -> RedirectResponse:
    """Sends browsers to the dashboard."""
    return RedirectResponse(PREFIX + "/", status_code=307)


@root.get("/favicon.ico")
async def favicon() -> RedirectResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them the dashboard's icon."""
    return RedirectResponse(PREFIX + "/static/favicon.svg", status_code=301)


@router.get("/", response_class=HTMLResponse)
async def overview(
    request: Request, user: Viewer, period: Annotated[str, Query(alias="range")] = "24h"
) -> HTMLResponse:
    """Charts: decisions over time, scores, queue depth and age, channels, moderators."""
    c = container_of(request)
    hourly = period != "30d"
    now = c.clock.now()
    since = now - (timedelta(hours=23) if hourly else timedelta(days=29))
    since = since.replace(minute=0, second=0, microsecond=0)
    if not hourly:
        since = since.replace(hour=0)
    rows = await call(c.stats.decisions_over_time, since, hourly)
    keys = _buckets(since, now, hourly)
    counts = {(b, a): n for b, a, n in rows}
    series = [
        Series(a, ACTION_COLORS[a], [counts.get((k, a), 0) for k in keys])
        for a in ("allow", "flag", "hide", "block")
    ]
    labels = [k[11:16] if hourly else k[5:] for k in keys]
    histogram = await call(c.stats.score_histogram, since)
    depth = await call(c.stats.queue_age, now)
    channels = await call(c.stats.top_channels, since)
    moderators = await call(c.stats.throughput, since)
    totals = {s.name: sum(s.values) for s in series}
    charts = _charts(labels, series, histogram, depth, channels, moderators, hourly)
    return page(
        request,
        "overview.html",
        user,
        charts=charts,
        totals=totals,
        depth=depth,
        hourly=hourly,
        has_channels=bool(channels),
        has_moderators=bool(moderators),
        nav="overview",
    )


def _charts(
    labels: list[str],
    series: list[Series],
    histogram: list[int],
    depth: dict[str, Any],
    channels: list[tuple[str, int, int]],
    moderators: list[tuple[str, int, int]],
    hourly: bool,
) -> dict[str, Markup]:
    return {
        "decisions": render.column_chart(
            labels, series, width=1240, height=200, every=2 if hourly else 3
        ),
        "scores": render.column_chart(
            [f"{i / 10:.1f}" for i in range(10)],
            [Series("messages", "#5c6bc0", histogram)],
        ),
        "queue": render.bar_rows(
            [
                (
                    band,
                    [
                        (depth["flagged"][i], ACTION_COLORS["flag"], "flagged"),
                        (depth["automated"][i], ACTION_COLORS["hide"], "automated"),
                    ],
                )
                for i, band in enumerate(AGE_BANDS)
            ]
        ),
        "channels": render.bar_rows(
            [
                (
                    ch,
                    [
                        (f, ACTION_COLORS["flag"], "flagged"),
                        (h, ACTION_COLORS["hide"], "hidden/blocked"),
                    ],
                )
                for ch, f, h in channels
            ]
        ),
        "moderators": render.bar_rows(
            [
                (actor, [(r, "#2e7d32", "resolved"), (x, "#8e24aa", "escalated")])
                for actor, r, x in moderators
            ]
        ),
    }


def _buckets(since: datetime, now: datetime, hourly: bool) -> list[str]:
    step = timedelta(hours=1) if hourly else timedelta(days=1)
    fmt = "%Y-%m-%d %H:00" if hourly else "%Y-%m-%d"
    out, at = [], since
    while at <= now:
        out.append(at.strftime(fmt))
        at += step
    return out


def _when(text: str) -> datetime | None:
    """Parses a datetime-local field; the dashboard shows and takes UTC."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ActionFailed(422, f"not a date and time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.get("/audit", response_class=HTMLResponse)
async def audit(
    request: Request,
    user: Viewer,
    actor: str = "",
    type: str = "",
    channel_id: str = "",
    subject_id: str = "",
    since: str = "",
    until: str = "",
    cursor: str = "",
) -> HTMLResponse:
    """The audit log: every event, newest first, filtered by actor, type, channel and time."""
    c = container_of(request)
    query = EventQuery(
        type=type.strip() or None,
        actor=actor.strip() or None,
        channel_id=channel_id.strip() or None,
        subject_id=subject_id.strip() or None,
        before_seq=int(cursor) if cursor.isdigit() else None,
        created_from=_when(since),
        created_to=_when(until),
        limit=100,
    )
    events = await call(c.events.list_events, query)
    ids = [e.subject_id for e in events if e.subject_type == "message"]
    texts = await call(c.review.texts, ids)
    filters = {
        "actor": actor,
        "type": type,
        "channel_id": channel_id,
        "subject_id": subject_id,
        "since": since,
        "until": until,
    }
    older = None
    if len(events) == query.limit and events[-1].seq is not None:
        params = {k: v for k, v in filters.items() if v}
        older = f"{PREFIX}/audit?{urlencode({**params, 'cursor': events[-1].seq})}"
    return page(
        request,
        "audit.html",
        user,
        events=events,
        filters=filters,
        older=older,
        dumps=lambda p: json.dumps(p, ensure_ascii=False, sort_keys=True),
        texts=texts,
        summary=render.summary,
        nav="audit",
    )


@router.get("/ratings", response_class=HTMLResponse)
async def ratings(request: Request, user: Viewer, cursor: str = "") -> HTMLResponse:
    """Ratings the fraud checks flagged as suspicious, newest first (from their events)."""
    c = container_of(request)
    query = EventQuery(
        type=EventType.RATING_SUSPICIOUS.value,
        before_seq=int(cursor) if cursor.isdigit() else None,
        limit=100,
    )
    events = await call(c.events.list_events, query)
    older = None
    if len(events) == query.limit and events[-1].seq is not None:
        older = f"{PREFIX}/ratings?{urlencode({'cursor': events[-1].seq})}"
    return page(request, "ratings.html", user, events=events, older=older, nav="ratings")


@router.get("/policy", response_class=HTMLResponse)
async def policy(request: Request, user: Actor, channel: str = "", msg: str = "") -> HTMLResponse:
    """Shows the policy in force for a scope and its history; admins get an editor too."""
    return await _policy_page(request, user, channel.strip(), msg=msg)


async def _policy_page(
    request: Request,
    user: DashboardUser,
    channel: str,
    *,
    body: str | None = None,
    error: str = "",
    msg: str = "",
    status: int = 200,
) -> HTMLResponse:
    c = container_of(request)
    scope = channel or None
    current, own = await call(c.policies.current, scope)
    history = await call(c.policies.history, scope, 20)
    if body is None:
        data = current.to_dict()
        # An inherited policy says `channel_id: null`; the editor saves this scope's own.
        data["channel_id"] = scope
        body = json.dumps(data, indent=2)
    return page(
        request,
        "policy.html",
        user,
        status_code=status,
        channel=channel,
        policy=current,
        own=own,
        history=history,
        body=body,
        error=error,
        msg=msg,
        nav="policy",
    )


@router.post("/policy", response_model=None)
async def save_policy(
    request: Request,
    user: AdminActor,
    body: Annotated[str, Form(max_length=100_000)],
    channel: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Saves the edited policy as the scope's next version; a refused one stays in the editor."""
    c = container_of(request)
    scope = channel.strip() or None
    try:
        try:
            data: Any = json.loads(body)
        except ValueError as exc:
            raise ActionFailed(422, f"the policy is not valid JSON: {exc}") from None
        saved = await call(c.policies.update, scope, data, user.actor)
    except ActionFailed as exc:
        return await _policy_page(
            request, user, channel.strip(), body=body, error=exc.message, status=exc.status
        )
    target = f"{PREFIX}/policy" + (f"?{urlencode({'channel': channel})}" if scope else "")
    return redirect(target, msg=f"Saved as version {saved.version}.")


@router.post("/try", response_class=HTMLResponse)
async def try_it(
    request: Request,
    user: Actor,
    text: Annotated[str, Form(max_length=10_000)],
    channel: Annotated[str, Form(max_length=200)] = "",
) -> HTMLResponse:
    """Shows the decision a text would get now, and why (nothing is stored)."""
    c = container_of(request)
    if not text.strip():
        raise ActionFailed(422, "type a text to test")
    trial = await call(try_text, text, channel.strip() or None, c.scorer, c.decisions, c.clock)
    name = "_trial.html" if is_htmx(request) else "trial.html"
    return page(request, name, user, trial=trial, nav="policy")


@router.get("/blocklist", response_class=HTMLResponse)
async def blocklist(
    request: Request, user: Actor, channel: str = "", msg: str = ""
) -> HTMLResponse:
    """Lists the active blocklist entries with a form to add more."""
    return await _blocklist_page(request, user, channel, msg=msg)


async def _blocklist_page(
    request: Request,
    user: DashboardUser,
    channel: str,
    *,
    form: dict[str, Any] | None = None,
    error: str = "",
    msg: str = "",
    status: int = 200,
) -> HTMLResponse:
    c = container_of(request)
    entries = await call(c.blocklists.page, channel.strip() or None, None, 500)
    return page(
        request,
        "blocklist.html",
        user,
        status_code=status,
        entries=entries,
        channel=channel,
        form=form or {},
        error=error,
        msg=msg,
        nav="blocklist",
    )


@router.post("/blocklist", response_model=None)
async def add_entry(
    request: Request,
    user: AdminActor,
    pattern: Annotated[str, Form(max_length=500)],
    kind: Annotated[str, Form()] = "word",
    action: Annotated[str, Form()] = "block",
    channel_id: Annotated[str, Form(max_length=200)] = "",
    language: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """Adds one entry; a refused one (a bad regex) stays in the form with the reason."""
    c = container_of(request)
    data = {
        "pattern": pattern,
        "kind": kind,
        "action": action,
        "channel_id": channel_id.strip() or None,
        "language": language.strip() or None,
    }
    try:
        await call(c.blocklists.add, data, user.actor)
    except ActionFailed as exc:
        return await _blocklist_page(
            request, user, "", form=data, error=exc.message, status=exc.status
        )
    return redirect(f"{PREFIX}/blocklist", msg=f"Added {pattern!r}.")


@router.post("/blocklist/{entry_id}/remove")
async def remove_entry(request: Request, entry_id: str, user: AdminActor) -> RedirectResponse:
    """Removes one entry."""
    c = container_of(request)
    await call(c.blocklists.remove, entry_id, user.actor)
    return redirect(f"{PREFIX}/blocklist", msg="Removed.")
