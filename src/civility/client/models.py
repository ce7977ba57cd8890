"""Typed results of the SDK: plain frozen dataclasses built from the service's JSON.

Parsing is tolerant of a newer server: fields the SDK does not know are ignored (never a
TypeError), so an old SDK keeps working when the service adds to its answers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@cache
def _names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The items of ``data`` that are fields of the dataclass ``cls`` (unknown ones dropped)."""
    names = _names(cls)
    return {k: v for k, v in data.items() if k in names}


@dataclass(frozen=True, slots=True)
class Span:
    """A character range [start, end) that drove a category's score."""

    start: int
    end: int
    category: str
    score: float
    text: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        """Parses one span."""
        return cls(**known(cls, data))


@dataclass(frozen=True, slots=True)
class AnalyzeResult:
    """Scores of one text, its language, severity and spans."""

    # None where the model's score is not measured to be meaningful in this language.
    scores: dict[str, float | None]
    language: str
    severity: str
    spans: list[Span]
    unsupported: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnalyzeResult:
        """Parses one item of `POST /v1/analyze`."""
        return cls(
            scores=dict(data["scores"]),
            language=data["language"],
            severity=data["severity"],
            spans=[Span.from_json(s) for s in data.get("spans", [])],
            unsupported=list(data.get("unsupported", [])),
        )


@dataclass(frozen=True, slots=True)
class SupportCell:
    """The evidence for one (language, category) pair of the support matrix."""

    supported: bool
    auc: float | None
    n: int
    positives: int
    evidence: str
    note: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SupportCell:
        """Parses one cell of the support matrix."""
        return cls(**known(cls, data))


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The scorer in use and its support matrix (`GET /v1/models`)."""

    name: str
    version: str
    categories: list[str]
    floor: float | None
    description: str
    undetermined: list[str]
    languages: dict[str, dict[str, SupportCell]]

    def supported(self, language: str, category: str) -> bool:
        """Whether the model's ``category`` score means something for ``language``."""
        if self.floor is None:
            return True
        if language == "und":
            return category in self.undetermined
        cell = self.languages.get(language, {}).get(category)
        return cell is not None and cell.supported

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelInfo:
        """Parses one item of `GET /v1/models`."""
        return cls(
            name=data["name"],
            version=data["version"],
            categories=list(data["categories"]),
            floor=data.get("floor"),
            description=data.get("description", ""),
            undetermined=list(data.get("undetermined", [])),
            languages={
                lang: {c: SupportCell.from_json(cell) for c, cell in cells.items()}
                for lang, cells in data.get("languages", {}).items()
            },
        )


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision was taken."""

    code: str
    message: str
    source: str
    action: str
    category: str | None = None
    score: float | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reason:
        """Parses one reason of a decision."""
        spans = [(int(s[0]), int(s[1])) for s in data.get("spans", [])]
        return cls(**{**known(cls, data), "spans": spans})


@dataclass(frozen=True, slots=True)
class AutomatedDecision:
    """The automated decision, as it was made (people may have decided since)."""

    decision: str
    severity: str
    policy_version: int
    decided_by: str
    decided_at: datetime

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AutomatedDecision:
        """Parses `automated_decision` of a message."""
        return cls(**{**known(cls, data), "decided_at": datetime.fromisoformat(data["decided_at"])})


@dataclass(frozen=True, slots=True)
class HumanDecision:
    """A person's decision on a message: a review verdict, its reversal or undo, an appeal."""

    id: str
    decision: str
    previous_decision: str
    source: str
    decided_by: str
    decided_at: datetime
    version: int
    reverses: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HumanDecision:
        """Parses one entry of `decision_history`."""
        return cls(**{**known(cls, data), "decided_at": datetime.fromisoformat(data["decided_at"])})


@dataclass(frozen=True, slots=True)
class DecisionChange:
    """What a `message.*` event says the platform should do with a message now."""

    message_id: str
    platform_message_id: str | None
    channel_id: str | None
    decision: str
    source: str
    decided_by: str
    version: int

    @property
    def visible(self) -> bool:
        """Tells whether the message may be shown now (allow or flag)."""
        return self.decision in ("allow", "flag")


@dataclass(frozen=True, slots=True)
class Decision:
    """A stored message with its status and, once decided, its current decision.

    `action`, `decided_by`, `decided_at` and `decision_source` are the decision in force: a
    moderator's where one decided (`decision_source` review, reversal, undo or appeal), else
    the automated one, which `automated` keeps whole.
    """

    id: str
    message_id: str
    channel_id: str
    author_id: str
    status: str
    action: str | None
    severity: str | None
    scores: dict[str, float | None] | None
    language: str | None
    reasons: list[Reason]
    policy_version: int | None
    received_at: datetime
    decided_at: datetime | None
    text: str | None = None
    metadata: dict[str, Any] | None = None
    decided_by: str | None = None
    decision_source: str | None = None
    automated: AutomatedDecision | None = None
    # Every human decision, oldest first; None where the answer leaves it out (lists).
    history: list[HumanDecision] | None = None

    @property
    def decided(self) -> bool:
        """Tells whether the decision exists yet."""
        return self.status == "decided"

    @property
    def visible(self) -> bool:
        """Tells whether the message may be shown (decided as allow or flag)."""
        return self.action in ("allow", "flag")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decision:
        """Parses a message of `/v1/moderate` or `/v1/messages`."""
        return cls(
            id=data["id"],
            message_id=data["message_id"],
            channel_id=data["channel_id"],
            author_id=data["author_id"],
            status=data["status"],
            action=data.get("decision"),
            severity=data.get("severity"),
            scores=data.get("scores"),
            language=data.get("language"),
            reasons=[Reason.from_json(r) for r in data.get("reasons", [])],
            policy_version=data.get("policy_version"),
            received_at=datetime.fromisoformat(data["received_at"]),
            decided_at=_when(data.get("decided_at")),
            text=data.get("text"),
            metadata=data.get("metadata"),
            decided_by=data.get("decided_by"),
            decision_source=data.get("decision_source"),
            automated=(
                AutomatedDecision.from_json(data["automated_decision"])
                if data.get("automated_decision")
                else None
            ),
            history=(
                [HumanDecision.from_json(h) for h in data["decision_history"]]
                if data.get("decision_history") is not None
                else None
            ),
        )


@dataclass(frozen=True, slots=True)
class Accepted:
    """A message accepted for asynchronous scoring."""

    id: str
    message_id: str
    channel_id: str
    status: str
    duplicate: bool

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Accepted:
        """Parses one accepted item of `POST /v1/messages`."""
        return cls(**known(cls, data))


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the audit log."""

    id: str
    type: str
    actor: str
    subject: dict[str, str]
    channel_id: str | None
    payload: dict[str, Any]
    created_at: datetime
    seq: int | None
    schema_version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """Parses one event of `GET /v1/events` (or of a webhook body)."""
        return cls(
            id=data["id"],
            type=data["type"],
            actor=data["actor"],
            subject=dict(data["subject"]),
            channel_id=data.get("channel_id"),
            payload=dict(data.get("payload") or {}),
            created_at=datetime.fromisoformat(data["created_at"]),
            seq=data.get("seq"),
            schema_version=int(data.get("schema_version", 1)),
        )

    def decision_change(self) -> DecisionChange | None:
        """Returns what a `message.*` event decides (automated or human), else None."""
        p = self.payload
        if not self.type.startswith("message.") or "decision" not in p:
            return None
        return DecisionChange(
            message_id=str(p.get("message_id") or self.subject.get("id")),
            platform_message_id=p.get("platform_message_id"),
            channel_id=self.channel_id,
            decision=str(p["decision"]),
            source=str(p.get("source", "automated")),
            decided_by=str(p.get("decided_by", self.actor)),
            version=int(p.get("version", 0)),
        )


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing; pass `next_cursor` as `cursor` for the next one."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class MessageInput:
    """A message to moderate or submit."""

    message_id: str
    author_id: str
    channel_id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    author_created_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """Returns the request form."""
        body: dict[str, Any] = {
            "message_id": self.message_id,
            "author_id": self.author_id,
            "channel_id": self.channel_id,
            "text": self.text,
        }
        if self.metadata:
            body["metadata"] = self.metadata
        if self.author_created_at is not None:
            body["author_created_at"] = self.author_created_at.isoformat()
        return body


@dataclass(frozen=True, slots=True)
class RatingAccepted:
    """A rating accepted for (eventually consistent) aggregation."""

    post_id: str
    user_id: str
    status: str
    retry_after: float | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RatingAccepted:
        """Parses the answer of `POST /v1/ratings`."""
        return cls(**known(cls, data))


@dataclass(frozen=True, slots=True)
class PostRating:
    """A post's rating: raw, trusted and stabilised averages."""

    post_id: str
    count: int
    raw_average: float | None
    trusted_average: float | None
    stable_average: float | None
    suspicious_count: int
    last_rated_at: datetime | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PostRating:
        """Parses `GET /v1/posts/{id}/rating`."""
        return cls(**{**known(cls, data), "last_rated_at": _when(data.get("last_rated_at"))})
