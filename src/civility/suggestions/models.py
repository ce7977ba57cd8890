"""A score suggestion: moderator feedback on one attribute of one comment, stored as sent.

Perspective's `comments:suggestscore` is how platforms told the model it was wrong ("this
comment is toxic: 1.0"). Civility keeps each suggested attribute score as one row: shown beside
the messages with the same text (review) and exported as labelled data for training.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


def text_digest(text: str) -> str:
    """SHA-256 hex of a text's UTF-8: how suggestions find the stored messages they are about."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ScoreSuggestion:
    """One suggested score: the comment, the attribute (and our category), the value."""

    id: str
    text: str
    attribute: str
    # Our category for the attribute; None for one this server never scores (SPAM, …).
    category: str | None
    value: float
    languages: tuple[str, ...]
    # Who sent it (the API key's id) and Perspective's optional grouping fields.
    submitted_by: str
    community_id: str | None
    session_id: str | None
    client_token: str | None
    created_at: datetime

    @property
    def digest(self) -> str:
        """The text's digest (`text_digest`)."""
        return text_digest(self.text)


@dataclass(frozen=True, slots=True)
class SuggestionQuery:
    """Which suggestions to read, oldest first, paged by (created_at, id)."""

    since: datetime | None = None
    until: datetime | None = None
    attribute: str | None = None
    after: tuple[datetime, str] | None = None
    limit: int = 1000


class SuggestionRepository(Protocol):
    """Stores score suggestions (append-only) and reads them back."""

    def add(self, suggestions: Sequence[ScoreSuggestion]) -> None:
        """Stores suggestions in one transaction."""
        ...

    def for_digest(self, digest: str, limit: int) -> list[ScoreSuggestion]:
        """Suggestions about the text with this digest, newest first."""
        ...

    def list(self, query: SuggestionQuery) -> list[ScoreSuggestion]:
        """Suggestions matching the query, oldest first."""
        ...
