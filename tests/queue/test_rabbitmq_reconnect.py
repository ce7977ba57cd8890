"""After the broker drops every connection (or restarts), consumption really resumes."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import uuid

import pytest
from tests.conftest import require_server
from tests.infra.infra_helpers import run_async

from civility.queue.rabbitmq import RabbitMQQueue

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/"

pytestmark = [pytest.mark.rabbitmq, pytest.mark.slow]


def rabbitmqctl(*args: str) -> None:
    """Runs rabbitmqctl (skips the test when it is not installed here)."""
    exe = shutil.which("rabbitmqctl")
    if exe is None:
        pytest.skip("rabbitmqctl is not installed")
    subprocess.run([exe, *args], check=True, capture_output=True, timeout=120)


async def drain(q: RabbitMQQueue, n: int, seconds: float = 30.0) -> set[str]:
    """Receives and acks until n ids arrived (bounded)."""
    seen: set[str] = set()
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while len(seen) < n and loop.time() < end:
        got = await q.receive(64, timeout=0.5)
        await q.ack(got)
        seen |= {d.body["id"] for d in got}
    return seen


@pytest.mark.parametrize(
    "outage",
    [("close_all_connections", "test"), ("stop_app",)],
    ids=["server-closes-connections", "broker-restart"],
)
def test_consumer_is_restored_after_the_broker_comes_back(outage: tuple[str, ...]) -> None:
    require_server("RabbitMQ", "127.0.0.1", 5672)
    name = f"test.{uuid.uuid4().hex[:12]}"

    async def scenario() -> None:
        consumer = RabbitMQQueue(AMQP_URL, name)
        publisher = RabbitMQQueue(AMQP_URL, name, publish_timeout=60)
        await consumer.start()
        await publisher.start()
        await publisher.publish([{"id": f"before{i}"} for i in range(5)])
        assert len(await drain(consumer, 5)) == 5
        await asyncio.to_thread(rabbitmqctl, *outage)
        if outage[0] == "stop_app":
            await asyncio.to_thread(rabbitmqctl, "start_app")
            await asyncio.to_thread(rabbitmqctl, "await_startup")
        await publisher.publish([{"id": f"after{i}"} for i in range(5)])
        assert await drain(consumer, 5) == {f"after{i}" for i in range(5)}
        await consumer.close()
        await publisher.close()

    try:
        run_async(scenario())
    finally:
        rabbitmqctl("await_startup")
        from tests.queue.test_queue_contract import _delete_rabbit_queues

        _delete_rabbit_queues([name, f"{name}.dead"])
