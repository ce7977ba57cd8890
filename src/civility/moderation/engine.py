"""The decision engine behind the service: bans, blocklists and fast checks before the model,
then the channel's policy, then the strikes and bans the verdict earns.

The hybrid design: anything the rules can settle alone (a ban in force, a blocklist entry or a
check asking to hide or block) makes the pre-check final and the scorer is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from civility.enforcement.blocklists import BlocklistCache
from civility.enforcement.engine import InForce, active_ban, apply_verdict, is_violation
from civility.enforcement.records import BanIssued, EnforcementRecord
from civility.moderation.models import IncomingMessage
from civility.moderation.records import StoredMessage
from civility.moderation.service import Judgement, PreCheck
from civility.policy.decide import decide
from civility.policy.model import Policy
from civility.policy.repository import PolicyRepository, resolve_policy
from civility.policy.verdict import Action, Reason, Severity
from civility.rules.blocklist import blocklist_reasons
from civility.rules.checks import (
    WindowHit,
    WindowStore,
    static_reasons,
    window_hits,
    window_reasons,
)
from civility.rules.normalizer import fold, skeleton_key
from civility.scoring.base import TextAnalysis


class RecordSource(Protocol):
    """Reads the enforcement records of many authors at once (one query per batch)."""

    def records_for_many(
        self, user_ids: Sequence[str], *, in_force: InForce | None = None
    ) -> dict[str, list[EnforcementRecord]]:
        """Returns each author's records (only those `in_force` keeps, if given), oldest first."""
        ...


def ban_message(ban: BanIssued) -> str:
    """Explains a ban in a decision reason."""
    scope = "everywhere" if ban.channel_id is None else f"in channel {ban.channel_id}"
    until = "permanently" if ban.until is None else f"until {ban.until.isoformat()}"
    return f"author is banned {scope} {until}"


@dataclass(frozen=True, slots=True)
class _Found:
    """What the rules found on one message before its flood and rate counters are read."""

    policy: Policy
    records: tuple[EnforcementRecord, ...]
    ban: BanIssued | None
    reasons: tuple[Reason, ...] = ()
    hits: list[WindowHit] = field(default_factory=list)


class EnforcementEngine:
    """Bans, blocklist and fast checks first; the channel's policy; then strikes and bans."""

    def __init__(
        self,
        policies: PolicyRepository,
        blocklist: BlocklistCache,
        records: RecordSource,
        windows: WindowStore,
        *,
        regex_budget_s: float = 0.05,
    ) -> None:
        self._policies = policies
        self._blocklist = blocklist
        self._records = records
        self._windows = windows
        self._regex_budget_s = regex_budget_s

    def pre_check(self, messages: Sequence[StoredMessage], now: datetime) -> list[PreCheck]:
        """Runs ban status, blocklist and checks for each message (in order)."""
        authors = sorted({m.author_id for m in messages})
        # One resolution per channel and batch: a batch sees one version of each policy.
        policies = {
            ch: resolve_policy(self._policies, ch) for ch in {m.channel_id for m in messages}
        }
        # Only the bans in force here: strikes matter only to a message that may earn one, and
        # with_strikes reads those for its author alone once the scores are known.
        bans_only = InForce(now=now)
        records = self._records.records_for_many(authors, in_force=bans_only) if authors else {}
        found = [
            self._rules(m, policies[m.channel_id], tuple(records.get(m.author_id, ())), now)
            for m in messages
        ]
        # Every flood/rate counter of the batch in one store call (one Redis round trip).
        counts = iter(self._windows.hit_many([h for f in found for h in f.hits], now))
        out = []
        for f in found:
            if f.ban is not None:
                # Banned: nothing else matters and the model is not run.
                out.append(
                    PreCheck(banned=True, final=True, ban=f.ban, policy=f.policy, records=f.records)
                )
                continue
            window = window_reasons(f.policy.checks, [next(counts) for _ in f.hits])
            reasons = (*f.reasons, *window)
            final = any(r.action.rank >= Action.HIDE.rank for r in reasons)
            out.append(PreCheck(reasons=reasons, final=final, policy=f.policy, records=f.records))
        return out

    def _rules(
        self,
        message: StoredMessage,
        policy: Policy,
        records: tuple[EnforcementRecord, ...],
        now: datetime,
    ) -> _Found:
        """Ban, blocklist and counter-free checks of one message, and the counters to hit."""
        ban = active_ban(records, message.channel_id, now)
        if ban is not None:
            return _Found(policy, records, ban)
        # One normalisation serves the blocklist and the flood check's key.
        folded = fold(message.text)
        skel = skeleton_key(folded)
        result = self._blocklist.current().match(
            message.text,
            channel_id=message.channel_id,
            language=message.language,
            regex_budget_s=self._regex_budget_s,
            folded=folded,
            key=skel,
        )
        incoming = IncomingMessage(
            message_id=message.platform_message_id,
            author_id=message.author_id,
            channel_id=message.channel_id,
            text=message.text,
            author_created_at=message.author_created_at,
        )
        key = skel or message.text.strip().casefold()
        reasons = (
            *blocklist_reasons(result.matches),
            *static_reasons(incoming, policy.checks, now),
        )
        return _Found(policy, records, None, reasons, window_hits(incoming, policy.checks, key))

    def with_strikes(
        self, items: Sequence[tuple[StoredMessage, TextAnalysis | None, PreCheck]], now: datetime
    ) -> list[PreCheck]:
        """Adds the strikes in force of the authors whose message may earn one (one query).

        A message that is a violation in the end is one here too: a ban taken by an earlier
        message of the batch only turns a violation into a (strike-free) ban echo.
        """
        policies: list[Policy] = []
        authors: set[str] = set()
        for message, analysis, pre in items:
            policy = pre.policy or resolve_policy(self._policies, message.channel_id)
            scores = analysis.acted_on() if analysis is not None else None
            verdict = decide(policy, scores, pre.reasons, pre.ban is not None)
            if is_violation(verdict, policy.strikes):
                authors.add(message.author_id)
                policies.append(policy)
        if not authors:
            return [pre for _, _, pre in items]
        # Only what can still count: a long-standing author's whole history is not read.
        expiry = max(p.strikes.expiry for p in (*policies, resolve_policy(self._policies, None)))
        in_force = InForce(now=now, strikes_since=now - expiry)
        records = self._records.records_for_many(sorted(authors), in_force=in_force)
        return [
            replace(pre, records=tuple(records.get(m.author_id, ())))
            if m.author_id in authors
            else pre
            for m, _, pre in items
        ]

    def decide(
        self,
        message: StoredMessage,
        analysis: TextAnalysis | None,
        pre: PreCheck,
        now: datetime,
        earlier: Sequence[EnforcementRecord] = (),
    ) -> Judgement:
        """Applies the policy, then the strike ladder, to one message."""
        policy = pre.policy or resolve_policy(self._policies, message.channel_id)
        history = [*pre.records, *earlier]
        ban = pre.ban
        if ban is None and earlier:
            # An earlier message of this batch may have just got the author banned.
            ban = active_ban(history, message.channel_id, now)
        scores = analysis.acted_on() if analysis is not None else None
        spans = analysis.spans if analysis is not None else ()
        verdict = decide(
            policy,
            scores,
            pre.reasons,
            ban is not None,
            spans=spans,
            ban_message=ban_message(ban) if ban is not None else "author is banned",
        )
        records = apply_verdict(
            history,
            message.author_id,
            message.channel_id,
            verdict,
            now,
            policy.strikes,
            message_id=message.id,
            global_settings=resolve_policy(self._policies, None).strikes,
        )
        return Judgement(verdict, tuple(records))

    def severity(self, channel_id: str | None, scores: dict[str, float]) -> Severity:
        """Rates scores under the channel's policy."""
        policy: Policy = resolve_policy(self._policies, channel_id)
        return decide(policy, scores, (), False).severity
