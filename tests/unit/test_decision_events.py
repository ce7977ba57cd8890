"""Every action a decision can take has its event type."""

from __future__ import annotations

from civility.events.models import DECISION_EVENT, EventType
from civility.policy.verdict import Action


def test_every_action_has_a_decision_event() -> None:
    assert {a: DECISION_EVENT[a] for a in Action} == {
        Action.ALLOW: EventType.MESSAGE_ALLOWED,
        Action.FLAG: EventType.MESSAGE_FLAGGED,
        Action.HIDE: EventType.MESSAGE_HIDDEN,
        Action.BLOCK: EventType.MESSAGE_BLOCKED,
    }
