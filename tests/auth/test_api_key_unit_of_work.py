"""API keys on the unit of work: a key's creation or revocation commits with its event, or
neither does; another tenant's event goes to its own log only once the change has committed
(SQLite and PostgreSQL, real databases)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from tests.storage.uow import EventWriteFailed, failing_unit_of_work, log_sizes

from civility.auth.keys import Role
from civility.auth.service import ApiKeyService
from civility.clock import ManualClock
from civility.errors import Conflict
from civility.events.models import Event, EventType, new_event
from civility.storage.db import Database
from civility.storage.repositories import SqlApiKeyRepository, SqlApiKeyTransaction
from civility.storage.unit_of_work import SqlUnitOfWork

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RUN = itertools.count()


def unique(prefix: str) -> str:
    # The PostgreSQL database lives for the whole session: tenants stay unique across tests.
    return f"{prefix}-{next(RUN):06d}-{id(RUN)}"


def _keys(db: Database, tenant: str, uow: SqlUnitOfWork | None = None) -> ApiKeyService:
    repo = SqlApiKeyRepository(db, unit_of_work=uow)
    return ApiKeyService(repo, ManualClock(NOW), cache_seconds=0, tenant=tenant)


def test_a_key_and_its_revocation_roll_back_with_their_events(db: Database) -> None:
    tenant = "default"
    working = _keys(db, tenant)
    failing = _keys(db, tenant, failing_unit_of_work(db))
    before = (working.list(), log_sizes(db))
    with pytest.raises(EventWriteFailed):
        failing.create(Role.MODERATOR, name="mod key", actor="admin")
    assert (working.list(), log_sizes(db)) == before
    key = working.create(Role.MODERATOR, name="mod key", actor="admin")
    created = (working.list(), log_sizes(db))
    assert created[1][0] == before[1][0] + 1  # apikey.created, with the key
    with pytest.raises(EventWriteFailed):
        failing.revoke(key.key_id, actor="admin")
    assert (working.list(), log_sizes(db)) == created
    assert working.authenticate(key.secret).role is Role.MODERATOR
    working.revoke(key.key_id, actor="admin")
    assert log_sizes(db)[0] == created[1][0] + 1


def test_another_tenants_key_events_go_to_its_log_after_the_commit(db: Database) -> None:
    tenant = unique("tenant")
    seen: list[tuple[str, str, bool]] = []
    repo = SqlApiKeyRepository(db, lambda t, e: _logged(seen, repo, t, e))
    keys = ApiKeyService(repo, ManualClock(NOW), cache_seconds=0, tenant=tenant)
    before = log_sizes(db)
    key = keys.create(Role.MODERATOR, name="theirs", actor="owner")
    keys.revoke(key.key_id, actor="owner")
    # Each event reached the tenant's log once its change was visible to other connections,
    # and none went into this database's log.
    assert seen == [
        (tenant, "apikey.created", True),
        (tenant, "apikey.revoked", True),
    ]
    assert log_sizes(db) == before
    # A change that fails sends nothing, not even the events it recorded before failing.
    with pytest.raises(Conflict), repo.transaction(tenant) as tx:
        _add_again(tx, keys, key.key_id)
    assert len(seen) == 2


def _logged(
    seen: list[tuple[str, str, bool]], repo: SqlApiKeyRepository, tenant: str, event: Event
) -> None:
    key_id = event.subject_id
    stored = {k.key_id: k for k in repo.list(tenant)}.get(key_id)
    committed = stored is not None and (event.type != "apikey.revoked" or not stored.active)
    seen.append((tenant, event.type, committed))


def _add_again(tx: SqlApiKeyTransaction, keys: ApiKeyService, key_id: str) -> None:
    """Records an event, then stores a key whose id exists: the insert fails."""
    (info,) = [k for k in keys.list() if k.key_id == key_id]
    tx.record(
        [
            new_event(
                EventType.APIKEY_CREATED,
                subject=("api_key", key_id),
                actor="owner",
                payload={},
                at=NOW,
            )
        ]
    )
    tx.add(info, "hash")
