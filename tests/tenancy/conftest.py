"""Two tenants on one installation, each with keys of every role, served by the real app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from civility.api.app import create_app
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings, load_settings
from civility.storage.db import upgrade


@dataclass
class Tenanted:
    """The app's client, the root container, an owner key and each tenant's keys by role."""

    client: TestClient
    root: Container
    owner: str
    keys: dict[str, dict[str, str]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def headers(self, tenant: str, role: str = "admin") -> dict[str, str]:
        """The Authorization header of a tenant's key of a role."""
        secret = self.owner if role == "owner" else self.keys[tenant][role]
        return {"Authorization": f"Bearer {secret}"}

    def call(self, method: str, url: str, tenant: str, role: str = "admin", **kw: Any) -> Any:
        """Sends one request with a tenant's key."""
        return self.client.request(method, url, headers=self.headers(tenant, role), **kw)

    def add_tenant(self, name: str) -> str:
        """Creates a tenant through the owner API and one key per role in it."""
        r = self.client.post("/v1/tenants", json={"name": name}, headers=self.headers("", "owner"))
        assert r.status_code == 201, r.text
        tenant_id: str = r.json()["id"]
        self.ids[name] = tenant_id
        self.keys[name] = {}
        for role in ("admin", "moderator", "service"):
            made = self.client.post(
                f"/v1/tenants/{name}/apikeys",
                json={"role": role, "name": f"{name} {role}"},
                headers=self.headers("", "owner"),
            )
            assert made.status_code == 201, made.text
            self.keys[name][role] = made.json()["secret"]
        return tenant_id


def tenant_settings(database_url: str, data_dir: Path, **overrides: Any) -> Settings:
    """Settings of an installation whose tenants are tested (a file or PostgreSQL database)."""
    return load_settings(
        database_url=database_url,
        data_dir=data_dir,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        webhook_allowed_targets="127.0.0.0/8",
        # Deliveries are tested on their own (test_tenant_events.py); here they would only
        # retry against the walk's unreachable URLs.
        webhooks_dispatcher=False,
        **overrides,
    )


def serve(settings: Settings, clock: ManualClock) -> Iterator[Tenanted]:
    """Runs the app with its lifespan and yields the two-tenant harness."""
    upgrade(settings.database_url)
    built: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        built.append(c)
        return c

    app = create_app(build)
    with TestClient(app, raise_server_exceptions=False) as client:
        root = built[0]
        owner = root.api_keys.create(Role.OWNER, name="owner").secret
        t = Tenanted(client=client, root=root, owner=owner)
        t.keys["default"] = {
            role.value: root.api_keys.create(role, name=f"default {role.value}").secret
            for role in (Role.ADMIN, Role.MODERATOR, Role.SERVICE)
        }
        yield t


@pytest.fixture
def tenanted(tmp_path: Path, clock: ManualClock) -> Iterator[Tenanted]:
    """An installation on a SQLite file, no tenant created yet."""
    settings = tenant_settings(f"sqlite:///{(tmp_path / 'civility.db').as_posix()}", tmp_path)
    yield from serve(settings, clock)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_tenanted(
    request: pytest.FixtureRequest, tmp_path: Path, clock: ManualClock
) -> Iterator[Tenanted]:
    """The installation on each database: a SQLite file, then PostgreSQL (schemas)."""
    if request.param == "sqlite":
        url = f"sqlite:///{(tmp_path / 'civility.db').as_posix()}"
    else:
        url = request.getfixturevalue("fresh_postgres_url")
    yield from serve(tenant_settings(url, tmp_path), clock)
