"""End to end: the real `civility serve` process, its first-start admin key, queue and worker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A running server process and its admin key."""

    def __init__(self, url: str, key: str, proc: subprocess.Popen[str]) -> None:
        self.url, self.key, self.proc = url, key, proc


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    port = _free_port()
    env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(tmp_path),
        "CIVILITY_PORT": str(port),
        "CIVILITY_LOG_LEVEL": "warning",
    }
    env.pop("CIVILITY_DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "civility", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    key = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not key:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("civ_"):
            key = line.strip()
    if not key:
        proc.kill()
        pytest.fail("server printed no admin key:\n" + "".join(lines))
    # Keep draining output so the pipe never fills up and blocks the server.
    drain = threading.Thread(target=lambda: [None for _ in proc.stdout or ()], daemon=True)
    drain.start()
    url = f"http://127.0.0.1:{port}"
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            threading.Event().wait(0.05)
    yield Server(url, key, proc)
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail("server did not stop within 15 s of SIGTERM")
    finally:
        drain.join(timeout=5)
        proc.stdout.close()


def test_submit_worker_decision(server: Server) -> None:
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
