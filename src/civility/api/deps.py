"""Route dependencies: the container and the calling principal."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated

import anyio
from fastapi import Depends, Request

from civility.api.edge import PRINCIPAL_STATE
from civility.auth.keys import Permission, Principal
from civility.container import Container
from civility.errors import Forbidden, Unauthorized
from civility.tenancy.models import DEFAULT_TENANT


def container_of(request: Request) -> Container:
    """Returns the process's (the default tenant's) container."""
    container: Container = request.app.state.container
    return container


def caller_of(request: Request) -> Principal | None:
    """The principal the edge authenticated for this request, if any."""
    principal: Principal | None = request.scope.get("state", {}).get(PRINCIPAL_STATE)
    return principal


async def get_container(request: Request) -> Container:
    """The container of the caller's tenant: the one place a request's tenant is chosen.

    Requests without a key (health, metrics) get the installation's. Building a tenant's
    container the first time reads the tenant list, so it runs on a thread.
    """
    root = container_of(request)
    principal = caller_of(request)
    if principal is None or principal.tenant == DEFAULT_TENANT:
        return root
    built = root.tenants.get_built(principal.tenant)
    if built is not None:
        return built
    return await anyio.to_thread.run_sync(root.tenants.get, principal.tenant)


ContainerDep = Annotated[Container, Depends(get_container)]


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        raise Unauthorized("use `Authorization: Bearer <api key>`", code="invalid_auth_header")
    raise Unauthorized("an API key is required", code="missing_api_key")


def require(
    permission: Permission, *, channel_keys: bool = False
) -> Callable[[Request], Awaitable[Principal]]:
    """Builds a dependency that authenticates the caller and checks one permission.

    Keys limited to channels are refused unless the route checks channels (`channel_keys`):
    deny by default, so a new route cannot leak another channel's data to them.
    """

    async def dependency(request: Request) -> Principal:
        principal = caller_of(request)
        if principal is None:
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
        if principal.channels is not None and not channel_keys:
            raise Forbidden(
                "this key is limited to channels: it may analyze, moderate and submit messages "
                "of its channels and read them back, nothing else",
                code="channel_scoped_key",
            )
        return principal

    return dependency


def check_channels(principal: Principal, channels: Iterable[str]) -> None:
    """Refuses (403 `channel_not_allowed`) channels a channel-limited key may not use."""
    refused = sorted({c for c in channels if not principal.may_use_channel(c)})
    if refused:
        raise Forbidden(
            f"this key may not use channel {', '.join(map(repr, refused[:5]))}",
            code="channel_not_allowed",
        )


Analyzer = Annotated[Principal, Depends(require(Permission.ANALYZE))]
# The routes that accept keys limited to channels (each checks the channels it touches).
ChannelAnalyzer = Annotated[Principal, Depends(require(Permission.ANALYZE, channel_keys=True))]
ChannelModerator = Annotated[Principal, Depends(require(Permission.MODERATE, channel_keys=True))]
ChannelSubmitter = Annotated[Principal, Depends(require(Permission.SUBMIT, channel_keys=True))]
Moderator = Annotated[Principal, Depends(require(Permission.MODERATE))]
Submitter = Annotated[Principal, Depends(require(Permission.SUBMIT))]
Reader = Annotated[Principal, Depends(require(Permission.READ))]
Admin = Annotated[Principal, Depends(require(Permission.ADMIN))]
Owner = Annotated[Principal, Depends(require(Permission.MANAGE_TENANTS))]
