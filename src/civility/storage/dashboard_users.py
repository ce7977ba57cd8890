"""Dashboard accounts in SQL (the installation's database), their events in their tenant's log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import insert, select, update

from civility.auth.dashboard import DashboardUserRow
from civility.events.models import Event
from civility.storage.db import Database
from civility.storage.repositories import as_utc, insert_events, translate_errors
from civility.storage.tables_dashboard import dashboard_users
from civility.tenancy.models import DEFAULT_TENANT

# Appends an event to a tenant's own log (its database is not this one).
TenantLog = Callable[[str, Event], None]


class SqlDashboardUserRepository:
    """Dashboard accounts in SQL (argon2 hashes only).

    Accounts live in the installation's database (sign-in does not ask for a tenant); the
    events about an account of another tenant go to that tenant's log, after the change.
    """

    def __init__(self, db: Database, tenant_log: TenantLog | None = None) -> None:
        self._db = db
        self._tenant_log = tenant_log

    def _log(self, tenant: str, event: Event) -> bool:
        """Sends another tenant's event to its log; True if it went there."""
        if tenant == DEFAULT_TENANT:
            return False
        if self._tenant_log is None:
            raise RuntimeError("a tenant's account event needs the tenant's log")
        self._tenant_log(tenant, event)
        return True

    def add(self, row: DashboardUserRow, event: Event) -> None:
        """Stores a new account with its creation event; Conflict if the name is taken."""
        with translate_errors(), self._db.write() as conn:
            conn.execute(
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
            if row.tenant == DEFAULT_TENANT:
                insert_events(conn, [event])
        self._log(row.tenant, event)

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

    def disable(self, row: DashboardUserRow, now: datetime, event: Event) -> bool:
        """Marks an account disabled with its event; False if it already was."""
        u = dashboard_users.c
        stmt = dashboard_users.update().where(u.id == row.id, u.disabled_at.is_(None))
        with translate_errors(), self._db.write() as conn:
            if conn.execute(stmt.values(disabled_at=now)).rowcount == 0:
                return False
            if row.tenant == DEFAULT_TENANT:
                insert_events(conn, [event])
        self._log(row.tenant, event)
        return True

    def enable(self, row: DashboardUserRow, event: Event) -> bool:
        """Marks a disabled account active again with its event; False if it was active."""
        u = dashboard_users.c
        stmt = dashboard_users.update().where(u.id == row.id, u.disabled_at.is_not(None))
        with translate_errors(), self._db.write() as conn:
            if conn.execute(stmt.values(disabled_at=None)).rowcount == 0:
                return False
            if row.tenant == DEFAULT_TENANT:
                insert_events(conn, [event])
        self._log(row.tenant, event)
        return True

    def set_hash(self, user_id: str, password_hash: str) -> None:
        """Replaces a password hash (after argon2 parameters changed)."""
        u = dashboard_users.c
        with translate_errors(), self._db.write() as conn:
            conn.execute(
                update(dashboard_users).where(u.id == user_id).values(password_hash=password_hash)
            )

    def record(self, event: Event, tenant: str = DEFAULT_TENANT) -> None:
        """Appends an event that changes no other state (a login) to its tenant's log."""
        if self._log(tenant, event):
            return
        with translate_errors(), self._db.write() as conn:
            insert_events(conn, [event])
