"""Route dependencies: the container and the calling principal."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import anyio
from fastapi import Depends, Request

from civility.auth.keys import Permission, Principal
from civility.container import Container
from civility.errors import Forbidden, Unauthorized


def container_of(request: Request) -> Container:
    """Returns the process's container."""
    container: Container = request.app.state.container
    return container


async def get_container(request: Request) -> Container:
    """Dependency form of container_of (async, so FastAPI does not hop to a thread for it)."""
    return container_of(request)


ContainerDep = Annotated[Container, Depends(get_container)]


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise Unauthorized("use `Authorization: Bearer <api key>`", code="invalid_auth_header")
    raise Unauthorized("an API key is required", code="missing_api_key")


def require(permission: Permission) -> Callable[[Request], Awaitable[Principal]]:
    """Builds a dependency that authenticates the caller and checks one permission."""

    async def dependency(request: Request) -> Principal:
        keys = container_of(request).api_keys
        secret = _bearer(request)
        # The cache answers almost every call without leaving the event loop.
        principal = keys.cached(secret)
        if principal is None:
            principal = await anyio.to_thread.run_sync(keys.authenticate, secret)
        if not principal.can(permission):
            raise Forbidden(
                f"role {principal.role.value} may not {permission.value}", code="forbidden"
            )
        return principal

    return dependency


Analyzer = Annotated[Principal, Depends(require(Permission.ANALYZE))]
Moderator = Annotated[Principal, Depends(require(Permission.MODERATE))]
Submitter = Annotated[Principal, Depends(require(Permission.SUBMIT))]
Reader = Annotated[Principal, Depends(require(Permission.READ))]
Admin = Annotated[Principal, Depends(require(Permission.ADMIN))]
