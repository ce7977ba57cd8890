"""Perspective API drop-in: `POST /v1alpha1/comments:analyze` and its discovery document."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Depends, Request
from pydantic import Field

from civility.api.deps import ContainerDep
from civility.api.routes.compat_common import authenticate, error_route
from civility.api.schemas import Strict
from civility.auth.keys import Permission, Principal
from civility.compat import perspective
from civility.compat.discovery import API_VERSION, discovery_document
from civility.container import Container
from civility.errors import DomainError, Invalid, NotFound, Unauthorized
from civility.scoring.base import Span, TextAnalysis

GRPC_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    503: "UNAVAILABLE",
}


def render_error(status: int, code: str, message: str) -> dict[str, Any]:
    """Google's error body: `{"error": {"code": 400, "message": ..., "status": ...}}`."""
    error: dict[str, Any] = {
        "code": status,
        "message": message,
        "status": GRPC_STATUS.get(status, "UNKNOWN"),
    }
    if code in perspective.ERROR_TYPES:
        # Perspective says which kind of error it was in the details, as clients test for it.
        error["details"] = [
            {
                "@type": "type.googleapis.com/google.commentanalyzer.v1alpha1.Error",
                "errorType": code,
            }
        ]
    elif code == perspective.API_KEY_INVALID:
        error["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": code,
                "domain": "googleapis.com",
                "metadata": {"service": "commentanalyzer.googleapis.com"},
            }
        ]
    return {"error": error}


router = APIRouter(tags=["compat: perspective"], route_class=error_route(render_error))


def auth_error(exc: DomainError) -> DomainError:
    """A key that is not valid is Google's 400 API_KEY_INVALID; other errors stay as they are."""
    if isinstance(exc, Unauthorized) and exc.code == "invalid_api_key":
        return Invalid(
            "API key not valid. Please pass a valid API key.", code=perspective.API_KEY_INVALID
        )
    return exc


async def _caller(request: Request) -> Principal:
    """The key's principal; a key that is not valid is Google's 400 API_KEY_INVALID."""
    try:
        return await authenticate(request, Permission.ANALYZE)
    except Unauthorized as exc:
        translated = auth_error(exc)
        if translated is exc:
            raise
        raise translated from exc


Caller = Annotated[Principal, Depends(_caller)]


class TextEntry(Strict):
    """The comment to analyze."""

    text: str
    type: Literal["PLAIN_TEXT"] | None = None


class AttributeParameters(Strict):
    """Options of one requested attribute."""

    score_type: str | None = Field(None, alias="scoreType")
    score_threshold: float | None = Field(None, alias="scoreThreshold", ge=0, le=1)


class AnalyzeCommentRequest(Strict):
    """Perspective's AnalyzeCommentRequest (context, sessionId and communityId are ignored)."""

    comment: TextEntry
    requested_attributes: dict[str, AttributeParameters | None] = Field(alias="requestedAttributes")
    languages: list[str] = Field(default_factory=list, max_length=20)
    span_annotations: bool = Field(False, alias="spanAnnotations")
    do_not_store: bool = Field(False, alias="doNotStore")
    client_token: str | None = Field(None, alias="clientToken", max_length=1000)
    context: dict[str, Any] | None = None
    session_id: str | None = Field(None, alias="sessionId")
    community_id: str | None = Field(None, alias="communityId")
    drop_unsupported_attributes: bool = Field(False, alias="dropUnsupportedAttributes")


@router.post("/v1alpha1/comments:analyze")
async def analyze_comment(
    body: AnalyzeCommentRequest, _: Caller, c: ContainerDep
) -> dict[str, Any]:
    """Scores one comment like Perspective does; never stores it (doNotStore is always true)."""
    drop = body.drop_unsupported_attributes
    attributes = perspective.parse_attributes(
        {
            k: v.model_dump(by_alias=True) if v else None
            for k, v in body.requested_attributes.items()
        },
        drop=drop,
    )
    languages = perspective.check_languages(body.languages, attributes, drop=drop)
    text = perspective.check_comment(body.comment.text)
    spans = body.span_annotations
    analysis, probability = await anyio.to_thread.run_sync(_analyze, c, text, attributes, spans)
    attributes = perspective.supported(
        analysis, attributes, languages, c.unsupported_for, drop=drop
    )
    return perspective.response(
        text,
        analysis,
        attributes,
        languages=languages,
        spans=spans,
        client_token=body.client_token,
        span_probability=probability,
    )


def _analyze(
    c: Container, text: str, attributes: list[perspective.Requested], spans: bool
) -> tuple[TextAnalysis, perspective.SpanProbability | None]:
    """Scores the comment and, for span annotations, the text of each span on its own."""
    [result] = c.moderation.analyze([text], explain=spans)
    if not spans:
        return result.analysis, None
    found = perspective.spans_to_score(result.analysis, attributes)
    pieces = sorted({text[s.start : s.end] for s in found if text[s.start : s.end].strip()})
    scored = c.moderation.analyze(pieces, explain=False) if pieces else []
    by_text = {piece: r.analysis.scores for piece, r in zip(pieces, scored, strict=True)}

    def probability(span: Span) -> float:
        return by_text.get(text[span.start : span.end], {}).get(span.category, 0.0)

    return result.analysis, probability


def _root_url(request: Request, public_url: str) -> str:
    return public_url or str(request.base_url)


@router.get("/$discovery/rest", include_in_schema=False)
async def discovery(
    request: Request, c: ContainerDep, version: str = API_VERSION
) -> dict[str, Any]:
    """Serves the discovery document `googleapiclient.discovery.build` reads."""
    if version != API_VERSION:
        raise NotFound(f"no discovery document for version {version!r}", code="not_found")
    return discovery_document(_root_url(request, c.settings.public_url))


@router.get("/discovery/v1/apis/commentanalyzer/{version}/rest", include_in_schema=False)
async def discovery_v1(request: Request, c: ContainerDep, version: str) -> dict[str, Any]:
    """The same document under the older discovery URL pattern."""
    return await discovery(request, c, version)
