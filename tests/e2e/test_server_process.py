"""End to end: the real `civility serve` process, its first-start admin key, queue and worker."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from civility.testing import RunningServer, run_server

pytestmark = pytest.mark.e2e


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    with run_server(tmp_path) as running:
        yield running


def test_submit_worker_decision(server: RunningServer) -> None:
    h = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=h, timeout=10) as client:
        r = client.post(
            "/v1/messages",
            json={
                "messages": [
                    {
                        "message_id": "1",
                        "author_id": "a",
                        "channel_id": "c",
                        "text": "I will kill you, idiot",
                    },
                    {
                        "message_id": "2",
                        "author_id": "b",
                        "channel_id": "c",
                        "text": "Lovely weather today",
                    },
                ]
            },
        )
        assert r.status_code == 202, r.text
        ids = [i["id"] for i in r.json()["items"]]
        bodies: list[dict[str, object]] = []
        end = time.monotonic() + 30
        while time.monotonic() < end:
            bodies = [client.get(f"/v1/messages/{i}").json() for i in ids]
            if all(b["status"] == "decided" for b in bodies):
                break
            threading.Event().wait(0.05)
        assert [b["status"] for b in bodies] == ["decided", "decided"]
        assert bodies[0]["decision"] in ("flag", "hide", "block")
        assert bodies[1]["decision"] == "allow"
        assert "civility_http_requests_total" in client.get("/metrics").text


def test_apikey_create_prints_key_last(tmp_path: Path) -> None:
    env = {**os.environ, "CIVILITY_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-m", "civility", "apikey", "create", "--role", "service"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1].startswith("civ_")
    bad = subprocess.run(
        [sys.executable, "-m", "civility", "apikey", "create", "--role", "wizard"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "unknown role" in bad.stderr


def test_run_server_on_a_database_that_has_an_admin_fails_fast(tmp_path: Path) -> None:
    with run_server(tmp_path):
        pass
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="no admin key"), run_server(tmp_path, timeout=60):
        pass
    assert time.monotonic() - started < 30  # it noticed, instead of waiting on readline
