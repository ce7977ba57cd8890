"""Appeals and the rules of deciding them (pure).

    open ──uphold──▶ upheld   (the decision is reversed, the ban lifted)
      └───deny────▶ denied

An appeal must be decided by someone other than who made the decision appealed against (an
admin, or the configured senior role, may decide any): actors are compared as people, so an
API key created for a dashboard user is that user. One appeal per decision, and per ban.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from civility.errors import Conflict, Forbidden, Invalid

MAX_STATEMENT = 5000


class AppealKind(StrEnum):
    """What is appealed: a message's decision, or a ban."""

    DECISION = "decision"
    BAN = "ban"


class AppealStatus(StrEnum):
    """Where an appeal stands."""

    OPEN = "open"
    UPHELD = "upheld"
    DENIED = "denied"


class AppealOutcome(StrEnum):
    """A moderator's answer to an appeal."""

    UPHOLD = "uphold"
    DENY = "deny"


@dataclass(frozen=True, slots=True)
class Appeal:
    """One appeal; `subject_key` makes a second appeal of the same decision or ban collide."""

    id: str
    kind: AppealKind
    subject_key: str
    author_id: str
    channel_id: str | None
    message_id: str | None
    statement: str
    # The action appealed against (hide, block, flag, or ban) and who took it.
    original_action: str
    original_actor: str
    created_at: datetime
    status: AppealStatus = AppealStatus.OPEN
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    version: int = 1

    @property
    def is_open(self) -> bool:
        """Tells whether the appeal still waits for a decision."""
        return self.status is AppealStatus.OPEN


@dataclass(frozen=True, slots=True)
class AppealQuery:
    """Filters of the appeals list, newest first; `before` is the id of the last one seen."""

    status: AppealStatus | None = AppealStatus.OPEN
    author_id: str | None = None
    kind: AppealKind | None = None
    before: str | None = None
    limit: int = 50


def decision_key(message_id: str) -> str:
    """Returns the subject key of an appeal against a message's decision."""
    return f"decision:{message_id}"


def ban_key(author_id: str, channel_id: str | None, issued_at: datetime) -> str:
    """Returns the subject key of an appeal against one ban (a later ban can be appealed)."""
    return f"ban:{author_id}:{channel_id or '*'}:{issued_at.isoformat()}"


def check_statement(text: str) -> str:
    """Returns the author's statement stripped; raises Invalid when empty or too long."""
    stripped = text.strip()
    if not stripped:
        raise Invalid("an appeal needs the author's statement", code="empty_statement")
    if len(stripped) > MAX_STATEMENT:
        raise Invalid(
            f"a statement is at most {MAX_STATEMENT} characters", code="statement_too_long"
        )
    return stripped


def decide(
    appeal: Appeal,
    actor: str,
    outcome: AppealOutcome,
    now: datetime,
    *,
    senior: bool,
    note: str | None = None,
    person: Callable[[str], str] = str,
) -> Appeal:
    """Returns the appeal after `actor` decides it; the original decider may not (unless senior).

    `person` says who an actor is (a key created for a user is that user); by default an actor
    is only itself.
    """
    if not appeal.is_open:
        raise Conflict(f"the appeal is already {appeal.status.value}", code="appeal_decided")
    if not senior and is_own(appeal, actor, person):
        raise Forbidden(
            "you made the decision this appeal is about; another moderator or an admin decides it",
            code="own_decision",
        )
    status = AppealStatus.UPHELD if outcome is AppealOutcome.UPHOLD else AppealStatus.DENIED
    return replace(
        appeal,
        status=status,
        decided_by=actor,
        decided_at=now,
        decision_note=(note or "").strip() or None,
        version=appeal.version + 1,
    )


def is_own(appeal: Appeal, actor: str, person: Callable[[str], str] = str) -> bool:
    """Tells whether `actor` is the person who made the decision or ban appealed against."""
    return actor == appeal.original_actor or person(actor) == person(appeal.original_actor)
