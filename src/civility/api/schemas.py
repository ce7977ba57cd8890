"""Request and response bodies of the JSON API."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    IPvAnyAddress,
    Tag,
    model_validator,
)

from civility.moderation.decisions import DecisionSource, HumanDecision, automated_actor
from civility.moderation.records import MessageView
from civility.moderation.service import AnalyzeResult
from civility.ocr.models import ImageText
from civility.ocr.service import ImageInput
from civility.policy.verdict import Action, Reason, Severity
from civility.scoring.support import published


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and one such message must not fail a whole group commit.
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\u0000) characters")
    return value


MAX_METADATA_BYTES = 65_536


def _storable_metadata(value: dict[str, Any]) -> dict[str, Any]:
    _no_nul_inside(value)
    try:
        encoded = orjson.dumps(value)
    except orjson.JSONEncodeError as exc:  # e.g. integers beyond 64 bits
        raise ValueError(f"must be storable JSON ({exc})") from exc
    if len(encoded) > MAX_METADATA_BYTES:
        raise ValueError(f"must encode to at most {MAX_METADATA_BYTES} bytes of JSON")
    return value


def _no_nul_inside(value: Any) -> Any:
    if isinstance(value, str):
        _no_nul(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _no_nul(str(k))
            _no_nul_inside(v)
    elif isinstance(value, list):
        for v in value:
            _no_nul_inside(v)
    return value


def _iso_only(value: object) -> object:
    # Pydantic would read `0.5` or `1700000000` as a Unix time; the API documents ISO 8601 only.
    if not isinstance(value, str | datetime) or _NUMBER.fullmatch(str(value)):
        raise ValueError("must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z")
    return value


def _string_only(value: object) -> object:
    # `false` would otherwise become the address 0.0.0.0 (bool is an int).
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
# A date-time parameter or field: ISO 8601 text only.
Instant = Annotated[datetime, BeforeValidator(_iso_only)]
# An IP address given as text.
IpText = Annotated[IPvAnyAddress, BeforeValidator(_string_only)]
Text = Annotated[str, AfterValidator(_no_nul)]
Id = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_no_nul)]


class Strict(BaseModel):
    """Unknown fields are an error, so typos are caught instead of ignored."""

    model_config = ConfigDict(extra="forbid")


class ImageIn(Strict):
    """An image given inline; its text is read (OCR) and moderated with the message's."""

    data: str = Field(min_length=1, description="The image's bytes, standard base64.")
    mime_type: str = Field(
        max_length=100, description="image/png, image/jpeg or image/webp", examples=["image/png"]
    )
    language: str | None = Field(
        None,
        max_length=16,
        description="The language of the image's text (ISO 639-1, e.g. `ru`); default: the "
        "server's CIVILITY_OCR_LANGUAGES.",
    )

    def to_input(self) -> ImageInput:
        """Returns the domain form."""
        return ImageInput(self.data, self.mime_type, self.language)


class WordOut(BaseModel):
    """A word read from the image: its range in the message text and its box in the image."""

    start: int
    end: int
    text: str
    box: tuple[int, int, int, int] = Field(description="left, top, width, height in pixels")
    confidence: float


class ImageOut(BaseModel):
    """The text read from the image: `text` is the range [start, end) of the moderated text."""

    text: str
    start: int
    end: int
    languages: list[str]
    engine: str
    confidence: float | None = Field(description="Mean word confidence, 0-100")
    mime_type: str
    width: int
    height: int
    words: list[WordOut]


def image_out(text: str, image: ImageText | None) -> ImageOut | None:
    """Builds the response form of the text read from a message's image."""
    if image is None:
        return None
    return ImageOut(
        text=text[image.start : image.end],
        start=image.start,
        end=image.end,
        languages=list(image.languages),
        engine=image.engine,
        confidence=image.confidence,
        mime_type=image.mime_type,
        width=image.width,
        height=image.height,
        words=[
            WordOut(
                start=w.start,
                end=w.end,
                text=text[w.start : w.end],
                box=w.box,
                confidence=w.confidence,
            )
            for w in image.words
        ],
    )


class AnalyzeIn(Strict):
    """Either one text or a list of up to 128 texts; or an image, alone or with `text`."""

    text: str | None = None
    texts: list[str] | None = Field(None, min_length=1, max_length=128)
    image: ImageIn | None = None
    channel_id: Id | None = None

    @model_validator(mode="after")
    def _one_of(self) -> AnalyzeIn:
        if self.image is not None:
            if self.texts is not None:
                raise ValueError("`image` goes with `text`, not with `texts`")
            return self
        if (self.text is None) == (self.texts is None):
            raise ValueError("give exactly one of `text` or `texts` (or an `image`)")
        return self

    def all_texts(self) -> list[str]:
        """Returns the texts to score."""
        if self.texts is not None:
            return list(self.texts)
        return [self.text or ""]


class SpanOut(BaseModel):
    """A character range of the text that drove a category's score."""

    start: int
    end: int
    category: str
    score: float
    text: str


class AnalyzeItem(BaseModel):
    """Scores of one text."""

    scores: dict[str, float | None] = Field(
        description="Per category; null where the model's score is not measured to be "
        "meaningful for the text's language (see GET /v1/models)"
    )
    language: str
    severity: Severity
    spans: list[SpanOut]
    unsupported: list[str] = Field(
        default_factory=list, description="Categories scored null for this language"
    )
    image: ImageOut | None = Field(
        None, description="The text read from the image, where one was given"
    )


class AnalyzeOut(BaseModel):
    """One result per text, in request order."""

    results: list[AnalyzeItem]
    model: str


def analyze_item(text: str, result: AnalyzeResult, image: ImageText | None = None) -> AnalyzeItem:
    """Builds the response item of one analyzed text (and of its image's text)."""
    a = result.analysis
    return AnalyzeItem(
        image=image_out(text, image),
        scores=published(a.scores, a.unsupported),
        language=a.language,
        severity=result.severity,
        unsupported=list(a.unsupported),
        spans=[
            SpanOut(
                start=s.start,
                end=s.end,
                category=s.category,
                score=round(s.score, 6),
                text=text[s.start : s.end],
            )
            for s in a.spans
        ],
    )


class MessageIn(Strict):
    """A message as a platform submits it."""

    message_id: Id
    author_id: Id
    channel_id: Id
    text: Text = Field("", description="Required unless an `image` is given.")
    image: ImageIn | None = None
    metadata: Annotated[dict[str, Any], AfterValidator(_storable_metadata)] = Field(
        default_factory=dict
    )
    author_created_at: Instant | None = Field(
        None, description="When the author's account was created (enables new-account checks)."
    )


class MessageBatchIn(Strict):
    """Up to 1,000 messages at once."""

    messages: list[MessageIn] = Field(min_length=1)


def _which(value: Any) -> str:
    return "batch" if isinstance(value, dict) and "messages" in value else "one"


SubmitIn = Annotated[
    Annotated[MessageIn, Tag("one")] | Annotated[MessageBatchIn, Tag("batch")],
    Discriminator(_which),
]


class ReasonOut(BaseModel):
    """Why a decision was taken."""

    code: str
    message: str
    source: str
    action: Action
    category: str | None
    score: float | None
    spans: list[tuple[int, int]]
    image_boxes: list[tuple[int, int, int, int]] = Field(
        default_factory=list,
        description="Boxes (left, top, width, height) of the image's words the spans cover: "
        "non-empty when the reason is about text read from the image",
    )


class AutomatedDecisionOut(BaseModel):
    """The automated decision, kept as it was made whatever people decided since."""

    decision: Action
    severity: Severity
    policy_version: int
    decided_by: str
    decided_at: datetime


class HumanDecisionOut(BaseModel):
    """One person's decision on the message (oldest first in `decision_history`)."""

    decision: Action
    previous_decision: Action
    source: DecisionSource
    decided_by: str
    decided_at: datetime
    version: int
    reverses: str | None
    id: str


class MessageOut(BaseModel):
    """A message with its status and, once decided, its current decision.

    `decision`, `decided_by`, `decided_at` and `decision_source` are the decision in force: a
    moderator's where one decided, else the automated one. `severity`, `reasons` and
    `policy_version` describe the automated decision, also given whole as `automated_decision`.
    """

    id: str
    message_id: str
    channel_id: str
    author_id: str
    status: str
    decision: Action | None
    severity: Severity | None
    scores: dict[str, float | None] | None
    language: str | None
    reasons: list[ReasonOut]
    policy_version: int | None
    received_at: datetime
    decided_at: datetime | None
    decided_by: str | None = None
    decision_source: DecisionSource | None = None
    automated_decision: AutomatedDecisionOut | None = None
    decision_history: list[HumanDecisionOut] | None = None
    text: str | None = None
    metadata: dict[str, Any] | None = None
    image: ImageOut | None = Field(
        None, description="The text read from the message's image (a range of its text)"
    )


def reason_out(r: Reason, image: ImageText | None = None) -> ReasonOut:
    """Builds the response form of a reason (with the image boxes its spans cover)."""
    return ReasonOut(
        image_boxes=image.boxes(r.spans) if image is not None else [],
        code=r.code,
        message=r.message,
        source=r.source.value,
        action=r.action,
        category=r.category,
        score=r.score,
        spans=list(r.spans),
    )


def message_out(
    view: MessageView, *, include_text: bool = False, unsupported: tuple[str, ...] = ()
) -> MessageOut:
    """Builds the response form of a stored message (``unsupported`` scores become null).

    A category the decision acted on is shown even where the language's score is unsupported:
    the policy acts only on supported scores, so it was supported for this message (a threat
    the rule tier found is published in every language).
    """
    m, d, current = view.message, view.decision, view.current
    if d is not None:
        acted = {r.code for r in d.reasons}
        unsupported = tuple(c for c in unsupported if c not in acted)
    automated = None
    if d is not None:
        automated = AutomatedDecisionOut(
            decision=d.action,
            severity=d.severity,
            policy_version=d.policy_version,
            decided_by=automated_actor(d.policy_version),
            decided_at=d.created_at,
        )
    return MessageOut(
        id=m.id,
        message_id=m.platform_message_id,
        channel_id=m.channel_id,
        author_id=m.author_id,
        status=view.status,
        decision=current.action if current else None,
        severity=d.severity if d else None,
        scores=published(view.scores, unsupported) if view.scores else None,
        language=m.language,
        reasons=[reason_out(r, m.image) for r in d.reasons] if d else [],
        policy_version=d.policy_version if d else None,
        received_at=m.received_at,
        decided_at=current.decided_at if current else None,
        decided_by=current.decided_by if current else None,
        decision_source=current.source if current else None,
        automated_decision=automated,
        decision_history=_history(view),
        text=m.text if include_text else None,
        metadata=m.metadata if include_text else None,
        image=image_out(m.text, m.image),
    )


def _history(view: MessageView) -> list[HumanDecisionOut] | None:
    # Lists read only the newest human decision: no history there rather than a partial one.
    if view.decision is None or (view.human is not None and not view.history):
        return None
    return [human_decision_out(h) for h in view.history]


def human_decision_out(h: HumanDecision) -> HumanDecisionOut:
    """Builds the response form of a human decision."""
    return HumanDecisionOut(
        decision=h.action,
        previous_decision=h.previous_action,
        source=h.source,
        decided_by=h.actor,
        decided_at=h.created_at,
        version=h.version,
        reverses=h.reverses,
        id=h.id,
    )


class AcceptedItem(BaseModel):
    """One accepted message."""

    id: str
    message_id: str
    channel_id: str
    status: str
    duplicate: bool


class AcceptedOut(BaseModel):
    """Ids of accepted messages, in request order."""

    items: list[AcceptedItem]


class MessagePage(BaseModel):
    """A page of messages; pass next_cursor as `cursor` for the next one."""

    items: list[MessageOut]
    next_cursor: str | None


class EventOut(BaseModel):
    """One entry of the audit log."""

    schema_version: int
    seq: int | None
    id: str
    type: str
    actor: str
    subject: dict[str, str]
    channel_id: str | None
    payload: dict[str, Any]
    created_at: str


class EventPage(BaseModel):
    """A page of events, newest first."""

    items: list[EventOut]
    next_cursor: str | None


class ErrorBody(BaseModel):
    """The error object."""

    code: str
    message: str


class ErrorOut(BaseModel):
    """Every 4xx and 5xx answer has this shape."""

    error: ErrorBody
