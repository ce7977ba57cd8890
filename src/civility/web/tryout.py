"""The "test this text" box: the decision a text would get now, without storing anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from civility.blocklists.matcher import BlocklistMatch
from civility.clock import Clock
from civility.moderation.pipeline import decide
from civility.moderation.records import StoredMessage
from civility.moderation.service import DecisionSources
from civility.policy.checks import WindowHit
from civility.policy.verdict import Verdict
from civility.scoring.base import ExplainWhen, Scorer, TextAnalysis


@dataclass(frozen=True, slots=True)
class Trial:
    """Scores, blocklist matches and the resulting verdict of one text."""

    text: str
    channel_id: str | None
    analysis: TextAnalysis
    matches: tuple[BlocklistMatch, ...]
    verdict: Verdict


def try_text(
    text: str, channel_id: str | None, scorer: Scorer, sources: DecisionSources, clock: Clock
) -> Trial:
    """Decides a text as a first message of an author without history would be decided.

    It runs the same pipeline as real messages (blocklist, checks, policy), with two
    differences that keep it free of side effects: no author (so no bans or strikes), and
    flood/rate counters read as if this were the only message in their window.
    """
    # Scored up front so the page shows the scores even when the rules alone decide.
    analysis = scorer.analyze([text])[0]
    now = clock.now()
    message = StoredMessage("try", "try", "", channel_id or "", text, None, {}, None, now)

    def first_in_window(hits: Sequence[WindowHit]) -> list[int]:
        return [1] * len(hits)

    def scored(texts: Sequence[str], explain: ExplainWhen) -> list[TextAnalysis]:
        return [analysis for _ in texts]

    context = sources.load([message], now, with_records=False)
    [judgement] = decide([message], context, count_windows=first_in_window, analyze=scored)
    return Trial(text, channel_id, analysis, judgement.matches, judgement.verdict)
