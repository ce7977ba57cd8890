"""Server-side sessions, the Secure flag, and sign-in throttling (issue 24, items 4 and 5)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web import test_web_pages
from tests.web.test_web_pages import PASSWORD, Web

from civility.api.app import create_app
from civility.auth.dashboard import DashboardRole
from civility.auth.throttle import LoginThrottle
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.errors import RateLimited
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings, load_settings

# The dashboard fixture of the page tests, here with two password hashes at a time.
web = test_web_pages.web


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        login_concurrent_hashes=2,
    )


def _wrong(web: Web, username: str = "moderator") -> int:
    form = {"username": username, "password": "wrong password!", "csrf_token": web.csrf()}
    return web.client.post("/dashboard/login", data=form).status_code


def _right(web: Web, username: str = "moderator") -> int:
    form = {"username": username, "password": PASSWORD, "csrf_token": web.csrf()}
    return web.client.post("/dashboard/login", data=form, follow_redirects=False).status_code


def test_a_cookie_stops_working_after_logout(web: Web) -> None:
    token = web.login("admin")
    stolen = web.client.cookies.get("civility_session")
    assert web.client.get("/dashboard/queue").status_code == 200
    web.client.post("/dashboard/logout", headers={"X-CSRF-Token": token})
    web.client.cookies.clear()
    web.client.cookies.set("civility_session", stolen or "", path="/dashboard")
    assert web.client.get("/dashboard/queue", follow_redirects=False).status_code == 303


def test_disabling_a_user_ends_their_sessions(web: Web) -> None:
    web.login("moderator")
    assert web.client.get("/dashboard/queue").status_code == 200
    web.container.dashboard.disable("moderator", actor="test")
    assert web.client.get("/dashboard/queue", follow_redirects=False).status_code == 303
    assert web.container.sessions.end_user("moderator", web.container.clock.now()) == 0


def test_an_expired_session_is_refused_server_side(web: Web, clock: ManualClock) -> None:
    web.login("viewer")
    clock.advance(web.container.settings.session_max_age_seconds + 1)
    assert web.client.get("/dashboard/queue", follow_redirects=False).status_code == 303


def test_wrong_passwords_lock_the_account_then_back_off(web: Web, clock: ManualClock) -> None:
    limit = web.container.settings.login_max_failures
    assert [_wrong(web) for _ in range(limit)] == [401] * limit
    locked = web.client.post(
        "/dashboard/login",
        data={"username": "moderator", "password": PASSWORD, "csrf_token": web.csrf()},
    )
    assert locked.status_code == 429  # even the right password: nothing is checked now
    assert int(locked.headers["Retry-After"]) == 60
    clock.advance(61)
    assert _wrong(web) == 401  # one more failure: locked again, twice as long
    clock.advance(61)
    assert _right(web) == 429
    clock.advance(60)
    assert _right(web) == 303


def test_one_address_guessing_many_accounts_is_locked_out(web: Web) -> None:
    limit = web.container.settings.login_max_failures
    names = ["admin", "viewer", "nobody1", "nobody2", "nobody3", "nobody4"][:limit]
    assert [_wrong(web, name) for name in names] == [401] * limit
    assert _right(web, "moderator") == 429  # same address, an account never tried


def test_the_throttle_forgets_a_quiet_key() -> None:
    clock = ManualClock()
    throttle = LoginThrottle(clock, max_failures=2, lockout_seconds=10, max_lockout_seconds=40)
    throttle.failed("u", "a")
    clock.advance(41)
    throttle.failed("u", "a")  # the first one is forgotten: 1 failure, no lockout
    throttle.check("u", "a")
    throttle.failed("u", "a")
    with pytest.raises(RateLimited) as locked:
        throttle.check("u", "b")  # the account is locked from any address
    assert locked.value.retry_after == 10
    for _ in range(5):
        throttle.failed("u", "a")
    with pytest.raises(RateLimited) as capped:
        throttle.check("v", "a")
    assert capped.value.retry_after == 40  # doubling stops at the cap


@pytest.fixture
def proxied(sqlite_url: str, tmp_path: Path, clock: ManualClock) -> Iterator[TestClient]:
    settings: Settings = load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        trusted_proxies="10.0.0.0/8",
    )
    made: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        made.append(c)
        return c

    with TestClient(create_app(build), client=("10.1.2.3", 5000)) as client:
        made[0].dashboard.create("alice", PASSWORD, DashboardRole.ADMIN, actor="test")
        yield client


def test_x_forwarded_proto_counts_only_from_a_trusted_proxy(proxied: TestClient) -> None:
    behind = proxied.get("/dashboard/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in behind.headers["set-cookie"]
    plain = proxied.get("/dashboard/login")
    assert "Secure" not in plain.headers["set-cookie"]


def test_production_cookies_are_secure_whatever_the_host(tmp_path: Path) -> None:
    settings = load_settings(env="production", session_secret="s" * 32, data_dir=tmp_path)
    assert settings.cookies_secure
    assert not settings.serves_api_docs


def test_the_dashboard_is_served_with_a_strict_csp(web: Web) -> None:
    page = web.client.get("/dashboard/login")
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "<script>" not in page.text  # no inline script the policy would block


def test_at_most_the_configured_number_of_hashes_run_at_once(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = web.container.dashboard
    real = accounts.authenticate
    release = threading.Event()
    lock = threading.Lock()
    running, peak = [0], [0]

    def held(username: str, password: str) -> Any:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        release.wait(timeout=30)  # a hash that takes as long as the test wants
        with lock:
            running[0] -= 1
        return real(username, password)

    monkeypatch.setattr(accounts, "authenticate", held)
    token = web.csrf()
    form = {"username": "moderator", "password": PASSWORD, "csrf_token": token}

    def sign_in(_: int) -> int:
        return web.client.post("/dashboard/login", data=form, follow_redirects=False).status_code

    with ThreadPoolExecutor(6) as pool:
        answers = pool.map(sign_in, range(6))
        state = web.client.app.state  # type: ignore[attr-defined]

        def waiting() -> int:
            slots = getattr(state, "login_hash_slots", None)
            return -1 if slots is None else int(slots.statistics().tasks_waiting)

        deadline = time.monotonic() + 30
        # Until all six arrived: two hash, four wait. Both holders are awaited too: on a loaded
        # machine the four waiters can queue before a holder's worker thread enters the hash.
        while (running[0], waiting()) != (2, 4) and time.monotonic() < deadline:
            threading.Event().wait(0.01)
        assert (running[0], waiting()) == (2, 4)
        release.set()
        assert list(answers) == [303] * 6
    assert peak[0] == 2
