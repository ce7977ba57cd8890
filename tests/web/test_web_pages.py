"""The dashboard through the ASGI app: sign-in, sessions, CSRF, roles and every page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from tests.review.review_seed import DEMO, seed

from civility.api.app import create_app
from civility.auth.dashboard import DashboardRole
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.events.models import EventQuery
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Web:
    client: TestClient
    container: Container
    ids: list[str]

    def csrf(self, path: str = "/dashboard/login") -> str:
        match = CSRF.search(self.client.get(path).text)
        assert match, "no CSRF field on the page"
        return match.group(1)

    def login(self, username: str) -> str:
        r = self.client.post(
            "/dashboard/login",
            data={"username": username, "password": PASSWORD, "csrf_token": self.csrf()},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        return self.csrf("/dashboard/users")

    def hx(self, token: str) -> dict[str, str]:
        return {"HX-Request": "true", "X-CSRF-Token": token}


@pytest.fixture
def web(settings: Settings, clock: ManualClock) -> Iterator[Web]:
    built: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        built.append(c)
        return c

    app = create_app(build)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        c = built[0]
        for name in DashboardRole:
            c.dashboard.create(name.value, PASSWORD, name, actor="test")
        yield Web(client, c, seed(c.db, DEMO, clock.now()))


def test_anonymous_visitors_are_sent_to_sign_in(web: Web) -> None:
    r = web.client.get("/dashboard/queue", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/dashboard/login?next=/dashboard/queue"
    hx = web.client.get("/dashboard/queue", headers={"HX-Request": "true"})
    assert hx.status_code == 401
    assert hx.headers["HX-Redirect"].startswith("/dashboard/login")
    assert web.client.get("/", follow_redirects=False).headers["location"] == "/dashboard/"


def test_session_cookie_flags(web: Web) -> None:
    local = web.client.get("/dashboard/login").headers["set-cookie"]
    assert "HttpOnly" in local
    assert "SameSite=lax" in local
    assert "Path=/dashboard" in local
    assert "Secure" not in local
    # The Host header is the client's to choose: it decides nothing (configuration does).
    remote = web.client.get("http://dashboard.example.org/dashboard/login")
    assert "Secure" not in remote.headers["set-cookie"]


def test_sign_in_needs_csrf_and_the_right_password(web: Web) -> None:
    form = {"username": "moderator", "password": PASSWORD}
    assert web.client.post("/dashboard/login", data=form).status_code == 403
    bad = web.client.post(
        "/dashboard/login", data={**form, "password": "nope", "csrf_token": web.csrf()}
    )
    assert bad.status_code == 401
    assert "wrong user name or password" in bad.text
    evil = web.client.post(
        "/dashboard/login",
        data={**form, "csrf_token": web.csrf(), "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert evil.headers["location"] == "/dashboard/queue"
    logins = web.container.events.list_events(EventQuery(type="dashboard.login"))
    assert [e.actor for e in logins] == ["dashboard:moderator"]


def test_a_tampered_cookie_is_anonymous(web: Web) -> None:
    web.login("admin")
    cookie = web.client.cookies.get("civility_session") or ""
    web.client.cookies.clear()
    web.client.cookies.set("civility_session", cookie[:-3] + "AAA")
    assert web.client.get("/dashboard/queue", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("role", ["admin", "moderator", "viewer"])
def test_every_page_renders_for_every_role(web: Web, role: str) -> None:
    web.login(role)
    pages = [
        "/dashboard/",
        "/dashboard/?range=30d",
        "/dashboard/queue",
        "/dashboard/queue?view=automated&status=all&order=channel&category=insult",
        f"/dashboard/queue?item={web.ids[1]}&cursor=garbage&status=weird",
        f"/dashboard/queue/items/{web.ids[0]}",
        "/dashboard/users",
        "/dashboard/users?q=tro&status=banned",
        "/dashboard/users/troll42",
        "/dashboard/audit?type=message.*&since=2025-01-01T00:00",
    ]
    for path in pages:
        r = web.client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert "Sign out" in r.text
    for path in ("/dashboard/policy", "/dashboard/blocklist"):
        assert web.client.get(path).status_code == (403 if role == "viewer" else 200)
    assert web.client.get("/dashboard/queue/items/msg_missing").status_code == 404
    assert web.client.get("/dashboard/audit?since=yesterday").status_code == 422


def test_moderator_resolves_with_htmx(web: Web) -> None:
    token = web.login("moderator")
    path = f"/dashboard/queue/items/{web.ids[0]}/resolve"
    assert web.client.post(path, data={"action": "approve"}).status_code == 403  # no token
    r = web.client.post(path, data={"action": "approve", "note": "fine"}, headers=web.hx(token))
    assert r.status_code == 200
    assert "Resolved." in r.text
    assert 'hx-swap-oob="outerHTML"' in r.text
    again = web.client.post(path, data={"action": "hide"}, headers=web.hx(token))
    assert again.status_code == 409
    # The panel comes back as the item is now (resolved), with the reason in the flash.
    assert "HX-Retarget" not in again.headers
    assert "already resolved" in again.text
    assert "resolved: approve by dashboard:moderator" in again.text
    ban = web.client.post(
        f"/dashboard/queue/items/{web.ids[1]}/resolve",
        data={"action": "remove", "ban_scope": "global", "ban_duration": "permanent"},
        headers=web.hx(token),
    )
    assert "Author banned." in ban.text
    assert web.container.review.enforcement.standing("troll42").banned
    bad = web.client.post(
        f"/dashboard/queue/items/{web.ids[2]}/resolve",
        data={"action": "hide", "ban_scope": "channel", "ban_duration": "forever"},
        headers=web.hx(token),
    )
    assert bad.status_code == 422
    claim = web.client.post(f"/dashboard/queue/items/{web.ids[2]}/claim", headers=web.hx(token))
    assert "claimed by" in claim.text
    note = web.client.post(
        f"/dashboard/queue/items/{web.ids[2]}/notes", data={"text": "hm"}, headers=web.hx(token)
    )
    assert "Note added." in note.text


def test_viewer_cannot_act(web: Web) -> None:
    token = web.login("viewer")
    for path, data in (
        (f"/dashboard/queue/items/{web.ids[0]}/resolve", {"action": "approve"}),
        (f"/dashboard/queue/items/{web.ids[0]}/claim", {}),
        ("/dashboard/queue/bulk", {"action": "approve", "ids": web.ids[0]}),
        ("/dashboard/users/troll42/ban", {"duration": "3600", "reason": "x"}),
        ("/dashboard/try", {"text": "hello"}),
    ):
        r = web.client.post(path, data={**data, "csrf_token": token})
        assert r.status_code == 403, path
    assert web.container.events.list_events(EventQuery(type="review.*")) == []


def test_bulk_and_user_actions(web: Web) -> None:
    token = web.login("moderator")
    r = web.client.post(
        "/dashboard/queue/bulk",
        data={
            "action": "approve",
            "ids": [web.ids[0], web.ids[2]],
            "csrf_token": token,
            "back": "/dashboard/queue?view=flagged",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert r.headers["location"].startswith("/dashboard/queue?view=flagged&msg=2+item")
    empty = web.client.post(
        "/dashboard/queue/bulk",
        data={"action": "approve", "csrf_token": token, "back": "https://evil.example"},
        follow_redirects=False,
    )
    assert empty.headers["location"].startswith("/dashboard/queue?msg=Tick")
    base = "/dashboard/users/grumpy"
    steps = [
        ("/ban", {"duration": "86400", "reason": "rude", "channel_id": "general"}, "Banned."),
        ("/unban", {"channel_id": "general"}, "Ban lifted."),
        ("/strikes/reset", {}, "Strikes reset."),
        ("/notes", {"text": "calmer lately"}, "Note added."),
    ]
    for suffix, data, message in steps:
        done = web.client.post(base + suffix, data={**data, "csrf_token": token})
        assert done.status_code == 200, (suffix, done.text[:300])
        assert message in done.text
    again = web.client.post(base + "/unban", data={"channel_id": "general", "csrf_token": token})
    assert again.status_code == 409
    types = [e.type for e in web.container.events.list_events(EventQuery(subject_id="grumpy"))]
    assert types == ["user.note_added", "user.strikes_reset", "user.unbanned", "user.banned"]


def test_admin_edits_policy_and_blocklist(web: Web) -> None:
    token = web.login("admin")
    policy = web.client.get("/dashboard/policy").text
    assert "identity attack" in policy
    saved = web.client.post(
        "/dashboard/policy",
        data={
            "body": '{"categories": {"insult": {"flag": 0.6}}}',
            "channel": "general",
            "csrf_token": token,
        },
    )
    assert saved.status_code == 200
    assert re.search(r"Saved as version \d+\.", saved.text), saved.text[:2000]
    assert "of #general" in saved.text
    broken = web.client.post(
        "/dashboard/policy", data={"body": "{", "channel": "", "csrf_token": token}
    )
    assert broken.status_code == 422
    assert "not valid JSON" in broken.text
    added = web.client.post(
        "/dashboard/blocklist", data={"pattern": "frobnicate", "csrf_token": token}
    )
    assert "frobnicate" in added.text
    trial = web.client.post(
        "/dashboard/try", data={"text": "frobnicate it", "channel": ""}, headers=web.hx(token)
    )
    assert trial.status_code == 200
    assert "matches blocklist" in trial.text
    assert "<mark" in trial.text
