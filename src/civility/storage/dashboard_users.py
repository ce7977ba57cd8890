"""Dashboard accounts in SQL (the installation's database), their events in their tenant's log."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import insert, select, update

from civility.auth.dashboard import DashboardUserRow
from civility.storage.db import Database
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_dashboard import dashboard_users
from civility.storage.tenant_events import TenantEventsTransaction
from civility.storage.tenant_events import TenantLog as TenantLog
from civility.storage.unit_of_work import SqlUnitOfWork
from civility.tenancy.models import DEFAULT_TENANT


class SqlDashboardUserTransaction(TenantEventsTransaction):
    """Account writes in one transaction; its events go to its tenant's log."""

    def add(self, row: DashboardUserRow) -> None:
        """Stores a new account; Conflict if the name is taken."""
        self.conn.execute(
            insert(dashboard_users),
            {
                "id": row.id,
                "username": row.username,
                "password_hash": row.password_hash,
                "role": row.role,
                "created_at": row.created_at,
                "disabled_at": None,
                "tenant": row.tenant,
            },
        )

    def set_hash(self, user_id: str, password_hash: str) -> None:
        """Replaces a password hash (after argon2 parameters changed)."""
        u = dashboard_users.c
        self.conn.execute(
            update(dashboard_users).where(u.id == user_id).values(password_hash=password_hash)
        )

    def disable(self, user_id: str, now: datetime) -> bool:
        """Marks an account disabled; False if it already was."""
        u = dashboard_users.c
        stmt = dashboard_users.update().where(u.id == user_id, u.disabled_at.is_(None))
        return self.conn.execute(stmt.values(disabled_at=now)).rowcount == 1

    def enable(self, user_id: str) -> bool:
        """Marks a disabled account active again; False if it was active."""
        u = dashboard_users.c
        stmt = dashboard_users.update().where(u.id == user_id, u.disabled_at.is_not(None))
        return self.conn.execute(stmt.values(disabled_at=None)).rowcount == 1


class SqlDashboardUserRepository:
    """Dashboard accounts in SQL (argon2 hashes only).

    Accounts live in the installation's database (sign-in does not ask for a tenant); the
    events about an account of another tenant go to that tenant's log, after the commit.
    """

    def __init__(
        self,
        db: Database,
        tenant_log: TenantLog | None = None,
        *,
        unit_of_work: SqlUnitOfWork | None = None,
    ) -> None:
        self._db = db
        self._tenant_log = tenant_log
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(
        self, tenant: str = DEFAULT_TENANT
    ) -> AbstractContextManager[SqlDashboardUserTransaction]:
        """Opens a write transaction whose events go to `tenant`'s log."""
        log = self._tenant_log
        return self._uow.open(
            lambda conn: SqlDashboardUserTransaction(conn, tenant=tenant, log=log)
        )

    def by_username(self, username: str) -> DashboardUserRow | None:
        """Returns the account of a user name, or None."""
        u = dashboard_users.c
        with translate_errors(), self._db.read() as conn:
            r = conn.execute(select(dashboard_users).where(u.username == username)).first()
        if r is None:
            return None
        created = as_utc(r.created_at)
        assert created is not None
        return DashboardUserRow(
            r.id, r.username, r.password_hash, r.role, created, r.disabled_at is not None, r.tenant
        )
