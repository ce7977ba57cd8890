"""Webhook fixtures: the app without its background dispatcher (tests drive it), and a real
HTTP receiver on 127.0.0.1 that verifies signatures and rejects replays."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest

from civility.errors import Invalid
from civility.settings import Settings, load_settings
from civility.webhooks.signing import HEADER, verify
from civility.webhooks.targets import TargetPolicy

LOOPBACK_TARGETS = "127.0.0.1"
LOOPBACK = TargetPolicy.parse(LOOPBACK_TARGETS)


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """The embedded default, with webhook delivery left to the tests."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        webhooks_dispatcher=False,
        # The receivers below listen on loopback, which webhooks may only reach when allowed.
        webhook_allowed_targets=LOOPBACK_TARGETS,
        pending_sweep_seconds=0,
    )


@dataclass
class Receiver:
    """What the receiving endpoint saw and how it answers."""

    now: Callable[[], float]
    secrets: list[str] = field(default_factory=list)
    status: int = 200
    accepted: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    raw: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    url: str = ""

    def check(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        """Verifies like a subscriber should: signature, tolerance window, no replays."""
        header = headers.get(HEADER, "")
        reasons = []
        for secret in self.secrets:
            try:
                verify(header, body, secret, now=self.now())
            except Invalid as exc:
                reasons.append(exc.code)
                continue
            if header in self.seen:
                return 409, "replay"
            if self.status == 200:  # only a processed delivery may not come again
                self.seen.add(header)
            return self.status, "ok"
        return 400, reasons[0] if reasons else "no_secret"


@pytest.fixture
def receiver_factory() -> Iterator[Callable[[Callable[[], float]], Receiver]]:
    """Starts receivers on free loopback ports; stops them afterwards."""
    servers: list[ThreadingHTTPServer] = []

    def start(now: Callable[[], float]) -> Receiver:
        state = Receiver(now=now)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = dict(self.headers.items())
                state.raw.append((headers, body))
                status, reason = state.check(headers, body)
                if status == 200:
                    state.accepted.append(orjson.loads(body))
                elif reason != "ok":
                    state.rejected.append(reason)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
