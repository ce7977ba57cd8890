"""The dashboard's Reports page: who may open it, the period form, and its three downloads."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import openpyxl
import pytest
from fastapi.testclient import TestClient
from tests.review.review_seed import DEMO, seed

from civility.api.app import create_app
from civility.auth.dashboard import DashboardRole
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def client(settings: Settings, clock: ManualClock) -> Iterator[TestClient]:
    built: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        built.append(c)
        return c

    with TestClient(create_app(build), base_url="http://127.0.0.1") as client:
        c = built[0]
        for role in DashboardRole:
            c.dashboard.create(role.value, PASSWORD, role, actor="test")
        seed(c.db, DEMO, clock.now())
        yield client


def _login(client: TestClient, username: str) -> None:
    match = CSRF.search(client.get("/dashboard/login").text)
    assert match
    form = {"username": username, "password": PASSWORD, "csrf_token": match.group(1)}
    assert client.post("/dashboard/login", data=form, follow_redirects=False).status_code == 303


@pytest.mark.parametrize("role", ["admin", "moderator"])
def test_moderators_and_admins_see_the_report_and_download_it(
    client: TestClient, role: str
) -> None:
    _login(client, role)
    page = client.get("/dashboard/reports")
    assert page.status_code == 200, page.text[:500]
    assert 'aria-current="page">Reports' in page.text
    for heading in ("Summary", "Review queue", "Top categories", "Moderator activity"):
        assert f"<h2>{heading}</h2>" in page.text
    assert "<svg" in page.text
    one_day = client.get("/dashboard/reports?since=2025-12-31&until=2025-12-31&channel=sports")
    assert one_day.status_code == 200
    assert "Decisions per hour" in one_day.text
    xlsx = client.get("/dashboard/reports/download?format=xlsx&since=2025-12-25")
    assert xlsx.status_code == 200
    assert "attachment" in xlsx.headers["content-disposition"]
    assert "Summary" in openpyxl.load_workbook(io.BytesIO(xlsx.content)).sheetnames
    pdf = client.get("/dashboard/reports/download?format=pdf")
    assert pdf.content.startswith(b"%PDF")
    assert client.get("/dashboard/reports/download?format=csv").status_code == 200


def test_viewers_may_not_and_bad_forms_get_a_message(client: TestClient) -> None:
    _login(client, "viewer")
    assert client.get("/dashboard/reports").status_code == 403
    assert "Reports</a>" not in client.get("/dashboard/users").text
    client.cookies.clear()
    _login(client, "moderator")
    assert client.get("/dashboard/reports?since=last+week").status_code == 422
    backwards = client.get("/dashboard/reports?since=2026-01-05&until=2026-01-01")
    assert backwards.status_code == 422
    assert "since must be before until" in backwards.text
    assert client.get("/dashboard/reports/download?format=docx").status_code == 422
