"""`civility tenant …` and the `--tenant` options, as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.cli_helpers import cli_data_dir, invoke

from civility.clock import SystemClock
from civility.container import build_api_keys
from civility.events.models import EventQuery
from civility.storage.db import Database
from civility.storage.repositories import SqlEventRepository
from civility.storage.tenants import tenant_database_url


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_data_dir(tmp_path, monkeypatch)


def test_a_tenant_and_its_keys_from_the_command_line(env: Path) -> None:
    code, out, err = invoke("tenant", "create", "forum")
    assert code == 0, err
    tenant_id = out.strip().splitlines()[-1]
    assert tenant_id.startswith("ten_")
    assert (env / "tenants" / f"{tenant_id}.db").exists()
    code, out, _ = invoke("tenant", "list", "--json")
    assert [json.loads(line)["name"] for line in out.splitlines()] == ["default", "forum"]

    code, out, err = invoke(
        "apikey", "create", "--role", "service", "--tenant", "forum",
        "--channel", "general", "--channel", "help", "--name", "bot",
    )  # fmt: skip
    assert code == 0, err
    secret = out.strip().splitlines()[-1]
    url = f"sqlite:///{env / 'civility.db'}"
    db = Database.from_url(url, pool_size=1)
    try:
        principal = build_api_keys(db, SystemClock(), cache_seconds=0).authenticate(secret)
    finally:
        db.dispose()
    assert (principal.tenant, principal.channels) == (tenant_id, frozenset({"general", "help"}))
    code, out, _ = invoke("apikey", "list", "--tenant", "forum", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["name"], r["channels"]) for r in rows] == [("bot", ["general", "help"])]
    assert "bot" not in invoke("apikey", "list")[1]  # the default tenant's keys only

    # The key's creation is in the tenant's own log, not the installation's.
    tenant_url, _ = tenant_database_url(url, tenant_id)
    tenant_db = Database.from_url(tenant_url, pool_size=1)
    try:
        events = SqlEventRepository(tenant_db).list_events(EventQuery(type="apikey.created"))
    finally:
        tenant_db.dispose()
    assert [e.payload["name"] for e in events] == ["bot"]

    code, _, err = invoke(
        "user", "create", "--username", "forum-mod", "--role", "moderator",
        "--password", "correct horse battery", "--tenant", "forum",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = invoke("author", "export", "nobody", "--tenant", "forum")
    assert code == 0, err
    assert json.loads(out)["messages"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tenant", "create", "Forum"), "a tenant name is 2-40 characters"),
        (("apikey", "create", "--role", "admin", "--tenant", "nowhere"), "no tenant 'nowhere'"),
        (("apikey", "create", "--role", "owner", "--tenant", "forum"), "owner keys belong"),
        (("apikey", "create", "--role", "admin", "--channel", "x"), "only service keys"),
        (("author", "export", "u1", "--tenant", "nowhere"), "no tenant 'nowhere'"),
    ],
)
def test_mistakes_are_one_line(env: Path, args: tuple[str, ...], message: str) -> None:
    assert invoke("tenant", "create", "forum")[0] == 0
    code, _, err = invoke(*args)
    assert code == 2
    assert err.count("\n") == 1, err
    assert message in err
