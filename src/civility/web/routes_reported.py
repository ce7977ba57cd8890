"""The Reported queue: messages users reported, heaviest first, and the verdicts on them."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from civility.container import Container
from civility.errors import Invalid
from civility.review.cursor import decode_cursor, encode_cursor
from civility.review.models import ReviewItem, ReviewStatus
from civility.user_reports.models import ReportedQuery, ReportVerdict, parse_cursor
from civility.web.actions import ActionFailed, call, redirect, safe_back
from civility.web.deps import PREFIX, Actor, Viewer, container_of, is_htmx, page
from civility.web.roles import senior

router = APIRouter(prefix=PREFIX, include_in_schema=False)

DONE = {
    ReportVerdict.DISMISS: "Reports dismissed; the message stays as it was.",
    ReportVerdict.HIDE: "Reports upheld; the message is hidden.",
    ReportVerdict.REMOVE: "Reports upheld; the message is removed.",
}


def _cursor(text: str) -> tuple[int, int, str] | None:
    try:
        return parse_cursor(decode_cursor(text))
    except Invalid:  # a stale or hand-edited cursor just restarts the list
        return None


@router.get("/reported", response_class=HTMLResponse)
async def reported(
    request: Request,
    user: Viewer,
    channel_id: str = "",
    cursor: str = "",
    item: str = "",
    msg: str = "",
    undo: str = "",
) -> HTMLResponse:
    """Lists reported messages (heaviest summed reporter weight first) beside the opened one;
    `undo` names the message just judged, whose verdict the flash offers to take back."""
    c = container_of(request)
    query = ReportedQuery(channel_id=channel_id.strip() or None, cursor=_cursor(cursor))
    items, after = await call(c.user_reports.queue, query)
    selected = item or (items[0].message_id if items else "")
    detail = await call(c.user_reports.detail, selected) if selected else None
    review = await _review_item(c, selected)
    params = {"channel_id": channel_id.strip()}
    here = _url(params, cursor=cursor)
    return page(
        request,
        "reported.html",
        user,
        items=items,
        detail=detail,
        filters=params,
        here=here,
        next_url=_url(params, cursor=encode_cursor(after)) if after else None,
        msg=msg,
        undo=undo if msg else "",
        undo_seconds=int(c.review.undo_window.total_seconds()),
        nav="queue",
        review=review,
    )


async def _review_item(c: Container, message_id: str) -> ReviewItem | None:
    """The message's review item while it waits for a verdict (a Reported verdict gives it)."""
    if not message_id:
        return None
    item = (await call(c.review.get_many, [message_id])).get(message_id)
    return item if item is not None and item.status is not ReviewStatus.RESOLVED else None


def _url(params: dict[str, str], **extra: str | None) -> str:
    query = {k: v for k, v in {**params, **extra}.items() if v}
    return f"{PREFIX}/reported" + (f"?{urlencode(query)}" if query else "")


@router.get("/reported/{message_id}", response_class=HTMLResponse)
async def reported_detail(request: Request, message_id: str, user: Viewer) -> HTMLResponse:
    """Returns the reports panel of one message (the whole page when opened directly)."""
    c = container_of(request)
    detail = await call(c.user_reports.detail, message_id)
    review = await _review_item(c, message_id)
    if is_htmx(request):
        here = f"{PREFIX}/reported"
        return page(request, "_reported_detail.html", user, detail=detail, here=here, review=review)
    items, _ = await call(c.user_reports.queue, ReportedQuery())
    return page(
        request,
        "reported.html",
        user,
        items=items,
        detail=detail,
        filters={},
        here=f"{PREFIX}/reported",
        next_url=None,
        nav="queue",
        review=review,
    )


@router.get("/reported/{message_id}/summary", response_class=HTMLResponse)
async def summary(request: Request, message_id: str, user: Viewer) -> HTMLResponse:
    """Returns the reports of a message as a small section (the review item panel loads it)."""
    c = container_of(request)
    reports = await call(c.user_reports.reports_of, message_id)
    return page(request, "_reports_summary.html", user, reports=reports, message_id=message_id)


@router.post("/reported/{message_id}/resolve")
async def resolve(
    request: Request,
    message_id: str,
    user: Actor,
    action: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=5000)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:
    """Dismisses a message's open reports, or upholds them by hiding or removing it."""
    try:
        verdict = ReportVerdict(action)
    except ValueError:
        raise ActionFailed(422, f"unknown action {action!r}") from None
    c = container_of(request)
    high = senior(c, user)
    # The message's open review item (Flagged or Automated) takes the same verdict.
    await call(
        lambda: c.user_reports.resolve(
            message_id, user.actor, verdict, note.strip() or None, review=c.review, senior=high
        )
    )
    # The judged message leaves the list: go back to it without the `item` that named it.
    # For a short while the flash offers to take the verdict back (a mistyped key).
    return redirect(safe_back(back, PREFIX + "/reported"), msg=DONE[verdict], undo=message_id)


@router.post("/reported/{message_id}/undo")
async def undo(
    request: Request,
    message_id: str,
    user: Actor,
    back: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:
    """Takes back the moderator's own verdict on a message's reports right after giving it."""
    c = container_of(request)
    await call(
        lambda: c.user_reports.reverse(message_id, user.actor, None, undo=True, review=c.review)
    )
    return _reopened(back, message_id, "Undone: the reports are open again.")


@router.post("/reported/{message_id}/reverse")
async def reverse(
    request: Request,
    message_id: str,
    user: Actor,
    note: Annotated[str, Form(max_length=5000)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> RedirectResponse:
    """Reverses the newest verdict on a message's reports (a note says why)."""
    c = container_of(request)
    await call(lambda: c.user_reports.reverse(message_id, user.actor, note, review=c.review))
    return _reopened(back, message_id, "Verdict reversed: the reports are open again.")


def _reopened(back: str, message_id: str, done: str) -> RedirectResponse:
    """Back to the Reported list, opened on the message whose reports are open again."""
    target = safe_back(back, PREFIX + "/reported")
    if target.split("?", 1)[0] == PREFIX + "/reported":
        return redirect(target, item=message_id, msg=done)
    return redirect(target, msg=done)
