"""The Reported tab offers Undo right after a verdict, and reverses the last verdict with a note
(issue 17): the pages' forms, the redirects and what they change, without a browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from tests.review.review_seed import DEMO, seed

from civility.api.app import create_app
from civility.auth.dashboard import DashboardRole
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.moderation.lookup import MessageRef
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings
from civility.user_reports.models import ReportReason, ReportStatus
from civility.user_reports.service import NewReport

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
UNDO_FORM = re.compile(r'action="/dashboard/reported/(msg_\w+)/undo"')
ALLOWED = 3  # DEMO[3]: an allowed message


@pytest.fixture
def built(settings: Settings, clock: ManualClock) -> Iterator[tuple[TestClient, Container, str]]:
    containers: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        containers.append(c)
        return c

    with TestClient(create_app(build), base_url="http://127.0.0.1") as client:
        c = containers[0]
        for name in ("mod", "mod2"):
            c.dashboard.create(name, PASSWORD, DashboardRole.MODERATOR, actor="test")
        mid = seed(c.db, DEMO, clock.now())[ALLOWED]
        for reporter in ("r1", "r2"):
            c.user_reports.submit(NewReport(MessageRef(id=mid), reporter, ReportReason.SPAM))
        yield client, c, mid


def _login(client: TestClient, username: str) -> str:
    client.cookies.clear()
    match = CSRF.search(client.get("/dashboard/login").text)
    assert match
    form = {"username": username, "password": PASSWORD, "csrf_token": match.group(1)}
    assert client.post("/dashboard/login", data=form, follow_redirects=False).status_code == 303
    page = CSRF.search(client.get("/dashboard/reported").text)
    assert page
    return page.group(1)


def _statuses(c: Container, mid: str) -> list[ReportStatus]:
    return [r.status for r in c.user_reports.reports_of(mid)]


def test_undo_is_offered_after_a_reported_verdict_and_reopens_the_reports(
    built: tuple[TestClient, Container, str], clock: ManualClock
) -> None:
    client, c, mid = built
    csrf = _login(client, "mod")
    form = {"action": "dismiss", "csrf_token": csrf, "back": "/dashboard/reported"}
    judged = client.post(f"/dashboard/reported/{mid}/resolve", data=form)
    assert judged.status_code == 200
    assert "Reports dismissed" in judged.text
    assert UNDO_FORM.findall(judged.text) == [mid]
    assert "data-undo" in judged.text
    assert _statuses(c, mid) == [ReportStatus.REJECTED] * 2

    clock.advance(timedelta(seconds=20))
    undone = client.post(
        f"/dashboard/reported/{mid}/undo", data={"csrf_token": csrf, "back": "/dashboard/reported"}
    )
    assert undone.status_code == 200
    assert "Undone: the reports are open again." in undone.text
    assert f'data-id="{mid}"' in undone.text  # back in the list, opened on it
    assert UNDO_FORM.findall(undone.text) == []  # no Undo of the Undo
    assert _statuses(c, mid) == [ReportStatus.OPEN] * 2

    # Only the verdict's author may undo it; anyone may reverse it with a note.
    clock.advance(timedelta(seconds=1))
    client.post(f"/dashboard/reported/{mid}/resolve", data={**form, "action": "hide"})
    csrf2 = _login(client, "mod2")
    refused = client.post(f"/dashboard/reported/{mid}/undo", data={"csrf_token": csrf2})
    assert refused.status_code == 403
    assert "only the moderator who gave the verdict" in refused.text
    opened = client.get(f"/dashboard/reported?item={mid}").text
    assert f'action="/dashboard/reported/{mid}/reverse"' in opened
    clock.advance(timedelta(seconds=1))
    reversed_ = client.post(
        f"/dashboard/reported/{mid}/reverse", data={"csrf_token": csrf2, "note": "just spam"}
    )
    assert reversed_.status_code == 200
    assert "Verdict reversed" in reversed_.text
    assert _statuses(c, mid) == [ReportStatus.OPEN] * 2
    view = c.moderation.get_message(mid)
    assert view.current is not None
    assert (view.current.action.value, view.current.decided_by) == ("allow", "dashboard:mod2")


def test_viewers_and_a_missing_note_are_refused(
    built: tuple[TestClient, Container, str],
) -> None:
    client, c, mid = built
    csrf = _login(client, "mod")
    form = {"action": "dismiss", "csrf_token": csrf}
    client.post(f"/dashboard/reported/{mid}/resolve", data=form)
    no_note = client.post(f"/dashboard/reported/{mid}/reverse", data={"csrf_token": csrf})
    assert no_note.status_code == 422
    assert "needs a note" in no_note.text
    assert _statuses(c, mid) == [ReportStatus.REJECTED] * 2
    c.dashboard.create("viewer", PASSWORD, DashboardRole.VIEWER, actor="test")
    csrf_v = _login(client, "viewer")
    assert "reverse-reports" not in client.get(f"/dashboard/reported?item={mid}").text
    denied = client.post(f"/dashboard/reported/{mid}/undo", data={"csrf_token": csrf_v})
    assert denied.status_code == 403
    assert _statuses(c, mid) == [ReportStatus.REJECTED] * 2
