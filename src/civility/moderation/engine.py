"""The decision engine behind the service: policies now; blocklists, checks and bans plug in."""

from __future__ import annotations

from datetime import datetime

from civility.moderation.models import Severity, Verdict
from civility.moderation.records import StoredMessage
from civility.moderation.service import PreCheck
from civility.policy.decide import decide
from civility.policy.model import Policy
from civility.policy.repository import PolicyRepository, resolve_policy
from civility.scoring.base import TextAnalysis


class PolicyEngine:
    """Decides from each channel's policy (falling back to the global default)."""

    def __init__(self, policies: PolicyRepository) -> None:
        self._policies = policies

    def pre_check(self, message: StoredMessage, now: datetime) -> PreCheck:
        """Nothing decides before the model yet."""
        return PreCheck()

    def decide(
        self, message: StoredMessage, analysis: TextAnalysis | None, pre: PreCheck
    ) -> Verdict:
        """Applies the channel's policy to the scores and the pre-check reasons."""
        policy = resolve_policy(self._policies, message.channel_id)
        scores = analysis.scores if analysis is not None else None
        spans = analysis.spans if analysis is not None else ()
        return decide(policy, scores, pre.reasons, pre.banned, spans=spans)

    def severity(self, channel_id: str | None, scores: dict[str, float]) -> Severity:
        """Rates scores under the channel's policy."""
        policy: Policy = resolve_policy(self._policies, channel_id)
        return decide(policy, scores, (), False).severity
