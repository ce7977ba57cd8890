"""Every metric the dashboard and the alerts query is one a running role really exports.

Starts `civility serve`, `civility worker` (Redis Streams) and `civility relay` (RabbitMQ) as
real processes, scrapes each one's /metrics, and checks every metric name in the Grafana
panels and in alerts.yml against what they export. The image's and compose's health check
commands run against the same processes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import yaml
from tests.conftest import require_server
from tests.deploy.deploy_helpers import GRAFANA, PROMETHEUS
from tests.deploy.test_container_files import compose, image_health_check_code
from tests.infra.infra_helpers import AMQP_URL, REDIS_URL, delete_rabbit, unique

from civility.testing import RunningServer, free_port, run_server

pytestmark = [pytest.mark.e2e, pytest.mark.redis, pytest.mark.rabbitmq]

# Series Prometheus makes itself (not exported by a target).
PROMETHEUS_OWN = {"up"}
METRIC = re.compile(r"\b(civility_[a-z0-9_]+|up)\b(?=\s*[{\[)\s]|$)")


def dashboard_queries() -> list[str]:
    doc = json.loads((GRAFANA / "dashboards" / "civility.json").read_text(encoding="utf-8"))
    return [t["expr"] for p in doc["panels"] for t in p["targets"]]


def alert_queries() -> list[str]:
    doc = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text(encoding="utf-8"))
    return [str(r["expr"]) for g in doc["groups"] for r in g["rules"]]


def names_in(expr: str) -> set[str]:
    return set(METRIC.findall(expr))


def exported(text: str) -> set[str]:
    """Returns the sample names of a Prometheus text exposition."""
    return {
        re.split(r"[{ ]", line, maxsplit=1)[0]
        for line in text.splitlines()
        if line and not line.startswith("#")
    }


@contextmanager
def role(command: str, data_dir: Path, env: dict[str, str]) -> Iterator[str]:
    """Runs `civility <command>` with its metrics port; yields the metrics base URL."""
    port = free_port()
    full_env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(data_dir),
        "CIVILITY_HOST": "127.0.0.1",
        "CIVILITY_METRICS_PORT": str(port),
        "CIVILITY_LOG_LEVEL": "warning",
        **env,
    }
    full_env.pop("CIVILITY_DATABASE_URL", None)
    log = data_dir / f"{command}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "civility", command],
            env=full_env,
            cwd=data_dir,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < end, f"civility {command} never answered /healthz"
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def exercise(server: RunningServer) -> str:
    """Sends traffic through the server (sync and queued decisions); returns its /metrics."""
    headers = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
        one = {"message_id": "s1", "author_id": "a", "channel_id": "c", "text": "you idiot"}
        assert client.post("/v1/moderate", json=one).status_code == 200
        queued = {"message_id": "q1", "author_id": "b", "channel_id": "c", "text": "hello"}
        mid = client.post("/v1/messages", json=queued).json()["items"][0]["id"]
        end = time.monotonic() + 30
        while client.get(f"/v1/messages/{mid}").json()["status"] != "decided":
            assert time.monotonic() < end
            time.sleep(0.05)
        return client.get("/metrics").text


def run_health_check(code: str, env: dict[str, str]) -> int:
    return subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, timeout=30, capture_output=True
    ).returncode


def test_every_queried_metric_is_exported_by_a_role(tmp_path: Path) -> None:
    require_server("Redis", "127.0.0.1", 6379)
    require_server("RabbitMQ", "127.0.0.1", 5672)
    import redis

    queue = unique("civility.test.dashboard")
    exchange = unique("civility.test.dashboard.events")
    scraped: dict[str, str] = {}
    try:
        with run_server(tmp_path) as server:
            scraped["api"] = exercise(server)
            image_check = image_health_check_code()
            assert run_health_check(image_check, {"CIVILITY_PORT": str(server.port)}) == 0
            assert run_health_check(image_check, {"CIVILITY_PORT": str(free_port())}) != 0
            worker_env = {"CIVILITY_BROKER_URL": REDIS_URL, "CIVILITY_BROKER_QUEUE": queue}
            with role("worker", tmp_path, worker_env) as url:
                scraped["worker"] = httpx.get(f"{url}/metrics", timeout=10).text
                check = compose()["worker"]["healthcheck"]["test"][3]  # type: ignore[index]
                port = url.rsplit(":", 1)[1]
                assert run_health_check(check, {"CIVILITY_METRICS_PORT": port}) == 0
            relay_env = {"CIVILITY_BROKER_URL": AMQP_URL, "CIVILITY_EVENTS_EXCHANGE": exchange}
            with role("relay", tmp_path, relay_env) as url:
                scraped["relay"] = httpx.get(f"{url}/metrics", timeout=10).text
    finally:
        redis.Redis.from_url(REDIS_URL).delete(queue, f"{queue}.dead")
        delete_rabbit([], [exchange])

    names = {r: exported(text) for r, text in scraped.items()}
    everything = set().union(*names.values()) | PROMETHEUS_OWN
    queries = dashboard_queries() + alert_queries()
    used = set().union(*(names_in(q) for q in queries))
    assert len(used) > 15
    assert used <= everything, f"queried but exported by no role: {sorted(used - everything)}"
    for panel_query in dashboard_queries():
        assert names_in(panel_query), f"no metric found in {panel_query!r}"
    # Each role exports its own signals.
    assert {"civility_worker_messages_total", "civility_queue_depth"} <= names["worker"]
    assert {"civility_relay_events_total", "civility_outbox_lag_seconds"} <= names["relay"]
    assert {"civility_http_requests_total", "civility_score_bucket"} <= names["api"]
