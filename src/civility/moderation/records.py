"""Stored forms of messages and decisions, and the repository contract for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from civility.enforcement.records import EnforcementRecord
from civility.events.models import Event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.moderation.decisions import (
    CurrentDecision,
    DecisionTarget,
    HumanDecision,
    current_decision,
)
from civility.ocr.models import ImageText
from civility.policy.verdict import Action, Reason, Severity


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message as stored."""

    id: str
    platform_message_id: str
    author_id: str
    channel_id: str
    text: str
    language: str | None
    metadata: dict[str, Any]
    author_created_at: datetime | None
    received_at: datetime
    # The text read from the message's image: which range of `text` it is, with word boxes.
    image: ImageText | None = None


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """An automated decision as stored; never updated."""

    id: str
    message_id: str
    action: Action
    severity: Severity
    reasons: tuple[Reason, ...]
    policy_version: int
    scorer: str | None
    path: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MessageView:
    """A message with its scores, its automated decision and the newest human one, if any.

    `history` holds every human decision, oldest first, where the read asked for it.
    """

    message: StoredMessage
    scores: dict[str, float] | None
    decision: StoredDecision | None
    human: HumanDecision | None = None
    history: tuple[HumanDecision, ...] = ()

    @property
    def status(self) -> str:
        """Returns `decided` once a decision exists, else `pending`."""
        return "decided" if self.decision else "pending"

    @property
    def current(self) -> CurrentDecision | None:
        """Returns the decision in force (the newest human one, else the automated one)."""
        d = self.decision
        if d is None:
            return None
        return current_decision(d.action, d.policy_version, d.created_at, self.human)

    @property
    def target(self) -> DecisionTarget | None:
        """Returns what a human decision on this message needs (None while undecided)."""
        current = self.current
        if current is None or self.decision is None:
            return None
        m = self.message
        return DecisionTarget(
            m.id, m.platform_message_id, m.author_id, m.channel_id, self.decision.action, current
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """Everything one decided message writes, in one transaction with its batch.

    `enforcement` holds the strikes, warnings and bans the decision caused, in the order
    they happened; their events are part of `events`.
    """

    message: StoredMessage
    scores: dict[str, float] | None
    scorer: str | None
    decision: StoredDecision
    events: tuple[Event, ...]
    enforcement: tuple[EnforcementRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class MessageQuery:
    """Filters for listing messages, newest first, paged by message id."""

    channel_id: str | None = None
    author_id: str | None = None
    # The current decision (a human one where it exists, else the automated one).
    action: Action | None = None
    status: str | None = None
    min_scores: dict[str, float] = field(default_factory=dict)
    received_from: datetime | None = None
    received_to: datetime | None = None
    before_id: str | None = None
    limit: int = 50


class ModerationTransaction(Transaction, Protocol):
    """A write transaction on messages and their decisions."""

    def insert_messages(self, messages: Sequence[StoredMessage]) -> None:
        """Stores messages (accepted ones, or those decided in this transaction)."""
        ...

    def save_outcomes(self, outcomes: Sequence[Outcome]) -> None:
        """Stores the outcomes' scores, decisions and enforcement records (not their events)."""
        ...

    def save_human_decision(self, decision: HumanDecision) -> None:
        """Stores a human decision (Conflict, when the transaction ends, if raced)."""
        ...


class ModerationRepository(UnitOfWork[ModerationTransaction], Protocol):
    """Storage of messages, scores, decisions and their events; writes go through
    `transaction()`."""

    def find_messages(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], MessageView]:
        """Finds stored messages by (channel_id, platform_message_id)."""
        ...

    def undecided(self, message_ids: Sequence[str]) -> dict[str, StoredMessage]:
        """Returns the given messages that exist and have no decision yet."""
        ...

    def get_views(self, message_ids: Sequence[str]) -> dict[str, MessageView]:
        """Returns the stored views of the given message ids that exist."""
        ...

    def list_messages(self, query: MessageQuery) -> list[MessageView]:
        """Lists messages matching the query."""
        ...

    def violations(self, author_id: str, before_id: str | None, limit: int) -> list[MessageView]:
        """Returns the author's decided messages that were not allowed, newest first."""
        ...

    def pending_messages(
        self, limit: int, received_before: datetime | None = None
    ) -> list[StoredMessage]:
        """Returns accepted messages still without a decision (received by then), oldest first."""
        ...
