"""The live queue through the ASGI app: polling, filtered bulk verdicts, pages, summaries."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tests.web import test_web_pages
from tests.web.test_web_pages import Web

from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review.models import Resolution, ResolveRequest
from civility.review.priority import Deadline
from civility.web import render

web = test_web_pages.web  # the same signed-in dashboard fixture
SEEN = re.compile(r'name="seen" value="([^"]+)"')


def test_live_redraws_only_rows_whose_review_state_moved(web: Web) -> None:
    web.login("moderator")
    page = web.client.get("/dashboard/queue").text
    seen = SEEN.findall(page)
    assert len(seen) == 4
    quiet = web.client.get("/dashboard/queue/live", params={"seen": seen})
    assert quiet.status_code == 200
    assert 'id="count-flagged" hx-swap-oob="true">4<' in quiet.text
    assert "row-" not in quiet.text

    changed = seen[0].split(":")[0]
    web.container.review.resolve(changed, "dashboard:admin", ResolveRequest(Resolution.APPROVE))
    live = web.client.get("/dashboard/queue/live", params={"seen": seen, "open": seen[0]}).text
    assert 'id="count-flagged" hx-swap-oob="true">3<' in live
    assert f'id="row-{changed}"' in live
    assert live.count('id="row-') == 1
    # The opened item changed by someone else: the panel comes back, saying so.
    assert "approve by dashboard:admin" in live
    assert 'id="detail"' in live


def test_live_does_not_announce_ones_own_verdict(web: Web) -> None:
    token = web.login("moderator")
    seen = SEEN.findall(web.client.get("/dashboard/queue").text)
    mid = seen[0].split(":")[0]
    r = web.client.post(
        f"/dashboard/queue/items/{mid}/resolve", data={"action": "hide"}, headers=web.hx(token)
    )
    assert r.status_code == 200
    live = web.client.get("/dashboard/queue/live", params={"seen": seen, "open": seen[0]}).text
    assert f'id="row-{mid}"' in live  # the row still updates
    assert "data-changed" not in live


def test_bulk_by_filter_needs_a_filter_and_resolves_every_page(web: Web) -> None:
    token = web.login("moderator")
    form = {"action": "approve", "scope": "filter", "f_view": "flagged", "csrf_token": token}
    refused = web.client.post("/dashboard/queue/bulk", data=form)
    assert refused.status_code == 422
    assert "needs an author" in refused.text
    assert 'aria-label="Dashboard"' in refused.text  # the error page keeps the navigation
    done = web.client.post(
        "/dashboard/queue/bulk",
        data={**form, "f_author_id": "troll42", "back": "/dashboard/queue"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "2+item%28s%29+approved" in done.headers["location"]


def test_paging_links_go_both_ways(web: Web) -> None:
    web.login("moderator")
    first = web.client.get("/dashboard/queue").text
    assert 'data-page="prev"' not in first
    assert 'data-page="next"' not in first  # four items fit one page


def test_sla_labels() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert render.sla_label(Deadline(now, timedelta(minutes=35))) == "due in 35 min"
    assert render.sla_label(Deadline(now, timedelta(hours=-2, minutes=-5))) == "2 h overdue"
    assert render.sla_label(Deadline(now, timedelta(seconds=20))) == "due in 1 min"


def test_audit_summaries_are_readable() -> None:
    decided = {
        "decision": "flag",
        "policy_version": 3,
        "reasons": [Reason("threat", "m", ReasonSource.MODEL, Action.FLAG, "threat").to_dict()],
    }
    assert render.summary("message.flagged", decided) == "flag by the policy v3: threat"
    verdict = {
        "resolution": "remove",
        "final_action": "block",
        "strike": True,
        "ban": {"channel_id": None, "duration_seconds": 86_400},
        "note": "again",
    }
    assert render.summary("review.resolved", verdict) == (
        "remove (message now block); strike added; author banned everywhere 24 hours; note: again"
    )
    ban = {"channel_id": "general", "until": "2026-01-02T10:00:00+00:00", "reason": "spam"}
    assert render.summary("user.banned", ban) == (
        "banned in #general until 2026-01-02 10:00 UTC: spam"
    )
    assert render.summary("user.unbanned", {"channel_id": None}) == "ban lifted everywhere"
    assert render.summary("something.new", {"a": "b", "n": 2, "x": {"y": 1}}) == "a b, n 2"


def test_urgency_names_the_worst_reason() -> None:
    item = type("Item", (), {})()
    item.reasons = (
        Reason("insult", "m", ReasonSource.MODEL, Action.FLAG, "insult", 0.9),
        Reason("identity_attack", "m", ReasonSource.MODEL, Action.FLAG, "identity_attack", 0.5),
        Reason("caps", "m", ReasonSource.CHECK, Action.FLAG),
    )
    item.severity = Severity.MEDIUM
    assert render.urgency(item) == "identity attack"
