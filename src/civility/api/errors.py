"""The one place where errors become HTTP answers: {"error": {"code", "message"}}."""

from __future__ import annotations

import re
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from civility.errors import DomainError, RateLimited, Unauthorized, Unavailable, http_status

log = structlog.get_logger(__name__)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
}


def error_response(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    """Builds the standard error answer."""
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=status, headers=headers or None
    )


def _describe(errors: list[dict[str, Any]]) -> tuple[str, str]:
    first = errors[0]
    if first.get("type") == "json_invalid":
        return "invalid_json", "the request body is not valid JSON"
    parts = []
    for err in errors[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "one", "batch"))
        parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
    return "invalid_request", "; ".join(parts) + more


def allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Returns the methods of the request's resource.

    The resource is the documented path template that routing would pick: literal segments
    win over parameters (`/v1/blocklist/export` is not `/v1/blocklist/{entry_id}`).
    """
    path = request.url.path
    best: tuple[int, set[str]] = (-1, set())
    for template, operations in app.openapi().get("paths", {}).items():
        pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            literal = sum(not part.startswith("{") for part in template.split("/"))
            documented = {m.upper() for m in operations}
            if literal > best[0]:
                best = (literal, documented)
            elif literal == best[0]:
                best[1].update(documented)
    if best[0] >= 0:
        return sorted(best[1])
    # Pages outside the document (the dashboard): every method a route answers there.
    methods: list[str] = []
    for method in ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT"):
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in app.router.routes):
            methods.append(method)
    return methods


def install(app: FastAPI) -> None:
    """Registers the exception handlers."""

    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        status = http_status(exc)
        headers = {}
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(max(1, round(exc.retry_after)))
        if isinstance(exc, Unauthorized):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(exc, Unavailable):
            headers["Retry-After"] = "5"
        return error_response(status, exc.code, exc.message, **headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        content_type = request.headers.get("content-type", "")
        body_error = any(err.get("loc", ())[:1] == ("body",) for err in exc.errors())
        json_api = request.url.path.startswith("/v1")
        if json_api and body_error and content_type and "json" not in content_type:
            # FastAPI only parses JSON bodies sent as JSON; say so instead of a confusing 422.
            return error_response(
                415,
                "unsupported_media_type",
                f"send JSON with Content-Type: application/json (got {content_type.split(';')[0]})",
            )
        code, message = _describe(list(exc.errors()))
        status = 400 if code == "invalid_json" else 422
        return error_response(status, code, message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route on the path only.
            headers["Allow"] = ", ".join(allowed_methods(app, request))
        return error_response(exc.status_code, code, str(exc.detail), **headers)

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, exc: OverflowError) -> JSONResponse:
        # Dates near year 1 or 9999 (and numbers past 64 bits) overflow in date arithmetic or
        # the driver: the value was out of range, not the service broken.
        log.info("http.out_of_range", path=request.url.path, error=str(exc))
        return error_response(422, "out_of_range", "a date or number is out of range")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("http.unhandled", path=request.url.path)
        return error_response(500, "internal_error", "an unexpected error occurred")
