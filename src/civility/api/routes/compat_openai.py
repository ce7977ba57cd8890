"""OpenAI moderation drop-in: `POST /v1/moderations`."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends
from pydantic import Field

from civility.api.deps import ContainerDep
from civility.api.routes.compat_common import error_route, key_auth
from civility.api.schemas import Strict
from civility.auth.keys import Permission, Principal
from civility.compat import openai
from civility.errors import Invalid
from civility.ids import new_id
from civility.moderation.validation import check_text

MAX_INPUTS = 128
_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
    503: "server_error",
}


def render_error(status: int, code: str, message: str) -> dict[str, Any]:
    """OpenAI's error body: `{"error": {"message", "type", "param", "code"}}`."""
    kind = _TYPES.get(status, "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


router = APIRouter(prefix="/v1", tags=["compat: openai"], route_class=error_route(render_error))
Caller = Annotated[Principal, Depends(key_auth(Permission.ANALYZE))]


class ModerationIn(Strict):
    """A string, a list of strings, or a list of multi-modal parts (text parts only)."""

    input: str | list[str | dict[str, Any]] = Field(min_length=1)
    model: str | None = Field(None, max_length=200)


def texts_of(value: str | list[str | dict[str, Any]]) -> list[str]:
    """Returns one text per result: each string, or all text parts of a multi-modal list joined."""
    if isinstance(value, str):
        return [value]
    if all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    parts = []
    for item in value:
        if not isinstance(item, dict) or item.get("type") != "text":
            kind = item.get("type") if isinstance(item, dict) else type(item).__name__
            raise Invalid(f"input parts of type {kind!r} are not supported", code="invalid_value")
        if not isinstance(item.get("text"), str):
            raise Invalid("a text part needs a string `text`", code="invalid_value")
        parts.append(item["text"])
    return ["\n".join(parts)]


@router.post("/moderations")
async def create_moderation(body: ModerationIn, _: Caller, c: ContainerDep) -> dict[str, Any]:
    """Classifies texts with OpenAI's categories, computed from Civility's scores."""
    texts = texts_of(body.input)
    if len(texts) > MAX_INPUTS:
        raise Invalid(f"at most {MAX_INPUTS} inputs per request", code="too_many_inputs")
    limit = c.settings.max_text_length
    texts = [check_text(t, limit, field=f"input[{i}]") for i, t in enumerate(texts)]
    results = await anyio.to_thread.run_sync(c.moderation.analyze, texts)
    thresholds: dict[str, float] | None = getattr(c.scorer, "thresholds", None)
    return {
        "id": new_id("modr"),
        "model": f"{c.scorer.name}:{c.scorer.version}",
        # OpenAI's schema has no null: a category the model cannot score in the text's language
        # counts as 0 (never flagged); GET /v1/models says which those are.
        "results": [
            openai.result(
                {
                    c: 0.0 if c in r.analysis.unsupported else v
                    for c, v in r.analysis.scores.items()
                },
                thresholds,
            )
            for r in results
        ],
    }
