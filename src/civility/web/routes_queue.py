"""The review queue pages: list, item detail, verdicts, claims, notes, bulk verdicts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from civility.errors import Invalid
from civility.ratings.reviews import ReviewStatus as RatingStatus
from civility.ratings.reviews import Verdict
from civility.review.cursor import decode_cursor, encode_cursor, time_cursor
from civility.review.models import (
    BanRequest,
    Resolution,
    ResolveRequest,
    ReviewItem,
    ReviewOrder,
    ReviewQuery,
    ReviewStatus,
    ReviewView,
)
from civility.review.priority import GroupBy, ItemGroup
from civility.review.service import cursor_of
from civility.scoring.base import CATEGORIES
from civility.web.actions import ActionFailed, call, redirect, safe_back
from civility.web.deps import PREFIX, Actor, Viewer, container_of, is_htmx, page
from civility.web.roles import senior

router = APIRouter(prefix=PREFIX, include_in_schema=False)

BAN_DURATIONS = {
    "3600": 3600,
    "86400": 86_400,
    "604800": 604_800,
    "2592000": 2_592_000,
    "permanent": None,
}
STATUSES = ("pending", "claimed", "escalated", "resolved", "all")
RATING_STATUSES = ("open", "confirmed", "cleared", "all")
RATING_PAGE = 50
RATING_DONE = {
    Verdict.CONFIRM: "Confirmed: the ratings stay out and the accounts weigh 0.",
    Verdict.CLEAR: "Cleared: the flags are lifted and the ratings count again.",
}
PAGE_SIZE = 50


def _choice(value: str, allowed: tuple[str, ...], default: str) -> str:
    return value if value in allowed else default


@dataclass(frozen=True, slots=True)
class QueueFilters:
    """The queue's filters as the page's query string carries them."""

    view: str = "flagged"
    status: str = "pending"
    channel_id: str = ""
    category: str = ""
    reason: str = ""
    author_id: str = ""
    text: str = ""
    order: str = "priority"
    group: str = ""
    # "only": just the messages blocked because their author was already banned.
    bans: str = ""

    @classmethod
    def parse(cls, **raw: str) -> QueueFilters:
        """Cleans the query string: unknown choices fall back to the defaults."""
        return cls(
            view=_choice(raw.get("view", ""), tuple(ReviewView), "flagged"),
            status=_choice(raw.get("status", ""), STATUSES, "pending"),
            channel_id=raw.get("channel_id", "").strip(),
            category=_choice(raw.get("category", ""), CATEGORIES, ""),
            reason=raw.get("reason", "").strip(),
            author_id=raw.get("author_id", "").strip(),
            text=raw.get("text", ""),
            order=_choice(raw.get("order", ""), tuple(ReviewOrder), "priority"),
            group=_choice(raw.get("group", ""), tuple(GroupBy), ""),
            bans=_choice(raw.get("bans", ""), ("only",), ""),
        )

    def query(self, **changes: Any) -> ReviewQuery:
        """Returns the review query of these filters."""
        automated = self.view == ReviewView.AUTOMATED
        query = ReviewQuery(
            view=ReviewView(self.view),
            status=None if self.status == "all" else ReviewStatus(self.status),
            channel_id=self.channel_id or None,
            category=self.category or None,
            reason=self.reason or None,
            author_id=self.author_id or None,
            text=self.text or None,
            order=ReviewOrder(self.order),
            limit=PAGE_SIZE,
            # A banned author's blocked messages fold into one row per author (ban_groups),
            # unless the list asks for them: `bans=only`, or the rule filter.
            ban_blocks=False if automated and not self.reason else None,
        )
        if self.bans:
            query = replace(query, ban_blocks=True)
        return replace(query, **changes)

    def params(self) -> dict[str, str]:
        """Returns the filters that differ from the defaults (for links)."""
        return {k: v for k, v in asdict(self).items() if v and v != getattr(QueueFilters, k)}

    def url(self, **extra: str | None) -> str:
        """Returns the queue's address with these filters; an empty extra value drops one."""
        params = self.params()
        for k, v in extra.items():
            if v:
                params[k] = v
            else:
                params.pop(k, None)
        return f"{PREFIX}/queue" + (f"?{urlencode(params)}" if params else "")


@router.get("/queue", response_class=HTMLResponse)
async def queue(
    request: Request,
    user: Viewer,
    cursor: str = "",
    back: str = "",
    item: str = "",
    pick: str = "",
    msg: str = "",
) -> HTMLResponse:
    """Shows the queue, most urgent first, with the selected (or first) item opened beside it."""
    c = container_of(request)
    filters = QueueFilters.parse(**request.query_params)
    start = _safe_cursor(cursor or back)
    query = filters.query(cursor=start, backwards=bool(back) and start is not None)
    items, _ = await call(c.review.list_items, query)
    next_url = prev_url = None
    if items and (len(items) == PAGE_SIZE or query.backwards):
        next_url = filters.url(cursor=encode_cursor(cursor_of(items[-1], query.order)))
    if items and start is not None and (len(items) == PAGE_SIZE or not query.backwards):
        prev_url = filters.url(back=encode_cursor(cursor_of(items[0], query.order)))
    if not item and items:
        item = items[-1 if pick == "last" else 0].message_id
    detail = await call(c.review.detail, item) if item else None
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
        rules=await call(c.review.reason_codes, query.view),
        groups=await _groups(request, filters),
        ban_groups=await _ban_groups(request, filters),
        total=await call(c.review.count, filters.query()),
        next_url=next_url,
        prev_url=prev_url,
        here=_here(request),
        counts=await _counts(request),
        msg=msg,
        nav="queue",
    )


async def _groups(request: Request, filters: QueueFilters) -> list[ItemGroup]:
    if not filters.group:
        return []
    c = container_of(request)
    query = filters.query()
    return await call(c.review.groups, query, GroupBy(filters.group))


async def _ban_groups(request: Request, filters: QueueFilters) -> list[ItemGroup]:
    query = filters.query()
    if query.ban_blocks is not False:
        return []
    c = container_of(request)
    only_bans = replace(query, ban_blocks=True)
    groups = await call(c.review.groups, only_bans, GroupBy.AUTHOR)
    # A single ban block is folded too: its author's ban is the point, not the message.
    if not groups:
        groups = await call(c.review.all_groups, only_bans, GroupBy.AUTHOR)
    return groups


async def _counts(request: Request) -> dict[str, int]:
    """Pending items per tab (a banned author's blocked messages count once per author)."""
    return await call(container_of(request).review.pending_counts)


@router.get("/queue/live", response_class=HTMLResponse)
async def live(
    request: Request,
    user: Viewer,
    seen: Annotated[list[str] | None, Query()] = None,
    open_item: Annotated[str, Query(alias="open")] = "",
) -> HTMLResponse:
    """What changed since the page was drawn: tab counts, rows and the opened item.

    The page polls it; rows and the panel come back (out of band) only when their version
    moved, so a colleague's verdict shows up without a reload and without touching the rest.
    """
    c = container_of(request)
    known = dict(_split(v) for v in (seen or [])[:PAGE_SIZE])
    open_id, open_version = _split(open_item) if open_item else ("", "")
    ids = list(known) + ([open_id] if open_id else [])
    items = await call(c.review.get_many, ids) if ids else {}
    changed = [i for mid, i in items.items() if mid in known and _stamp(i) != known[mid]]
    detail = None
    opened = items.get(open_id)
    if opened is not None and _stamp(opened) != open_version and _by_other(opened, user.actor):
        detail = await call(c.review.detail, open_id)
    return page(
        request,
        "_live.html",
        user,
        counts=await _counts(request),
        changed=changed,
        detail=detail,
        open_id=open_id,
        unsupported=c.unsupported_for(detail.item.language) if detail else (),
    )


def _here(request: Request) -> str:
    """This page's address for coming back after a form, without its one-off message."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "msg"]
    return request.url.path + (f"?{urlencode(params)}" if params else "")


def _by_other(item: ReviewItem, actor: str) -> bool:
    """Tells whether someone other than `actor` holds or resolved the item (a poll that
    crossed one's own verdict must not announce it as a colleague's)."""
    review = item.review
    return actor not in (review.resolved_by, review.claimed_by) or review.version == 0


def _split(value: str) -> tuple[str, str]:
    mid, _, stamp = value.partition(":")
    return mid, stamp


def _stamp(item: ReviewItem) -> str:
    """What a row shows of an item's review state: a change here redraws it."""
    return f"{item.review.version}-{item.status.value}"


def _safe_cursor(text: str) -> tuple[object, ...] | None:
    try:
        return decode_cursor(text)
    except Exception:  # a stale or hand-edited cursor just restarts the list
        return None


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
    try:
        await call(lambda: c.review.claim(item_id, user.actor, senior=senior(c, user)))
    except ActionFailed as exc:
        return await _refreshed(request, item_id, user, exc)
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
    try:
        high = senior(c, user)
        await call(lambda: c.review.resolve(item_id, user.actor, request_, senior=high))
    except ActionFailed as exc:
        return await _refreshed(request, item_id, user, exc)
    done = "Escalated." if request_.resolution is Resolution.ESCALATE else "Resolved."
    if request_.ban is not None:
        done += " Author banned."
    # A verdict can be taken back for a short while (a mistyped key): the flash offers Undo.
    undo = None if request_.resolution is Resolution.ESCALATE else item_id
    return await _after_action(request, item_id, user, done, advance=True, undo=undo)


@router.post("/queue/items/{item_id}/undo", response_class=HTMLResponse)
async def undo(request: Request, item_id: str, user: Actor) -> HTMLResponse:
    """Takes back the moderator's own verdict right after giving it; the item is pending."""
    c = container_of(request)
    try:
        await call(lambda: c.review.reverse(item_id, user.actor, None, undo=True))
    except ActionFailed as exc:
        return await _refreshed(request, item_id, user, exc)
    return await _after_action(request, item_id, user, "Undone: the item is pending again.")


@router.post("/queue/items/{item_id}/reverse", response_class=HTMLResponse)
async def reverse(
    request: Request,
    item_id: str,
    user: Actor,
    note: Annotated[str, Form(max_length=5000)] = "",
) -> HTMLResponse:
    """Reverses the verdict on a resolved item (a note says why); the item is pending again."""
    c = container_of(request)
    try:
        await call(c.review.reverse, item_id, user.actor, note)
    except ActionFailed as exc:
        return await _refreshed(request, item_id, user, exc)
    return await _after_action(request, item_id, user, "Verdict reversed: the item is pending.")


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
    request: Request,
    item_id: str,
    user: Actor,
    done: str,
    *,
    advance: bool = False,
    failed: bool = False,
    undo: str | None = None,
) -> HTMLResponse:
    c = container_of(request)
    detail = await call(c.review.detail, item_id)
    return page(
        request,
        "_detail.html",
        user,
        status_code=409 if failed else 200,
        detail=detail,
        done=done,
        failed=failed,
        swap_row=True,
        advance=advance,
        undo=undo,
        undo_seconds=int(c.review.undo_window.total_seconds()),
        unsupported=c.unsupported_for(detail.item.language),
    )


async def _refreshed(
    request: Request, item_id: str, user: Actor, exc: ActionFailed
) -> HTMLResponse:
    """A colleague got there first: still a 409, but with the item as it is now and what
    happened, which the page swaps in (htmx-config swaps 4xx answers)."""
    if exc.status != 409 or not is_htmx(request):
        raise exc
    return await _after_action(request, item_id, user, exc.message, failed=True)


@router.post("/queue/bulk", response_model=None)
async def bulk(
    request: Request,
    user: Actor,
    action: Annotated[str, Form()],
    ids: Annotated[list[str] | None, Form()] = None,
    back: Annotated[str, Form()] = "",
    scope: Annotated[str, Form()] = "ticked",
) -> Response:
    """Applies one verdict to the ticked items, or to every pending item a filter matches
    (across pages: "all pending from this author"), then returns to the same list."""
    c = container_of(request)
    target = safe_back(back, PREFIX + "/queue")
    try:
        resolution = Resolution(action)
    except ValueError:
        raise ActionFailed(422, f"unknown action {action!r}") from None
    form = await request.form()
    matching = 0
    if scope == "filter":
        raw = {k: str(v) for k, v in form.items() if isinstance(v, str) and k.startswith("f_")}
        filters = QueueFilters.parse(**{k[2:]: v for k, v in raw.items()})
        query = filters.query(status=ReviewStatus.PENDING)
        if not any((filters.text, filters.author_id, filters.channel_id, filters.reason)):
            raise ActionFailed(
                422, "a verdict on all matching items needs an author, text, channel or rule"
            )
        ids = await call(c.review.matching_ids, query)
        matching = await call(c.review.count, query)
    if not ids:
        return redirect(target, msg="Tick at least one item first.")
    verdict, high = ResolveRequest(resolution), senior(c, user)
    result = await call(lambda: c.review.bulk_resolve(ids, user.actor, verdict, senior=high))
    message = f"{len(result.resolved)} item(s) {PAST[resolution]}."
    if result.failed:
        message += f" {len(result.failed)} skipped (claimed by someone else or already done)."
    if matching > len(ids):
        message += f" {matching - len(ids)} more match; repeat to go on."
    return redirect(target, msg=message)


PAST = {
    Resolution.APPROVE: "approved",
    Resolution.HIDE: "hidden",
    Resolution.REMOVE: "removed",
    Resolution.ESCALATE: "escalated",
}


@router.get("/queue/ratings", response_class=HTMLResponse)
async def rating_reviews(
    request: Request, user: Viewer, status: str = "open", before: str = "", msg: str = ""
) -> HTMLResponse:
    """Lists rating review items (bursts, review bombs, collusion blocks, accounts), newest
    first, with their posts' averages without and with the held ratings."""
    c = container_of(request)
    status = status if status in RATING_STATUSES else "open"
    try:
        after = time_cursor(decode_cursor(before))
    except Invalid:  # a stale or hand-edited cursor just restarts the list
        after = None
    wanted = None if status == "all" else RatingStatus(status)
    items = await call(c.ratings.list_reviews, wanted, RATING_PAGE, after)
    older = None
    if len(items) == RATING_PAGE:
        last = encode_cursor((items[-1].created_at.isoformat(), items[-1].id))
        older = f"{PREFIX}/queue/ratings?{urlencode({'status': status, 'before': last})}"
    return page(
        request,
        "rating_reviews.html",
        user,
        items=items,
        status=status,
        statuses=RATING_STATUSES,
        older=older,
        msg=msg,
        nav="queue",
    )


@router.post("/queue/ratings/{review_id}/verdict")
async def rating_verdict(
    request: Request,
    review_id: str,
    user: Actor,
    verdict: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=5000)] = "",
) -> RedirectResponse:
    """Confirms (the ratings stay out, the accounts weigh 0) or clears a rating review item."""
    try:
        chosen = Verdict(verdict)
    except ValueError:
        raise ActionFailed(422, f"unknown verdict {verdict!r}") from None
    c = container_of(request)
    await call(lambda: c.ratings.decide(review_id, chosen, user.actor, note.strip() or None))
    return redirect(f"{PREFIX}/queue/ratings", msg=RATING_DONE[chosen])
