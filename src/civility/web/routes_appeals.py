"""The Appeals queue: authors' appeals of decisions and bans, decided by another moderator."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from civility.appeals.models import Appeal, AppealOutcome, AppealQuery, AppealStatus
from civility.container import Container
from civility.moderation.records import MessageView
from civility.web.actions import ActionFailed, call, redirect
from civility.web.deps import PREFIX, Actor, Viewer, container_of, is_htmx, page
from civility.web.roles import senior

router = APIRouter(prefix=PREFIX, include_in_schema=False)

STATUSES = ("open", "upheld", "denied", "all")


async def _message(c: Container, appeal: Appeal | None) -> MessageView | None:
    if appeal is None or appeal.message_id is None:
        return None
    try:
        return await call(c.moderation.get_message, appeal.message_id)
    except ActionFailed:
        return None


async def _own(c: Container, appeal: Appeal | None, actor: str) -> bool:
    """Whether the signed-in user made the decision appealed (their API keys count as them)."""
    return appeal is not None and await call(c.appeals.is_own, appeal, actor)


@router.get("/appeals", response_class=HTMLResponse)
async def appeals(
    request: Request,
    user: Viewer,
    status: str = "open",
    before: str = "",
    item: str = "",
    msg: str = "",
) -> HTMLResponse:
    """Lists appeals (open ones first by default, newest first) beside the opened one."""
    c = container_of(request)
    status = status if status in STATUSES else "open"
    query = AppealQuery(
        status=None if status == "all" else AppealStatus(status), before=before or None
    )
    items = await call(c.appeals.list_appeals, query)
    selected = item or (items[0].id if items else "")
    appeal = await call(c.appeals.get, selected) if selected else None
    older = None
    if len(items) == query.limit:
        older = f"{PREFIX}/appeals?{urlencode({'status': status, 'before': items[-1].id})}"
    here = f"{PREFIX}/appeals?{urlencode({'status': status})}"
    return page(
        request,
        "appeals.html",
        user,
        items=items,
        appeal=appeal,
        message=await _message(c, appeal),
        senior=senior(c, user),
        own=await _own(c, appeal, user.actor),
        status=status,
        statuses=STATUSES,
        older=older,
        here=here,
        msg=msg,
        nav="queue",
    )


@router.get("/appeals/{appeal_id}", response_model=None)
async def appeal_detail(request: Request, appeal_id: str, user: Viewer) -> Response:
    """Returns the panel of one appeal (HTMX), or the Appeals page opened on it."""
    c = container_of(request)
    appeal = await call(c.appeals.get, appeal_id)
    if not is_htmx(request):
        return redirect(f"{PREFIX}/appeals?{urlencode({'status': 'all', 'item': appeal_id})}")
    return page(
        request,
        "_appeal_detail.html",
        user,
        appeal=appeal,
        message=await _message(c, appeal),
        senior=senior(c, user),
        own=await _own(c, appeal, user.actor),
        here=f"{PREFIX}/appeals",
    )


@router.post("/appeals/{appeal_id}/decide")
async def decide(
    request: Request,
    appeal_id: str,
    user: Actor,
    outcome: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=5000)] = "",
) -> RedirectResponse:
    """Upholds (reverses the decision, lifts the ban) or denies an appeal."""
    try:
        chosen = AppealOutcome(outcome)
    except ValueError:
        raise ActionFailed(422, f"unknown outcome {outcome!r}") from None
    c = container_of(request)
    allowed = senior(c, user)

    def run() -> Appeal:
        return c.appeals.decide(appeal_id, user.actor, chosen, senior=allowed, note=note or None)

    decided = await call(run)
    done = "Appeal denied."
    if decided.status is AppealStatus.UPHELD:
        done = "Appeal upheld: the message is shown again." if decided.message_id else ""
        done = done or "Appeal upheld: the ban is lifted."
    return redirect(f"{PREFIX}/appeals", msg=done)
