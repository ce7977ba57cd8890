"""Seeds a queue with what issue 17 is about: a low-scored threat, spam copies, a banned author's
blocks, a blocklist block, more than a page of insults, and a suspicious rating."""

from __future__ import annotations

from datetime import datetime, timedelta

from civility.events.models import EventType, new_event
from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.moderation.service import decision_event
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.scoring.base import CATEGORIES
from civility.storage.db import Database
from civility.storage.repositories import SqlModerationRepository

THREAT_TEXT = "I know where you live, watch out"
SPAM_TEXT = "BUY CHEAP PILLS at pills.example"
HOSTILE_TEXT = '<script>alert("x")</script> you idiot'


def _model(category: str, score: float, action: Action) -> Reason:
    message = f"{category.replace('_', ' ')} score {score:.2f} is above the threshold"
    return Reason(category, message, ReasonSource.MODEL, action, category, score)


def _outcome(
    n: int,
    author: str,
    channel: str,
    text: str,
    action: Action,
    severity: Severity,
    reasons: tuple[Reason, ...],
    at: datetime,
    scores: dict[str, float] | None = None,
) -> Outcome:
    message = StoredMessage(f"msg_q{n:04d}", f"q{n}", author, channel, text, "en", {}, None, at)
    decision = StoredDecision(
        f"dec_q{n:04d}", message.id, action, severity, reasons, 1, "seed", "sync", at
    )
    full = None
    if scores is not None:
        full = dict.fromkeys(CATEGORIES, 0.0)
        full.update(scores)
    return Outcome(message, full, "seed", decision, (decision_event(message, decision, full),))


def seed_queue(db: Database, now: datetime) -> dict[str, str]:
    """Stores the queue and returns the ids of the items the tests look for."""
    out: list[Outcome] = []
    n = 0

    def add(
        author: str,
        channel: str,
        text: str,
        action: Action,
        severity: Severity,
        reasons: tuple[Reason, ...],
        minutes: float,
        scores: dict[str, float] | None,
    ) -> str:
        nonlocal n
        n += 1
        out.append(
            _outcome(
                n,
                author,
                channel,
                text,
                action,
                severity,
                reasons,
                now - timedelta(minutes=minutes),
                scores,
            )
        )
        return f"msg_q{n:04d}"

    ids: dict[str, str] = {}
    # 56 insults scored 0.61-0.89: more than a page (50) of flagged items.
    for i in range(56):
        score = 0.61 + (i % 29) / 100
        add(
            f"user{i % 20}",
            "general",
            f"you are an idiot, number {i}",
            Action.FLAG,
            Severity.MEDIUM,
            (_model("insult", score, Action.FLAG),),
            5 + i,
            {"insult": score},
        )
    ids["threat"] = add(
        "stalker",
        "general",
        THREAT_TEXT,
        Action.FLAG,
        Severity.MEDIUM,
        (_model("threat", 0.46, Action.FLAG),),
        2,
        {"threat": 0.46},
    )
    ids["hostile"] = add(
        "edgy",
        "gaming",
        HOSTILE_TEXT,
        Action.FLAG,
        Severity.MEDIUM,
        (_model("insult", 0.7, Action.FLAG),),
        3,
        {"insult": 0.7},
    )
    for i in range(3):
        add(
            "troll",
            "gaming",
            f"troll number {i}, loser",
            Action.FLAG,
            Severity.MEDIUM,
            (_model("insult", 0.66, Action.FLAG),),
            4 + i,
            {"insult": 0.66},
        )
    for i in range(8):
        add(
            f"bot{i}",
            "general",
            SPAM_TEXT,
            Action.HIDE,
            Severity.MEDIUM,
            (_model("toxicity", 0.62, Action.HIDE),),
            30 + i,
            {"toxicity": 0.62},
        )
    ban = Reason("banned", "author is banned", ReasonSource.BAN, Action.BLOCK)
    for i in range(5):
        add(
            "banned1",
            "general",
            ["thanks for the help", "спасибо за помощь", "ok", "hi all", "see you"][i],
            Action.BLOCK,
            Severity.NONE,
            (ban,),
            60 + i,
            None,
        )
    blocklisted = Reason(
        "blocklist",
        "matches blocklist word 'scam'",
        ReasonSource.BLOCKLIST,
        Action.BLOCK,
        spans=((0, 4),),
    )
    ids["blocklist"] = add(
        "seller",
        "general",
        "scam offer here",
        Action.BLOCK,
        Severity.HIGH,
        (blocklisted,),
        20,
        None,
    )
    rating = new_event(
        EventType.RATING_SUSPICIOUS,
        subject=("rating", "rat_1"),
        actor="system:ratings",
        payload={
            "post_id": "post-42",
            "user_id": "rater-7",
            "score": 1,
            "reasons": ["burst", "new_account"],
            "rated_at": now.isoformat(),
        },
        at=now,
    )
    # As the moderation service stores a decided batch; the rating alert's event commits with it.
    with SqlModerationRepository(db).transaction() as tx:
        tx.insert_messages([o.message for o in out])
        tx.save_outcomes(out)
        tx.record([e for o in out for e in o.events] + [rating])
    return ids
