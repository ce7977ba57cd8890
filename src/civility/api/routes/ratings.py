"""Ratings: submit one or a batch, read a post's averages."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import anyio
import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from civility import metrics
from civility.api.admission import SHED_SCOPE_KEY
from civility.api.deps import Analyzer, ContainerDep, Submitter, require
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, Instant, IpText, Strict
from civility.auth.keys import Permission, Principal
from civility.container import Container
from civility.errors import Invalid, RateLimited, Unavailable
from civility.ratings.models import PostStats
from civility.ratings.reviews import RatingReview, ReviewStatus, Verdict
from civility.ratings.service import Acceptance, RatingInput

router = APIRouter(prefix="/v1", tags=["ratings"])

BACKLOG_SHED_REASON = "ratings_backlog"

# Rating review items are moderators' work (the review permission), like the message queue.
Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW))]

RATING_ERRORS: dict[int | str, dict[str, object]] = {**ERRORS, 429: ERRORS[422]}

Score = Annotated[float, Field(ge=0, le=5, allow_inf_nan=False, description="0 to 5 stars.")]


class RatingIn(Strict):
    """One user's rating of one post; a later one from the same user replaces it."""

    post_id: Id
    user_id: Id
    score: Score
    user_created_at: Instant | None = Field(
        None,
        description="When the rater's account was created; none or a future one counts as new.",
    )
    ip: IpText | None = Field(None, description="Stored only as a hash.")
    client_hint: str | None = Field(
        None,
        max_length=500,
        description="The platform's client or device identifier; stored only as a keyed hash.",
    )


class RatingBulkIn(Strict):
    """Ratings forwarded in a batch (CIVILITY_RATINGS_MAX_BULK at most)."""

    ratings: list[RatingIn] = Field(min_length=1)


class RatingAcceptedOut(BaseModel):
    """What happened to one submitted rating."""

    post_id: str
    user_id: str
    status: Literal["accepted", "rate_limited"]
    retry_after: float | None = None


class RatingBulkOut(BaseModel):
    """One item per submitted rating, in request order."""

    items: list[RatingAcceptedOut]
    accepted: int
    rate_limited: int


class PostRatingOut(BaseModel):
    """A post's rating; eventually consistent (pending ratings land within a flush interval)."""

    post_id: str
    count: int
    raw_average: float | None
    trusted_average: float | None
    stable_average: float | None
    suspicious_count: int
    last_rated_at: datetime | None
    under_review: str | None = Field(
        None, description="Id of the open rating review (a review bomb) explaining a change."
    )


class RatingReviewOut(BaseModel):
    """A group of flagged ratings with the evidence a moderator needs."""

    id: str
    kind: str
    status: ReviewStatus
    post_ids: list[str]
    user_ids: list[str]
    evidence: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None
    note: str | None


class RatingReviewListOut(BaseModel):
    """Rating review items, newest first."""

    items: list[RatingReviewOut]


class VerdictIn(Strict):
    """A moderator's verdict: confirm (ratings stay out, accounts weigh 0) or clear."""

    verdict: Verdict
    note: str | None = Field(None, max_length=5000)


def _input(body: RatingIn) -> RatingInput:
    return RatingInput(
        post_id=body.post_id,
        user_id=body.user_id,
        score=body.score,
        user_created_at=body.user_created_at,
        ip=str(body.ip) if body.ip is not None else None,
        client_hint=body.client_hint,
    )


def _review(r: RatingReview) -> RatingReviewOut:
    evidence = {k: v for k, v in r.evidence.items() if k != "held"}
    return RatingReviewOut(
        id=r.id,
        kind=r.kind,
        status=r.status,
        post_ids=list(r.post_ids),
        user_ids=list(r.user_ids),
        evidence=evidence,
        created_at=r.created_at,
        updated_at=r.updated_at,
        resolved_by=r.resolved_by,
        resolved_at=r.resolved_at,
        note=r.note,
    )


def _item(a: Acceptance) -> dict[str, Any]:
    """One RatingAcceptedOut as JSON-ready data."""
    if a.accepted:
        return {
            "post_id": a.post_id,
            "user_id": a.user_id,
            "status": "accepted",
            "retry_after": None,
        }
    wait = round(a.retry_after or 1.0, 3)
    return {
        "post_id": a.post_id,
        "user_id": a.user_id,
        "status": "rate_limited",
        "retry_after": wait,
    }


def _check_room(c: Container, request: Request, count: int) -> None:
    """Refuses (503 ratings_backlog) before accepting when the applier's backlog is full.

    Flow control, not a fault: counted by the shed metric and kept out of the warning log as
    the admission bound's refusals are (under bulk load most requests were refused, each
    with a warning line, while the process was busiest).
    """
    try:
        c.rating_applier.check_room(count)
    except Unavailable:
        request.scope[SHED_SCOPE_KEY] = True
        metrics.SHED.labels(BACKLOG_SHED_REASON).inc()
        raise


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@router.post("/ratings", status_code=202, response_model=RatingAcceptedOut, responses=RATING_ERRORS)
async def submit_rating(
    body: RatingIn, _: Submitter, request: Request, c: ContainerDep
) -> RatingAcceptedOut:
    """Accepts one rating; 429 with Retry-After when the user or the post is over its limit."""
    _check_room(c, request, 1)
    submission = await anyio.to_thread.run_sync(c.ratings.accept_one, _input(body))
    c.rating_applier.submit([submission])
    return RatingAcceptedOut(post_id=body.post_id, user_id=body.user_id, status="accepted")


@router.post(
    "/ratings/bulk", status_code=202, response_model=RatingBulkOut, responses=RATING_ERRORS
)
async def submit_ratings(
    body: RatingBulkIn, _: Submitter, request: Request, c: ContainerDep
) -> Response:
    """Accepts a batch; items over a limit are reported one by one (429 only if all are)."""
    limit = c.settings.ratings_max_bulk
    if len(body.ratings) > limit:
        raise Invalid(
            f"at most {limit} ratings per request, got {len(body.ratings)}",
            code="batch_too_large",
        )
    _check_room(c, request, len(body.ratings))
    results = await anyio.to_thread.run_sync(c.ratings.accept, [_input(r) for r in body.ratings])
    accepted = [a.submission for a in results if a.submission is not None]
    if not accepted:
        wait = min(a.retry_after or 1.0 for a in results)
        raise RateLimited("every rating in the batch is over its limit", retry_after=wait)
    c.rating_applier.submit(accepted)
    # The documented RatingBulkOut, written directly: building and re-validating a model per
    # rating cost more than accepting it.
    out = {
        "items": [_item(a) for a in results],
        "accepted": len(accepted),
        "rate_limited": len(results) - len(accepted),
    }
    return Response(orjson.dumps(out), status_code=202, media_type="application/json")


@router.get("/posts/{post_id}/rating", response_model=PostRatingOut, responses=ERRORS)
async def get_rating(post_id: str, _: Analyzer, c: ContainerDep) -> PostRatingOut:
    """Returns count, raw, trusted and stabilised averages, and how many ratings look suspicious."""
    if not 1 <= len(post_id) <= 200:
        raise Invalid("post_id must be 1 to 200 characters", code="bad_id")
    stats: PostStats = await anyio.to_thread.run_sync(c.ratings.get, post_id)
    return PostRatingOut(
        post_id=post_id,
        count=stats.count,
        raw_average=_rounded(stats.raw_average),
        trusted_average=_rounded(stats.trusted_average),
        stable_average=_rounded(stats.stable_average),
        suspicious_count=stats.suspicious_count,
        last_rated_at=stats.last_rated_at,
        under_review=stats.marker,
    )


@router.get("/ratings/reviews", response_model=RatingReviewListOut, responses=ERRORS)
async def list_rating_reviews(
    _: Reviewer,
    c: ContainerDep,
    status: Annotated[ReviewStatus | None, Query()] = ReviewStatus.OPEN,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> RatingReviewListOut:
    """Lists bursts, review bombs, collusion blocks and accounts waiting for a moderator."""
    items = await anyio.to_thread.run_sync(c.ratings.list_reviews, status, limit)
    return RatingReviewListOut(items=[_review(r) for r in items])


@router.get("/ratings/reviews/{review_id}", response_model=RatingReviewOut, responses=ERRORS)
async def get_rating_review(review_id: str, _: Reviewer, c: ContainerDep) -> RatingReviewOut:
    """Returns one rating review item with its evidence."""
    if not 1 <= len(review_id) <= 32:
        raise Invalid("review_id must be 1 to 32 characters", code="bad_id")
    return _review(await anyio.to_thread.run_sync(c.ratings.get_review, review_id))


@router.post(
    "/ratings/reviews/{review_id}/verdict",
    response_model=RatingReviewOut,
    responses={**ERRORS, 409: ERRORS[404]},
)
async def decide_rating_review(
    review_id: str, body: VerdictIn, who: Reviewer, c: ContainerDep
) -> RatingReviewOut:
    """Confirms or clears an item; 409 already_resolved when it was decided before."""
    if not 1 <= len(review_id) <= 32:
        raise Invalid("review_id must be 1 to 32 characters", code="bad_id")
    review = await anyio.to_thread.run_sync(
        c.ratings.decide, review_id, body.verdict, who.id, body.note
    )
    return _review(review)
