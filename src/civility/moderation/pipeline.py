"""The decision pipeline: a batch of messages and its context in, one judgement per message out.

Every place that says what a message would get (POST /v1/moderate, the queue worker, the
dashboard's "Test this text") calls `decide`, so they cannot disagree. Its phases:

1. screen  bans in force, blocklist and the counter-free checks (new-account links, CAPS,
           repetition), and the flood/rate counters each message would hit;
2. count   every counter of the batch in one call (`count_windows`, the caller's store);
3. settle  flood/rate reasons; a message the rules alone decide (a ban, or a reason asking to
           hide or block) skips the model;
4. score   one scorer call (`analyze`) for the rest;
5. judge   the channel's policy, once per message, then the strike ladder, in batch order so a
           second message of an author sees the strikes and bans of the first.

`decide` reads nothing but its arguments: the context (policies, the authors' bans and strikes
in force, the compiled blocklist) is loaded once per batch by the service
(`moderation/context.py`), and the two calls it makes out are handed to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from civility.blocklists.matcher import (
    Blocklist,
    BlocklistMatch,
    blocklist_reasons,
    unevaluated_reasons,
)
from civility.enforcement.engine import active_ban, apply_verdict
from civility.enforcement.records import BanIssued, EnforcementRecord
from civility.moderation.parts import analyze_in_parts
from civility.moderation.records import StoredMessage
from civility.policy.checks import WindowHit, static_reasons, window_hits, window_reasons
from civility.policy.decide import decide as apply_policy
from civility.policy.model import Policy
from civility.policy.verdict import Action, Reason, Verdict
from civility.scoring.base import ExplainWhen, TextAnalysis
from civility.text.normalizer import fold, skeleton_key

DEFAULT_EXPLAIN_FLOOR = 0.3

CountWindows = Callable[[Sequence[WindowHit]], list[int]]
"""Records the counter hits, in order, and returns each count (one store call)."""

Analyze = Callable[[Sequence[str], ExplainWhen], list[TextAnalysis]]
"""Scores texts (one scorer call); the second argument says which texts to explain."""


@dataclass(frozen=True, slots=True)
class DecisionContext:
    """Everything `decide` reads about the world, loaded once per batch.

    `records` holds each author's bans and the strikes still in force (oldest first);
    `policies` the policy in force for each channel of the batch.
    """

    now: datetime
    global_policy: Policy
    policies: Mapping[str, Policy] = field(default_factory=dict)
    records: Mapping[str, tuple[EnforcementRecord, ...]] = field(default_factory=dict)
    blocklist: Blocklist = field(default_factory=lambda: Blocklist(()))

    def policy(self, channel_id: str | None) -> Policy:
        """Returns the channel's policy in force (the global one when it has none)."""
        if channel_id is None:
            return self.global_policy
        return self.policies.get(channel_id, self.global_policy)


@dataclass(frozen=True, slots=True)
class Screening:
    """What the rules found on one message before the model (phases 1 and 3)."""

    policy: Policy
    history: tuple[EnforcementRecord, ...]
    ban: BanIssued | None = None
    reasons: tuple[Reason, ...] = ()
    matches: tuple[BlocklistMatch, ...] = ()
    hits: tuple[WindowHit, ...] = ()
    final: bool = False


@dataclass(frozen=True, slots=True)
class Judgement:
    """One message's verdict, the strikes/warnings/bans it causes (oldest first), and why."""

    message: StoredMessage
    verdict: Verdict
    records: tuple[EnforcementRecord, ...]
    analysis: TextAnalysis | None
    policy: Policy
    matches: tuple[BlocklistMatch, ...] = ()


def decide(
    batch: Sequence[StoredMessage],
    context: DecisionContext,
    *,
    count_windows: CountWindows,
    analyze: Analyze,
) -> list[Judgement]:
    """Decides a batch, in order: one counter call, one scorer call, policy once per message."""
    if not batch:
        return []
    screened = [screen(m, context) for m in batch]
    counts = count_windows([h for s in screened for h in s.hits])
    screened = settle(screened, counts)
    to_score = [i for i, s in enumerate(screened) if not s.final]
    analyses: dict[int, TextAnalysis] = {}
    if to_score:
        texts = [batch[i].text for i in to_score]
        explain = _explain_when([screened[i].policy for i in to_score])
        images = [batch[i].image for i in to_score]
        scored = analyze_in_parts(analyze, texts, images, explain)
        analyses = dict(zip(to_score, scored, strict=True))
    return judge(batch, context, screened, [analyses.get(i) for i in range(len(batch))])


def screen(message: StoredMessage, context: DecisionContext) -> Screening:
    """Phase 1: ban, blocklist and counter-free checks of one message, and its counters."""
    policy = context.policy(message.channel_id)
    history = context.records.get(message.author_id, ())
    ban = active_ban(history, message.channel_id, context.now)
    if ban is not None:
        # Banned: nothing else matters, no counter is hit and the model is not run.
        return Screening(policy, history, ban, final=True)
    # One normalisation serves the blocklist and the flood check's key.
    folded = fold(message.text)
    skel = skeleton_key(folded)
    result = context.blocklist.match(
        message.text,
        channel_id=message.channel_id,
        language=message.language,
        folded=folded,
        key=skel,
    )
    key = skel or message.text.strip().casefold()
    reasons = (
        *blocklist_reasons(result.matches),
        *unevaluated_reasons(result.unevaluated),
        *static_reasons(message, policy.checks, context.now),
    )
    hits = tuple(window_hits(message, policy.checks, key))
    return Screening(policy, history, None, reasons, result.matches, hits)


def settle(screened: Sequence[Screening], counts: Sequence[int]) -> list[Screening]:
    """Phase 3: adds flood/rate reasons from the counts (in hit order); marks what is final."""
    remaining = iter(counts)
    out = []
    for s in screened:
        if s.ban is not None:
            out.append(s)
            continue
        window = window_reasons(s.policy.checks, [next(remaining) for _ in s.hits])
        reasons = (*s.reasons, *window)
        final = any(r.action.rank >= Action.HIDE.rank for r in reasons)
        out.append(replace(s, reasons=reasons, final=final))
    return out


def judge(
    batch: Sequence[StoredMessage],
    context: DecisionContext,
    screened: Sequence[Screening],
    analyses: Sequence[TextAnalysis | None],
) -> list[Judgement]:
    """Phase 5: the policy once per message, then the strike ladder, in batch order."""
    added: dict[str, list[EnforcementRecord]] = {}
    out = []
    for message, s, analysis in zip(batch, screened, analyses, strict=True):
        earlier = added.setdefault(message.author_id, [])
        history = [*s.history, *earlier]
        ban = s.ban
        if ban is None and earlier:
            # An earlier message of this batch may have just got the author banned.
            ban = active_ban(history, message.channel_id, context.now)
        verdict = apply_policy(
            s.policy,
            analysis.acted_on() if analysis is not None else None,
            s.reasons,
            ban is not None,
            spans=analysis.spans if analysis is not None else (),
            ban_message=ban_message(ban) if ban is not None else "author is banned",
        )
        records = apply_verdict(
            history,
            message.author_id,
            message.channel_id,
            verdict,
            context.now,
            s.policy.strikes,
            message_id=message.id,
            global_settings=context.global_policy.strikes,
        )
        earlier.extend(records)
        out.append(Judgement(message, verdict, tuple(records), analysis, s.policy, s.matches))
    return out


def ban_message(ban: BanIssued) -> str:
    """Explains a ban in a decision reason."""
    scope = "everywhere" if ban.channel_id is None else f"in channel {ban.channel_id}"
    until = "permanently" if ban.until is None else f"until {ban.until.isoformat()}"
    return f"author is banned {scope} {until}"


def _explain_when(policies: Sequence[Policy]) -> ExplainWhen:
    """Explains the texts (by index into ``policies``) that can cross a flag threshold."""
    return lambda i, scores: may_flag(scores, policies[i])


def may_flag(scores: Mapping[str, float], policy: Policy | None) -> bool:
    """Tells whether scores can cross one of the policy's flag thresholds (worth explaining)."""
    # Explaining costs several times more than scoring and most messages are clean, so only
    # texts with a score above their policy's lowest flag threshold get spans.
    if policy is None:
        return max(scores.values(), default=0.0) > DEFAULT_EXPLAIN_FLOOR
    return any(scores.get(c, 0.0) > rule.flag for c, rule in policy.categories.items())
