"""A Reported-tab verdict settles the message's review item, and reversing it reopens the
reports, in a real Chromium against the real server (issue 17).

A platform reports a flagged message twice; the Reported tab says the verdict resolves the
Flagged item too; a moderator hides it with `h`: the item leaves the Flagged queue. A second
moderator reverses the verdict from the item with a note: the message is flagged again, the
item pending, and both reports are back in the Reported queue.
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of this module's own."""
    yield from serve_with_moderators(
        tmp_path_factory, "reported-review", seed_demo, ("mod", "mod2")
    )


def review_item(client: httpx.Client, message_id: str) -> dict[str, Any]:
    r = client.get(f"/v1/review/{message_id}")
    assert r.status_code == 200, r.text
    return dict(r.json()["item"])


def test_a_reported_verdict_settles_the_flagged_item_and_a_reversal_reopens_the_reports(
    page: Page, server: Server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    with api_client(server) as client:
        flagged = client.get("/v1/review", params={"view": "flagged", "order": "age"}).json()
        target = flagged["items"][0]["id"]
        for reporter in ("r-1", "r-2"):
            body = {"id": target, "reporter_id": reporter, "reason": "harassment"}
            assert client.post("/v1/reports", json=body).status_code == 201

    sign_in(page, server, "mod", "/dashboard/reported")
    detail = page.locator(f"#detail article[data-id='{target}']")
    expect(detail).to_be_visible()
    expect(detail.locator(".review-link")).to_contain_text("this verdict resolves that item too")
    page.screenshot(path=str(artifacts / "reported-review-01-pending.png"), full_page=True)
    page.keyboard.press("h")
    expect(page.locator("#flash")).to_contain_text("Reports upheld; the message is hidden.")
    expect(page.locator(".items .empty")).to_contain_text("No open reports.")
    with api_client(server) as client:
        item = review_item(client, target)
        assert (item["status"], item["resolution"]) == ("resolved", "hide")
        assert (item["resolved_by"], item["current"]["decision"]) == ("dashboard:mod", "hide")

    page.goto(f"{server.url}/dashboard/queue?view=flagged")
    expect(page.locator(".items .row").first).to_be_visible()
    expect(page.locator(f".items .row[data-id='{target}']")).to_have_count(0)

    sign_in(page, server, "mod2", f"/dashboard/queue/items/{target}")
    expect(page.locator(".detail .status").first).to_contain_text("resolved")
    form = page.locator("form.reverse")
    form.get_by_placeholder("why").fill("banter between friends")
    form.get_by_role("button", name="Reverse").click()
    expect(page.locator(".detail .status").first).to_have_text("pending")
    page.screenshot(path=str(artifacts / "reported-review-02-reversed.png"), full_page=True)

    page.goto(f"{server.url}/dashboard/reported")
    rows = page.locator(".items .row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-id", target)
    expect(rows.first).to_contain_text("2 reports")
    with api_client(server) as client:
        reports = client.get("/v1/reports", params={"message_id": target}).json()
        assert [r["status"] for r in reports] == ["open", "open"]
        assert client.get(f"/v1/messages/{target}").json()["decision"] == "flag"
        events = client.get("/v1/events", params={"type": "report.reopened"}).json()["items"]
        assert [(e["subject"]["id"], e["actor"]) for e in events] == [(target, "dashboard:mod2")]
        assert sorted(events[0]["payload"]["reporter_ids"]) == ["r-1", "r-2"]
