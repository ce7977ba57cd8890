"""Shared fixtures: a migrated database per test, a container, an API client with keys."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from tests.embedded_worker import batches_of

from civility.api.app import create_app
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.scoring.base import Scorer
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings, load_settings
from civility.storage.db import Database, upgrade

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Property tests check behaviour, not speed (benchmarks do that): on a shared, loaded
# machine Hypothesis's 200 ms per-example deadline only produced flaky failures.
hypothesis_settings.register_profile("civility", deadline=None)
hypothesis_settings.load_profile("civility")
POSTGRES_ADMIN_URL = os.environ.get(
    "CIVILITY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def reachable(host: str, port: int) -> bool:
    """Tells whether a TCP server answers on host:port."""
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_server(name: str, host: str, port: int) -> None:
    """Skips (or, under CI=true, fails) when a server the test needs is down."""
    if reachable(host, port):
        return
    message = f"{name} is not reachable on {host}:{port}"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it (.ci/run starts it)")
    pytest.skip(f"{message}; start it to run this test")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A migrated SQLite database file."""
    url = f"sqlite:///{tmp_path / 'civility.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for the session, dropped afterwards."""
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_test_{uuid.uuid4().hex[:10]}"
    admin = POSTGRES_ADMIN_URL
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated database of each kind in turn: SQLite, then the session's PostgreSQL."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    database = Database.from_url(url, pool_size=4)
    yield database
    database.dispose()


@pytest.fixture
def fresh_postgres_url() -> Iterator[str]:
    """An empty PostgreSQL database of its own (a server started on it creates its admin key)."""
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def clock() -> ManualClock:
    """A clock that moves only when a test says so."""
    return ManualClock()


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """Settings for an embedded-default service on a temporary database."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
    )


@pytest.fixture
def container(settings: Settings, clock: ManualClock) -> Iterator[Container]:
    """A container without the HTTP layer."""
    c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
    yield c
    c.close()


@dataclass
class Api:
    """A test client plus one key per role."""

    client: TestClient
    container: Container
    keys: dict[Role, str]

    def headers(self, role: Role = Role.ADMIN) -> dict[str, str]:
        """Returns the Authorization header for a role's key."""
        return {"Authorization": f"Bearer {self.keys[role]}"}


@pytest.fixture
def api_scorer() -> Scorer:
    """The scorer the `api` fixture serves with (a module may override this fixture)."""
    return LexiconBaselineScorer()


@pytest.fixture
def api(settings: Settings, clock: ManualClock, api_scorer: Scorer) -> Iterator[Api]:
    """The ASGI app with its lifespan (embedded worker) running."""
    built: list[Container] = []
    admin: list[str] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=api_scorer)
        built.append(c)
        return c

    app = create_app(build, on_admin_key=admin.append)
    with TestClient(app, raise_server_exceptions=False) as client:
        c = built[0]
        batches_of(c.moderation)  # before anything is submitted (tests/embedded_worker.py)
        keys = {Role.ADMIN: admin[0]}
        for role in (Role.SERVICE, Role.MODERATOR):
            keys[role] = c.api_keys.create(role).secret
        yield Api(client=client, container=c, keys=keys)
