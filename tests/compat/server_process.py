"""A real `civility serve` process on a free port, for tests that use published clients."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    """Returns a TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running server and its first-start admin key."""

    url: str
    key: str
    proc: subprocess.Popen[str]


@contextmanager
def serve(data_dir: Path, **env_overrides: str) -> Iterator[Server]:
    """Starts `civility serve` (lexicon-baseline scorer) and stops it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(data_dir),
        "CIVILITY_PORT": str(port),
        "CIVILITY_LOG_LEVEL": "warning",
        "CIVILITY_SCORER": "lexicon-baseline",
        **env_overrides,
    }
    env.pop("CIVILITY_DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "civility", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=data_dir,
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
        raise RuntimeError("server printed no admin key:\n" + "".join(lines))
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
    try:
        yield Server(url, key, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        drain.join(timeout=5)
        proc.stdout.close()
