"""/readyz means the database accepts writes; a fatal signal leaves a line before the exit."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

import psycopg
import pytest
from tests.conftest import POSTGRES_ADMIN_URL, Api
from tests.infra.infra_helpers import wait_until

from civility.errors import Unavailable
from civility.storage.db import Database, upgrade
from civility.storage.health import WriteProbe


def _ready(api: Api) -> tuple[int, str]:
    r = api.client.get("/readyz")
    return r.status_code, r.text


def test_readiness_fails_while_no_write_can_commit(api: Api) -> None:
    assert _ready(api)[0] == 200
    path = api.container.settings.database_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, isolation_level=None, timeout=1)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another process holds the write lock: reads work
        assert api.client.get("/healthz").status_code == 200
        status, body = _ready(api)
        assert status == 503, body
        assert "database" in body
        assert "no write committed" in body or "still waiting" in body
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert wait_until(lambda: _ready(api)[0] == 200, 40)


def test_a_fatal_signal_is_reported_on_stderr() -> None:
    # What SQLite's memory-mapped -shm file does when it becomes unreadable: SIGBUS.
    code = (
        "import os, signal\n"
        "from civility.logging import configure_logging\n"
        "configure_logging()\n"
        "os.kill(os.getpid(), signal.SIGBUS)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == -signal.SIGBUS
    assert "Fatal Python error: Bus error" in done.stderr


@pytest.mark.postgres
def test_a_read_only_postgres_is_not_ready(fresh_postgres_url: str) -> None:
    # A failover onto a read-only replica: SELECT 1 still answers, every write fails.
    upgrade(fresh_postgres_url)
    db = Database.from_url(fresh_postgres_url, pool_size=2)
    probe = WriteProbe(db)
    try:
        assert probe.check()
        name = fresh_postgres_url.rsplit("/", 1)[1]
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        db.dispose()  # new sessions pick the setting up
        db.ping()
        with pytest.raises(Unavailable):
            probe.check()
    finally:
        db.dispose()
