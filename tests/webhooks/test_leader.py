"""One webhook dispatcher per deployment: PostgreSQL advisory locks across replicas, a file lock
across the processes of one machine; leadership moves when the leader goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text
from tests.conftest import POSTGRES_ADMIN_URL, Api
from tests.infra.infra_helpers import run_async
from tests.webhooks.conftest import LOOPBACK
from tests.webhooks.test_webhooks import ReceiverFactory, _moderate, _subscribed

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.storage.db import create_db_engine
from civility.storage.leader import FileLeader, PgAdvisoryLeader
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import WebhookDispatcher

KEY = 0x7E57_1EAD  # a test-only lock key, so a running service's dispatcher is not disturbed


@pytest.fixture
def engines(postgres_url: str) -> Iterator[tuple[Engine, Engine]]:
    a, b = create_db_engine(postgres_url, pool_size=2), create_db_engine(postgres_url, pool_size=2)
    yield a, b
    a.dispose()
    b.dispose()


@pytest.mark.postgres
def test_one_postgres_leader_at_a_time_and_takeover_when_it_dies(
    engines: tuple[Engine, Engine],
) -> None:
    first, second = PgAdvisoryLeader(engines[0], KEY), PgAdvisoryLeader(engines[1], KEY)
    assert first.acquire()
    assert first.acquire()  # still leading
    assert not second.acquire()
    first.release()
    assert second.acquire()
    assert not first.acquire()

    # The leader's connection dies (crash, network): the lock goes with it.
    with engines[1].connect() as probe:
        pid = probe.execute(
            text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND classid = 0 AND objid = :o AND database ="
                " (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
            {"o": KEY & 0xFFFFFFFF},
        ).scalar_one()
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        # With a timeout it waits until the backend has exited (and so let go of its locks);
        # without one it only signals it, and the takeover below raced the exit.
        row = admin.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,)).fetchone()
        assert row == (True,)
    try:
        assert first.acquire()
        assert not second.acquire()  # it notices it lost the lock, and another process has it
    finally:
        first.release()
        second.release()


def test_one_file_leader_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    first, second = FileLeader(path), FileLeader(path)
    assert first.acquire()
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_dispatcher_that_does_not_lead_delivers_nothing(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory, tmp_path: Path
) -> None:
    receiver, hook = _subscribed(api, clock, receiver_factory)
    _moderate(api, "l1")
    held = FileLeader(tmp_path / "lock")
    assert held.acquire()

    class Watched(FileLeader):
        """A file leader that stops its dispatcher after a number of turns (not of seconds)."""

        def __init__(self, turns: int, until: Callable[[], bool] = lambda: False) -> None:
            super().__init__(tmp_path / "lock")
            self.turns, self.until, self.dispatcher = turns, until, None

        def acquire(self) -> bool:
            leading = super().acquire()
            self.turns -= 1
            if self.until() or self.turns <= 0:
                assert self.dispatcher is not None
                self.dispatcher.stop()
            return leading

    def run(leader: Watched) -> None:
        repo = SqlWebhookRepository(api.container.db)
        d = WebhookDispatcher(repo, clock, leader=leader, poll_seconds=0.01, targets=LOOPBACK)
        leader.dispatcher = d
        run_async(d.run())

    run(Watched(turns=5))  # five rounds without the lock: nothing is sent
    assert receiver.accepted == []
    held.release()
    run(Watched(turns=10_000, until=lambda: bool(receiver.accepted)))
    assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == ["l1"]
    r = api.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=api.headers(Role.ADMIN))
    assert len(r.json()["items"]) == 1
