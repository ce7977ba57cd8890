"""The metrics the alerts and the dashboard read: recorded, initialised, refreshed, served."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from tests.conftest import Api
from tests.metric_samples import metric_value

from civility.clock import ManualClock
from civility.container import Container
from civility.moderation.models import IncomingMessage
from civility.observability.gauges import GaugeRefresher
from civility.observability.server import MetricsServer, start_role_metrics
from civility.queue.memory import InMemoryQueue
from civility.storage.backlog import SqlBacklog


def sample(text: str, name: str, **labels: str) -> float:
    """Returns the value of one sample in Prometheus text (labels in any order)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        head, _, value = line.rpartition(" ")
        metric, _, rest = head.partition("{")
        if metric != name:
            continue
        got = dict(p.split("=", 1) for p in rest.rstrip("}").split(",") if p)
        if all(got.get(k) == f'"{v}"' for k, v in labels.items()):
            return float(value)
    raise AssertionError(f"no sample {name}{labels}")


def test_api_metrics_cover_scores_decisions_and_backlogs(api: Api) -> None:
    before = api.client.get("/metrics").text
    # Initialised at zero, before any traffic of that kind.
    assert sample(before, "civility_dead_letters_total", reason="attempts") >= 0
    assert sample(before, "civility_score_count", category="threat") >= 0
    toxic = {"message_id": "m1", "author_id": "a", "channel_id": "c", "text": "you stupid idiot"}
    assert api.client.post("/v1/moderate", json=toxic, headers=api.headers()).status_code == 200
    text = api.client.get("/metrics").text
    decided = sum(
        sample(
            text, "civility_decisions_total", action=a, channel_class="default_policy", path="sync"
        )
        for a in ("allow", "flag", "hide", "block")
    )
    assert decided >= 1
    assert sample(text, "civility_score_count", category="toxicity") >= 1
    assert sample(text, "civility_scoring_seconds_count") >= 1
    assert sample(text, "civility_scoring_batch_size_count") >= 1
    for gauge in (
        "civility_queue_depth",
        "civility_oldest_pending_seconds",
        "civility_outbox_pending",
        "civility_outbox_lag_seconds",
        "civility_webhook_lag_seconds",
        "civility_rating_backlog",
    ):
        assert sample(text, gauge) == 0, gauge


def test_channel_policy_decisions_are_their_own_class(api: Api) -> None:
    put = api.client.put("/v1/channels/kids/policy", json={"categories": {}}, headers=api.headers())
    assert put.status_code == 200, put.text
    body = {"message_id": "k1", "author_id": "a", "channel_id": "kids", "text": "hello"}
    assert api.client.post("/v1/moderate", json=body, headers=api.headers()).status_code == 200
    text = api.client.get("/metrics").text
    assert (
        sample(text, "civility_decisions_total", action="allow", channel_class="channel_policy")
        >= 1
    )


def test_backlog_reads_the_oldest_pending_message(container: Container, clock: ManualClock) -> None:
    backlog = SqlBacklog(container.db)
    empty = backlog.read(clock.now())
    assert empty.oldest_pending is None
    assert empty.outbox_rows == 0
    received = clock.now()
    msg = IncomingMessage(message_id="p1", author_id="a", channel_id="c", text="hi")
    container.moderation.accept([msg])
    clock.advance(30)
    assert backlog.read(clock.now()).oldest_pending == received


def test_refresher_sets_gauges_and_survives_outages(
    container: Container, clock: ManualClock
) -> None:
    class DeadQueue(InMemoryQueue):
        async def depth(self) -> int:
            raise ConnectionError("broker down")

    ticks = iter([0.0, 1.0, 10.0])
    container.moderation.accept(
        [IncomingMessage(message_id="p1", author_id="a", channel_id="c", text="hi")]
    )
    clock.advance(42)
    gauges = GaugeRefresher(
        clock,
        queue=DeadQueue(),
        backlog=SqlBacklog(container.db),
        rating_backlog=lambda: 7,
        monotonic=lambda: next(ticks),
    )
    failures = metric_value("civility_gauge_refresh_failures_total", source="broker")
    asyncio.run(gauges.refresh())
    assert metric_value("civility_oldest_pending_seconds") == pytest.approx(42)
    assert metric_value("civility_rating_backlog") == 7
    assert metric_value("civility_gauge_refresh_failures_total", source="broker") == failures + 1
    asyncio.run(gauges.refresh())  # within min_interval: no second read
    assert metric_value("civility_gauge_refresh_failures_total", source="broker") == failures + 1
    asyncio.run(gauges.refresh())
    assert metric_value("civility_gauge_refresh_failures_total", source="broker") == failures + 2


def test_role_metrics_server_answers_metrics_and_health() -> None:
    async def scenario() -> None:
        queue = InMemoryQueue()
        await queue.publish([{"id": "a"}, {"id": "b"}])
        server = MetricsServer(
            "127.0.0.1", 0, GaugeRefresher(ManualClock(), queue=queue), role="worker"
        )
        assert await server.start()
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}") as client:
                scraped = await client.get("/metrics")
                assert scraped.status_code == 200
                assert sample(scraped.text, "civility_queue_depth") == 2
                assert "civility_worker_messages_total" in scraped.text
                health = await client.get("/healthz")
                assert health.json() == {"status": "ok", "role": "worker"}
                assert (await client.get("/elsewhere")).status_code == 404
                assert (await client.post("/metrics")).status_code == 405
            # A port already taken: the role goes on without metrics.
            taken = await start_role_metrics(
                "127.0.0.1", server.port, GaugeRefresher(ManualClock()), role="worker"
            )
            assert taken is None
            assert (
                await start_role_metrics("127.0.0.1", 0, GaugeRefresher(ManualClock()), role="x")
                is None
            )
        finally:
            await server.close()

    asyncio.run(scenario())


def test_dead_letters_are_counted_by_reason() -> None:
    def counted(reason: str) -> float:
        return metric_value("civility_dead_letters_total", reason=reason)

    async def scenario() -> None:
        queue = InMemoryQueue(max_attempts=2)
        await queue.publish([{"no": "id"}, {"id": "m1"}])
        poison, good = await queue.receive(2, 0)
        await queue.nack([poison], requeue=False)
        await queue.nack([good], requeue=True)  # attempt 1 of 2: back in the queue
        (again,) = await queue.receive(1, 0)
        await queue.nack([again], requeue=True)  # out of attempts

    rejected, attempts = counted("rejected"), counted("attempts")
    asyncio.run(scenario())
    assert counted("rejected") == rejected + 1
    assert counted("attempts") == attempts + 1
