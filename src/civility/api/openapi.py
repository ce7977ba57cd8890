"""The OpenAPI document, completed with what the edge adds to every route.

Routes declare their own answers; the edge (api/edge.py) can refuse any request before a route
runs, so its answers (401, 413, 415, 429, ...) and the key schemes are added here, once, for
every operation, including those of routes added later.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from civility.api.edge import needs_api_key

BEARER = "bearerAuth"
GOOGLE_QUERY = "googleApiKeyQuery"
GOOGLE_HEADER = "googleApiKeyHeader"
SCHEMES: dict[str, dict[str, Any]] = {
    BEARER: {"type": "http", "scheme": "bearer", "description": "An API key: `civ_…`"},
    GOOGLE_QUERY: {"type": "apiKey", "in": "query", "name": "key"},
    GOOGLE_HEADER: {"type": "apiKey", "in": "header", "name": "x-goog-api-key"},
}
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
# The drop-in routes answer in their clients' formats: only the envelope is common.
FOREIGN_ERROR_SCHEMA: dict[str, Any] = {"type": "object", "required": ["error"]}
FOREIGN_PREFIXES = ("/v1alpha1/", "/v1/moderations")
REASONS = {
    400: "The body is not valid JSON, or an argument is malformed",
    401: "No API key, or one that is not valid",
    403: "The key's role may not do this",
    409: "The request clashes with the current state",
    413: "The body is larger than CIVILITY_MAX_BODY_BYTES",
    415: "The body is not JSON",
    422: "A value breaks a rule (invalid_text: a lone surrogate or NUL)",
    429: "The key's rate limit is exceeded (see Retry-After and RateLimit-*)",
    503: "A dependency (database, broker, rate limit store) is unavailable",
}
RATE_HEADERS = {
    name: {"schema": {"type": "integer"}, "description": text}
    for name, text in (
        ("Retry-After", "Seconds until a request may succeed"),
        ("RateLimit-Limit", "Requests the key may make in the window"),
        ("RateLimit-Remaining", "Requests left in the window"),
        ("RateLimit-Reset", "Seconds until the window resets"),
    )
}


def install(app: FastAPI) -> None:
    """Makes `app.openapi()` return the completed document (built once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = complete(doc)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    """Adds the key schemes, the edge's answers and its text rule to every operation."""
    doc.setdefault("components", {}).setdefault("securitySchemes", {}).update(SCHEMES)
    _no_nul(doc.get("components", {}).get("schemas", {}))
    _no_nul(doc.get("paths", {}))
    for path, operations in doc.get("paths", {}).items():
        for method, operation in operations.items():
            if isinstance(operation, dict) and "responses" in operation:
                _complete_operation(path, method.upper(), operation)
    return doc


# The edge refuses NUL in every string (api/edge.py); the document says so on each one that
# has no stricter rule of its own.
NO_NUL = "^[^\\u0000]*$"


def _no_nul(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _no_nul(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & node.keys():
        node["pattern"] = NO_NUL
    for key, value in node.items():
        if key not in ("examples", "example", "default"):
            _no_nul(value)


def _complete_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    foreign = path.startswith(FOREIGN_PREFIXES)
    statuses = [400, 422]
    if needs_api_key(path) or path.startswith("/v1/coral/"):
        operation["security"] = [{BEARER: []}]
        if path.startswith("/v1alpha1/"):
            operation["security"] += [{GOOGLE_QUERY: []}, {GOOGLE_HEADER: []}]
        statuses += [401, 403, 503]
    if needs_api_key(path):
        statuses.append(429)
    if "requestBody" in operation:
        statuses += [413, 415]
    if method in ("POST", "PUT", "DELETE", "PATCH") and path.startswith("/v1/"):
        statuses.append(409)
    responses = operation["responses"]
    for status in statuses:
        answer = responses.setdefault(str(status), {"description": REASONS[status]})
        if "content" not in answer or foreign:
            schema = FOREIGN_ERROR_SCHEMA if foreign else ERROR_SCHEMA
            answer["content"] = {"application/json": {"schema": schema}}
        if status == 429:
            answer["headers"] = RATE_HEADERS
