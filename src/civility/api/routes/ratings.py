"""Ratings: submit one or a batch, read a post's averages."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, IPvAnyAddress

from civility.api.deps import Analyzer, ContainerDep, Submitter
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, Strict
from civility.errors import Invalid, RateLimited
from civility.ratings.models import PostStats
from civility.ratings.service import Acceptance, RatingInput

router = APIRouter(prefix="/v1", tags=["ratings"])

RATING_ERRORS: dict[int | str, dict[str, object]] = {**ERRORS, 429: ERRORS[422]}

Score = Annotated[float, Field(ge=0, le=5, allow_inf_nan=False, description="0 to 5 stars.")]


class RatingIn(Strict):
    """One user's rating of one post; a later one from the same user replaces it."""

    post_id: Id
    user_id: Id
    score: Score
    user_created_at: datetime | None = Field(
        None, description="When the rater's account was created (new accounts weigh less)."
    )
    ip: IPvAnyAddress | None = Field(None, description="Stored only as a hash.")


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


def _input(body: RatingIn) -> RatingInput:
    return RatingInput(
        post_id=body.post_id,
        user_id=body.user_id,
        score=body.score,
        user_created_at=body.user_created_at,
        ip=str(body.ip) if body.ip is not None else None,
    )


def _item(a: Acceptance) -> RatingAcceptedOut:
    if a.accepted:
        return RatingAcceptedOut(post_id=a.post_id, user_id=a.user_id, status="accepted")
    wait = round(a.retry_after or 1.0, 3)
    return RatingAcceptedOut(
        post_id=a.post_id, user_id=a.user_id, status="rate_limited", retry_after=wait
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@router.post("/ratings", status_code=202, response_model=RatingAcceptedOut, responses=RATING_ERRORS)
async def submit_rating(
    body: RatingIn, _: Submitter, request: Request, c: ContainerDep
) -> RatingAcceptedOut:
    """Accepts one rating; 429 with Retry-After when the user or the post is over its limit."""
    submission = await anyio.to_thread.run_sync(c.ratings.accept_one, _input(body))
    c.rating_applier.submit([submission])
    return RatingAcceptedOut(post_id=body.post_id, user_id=body.user_id, status="accepted")


@router.post(
    "/ratings/bulk", status_code=202, response_model=RatingBulkOut, responses=RATING_ERRORS
)
async def submit_ratings(
    body: RatingBulkIn, _: Submitter, request: Request, c: ContainerDep
) -> RatingBulkOut:
    """Accepts a batch; items over a limit are reported one by one (429 only if all are)."""
    limit = c.settings.ratings_max_bulk
    if len(body.ratings) > limit:
        raise Invalid(
            f"at most {limit} ratings per request, got {len(body.ratings)}",
            code="batch_too_large",
        )
    results = await anyio.to_thread.run_sync(c.ratings.accept, [_input(r) for r in body.ratings])
    accepted = [a.submission for a in results if a.submission is not None]
    if not accepted:
        wait = min(a.retry_after or 1.0 for a in results)
        raise RateLimited("every rating in the batch is over its limit", retry_after=wait)
    c.rating_applier.submit(accepted)
    return RatingBulkOut(
        items=[_item(a) for a in results],
        accepted=len(accepted),
        rate_limited=len(results) - len(accepted),
    )


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
    )
