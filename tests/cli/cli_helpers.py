"""Running `civility` as an operator does, in a data folder of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from civility.cli import app


def invoke(*args: str) -> tuple[int, str, str]:
    """Runs one command line; returns (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def cli_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the CLI at an empty data folder (SQLite, in-process broker) and returns it."""
    for name in ("CIVILITY_DATABASE_URL", "CIVILITY_BROKER_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CIVILITY_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path
