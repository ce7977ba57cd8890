"""Perspective API drop-in: `POST /v1alpha1/comments:analyze` and its discovery document."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

import anyio
import httpx
import orjson
from fastapi import APIRouter, Depends, Request, Response
from pydantic import Field

from civility import request_ids
from civility.api.deps import ContainerDep
from civility.api.routes.compat_common import authenticate, error_route
from civility.api.schemas import Strict
from civility.auth.keys import Permission, Principal
from civility.compat import google_batch, perspective
from civility.compat.discovery import API_VERSION, discovery_document
from civility.container import Container
from civility.errors import DomainError, Invalid, NotFound, Unauthorized
from civility.scoring.base import Span, TextAnalysis
from civility.suggestions.service import Suggested

GRPC_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    503: "UNAVAILABLE",
}


def render_error(
    status: int, code: str, message: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Google's error body: `{"error": {"code": 400, "message": ..., "status": ...}}`.

    A 400 says which of Perspective's errors it is in `details[0].errorType` (clients skip
    unsupported languages by it); ``extra`` adds what that error carries besides.
    """
    error: dict[str, Any] = {
        "code": status,
        "message": message,
        "status": GRPC_STATUS.get(status, "UNKNOWN"),
    }
    if code == perspective.API_KEY_INVALID:
        error["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": code,
                "domain": "googleapis.com",
                "metadata": {"service": "commentanalyzer.googleapis.com"},
            }
        ]
    elif code in perspective.ERROR_TYPES or status == 400:
        error_type = code if code in perspective.ERROR_TYPES else perspective.INVALID_REQUEST
        error["details"] = [
            {
                "@type": "type.googleapis.com/google.commentanalyzer.v1alpha1.Error",
                "errorType": error_type,
                **(extra or {}),
            }
        ]
    return {"error": error}


def _describe(exc: DomainError) -> dict[str, Any]:
    """The details a language error carries (attribute, requested or detected languages)."""
    if isinstance(exc, perspective.LanguageNotSupported):
        error: dict[str, Any] = render_error(400, exc.code, exc.message, exc.details())["error"]
        return error
    return {}


router = APIRouter(tags=["compat: perspective"], route_class=error_route(render_error, _describe))


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


# An ISO or BCP-47 code; 35 characters hold any tag in practical use (RFC 5646, 4.4.1).
LanguageCode = Annotated[str, Field(max_length=35)]


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
    languages: list[LanguageCode] = Field(default_factory=list, max_length=20)
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
        }
    )
    text = perspective.check_comment(body.comment.text)
    languages = perspective.request_languages(body.languages)
    if languages:
        # Named languages are judged before any scoring, as Perspective refuses them up front.
        attributes = perspective.supported(attributes, languages, c.unsupported_for, drop=drop)
    spans = body.span_annotations
    analysis, probability = await anyio.to_thread.run_sync(_analyze, c, text, attributes, spans)
    if not languages:
        detected = perspective.detected_language(text, analysis.language)
        if detected is None and not drop:
            raise perspective.detection_failed()
        attributes = (
            perspective.supported(
                attributes, [detected], c.unsupported_for, drop=drop, requested=False
            )
            if detected is not None
            else []
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


class Score(Strict):
    """A score value and its type."""

    value: float = Field(ge=0, le=1)
    type: str | None = None


class SuggestedScores(Strict):
    """One attribute's suggested score (Perspective's AttributeScores; spans are accepted)."""

    summary_score: Score = Field(alias="summaryScore")
    span_scores: list[dict[str, Any]] | None = Field(None, alias="spanScores", max_length=100)


class SuggestCommentScoreRequest(Strict):
    """Perspective's SuggestCommentScoreRequest."""

    comment: TextEntry
    attribute_scores: dict[str, SuggestedScores] = Field(alias="attributeScores", max_length=20)
    languages: list[LanguageCode] = Field(default_factory=list, max_length=20)
    context: dict[str, Any] | None = None
    client_token: str | None = Field(None, alias="clientToken", max_length=1000)
    session_id: str | None = Field(None, alias="sessionId", max_length=200)
    community_id: str | None = Field(None, alias="communityId", max_length=200)


@router.post("/v1alpha1/comments:suggestscore")
async def suggest_score(
    body: SuggestCommentScoreRequest, caller: Caller, c: ContainerDep
) -> dict[str, Any]:
    """Stores a suggested score per attribute as moderator feedback (labelled data)."""
    if not body.attribute_scores:
        raise Invalid(
            "Missing attribute_scores: attributeScores names no attribute.",
            code=perspective.NO_REQUESTED_ATTRIBUTES,
        )
    text = perspective.check_comment(body.comment.text)
    requested = perspective.parse_attributes({name: {} for name in body.attribute_scores})
    scores = [
        Suggested(r.name, r.category, body.attribute_scores[r.name].summary_score.value)
        for r in requested
    ]
    languages = perspective.request_languages(body.languages)
    await anyio.to_thread.run_sync(
        partial(
            c.suggestions.record,
            text,
            scores,
            submitted_by=caller.id,
            languages=languages,
            community_id=body.community_id,
            session_id=body.session_id,
            client_token=body.client_token,
        )
    )
    # Perspective's SuggestCommentScoreResponse.
    out: dict[str, Any] = {"requestedLanguages": languages}
    if body.client_token is not None:
        out["clientToken"] = body.client_token
    return out


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


# The calls a batch may hold: Perspective's two methods (a batch within a batch would recurse).
BATCHABLE = frozenset({"/v1alpha1/comments:analyze", "/v1alpha1/comments:suggestscore"})
# Headers of a part's answer that a batch passes on; the rest belong to the outer answer.
_ANSWER_HEADERS = ("content-type", "retry-after", "www-authenticate", "x-request-id")
# A part's headers that describe its own transfer, not the call: the sub-request sets its own.
_NOT_PASSED = frozenset(
    {"host", "content-length", "mime-version", "connection", "keep-alive", "transfer-encoding",
     "te", "trailer", "upgrade"}
)  # fmt: skip
# Headers of the outer request that every part inherits unless it has its own (Google's rule).
_INHERITED = ("authorization", "x-goog-api-key")


@router.post("/batch", include_in_schema=False)
async def batch(request: Request) -> Response:
    """Google's batch endpoint (the discovery document's batchPath): many calls in one POST.

    Each part is answered by this same app, exactly as if it had come alone (the edge's key
    check and rate limit, the route, Google's error format), so a failing part fails only
    itself and a batch cannot skip what a single call must pass.
    """
    parts = google_batch.parse(request.headers.get("content-type", ""), await request.body())
    outer = {k: request.headers[k] for k in _INHERITED if k in request.headers}
    rid = request_ids.current()
    transport = httpx.ASGITransport(app=request.app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=str(request.base_url)) as client:
        answers = [
            await _answer(client, part, outer, f"{rid}.{n}" if rid else None)
            for n, part in enumerate(parts, start=1)
        ]
    content_type, body = google_batch.render(answers)
    return Response(body, headers={"Content-Type": content_type})


async def _answer(
    client: httpx.AsyncClient, part: google_batch.Part, outer: dict[str, str], rid: str | None
) -> google_batch.Answer:
    """Runs one part through the app and returns its answer."""
    if part.path not in BATCHABLE or part.method != "POST":
        status = 404 if part.path not in BATCHABLE else 405
        error = render_error(
            status, "not_batchable", f"{part.method} {part.path} cannot be part of a batch"
        )
        return _json_answer(part.content_id, status, error)
    headers = {k: v for k, v in part.headers if k.lower() not in _NOT_PASSED}
    lower = {k.lower() for k in headers}
    headers.update({k: v for k, v in outer.items() if k not in lower})
    if rid is not None and "x-request-id" not in lower:
        headers["X-Request-ID"] = rid
    url = part.path + (f"?{part.query}" if part.query else "")
    reply = await client.post(url, content=part.body, headers=headers)
    kept = [(k, v) for k, v in reply.headers.items() if k.lower() in _ANSWER_HEADERS]
    kept += [(k, v) for k, v in reply.headers.items() if k.lower().startswith("ratelimit")]
    return google_batch.Answer(part.content_id, reply.status_code, kept, reply.content)


def _json_answer(content_id: str, status: int, body: dict[str, Any]) -> google_batch.Answer:
    headers = [("Content-Type", "application/json; charset=UTF-8")]
    return google_batch.Answer(content_id, status, headers, orjson.dumps(body))


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
