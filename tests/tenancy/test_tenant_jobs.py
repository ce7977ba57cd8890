"""Every tenant's background jobs start with the process, join when created, and are replaced
when the tenant's settings change."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.tenancy.conftest import tenant_settings

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.jobs import JobSet, TenantJobs
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.storage.db import upgrade


@pytest.fixture
def root(tmp_path: Path) -> Iterator[Container]:
    """An installation's container on a SQLite file, before any job runs."""
    settings = tenant_settings(f"sqlite:///{(tmp_path / 'c.db').as_posix()}", tmp_path)
    upgrade(settings.database_url)
    container = build_container(settings, clock=ManualClock(), scorer=LexiconBaselineScorer())
    yield container
    container.close()


def test_tenant_jobs_follow_the_tenant_list(root: Container) -> None:
    first = root.tenants.service.create("forum", actor="test")

    async def scenario() -> None:
        jobs = TenantJobs(root, JobSet(worker=True, sweeper=True))
        await jobs.start()
        assert jobs.running == ["default", first.id]
        # A tenant created later (by another process, say) joins at the next refresh.
        later = root.tenants.service.create("game", actor="test")
        await jobs.refresh()
        assert jobs.running == ["default", first.id, later.id]
        # New settings: the container is built again and its jobs replaced.
        old = root.tenants.get(first.id)
        root.tenants.service.configure(first.id, {"retention_days": 7}, actor="test")
        root.tenants.forget(first.id)
        await jobs.refresh()
        new = root.tenants.get(first.id)
        assert new is not old
        assert new.settings.retention_days == 7
        await asyncio.sleep(0)  # let the replacement scheduled from the build run
        await jobs.refresh()
        assert jobs.container_of(first.id) is new
        await jobs.stop()
        assert jobs.running == []

    asyncio.run(scenario())


def test_a_tenant_disabled_elsewhere_stops_its_jobs_at_the_next_refresh(root: Container) -> None:
    forum = root.tenants.service.create("forum", actor="test")

    async def scenario() -> None:
        jobs = TenantJobs(root, JobSet(worker=True, sweeper=True))
        await jobs.start()
        assert jobs.running == ["default", forum.id]
        # Another process (the CLI) disables it: this one learns at its next refresh.
        root.tenants.service.set_disabled("forum", True, actor="cli")
        await jobs.refresh()
        assert jobs.running == ["default"]
        assert root.tenants.get_built(forum.id) is None
        root.tenants.service.set_disabled("forum", False, actor="cli")
        await jobs.refresh()
        assert jobs.running == ["default", forum.id]
        await jobs.stop()

    asyncio.run(scenario())
