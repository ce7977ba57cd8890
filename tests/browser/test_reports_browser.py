"""The Reports page in a real Chromium: a moderator opens it, narrows the period and channel,
and downloads the Excel and PDF files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from tests.browser.conftest import Server
from tests.browser.test_dashboard_browser import login, shot
from tests.conftest import IN_CI

if not IN_CI:  # under CI=true a missing plugin is an import error, not a skip
    pytest.importorskip("pytest_playwright", reason="pip install pytest-playwright==0.10.0")
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def test_moderator_reads_and_downloads_a_report(
    page: Page, server: Server, artifacts: Path
) -> None:
    page.set_viewport_size({"width": 1400, "height": 1000})
    login(page, server, "mod")
    page.get_by_role("link", name="Reports").click()
    expect(page).to_have_url(re.compile(r"/dashboard/reports"))
    expect(page.locator("h1")).to_have_text("Reports")
    expect(page.locator("svg.chart").first).to_be_visible()
    summary = page.locator("#table-summary")
    expect(summary).to_contain_text("messages moderated")
    expect(page.locator("#table-channels")).to_contain_text("sports")
    shot(page, artifacts, "11-reports")

    page.get_by_label("Channel").fill("sports")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"channel=sports"))
    expect(page.locator("#table-channels tbody tr")).to_have_count(1)

    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Excel").click()
    data = Path(xlsx.value.path()).read_bytes()
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert "Review queue" in workbook.sheetnames
    assert xlsx.value.suggested_filename.startswith("civility-report-sports-")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF").click()
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
