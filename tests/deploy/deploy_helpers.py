"""Paths of the deployment files and the promtool requirement."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PROMETHEUS = DEPLOY / "prometheus"
GRAFANA = DEPLOY / "grafana"


def promtool() -> str:
    """Returns promtool's path; skips without it (CI=true fails: scripts/debian-packages.sh)."""
    found = shutil.which("promtool")
    if found:
        return found
    message = "promtool is not installed (Debian: apt-get install prometheus)"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it (scripts/debian-packages.sh)")
    pytest.skip(f"{message}; scripts/debian-packages.sh installs it")
