"""Dashboard accounts on the unit of work: an account's creation, disabling, enabling or a
sign-in (with its password rehash) commits with its event, or neither does; another tenant's
events go to its own log only once the change has committed (SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.auth.dashboard import (
    DashboardAccounts,
    DashboardRole,
    DashboardUserRow,
    user_created,
)
from civility.clock import ManualClock
from civility.errors import Conflict
from civility.events.models import Event
from civility.storage.dashboard_users import SqlDashboardUserRepository
from civility.storage.db import Database
from civility.storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RUN = itertools.count()
PASSWORD = "a long password"


def unique(prefix: str) -> str:
    # The PostgreSQL database lives for the whole session: names stay unique across tests.
    return f"{prefix}-{next(RUN):06d}-{id(RUN) % 10_000}"


def _accounts(db: Database, uow: SqlUnitOfWork | None = None) -> DashboardAccounts:
    return DashboardAccounts(SqlDashboardUserRepository(db, unit_of_work=uow), ManualClock(NOW))


def _state(db: Database, username: str) -> tuple[DashboardUserRow | None, tuple[int, int]]:
    return SqlDashboardUserRepository(db).by_username(username), log_sizes(db)


def test_account_changes_roll_back_with_their_events(db: Database) -> None:
    name = unique("mod")
    working, failing = _accounts(db), _accounts(db, failing_unit_of_work(db))
    before = _state(db, name)
    with pytest.raises(EventWriteFailed):
        failing.create(name, PASSWORD, DashboardRole.MODERATOR, actor="cli")
    assert _state(db, name) == before
    assert before[0] is None
    working.create(name, PASSWORD, DashboardRole.MODERATOR, actor="cli")
    created = _state(db, name)
    assert created[1][0] == before[1][0] + 1  # dashboard.user_created, with the account
    with pytest.raises(EventWriteFailed):
        failing.disable(name, actor="cli")
    assert _state(db, name) == created
    assert working.disable(name, actor="cli")
    disabled = _state(db, name)
    assert disabled[0] is not None
    assert disabled[0].disabled
    assert disabled[1][0] == created[1][0] + 1
    with pytest.raises(EventWriteFailed):
        failing.enable(name, actor="cli")
    assert _state(db, name) == disabled
    assert working.enable(name, actor="cli")
    enabled = _state(db, name)
    assert enabled[0] is not None
    assert not enabled[0].disabled
    # Nothing to change, nothing recorded.
    assert not working.enable(name, actor="cli")
    assert _state(db, name) == enabled


def test_a_sign_in_and_its_rehash_roll_back_with_the_login_event(db: Database) -> None:
    name = unique("old")
    repo = SqlDashboardUserRepository(db)
    # A hash made with weaker parameters than today's: a sign-in replaces it.
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    row = DashboardUserRow(unique("usr"), name, weak, "viewer", NOW, False)
    with repo.transaction() as tx:
        tx.add(row)
        tx.record([user_created(row, "cli", NOW)])
    before = _state(db, name)
    with pytest.raises(EventWriteFailed):
        _accounts(db, failing_unit_of_work(db)).authenticate(name, PASSWORD)
    assert _state(db, name) == before
    user = _accounts(db).authenticate(name, PASSWORD)
    assert user.username == name
    after, sizes = _state(db, name)
    assert after is not None
    assert after.password_hash != weak
    assert sizes[0] == before[1][0] + 1  # dashboard.login, with the new hash


def test_another_tenants_account_events_go_to_its_log_after_the_commit(db: Database) -> None:
    tenant, name = unique("tenant"), unique("theirs")
    seen: list[tuple[str, str, bool]] = []
    repo = SqlDashboardUserRepository(db, lambda t, e: _logged(seen, repo, t, e))
    accounts = DashboardAccounts(repo, ManualClock(NOW))
    before = log_sizes(db)
    accounts.create(name, PASSWORD, DashboardRole.VIEWER, actor="owner", tenant=tenant)
    accounts.authenticate(name, PASSWORD)
    accounts.disable(name, actor="owner")
    accounts.enable(name, actor="owner")
    # Each event reached the tenant's log once its change was visible to other connections,
    # and none went into this database's log.
    assert seen == [
        (tenant, "dashboard.user_created", True),
        (tenant, "dashboard.login", True),
        (tenant, "dashboard.user_disabled", True),
        (tenant, "dashboard.user_enabled", True),
    ]
    assert log_sizes(db) == before
    # A change that fails sends nothing, not even the events it recorded before failing.
    row = repo.by_username(name)
    assert row is not None
    with pytest.raises(Conflict):
        _add_again(repo, tenant, row)
    assert len(seen) == 4


def _logged(
    seen: list[tuple[str, str, bool]], repo: SqlDashboardUserRepository, tenant: str, event: Event
) -> None:
    # Read on another connection: what it sees has committed.
    row = repo.by_username(event.subject_id)
    visible = {
        "dashboard.user_created": row is not None,
        "dashboard.login": row is not None,
        "dashboard.user_disabled": row is not None and row.disabled,
        "dashboard.user_enabled": row is not None and not row.disabled,
    }
    seen.append((tenant, event.type, visible[event.type]))


def _add_again(repo: SqlDashboardUserRepository, tenant: str, row: DashboardUserRow) -> None:
    """Records an event, then stores an account whose name exists: the insert fails."""
    with repo.transaction(tenant) as tx:
        tx.record([user_created(row, "owner", NOW)])
        tx.add(row)
