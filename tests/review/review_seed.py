"""Seeds decided messages straight into storage (queue membership comes from decisions)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from civility.events.models import DECISION_EVENT
from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.moderation.service import decision_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.scoring.base import CATEGORIES
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.storage.db import Database
from civility.storage.repositories import SqlModerationRepository

_SEQ = itertools.count()
_SCORER = LexiconBaselineScorer()


@dataclass(frozen=True)
class Seed:
    """One message to store with a chosen automated action."""

    author: str
    channel: str
    text: str
    action: Action
    minutes_ago: float = 0.0


def outcome(seed: Seed, now: datetime) -> Outcome:
    """Builds the stored form of a seed, scored by the lexicon baseline."""
    n = next(_SEQ)
    at = now - timedelta(minutes=seed.minutes_ago)
    message = StoredMessage(
        id=f"msg_{n:026d}",
        platform_message_id=f"p{n}",
        author_id=seed.author,
        channel_id=seed.channel,
        text=seed.text,
        language="en",
        metadata={},
        author_created_at=None,
        received_at=at,
    )
    analysis = _SCORER.analyze([seed.text])[0]
    reasons = tuple(
        Reason(
            code=c,
            message=f"{c.replace('_', ' ')} score {analysis.scores[c]:.2f} is above the threshold",
            source=ReasonSource.MODEL,
            action=seed.action,
            category=c,
            score=analysis.scores[c],
            spans=tuple((s.start, s.end) for s in analysis.spans if s.category == c),
        )
        for c in CATEGORIES
        if analysis.scores[c] > 0.4 and seed.action is not Action.ALLOW
    )
    decision = StoredDecision(
        id=f"dec_{n:026d}",
        message_id=message.id,
        action=seed.action,
        severity=Severity.NONE if seed.action is Action.ALLOW else Severity.MEDIUM,
        reasons=reasons,
        policy_version=1,
        scorer="lexicon-baseline:1",
        path="sync",
        created_at=at,
    )
    event = decision_event(message, decision, analysis.scores)
    assert event.type == DECISION_EVENT[seed.action].value
    return Outcome(message, analysis.scores, decision.scorer, decision, (event,))


def seed(db: Database, seeds: list[Seed], now: datetime) -> list[str]:
    """Stores the seeds and returns their message ids, in order."""
    outcomes = [outcome(s, now) for s in seeds]
    with SqlModerationRepository(db).transaction() as tx:
        tx.insert_messages([o.message for o in outcomes])
        tx.save_outcomes(outcomes)
        tx.record([e for o in outcomes for e in o.events])
    return [o.message.id for o in outcomes]


DEMO = [
    Seed("troll42", "general", "you are a stupid idiot", Action.FLAG, 50),
    Seed("troll42", "general", "shut up loser", Action.FLAG, 40),
    Seed("grumpy", "general", "this is trash", Action.FLAG, 30),
    Seed("nice1", "general", "thanks for the help, see you tomorrow", Action.ALLOW, 29),
    Seed("grumpy", "sports", "what a pathetic referee", Action.FLAG, 20),
    Seed("spammer", "sports", "I will kill you, idiot", Action.HIDE, 10),
    Seed("spammer", "sports", "go back to your country vermin", Action.BLOCK, 5),
    Seed("nice2", "sports", "great match yesterday", Action.ALLOW, 4),
]
