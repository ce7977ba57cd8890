"""Transactions on the installation's database whose events belong to one tenant.

API keys and dashboard accounts live in the installation's database (authentication and
sign-in do not ask for a tenant), but their events go to the log of the tenant they belong
to. The default tenant's log is this database: its events commit with the change. Another
tenant's log is another database, which no transaction spans: its events are appended there
once the change has committed (`TenantLog`), so no tenant's log shows another's keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from sqlalchemy import Connection

from civility.events.models import Event
from civility.storage.unit_of_work import SqlTransaction
from civility.tenancy.models import DEFAULT_TENANT

# Appends an event to a tenant's own log (its database is not this one).
TenantLog = Callable[[str, Event], None]


class TenantEventsTransaction(SqlTransaction):
    """A write transaction whose recorded events go to `tenant`'s log."""

    def __init__(
        self, conn: Connection, *, tenant: str = DEFAULT_TENANT, log: TenantLog | None = None
    ) -> None:
        super().__init__(conn)
        self.tenant = tenant
        self._log = log

    def record(self, events: Iterable[Event]) -> None:
        """Adds events to write with the change (default tenant) or after its commit."""
        if self.tenant == DEFAULT_TENANT:
            super().record(events)
            return
        if self._log is None:
            raise RuntimeError(f"tenant {self.tenant!r}'s events need the tenant's log")
        for event in events:
            self.after_commit(partial(self._log, self.tenant, event))
