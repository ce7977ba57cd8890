"""Creating, listing and configuring tenants; their storage is provisioned by an injected step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from civility.clock import Clock
from civility.errors import Conflict, NotFound
from civility.events.models import Event, EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.ids import new_id
from civility.tenancy.models import DEFAULT_TENANT, Tenant, TenantSettings, check_name


class TenantTransaction(Transaction, Protocol):
    """A write transaction on the tenant list."""

    def add(self, tenant: Tenant) -> None:
        """Stores a new tenant; Conflict (when the transaction ends) if the name is taken."""
        ...

    def save_settings(self, tenant_id: str, settings: TenantSettings) -> None:
        """Replaces a tenant's settings."""
        ...

    def set_disabled(self, tenant_id: str, at: datetime | None) -> None:
        """Disables a tenant from `at` (None: enables it)."""
        ...


class TenantRepository(UnitOfWork[TenantTransaction], Protocol):
    """Storage of the tenant list (in the installation's database)."""

    def list(self) -> list[Tenant]:
        """Returns every tenant but the default one, oldest first."""
        ...

    def get(self, tenant_id: str) -> Tenant | None:
        """Returns one tenant, or None."""
        ...

    def by_name(self, name: str) -> Tenant | None:
        """Returns the tenant of a name, or None."""
        ...


class TenantService:
    """The tenant list; `provision` creates a new tenant's database before it is announced."""

    def __init__(
        self,
        repo: TenantRepository,
        clock: Clock,
        *,
        provision: Callable[[Tenant], None],
        default: Tenant,
    ) -> None:
        self._repo = repo
        self._clock = clock
        self._provision = provision
        self._default = default

    def create(
        self, name: str, settings: TenantSettings | None = None, *, actor: str = "cli"
    ) -> Tenant:
        """Creates a tenant and its empty database; Conflict if the name is taken."""
        check_name(name)
        if name == DEFAULT_TENANT or self._repo.by_name(name) is not None:
            raise Conflict(f"a tenant named {name!r} exists", code="tenant_exists")
        now = self._clock.now()
        tenant = Tenant(new_id("ten").lower(), name, settings or TenantSettings(), now)
        # Provisioning is idempotent: a crash before the row is stored leaves an empty,
        # unreferenced schema that the next attempt under a new id ignores.
        self._provision(tenant)
        event = _event(EventType.TENANT_CREATED, tenant, actor, now, key=f"tenant:{tenant.id}")
        with self._repo.transaction() as tx:
            tx.add(tenant)
            tx.record([event])
        return tenant

    def list(self) -> list[Tenant]:
        """Returns every tenant, the default one first."""
        return [self._default, *self._repo.list()]

    def get(self, tenant_id: str) -> Tenant:
        """Returns one tenant by id or name; NotFound otherwise."""
        if tenant_id in (DEFAULT_TENANT, self._default.id):
            return self._default
        tenant = self._repo.get(tenant_id) or self._repo.by_name(tenant_id)
        if tenant is None:
            raise NotFound(f"no tenant {tenant_id!r}", code="tenant_not_found")
        return tenant

    def configure(self, tenant_id: str, changes: dict[str, Any], *, actor: str) -> Tenant:
        """Merges setting changes (a None value clears one); returns the updated tenant."""
        tenant = self.get(tenant_id)
        merged = {**tenant.settings.to_json(), **changes}
        settings = TenantSettings.from_json({k: v for k, v in merged.items() if v is not None})
        updated = Tenant(tenant.id, tenant.name, settings, tenant.created_at, tenant.disabled)
        if tenant.is_default:
            raise Conflict(
                "the default tenant follows the installation's settings (CIVILITY_*)",
                code="default_tenant_settings",
            )
        event = _event(EventType.TENANT_UPDATED, updated, actor, self._clock.now())
        with self._repo.transaction() as tx:
            tx.save_settings(tenant.id, settings)
            tx.record([event])
        return updated

    def set_disabled(self, tenant_id: str, disabled: bool, *, actor: str) -> Tenant:
        """Disables a tenant (its keys and users are refused, its jobs stop) or enables it."""
        tenant = self.get(tenant_id)
        if tenant.is_default:
            raise Conflict("the default tenant cannot be disabled", code="default_tenant")
        if tenant.disabled == disabled:
            return tenant
        now = self._clock.now()
        updated = Tenant(tenant.id, tenant.name, tenant.settings, tenant.created_at, disabled)
        kind = EventType.TENANT_DISABLED if disabled else EventType.TENANT_ENABLED
        with self._repo.transaction() as tx:
            tx.set_disabled(tenant.id, now if disabled else None)
            tx.record([_event(kind, updated, actor, now)])
        return updated


def _event(
    kind: EventType, tenant: Tenant, actor: str, at: datetime, key: str | None = None
) -> Event:
    return new_event(
        kind, id=key, subject=("tenant", tenant.id), actor=actor, payload=tenant.public(), at=at
    )
