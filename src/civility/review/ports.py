"""Contracts the review service depends on: its storage and the enforcement actions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from civility.enforcement.records import EnforcementRecord
from civility.enforcement.service import Consequences
from civility.events.models import Event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.moderation.decisions import HumanDecision
from civility.policy.verdict import Severity
from civility.review.models import (
    AuthorStanding,
    Note,
    ReviewItem,
    ReviewQuery,
    ReviewState,
    ReviewView,
)
from civility.review.priority import GroupBy, ItemGroup
from civility.user_reports.models import Report, ReportClosure, ReportReopening


@dataclass(frozen=True, slots=True)
class Change:
    """One item's transition and what it writes; saved only if `before` is still current.

    `enforcement` holds the strikes and bans the verdict asks for: they are stored in the
    same transaction as the verdict (their events are part of `events`), or not at all; so is
    `decisions`, the human decision the verdict makes the message's current one. The service
    records `events` in the transaction that saved the change, and only if it was saved.
    """

    before: ReviewState
    after: ReviewState
    events: tuple[Event, ...]
    notes: tuple[Note, ...] = ()
    enforcement: tuple[EnforcementRecord, ...] = ()
    decisions: tuple[HumanDecision, ...] = ()
    # The message's open user reports the verdict closes (their `report.resolved` in events).
    reports: ReportClosure | None = None
    # The reports a reversed verdict had closed, open again (their `report.reopened` in events).
    reopened: ReportReopening | None = None


@dataclass(frozen=True, slots=True)
class ChannelMessage:
    """A message next to the reviewed one in its channel (for context)."""

    message_id: str
    author_id: str
    text: str
    received_at: datetime
    action: str | None
    before: bool


class ReviewTransaction(Transaction, Protocol):
    """A write transaction on the review projection."""

    def save(self, change: Change) -> bool:
        """Writes a change (state, closed or reopened reports, decisions, strikes and bans,
        notes; not its events, which the service records) if its `before` version is current.

        A change that closes or reopens reports is written only if every one of them was
        still open (or still closed by that verdict). False, writing nothing of this change,
        when it changed underneath; the transaction goes on.
        """
        ...

    def add_note(self, note: Note) -> None:
        """Stores a note."""
        ...


class ReviewRepository(UnitOfWork[ReviewTransaction], Protocol):
    """Reads queue items from the decisions and stores the review projection."""

    def list_items(self, query: ReviewQuery, now: datetime) -> list[ReviewItem]:
        """Returns items matching the query in its order, after its cursor."""
        ...

    def get_items(self, message_ids: Sequence[str], now: datetime) -> dict[str, ReviewItem]:
        """Returns the reviewable items among the given message ids."""
        ...

    def count(self, query: ReviewQuery, now: datetime) -> int:
        """Counts the items matching a query's filters (its cursor and order aside)."""
        ...

    def pending_counts(self, now: datetime) -> dict[str, int]:
        """Counts pending items per tab: flagged, automated, authors folded into their ban."""
        ...

    def matching_ids(self, query: ReviewQuery, now: datetime, limit: int) -> list[str]:
        """Returns the ids of up to `limit` items matching a query, in priority order."""
        ...

    def groups(self, query: ReviewQuery, by: GroupBy, now: datetime, limit: int) -> list[ItemGroup]:
        """Returns the query's items grouped by author or by identical text, most urgent first."""
        ...

    def texts(self, message_ids: Sequence[str]) -> dict[str, str]:
        """Returns the text of each given message that exists."""
        ...

    def reason_codes(self, view: ReviewView) -> list[str]:
        """Returns the rule codes found on a list's recent items, sorted."""
        ...

    def open_reports(self, message_ids: Sequence[str]) -> dict[str, list[Report]]:
        """Returns the open user reports of the given messages, oldest first."""
        ...

    def closed_reports(self, message_id: str, closed_by: str, closed_at: datetime) -> list[Report]:
        """Returns the message's reports that `closed_by` closed at `closed_at` (one verdict)."""
        ...

    def notes(self, subject_type: str, subject_id: str, limit: int = 100) -> list[Note]:
        """Returns the notes of one subject, newest first."""
        ...

    def neighbours(self, item: ReviewItem, each_side: int) -> list[ChannelMessage]:
        """Returns messages just before and after the item's in its channel, oldest first."""
        ...

    def author_counts(self, author_id: str) -> dict[str, int]:
        """Counts an author's decided messages by automated action."""
        ...


class EnforcementActions(Protocol):
    """What the review side may do to an author; the strikes-and-bans service implements it."""

    def ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> None:
        """Bans an author in a channel, or everywhere (None); permanent when duration is None."""
        ...

    def unban(self, author_id: str, channel_id: str | None, *, actor: str, reason: str) -> None:
        """Lifts the author's bans of exactly this scope."""
        ...

    def add_strike(
        self,
        author_id: str,
        channel_id: str,
        severity: Severity,
        *,
        actor: str,
        reason: str,
        message_id: str | None = None,
    ) -> None:
        """Counts a violation against the author in a channel."""
        ...

    def reset_strikes(
        self, author_id: str, channel_id: str | None, *, actor: str, reason: str
    ) -> None:
        """Forgets the author's strikes in a channel, or everywhere (None)."""
        ...

    def plan_ban(
        self,
        author_id: str,
        channel_id: str | None,
        duration: timedelta | None,
        *,
        actor: str,
        reason: str,
    ) -> Consequences:
        """Returns the ban record and event `ban` would store, without storing them."""
        ...

    def plan_strike(
        self,
        author_id: str,
        channel_id: str,
        severity: Severity,
        *,
        actor: str,
        reason: str,
        message_id: str | None = None,
        earlier: Sequence[EnforcementRecord] = (),
    ) -> Consequences:
        """Returns what `add_strike` would store (after `earlier`), without storing it."""
        ...

    def plan_lift_bans(
        self, author_id: str, issued_for: str, now: datetime, *, actor: str, reason: str
    ) -> Consequences:
        """Returns the unbans taking back the live bans whose reason is `issued_for`."""
        ...

    def standing(self, author_id: str, channel_id: str | None = None) -> AuthorStanding:
        """Returns the author's strikes, active ban and enforcement history."""
        ...
