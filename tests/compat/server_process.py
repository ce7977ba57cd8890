"""A real `civility serve` process on a free port, for tests that use published clients."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from civility.testing import RunningServer as Server
from civility.testing import free_port, run_server

__all__ = ["Server", "free_port", "serve"]


@contextmanager
def serve(data_dir: Path, **env_overrides: str) -> Iterator[Server]:
    """Starts `civility serve` (lexicon-baseline scorer unless overridden) and stops it after."""
    with run_server(data_dir, {"CIVILITY_SCORER": "lexicon-baseline", **env_overrides}) as s:
        yield s
