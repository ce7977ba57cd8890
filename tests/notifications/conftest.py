"""A stub Slack and Discord on 127.0.0.1: a real HTTP server that checks each body against the
platform's documented incoming-webhook format and can answer 429 like they do."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import orjson
import pytest

from civility.settings import Settings, load_settings

SLACK_BLOCKS = {"header", "section", "context", "actions", "divider"}


def check_slack(body: dict[str, Any]) -> list[str]:
    """Checks a Slack incoming-webhook body (Block Kit); returns what is wrong."""
    problems = []
    if not isinstance(body.get("text"), str) or not body["text"]:
        problems.append("text: a fallback is required with blocks")
    blocks = body.get("blocks")
    if not isinstance(blocks, list) or not 1 <= len(blocks) <= 50:
        return [*problems, "blocks: 1 to 50"]
    for b in blocks:
        kind = b.get("type")
        if kind not in SLACK_BLOCKS:
            problems.append(f"block type {kind!r}")
        if kind == "header":
            t = b["text"]
            if t["type"] != "plain_text" or not 0 < len(t["text"]) <= 150:
                problems.append("header: plain_text up to 150")
        if kind == "section":
            if "text" not in b and "fields" not in b:
                problems.append("section: text or fields")
            if "text" in b and not 0 < len(b["text"]["text"]) <= 3000:
                problems.append("section text: up to 3000")
            fields = b.get("fields", [])
            if len(fields) > 10 or any(len(f["text"]) > 2000 for f in fields):
                problems.append("section fields: up to 10 of 2000")
            if any(f["type"] not in ("mrkdwn", "plain_text") for f in [*fields]):
                problems.append("section fields: text objects")
        if kind == "context" and not 0 < len(b["elements"]) <= 10:
            problems.append("context: 1 to 10 elements")
        if kind == "actions":
            for e in b["elements"]:
                if e["type"] != "button" or len(e["text"]["text"]) > 75:
                    problems.append("button: plain_text up to 75")
                if not str(e.get("url", "")).startswith(("http://", "https://")):
                    problems.append("button url")
                if len(e.get("action_id", "")) > 255:
                    problems.append("action_id: up to 255")
    return problems


def check_discord(body: dict[str, Any]) -> list[str]:
    """Checks a Discord execute-webhook body with embeds; returns what is wrong."""
    problems = []
    embeds = body.get("embeds")
    if not isinstance(embeds, list) or not 1 <= len(embeds) <= 10:
        return ["embeds: 1 to 10"]
    if body.get("allowed_mentions") != {"parse": []}:
        problems.append("allowed_mentions must parse nothing")
    total = 0
    for e in embeds:
        if not 0 < len(e.get("title", "")) <= 256:
            problems.append("title: up to 256")
        if len(e.get("description", "")) > 4096:
            problems.append("description: up to 4096")
        if not isinstance(e.get("color"), int) or not 0 <= e["color"] <= 0xFFFFFF:
            problems.append("color: an RGB integer")
        fields = e.get("fields", [])
        if len(fields) > 25:
            problems.append("fields: up to 25")
        for f in fields:
            if not 0 < len(f["name"]) <= 256 or not 0 < len(f["value"]) <= 1024:
                problems.append("field: name up to 256, value 1 to 1024")
        if len(e.get("footer", {}).get("text", "")) > 2048:
            problems.append("footer: up to 2048")
        total += len(e.get("title", "")) + len(e.get("description", ""))
        total += sum(len(f["name"]) + len(f["value"]) for f in fields)
        total += len(e.get("footer", {}).get("text", ""))
        if "timestamp" in e and "T" not in e["timestamp"]:
            problems.append("timestamp: ISO 8601")
    if total > 6000:
        problems.append("embeds: 6000 characters in all")
    return problems


@dataclass
class Platform:
    """What the stub received, and how many 429s it answers first."""

    url: str = ""
    bodies: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    limited: int = 0  # answer this many requests with 429 first
    hits: int = 0


@pytest.fixture
def platforms() -> Iterator[dict[str, Platform]]:
    """Starts the stub; `slack` and `discord` share it, told apart by path."""
    state = {"slack": Platform(), "discord": Platform()}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            kind = "slack" if self.path.startswith("/services/") else "discord"
            p = state[kind]
            p.hits += 1
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if p.limited > 0:
                p.limited -= 1
                if kind == "slack":  # Slack: Retry-After header, plain text body
                    self._answer(429, b"rate_limited", {"Retry-After": "1"})
                else:  # Discord: JSON body with retry_after in seconds
                    body = orjson.dumps(
                        {
                            "message": "You are being rate limited.",
                            "retry_after": 0.25,
                            "global": False,
                        }
                    )
                    self._answer(429, body, {"Content-Type": "application/json"})
                return
            body = orjson.loads(raw)
            p.bodies.append(body)
            p.problems += check_slack(body) if kind == "slack" else check_discord(body)
            if kind == "slack":
                self._answer(200, b"ok", {"Content-Type": "text/plain"})
            else:
                self._answer(204, b"", {})

        def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    state["slack"].url = f"{base}/services/T000/B000/XXXXSECRET"
    state["discord"].url = f"{base}/api/webhooks/123/tokenSECRET"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """Delivery left to the tests; the stub's host allowed; links to a public URL."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        webhooks_dispatcher=False,
        pending_sweep_seconds=0,
        notifications_allowed_hosts="127.0.0.1",
        public_url="https://civility.example",
    )
