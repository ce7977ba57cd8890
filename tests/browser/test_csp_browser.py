"""The dashboard under its Content-Security-Policy in a real Chromium: no page breaks a rule.

The policy forbids inline scripts, inline styles, framing and other origins (api/edge.py); a
template or script that relied on one would be blocked silently in users' browsers, so every
page is opened and every CSP violation the browser reports fails the test.
"""

from __future__ import annotations

import pytest
from tests.browser.test_dashboard_browser import login
from tests.conftest import IN_CI

from civility.testing import RunningServer as Server

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import ConsoleMessage, Page

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]

PAGES = ["/dashboard/", "/dashboard/queue", "/dashboard/users", "/dashboard/audit"]
ADMIN_PAGES = ["/dashboard/policy", "/dashboard/blocklist", "/dashboard/reports"]


def test_no_dashboard_page_violates_the_csp(page: Page, server: Server) -> None:
    violations: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", note)
    page.goto(f"{server.url}/dashboard/login")
    login(page, server, "admin")
    for path in PAGES + ADMIN_PAGES:
        page.goto(f"{server.url}{path}")
        page.wait_for_load_state("networkidle")
    page.keyboard.press("?")  # the keyboard help: script-driven, from app.js
    assert violations == []
    headers = page.request.get(f"{server.url}/dashboard/queue").headers
    assert "script-src 'self'" in headers["content-security-policy"]
