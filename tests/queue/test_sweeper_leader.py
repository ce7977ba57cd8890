"""One process of a deployment sweeps, and `civility worker` sweeps too: a deployment of
workers alone re-enqueues what was accepted but never decided."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import redis
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async, unique, wait_until
from tests.queue.test_sweeper import _accept, _drain

from civility.clock import ManualClock
from civility.container import Container, build_container, leader_for
from civility.moderation.models import IncomingMessage
from civility.queue.sweeper import PendingSweeper
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import upgrade
from civility.storage.leader import FileLeader, PgAdvisoryLeader

REDIS_URL = "redis://127.0.0.1:6379/0"


def test_only_the_leader_sweeps(container: Container, clock: ManualClock) -> None:
    leaders = [leader_for(container, "sweeper") for _ in range(2)]
    first, second = (
        PendingSweeper(container.moderation, container.queue, clock, min_age=0, leader=leader)
        for leader in leaders
    )
    [mid] = _accept(container, "a")
    clock.advance(timedelta(seconds=1))
    try:
        assert run_async(first.sweep()) == 1
        assert run_async(second.sweep()) == -1  # another process leads: it does nothing
        assert run_async(_drain(container)) == [mid]
    finally:
        for leader in leaders:
            leader.release()


def test_a_worker_alone_decides_messages_that_never_reached_the_queue(tmp_path: Path) -> None:
    require_server("Redis", "127.0.0.1", 6379)
    queue = unique("civility.test.sweep")
    env = {
        "CIVILITY_DATA_DIR": str(tmp_path),
        "CIVILITY_BROKER_URL": REDIS_URL,
        "CIVILITY_BROKER_QUEUE": queue,
        "CIVILITY_SCORER": "lexicon-baseline",
        "CIVILITY_PENDING_SWEEP_SECONDS": "0.2",
        "CIVILITY_PENDING_MIN_AGE_SECONDS": "0",
        "CIVILITY_METRICS_PORT": "0",
    }
    settings = load_settings(
        data_dir=tmp_path, broker_url=REDIS_URL, broker_queue=queue, scorer="lexicon-baseline"
    )
    upgrade(settings.database_url)
    c = build_container(settings, scorer=LexiconBaselineScorer())
    # Accepted and stored, never published: what a dead-lettered or lost publish leaves.
    accepted, _ = c.moderation.accept([IncomingMessage("lost-1", "u1", "general", "hello")])
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CIVILITY_")} | env
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "civility", "worker"],
            env=full_env,
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        decided = lambda: c.moderation.get_message(accepted[0].id).status == "decided"  # noqa: E731
        assert wait_until(decided, 60), log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        c.close()
        redis.Redis.from_url(REDIS_URL).delete(queue, f"{queue}.dead")


def test_the_leader_runs_its_other_chore_after_each_sweep_and_the_others_do_not(
    container: Container, clock: ManualClock
) -> None:
    leaders = [leader_for(container, "sweeper") for _ in range(2)]
    ran: list[str] = []

    def sweeper(name: str, leader: FileLeader | PgAdvisoryLeader) -> PendingSweeper:
        def chore() -> None:  # the retention purge in production
            ran.append(name)
            first.stop()
            second.stop()

        return PendingSweeper(
            container.moderation, container.queue, clock, interval=0, leader=leader, also=chore
        )

    first = sweeper("first", leaders[0])
    second = sweeper("second", leaders[1])
    assert leaders[0].acquire()  # the first process leads

    async def both() -> None:
        await asyncio.gather(second.run(), first.run())

    try:
        run_async(both())
    finally:
        for leader in leaders:
            leader.release()
    assert ran == ["first"]
