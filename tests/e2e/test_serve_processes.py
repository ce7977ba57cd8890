"""`civility serve` with several processes: every process answers, and exactly one of them holds
the webhook dispatcher's leadership (a file lock on the embedded default)."""

from __future__ import annotations

import fcntl
from pathlib import Path

import httpx
import pytest

from civility.testing import run_server


def test_two_server_processes_share_the_work_and_elect_one_dispatcher(tmp_path: Path) -> None:
    env = {"CIVILITY_WORKERS": "2", "CIVILITY_SCORER": "lexicon-baseline"}
    with run_server(tmp_path, env) as server:
        headers = {"Authorization": f"Bearer {server.key}"}
        for i in range(20):
            # A new connection each time, so both processes get requests.
            body = {"message_id": f"w{i}", "author_id": "u", "channel_id": "c", "text": "hi"}
            r = httpx.post(f"{server.url}/v1/moderate", json=body, headers=headers, timeout=10)
            assert r.status_code == 200, r.text
        lock = tmp_path / "webhooks-dispatcher.lock"
        assert lock.exists()
        with lock.open("rb") as handle, pytest.raises(BlockingIOError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        [pid] = [int(x) for x in lock.read_text().split()]
        assert pid != server.proc.pid  # held by a server process, not the supervisor
