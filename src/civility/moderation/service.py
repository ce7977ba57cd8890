"""The moderation service: the one place the HTTP API, the worker and the CLI go through."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from civility.clock import Clock
from civility.enforcement.events import record_event
from civility.enforcement.records import StrikeAdded
from civility.errors import Conflict, NotFound
from civility.events.models import DECISION_EVENT, Event, new_event
from civility.ids import new_id
from civility.moderation.context import RecordSource
from civility.moderation.decisions import DecisionSource, decide_by_hand
from civility.moderation.models import IncomingMessage
from civility.moderation.parts import analyze_in_parts
from civility.moderation.pipeline import DecisionContext, Judgement, decide
from civility.moderation.records import (
    MessageQuery,
    MessageView,
    ModerationRepository,
    Outcome,
    StoredDecision,
    StoredMessage,
)
from civility.ocr.models import ImageText
from civility.policy.checks import WindowHit
from civility.policy.decide import decide as apply_policy
from civility.policy.model import Policy
from civility.policy.verdict import Action, Severity
from civility.scoring.base import Explain, ExplainWhen, Scorer, TextAnalysis, explain_when

SYSTEM_ACTOR = "system"


class DecisionSources(Protocol):
    """Where the pipeline's inputs come from: the batch's context and its window counters."""

    def load(
        self, messages: Sequence[StoredMessage], now: datetime, *, with_records: bool = True
    ) -> DecisionContext:
        """Loads policies, the authors' records in force and the blocklist, once per batch."""
        ...

    def count_windows(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        """Records flood/rate counter hits in order and returns each count."""
        ...

    def policy(self, channel_id: str | None) -> Policy:
        """Returns the channel's policy in force."""
        ...


@dataclass(frozen=True, slots=True)
class Violation:
    """A message of the author that was not allowed, with the strike it earned (if any)."""

    view: MessageView
    strike: StrikeAdded | None


@dataclass(frozen=True, slots=True)
class AnalyzeResult:
    """Scores of one text with its language, severity and spans."""

    analysis: TextAnalysis
    severity: Severity


@dataclass(frozen=True, slots=True)
class Accepted:
    """A message accepted for asynchronous scoring."""

    id: str
    message_id: str
    channel_id: str
    duplicate: bool


class ModerationService:
    """Analyzes, moderates, accepts and lists messages; every write is one transaction."""

    def __init__(
        self,
        repo: ModerationRepository,
        scorer: Scorer,
        sources: DecisionSources,
        clock: Clock,
        *,
        records: RecordSource | None = None,
        on_decided: Callable[[Sequence[Outcome]], None] | None = None,
        on_scored: Callable[[int, float], None] | None = None,
    ) -> None:
        self._repo = repo
        self._on_decided = on_decided
        self._on_scored = on_scored
        self._scorer = scorer
        self._sources = sources
        self._records = records
        self._clock = clock

    @property
    def scorer(self) -> Scorer:
        """Returns the scorer in use."""
        return self._scorer

    def analyze(
        self,
        texts: Sequence[str],
        channel_id: str | None = None,
        *,
        explain: Explain = True,
        images: Sequence[ImageText | None] | None = None,
    ) -> list[AnalyzeResult]:
        """Scores texts without storing anything (spans only where ``explain`` asks for them).

        A text with an image (``images``, by index) is scored whole and in parts, like a
        moderated message.
        """
        started = time.perf_counter()
        analyses = analyze_in_parts(
            lambda t, e: self._scorer.analyze(t, explain=e),
            texts,
            images or [None] * len(texts),
            explain_when(explain),
        )
        if self._on_scored is not None:
            self._on_scored(len(texts), time.perf_counter() - started)
        policy = self._sources.policy(channel_id)
        return [
            AnalyzeResult(a, apply_policy(policy, a.acted_on(), (), False).severity)
            for a in analyses
        ]

    def moderate(self, batch: Sequence[IncomingMessage]) -> list[MessageView]:
        """Decides messages synchronously; a message already stored returns its stored decision."""
        try:
            return self._moderate_once(batch)
        except Conflict:
            # Another process stored one of these messages between our lookup and our write:
            # the second pass finds it and returns its decision instead of making a second one.
            return self._moderate_once(batch)

    def _moderate_once(self, batch: Sequence[IncomingMessage]) -> list[MessageView]:
        keys = [(m.channel_id, m.message_id) for m in batch]
        stored = self._repo.find_messages(keys)
        now = self._clock.now()
        fresh: dict[tuple[str, str], StoredMessage] = {}
        rids: dict[str, str] = {}
        for incoming, key in zip(batch, keys, strict=True):
            if key not in stored and key not in fresh:
                fresh[key] = self._new_message(incoming, now)
            if incoming.request_id is not None:
                message = fresh[key] if key in fresh else stored[key].message
                rids.setdefault(message.id, incoming.request_id)
        outcomes = self._decide(list(fresh.values()), now, path="sync", request_ids=rids)
        self._save(outcomes, insert_messages=True)
        decided = {
            (o.message.channel_id, o.message.platform_message_id): MessageView(
                o.message, o.scores, o.decision
            )
            for o in outcomes
        }
        pending = [k for k in keys if k in stored and stored[k].decision is None]
        if pending:
            # Accepted asynchronously earlier and not yet scored: decide now, once.
            decided.update(self._process_stored([stored[k].message for k in pending], "sync", rids))
        return [decided.get(k) or stored[k] for k in keys]

    def accept(
        self, batch: Sequence[IncomingMessage]
    ) -> tuple[list[Accepted], list[StoredMessage]]:
        """Stores messages as pending; returns their ids and the new ones to enqueue."""
        keys = [(m.channel_id, m.message_id) for m in batch]
        first: dict[tuple[str, str], int] = {}
        for i, key in enumerate(keys):
            first.setdefault(key, i)
        now = self._clock.now()
        new = {k: self._new_message(batch[i], now) for k, i in first.items()}
        stored: dict[tuple[str, str], MessageView] = {}
        try:
            # Most submissions are new: one insert, no look-up first.
            self._insert_pending(list(new.values()))
        except Conflict:
            # A resubmission (or a concurrent one): keep what is stored, insert only the rest.
            stored = self._repo.find_messages(keys)
            new = {k: m for k, m in new.items() if k not in stored}
            self._insert_pending(list(new.values()))
        accepted = [
            Accepted(
                id=(stored[k].message.id if k in stored else new[k].id),
                message_id=k[1],
                channel_id=k[0],
                duplicate=k in stored or first[k] != i,
            )
            for i, k in enumerate(keys)
        ]
        return accepted, list(new.values())

    def process(
        self, message_ids: Sequence[str], request_ids: Mapping[str, str] | None = None
    ) -> int:
        """Scores and decides accepted messages (the worker's job); returns how many it decided.

        Idempotent: messages that already have a decision are skipped, so a redelivered
        queue message never makes a second decision or event. ``request_ids`` (message id ->
        the X-Request-ID that accepted it) go into the decisions' events.
        """
        rids = request_ids or {}
        todo = _in_order(self._repo.undecided(message_ids), message_ids)
        try:
            return len(self._process_stored(todo, "async", rids))
        except Conflict:
            # Another worker decided some of them meanwhile: take what is still undecided.
            todo = _in_order(self._repo.undecided(message_ids), message_ids)
            return len(self._process_stored(todo, "async", rids))

    def _process_stored(
        self, messages: Sequence[StoredMessage], path: str, request_ids: Mapping[str, str]
    ) -> dict[tuple[str, str], MessageView]:
        now = self._clock.now()
        outcomes = self._decide(messages, now, path=path, request_ids=request_ids)
        self._save(outcomes, insert_messages=False)
        return {
            (o.message.channel_id, o.message.platform_message_id): MessageView(
                o.message, o.scores, o.decision
            )
            for o in outcomes
        }

    def _insert_pending(self, messages: Sequence[StoredMessage]) -> None:
        if messages:
            with self._repo.transaction() as tx:
                tx.insert_messages(messages)

    def _save(self, outcomes: Sequence[Outcome], *, insert_messages: bool) -> None:
        if outcomes:
            # One transaction: messages, scores, decisions, the strikes and bans they caused,
            # and every event of the batch (with its outbox rows).
            with self._repo.transaction() as tx:
                if insert_messages:
                    tx.insert_messages([o.message for o in outcomes])
                tx.save_outcomes(outcomes)
                tx.record([e for o in outcomes for e in o.events])
        if self._on_decided is not None and outcomes:
            self._on_decided(outcomes)

    def get_message(self, message_id: str) -> MessageView:
        """Returns one message with its status and decision; raises NotFound."""
        view = self._repo.get_views([message_id]).get(message_id)
        if view is None:
            raise NotFound(f"no message with id {message_id!r}", code="message_not_found")
        return view

    def override(
        self,
        message_id: str,
        action: Action,
        *,
        actor: str,
        reason: str,
        source: DecisionSource = DecisionSource.REVIEW,
        request_id: str | None = None,
    ) -> MessageView:
        """Makes a person's decision the message's current one, with its `message.*` event.

        The entry point for decisions made outside a review verdict (an upheld appeal, a
        report acted on). Deciding what is already in force writes nothing. Raises NotFound,
        Conflict (`message_not_decided`, or `changed_concurrently` when another decision
        landed first).
        """
        view = self.get_message(message_id)
        target = view.target
        if target is None:
            raise Conflict("the message has no decision yet", code="message_not_decided")
        if target.current.action is action:
            return view
        decision, event = decide_by_hand(
            target,
            action,
            actor=actor,
            source=source,
            at=self._clock.now(),
            extra={"reason": reason},
            request_id=request_id,
        )
        try:
            with self._repo.transaction() as tx:
                tx.save_human_decision(decision)
                tx.record([event])
        except Conflict as exc:
            raise Conflict(
                "the message's decision changed meanwhile; reload it", code="changed_concurrently"
            ) from exc
        return self.get_message(message_id)

    def violations(
        self, author_id: str, cursor: str | None = None, limit: int = 50
    ) -> list[Violation]:
        """Returns the author's flagged, hidden and blocked messages with their strikes."""
        views = self._repo.violations(author_id, cursor, limit)
        records = self._records.records_for_many([author_id]) if self._records else {}
        strikes = {
            r.message_id: r
            for r in records.get(author_id, ())
            if isinstance(r, StrikeAdded) and r.message_id
        }
        return [Violation(v, strikes.get(v.message.id)) for v in views]

    def list_messages(self, query: MessageQuery) -> list[MessageView]:
        """Lists messages for moderators."""
        return self._repo.list_messages(query)

    def pending(self, limit: int, received_before: datetime | None = None) -> list[StoredMessage]:
        """Returns accepted but undecided messages (received by then), oldest first."""
        return self._repo.pending_messages(limit, received_before)

    def _new_message(self, incoming: IncomingMessage, now: datetime) -> StoredMessage:
        return StoredMessage(
            id=new_id("msg"),
            platform_message_id=incoming.message_id,
            author_id=incoming.author_id,
            channel_id=incoming.channel_id,
            text=incoming.text,
            language=None,
            metadata=dict(incoming.metadata),
            author_created_at=incoming.author_created_at,
            received_at=now,
            image=incoming.image,
        )

    def _decide(
        self,
        batch: Sequence[StoredMessage],
        now: datetime,
        *,
        path: str,
        request_ids: Mapping[str, str],
    ) -> list[Outcome]:
        if not batch:
            return []
        context = self._sources.load(batch, now)
        judgements = decide(
            batch,
            context,
            count_windows=lambda hits: self._sources.count_windows(hits, now),
            analyze=self._analyze,
        )
        return [self._outcome(j, now, path, request_ids.get(j.message.id)) for j in judgements]

    def _analyze(self, texts: Sequence[str], explain: ExplainWhen) -> list[TextAnalysis]:
        started = time.perf_counter()
        analyses = self._scorer.analyze(texts, explain=explain)
        if self._on_scored is not None:
            self._on_scored(len(texts), time.perf_counter() - started)
        return analyses

    def _outcome(
        self, judgement: Judgement, now: datetime, path: str, request_id: str | None
    ) -> Outcome:
        verdict = judgement.verdict
        message = judgement.message
        scores: dict[str, float] | None = None
        if judgement.analysis is not None:
            scores = judgement.analysis.scores
            if message.language is None:
                message = _with_language(message, judgement.analysis.language)
        decision = StoredDecision(
            id=new_id("dec"),
            message_id=message.id,
            action=verdict.action,
            severity=verdict.severity,
            reasons=verdict.reasons,
            policy_version=verdict.policy_version,
            scorer=self._scorer.name + ":" + self._scorer.version if scores else None,
            path=path,
            created_at=now,
        )
        event = decision_event(
            message, decision, scores, judgement.policy.channel_id, request_id=request_id
        )
        events = [event, *(record_event(r, message_id=message.id) for r in judgement.records)]
        return Outcome(message, scores, decision.scorer, decision, tuple(events), judgement.records)


def _in_order(
    messages: dict[str, StoredMessage], message_ids: Sequence[str]
) -> list[StoredMessage]:
    """Returns the messages in the order given, once each (an author's strikes follow it)."""
    seen: set[str] = set()
    out = []
    for mid in message_ids:
        message = messages.get(mid)
        if message is not None and mid not in seen:
            seen.add(mid)
            out.append(message)
    return out


def _with_language(message: StoredMessage, language: str) -> StoredMessage:
    return replace(message, language=language)


def decision_event(
    message: StoredMessage,
    decision: StoredDecision,
    scores: dict[str, float] | None,
    policy_channel_id: str | None = None,
    *,
    request_id: str | None = None,
) -> Event:
    """Builds the event of an automated decision; its id is fixed per message."""
    payload: dict[str, Any] = {
        "message_id": message.id,
        "platform_message_id": message.platform_message_id,
        "author_id": message.author_id,
        "decision": decision.action.value,
        "severity": decision.severity.value,
        "policy_version": decision.policy_version,
        "policy_channel_id": policy_channel_id,
        "reasons": [r.to_dict() for r in decision.reasons],
        "scores": scores,
        "path": decision.path,
        # Human decisions carry review, reversal, undo or appeal here (moderation.decisions).
        "source": "automated",
        # The X-Request-ID of the request that brought the message (null when none did).
        "request_id": request_id,
    }
    return new_event(
        DECISION_EVENT[decision.action],
        id=f"decision:{message.id}",
        subject=("message", message.id),
        actor=f"{SYSTEM_ACTOR}:policy-v{decision.policy_version}",
        channel_id=message.channel_id,
        payload=payload,
        at=decision.created_at,
    )
