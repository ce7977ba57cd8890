"""Human decisions: a person's decision on a message, on top of the automated one.

The automated decision is stored once and never changes. Moderators (a review verdict, its
reversal or undo, an upheld appeal) append human decisions; the newest one is the message's
*current* decision, the one platforms must show. Each is a `message.*` event, written in the
same transaction as whatever caused it, exactly like an automated decision.

    automated: hide ──► v1 allow (review: approve) ──► v2 hide (undo of v1) ──► v3 block …

`version` counts a message's human decisions (1, 2, …) and is unique per message, so two
people deciding on the same current decision cannot both win: the second write conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.policy.verdict import Action

AUTOMATED_ACTOR = "system"


class DecisionSource(StrEnum):
    """Who or what made a message's current decision."""

    AUTOMATED = "automated"
    REVIEW = "review"
    REVERSAL = "reversal"
    UNDO = "undo"
    APPEAL = "appeal"


# A human decision says what to do now: show it again, hide it, remove it, or keep it visible
# but flagged (a reversal back to an automated flag).
HUMAN_DECISION_EVENT: dict[Action, EventType] = {
    Action.ALLOW: EventType.MESSAGE_RESTORED,
    Action.FLAG: EventType.MESSAGE_FLAGGED,
    Action.HIDE: EventType.MESSAGE_HIDDEN,
    Action.BLOCK: EventType.MESSAGE_REMOVED,
}


@dataclass(frozen=True, slots=True)
class HumanDecision:
    """A person's decision on a message; appended, never edited; the newest one is current."""

    id: str
    message_id: str
    version: int
    action: Action
    previous_action: Action
    actor: str
    source: DecisionSource
    created_at: datetime
    # The human decision this one takes back (reversals and undos).
    reverses: str | None = None


@dataclass(frozen=True, slots=True)
class CurrentDecision:
    """The decision in force: who made it and when; `version` 0 is the automated one."""

    action: Action
    decided_by: str
    decided_at: datetime
    source: DecisionSource
    version: int = 0
    decision_id: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionTarget:
    """What a human decision needs to know about its message."""

    message_id: str
    platform_message_id: str
    author_id: str
    channel_id: str
    automated: Action
    current: CurrentDecision


def automated_actor(policy_version: int) -> str:
    """Returns the actor of an automated decision, as its event names it."""
    return f"{AUTOMATED_ACTOR}:policy-v{policy_version}"


def current_decision(
    automated: Action,
    policy_version: int,
    decided_at: datetime,
    latest: HumanDecision | None,
) -> CurrentDecision:
    """Returns the decision in force: the newest human one, else the automated one."""
    if latest is None:
        return CurrentDecision(
            automated, automated_actor(policy_version), decided_at, DecisionSource.AUTOMATED
        )
    return CurrentDecision(
        latest.action,
        latest.actor,
        latest.created_at,
        latest.source,
        latest.version,
        latest.id,
    )


def decide_by_hand(
    target: DecisionTarget,
    action: Action,
    *,
    actor: str,
    source: DecisionSource,
    at: datetime,
    reverses: str | None = None,
    extra: dict[str, Any] | None = None,
    request_id: str | None = None,
) -> tuple[HumanDecision, Event]:
    """Returns a human decision on top of the current one, and its `message.*` event.

    ``request_id`` is the X-Request-ID of the request that made it (the event's
    `payload.request_id`, as for automated decisions).

    Store both in the caller's transaction (storage.decisions.insert_human_decisions and
    insert_events): the decision is the platform's news only if the cause commits too.
    """
    if source is DecisionSource.AUTOMATED:
        raise ValueError("a human decision needs a human source")
    version = target.current.version + 1
    decision = HumanDecision(
        id=new_id("hdc"),
        message_id=target.message_id,
        version=version,
        action=action,
        previous_action=target.current.action,
        actor=actor,
        source=source,
        created_at=at,
        reverses=reverses,
    )
    payload: dict[str, Any] = {
        "message_id": target.message_id,
        "platform_message_id": target.platform_message_id,
        "author_id": target.author_id,
        "decision": action.value,
        "previous_decision": target.current.action.value,
        "automated_decision": target.automated.value,
        "source": source.value,
        "decided_by": actor,
        "decision_id": decision.id,
        "version": version,
        "reverses": reverses,
        "request_id": request_id,
        **(extra or {}),
    }
    event = new_event(
        HUMAN_DECISION_EVENT[action],
        # Deterministic: a second decision on the same current one collides here as well.
        id=f"decision:{target.message_id}:{version}",
        subject=("message", target.message_id),
        actor=actor,
        channel_id=target.channel_id,
        payload=payload,
        at=at,
    )
    return decision, event
