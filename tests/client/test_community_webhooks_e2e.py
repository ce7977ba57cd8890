"""The community example's post-publication mode through real webhook deliveries.

A real `civility serve` (its dispatcher on) POSTs to the community app served by uvicorn on a
free port; the app subscribed itself at start-up and polling is off.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from examples.community import app as community_app
from examples.community.app import Config, create_app
from examples.community.store import Item
from fastapi import FastAPI
from tests.compat.server_process import Server, free_port, serve

from civility.client import Civility
from civility.client.webhooks import HEADER, sign

pytestmark = pytest.mark.e2e
TOXIC = "I will kill you, you stupid idiot"
CLEAN = "Lentil soup with cumin, every winter"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    # The community's receiver listens on loopback: webhooks reach it only when allowed.
    data_dir = Path(tmp_path_factory.mktemp("community-webhooks"))
    with serve(data_dir, CIVILITY_WEBHOOK_ALLOWED_TARGETS="127.0.0.1") as s:
        yield s


@pytest.fixture
def civ(server: Server) -> Iterator[Civility]:
    with Civility(server.url, server.key) as c:
        yield c


def eventually(check: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    pause = threading.Event()
    while time.monotonic() < deadline:
        if check():
            return True
        pause.wait(0.05)
    return check()


@contextmanager
def served(app: FastAPI, port: int) -> Iterator[str]:
    """Serves the app with uvicorn in a thread (lifespan included) until the block ends."""
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    assert eventually(lambda: server.started or not thread.is_alive(), 30)
    assert server.started, "the community app did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        assert not thread.is_alive()


def hooks_for(civ: Civility, url: str) -> list[dict[str, Any]]:
    return [w for w in civ.request("GET", "/v1/webhooks")["items"] if w["url"] == url]


def delivered_ok(civ: Civility, sub_id: str, event_ids: set[str]) -> bool:
    log = civ.request("GET", f"/v1/webhooks/{sub_id}/deliveries", limit=500)["items"]
    return event_ids <= {d["event_id"] for d in log if d["ok"] and d["status_code"] == 200}


def comment(web: httpx.Client, store: Any, post_id: str, author: str, body: str) -> Item:
    r = web.post(f"/posts/{post_id}/comments", data={"author": author, "body": body})
    assert r.status_code == 303, r.text
    [item] = store._rows("SELECT * FROM items WHERE author=?", author)
    assert item.civility_id, "the comment was not submitted"
    return item  # type: ignore[no-any-return]


def test_post_publication_hides_through_real_webhooks(
    server: Server, civ: Civility, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    polls: list[int] = []
    real_poll = community_app.poll_once

    async def counting_poll(*args: Any) -> int:
        polls.append(1)
        return await real_poll(*args)

    monkeypatch.setattr(community_app, "poll_once", counting_poll)
    port = free_port()
    receiver = f"http://127.0.0.1:{port}/webhooks/civility"
    # A subscription left by an earlier run that died: start-up replaces it.
    stale = civ.request("POST", "/v1/webhooks", json={"url": receiver, "event_types": ["*"]})
    config = Config(
        server.url,
        server.key,
        str(tmp_path / "community.db"),
        poll_seconds=0,
        admin_key=server.key,
        public_url=f"http://127.0.0.1:{port}",
    )
    app = create_app(config)
    with served(app, port) as base, httpx.Client(base_url=base) as web:
        sub = app.state.subscription
        assert sub is not None
        assert (sub.url, sub.id != stale["id"]) == (receiver, True)
        [hook] = hooks_for(civ, receiver)
        assert (hook["id"], hook["event_types"], hook["enabled"]) == (sub.id, ["message.*"], True)
        assert polls == [1]  # the start-up catch-up, before any comment existed

        r = web.post("/posts", data={"author": "rw1", "title": "Soups", "body": "Your favourite?"})
        assert r.status_code == 303, r.text
        post_id = app.state.store.posts()[0].id
        toxic = comment(web, app.state.store, post_id, "rw2", TOXIC)
        clean = comment(web, app.state.store, post_id, "rw3", CLEAN)

        wanted = {f"decision:{toxic.civility_id}", f"decision:{clean.civility_id}"}
        assert eventually(lambda: delivered_ok(civ, sub.id, wanted)), "no webhook delivered"
        page = web.get(f"/posts/{post_id}").text
        assert TOXIC not in page
        assert CLEAN in page
        hidden, kept = app.state.store.get(toxic.id), app.state.store.get(clean.id)
        assert (hidden.state, hidden.decision in ("hide", "block")) == ("hidden", True)
        assert (kept.state, kept.decision in ("allow", "flag")) == ("visible", True)

        # A moderator approves the hidden comment in Civility: the real dispatcher delivers
        # message.restored and the comment is back.
        civ.request("POST", f"/v1/review/{toxic.civility_id}/resolve", json={"action": "approve"})
        restored = {f"decision:{toxic.civility_id}:1"}
        assert eventually(lambda: delivered_ok(civ, sub.id, restored)), "no restore delivered"
        assert TOXIC in web.get(f"/posts/{post_id}").text
        assert app.state.store.get(toxic.id).decision_version == 1

        raw = b'{"type": "message.hidden"}'
        forged = web.post("/webhooks/civility", content=raw, headers={HEADER: sign("no", raw)})
        assert forged.status_code == 400
        assert polls == [1]  # the decisions came by webhook only
    assert hooks_for(civ, receiver) == []  # a clean stop unsubscribes


def test_failed_subscription_keeps_the_site_up(server: Server, tmp_path: Path) -> None:
    config = Config(
        server.url,
        server.key,
        str(tmp_path / "community.db"),
        poll_seconds=0,
        admin_key="civ_not-a-key",
        public_url="http://127.0.0.1:9/",
    )
    app = create_app(config)
    with served(app, free_port()) as base, httpx.Client(base_url=base) as web:
        assert app.state.subscription is None
        assert web.get("/").status_code == 200
        assert web.post("/webhooks/civility", content=b"{}").status_code == 404
