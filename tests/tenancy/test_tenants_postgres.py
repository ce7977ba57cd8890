"""Tenants on PostgreSQL: each a schema of the same database, every statement pinned to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from tests.tenancy.conftest import Tenanted, serve, tenant_settings
from tests.tenancy.test_isolation_walk import seed

from civility.clock import ManualClock
from civility.container import upgrade_tenants
from civility.storage.db import normalise_url


@pytest.fixture
def pg_tenanted(fresh_postgres_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[Tenanted]:
    """An installation on a PostgreSQL database of its own."""
    yield from serve(tenant_settings(fresh_postgres_url, tmp_path), clock)


def test_tenants_are_schemas_and_see_only_their_own(pg_tenanted: Tenanted) -> None:
    t = pg_tenanted
    alpha_id = t.add_tenant("alpha")
    t.add_tenant("beta")
    alpha = seed(t, "alpha")
    seed(t, "beta")
    # The same platform ids in both tenants are two messages, each visible to its tenant only.
    for name in ("alpha", "beta"):
        page = t.call("GET", "/v1/messages", name, params={"limit": 100}).json()["items"]
        assert {m["message_id"] for m in page} == {"m1", "m2", "m3", "m4"}
        assert {m["author_id"] for m in page} == {f"{name}-author"}
    assert t.call("GET", f"/v1/messages/{alpha['id']}", "beta").status_code == 404
    assert t.call("GET", "/v1/messages", "default").json()["items"] == []
    url = normalise_url(t.root.settings.database_url).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(url) as conn:
        schemas = {
            r[0] for r in conn.execute("SELECT schema_name FROM information_schema.schemata")
        }
        counted = conn.execute(
            f'SELECT count(*) FROM "civility_tenant_{alpha_id}".messages'
        ).fetchone()
        public = conn.execute("SELECT count(*) FROM public.messages").fetchone()
    assert f"civility_tenant_{alpha_id}" in schemas
    assert counted == (4,)
    assert public == (0,)
    # Upgrading again finds every tenant at head (idempotent).
    assert upgrade_tenants(t.root.settings) == 2
