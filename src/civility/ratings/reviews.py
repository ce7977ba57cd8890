"""Rating review items: one per burst, review bomb, collusion block or account, with evidence.

open ──confirm──▶ confirmed   (the ratings stay out, the flags never expire, accounts weigh 0)
  └───clear────▶ cleared     (the flags are lifted, the ratings count again)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from civility.errors import Conflict


class ReviewStatus(StrEnum):
    """Where a rating review item stands."""

    OPEN = "open"
    CONFIRMED = "confirmed"
    CLEARED = "cleared"


class Verdict(StrEnum):
    """What a moderator decides about a rating review item."""

    CONFIRM = "confirm"
    CLEAR = "clear"


@dataclass(frozen=True, slots=True)
class RatingReview:
    """A group of flagged ratings a moderator should look at, with what explains it.

    `evidence` holds the detector's detail (window, direction, shift, density…) and, per
    post, the trusted average without the group and with it (`posts`); `held` keeps, per
    post, the weight and weighted score sum the group would add, so "with" stays exact as
    the group grows.
    """

    id: str
    key: str
    kind: str
    status: ReviewStatus
    post_ids: tuple[str, ...]
    user_ids: tuple[str, ...]
    evidence: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    note: str | None = None
    version: int = 1


def merged(
    review: RatingReview,
    posts: tuple[str, ...],
    users: tuple[str, ...],
    evidence: dict[str, Any],
    now: datetime,
) -> RatingReview:
    """Returns an open item grown by a later finding of the same group."""
    return replace(
        review,
        post_ids=tuple(dict.fromkeys((*review.post_ids, *posts))),
        user_ids=tuple(dict.fromkeys((*review.user_ids, *users))),
        evidence=evidence,
        updated_at=now,
        version=review.version + 1,
    )


def decided(
    review: RatingReview, verdict: Verdict, actor: str, now: datetime, note: str | None
) -> RatingReview:
    """Returns the item after a moderator's verdict; a decided item cannot be decided again."""
    if review.status is not ReviewStatus.OPEN:
        raise Conflict(f"the item is already {review.status.value}", code="already_resolved")
    status = ReviewStatus.CONFIRMED if verdict is Verdict.CONFIRM else ReviewStatus.CLEARED
    return replace(
        review,
        status=status,
        resolved_by=actor,
        resolved_at=now,
        updated_at=now,
        note=note,
        version=review.version + 1,
    )
