"""A key created for a dashboard user stops working while that user is disabled and works
again once they are enabled (refused, never revoked), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.dashboard import DashboardRole
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import build_api_keys, build_dashboard_accounts
from civility.errors import Unauthorized
from civility.events.models import EventQuery
from civility.ids import new_id
from civility.settings import Settings, load_settings
from civility.storage.db import Database, upgrade

PASSWORD = "a long password"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """The service on SQLite, then on an empty PostgreSQL database of the test's own."""
    url = request.getfixturevalue(
        "sqlite_url" if request.param == "sqlite" else "fresh_postgres_url"
    )
    upgrade(url)
    return load_settings(
        database_url=url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
    )


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def _key_for(api: Api, role: str, user: str) -> Any:
    body = {"role": role, "name": f"{user}'s script", "user": user}
    made = api.client.post("/v1/apikeys", json=body, headers=api.headers())
    assert made.status_code == 201, made.text
    return made.json()


def _listed(api: Api, key_id: str) -> dict[str, Any]:
    items = api.client.get("/v1/apikeys", headers=api.headers()).json()["items"]
    return next(k for k in items if k["key_id"] == key_id)


def test_a_disabled_users_key_is_refused_and_works_again_when_they_are_enabled(
    api: Api,
) -> None:
    accounts = api.container.dashboard
    accounts.create("ana", PASSWORD, DashboardRole.ADMIN, actor="t")
    accounts.create("bo", PASSWORD, DashboardRole.MODERATOR, actor="t")
    anas = _key_for(api, "admin", "ana")
    bos = _key_for(api, "moderator", "bo")
    # The first answer also puts ana's key in the process's key cache.
    assert api.client.get("/v1/apikeys", headers=_bearer(anas["secret"])).status_code == 200

    assert accounts.disable("ana", actor="t")
    refused = api.client.get("/v1/apikeys", headers=_bearer(anas["secret"]))
    assert refused.status_code == 401
    error = refused.json()["error"]
    assert error["code"] == "key_owner_disabled"
    assert "disabled" in error["message"]
    assert "ana" not in error["message"]  # a caller learns the state, not the account's name
    # Only ana's key: bo's key and keys created for nobody still work.
    assert api.client.get("/v1/events", headers=_bearer(bos["secret"])).status_code == 200
    assert api.client.get("/v1/events", headers=api.headers(Role.MODERATOR)).status_code == 200
    listed = _listed(api, anas["key_id"])
    assert (listed["user"], listed["user_disabled"], listed["active"]) == ("ana", True, True)
    assert _listed(api, bos["key_id"])["user_disabled"] is False

    assert accounts.enable("ana", actor="t")
    assert api.client.get("/v1/apikeys", headers=_bearer(anas["secret"])).status_code == 200
    assert _listed(api, anas["key_id"])["user_disabled"] is False
    enabled = api.container.events.list_events(EventQuery(type="dashboard.user_enabled"))
    assert [(e.subject_id, e.actor) for e in enabled] == [("ana", "t")]
    assert accounts.enable("ana", actor="t") is False  # already enabled: no second event


def test_a_disabled_users_admin_key_does_not_count_as_the_next_admin_key(api: Api) -> None:
    api.container.dashboard.create("ana", PASSWORD, DashboardRole.ADMIN, actor="t")
    _key_for(api, "admin", "ana")
    api.container.dashboard.disable("ana", actor="t")
    fixture_admin = api.headers()["Authorization"].split("_")[1]
    r = api.client.post(f"/v1/apikeys/{fixture_admin}/revoke", headers=api.headers())
    # Revoking it would leave only a refused admin key: nothing could create another over the API.
    assert (r.status_code, r.json()["error"]["code"]) == (409, "last_admin_key")


class Ticks:
    """A monotonic clock for the key cache that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_another_process_refuses_the_key_when_its_cache_entry_expires(db: Database) -> None:
    # The server caches keys for 30 s; `civility user disable` runs in another process and
    # cannot reach that cache, so the documented bound is the cache time, as for a revocation.
    clock, ticks = ManualClock(), Ticks()
    server = build_api_keys(db, clock, cache_seconds=30, monotonic=ticks)
    cli_accounts = build_dashboard_accounts(db, clock)  # no key cache to drop
    user = f"ana-{new_id('u')[-8:]}"  # the PostgreSQL database is shared by the session
    cli_accounts.create(user, PASSWORD, DashboardRole.MODERATOR, actor="cli")
    key = server.create(Role.MODERATOR, user=user)
    assert server.authenticate(key.secret).id == f"key:{key.key_id}"

    assert cli_accounts.disable(user, actor="cli")
    ticks.now += 29.9
    assert server.authenticate(key.secret).id == f"key:{key.key_id}"  # cached, within 30 s
    ticks.now += 0.1
    with pytest.raises(Unauthorized) as refused:
        server.authenticate(key.secret)
    assert refused.value.code == "key_owner_disabled"
    assert server.cached(key.secret) is None  # a refusal is not cached

    assert cli_accounts.enable(user, actor="cli")
    assert server.authenticate(key.secret).role is Role.MODERATOR
    assert [k.user_disabled for k in server.list() if k.key_id == key.key_id] == [False]


def test_the_process_that_disables_the_user_drops_their_keys_from_its_cache_at_once(
    db: Database,
) -> None:
    clock, ticks = ManualClock(), Ticks()
    keys = build_api_keys(db, clock, cache_seconds=30, monotonic=ticks)
    accounts = build_dashboard_accounts(db, clock, keys=keys)
    user = f"ana-{new_id('u')[-8:]}"
    accounts.create(user, PASSWORD, DashboardRole.MODERATOR, actor="t")
    theirs, nobodys = keys.create(Role.MODERATOR, user=user), keys.create(Role.MODERATOR)
    keys.authenticate(theirs.secret)
    keys.authenticate(nobodys.secret)

    accounts.disable(user, actor="t")
    assert keys.cached(theirs.secret) is None
    assert keys.cached(nobodys.secret) is not None  # other keys stay cached
    with pytest.raises(Unauthorized) as refused:
        keys.authenticate(theirs.secret)
    assert refused.value.code == "key_owner_disabled"
    assert [k.user_disabled for k in keys.list() if k.key_id == theirs.key_id] == [True]


def test_a_wrong_secret_for_a_disabled_users_key_says_nothing_about_the_user(
    db: Database,
) -> None:
    keys = build_api_keys(db, ManualClock(), cache_seconds=0)
    accounts = build_dashboard_accounts(db, ManualClock())
    user = f"ana-{new_id('u')[-8:]}"
    accounts.create(user, PASSWORD, DashboardRole.MODERATOR, actor="t")
    key = keys.create(Role.MODERATOR, user=user)
    accounts.disable(user, actor="t")
    with pytest.raises(Unauthorized) as refused:
        keys.authenticate(key.secret[:-4] + "AAAA")
    assert refused.value.code == "invalid_api_key"


def test_start_up_creates_an_admin_key_when_only_disabled_users_hold_one(
    sqlite_url: str,
) -> None:
    # An empty database of its own: the session's PostgreSQL one has the other tests' keys.
    db = Database.from_url(sqlite_url, pool_size=1)
    try:
        keys = build_api_keys(db, ManualClock(), cache_seconds=0)
        accounts = build_dashboard_accounts(db, ManualClock())
        accounts.create("ana", PASSWORD, DashboardRole.ADMIN, actor="t")
        keys.create(Role.ADMIN, user="ana")
        assert keys.ensure_admin() is None
        accounts.disable("ana", actor="t")
        made = keys.ensure_admin()
        assert made is not None
        assert keys.authenticate(made.secret).role is Role.ADMIN
        assert keys.ensure_admin() is None
    finally:
        db.dispose()
