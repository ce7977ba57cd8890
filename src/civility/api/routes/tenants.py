"""Tenants (owner only): create, list, configure, and mint a tenant's first keys."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

import anyio
from fastapi import APIRouter
from pydantic import BaseModel, Field

from civility.api.deps import ContainerDep, Owner
from civility.api.routes.api_keys import ApiKeyIn, ApiKeyOut, create_key_in
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Strict
from civility.container import Container
from civility.tenancy.models import Tenant, TenantSettings

router = APIRouter(prefix="/v1/tenants", tags=["tenants"])


class TenantSettingsIn(Strict):
    """A tenant's own settings; a field left out keeps its value, null restores the default."""

    rate_limit: str | None = Field(None, max_length=100, examples=["600/minute"])
    quota: str | None = Field(None, max_length=100, examples=["100000/day"])
    scorer: str | None = Field(None, max_length=40, examples=["builtin"])
    cascade_band: tuple[float, float] | None = None
    retention_days: int | None = Field(None, ge=1, le=36_500)


class TenantIn(Strict):
    """A new tenant."""

    name: str = Field(max_length=40, examples=["forum"])
    settings: TenantSettingsIn = Field(default_factory=TenantSettingsIn)


class TenantOut(BaseModel):
    """A tenant."""

    id: str
    name: str
    settings: dict[str, Any]
    created_at: datetime
    disabled: bool


class TenantList(BaseModel):
    """Every tenant, the default one first."""

    items: list[TenantOut]


def _out(t: Tenant) -> TenantOut:
    return TenantOut(
        id=t.id,
        name=t.name,
        settings=t.settings.to_json(),
        created_at=t.created_at,
        disabled=t.disabled,
    )


@router.get("", response_model=TenantList, responses=ERRORS)
async def list_tenants(_: Owner, c: ContainerDep) -> TenantList:
    """Lists the installation's tenants."""
    tenants = await anyio.to_thread.run_sync(c.tenants.service.list)
    return TenantList(items=[_out(t) for t in tenants])


@router.post("", response_model=TenantOut, status_code=201, responses=ERRORS)
async def create_tenant(body: TenantIn, who: Owner, c: ContainerDep) -> TenantOut:
    """Creates a tenant with an empty database of its own (`409 tenant_exists`)."""
    settings = TenantSettings.from_json(body.settings.model_dump(exclude_none=True))
    create = functools.partial(c.tenants.service.create, body.name, settings, actor=who.id)
    return _out(await anyio.to_thread.run_sync(create))


@router.get("/{tenant}", response_model=TenantOut, responses=ERRORS)
async def get_tenant(tenant: str, _: Owner, c: ContainerDep) -> TenantOut:
    """Returns one tenant, by id or name."""
    return _out(await anyio.to_thread.run_sync(c.tenants.service.get, tenant))


@router.patch("/{tenant}", response_model=TenantOut, responses=ERRORS)
async def configure_tenant(
    tenant: str, body: TenantSettingsIn, who: Owner, c: ContainerDep
) -> TenantOut:
    """Changes a tenant's settings; they apply here at once, in other processes within 30 s."""
    changes = body.model_dump(exclude_unset=True)
    configure = functools.partial(c.tenants.service.configure, tenant, changes, actor=who.id)
    updated = await anyio.to_thread.run_sync(configure)
    c.tenants.forget(updated.id)
    return _out(updated)


@router.post("/{tenant}/disable", response_model=TenantOut, responses=ERRORS)
async def disable_tenant(tenant: str, who: Owner, c: ContainerDep) -> TenantOut:
    """Disables a tenant: its keys and users are refused (`403 tenant_disabled`) and its jobs
    stop, here at once and in other processes within 30 s. Its data stays."""
    return await _set_disabled(c, tenant, who.id, disabled=True)


@router.post("/{tenant}/enable", response_model=TenantOut, responses=ERRORS)
async def enable_tenant(tenant: str, who: Owner, c: ContainerDep) -> TenantOut:
    """Enables a disabled tenant again."""
    return await _set_disabled(c, tenant, who.id, disabled=False)


async def _set_disabled(c: Container, tenant: str, actor: str, *, disabled: bool) -> TenantOut:
    change = functools.partial(c.tenants.service.set_disabled, tenant, disabled, actor=actor)
    updated = await anyio.to_thread.run_sync(change)
    c.tenants.forget(updated.id)
    return _out(updated)


@router.post("/{tenant}/apikeys", response_model=ApiKeyOut, status_code=201, responses=ERRORS)
async def create_tenant_key(tenant: str, body: ApiKeyIn, who: Owner, c: ContainerDep) -> ApiKeyOut:
    """Creates a key in a tenant (its first admin key, say); the secret is shown only here."""
    found = await anyio.to_thread.run_sync(c.tenants.service.get, tenant)
    return await create_key_in(c.api_keys.scoped(found.id), body, who)
