"""Benchmarks start the real server through civility.testing (kept as a module for old imports)."""

from __future__ import annotations

from civility.testing import RunningServer, free_port
from civility.testing import run_server as serve

__all__ = ["RunningServer", "free_port", "serve"]
