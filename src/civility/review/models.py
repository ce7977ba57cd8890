"""Review items, their states and the pure transitions between them.

An item is one automated decision a human should look at: flags wait for a verdict, and
automated hides and blocks can be reversed. Membership comes from the `decisions` table;
only the human side (claims, resolutions, escalations) is stored, as a projection of the
`review.*` events.

    pending ──claim──▶ claimed ──resolve──▶ resolved (approve / hide / remove)
       ▲                 │  └────escalate──▶ escalated ──claim──▶ claimed …
       └──claim expires──┘

A claim is a lease: once `claim_expires_at` has passed the item is free again. Nothing sweeps
expired claims; the effective status is computed from the clock whenever it is read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from civility.errors import Conflict, Forbidden, Invalid
from civility.moderation.decisions import (
    CurrentDecision,
    DecisionTarget,
    HumanDecision,
    current_decision,
)
from civility.ocr.models import ImageText
from civility.policy.verdict import Action, Reason, Severity


class ReviewStatus(StrEnum):
    """Where an item stands, as moderators see it."""

    PENDING = "pending"
    CLAIMED = "claimed"
    ESCALATED = "escalated"
    RESOLVED = "resolved"


class Resolution(StrEnum):
    """What a moderator decided; `escalate` hands the item to someone more senior."""

    APPROVE = "approve"
    HIDE = "hide"
    REMOVE = "remove"
    ESCALATE = "escalate"


class ReviewView(StrEnum):
    """Which automated decisions a list shows."""

    FLAGGED = "flagged"
    AUTOMATED = "automated"


class ReviewOrder(StrEnum):
    """How a list is sorted: by priority (review/priority.py), highest score, oldest first,
    or by channel then age."""

    PRIORITY = "priority"
    SCORE = "score"
    AGE = "age"
    CHANNEL = "channel"


VIEW_ACTIONS: dict[ReviewView, tuple[Action, ...]] = {
    ReviewView.FLAGGED: (Action.FLAG,),
    ReviewView.AUTOMATED: (Action.HIDE, Action.BLOCK),
}

# What the message looks like to readers after each resolution.
FINAL_ACTION = {
    Resolution.APPROVE: Action.ALLOW,
    Resolution.HIDE: Action.HIDE,
    Resolution.REMOVE: Action.BLOCK,
}


@dataclass(frozen=True, slots=True)
class ReviewState:
    """The stored human side of an item; `version` 0 means nothing is stored yet."""

    message_id: str
    state: ReviewStatus = ReviewStatus.PENDING
    claimed_by: str | None = None
    claim_expires_at: datetime | None = None
    resolution: Resolution | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0

    def status(self, now: datetime) -> ReviewStatus:
        """Returns the effective status at `now` (an expired claim counts as no claim)."""
        if self.state is ReviewStatus.RESOLVED:
            return ReviewStatus.RESOLVED
        if self.claim_holder(now) is not None:
            return ReviewStatus.CLAIMED
        return self.state

    def claim_holder(self, now: datetime) -> str | None:
        """Returns who holds a live claim, if anyone."""
        if self.claimed_by is None or self.claim_expires_at is None:
            return None
        return self.claimed_by if self.claim_expires_at > now else None


@dataclass(frozen=True, slots=True)
class AuthorStanding:
    """An author's strikes and bans as the enforcement side reports them."""

    author_id: str
    strikes: float = 0.0
    banned: bool = False
    ban_channel_id: str | None = None
    ban_until: datetime | None = None
    history: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """An item with everything a moderator needs to judge it."""

    message_id: str
    decision_id: str
    platform_message_id: str
    author_id: str
    channel_id: str
    text: str
    action: Action
    severity: Severity
    reasons: tuple[Reason, ...]
    scores: dict[str, float] | None
    policy_version: int
    received_at: datetime
    decided_at: datetime
    review: ReviewState
    status: ReviewStatus = ReviewStatus.PENDING
    # What the platform sent or the scorer detected: decides which scores mean something.
    language: str | None = None
    # The newest human decision on the message, if any (moderation.decisions).
    human: HumanDecision | None = None
    # The summed weight of the message's open user reports (civility.user_reports).
    report_weight: float = 0.0
    # The text read from the message's image: which range of `text` it is (civility.ocr).
    image: ImageText | None = None
    # The priority order's key as stored with the item (priority.sort_key), if it is stored.
    priority_key: int | None = None

    @property
    def current(self) -> CurrentDecision:
        """Returns the message's decision in force (a person's, else the automated one)."""
        return current_decision(self.action, self.policy_version, self.decided_at, self.human)

    @property
    def target(self) -> DecisionTarget:
        """Returns what a human decision on the item's message needs."""
        return DecisionTarget(
            self.message_id,
            self.platform_message_id,
            self.author_id,
            self.channel_id,
            self.action,
            self.current,
        )

    @property
    def top_score(self) -> float:
        """Returns the highest category score (0 when the message was not scored)."""
        return max(self.scores.values()) if self.scores else 0.0

    @property
    def view(self) -> ReviewView:
        """Returns the list the item belongs to."""
        return ReviewView.FLAGGED if self.action is Action.FLAG else ReviewView.AUTOMATED


@dataclass(frozen=True, slots=True)
class Note:
    """A moderator's note on an item (subject `message`) or on an author (subject `user`)."""

    id: str
    subject_type: str
    subject_id: str
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewQuery:
    """Filters and ordering of the queue; `cursor` is the opaque key of the last item seen."""

    view: ReviewView = ReviewView.FLAGGED
    status: ReviewStatus | None = ReviewStatus.PENDING
    channel_id: str | None = None
    category: str | None = None
    reason: str | None = None
    author_id: str | None = None
    order: ReviewOrder = ReviewOrder.SCORE
    cursor: tuple[Any, ...] | None = None
    limit: int = 50
    # The page before `cursor` instead of the one after it.
    backwards: bool = False
    # Only the copies of one exact text.
    text: str | None = None
    # True: only items that exist because the author was already banned; False: none of them.
    ban_blocks: bool | None = None


@dataclass(frozen=True, slots=True)
class BanRequest:
    """A ban issued together with a resolution (channel None = every channel)."""

    channel_id: str | None = None
    duration: timedelta | None = None


@dataclass(frozen=True, slots=True)
class ResolveRequest:
    """One moderator verdict on an item."""

    resolution: Resolution
    note: str | None = None
    ban: BanRequest | None = None
    strike: bool = False


def claim(state: ReviewState, actor: str, now: datetime, ttl: timedelta) -> ReviewState:
    """Returns the state after `actor` claims the item (re-claiming extends the lease)."""
    if state.state is ReviewStatus.RESOLVED:
        raise Conflict("the item is already resolved", code="already_resolved")
    holder = state.claim_holder(now)
    if holder is not None and holder != actor:
        raise Conflict(f"the item is claimed by {holder}", code="claimed_by_other")
    return replace(state, claimed_by=actor, claim_expires_at=now + ttl, updated_at=now)


def resolve(state: ReviewState, actor: str, resolution: Resolution, now: datetime) -> ReviewState:
    """Returns the state after a verdict; escalation releases the claim instead of closing."""
    if state.state is ReviewStatus.RESOLVED:
        raise Conflict("the item is already resolved", code="already_resolved")
    holder = state.claim_holder(now)
    if holder is not None and holder != actor:
        raise Conflict(f"the item is claimed by {holder}", code="claimed_by_other")
    if resolution is Resolution.ESCALATE:
        if state.state is ReviewStatus.ESCALATED:
            raise Conflict("the item is already escalated", code="already_escalated")
        return replace(
            state,
            state=ReviewStatus.ESCALATED,
            claimed_by=None,
            claim_expires_at=None,
            updated_at=now,
        )
    return replace(
        state,
        state=ReviewStatus.RESOLVED,
        claimed_by=None,
        claim_expires_at=None,
        resolution=resolution,
        resolved_by=actor,
        resolved_at=now,
        updated_at=now,
    )


def require_senior(state: ReviewState, senior: bool) -> None:
    """Refuses a claim or verdict on an escalated item unless the actor is senior (an admin,
    or the role CIVILITY_REVIEW_SENIOR_ROLE names): escalations go up, not sideways."""
    if state.state is ReviewStatus.ESCALATED and not senior:
        raise Forbidden(
            "this item was escalated: a senior moderator (admin) resolves it",
            code="escalated_to_senior",
        )


def reopen(state: ReviewState, now: datetime) -> ReviewState:
    """Returns the state after a verdict is reversed: pending again, for a new verdict."""
    if state.state is not ReviewStatus.RESOLVED:
        raise Conflict("only a resolved item can be reversed", code="not_resolved")
    return replace(
        state,
        state=ReviewStatus.PENDING,
        claimed_by=None,
        claim_expires_at=None,
        resolution=None,
        resolved_by=None,
        resolved_at=None,
        updated_at=now,
    )


def check_note(text: str, max_length: int = 5000) -> str:
    """Returns a note's text stripped; raises Invalid when empty or too long."""
    stripped = text.strip()
    if not stripped:
        raise Invalid("a note must not be empty", code="empty_note")
    if len(stripped) > max_length:
        raise Invalid(f"a note is at most {max_length} characters", code="note_too_long")
    return stripped
