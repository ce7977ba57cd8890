"""The moderation service: the one place the HTTP API, the worker and the CLI go through."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from civility.clock import Clock
from civility.enforcement.events import record_event
from civility.enforcement.records import BanIssued, EnforcementRecord
from civility.errors import Conflict, NotFound
from civility.events.models import DECISION_EVENT, Event
from civility.ids import new_id
from civility.moderation.models import IncomingMessage
from civility.moderation.records import (
    MessageQuery,
    MessageView,
    ModerationRepository,
    Outcome,
    StoredDecision,
    StoredMessage,
)
from civility.policy.model import Policy
from civility.policy.verdict import Reason, Severity, Verdict
from civility.scoring.base import ExplainWhen, Scorer, TextAnalysis

SYSTEM_ACTOR = "system"


@dataclass(frozen=True, slots=True)
class PreCheck:
    """What the rules said before the model: reasons, a ban, and whether the model is needed.

    `final` means the rules alone decide (a ban, or a blocklist/check asking to hide or block),
    so the scorer is skipped. `policy` is the policy resolved for the message, and `records`
    the author's bans in force, plus the strikes in force once `with_strikes` has found that
    the message may earn one (for the ladder the verdict may climb).
    """

    reasons: tuple[Reason, ...] = ()
    banned: bool = False
    final: bool = False
    ban: BanIssued | None = None
    policy: Policy | None = None
    records: tuple[EnforcementRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict and the strikes, warnings and bans it causes, oldest first."""

    verdict: Verdict
    records: tuple[EnforcementRecord, ...] = ()


class DecisionEngine(Protocol):
    """Turns rules and scores into a verdict (policies, blocklists, checks, bans)."""

    def pre_check(self, messages: Sequence[StoredMessage], now: datetime) -> list[PreCheck]:
        """Runs everything that can decide without the model, one result per message."""
        ...

    def with_strikes(
        self, items: Sequence[tuple[StoredMessage, TextAnalysis | None, PreCheck]], now: datetime
    ) -> list[PreCheck]:
        """Returns the pre-checks with the author's strikes added where a strike may follow."""
        ...

    def decide(
        self,
        message: StoredMessage,
        analysis: TextAnalysis | None,
        pre: PreCheck,
        now: datetime,
        earlier: Sequence[EnforcementRecord] = (),
    ) -> Judgement:
        """Combines the pre-check and the scores into a verdict and its consequences.

        `earlier` are records this batch already added for the same author (not yet stored).
        """
        ...

    def severity(self, channel_id: str | None, scores: dict[str, float]) -> Severity:
        """Rates scores alone (used by analyze, which has no side effects)."""
        ...


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


@dataclass(slots=True)
class _Work:
    message: StoredMessage
    pre: PreCheck = field(default_factory=PreCheck)
    analysis: TextAnalysis | None = None


class ModerationService:
    """Analyzes, moderates, accepts and lists messages; every write is one transaction."""

    def __init__(
        self,
        repo: ModerationRepository,
        scorer: Scorer,
        engine: DecisionEngine,
        clock: Clock,
        *,
        on_decided: Callable[[Sequence[Outcome]], None] | None = None,
        on_scored: Callable[[int, float], None] | None = None,
    ) -> None:
        self._repo = repo
        self._on_decided = on_decided
        self._on_scored = on_scored
        self._scorer = scorer
        self._engine = engine
        self._clock = clock

    @property
    def scorer(self) -> Scorer:
        """Returns the scorer in use."""
        return self._scorer

    def analyze(self, texts: Sequence[str], channel_id: str | None = None) -> list[AnalyzeResult]:
        """Scores texts without storing anything."""
        started = time.perf_counter()
        analyses = self._scorer.analyze(texts)
        if self._on_scored is not None:
            self._on_scored(len(texts), time.perf_counter() - started)
        return [AnalyzeResult(a, self._engine.severity(channel_id, a.acted_on())) for a in analyses]

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
        fresh: dict[tuple[str, str], _Work] = {}
        for incoming, key in zip(batch, keys, strict=True):
            if key not in stored and key not in fresh:
                fresh[key] = _Work(self._new_message(incoming, now))
        outcomes = self._decide(list(fresh.values()), now, path="sync")
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
            decided.update(self._process_stored([stored[k].message for k in pending], "sync"))
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
            self._repo.insert_pending(list(new.values()))
        except Conflict:
            # A resubmission (or a concurrent one): keep what is stored, insert only the rest.
            stored = self._repo.find_messages(keys)
            new = {k: m for k, m in new.items() if k not in stored}
            self._repo.insert_pending(list(new.values()))
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

    def process(self, message_ids: Sequence[str]) -> int:
        """Scores and decides accepted messages (the worker's job); returns how many it decided.

        Idempotent: messages that already have a decision are skipped, so a redelivered
        queue message never makes a second decision or event.
        """
        todo = _in_order(self._repo.undecided(message_ids), message_ids)
        try:
            return len(self._process_stored(todo, "async"))
        except Conflict:
            # Another worker decided some of them meanwhile: take what is still undecided.
            todo = _in_order(self._repo.undecided(message_ids), message_ids)
            return len(self._process_stored(todo, "async"))

    def _process_stored(
        self, messages: Sequence[StoredMessage], path: str
    ) -> dict[tuple[str, str], MessageView]:
        now = self._clock.now()
        outcomes = self._decide([_Work(m) for m in messages], now, path=path)
        self._save(outcomes, insert_messages=False)
        return {
            (o.message.channel_id, o.message.platform_message_id): MessageView(
                o.message, o.scores, o.decision
            )
            for o in outcomes
        }

    def _save(self, outcomes: Sequence[Outcome], *, insert_messages: bool) -> None:
        self._repo.save_outcomes(outcomes, insert_messages=insert_messages)
        if self._on_decided is not None and outcomes:
            self._on_decided(outcomes)

    def get_message(self, message_id: str) -> MessageView:
        """Returns one message with its status and decision; raises NotFound."""
        view = self._repo.get_views([message_id]).get(message_id)
        if view is None:
            raise NotFound(f"no message with id {message_id!r}", code="message_not_found")
        return view

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
        )

    def _decide(self, work: list[_Work], now: datetime, *, path: str) -> list[Outcome]:
        if not work:
            return []
        pres = self._engine.pre_check([w.message for w in work], now)
        for item, pre in zip(work, pres, strict=True):
            item.pre = pre
        to_score = [w for w in work if not w.pre.final]
        if to_score:
            texts = [w.message.text for w in to_score]
            started = time.perf_counter()
            analyses = self._scorer.analyze(texts, explain=_explain_when(to_score))
            if self._on_scored is not None:
                self._on_scored(len(texts), time.perf_counter() - started)
            for item, analysis in zip(to_score, analyses, strict=True):
                item.analysis = analysis
        pres = self._engine.with_strikes([(w.message, w.analysis, w.pre) for w in work], now)
        for item, pre in zip(work, pres, strict=True):
            item.pre = pre
        # In batch order, so a second message of an author sees the strikes of the first.
        added: dict[str, list[EnforcementRecord]] = {}
        outcomes = []
        for item in work:
            earlier = added.setdefault(item.message.author_id, [])
            judgement = self._engine.decide(item.message, item.analysis, item.pre, now, earlier)
            earlier.extend(judgement.records)
            outcomes.append(self._outcome(item, judgement, now, path))
        return outcomes

    def _outcome(self, work: _Work, judgement: Judgement, now: datetime, path: str) -> Outcome:
        verdict = judgement.verdict
        message = work.message
        scores: dict[str, float] | None = None
        if work.analysis is not None:
            scores = work.analysis.scores
            if message.language is None:
                message = _with_language(message, work.analysis.language)
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
        policy = work.pre.policy
        event = decision_event(message, decision, scores, policy.channel_id if policy else None)
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


DEFAULT_EXPLAIN_FLOOR = 0.3


def _explain_when(scored: Sequence[_Work]) -> ExplainWhen:
    """Explains the texts (by index into ``scored``) that can cross a flag threshold."""
    # Explaining costs several times more than scoring and most messages are clean, so only
    # texts with a score above their policy's lowest flag threshold get spans.
    policies = [w.pre.policy for w in scored]
    return lambda i, scores: _may_flag(scores, policies[i])


def _may_flag(scores: Mapping[str, float], policy: Policy | None) -> bool:
    if policy is None:
        return max(scores.values(), default=0.0) > DEFAULT_EXPLAIN_FLOOR
    return any(scores.get(c, 0.0) > rule.flag for c, rule in policy.categories.items())


def _with_language(message: StoredMessage, language: str) -> StoredMessage:
    return StoredMessage(
        id=message.id,
        platform_message_id=message.platform_message_id,
        author_id=message.author_id,
        channel_id=message.channel_id,
        text=message.text,
        language=language,
        metadata=message.metadata,
        author_created_at=message.author_created_at,
        received_at=message.received_at,
    )


def decision_event(
    message: StoredMessage,
    decision: StoredDecision,
    scores: dict[str, float] | None,
    policy_channel_id: str | None = None,
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
    }
    return Event(
        id=f"decision:{message.id}",
        type=DECISION_EVENT[decision.action].value,
        actor=f"{SYSTEM_ACTOR}:policy-v{decision.policy_version}",
        subject_type="message",
        subject_id=message.id,
        channel_id=message.channel_id,
        payload=payload,
        created_at=decision.created_at,
    )
