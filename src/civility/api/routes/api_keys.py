"""API keys (admin only): list, create, revoke. Secrets are shown once, at creation."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter
from pydantic import BaseModel, Field

from civility.api.deps import Admin, ContainerDep
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, Strict
from civility.auth.keys import Permission, Principal, Role
from civility.auth.service import ApiKeyInfo, ApiKeyService
from civility.errors import Forbidden

router = APIRouter(prefix="/v1/apikeys", tags=["api keys"])

# A channel id with something besides spaces (a key's channels are stripped when stored).
KeyChannel = Annotated[Id, Field(pattern=r"\S")]


class ApiKeyIn(Strict):
    """A new key."""

    role: Literal["service", "moderator", "admin", "owner"]
    name: str = Field("", max_length=200)
    channels: list[KeyChannel] | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="Limit a service key to these channels (default: all).",
    )
    user: str | None = Field(
        None,
        min_length=1,
        max_length=64,
        description="The dashboard user (sign-in name) this key acts for: the key is that "
        "person, e.g. it may not decide appeals of that user's own decisions.",
    )


class ApiKeyOut(BaseModel):
    """A key's record; `secret` only in the answer to create."""

    key_id: str
    role: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    active: bool
    tenant: str
    channels: list[str] | None = None
    user: str | None = None
    user_disabled: bool = Field(
        False, description="The key's user is disabled: the key is refused until re-enabled."
    )
    secret: str | None = None


class ApiKeyList(BaseModel):
    """Every key, oldest first."""

    items: list[ApiKeyOut]


def _out(k: ApiKeyInfo, secret: str | None = None) -> ApiKeyOut:
    return ApiKeyOut(
        key_id=k.key_id,
        role=k.role.value,
        name=k.name,
        created_at=k.created_at,
        revoked_at=k.revoked_at,
        active=k.active,
        tenant=k.tenant,
        channels=None if k.channels is None else list(k.channels),
        user=k.user,
        user_disabled=k.user_disabled,
        secret=secret,
    )


@router.get("", response_model=ApiKeyList, responses=ERRORS)
async def list_keys(_: Admin, c: ContainerDep) -> ApiKeyList:
    """Lists keys, active and revoked (never their secrets)."""
    keys = await anyio.to_thread.run_sync(c.api_keys.list)
    return ApiKeyList(items=[_out(k) for k in keys])


@router.post("", response_model=ApiKeyOut, status_code=201, responses=ERRORS)
async def create_key(body: ApiKeyIn, who: Admin, c: ContainerDep) -> ApiKeyOut:
    """Creates a key of the caller's tenant; its secret is in this answer only (an owner key
    only by an owner)."""
    return await create_key_in(c.api_keys, body, who)


async def create_key_in(keys: ApiKeyService, body: ApiKeyIn, who: Principal) -> ApiKeyOut:
    """Creates a key with `keys` (one tenant's) for the caller `who`."""
    if body.role == Role.OWNER.value and not who.can(Permission.MANAGE_TENANTS):
        raise Forbidden("only an owner may create owner keys", code="forbidden")
    create = functools.partial(
        keys.create,
        Role(body.role),
        name=body.name,
        actor=who.id,
        channels=body.channels,
        user=body.user,
    )
    key = await anyio.to_thread.run_sync(create)
    info = next(k for k in await anyio.to_thread.run_sync(keys.list) if k.key_id == key.key_id)
    return _out(info, secret=key.secret)


@router.post("/{key_id}/revoke", response_model=ApiKeyOut, responses={**ERRORS, 409: ERRORS[404]})
async def revoke_key(key_id: str, who: Admin, c: ContainerDep) -> ApiKeyOut:
    """Revokes a key (other processes refuse it within CIVILITY_API_KEY_CACHE_SECONDS);
    `409 last_admin_key` for the last active admin key."""
    revoke = functools.partial(c.api_keys.revoke, key_id, actor=who.id)
    return _out(await anyio.to_thread.run_sync(revoke))
