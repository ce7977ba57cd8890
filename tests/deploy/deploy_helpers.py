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
ALERTMANAGER = DEPLOY / "alertmanager"


def _tool(name: str, package: str) -> str:
    """Returns a program's path; skips without it (CI=true fails: scripts/debian-packages.sh)."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (Debian: apt-get install {package})"
    if IN_CI:
        pytest.fail(f"{message}; CI=true requires it (scripts/debian-packages.sh)")
    pytest.skip(f"{message}; scripts/debian-packages.sh installs it")


def promtool() -> str:
    """Returns promtool's path (Debian's prometheus package)."""
    return _tool("promtool", "prometheus")


def amtool() -> str:
    """Returns amtool's path (Debian's prometheus-alertmanager package)."""
    return _tool("amtool", "prometheus-alertmanager")
