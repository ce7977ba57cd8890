"""The Reported and Appeals pages through the ASGI app: roles, verdicts, escaping, the author."""

from __future__ import annotations

from tests.web.test_web_pages import Web, web  # noqa: F401  (the signed-in dashboard fixture)

from civility.appeals.models import AppealKind
from civility.appeals.service import NewAppeal
from civility.moderation.lookup import MessageRef
from civility.user_reports.models import ReportReason
from civility.user_reports.service import NewReport

HIDDEN, ALLOWED = 5, 3


def report(dash: Web, index: int, reporter: str, text: str | None = None) -> None:
    ref = MessageRef(id=dash.ids[index])
    dash.container.user_reports.submit(NewReport(ref, reporter, ReportReason.OTHER, text or "bad"))


def test_reported_page_lists_and_a_moderator_dismisses(web: Web) -> None:  # noqa: F811
    report(web, ALLOWED, "u-1", "<script>alert(1)</script>")
    report(web, ALLOWED, "u-2")
    token = web.login("viewer")
    page = web.client.get("/dashboard/reported")
    assert page.status_code == 200
    assert "2 reports" in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text
    assert "can read reports but not act" in page.text
    form = {"action": "dismiss", "csrf_token": token}
    refused = web.client.post(f"/dashboard/reported/{web.ids[ALLOWED]}/resolve", data=form)
    assert refused.status_code == 403
    token = web.login("moderator")
    done = web.client.post(
        f"/dashboard/reported/{web.ids[ALLOWED]}/resolve",
        data={**form, "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "Reports+dismissed" in done.headers["location"]
    assert "No open reports." in web.client.get("/dashboard/reported").text
    summary = web.client.get(f"/dashboard/reported/{web.ids[ALLOWED]}/summary").text
    assert "rejected" in summary
    again = web.client.post(
        f"/dashboard/reported/{web.ids[ALLOWED]}/resolve", data={**form, "csrf_token": token}
    )
    assert again.status_code == 409
    assert "no open reports" in again.text


def test_appeals_page_and_the_authors_standing(web: Web) -> None:  # noqa: F811
    new = NewAppeal(AppealKind.DECISION, "spammer", "I was quoting", MessageRef(id=web.ids[HIDDEN]))
    appeal = web.container.appeals.submit(new).appeal
    token = web.login("moderator")
    page = web.client.get("/dashboard/appeals")
    assert page.status_code == 200
    assert "I was quoting" in page.text
    assert "Uphold" in page.text
    bad = web.client.post(
        f"/dashboard/appeals/{appeal.id}/decide", data={"outcome": "maybe", "csrf_token": token}
    )
    assert bad.status_code == 422
    done = web.client.post(
        f"/dashboard/appeals/{appeal.id}/decide",
        data={"outcome": "uphold", "note": "quote", "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    current = web.container.moderation.get_message(web.ids[HIDDEN]).current
    assert current is not None
    assert current.action.value == "allow"
    standing = web.client.get("/dashboard/users/spammer").text
    assert "I was quoting" in standing
    assert "upheld" in standing
    assert "No open appeals." not in web.client.get("/dashboard/appeals?status=upheld").text
