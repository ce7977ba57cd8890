"""Exporting and erasing everything stored about one author, and the retention purge.

Erasure keeps what moderation and its statistics need and nothing that says what the author
wrote or who they are beyond the platform's own id: texts become a tombstone, metadata and
personal fields are emptied, notes about them and their ratings are deleted (with their versions,
flags and what the trust model learned from them), they leave the rating review items that name
them, score suggestions about their texts are deleted, the texts of reports they made or that
concern their messages and of their appeals are tombstoned, free text in the event log about
them is blanked; decisions, scores, strikes, bans (a rater a moderator blocked stays blocked)
and counts stay.
The `author.erased` event says how much was erased, never what. Copies already sent elsewhere
(webhooks, the RabbitMQ exchange, a platform's own logs) are out of reach: docs/security.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from civility.clock import Clock
from civility.errors import Invalid
from civility.events.models import Event, EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork

TOMBSTONE = "[erased]"
EXPIRED = "[expired]"
MAX_AUTHOR_ID = 200
PURGE_BATCH = 2_000


@dataclass(frozen=True, slots=True)
class Erasure:
    """How much one erasure changed (the counts are the `author.erased` event's payload)."""

    messages: int = 0
    notes: int = 0
    ratings: int = 0
    events: int = 0
    reports: int = 0
    appeals: int = 0
    # What the rating trust model had learned about them (rows deleted, or reset when blocked).
    raters: int = 0
    # Rating review items they were taken out of.
    rating_reviews: int = 0
    # Score suggestions about the texts they wrote.
    suggestions: int = 0
    # The posts whose rating sums dropped their ratings (for the caches; never in the event).
    rated_posts: tuple[str, ...] = ()


class PrivacyTransaction(Transaction, Protocol):
    """A write transaction on what storage keeps about authors."""

    def erase(self, author_id: str, tombstone: str) -> Erasure:
        """Erases an author's texts, metadata, notes and ratings; returns the counts."""
        ...

    def purge_texts(self, before: datetime, tombstone: str, limit: int) -> list[str]:
        """Blanks the texts and metadata of up to `limit` decided messages received before
        `before`; returns their ids."""
        ...


class AuthorDataRepository(UnitOfWork[PrivacyTransaction], Protocol):
    """What storage keeps about authors, read whole or erased in one transaction."""

    def export(self, author_id: str) -> dict[str, list[dict[str, Any]]]:
        """Returns every stored row about an author, by section (messages, notes, ...)."""
        ...


def check_author_id(author_id: str) -> str:
    """Returns a usable author id or raises Invalid."""
    if not author_id or not author_id.strip() or len(author_id) > MAX_AUTHOR_ID:
        raise Invalid(f"author_id must be 1 to {MAX_AUTHOR_ID} characters", code="bad_author_id")
    return author_id


class DataRightsService:
    """An author's export and erasure (admins only), and the retention purge."""

    def __init__(
        self,
        repo: AuthorDataRepository,
        clock: Clock,
        *,
        retention_days: int = 0,
        forget: Sequence[Callable[[str], None]] = (),
        refresh_ratings: Callable[[Sequence[str]], None] | None = None,
    ) -> None:
        self._repo = repo
        self._clock = clock
        # In-memory state about an author held by this process (the rating trust model),
        # dropped once the erasure committed so that it is never written back.
        self._forget = tuple(forget)
        # Re-reads the posts whose rating sums the erasure changed into the rating cache.
        self._refresh_ratings = refresh_ratings
        self._retention = timedelta(days=retention_days) if retention_days > 0 else None

    def export(self, author_id: str) -> dict[str, Any]:
        """Returns everything stored about an author as JSON-ready sections (empty if none)."""
        sections = self._repo.export(check_author_id(author_id))
        return {"author_id": author_id, "exported_at": self._clock.now(), **sections}

    def erase(self, author_id: str, *, actor: str) -> Erasure:
        """Erases an author's content; records `author.erased` with counts only."""
        check_author_id(author_id)
        with self._repo.transaction() as tx:
            erasure = tx.erase(author_id, TOMBSTONE)
            tx.record(
                [
                    new_event(
                        EventType.AUTHOR_ERASED,
                        subject=("author", author_id),
                        actor=actor,
                        payload=erasure_payload(erasure),
                        at=self._clock.now(),
                    )
                ]
            )
        for forget in self._forget:
            forget(author_id)
        if self._refresh_ratings is not None and erasure.rated_posts:
            self._refresh_ratings(erasure.rated_posts)
        return erasure

    def purge_expired(self, *, max_batches: int = 50) -> int:
        """Blanks texts and metadata of decided messages older than the retention period.

        Works in batches of PURGE_BATCH (bounded transactions); returns how many it purged.
        Undecided messages keep their text: deciding still needs it.
        """
        if self._retention is None:
            return 0
        before = self._clock.now() - self._retention
        purged = 0
        for batch in range(max_batches):
            with self._repo.transaction() as tx:
                ids = tx.purge_texts(before, EXPIRED, PURGE_BATCH)
                purged += len(ids)
                last = len(ids) < PURGE_BATCH or batch == max_batches - 1
                if last and purged:
                    # With the last batch: the event commits with (at least) that batch.
                    tx.record([_purged_event(purged, before, self._clock.now())])
            if last:
                break
        return purged


def _purged_event(count: int, before: datetime, now: datetime) -> Event:
    return new_event(
        EventType.MESSAGES_PURGED,
        subject=("retention", "messages"),
        actor="system:retention",
        payload={"count": count, "before": before.isoformat()},
        at=now,
    )


def erasure_payload(erasure: Erasure) -> dict[str, int]:
    """Returns the counts of an erasure (what the event and the API show)."""
    # Which posts the author rated is theirs to have erased, not to be logged.
    return {k: v for k, v in asdict(erasure).items() if k != "rated_posts"}
