"""The "test this text" box: the decision a text would get now, without storing anything."""

from __future__ import annotations

from dataclasses import dataclass

from civility.enforcement.blocklists import BlocklistService
from civility.enforcement.policies import PolicyService
from civility.policy.decide import decide
from civility.policy.verdict import Verdict
from civility.rules.blocklist import BlocklistMatch, blocklist_reasons
from civility.scoring.base import Scorer, TextAnalysis


@dataclass(frozen=True, slots=True)
class Trial:
    """Scores, blocklist matches and the resulting verdict of one text."""

    text: str
    channel_id: str | None
    analysis: TextAnalysis
    matches: tuple[BlocklistMatch, ...]
    verdict: Verdict


def try_text(
    text: str,
    channel_id: str | None,
    scorer: Scorer,
    policies: PolicyService,
    blocklists: BlocklistService,
) -> Trial:
    """Scores a text and applies the channel's blocklist and policy (no checks, no bans)."""
    analysis = scorer.analyze([text])[0]
    matched = blocklists.test(text, channel_id, analysis.language).matches
    policy, _ = policies.current(channel_id)
    verdict = decide(
        policy, analysis.scores, blocklist_reasons(matched), False, spans=analysis.spans
    )
    return Trial(text, channel_id, analysis, tuple(matched), verdict)
