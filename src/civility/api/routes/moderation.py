"""Analyze, moderate, submit and list messages."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import partial
from typing import Annotated, Any

import anyio
import orjson
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.routing import APIRoute
from starlette.datastructures import URLPath
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import Receive, Scope, Send

from civility import request_ids
from civility.api.deps import (
    ChannelAnalyzer,
    ChannelModerator,
    ChannelSubmitter,
    ContainerDep,
    Reader,
    check_channels,
)
from civility.api.edge import PRINCIPAL_STATE, replay_body
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
from civility.auth.keys import Permission, Principal
from civility.container import Container
from civility.errors import Invalid, NotFound
from civility.moderation.models import IncomingMessage
from civility.moderation.records import MessageQuery
from civility.moderation.validation import check_text
from civility.ocr.models import ImageText
from civility.policy.verdict import Action
from civility.scoring.base import CATEGORIES
from civility.tenancy.models import DEFAULT_TENANT

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
    return await _decide(c, message)


async def _decide(c: Container, message: IncomingMessage) -> MessageOut:
    """Decides one message in the next group commit; its answer (ModerateRoute's too)."""
    view = await c.group_commit.submit(message)
    return message_out(view, unsupported=c.unsupported_for(view.message.language))


# Set on a request ModerateRoute passed on, so that routing skips it the second time.
_DECLINED = "civility.moderate_declined"


class ModerateRoute(BaseRoute):
    """POST /v1/moderate's common case without FastAPI's per-request machinery.

    The documented route (`moderate` above) spends 11-16% of the server's CPU per request in
    FastAPI itself: route matching, dependency solving, content-type parsing through the email
    package, json.loads, the response's validation step (`bench/moderate_cpu.py --spy`).
    This route sits first in the app's routes and answers what that route would, with its
    checks, its model, its group commit and its serialiser, and so the same bytes. A request
    it is not sure of, it passes on before anything is stored, and the documented route
    answers it in full (errors included): no principal from the edge or not a moderator,
    another tenant's container not built yet, a body that is not `application/json` or does
    not validate, an image, a channel the key may not use, a text check that fails. Errors of
    the group commit itself go to the app's handlers as the documented route's do.
    tests/api/test_moderate_route.py compares the two routes' answers.
    """

    def __init__(self, route: APIRoute) -> None:
        self.route = route
        self.path = route.path
        self._field = route.response_field
        self._child: Scope = {"endpoint": route.endpoint, "path_params": {}, "route": route}

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Takes POST /v1/moderate (not behind a root path), unless it passed it on already."""
        if (
            scope["type"] == "http"
            and scope["path"] == self.path
            and scope["method"] == "POST"
            and not scope.get("root_path")
            and _DECLINED not in scope
        ):
            return Match.FULL, self._child
        return Match.NONE, {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        """Names nothing: url_for finds the documented route after this one."""
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answers the request, or passes it to the documented route."""
        body = await _read_body(receive)
        c, message = _common_case(scope, body)
        if c is None or message is None:
            scope[_DECLINED] = True
            await scope["router"].app(scope, replay_body(body, receive), send)
            return
        out = await _decide(c, message)
        field = self._field
        assert field is not None
        route = self.route
        content = field.serialize_json(
            out,
            include=route.response_model_include,
            exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias,
            exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none,
        )
        await Response(content, media_type="application/json")(scope, receive, send)


def _common_case(scope: Scope, body: bytes) -> tuple[Container | None, IncomingMessage | None]:
    """The container and message of a request ModerateRoute can answer, else (None, None)."""
    principal: Principal | None = scope.get("state", {}).get(PRINCIPAL_STATE)
    if principal is None or not principal.can(Permission.MODERATE):
        return None, None
    root: Container = scope["app"].state.container
    c = root if principal.tenant == DEFAULT_TENANT else root.tenants.get_built(principal.tenant)
    if c is None or not body or _content_type(scope) != b"application/json":
        return None, None
    try:
        # Nothing is stored before this point: whatever fails is the documented route's.
        parsed = MessageIn.model_validate(_json(body))
        if parsed.image is not None or not principal.may_use_channel(parsed.channel_id):
            return None, None
        return c, _incoming(parsed, c.settings.max_text_length)
    except Exception:
        return None, None


# orjson reads integers past 64 bits as floats, the standard library (FastAPI's parser) as
# ints. Such a number has 19 digits or more after a `:`, `[` or `,`; a body with such a run
# is read as FastAPI does (a string like "a,1234567890123456789" costs only the slower parse;
# ids of 19 digits, such as a snowflake's, are strings after `"` and keep the fast one).
_LONG_NUMBER = re.compile(rb"(?:^|[:\[,])\s*-?\d{19}")


def _json(body: bytes) -> Any:
    """The body as FastAPI's `request.json()` reads it (json.loads), mostly with orjson."""
    return json.loads(body) if _LONG_NUMBER.search(body) else orjson.loads(body)


def _content_type(scope: Scope) -> bytes | None:
    for name, value in scope["headers"]:
        if name == b"content-type":
            return bytes(value).strip().lower()
    return None


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def install_moderate_route(app: FastAPI) -> None:
    """Puts ModerateRoute in front of the app's routes (once this router is included)."""
    documented = next(
        r
        for r in router.routes
        if isinstance(r, APIRoute) and r.path == "/v1/moderate" and "POST" in (r.methods or ())
    )
    app.router.routes.insert(0, ModerateRoute(documented))


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
