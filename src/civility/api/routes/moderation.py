"""Analyze, moderate, submit and list messages."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request

from civility import request_ids
from civility.api.deps import (
    ChannelAnalyzer,
    ChannelModerator,
    ChannelSubmitter,
    ContainerDep,
    Reader,
    check_channels,
)
from civility.api.schemas import (
    AcceptedItem,
    AcceptedOut,
    AnalyzeIn,
    AnalyzeOut,
    ErrorOut,
    ImageIn,
    Instant,
    MessageBatchIn,
    MessageIn,
    MessageOut,
    MessagePage,
    SubmitIn,
    analyze_item,
    message_out,
)
from civility.container import Container
from civility.errors import Invalid, NotFound
from civility.moderation.models import IncomingMessage
from civility.moderation.records import MessageQuery
from civility.moderation.validation import check_text
from civility.ocr.models import ImageText
from civility.policy.verdict import Action
from civility.scoring.base import CATEGORIES

router = APIRouter(prefix="/v1", tags=["moderation"])

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 422, 503)
}


def _incoming(
    body: MessageIn, max_length: int, field: str = "text", image: ImageText | None = None
) -> IncomingMessage:
    # With an image the text (caption + what was read) may be empty: nothing to object to.
    text = body.text if image is not None else check_text(body.text, max_length, field=field)
    return IncomingMessage(
        message_id=body.message_id,
        author_id=body.author_id,
        channel_id=body.channel_id,
        text=text,
        metadata=body.metadata,
        author_created_at=body.author_created_at,
        request_id=request_ids.current(),
        image=image,
    )


async def _read_image(
    c: Container, caption: str, image: ImageIn, max_length: int, field: str
) -> tuple[str, ImageText]:
    """Reads the image's text in a worker thread (OCR blocks); returns caption + image text."""
    c.images.require()  # before decoding anything: a clear 4xx where OCR is not installed
    if caption.strip():
        check_text(caption, max_length, field=field)
    text, record = await anyio.to_thread.run_sync(c.images.read, caption, image.to_input())
    # The text read is cut, not refused, at the limit: the client cannot shorten an image.
    if len(text) > max_length:
        text = text[:max_length]
        record = replace(
            record,
            end=min(record.end, max_length),
            words=tuple(w for w in record.words if w.end <= max_length),
        )
    return text, record


@router.post("/analyze", response_model=AnalyzeOut, responses=ERRORS)
async def analyze(body: AnalyzeIn, who: ChannelAnalyzer, c: ContainerDep) -> AnalyzeOut:
    """Scores one or more texts; stores nothing."""
    if body.channel_id is not None:
        check_channels(who, [body.channel_id])
    texts = body.all_texts()
    limit = c.settings.max_text_length
    images: list[ImageText | None] = [None] * len(texts)
    if body.image is not None:
        texts[0], images[0] = await _read_image(c, texts[0], body.image, limit, "text")
    else:
        for i, text in enumerate(texts):
            check_text(text, limit, field="text" if body.text is not None else f"texts[{i}]")
    results = await anyio.to_thread.run_sync(
        partial(c.moderation.analyze, texts, body.channel_id, images=images)
    )
    return AnalyzeOut(
        results=[
            analyze_item(t, r, image) for t, r, image in zip(texts, results, images, strict=True)
        ],
        model=f"{c.scorer.name}:{c.scorer.version}",
    )


@router.post("/moderate", response_model=MessageOut, responses=ERRORS)
async def moderate(
    body: MessageIn, who: ChannelModerator, request: Request, c: ContainerDep
) -> MessageOut:
    """Decides one message now; re-sending the same (channel_id, message_id) returns the same."""
    check_channels(who, [body.channel_id])
    limit = c.settings.max_text_length
    if body.image is None:
        message = _incoming(body, limit)
    else:
        text, image = await _read_image(c, body.text, body.image, limit, "text")
        message = _incoming(body.model_copy(update={"text": text}), limit, image=image)
    view = await c.group_commit.submit(message)
    return message_out(view, unsupported=c.unsupported_for(view.message.language))


@router.post("/messages", status_code=202, response_model=AcceptedOut, responses=ERRORS)
async def submit(body: SubmitIn, who: ChannelSubmitter, c: ContainerDep) -> AcceptedOut:
    """Accepts messages for asynchronous scoring; poll GET /v1/messages/{id} for the decision."""
    items = body.messages if isinstance(body, MessageBatchIn) else [body]
    check_channels(who, (m.channel_id for m in items))
    if len(items) > c.settings.max_batch_submit:
        raise Invalid(
            f"at most {c.settings.max_batch_submit} messages per request, got {len(items)}",
            code="batch_too_large",
        )
    limit = c.settings.max_text_length
    with_images = sum(m.image is not None for m in items)
    if with_images > c.settings.max_images_per_submit:
        raise Invalid(
            f"at most {c.settings.max_images_per_submit} messages with an image per request, "
            f"got {with_images}",
            code="too_many_images",
        )
    incoming = []
    for i, m in enumerate(items):
        field = f"messages[{i}].text"
        if m.image is None:
            incoming.append(_incoming(m, limit, field))
        else:
            text, image = await _read_image(c, m.text, m.image, limit, field)
            incoming.append(_incoming(m.model_copy(update={"text": text}), limit, image=image))
    accepted, new = await anyio.to_thread.run_sync(c.moderation.accept, incoming)
    await c.queue.publish([request_ids.queue_body(m.id) for m in new])
    return AcceptedOut(
        items=[
            AcceptedItem(
                id=a.id,
                message_id=a.message_id,
                channel_id=a.channel_id,
                status="accepted",
                duplicate=a.duplicate,
            )
            for a in accepted
        ]
    )


@router.get("/messages/{id}", response_model=MessageOut, responses=ERRORS)
async def get_message(id: str, who: ChannelAnalyzer, c: ContainerDep) -> MessageOut:
    """Returns a message's status (pending / decided) and its decision."""
    view = await anyio.to_thread.run_sync(c.moderation.get_message, id)
    if not who.may_use_channel(view.message.channel_id):
        # As for another tenant's message: its existence is not the key's business.
        raise NotFound(f"no message with id {id!r}", code="message_not_found")
    return message_out(view, unsupported=c.unsupported_for(view.message.language))


@router.get("/messages", response_model=MessagePage, responses=ERRORS)
async def list_messages(
    _: Reader,
    c: ContainerDep,
    channel_id: str | None = None,
    author_id: str | None = None,
    decision: Action | None = None,
    status: Annotated[str | None, Query(pattern="^(pending|decided)$")] = None,
    min_toxicity: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_severe_toxicity: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_obscene: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_threat: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_insult: Annotated[float | None, Query(ge=0, le=1)] = None,
    min_identity_attack: Annotated[float | None, Query(ge=0, le=1)] = None,
    since: Instant | None = None,
    until: Instant | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> MessagePage:
    """Lists messages with scores and decisions, newest first."""
    given = {
        "toxicity": min_toxicity,
        "severe_toxicity": min_severe_toxicity,
        "obscene": min_obscene,
        "threat": min_threat,
        "insult": min_insult,
        "identity_attack": min_identity_attack,
    }
    query = MessageQuery(
        channel_id=channel_id,
        author_id=author_id,
        action=decision,
        status=status,
        min_scores={k: v for k, v in given.items() if v is not None and k in CATEGORIES},
        received_from=since,
        received_to=until,
        before_id=cursor,
        limit=limit,
    )
    views = await anyio.to_thread.run_sync(c.moderation.list_messages, query)
    next_cursor = views[-1].message.id if len(views) == limit else None
    return MessagePage(
        items=[
            message_out(v, include_text=True, unsupported=c.unsupported_for(v.message.language))
            for v in views
        ],
        next_cursor=next_cursor,
    )
