"""User reports and appeals in a real Chromium against the real server.

A platform reports a message twice; a moderator removes it from the Reported queue. A moderator
removes a flagged message, its author appeals; that moderator is told to leave it to someone
else, and a second moderator upholds it: the message is shown again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.browser.conftest import (
    Server,
    api_client,
    seed_demo,
    serve_with_moderators,
    sign_in,
)
from tests.conftest import IN_CI

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]
# The screenshots docs/dashboard.md shows of these two tabs.
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of this module's own."""
    yield from serve_with_moderators(
        tmp_path_factory, "reports-appeals", seed_demo, ("mod", "mod2")
    )


def shot(page: Page, artifacts: Path, name: str, docs: str = "") -> None:
    """Screenshots into the artifacts, and the docs' image with CIVILITY_UPDATE_DOCS_IMAGES=1
    (so an ordinary run leaves the tracked images alone)."""
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    if docs and os.environ.get("CIVILITY_UPDATE_DOCS_IMAGES") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        top = {"x": 0, "y": 0, "width": 1400, "height": 540}
        page.screenshot(path=str(DOCS_IMAGES / f"{docs}.png"), clip=top)


def message_of(client: httpx.Client, author: str) -> dict[str, Any]:
    """Returns the one message the seed gives an author."""
    items: list[dict[str, Any]] = client.get("/v1/messages", params={"author_id": author}).json()[
        "items"
    ]
    assert len(items) == 1
    return items[0]


def test_reports_reach_the_reported_queue_and_a_verdict(
    page: Page, server: Server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    with api_client(server) as client:
        harmless = message_of(client, "nice2")
        other = message_of(client, "nice1")
        for reporter, reason in (("r-1", "harassment"), ("r-2", "threat")):
            body = {"id": harmless["id"], "reporter_id": reporter, "reason": reason}
            assert client.post("/v1/reports", json=body).status_code == 201
        repeat = {"id": harmless["id"], "reporter_id": "r-1", "reason": "spam"}
        assert client.post("/v1/reports", json=repeat).json()["duplicate"] is True
        body = {"id": other["id"], "reporter_id": "r-3", "reason": "spam"}
        assert client.post("/v1/reports", json=body).status_code == 201

    sign_in(page, server, "mod", "/dashboard/reported")
    rows = page.locator(".items .row")
    expect(rows).to_have_count(2)
    expect(rows.first).to_have_attribute("data-id", harmless["id"])
    expect(rows.first).to_contain_text("2 reports")
    detail = page.locator("#detail")
    expect(detail.locator("table.reports tbody tr")).to_have_count(2)
    expect(detail).to_contain_text("threat")
    shot(page, artifacts, "reported-01-queue", docs="reported")

    page.keyboard.press("r")
    expect(page.locator("#flash")).to_contain_text("Reports upheld; the message is removed.")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-id", other["id"])
    shot(page, artifacts, "reported-02-after-verdict")

    # The other message: open it by clicking, then dismiss its report with the button.
    rows.first.click()
    expect(page.locator(f"#detail article[data-id='{other['id']}']")).to_be_visible()
    page.locator("#detail").get_by_role("button", name="Dismiss reports").click()
    expect(page.locator(".items .empty")).to_contain_text("No open reports.")

    with api_client(server) as client:
        assert client.get(f"/v1/messages/{harmless['id']}").json()["decision"] == "block"
        assert client.get(f"/v1/messages/{other['id']}").json()["decision"] == "allow"
        reports = client.get("/v1/reports", params={"message_id": other["id"]}).json()
        assert [r["status"] for r in reports] == ["rejected"]


def test_appeal_is_upheld_by_a_different_moderator(
    page: Page, server: Server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    sign_in(page, server, "mod", "/dashboard/queue?view=flagged&order=age")
    first = page.locator(".items .row").first
    target = first.get_attribute("data-id")
    expect(page.locator(f"#detail article[data-id='{target}']")).to_be_visible()
    page.locator("#detail").get_by_role("button", name="Remove").click()
    expect(page.locator(f"#row-{target}")).to_have_class(re.compile("st-resolved"))

    with api_client(server) as client:
        message = client.get(f"/v1/messages/{target}").json()
        assert message["decision"] == "block"
        body = {"id": target, "author_id": message["author_id"], "statement": "I was quoting him"}
        created = client.post("/v1/appeals", json=body)
        assert created.status_code == 201, created.text
        appeal = created.json()
        assert appeal["original_actor"] == "dashboard:mod"

    page.goto(f"{server.url}/dashboard/appeals")
    detail = page.locator("#detail")
    expect(detail).to_contain_text("I was quoting him")
    expect(detail).to_contain_text("another moderator or an admin decides it")
    expect(detail.get_by_role("button", name="Uphold")).to_have_count(0)
    shot(page, artifacts, "appeals-01-own-decision")

    sign_in(page, server, "mod2", "/dashboard/appeals")
    expect(page.locator(".items .row")).to_have_count(1)
    detail = page.locator("#detail")
    detail.get_by_placeholder("note to keep with the decision").fill("a quote, not an insult")
    shot(page, artifacts, "appeals-02-second-moderator", docs="appeals")
    detail.get_by_role("button", name="Uphold").click()
    expect(page.locator("#flash")).to_contain_text("Appeal upheld: the message is shown again.")
    expect(page.locator(".items .empty")).to_be_visible()

    with api_client(server) as client:
        polled = client.get(f"/v1/appeals/{appeal['id']}").json()
        assert (polled["status"], polled["decided_by"]) == ("upheld", "dashboard:mod2")
        assert client.get(f"/v1/messages/{target}").json()["decision"] == "allow"
        events = client.get("/v1/events", params={"type": "appeal.upheld"}).json()["items"]
        assert [e["subject"]["id"] for e in events] == [appeal["id"]]

    page.goto(f"{server.url}/dashboard/users/{message['author_id']}")
    expect(page.locator("table.appeals")).to_contain_text("upheld")
    shot(page, artifacts, "appeals-03-author-standing")
