"""What a decision says: its action, severity and reasons (the verdict a policy returns)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Action(StrEnum):
    """What happens to a message; ordered from mildest to harshest."""

    ALLOW = "allow"
    FLAG = "flag"
    HIDE = "hide"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        """Returns the harshness rank (allow=0 .. block=3)."""
        return _ACTION_RANK[self]


_ACTION_RANK = {Action.ALLOW: 0, Action.FLAG: 1, Action.HIDE: 2, Action.BLOCK: 3}


class Severity(StrEnum):
    """How bad a violation is."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        """Returns the rank (none=0 .. high=3)."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.NONE: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


class ReasonSource(StrEnum):
    """Which part of the pipeline produced a reason."""

    MODEL = "model"
    BLOCKLIST = "blocklist"
    CHECK = "check"
    BAN = "ban"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision was taken: a machine code, a human message and the spans involved."""

    code: str
    message: str
    source: ReasonSource
    action: Action
    category: str | None = None
    score: float | None = None
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form stored with the decision."""
        return {
            "code": self.code,
            "message": self.message,
            "source": self.source.value,
            "action": self.action.value,
            "category": self.category,
            "score": self.score,
            "spans": [list(s) for s in self.spans],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        """Rebuilds a reason from its JSON form."""
        return cls(
            code=data["code"],
            message=data["message"],
            source=ReasonSource(data["source"]),
            action=Action(data["action"]),
            category=data.get("category"),
            score=data.get("score"),
            spans=tuple((int(a), int(b)) for a, b in data.get("spans", [])),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of the decision step, before it is stored."""

    action: Action
    severity: Severity
    reasons: tuple[Reason, ...]
    policy_version: int
