"""The tenant list in SQL, and where each tenant's own database lives."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.engine import make_url

from civility.errors import Invalid
from civility.storage import tables as t
from civility.storage.db import Database, normalise_url
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.tenancy.models import DEFAULT_TENANT, Tenant, TenantSettings

SCHEMA_PREFIX = "civility_tenant_"


def tenant_database_url(url: str, tenant_id: str) -> tuple[str, str | None]:
    """Returns (URL, PostgreSQL schema) of a tenant's database.

    The default tenant's is the installation's own. Other tenants get a schema of the same
    PostgreSQL database, or a SQLite file beside the installation's (`tenants/<id>.db`).
    """
    if tenant_id == DEFAULT_TENANT:
        return url, None
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "postgresql":
        return url, SCHEMA_PREFIX + tenant_id.replace("-", "_")
    database = parsed.database or ""
    if database in ("", ":memory:"):
        raise Invalid(
            "tenants need a database file or PostgreSQL, not an in-memory SQLite database",
            code="tenants_need_storage",
        )
    path = Path(database)
    target = path.parent / "tenants" / f"{tenant_id}.db"
    return parsed.set(database=str(target)).render_as_string(hide_password=False), None


def _tenant(r: Row[Any]) -> Tenant:
    created = as_utc(r.created_at)
    assert created is not None
    return Tenant(
        r.id,
        r.name,
        TenantSettings.from_json(dict(r.settings or {})),
        created,
        r.disabled_at is not None,
    )


class SqlTenantTransaction(SqlTransaction):
    """Tenant-list writes in one transaction."""

    def add(self, tenant: Tenant) -> None:
        """Stores a new tenant; Conflict if the name is taken."""
        self.conn.execute(
            insert(t.tenants),
            {
                "id": tenant.id,
                "name": tenant.name,
                "settings": tenant.settings.to_json(),
                "created_at": tenant.created_at,
                "disabled_at": None,
            },
        )

    def save_settings(self, tenant_id: str, settings: TenantSettings) -> None:
        """Replaces a tenant's settings."""
        stmt = t.tenants.update().where(t.tenants.c.id == tenant_id)
        self.conn.execute(stmt.values(settings=settings.to_json()))

    def set_disabled(self, tenant_id: str, at: datetime | None) -> None:
        """Disables a tenant from `at` (None: enables it)."""
        stmt = t.tenants.update().where(t.tenants.c.id == tenant_id)
        self.conn.execute(stmt.values(disabled_at=at))


class SqlTenantRepository:
    """The tenants table of the installation's database."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlTenantTransaction]:
        """Opens a write transaction (tenant changes and their events commit together)."""
        return self._uow.open(SqlTenantTransaction)

    def list(self) -> list[Tenant]:
        """Returns every tenant but the default one, oldest first."""
        c = t.tenants.c
        with translate_errors(), self._db.read() as conn:
            rows = conn.execute(select(t.tenants).order_by(c.created_at, c.id)).all()
        return [_tenant(r) for r in rows]

    def get(self, tenant_id: str) -> Tenant | None:
        """Returns one tenant, or None."""
        with translate_errors(), self._db.read() as conn:
            r = conn.execute(select(t.tenants).where(t.tenants.c.id == tenant_id)).first()
        return None if r is None else _tenant(r)

    def by_name(self, name: str) -> Tenant | None:
        """Returns the tenant of a name, or None."""
        with translate_errors(), self._db.read() as conn:
            r = conn.execute(select(t.tenants).where(t.tenants.c.name == name)).first()
        return None if r is None else _tenant(r)


def default_tenant(created_at: datetime) -> Tenant:
    """The installation's own tenant, which every database has without a row."""
    return Tenant(DEFAULT_TENANT, DEFAULT_TENANT, TenantSettings(), created_at)
