"""The review queue pages: list, item detail, verdicts, claims, notes, bulk verdicts."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from civility.review.cursor import decode_cursor, encode_cursor
from civility.review.models import (
    BanRequest,
    Resolution,
    ResolveRequest,
    ReviewOrder,
    ReviewQuery,
    ReviewStatus,
    ReviewView,
)
from civility.scoring.base import CATEGORIES
from civility.web.actions import ActionFailed, call, redirect, safe_back
from civility.web.deps import PREFIX, Actor, Viewer, container_of, is_htmx, page

router = APIRouter(prefix=PREFIX, include_in_schema=False)

BAN_DURATIONS = {
    "3600": 3600,
    "86400": 86_400,
    "604800": 604_800,
    "2592000": 2_592_000,
    "permanent": None,
}
STATUSES = ("pending", "claimed", "escalated", "resolved", "all")


def _choice(value: str, allowed: tuple[str, ...], default: str) -> str:
    return value if value in allowed else default


@router.get("/queue", response_class=HTMLResponse)
async def queue(
    request: Request,
    user: Viewer,
    view: str = "flagged",
    status: str = "pending",
    channel_id: str = "",
    category: str = "",
    reason: str = "",
    order: str = "score",
    cursor: str = "",
    item: str = "",
    msg: str = "",
) -> HTMLResponse:
    """Shows the queue with the selected (or first) item opened beside it."""
    c = container_of(request)
    view = _choice(view, tuple(ReviewView), "flagged")
    status = _choice(status, STATUSES, "pending")
    order = _choice(order, tuple(ReviewOrder), "score")
    query = ReviewQuery(
        view=ReviewView(view),
        status=None if status == "all" else ReviewStatus(status),
        channel_id=channel_id.strip() or None,
        category=category if category in CATEGORIES else None,
        reason=reason.strip() or None,
        order=ReviewOrder(order),
        cursor=_safe_cursor(cursor),
        limit=50,
    )
    items, after = await call(c.review.list_items, query)
    depth = await call(c.stats.queue_age, c.clock.now())
    selected = item or (items[0].message_id if items else "")
    detail = await call(c.review.detail, selected) if selected else None
    filters = {
        "view": view,
        "status": status,
        "channel_id": channel_id,
        "category": category,
        "reason": reason,
        "order": order,
    }
    return page(
        request,
        "queue.html",
        user,
        items=items,
        detail=detail,
        unsupported=c.unsupported_for(detail.item.language) if detail else (),
        filters=filters,
        categories=CATEGORIES,
        statuses=STATUSES,
        next_url=_url(filters, cursor=encode_cursor(after)) if after else None,
        here=_url(filters, cursor=cursor),
        counts={"flagged": sum(depth["flagged"]), "automated": sum(depth["automated"])},
        msg=msg,
        nav="queue",
    )


def _safe_cursor(text: str) -> tuple[object, ...] | None:
    try:
        return decode_cursor(text)
    except Exception:  # a stale or hand-edited cursor just restarts the list
        return None


def _url(filters: dict[str, str], **extra: str | None) -> str:
    params = {k: v for k, v in {**filters, **extra}.items() if v}
    return f"{PREFIX}/queue?{urlencode(params)}"


@router.get("/queue/items/{item_id}", response_class=HTMLResponse)
async def item_detail(request: Request, item_id: str, user: Viewer) -> HTMLResponse:
    """Returns the detail panel of one item (a whole page when opened directly)."""
    c = container_of(request)
    detail = await call(c.review.detail, item_id)
    unsupported = c.unsupported_for(detail.item.language)
    if is_htmx(request):
        return page(request, "_detail.html", user, detail=detail, unsupported=unsupported)
    return page(request, "item.html", user, detail=detail, nav="queue", unsupported=unsupported)


@router.post("/queue/items/{item_id}/claim", response_class=HTMLResponse)
async def claim(request: Request, item_id: str, user: Actor) -> HTMLResponse:
    """Claims the item for the signed-in moderator."""
    c = container_of(request)
    await call(c.review.claim, item_id, user.actor)
    return await _after_action(request, item_id, user, "Claimed.")


@router.post("/queue/items/{item_id}/resolve", response_class=HTMLResponse)
async def resolve(
    request: Request,
    item_id: str,
    user: Actor,
    action: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=5000)] = "",
    ban_scope: Annotated[str, Form()] = "",
    ban_duration: Annotated[str, Form()] = "86400",
    strike: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Approves, hides, removes or escalates an item, optionally banning its author."""
    c = container_of(request)
    item = await call(c.review.get, item_id)
    request_ = _resolve_request(action, note, ban_scope, ban_duration, strike, item.channel_id)
    await call(c.review.resolve, item_id, user.actor, request_)
    done = "Escalated." if request_.resolution is Resolution.ESCALATE else "Resolved."
    if request_.ban is not None:
        done += " Author banned."
    return await _after_action(request, item_id, user, done, advance=True)


def _resolve_request(
    action: str, note: str, ban_scope: str, ban_duration: str, strike: str, channel_id: str
) -> ResolveRequest:
    try:
        resolution = Resolution(action)
    except ValueError:
        raise ActionFailed(422, f"unknown action {action!r}") from None
    ban = None
    if ban_scope in ("channel", "global"):
        if ban_duration not in BAN_DURATIONS:
            raise ActionFailed(422, "pick a ban duration from the list")
        seconds = BAN_DURATIONS[ban_duration]
        ban = BanRequest(
            channel_id=channel_id if ban_scope == "channel" else None,
            duration=None if seconds is None else timedelta(seconds=seconds),
        )
    return ResolveRequest(resolution, note.strip() or None, ban, strike == "on")


@router.post("/queue/items/{item_id}/notes", response_class=HTMLResponse)
async def add_note(
    request: Request,
    item_id: str,
    user: Actor,
    text: Annotated[str, Form(max_length=5000)],
) -> HTMLResponse:
    """Adds a note to the item."""
    c = container_of(request)
    await call(c.review.add_note, "message", item_id, user.actor, text)
    return await _after_action(request, item_id, user, "Note added.")


async def _after_action(
    request: Request, item_id: str, user: Actor, done: str, *, advance: bool = False
) -> HTMLResponse:
    c = container_of(request)
    detail = await call(c.review.detail, item_id)
    return page(
        request,
        "_detail.html",
        user,
        detail=detail,
        done=done,
        swap_row=True,
        advance=advance,
        unsupported=c.unsupported_for(detail.item.language),
    )


@router.post("/queue/bulk", response_model=None)
async def bulk(
    request: Request,
    user: Actor,
    action: Annotated[str, Form()],
    ids: Annotated[list[str] | None, Form()] = None,
    back: Annotated[str, Form()] = "",
) -> Response:
    """Applies one verdict to the ticked items, then returns to the same list."""
    c = container_of(request)
    target = safe_back(back, PREFIX + "/queue")
    if not ids:
        return redirect(target, msg="Tick at least one item first.")
    try:
        resolution = Resolution(action)
    except ValueError:
        raise ActionFailed(422, f"unknown action {action!r}") from None
    result = await call(c.review.bulk_resolve, ids, user.actor, ResolveRequest(resolution))
    message = f"{len(result.resolved)} item(s) {resolution.value}d."
    if result.failed:
        message += f" {len(result.failed)} skipped (claimed by someone else or already done)."
    return redirect(target, msg=message)
