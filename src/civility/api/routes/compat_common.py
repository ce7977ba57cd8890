"""Plumbing shared by the drop-in routes: foreign error formats and `?key=` authentication."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import anyio
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.responses import JSONResponse

from civility.auth.keys import Permission, Principal
from civility.auth.service import ApiKeyService
from civility.errors import DomainError, Forbidden, RateLimited, Unauthorized, http_status

Render = Callable[[int, str, str], dict[str, Any]]


def api_key(request: Request) -> str:
    """Returns the key from `Authorization: Bearer`, `x-goog-api-key` or `?key=` (Google's)."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise Unauthorized("use `Authorization: Bearer <api key>` or `?key=`", code="invalid_auth")
    # Google's clients may send the key in this header instead of `?key=`.
    key = request.headers.get("x-goog-api-key", "").strip()
    if key:
        return key
    key = request.query_params.get("key", "").strip()
    if key:
        return key
    raise Unauthorized(
        "an API key is required (`?key=` or a Bearer header)", code="missing_api_key"
    )


async def authenticate(request: Request, permission: Permission) -> Principal:
    """Checks the caller's key (header or query) and one permission."""
    keys: ApiKeyService = request.app.state.container.api_keys
    secret = api_key(request)
    principal = keys.cached(secret)
    if principal is None:
        principal = await anyio.to_thread.run_sync(keys.authenticate, secret)
    if not principal.can(permission):
        raise Forbidden(f"role {principal.role.value} may not {permission.value}", code="forbidden")
    return principal


def key_auth(permission: Permission) -> Callable[[Request], Awaitable[Principal]]:
    """Builds a dependency accepting the key in the header or in `?key=`."""

    async def dependency(request: Request) -> Principal:
        return await authenticate(request, permission)

    return dependency


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    errors = list(exc.errors())
    if errors and errors[0].get("type") == "json_invalid":
        return "invalid_json", "Invalid JSON payload received."
    parts = []
    for err in errors[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        if err.get("type") == "extra_forbidden":
            parts.append(f'Invalid JSON payload received. Unknown name "{loc}"')
        else:
            parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "invalid_request", "; ".join(parts) or "invalid request"


def error_route(
    render: Render, describe: Callable[[DomainError], dict[str, Any]] | None = None
) -> type[APIRoute]:
    """Builds a route class whose errors (auth, validation, domain) use a foreign error format.

    ``describe`` adds what a domain error knows beyond its code and message to the body's
    `error` object (Perspective's details).
    """

    class ForeignErrorRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def wrapped(request: Request) -> Response:
                try:
                    return await handler(request)
                except RequestValidationError as exc:
                    code, message = _validation_message(exc)
                    return JSONResponse(render(400, code, message), status_code=400)
                except DomainError as exc:
                    status = http_status(exc)
                    # Their clients expect 400 for bad arguments, where we say 422.
                    status = 400 if status == 422 else status
                    headers = {}
                    if isinstance(exc, RateLimited):
                        headers["Retry-After"] = str(max(1, round(exc.retry_after)))
                    body = render(status, exc.code, exc.message)
                    if describe is not None:
                        body["error"].update(describe(exc))
                    return JSONResponse(body, status_code=status, headers=headers or None)

            return wrapped

    return ForeignErrorRoute
