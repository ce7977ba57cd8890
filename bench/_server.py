"""Starts a real `civility serve` process for benchmarks and hands back its URL and admin key."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class RunningServer:
    """A server process, its base URL and the first-start admin key."""

    url: str
    port: int
    key: str
    proc: subprocess.Popen[str]


def free_port() -> int:
    """Returns a free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[RunningServer]:
    """Runs `civility serve` on a free port until the block ends."""
    port = free_port()
    full_env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(data_dir),
        "CIVILITY_PORT": str(port),
        "CIVILITY_LOG_LEVEL": "warning",
        **(env or {}),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "civility", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=full_env,
        cwd=data_dir,
    )
    assert proc.stdout is not None
    key, lines = "", []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not key:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        key = line.strip() if line.startswith("civ_") else ""
    if not key:
        proc.kill()
        raise RuntimeError("server printed no admin key:\n" + "".join(lines))
    threading.Thread(target=lambda: [None for _ in proc.stdout or ()], daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.05)
    try:
        yield RunningServer(url, port, key, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
