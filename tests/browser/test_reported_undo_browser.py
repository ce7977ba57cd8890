"""Undo on the Reported tab and reversing a verdict on an allowed message's reports, in a real
Chromium against the real server (issue 17).

The platform reports an allowed message twice. A moderator dismisses the reports with `a` by
mistake; the flash offers Undo and `u` takes the verdict back: both reports are open again.
The moderator then hides the message with `h`; a second moderator reverses that verdict from
the message's reports panel with a note: the message is shown again, the reports open.
Each step is checked where the platform sees it: the API's reports, messages and events.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.browser.conftest import api_client, seed_demo, serve_with_moderators, sign_in
from tests.conftest import IN_CI

from civility.testing import RunningServer as Server

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of this module's own."""
    yield from serve_with_moderators(tmp_path_factory, "reported-undo", seed_demo, ("mod", "mod2"))


def statuses(client: httpx.Client, message_id: str) -> list[str]:
    reports = client.get("/v1/reports", params={"message_id": message_id}).json()
    return [r["status"] for r in reports]


def test_undo_and_reversal_on_the_reported_tab(page: Page, server: Server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    with api_client(server) as client:
        body = {
            "message_id": "fine-1",
            "author_id": "kind",
            "channel_id": "general",
            "text": "thanks for organising the match, see you next week",
        }
        moderated = client.post("/v1/moderate", json=body).json()
        assert moderated["decision"] == "allow"
        target = moderated["id"]
        for reporter in ("r-1", "r-2"):
            report = {"id": target, "reporter_id": reporter, "reason": "spam"}
            assert client.post("/v1/reports", json=report).status_code == 201

    sign_in(page, server, "mod", "/dashboard/reported")
    expect(page.locator(f"#detail article[data-id='{target}']")).to_be_visible()
    page.keyboard.press("a")  # the slip: dismissed
    flash = page.locator("#flash")
    expect(flash).to_contain_text("Reports dismissed")
    expect(page.locator(".items .empty")).to_contain_text("No open reports.")
    undo = flash.get_by_role("button", name="Undo")
    expect(undo).to_be_visible()
    with api_client(server) as client:
        assert statuses(client, target) == ["rejected", "rejected"]
    page.screenshot(path=str(artifacts / "reported-undo-01-offered.png"), full_page=True)

    page.keyboard.press("u")
    expect(flash).to_contain_text("Undone: the reports are open again.")
    rows = page.locator(".items .row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-id", target)
    expect(rows.first).to_contain_text("2 reports")
    expect(flash.get_by_role("button", name="Undo")).to_have_count(0)
    with api_client(server) as client:
        assert statuses(client, target) == ["open", "open"]
        events = client.get("/v1/events", params={"type": "report.reopened"}).json()["items"]
        assert [(e["actor"], e["payload"]["undo"]) for e in events] == [("dashboard:mod", True)]

    page.keyboard.press("h")
    expect(flash).to_contain_text("Reports upheld; the message is hidden.")
    with api_client(server) as client:
        assert client.get(f"/v1/messages/{target}").json()["decision"] == "hide"

    sign_in(page, server, "mod2", "/dashboard/reported")
    page.goto(f"{server.url}/dashboard/reported?item={target}")  # judged: not in the list
    form = page.locator("form.reverse-reports")
    expect(form).to_contain_text("dashboard:mod")
    form.get_by_placeholder("why").fill("a thank-you, not spam")
    form.get_by_role("button", name="Reverse that verdict").click()
    expect(flash).to_contain_text("Verdict reversed: the reports are open again.")
    expect(page.locator(".items .row")).to_have_count(1)
    page.screenshot(path=str(artifacts / "reported-undo-02-reversed.png"), full_page=True)
    with api_client(server) as client:
        assert statuses(client, target) == ["open", "open"]
        message = client.get(f"/v1/messages/{target}").json()
        assert (message["decision"], message["decision_source"]) == ("allow", "reversal")
        assert message["decided_by"] == "dashboard:mod2"
        events = client.get("/v1/events", params={"type": "report.reopened"}).json()["items"]
        assert events[0]["payload"]["note"] == "a thank-you, not spam"
