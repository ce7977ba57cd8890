"""Helpers for integration tests and benchmarks: a real `civility serve` process on a free port.

Platforms can use it too, to run their own integration tests against a throwaway Civility.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    """Returns a TCP port on loopback that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class RunningServer:
    """A running server: base URL, port, first-start admin key, process and data directory."""

    url: str
    port: int
    key: str
    proc: subprocess.Popen[str]
    data_dir: Path


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/readyz", timeout=1) as answer:  # noqa: S310
            return bool(answer.status == 200)
    except OSError:
        return False


@contextmanager
def run_server(
    data_dir: Path, env: Mapping[str, str] | None = None, *, timeout: float = 120.0
) -> Iterator[RunningServer]:
    """Runs `civility serve` on an embedded database in data_dir until the block ends."""
    port = free_port()
    full_env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(data_dir),
        "CIVILITY_PORT": str(port),
        "CIVILITY_LOG_LEVEL": "warning",
    }
    full_env.pop("CIVILITY_DATABASE_URL", None)
    full_env.update(env or {})
    proc = subprocess.Popen(
        [sys.executable, "-m", "civility", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=full_env,
        cwd=data_dir,
    )
    assert proc.stdout is not None
    # A reader thread, so a server that prints no key (its database already has an admin)
    # cannot block us on readline() past the timeout.
    output: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.put(line)
        output.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    key, lines = "", []
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while not key and time.monotonic() < deadline:
        try:
            line = output.get(timeout=0.2)
        except queue.Empty:
            # The key is printed before the server starts: ready without one means none comes.
            if _ready(url) and output.empty():
                break
            continue
        if line is None:
            break
        lines.append(line)
        key = line.strip() if line.startswith("civ_") else ""
    if not key:
        proc.kill()
        proc.wait()
        reader.join(timeout=5)
        proc.stdout.close()
        raise RuntimeError(
            "server printed no admin key (it prints one only for a database without an "
            "admin; give run_server a fresh database):\n" + "".join(lines)
        )
    pause = threading.Event()
    while time.monotonic() < deadline and not _ready(url):
        pause.wait(0.05)
    try:
        yield RunningServer(url, port, key, proc, data_dir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
        proc.stdout.close()
