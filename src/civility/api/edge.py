"""The edge: what every request passes before a route sees it.

In order, each step cheaper than the next and none reading more than it must:

1. a URL with NUL is refused (no storage can keep it, and PostgreSQL fails on it);
2. the API key is checked before the body is read, so an anonymous 200 MB upload costs nothing;
3. the key's rate limit is counted (`429` with `Retry-After` and `RateLimit-*` headers);
4. the body is read up to `CIVILITY_MAX_BODY_BYTES` (`413` as soon as it is exceeded);
5. a JSON body must be well-formed Unicode text: no lone surrogates (which no UTF-8 store
   accepts), no NUL, no nesting deeper than orjson's 1,024 levels, no infinite numbers.

So a poison request is a 4xx of its own and never reaches a group commit it could fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civility.api.errors import error_response
from civility.api.ratelimit import ApiRateLimiter, RateLimitState
from civility.auth.keys import Principal
from civility.errors import (
    DomainError,
    Invalid,
    NotFound,
    RateLimited,
    Unauthorized,
    http_status,
)
from civility.tenancy.models import DEFAULT_TENANT

Render = Callable[[int, str, str], dict[str, Any]]

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
# The dashboard loads its scripts and styles from /dashboard/static only (no inline script);
# the JSON API serves no active content at all.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
DOCS_PATHS = ("/docs", "/redoc")
DASHBOARD_BODY_LIMIT = 1 << 20


@dataclass(frozen=True, slots=True)
class Dialect:
    """How the routes under a prefix write errors (the drop-in routes speak their clients')."""

    prefix: str
    render: Render
    # Their clients expect 400 for bad arguments, where we say 422.
    invalid_status: int = 400
    translate: Callable[[DomainError], DomainError] = lambda exc: exc


class EdgeError(Exception):
    """A request refused at the edge."""

    def __init__(self, error: DomainError, status: int, headers: dict[str, str]) -> None:
        super().__init__(error.message)
        self.error = error
        self.status = status
        self.headers = headers


PRINCIPAL_STATE = "civility_principal"


def needs_api_key(path: str) -> bool:
    """Tells whether a path is an API route authenticated by a key (Coral may sign instead)."""
    return path.startswith(("/v1/", "/v1alpha1/")) and not path.startswith("/v1/coral/")


def presented_key(headers: dict[bytes, bytes], query: bytes, path: str) -> str:
    """Returns the API key a request presents; raises Unauthorized when there is none."""
    header = headers.get(b"authorization", b"").decode("latin-1")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise Unauthorized("use `Authorization: Bearer <api key>`", code="invalid_auth_header")
    if path.startswith("/v1alpha1/"):
        # Google's clients send the key in x-goog-api-key or ?key=.
        google = headers.get(b"x-goog-api-key", b"").decode("latin-1").strip()
        if google:
            return google
        from urllib.parse import parse_qs

        keys = parse_qs(query.decode("latin-1")).get("key")
        if keys and keys[0].strip():
            return keys[0].strip()
    raise Unauthorized("an API key is required", code="missing_api_key")


def check_json_text(body: bytes) -> None:
    """Raises Invalid unless a JSON body parses as Unicode text without NUL characters."""
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        message = str(exc)
        if "surrogate" in message:
            raise Invalid(
                "the body holds a lone UTF-16 surrogate (such as \\ud800): not Unicode text",
                code="invalid_text",
            ) from None
        raise Invalid(
            f"the request body is not valid JSON: {message}", code="invalid_json"
        ) from None
    # An escaped NUL is valid JSON; the cheap byte test spares the walk for almost every body.
    if b"\\u0000" in body and _holds_nul(value):
        raise Invalid("text must not contain NUL (\\u0000) characters", code="invalid_text")


def _holds_nul(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class EdgeMiddleware:
    """Refuses bad requests before any route, parser or batch sees them (see the module doc)."""

    def __init__(self, app: ASGIApp, *, dialects: tuple[Dialect, ...] = ()) -> None:
        self.app = app
        self._dialects = dialects
        self._limiter: ApiRateLimiter | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        dialect = next((d for d in self._dialects if path.startswith(d.prefix)), None)
        limit_state: RateLimitState | None = None
        try:
            container = scope["app"].state.container
            if "\x00" in path or b"%00" in scope["query_string"].lower():
                raise self._refuse(Invalid("the URL must not contain NUL", code="invalid_text"))
            if path.startswith(DOCS_PATHS) and not container.settings.serves_api_docs:
                # Off in production: the pages load their scripts from a CDN.
                raise self._refuse(NotFound("API docs are off here", code="not_found"))
            headers = dict(scope["headers"])
            if needs_api_key(path) and scope["method"] != "OPTIONS":
                principal = await self._authenticate(container, headers, scope, path)
                # The routes' container and permission checks read the caller from here:
                # the tenant is fixed once per request, from the credential (docs/tenancy.md).
                scope.setdefault("state", {})[PRINCIPAL_STATE] = principal
                limit_state = await self._limit(scope["app"], principal)
            if scope["method"] in BODY_METHODS:
                limit = container.settings.body_limit
                if path.startswith("/dashboard"):
                    # Its forms are read before the session is checked (the CSRF token is in
                    # them) and are never large: anonymous posts cannot make us read megabytes.
                    limit = min(limit, DASHBOARD_BODY_LIMIT)
                body = await self._read_body(receive, headers, limit)
                self._check_body(headers, body)
                receive = replay_body(body, receive)
        except EdgeError as refused:
            await self._answer(refused, dialect, path, send, limit_state)
            return
        await self.app(scope, receive, with_edge_headers(send, path, limit_state))

    def _refuse(self, error: DomainError, **headers: str) -> EdgeError:
        return EdgeError(error, http_status(error), headers)

    async def _authenticate(
        self, container: Any, headers: dict[bytes, bytes], scope: Scope, path: str
    ) -> Principal:
        keys = container.api_keys
        try:
            secret = presented_key(headers, scope["query_string"], path)
            cached: Principal | None = keys.cached(secret)
            if cached is not None:
                return cached
            principal: Principal = await anyio.to_thread.run_sync(keys.authenticate, secret)
        except DomainError as exc:
            raise self._refuse(exc) from None
        return principal

    async def _limit(self, app: Any, principal: Principal) -> RateLimitState | None:
        if principal.tenant != DEFAULT_TENANT:
            tenants = app.state.container.tenants
            if tenants.get_built(principal.tenant) is None:
                # Builds the tenant's container (and so learns its limits) before counting.
                try:
                    await anyio.to_thread.run_sync(tenants.get, principal.tenant)
                except DomainError as exc:
                    raise self._refuse(exc) from None
        if self._limiter is None:
            self._limiter = ApiRateLimiter.from_settings(
                app.state.container.settings,
                per_tenant=lambda tenant: app.state.container.tenants.limits(tenant),
            )
            app.state.api_rate_limiter = self._limiter  # the lifespan closes it
        try:
            state = await self._limiter.hit(principal)
        except DomainError as exc:
            raise self._refuse(exc) from None
        if state is not None and state.exceeded:
            error = RateLimited(
                f"rate limit of {state.limit} requests exceeded for this API key",
                retry_after=state.reset_after,
            )
            raise EdgeError(error, 429, state.headers())
        return state

    async def _read_body(self, receive: Receive, headers: dict[bytes, bytes], limit: int) -> bytes:
        too_large = Invalid(
            f"the request body is larger than {limit} bytes", code="payload_too_large"
        )
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise EdgeError(too_large, 413, {"Connection": "close"})
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise EdgeError(too_large, 413, {"Connection": "close"})
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _check_body(self, headers: dict[bytes, bytes], body: bytes) -> None:
        content_type = headers.get(b"content-type", b"").lower()
        try:
            if b"json" in content_type and body.strip():
                check_json_text(body)
            elif content_type.startswith(b"application/x-www-form-urlencoded") and (
                b"%00" in body.lower()
            ):
                raise Invalid("form fields must not contain NUL characters", code="invalid_text")
        except Invalid as exc:
            status = 400 if exc.code == "invalid_json" else 422
            raise EdgeError(exc, status, {}) from None

    async def _answer(
        self,
        refused: EdgeError,
        dialect: Dialect | None,
        path: str,
        send: Send,
        limit_state: RateLimitState | None,
    ) -> None:
        error, status = refused.error, refused.status
        headers = dict(refused.headers)
        if isinstance(error, Unauthorized):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(error, RateLimited):
            headers["Retry-After"] = str(max(1, round(error.retry_after)))
        if dialect is None:
            response = error_response(status, error.code, error.message, **headers)
        else:
            error = dialect.translate(error)
            status = http_status(error) if error is not refused.error else status
            status = dialect.invalid_status if status == 422 else status
            from fastapi.responses import JSONResponse

            response = JSONResponse(
                dialect.render(status, error.code, error.message), status, headers=headers
            )

        async def receive() -> Message:  # the body is not read: nothing to give
            return {"type": "http.disconnect"}

        scope: Scope = {"type": "http", "method": "GET", "path": path, "headers": []}
        await response(scope, receive, with_edge_headers(send, path, limit_state))


def replay_body(body: bytes, receive: Receive) -> Receive:
    """Gives the already read body to the app, then whatever the server says next."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def with_edge_headers(send: Send, path: str, limit_state: RateLimitState | None) -> Send:
    """Adds the security headers (and the key's rate limit state) to the response."""
    extra = list(_SECURITY_HEADERS)
    if path.startswith("/dashboard"):
        extra.append((b"content-security-policy", DASHBOARD_CSP.encode()))
    elif not path.startswith(DOCS_PATHS):
        extra.append((b"content-security-policy", API_CSP.encode()))
    if limit_state is not None:
        extra += [(k.lower().encode(), v.encode()) for k, v in limit_state.headers().items()]

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            headers = list(message.get("headers", []))
            headers += [(k, v) for k, v in extra if k not in present]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped
