"""A real `civility serve` process on a free port, for tests that use published clients."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httplib2
from googleapiclient import discovery

from civility.testing import RunningServer as Server
from civility.testing import free_port, run_server

__all__ = ["Server", "free_port", "perspective_client", "serve"]


@contextmanager
def serve(data_dir: Path, **env_overrides: str) -> Iterator[Server]:
    """Starts `civility serve` (lexicon-baseline scorer unless overridden) and stops it after."""
    with run_server(data_dir, {"CIVILITY_SCORER": "lexicon-baseline", **env_overrides}) as s:
        yield s


@contextmanager
def perspective_client(server: Server) -> Iterator[object]:
    """Exactly Perspective's documented Python sample (googleapiclient), with our URL."""
    http = httplib2.Http(timeout=30)
    try:
        yield discovery.build(
            "commentanalyzer",
            "v1alpha1",
            developerKey=server.key,
            discoveryServiceUrl=f"{server.url}/$discovery/rest?version=v1alpha1",
            static_discovery=False,
            http=http,
        )
    finally:
        http.close()
