"""The review queue: list, inspect, claim, resolve (one or many), notes."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, StrictBool

from civility.api.deps import ContainerDep, Reader, require
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, ReasonOut, Strict, reason_out
from civility.auth.keys import Permission, Principal
from civility.container import Container
from civility.errors import Forbidden, Invalid
from civility.moderation.decisions import DecisionSource
from civility.policy.verdict import Action, Severity
from civility.ratings.reviews import RatingReview
from civility.ratings.reviews import ReviewStatus as RatingStatus
from civility.review.cursor import decode_cursor, encode_cursor, time_cursor
from civility.review.models import (
    BanRequest,
    Note,
    Resolution,
    ResolveRequest,
    ReviewItem,
    ReviewOrder,
    ReviewQuery,
    ReviewStatus,
    ReviewView,
)
from civility.review.seniority import is_senior
from civility.review.service import MAX_BULK
from civility.scoring.support import published

router = APIRouter(prefix="/v1", tags=["review"])

Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW))]
NoteText = Annotated[str, Field(min_length=1, max_length=5000)]
TEN_YEARS = 10 * 365 * 86_400


class BanIn(Strict):
    """Ban the author too: in one channel or (channel_id absent/null) everywhere."""

    channel_id: Id | None = None
    duration_seconds: int | None = Field(
        None, ge=60, le=TEN_YEARS, description="Absent or null: permanent."
    )


class ResolveIn(Strict):
    """A verdict on one item."""

    action: Resolution
    note: NoteText | None = None
    ban: BanIn | None = None
    strike: StrictBool = False

    def request(self) -> ResolveRequest:
        """Returns the domain form."""
        ban = None
        if self.ban is not None:
            seconds = self.ban.duration_seconds
            ban = BanRequest(
                channel_id=self.ban.channel_id,
                duration=None if seconds is None else timedelta(seconds=seconds),
            )
        return ResolveRequest(self.action, self.note, ban, self.strike)


class ReverseIn(Strict):
    """Why the newest decision on a resolved item is taken back."""

    note: NoteText


class UndoIn(Strict):
    """Taking back one's own verdict right after giving it; a note is optional."""

    note: NoteText | None = None


class BulkResolveIn(ResolveIn):
    """One verdict for many items."""

    item_ids: list[Id] = Field(min_length=1, max_length=MAX_BULK)


class NoteIn(Strict):
    """A note's text."""

    text: NoteText


class NoteOut(BaseModel):
    """A moderator's note."""

    id: str
    subject_type: str
    subject_id: str
    author: str
    text: str
    created_at: datetime


class CurrentDecisionOut(BaseModel):
    """The message's decision in force: a moderator's where one decided, else the automated."""

    decision: Action
    decided_by: str
    decided_at: datetime
    source: DecisionSource
    version: int


class QueueView(StrEnum):
    """Which items a queue page lists: flagged messages, automated hides and blocks, or rating
    review items (bursts, review bombs, collusion blocks, accounts: docs/ratings.md)."""

    FLAGGED = "flagged"
    AUTOMATED = "automated"
    RATINGS = "ratings"


# A rating review item is open until a moderator confirms or clears it; it is never claimed
# or escalated, so those statuses list none.
RATING_STATUSES: dict[str, tuple[RatingStatus | None, ...]] = {
    "pending": (RatingStatus.OPEN,),
    "claimed": (),
    "escalated": (),
    "resolved": (RatingStatus.CONFIRMED, RatingStatus.CLEARED),
    "all": (None,),
}


class ReviewItemOut(BaseModel):
    """A queue item: the message, its automated decision, its review state and the decision
    in force now (`current`)."""

    kind: Literal["message"] = "message"
    id: str
    decision_id: str
    message_id: str
    author_id: str
    channel_id: str
    text: str
    view: ReviewView
    decision: Action
    severity: Severity
    reasons: list[ReasonOut]
    scores: dict[str, float | None] | None
    top_score: float
    policy_version: int
    received_at: datetime
    decided_at: datetime
    status: ReviewStatus
    claimed_by: str | None
    claim_expires_at: datetime | None
    resolution: Resolution | None
    resolved_by: str | None
    resolved_at: datetime | None
    current: CurrentDecisionOut


class RatingQueueItemOut(BaseModel):
    """A rating review item in the queue (`view=ratings`); its evidence is at `href`, and the
    verdict is `POST {href}/verdict` (`confirm` or `clear`)."""

    kind: Literal["rating_review"] = "rating_review"
    id: str
    reason: str = Field(description="What was found: burst, review_bomb, collusion or account.")
    status: ReviewStatus = Field(description="`pending` while open, then `resolved`.")
    resolution: RatingStatus | None = Field(description="`confirmed` or `cleared` once decided.")
    post_ids: list[str]
    user_ids: list[str]
    created_at: datetime
    updated_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None
    href: str


class ReviewPage(BaseModel):
    """A page of items; pass next_cursor as `cursor` (with the same filters) for the next.

    Items are messages (`kind: message`) or, with `view=ratings`, rating review items
    (`kind: rating_review`)."""

    items: list[Annotated[ReviewItemOut | RatingQueueItemOut, Field(discriminator="kind")]]
    next_cursor: str | None


class AuthorOut(BaseModel):
    """The author's standing in the item's channel."""

    author_id: str
    strikes: float
    banned: bool
    ban_channel_id: str | None
    ban_until: datetime | None
    history: list[dict[str, Any]]
    notes: list[NoteOut]


class NeighbourOut(BaseModel):
    """A message next to the item's in its channel."""

    id: str
    author_id: str
    text: str
    received_at: datetime
    decision: str | None


class ReviewDetailOut(BaseModel):
    """An item with its notes, author and channel context."""

    item: ReviewItemOut
    notes: list[NoteOut]
    author: AuthorOut
    neighbours: list[NeighbourOut]


class BulkOut(BaseModel):
    """Which items were resolved; the others with the reason code."""

    resolved: list[str]
    failed: dict[str, str]


def item_out(i: ReviewItem, unsupported: tuple[str, ...] = ()) -> ReviewItemOut:
    """Builds the response form of an item (``unsupported`` scores become null)."""
    r, current = i.review, i.current
    return ReviewItemOut(
        id=i.message_id,
        decision_id=i.decision_id,
        message_id=i.platform_message_id,
        author_id=i.author_id,
        channel_id=i.channel_id,
        text=i.text,
        view=i.view,
        decision=i.action,
        severity=i.severity,
        reasons=[reason_out(x) for x in i.reasons],
        scores=published(i.scores, unsupported) if i.scores else None,
        top_score=round(i.top_score, 6),
        policy_version=i.policy_version,
        received_at=i.received_at,
        decided_at=i.decided_at,
        status=i.status,
        claimed_by=r.claimed_by if i.status is ReviewStatus.CLAIMED else None,
        claim_expires_at=r.claim_expires_at if i.status is ReviewStatus.CLAIMED else None,
        resolution=r.resolution,
        resolved_by=r.resolved_by,
        resolved_at=r.resolved_at,
        current=CurrentDecisionOut(
            decision=current.action,
            decided_by=current.decided_by,
            decided_at=current.decided_at,
            source=current.source,
            version=current.version,
        ),
    )


def rating_item_out(r: RatingReview) -> RatingQueueItemOut:
    """Builds the queue form of a rating review item (the evidence stays at its own route)."""
    open_ = r.status is RatingStatus.OPEN
    return RatingQueueItemOut(
        id=r.id,
        reason=r.kind,
        status=ReviewStatus.PENDING if open_ else ReviewStatus.RESOLVED,
        resolution=None if open_ else r.status,
        post_ids=list(r.post_ids),
        user_ids=list(r.user_ids),
        created_at=r.created_at,
        updated_at=r.updated_at,
        resolved_by=r.resolved_by,
        resolved_at=r.resolved_at,
        href=f"/v1/ratings/reviews/{r.id}",
    )


def note_out(n: Note) -> NoteOut:
    """Builds the response form of a note."""
    return NoteOut(
        id=n.id,
        subject_type=n.subject_type,
        subject_id=n.subject_id,
        author=n.author,
        text=n.text,
        created_at=n.created_at,
    )


@router.get("/review", response_model=ReviewPage, responses=ERRORS)
async def list_review(
    who: Reader,
    c: ContainerDep,
    status: Annotated[str, Query(pattern="^(pending|claimed|escalated|resolved|all)$")] = (
        "pending"
    ),
    view: QueueView = QueueView.FLAGGED,
    channel_id: str | None = None,
    category: str | None = None,
    reason: str | None = None,
    author_id: str | None = None,
    order: ReviewOrder = ReviewOrder.SCORE,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ReviewPage:
    """Lists queue items: flagged messages (`view=flagged`), automated hides and blocks
    (`view=automated`), or rating review items (`view=ratings`: newest first, moderators and
    admins, no message filters)."""
    if view is QueueView.RATINGS:
        filters = {"channel_id": channel_id, "category": category, "reason": reason}
        given = sorted(k for k, v in {**filters, "author_id": author_id}.items() if v)
        if given:
            raise Invalid(
                f"{', '.join(given)} do not apply to view=ratings", code="filter_not_supported"
            )
        if not who.can(Permission.REVIEW):
            raise Forbidden(f"role {who.role.value} may not review ratings", code="forbidden")
        return await _rating_page(c, RATING_STATUSES[status], cursor, limit)
    query = ReviewQuery(
        view=ReviewView(view.value),
        status=None if status == "all" else ReviewStatus(status),
        channel_id=channel_id or None,
        category=category or None,
        reason=reason or None,
        author_id=author_id or None,
        order=order,
        cursor=decode_cursor(cursor),
        limit=limit,
    )
    items, after = await anyio.to_thread.run_sync(c.review.list_items, query)
    return ReviewPage(
        items=[item_out(i, c.unsupported_for(i.language)) for i in items],
        next_cursor=encode_cursor(after),
    )


async def _rating_page(
    c: Container, statuses: tuple[RatingStatus | None, ...], cursor: str | None, limit: int
) -> ReviewPage:
    """A page of rating review items, newest first, merged over the statuses asked for."""
    before = time_cursor(decode_cursor(cursor))
    found: list[RatingReview] = []
    for wanted in statuses:
        found += await anyio.to_thread.run_sync(c.ratings.list_reviews, wanted, limit, before)
    # Each status' page is sorted and starts after the same cursor: their merge, cut to the
    # limit, is the page of the union.
    found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    page = found[:limit]
    after = (page[-1].created_at.isoformat(), page[-1].id) if len(page) == limit else None
    return ReviewPage(items=[rating_item_out(r) for r in page], next_cursor=encode_cursor(after))


@router.post("/review/resolve", response_model=BulkOut, responses=ERRORS)
async def bulk_resolve(body: BulkResolveIn, who: Reviewer, c: ContainerDep) -> BulkOut:
    """Applies one verdict to many items in one transaction; reports the ones skipped."""
    senior = is_senior(who.role.value, c.settings.review_senior_role)
    result = await anyio.to_thread.run_sync(
        lambda: c.review.bulk_resolve(body.item_ids, who.id, body.request(), senior=senior)
    )
    return BulkOut(resolved=result.resolved, failed=result.failed)


@router.get("/review/{item_id}", response_model=ReviewDetailOut, responses=ERRORS)
async def get_review_item(item_id: str, _: Reader, c: ContainerDep) -> ReviewDetailOut:
    """Returns an item with its notes, its author's standing and the channel around it."""
    d = await anyio.to_thread.run_sync(c.review.detail, item_id)
    a = d.author
    return ReviewDetailOut(
        item=item_out(d.item, c.unsupported_for(d.item.language)),
        notes=[note_out(n) for n in d.notes],
        author=AuthorOut(
            author_id=a.author_id,
            strikes=a.strikes,
            banned=a.banned,
            ban_channel_id=a.ban_channel_id,
            ban_until=a.ban_until,
            history=list(a.history),
            notes=[note_out(n) for n in d.author_notes],
        ),
        neighbours=[
            NeighbourOut(
                id=n.message_id,
                author_id=n.author_id,
                text=n.text,
                received_at=n.received_at,
                decision=n.action,
            )
            for n in d.neighbours
        ],
    )


@router.post("/review/{item_id}/claim", response_model=ReviewItemOut, responses=ERRORS)
async def claim_item(item_id: str, who: Reviewer, c: ContainerDep) -> ReviewItemOut:
    """Claims an item for the caller for the claim lease (409 if someone else holds it)."""
    senior = is_senior(who.role.value, c.settings.review_senior_role)
    item = await anyio.to_thread.run_sync(lambda: c.review.claim(item_id, who.id, senior=senior))
    return item_out(item, c.unsupported_for(item.language))


@router.post("/review/{item_id}/resolve", response_model=ReviewItemOut, responses=ERRORS)
async def resolve_item(
    item_id: str, body: ResolveIn, who: Reviewer, c: ContainerDep
) -> ReviewItemOut:
    """Approves, hides, removes or escalates an item; may strike or ban its author."""
    senior = is_senior(who.role.value, c.settings.review_senior_role)
    item = await anyio.to_thread.run_sync(
        lambda: c.review.resolve(item_id, who.id, body.request(), senior=senior)
    )
    return item_out(item, c.unsupported_for(item.language))


@router.post("/review/{item_id}/reverse", response_model=ReviewItemOut, responses=ERRORS)
async def reverse_item(
    item_id: str, body: ReverseIn, who: Reviewer, c: ContainerDep
) -> ReviewItemOut:
    """Takes back the newest decision on a resolved item (with a note); the item is pending
    again and the message's decision returns to what it was before."""
    item = await anyio.to_thread.run_sync(c.review.reverse, item_id, who.id, body.note)
    return item_out(item, c.unsupported_for(item.language))


@router.post("/review/{item_id}/undo", response_model=ReviewItemOut, responses=ERRORS)
async def undo_item(
    item_id: str, who: Reviewer, c: ContainerDep, body: UndoIn | None = None
) -> ReviewItemOut:
    """Takes back the caller's own verdict within the undo window (2 minutes by default)."""
    note = body.note if body is not None else None
    item = await anyio.to_thread.run_sync(
        lambda: c.review.reverse(item_id, who.id, note, undo=True)
    )
    return item_out(item, c.unsupported_for(item.language))


@router.get("/review/{item_id}/notes", response_model=list[NoteOut], responses=ERRORS)
async def item_notes(item_id: str, _: Reader, c: ContainerDep) -> list[NoteOut]:
    """Lists an item's notes, newest first."""
    await anyio.to_thread.run_sync(c.review.get, item_id)
    notes = await anyio.to_thread.run_sync(c.review.notes, "message", item_id)
    return [note_out(n) for n in notes]


@router.post("/review/{item_id}/notes", status_code=201, response_model=NoteOut, responses=ERRORS)
async def add_item_note(item_id: str, body: NoteIn, who: Reviewer, c: ContainerDep) -> NoteOut:
    """Adds a note to an item."""
    note = await anyio.to_thread.run_sync(c.review.add_note, "message", item_id, who.id, body.text)
    return note_out(note)


@router.get("/users/{author_id}/notes", response_model=list[NoteOut], responses=ERRORS)
async def author_notes(author_id: str, _: Reader, c: ContainerDep) -> list[NoteOut]:
    """Lists the notes on an author, newest first."""
    notes = await anyio.to_thread.run_sync(c.review.notes, "user", author_id)
    return [note_out(n) for n in notes]


@router.post("/users/{author_id}/notes", status_code=201, response_model=NoteOut, responses=ERRORS)
async def add_author_note(author_id: str, body: NoteIn, who: Reviewer, c: ContainerDep) -> NoteOut:
    """Adds a note on an author."""
    note = await anyio.to_thread.run_sync(c.review.add_note, "user", author_id, who.id, body.text)
    return note_out(note)
