"""`civility user create`: creates a dashboard login; bad input exits 2 with a message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CIVILITY_DATA_DIR": str(tmp_path)}
    env.pop("CIVILITY_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "civility", "user", "create", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_user_create(tmp_path: Path) -> None:
    ok = _run(tmp_path, "--username", "alice", "--password", "a long password", "--role", "viewer")
    assert ok.returncode == 0, ok.stderr
    assert "created viewer alice" in ok.stderr
    again = _run(
        tmp_path, "--username", "alice", "--password", "a long password", "--role", "admin"
    )
    assert again.returncode == 2
    assert "already exists" in again.stderr
    role = _run(tmp_path, "--username", "bob", "--password", "a long password", "--role", "wizard")
    assert role.returncode == 2
    assert "unknown role" in role.stderr
    weak = _run(tmp_path, "--username", "bob", "--password", "short", "--role", "admin")
    assert weak.returncode == 2
    assert "at least 10" in weak.stderr
