"""A real `civility serve` process with seeded data, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
import pytest
from tests.conftest import IN_CI
from tests.review.review_seed import DEMO, seed

from civility.clock import SystemClock
from civility.storage.db import Database, upgrade
from civility.testing import RunningServer as Server
from civility.testing import run_server

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PASSWORD = "correct horse battery"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _cli(env: dict[str, str], cwd: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "civility", *args],
        env=env,
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Launches Debian's Chromium (Playwright's own download is not used)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing; run scripts/debian-packages.sh"
        if IN_CI:
            pytest.fail(f"{message}; CI=true requires the browser tests")
        pytest.skip(message)
    return {"executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def base_url() -> str | None:
    """Replaces pytest-base-url's fixture, which pytest 9 warns about (warnings are errors)."""
    return None


T = TypeVar("T")


def prepare(
    tmp_path_factory: pytest.TempPathFactory, name: str, fill: Callable[[Database], T]
) -> tuple[Path, dict[str, str], T]:
    """A fresh SQLite data folder filled by ``fill``, and the environment to serve it with."""
    data = tmp_path_factory.mktemp(name)
    env = {
        **os.environ,
        "CIVILITY_DATA_DIR": str(data),
        "CIVILITY_LOG_LEVEL": "warning",
        "CIVILITY_SCORER": "lexicon-baseline",
    }
    env.pop("CIVILITY_DATABASE_URL", None)
    env.pop("CIVILITY_SESSION_SECRET", None)
    url = f"sqlite:///{data / 'civility.db'}"
    upgrade(url)
    db = Database.from_url(url, pool_size=1)
    try:
        filled = fill(db)
    finally:
        db.dispose()
    return data, env, filled


def seed_demo(db: Database) -> None:
    """The review seed's demo queue, as of now."""
    seed(db, DEMO, SystemClock().now())


def serve_with_moderators(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    fill: Callable[[Database], object],
    moderators: tuple[str, ...] = ("mod",),
) -> Iterator[Server]:
    """A server of one test module's own (its verdicts must not change the others' queue),
    seeded by ``fill``, with these moderator accounts."""
    data, env, _ = prepare(tmp_path_factory, name, fill)
    for username in moderators:
        _cli(
            env, data, "user", "create", "--username", username,
            "--password", PASSWORD, "--role", "moderator",
        )  # fmt: skip
    with run_server(data, env) as running:
        yield running


def api_client(server: Server) -> httpx.Client:
    """An API client with the server's admin key."""
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.key}"})


def sign_in(page: Page, server: Server, username: str, target: str) -> None:
    """Signs a fresh browser session in as `username`, landing on `target`."""
    from playwright.sync_api import expect  # a browser test module has checked it is there

    page.context.clear_cookies()
    page.goto(f"{server.url}{target}")
    expect(page).to_have_url(re.compile(r"/dashboard/login"))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(target.split("?")[0]))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Seeds a database, creates three dashboard users, then runs `civility serve` on it."""
    data, env, _ = prepare(tmp_path_factory, "dashboard", seed_demo)
    for name, role in (("admin", "admin"), ("mod", "moderator"), ("viewer", "viewer")):
        _cli(
            env, data, "user", "create", "--username", name, "--password", PASSWORD, "--role", role
        )
    with run_server(data, env) as running:
        yield from _with_live_decisions(running)


def _with_live_decisions(running: Server) -> Iterator[Server]:
    # Two more through the real decision path: automated hides for the second view.
    headers = {"Authorization": f"Bearer {running.key}"}
    with httpx.Client(base_url=running.url, headers=headers) as client:
        for i, text in enumerate(("shut up you pathetic loser", "you dumb moron")):
            body = {
                "message_id": f"live{i}",
                "author_id": "live",
                "channel_id": "random",
                "text": text,
            }
            assert client.post("/v1/moderate", json=body).status_code == 200
    yield running
