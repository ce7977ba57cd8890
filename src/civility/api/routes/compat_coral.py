"""Coral Talk external moderation phase: Coral posts each new comment, we answer with a decision."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

import anyio
import structlog
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from civility import request_ids
from civility.api.deps import ContainerDep
from civility.api.routes.compat_common import authenticate
from civility.auth.keys import Permission
from civility.compat import coral
from civility.errors import Invalid, Unauthorized
from civility.moderation.models import IncomingMessage
from civility.web.tryout import try_text

log = structlog.get_logger(__name__)
router = APIRouter(prefix="/v1/coral", tags=["compat: coral"])


class _Lenient(BaseModel):
    # Coral adds fields between releases (tenant{} vs tenantID); refusing them would turn every
    # comment into a skipped phase, so unknown fields are ignored here on purpose.
    model_config = ConfigDict(extra="ignore")


class CoralComment(_Lenient):
    """The comment being created or edited."""

    body: str
    parent_id: str | None = Field(None, alias="parentID")
    id: str | None = None


class CoralRef(_Lenient):
    """An id (and maybe a URL, a role or a domain) of a related Coral object."""

    id: str = Field(min_length=1, max_length=180)
    url: str | None = None
    role: str | None = None
    domain: str | None = None


class CoralRequest(_Lenient):
    """Coral's ExternalModerationRequest."""

    action: Literal["NEW", "EDIT"] = "NEW"
    comment: CoralComment
    author: CoralRef
    story: CoralRef
    site: CoralRef | None = None
    tenant_id: str | None = Field(None, alias="tenantID")
    tenant_domain: str | None = Field(None, alias="tenantDomain")
    tenant: CoralRef | None = None


def _secrets(raw: str) -> list[str]:
    return [s.strip() for s in raw.split(",") if s.strip()]


async def _authorize(request: Request, raw: bytes, secrets: list[str]) -> None:
    if secrets:
        # Coral cannot send our API key; its HMAC signature is the credential.
        if not coral.signature_valid(secrets, request.headers.get(coral.SIGNATURE_HEADER), raw):
            raise Unauthorized("missing or invalid X-Coral-Signature", code="bad_signature")
        return
    await authenticate(request, Permission.MODERATE)


def _incoming(payload: dict[str, Any], req: CoralRequest) -> IncomingMessage:
    tenant_id = req.tenant_id or (req.tenant.id if req.tenant else None)
    metadata = {
        "source": "coral",
        "action": req.action,
        "tenant_id": tenant_id,
        "tenant_domain": req.tenant_domain or (req.tenant.domain if req.tenant else None),
        "site_id": req.site.id if req.site else None,
        "story_id": req.story.id,
        "story_url": req.story.url,
        "parent_id": req.comment.parent_id,
        "author_role": req.author.role,
    }
    return IncomingMessage(
        message_id=coral.message_id(payload),
        author_id=req.author.id,
        channel_id=coral.CHANNEL_PREFIX + req.story.id,
        text=req.comment.body,
        metadata={k: v for k, v in metadata.items() if v is not None},
        request_id=request_ids.current(),
    )


@router.post("/moderation-phase", status_code=200, response_model=None)
async def moderation_phase(request: Request, c: ContainerDep) -> Response:
    """Stores and decides the comment; 204 lets it through, 200 flags, withholds or rejects it."""
    raw = await request.body()
    await _authorize(request, raw, _secrets(c.settings.coral_signing_secrets))
    try:
        req = CoralRequest.model_validate_json(raw)
    except ValidationError as exc:
        raise Invalid(f"not a Coral moderation request: {exc.errors()[0]['msg']}") from exc
    body_text = req.comment.body
    if not body_text.strip():
        return Response(status_code=204)  # nothing to moderate (Coral refuses empty comments)
    if len(body_text) > max(c.settings.max_text_length, coral.MAX_COMMENT_CHARS):
        # An error here would make Coral skip the phase and publish the comment unmoderated.
        return JSONResponse(coral.too_long(len(body_text)))
    message = _incoming(req.model_dump(by_alias=True), req)
    try:
        view = await asyncio.wait_for(
            c.group_commit.submit(message), c.settings.coral_timeout_ms / 1000
        )
    except TimeoutError:
        # Coral skips a phase that answers late; answering "no opinion" in time is the same,
        # and the comment is still stored and decided by the running batch.
        log.warning("coral.timeout", message_id=message.message_id)
        return Response(status_code=204)
    verdict = None
    if c.settings.coral_bans == "coral" and coral.only_banned(view):
        # Bans are Coral's: the comment is judged on its content, as "Test this text" does.
        trial = await anyio.to_thread.run_sync(
            try_text, body_text, message.channel_id, c.scorer, c.decisions, c.clock
        )
        verdict = trial.verdict
    role = (req.author.role or "").upper()
    trusted = role in coral.trusted_roles(c.settings.coral_trusted_roles)
    body = coral.response(view, trusted=trusted, verdict=verdict)
    return Response(status_code=204) if body is None else JSONResponse(body)
