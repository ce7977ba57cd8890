"""The community example against a real `civility serve`: pre-, post-publication and hybrid."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from examples.community.app import Config, create_app
from fastapi.testclient import TestClient
from tests.compat.server_process import Server, serve

from civility.client import Civility, Event
from civility.client.webhooks import HEADER, sign

pytestmark = pytest.mark.e2e
TOXIC = "I will kill you, you stupid idiot"
SECRET = "whsec_test"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("community-civility"))) as s:
        yield s


@pytest.fixture
def civ(server: Server) -> Iterator[Civility]:
    with Civility(server.url, server.key) as c:
        yield c


def community(server: Server, tmp_path: Path, poll: float) -> TestClient:
    config = Config(server.url, server.key, str(tmp_path / "community.db"), SECRET, poll)
    return TestClient(create_app(config), follow_redirects=False)


def eventually(check: Callable[[], bool], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        threading.Event().wait(0.05)
    return check()


def new_post(app: TestClient, author: str, title: str, body: str) -> str:
    r = app.post("/posts", data={"author": author, "title": title, "body": body})
    assert r.status_code == 303, r.text
    post = app.app.state.store.posts()[0]  # type: ignore[attr-defined]
    assert post.title == title
    return str(post.id)


def deliver(app: TestClient, event: Event) -> Any:
    """Delivers one event to the app's receiver as Civility's dispatcher does (signed)."""
    raw = json.dumps(
        {
            "schema_version": event.schema_version,
            "seq": event.seq,
            "id": event.id,
            "type": event.type,
            "actor": event.actor,
            "subject": event.subject,
            "channel_id": event.channel_id,
            "payload": event.payload,
            "created_at": event.created_at.isoformat(),
        }
    ).encode()
    r = app.post("/webhooks/civility", content=raw, headers={HEADER: sign(SECRET, raw)})
    assert r.status_code == 200, r.text
    return r.json()


def newest(civ: Civility, message_id: str, type_: str) -> Event:
    return civ.events(subject_id=message_id, type=type_).items[0]


def test_pre_publication_refuses_before_posting(server: Server, tmp_path: Path) -> None:
    with community(server, tmp_path, poll=0) as app:
        refused = app.post("/posts", data={"author": "pre1", "title": "hi", "body": TOXIC})
        assert refused.status_code == 422
        assert "was not published" in refused.text
        assert TOXIC not in app.get("/").text
        post_id = new_post(app, "pre2", "Gardening tips", "Water tomatoes in the morning.")
        assert "Gardening tips" in app.get("/").text
        assert "Water tomatoes" in app.get(f"/posts/{post_id}").text


def test_post_publication_hides_on_webhook(server: Server, tmp_path: Path, civ: Civility) -> None:
    with community(server, tmp_path, poll=0) as app:
        post_id = new_post(app, "wh1", "Weekend plans", "Anyone hiking?")
        r = app.post(f"/posts/{post_id}/comments", data={"author": "wh2", "body": TOXIC})
        assert r.status_code == 303
        assert TOXIC in app.get(f"/posts/{post_id}").text  # published at once
        [item] = app.app.state.store.undecided()  # type: ignore[attr-defined]
        assert civ.wait_for_decision(item.civility_id, timeout=20, interval=0.05).decided
        [event] = civ.events(subject_id=item.civility_id).items
        raw = json.dumps(
            {
                "schema_version": event.schema_version,
                "seq": event.seq,
                "id": event.id,
                "type": event.type,
                "actor": event.actor,
                "subject": event.subject,
                "channel_id": event.channel_id,
                "payload": event.payload,
                "created_at": event.created_at.isoformat(),
            }
        ).encode()
        forged = app.post("/webhooks/civility", content=raw, headers={HEADER: sign("wrong", raw)})
        assert forged.status_code == 400
        assert TOXIC in app.get(f"/posts/{post_id}").text
        delivered = app.post("/webhooks/civility", content=raw, headers={HEADER: sign(SECRET, raw)})
        assert delivered.json() == {"applied": 1}
        assert TOXIC not in app.get(f"/posts/{post_id}").text
        # threaded replies under a visible comment still work
        app.post(f"/posts/{post_id}/comments", data={"author": "wh3", "body": "Count me in"})
        parent = app.app.state.store.thread(post_id)[0]  # type: ignore[attr-defined]
        app.post(
            f"/posts/{post_id}/comments",
            data={"author": "wh4", "body": "Me too", "parent_id": parent.id},
        )
        assert app.app.state.store.thread(post_id)[0].children[0].body == "Me too"  # type: ignore[attr-defined]


def test_post_publication_polling_fallback(server: Server, tmp_path: Path) -> None:
    with community(server, tmp_path, poll=0.05) as app:
        post_id = new_post(app, "poll1", "Recipes", "Share your soup")
        app.post(f"/posts/{post_id}/comments", data={"author": "poll2", "body": TOXIC})
        app.post(f"/posts/{post_id}/comments", data={"author": "poll3", "body": "Lentil soup!"})
        assert eventually(lambda: TOXIC not in app.get(f"/posts/{post_id}").text)
        assert "Lentil soup!" in app.get(f"/posts/{post_id}").text


def test_hybrid_chat(server: Server, tmp_path: Path, civ: Civility) -> None:
    with community(server, tmp_path, poll=0.05) as app:
        before = len(civ.list_messages(channel_id="chat", limit=500).items)
        refused = app.post("/chat", data={"author": "chat1", "body": "just kys"})
        assert refused.status_code == 422  # the local rule, no round trip
        assert len(civ.list_messages(channel_id="chat", limit=500).items) == before
        app.post("/chat", data={"author": "chat2", "body": "you stupid idiot"})
        app.post("/chat", data={"author": "chat3", "body": "good morning all"})
        chats = app.app.state.store._rows("SELECT * FROM items WHERE kind='chat'")  # type: ignore[attr-defined]
        assert len(chats) == 2
        assert all(c.civility_id for c in chats)
        assert eventually(lambda: "you stupid idiot" not in app.get("/").text)
        assert "good morning all" in app.get("/").text


def test_ratings_go_through_the_sdk(server: Server, tmp_path: Path, civ: Civility) -> None:
    with community(server, tmp_path, poll=0) as app:
        post_id = new_post(app, "rate1", "Rate me", "A post to rate")
        assert (
            app.post(f"/posts/{post_id}/rate", data={"author": "rater", "score": "4"}).status_code
            == 303
        )
        assert eventually(lambda: civ.get_rating(post_id).count == 1)
        assert "(civility)" in app.get(f"/posts/{post_id}").text


def test_what_civility_refuses_is_refused_first(
    server: Server, tmp_path: Path, civ: Civility
) -> None:
    with community(server, tmp_path, poll=0) as app:
        store = app.app.state.store  # type: ignore[attr-defined]
        post_id = new_post(app, "val1", "Limits", "A post")
        for score in ("7", "-1", "nan", "many"):
            r = app.post(f"/posts/{post_id}/rate", data={"author": "val2", "score": score})
            assert r.status_code == 422, score
        assert store.local_rating(post_id) == (0, None)
        assert civ.get_rating(post_id).count == 0
        too_long = "a" * 10_001
        r = app.post(f"/posts/{post_id}/comments", data={"author": "val3", "body": too_long})
        assert r.status_code == 422
        assert "10001 characters" in r.text
        for data in ({"author": " ", "body": "hi"}, {"author": "x" * 201, "body": "hi"}):
            assert app.post(f"/posts/{post_id}/comments", data=data).status_code == 422
        assert app.post("/chat", data={"author": "val4", "body": "   "}).status_code == 422
        assert app.post("/posts", data={"author": "", "title": "t", "body": "b"}).status_code == 422
        assert store._rows("SELECT * FROM items WHERE kind != 'post'") == []


def test_a_moderators_approval_restores_a_hidden_comment(
    server: Server, tmp_path: Path, civ: Civility
) -> None:
    with community(server, tmp_path, poll=0) as app:
        post_id = new_post(app, "rev1", "Debate", "Keep it civil")
        app.post(f"/posts/{post_id}/comments", data={"author": "rev2", "body": TOXIC})
        [item] = app.app.state.store.undecided()  # type: ignore[attr-defined]
        mid = item.civility_id
        assert civ.wait_for_decision(mid, timeout=20, interval=0.05).action in ("hide", "block")
        automated = civ.events(subject_id=mid, type="message.*").items[0]
        assert deliver(app, automated) == {"applied": 1}
        assert TOXIC not in app.get(f"/posts/{post_id}").text

        # A moderator approves it in Civility: message.restored (version 1) shows it again.
        civ.request("POST", f"/v1/review/{mid}/resolve", json={"action": "approve"})
        assert deliver(app, newest(civ, mid, "message.restored")) == {"applied": 1}
        assert TOXIC in app.get(f"/posts/{post_id}").text
        # The automated hide, delivered again late, does not undo the moderator's decision.
        assert deliver(app, automated) == {"applied": 0}
        assert TOXIC in app.get(f"/posts/{post_id}").text

        # Reversed with a note: hidden again (version 2).
        civ.request("POST", f"/v1/review/{mid}/reverse", json={"note": "it is a threat"})
        reversal = civ.events(subject_id=mid, type="message.*").items[0]
        assert reversal.decision_change() is not None
        assert reversal.decision_change().version == 2  # type: ignore[union-attr]
        assert deliver(app, reversal) == {"applied": 1}
        assert TOXIC not in app.get(f"/posts/{post_id}").text


def test_a_refused_post_is_published_when_a_moderator_approves_it(
    server: Server, tmp_path: Path, civ: Civility
) -> None:
    with community(server, tmp_path, poll=0) as app:
        refused = app.post("/posts", data={"author": "pre9", "title": "Angry", "body": TOXIC})
        assert refused.status_code == 422
        assert TOXIC not in app.get("/").text
        [held] = app.app.state.store._rows("SELECT * FROM items WHERE author='pre9'")  # type: ignore[attr-defined]
        assert held.state == "hidden"
        civ.request("POST", f"/v1/review/{held.civility_id}/resolve", json={"action": "approve"})
        deliver(app, newest(civ, held.civility_id, "message.restored"))
        assert "Angry" in app.get("/").text
