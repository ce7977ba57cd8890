"""The dashboard in a real Chromium against the real server: log in, work the queue, audit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.browser.conftest import PASSWORD, Server
from tests.conftest import IN_CI

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def login(page: Page, server: Server, username: str) -> None:
    page.goto(f"{server.url}/dashboard/queue")
    expect(page).to_have_url(re.compile(r"/dashboard/login"))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/queue"))


def shot(page: Page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def test_moderator_works_the_queue(page: Page, server: Server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server, "mod")
    rows = page.locator(".items .row")
    expect(rows).to_have_count(4)
    expect(page.locator("#detail blockquote.text mark").first).to_be_visible()
    shot(page, artifacts, "01-queue")

    # Approve the selected (highest score) item with the keyboard; the next one opens.
    first_id = page.locator(".items .row.selected").get_attribute("data-id")
    page.keyboard.press("a")
    expect(page.locator(f"#row-{first_id}")).to_have_class(re.compile("st-resolved"))
    expect(page.locator(".items .row.selected")).not_to_have_attribute("data-id", first_id or "")
    # Hide the next one with the button.
    second_id = page.locator(".items .row.selected").get_attribute("data-id")
    expect(page.locator(f"#detail article[data-id='{second_id}']")).to_be_visible()
    page.locator("#detail").get_by_role("button", name="Hide").click()
    expect(page.locator(f"#row-{second_id}")).to_have_class(re.compile("st-resolved"))

    # Ban the author of a third item for 7 days in every channel.
    third_id = page.locator(".items .row.selected").get_attribute("data-id")
    expect(page.locator(f"#detail article[data-id='{third_id}']")).to_be_visible()
    author = page.locator(f"#row-{third_id} .meta span").nth(2).inner_text()
    page.keyboard.press("b")
    panel = page.locator("#ban-panel")
    panel.get_by_label("everywhere").check()
    panel.get_by_label("For how long").select_option("604800")
    panel.get_by_placeholder("reason").fill("repeated insults")
    shot(page, artifacts, "02-ban-form")
    panel.get_by_role("button", name="Remove message & ban author").click()
    expect(page.locator(f"#row-{third_id}")).to_have_class(re.compile("st-resolved"))
    expect(page.locator('.tabs a[aria-current="page"] .count')).to_have_text("1")
    shot(page, artifacts, "03-after-verdicts")

    page.goto(f"{server.url}/dashboard/users/{author}")
    expect(page.locator(".card").first).to_contain_text("banned everywhere")
    shot(page, artifacts, "04-user")

    page.goto(f"{server.url}/dashboard/audit?actor=dashboard:mod")
    table = page.locator("table.audit tbody")
    for kind in ("review.resolved", "user.banned", "user.strike_added"):
        expect(table).to_contain_text(kind)
    shot(page, artifacts, "05-audit")
    page.goto(f"{server.url}/dashboard/audit?actor=dashboard:mod&type=review.resolved")
    expect(table.locator("tr")).to_have_count(3)

    page.goto(f"{server.url}/dashboard/queue?status=resolved")
    expect(rows).to_have_count(3)


def test_help_and_automated_view(page: Page, server: Server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server, "mod")
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()
    page.get_by_role("link", name=re.compile("Automated hides")).click()
    expect(page.locator(".items .row")).to_have_count(4)
    page.keyboard.press("j")
    expect(page.locator(".items .row").nth(1)).to_have_class(re.compile("selected"))
    shot(page, artifacts, "06-automated")


def test_viewer_reads_but_cannot_act(page: Page, server: Server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    login(page, server, "viewer")
    expect(page.locator(".items .row").first).to_be_visible()
    expect(page.locator("#detail").get_by_role("button", name="Approve")).to_have_count(0)
    expect(page.locator("#bulk")).to_have_count(0)
    shot(page, artifacts, "07-viewer")
    item = page.locator(".items .row").first.get_attribute("data-id")
    token = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']")
    status = page.evaluate(
        """async ([url, token]) => (await fetch(url, {method: 'POST',
             headers: {'X-CSRF-Token': token, 'Content-Type': 'application/x-www-form-urlencoded'},
             body: 'action=approve'})).status""",
        [f"{server.url}/dashboard/queue/items/{item}/resolve", token],
    )
    assert status == 403
    page.goto(f"{server.url}/dashboard/policy")
    expect(page.locator("h1")).to_have_text("Not allowed")


def test_admin_overview_policy_and_blocklist(page: Page, server: Server, artifacts: Path) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    login(page, server, "admin")
    page.goto(f"{server.url}/dashboard/")
    expect(page.locator("svg.chart").first).to_be_visible()
    expect(page.locator("svg.chart rect").first).to_be_attached()
    shot(page, artifacts, "08-overview")

    page.goto(f"{server.url}/dashboard/blocklist")
    page.get_by_label("Pattern").fill("frobnicate")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("table.grid")).to_contain_text("frobnicate")
    page.get_by_placeholder("type a message").fill("please frobnicate, you idiot")
    page.get_by_role("button", name="Test").click()
    result = page.locator("#trial-result")
    expect(result).to_contain_text("block")
    expect(result.locator("mark").first).to_be_visible()
    shot(page, artifacts, "09-blocklist-test")

    page.goto(f"{server.url}/dashboard/policy")
    expect(page.locator("table.grid")).to_contain_text("identity attack")
    shot(page, artifacts, "10-policy")


def test_wrong_password_and_sign_out(page: Page, server: Server) -> None:
    page.goto(f"{server.url}/dashboard/login")
    page.get_by_label("User name").fill("mod")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("wrong user name or password")
    login(page, server, "mod")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/dashboard/login"))
    page.goto(f"{server.url}/dashboard/queue")
    expect(page).to_have_url(re.compile(r"/dashboard/login"))
