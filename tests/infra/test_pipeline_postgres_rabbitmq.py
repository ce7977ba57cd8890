"""The scaled-out shape for real: the API publishes, two `civility worker` processes compete on
RabbitMQ, PostgreSQL holds the state. Plus the faults: kill -9 a worker, restart the broker."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.conftest import require_server
from tests.infra.infra_helpers import AMQP_URL, delete_rabbit, run_async, unique, wait_until

from civility.api.app import create_app
from civility.auth.keys import Role
from civility.container import Container, build_container
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage import tables as t

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]


@dataclass
class Stack:
    """The API in this process, workers as subprocesses, all on one queue name."""

    client: TestClient
    container: Container
    headers: dict[str, str]
    env: dict[str, str]
    logs: Path
    workers: list[subprocess.Popen[bytes]]

    def start_worker(self) -> subprocess.Popen[bytes]:
        """Starts one `civility worker` process."""
        with (self.logs / f"worker{len(self.workers)}.log").open("wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "civility", "worker"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.workers.append(proc)
        return proc

    def submit(self, n: int, tag: str) -> list[str]:
        """Submits n messages in pages of 1,000; returns their ids."""
        ids: list[str] = []
        for start in range(0, n, 1000):
            body = {
                "messages": [
                    {
                        "message_id": f"{tag}-{i}",
                        "author_id": f"u{i % 50}",
                        "channel_id": tag,
                        "text": "you are a stupid idiot" if i % 4 == 0 else f"hello number {i}",
                    }
                    for i in range(start, min(n, start + 1000))
                ]
            }
            r = self.client.post("/v1/messages", json=body, headers=self.headers)
            assert r.status_code == 202, r.text
            ids += [item["id"] for item in r.json()["items"]]
        return ids

    def decisions_per_message(self, ids: list[str]) -> dict[str, int]:
        """Counts decisions by message id."""
        found: dict[str, int] = {}
        with self.container.db.read() as conn:
            for k in range(0, len(ids), 1000):
                rows = conn.execute(
                    select(t.decisions.c.message_id, func.count())
                    .where(t.decisions.c.message_id.in_(ids[k : k + 1000]))
                    .group_by(t.decisions.c.message_id)
                ).all()
                found.update({m: int(c) for m, c in rows})
        return found


@pytest.fixture
def stack(postgres_url: str, tmp_path: Path) -> Iterator[Stack]:
    require_server("RabbitMQ", "127.0.0.1", 5672)
    queue = unique("test.pipeline")
    exchange = unique("test.events")
    env = {
        **os.environ,
        "CIVILITY_DATABASE_URL": postgres_url,
        "CIVILITY_BROKER_URL": AMQP_URL,
        "CIVILITY_BROKER_QUEUE": queue,
        "CIVILITY_EVENTS_EXCHANGE": exchange,
        "CIVILITY_SCORER": "lexicon-baseline",
        "CIVILITY_BATCH_MAX_SIZE": "64",
        "CIVILITY_BATCH_MAX_WAIT_MS": "5",
        "CIVILITY_LOG_LEVEL": "warning",
    }
    settings = load_settings(
        database_url=postgres_url,
        broker_url=AMQP_URL,
        broker_queue=queue,
        events_exchange=exchange,
        scorer="lexicon-baseline",
        env="test",
        data_dir=tmp_path,
    )
    assert not settings.runs_embedded_worker  # serve publishes only with a shared broker
    built: list[Container] = []

    def build() -> Container:
        built.append(build_container(settings, scorer=LexiconBaselineScorer()))
        return built[0]

    workers: list[subprocess.Popen[bytes]] = []
    try:
        with TestClient(create_app(build)) as client:
            c = built[0]
            headers = {"Authorization": f"Bearer {c.api_keys.create(Role.SERVICE).secret}"}
            yield Stack(client, c, headers, env, tmp_path, workers)
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in workers:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        delete_rabbit([queue, f"{queue}.dead"], [exchange])


def _consumers(stack: Stack) -> int:

    import aio_pika

    async def go() -> int:
        conn = await aio_pika.connect(AMQP_URL)
        async with conn:
            ch = await conn.channel()
            q = await ch.declare_queue(stack.env["CIVILITY_BROKER_QUEUE"], passive=True)
            return int(q.declaration_result.consumer_count or 0)

    return run_async(go())


def test_two_worker_processes_share_the_queue_and_decide_everything_once(stack: Stack) -> None:
    stack.start_worker()
    stack.start_worker()
    assert wait_until(lambda: _consumers(stack) == 2, 60), "both workers should consume"
    ids = stack.submit(3000, unique("two"))
    assert wait_until(lambda: len(stack.decisions_per_message(ids)) == len(ids), 90)
    assert set(stack.decisions_per_message(ids).values()) == {1}
    r = stack.client.get(f"/v1/messages/{ids[0]}", headers=stack.headers)
    assert r.json()["status"] == "decided"
    assert all(p.poll() is None for p in stack.workers)


@pytest.mark.slow
def test_kill_9_of_a_worker_mid_batch_loses_and_repeats_nothing(stack: Stack) -> None:
    victim = stack.start_worker()
    stack.start_worker()
    assert wait_until(lambda: _consumers(stack) == 2, 60)
    ids = stack.submit(6000, unique("kill"))
    assert wait_until(lambda: len(stack.decisions_per_message(ids)) >= 500, 60)
    victim.send_signal(signal.SIGKILL)  # no chance to ack, nack or finish its batch
    victim.wait(10)
    assert wait_until(lambda: len(stack.decisions_per_message(ids)) == len(ids), 120)
    assert set(stack.decisions_per_message(ids).values()) == {1}


@pytest.mark.slow
def test_a_broker_restart_during_a_run_loses_nothing(stack: Stack) -> None:
    exe = shutil.which("rabbitmqctl")
    if exe is None:
        pytest.skip("rabbitmqctl is not installed")
    stack.start_worker()
    stack.start_worker()
    assert wait_until(lambda: _consumers(stack) == 2, 60)
    ids = stack.submit(6000, unique("restart"))
    assert wait_until(lambda: len(stack.decisions_per_message(ids)) >= 300, 60)
    try:
        subprocess.run([exe, "stop_app"], check=True, capture_output=True, timeout=120)
    finally:
        subprocess.run([exe, "start_app"], check=True, capture_output=True, timeout=120)
        subprocess.run([exe, "await_startup"], check=True, capture_output=True, timeout=120)
    more = stack.submit(1000, unique("after"))  # the API reconnects to publish
    everything = ids + more
    assert wait_until(lambda: len(stack.decisions_per_message(everything)) == len(everything), 120)
    assert set(stack.decisions_per_message(everything).values()) == {1}
    assert all(p.poll() is None for p in stack.workers)
