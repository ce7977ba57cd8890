"""User reports through the ASGI app: submit, idempotency, weights, the queue, verdicts, errors."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from tests.appeals.conftest import get, post
from tests.conftest import Api

from civility.auth.keys import Role
from civility.moderation.records import StoredMessage
from civility.storage.repositories import SqlModerationRepository


def report(api: Api, message_id: str, reporter: str, reason: str = "harassment") -> Any:
    return post(api, "/v1/reports", {"id": message_id, "reporter_id": reporter, "reason": reason})


def test_report_by_platform_id_then_repeat_counts_once(api: Api, ids: list[str]) -> None:
    message = get(api, f"/v1/messages/{ids[3]}", role=Role.SERVICE).json()
    body = {
        "channel_id": message["channel_id"],
        "message_id": message["message_id"],
        "reporter_id": "u-1",
        "reason": "spam",
        "text": "  buy now links  ",
    }
    first = post(api, "/v1/reports", body)
    assert first.status_code == 201, first.text
    assert first.json()["message_id"] == ids[3]
    assert first.json()["text"] == "buy now links"
    assert first.json()["weight"] == 1.0
    again = post(api, "/v1/reports", {**body, "reason": "hate"})
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["id"] == first.json()["id"]
    queue = get(api, "/v1/reports/queue").json()["items"]
    assert [(i["id"], i["open_reports"], i["reasons"]) for i in queue] == [(ids[3], 1, {"spam": 1})]
    events = get(api, "/v1/events", role=Role.ADMIN, type="report.received").json()["items"]
    assert len(events) == 1
    assert events[0]["payload"]["reporter_id"] == "u-1"


def test_queue_ranks_by_weight_then_count_and_pages(api: Api, ids: list[str]) -> None:
    for reporter in ("a", "b", "c"):
        assert report(api, ids[3], reporter).status_code == 201
    for reporter in ("d", "e"):
        assert report(api, ids[7], reporter).status_code == 201
    assert report(api, ids[0], "f").status_code == 201
    page = get(api, "/v1/reports/queue", limit=2).json()
    assert [(i["id"], i["weight"]) for i in page["items"]] == [(ids[3], 3.0), (ids[7], 2.0)]
    rest = get(api, "/v1/reports/queue", limit=2, cursor=page["next_cursor"]).json()
    assert [i["id"] for i in rest["items"]] == [ids[0]]
    assert rest["next_cursor"] is None
    assert get(api, "/v1/reports/queue", channel_id="sports").json()["items"][0]["id"] == ids[7]


def test_rejected_reporters_weigh_less(api: Api, ids: list[str]) -> None:
    # "cry-wolf" reports three harmless messages; each report is dismissed.
    for i in (3, 7, 2):
        assert report(api, ids[i], "cry-wolf").status_code == 201
        done = post(
            api, f"/v1/reports/queue/{ids[i]}/resolve", {"action": "dismiss"}, Role.MODERATOR
        )
        assert done.status_code == 200, done.text
        assert done.json()[0]["status"] == "rejected"
    weighed = report(api, ids[0], "cry-wolf").json()["weight"]
    assert weighed == pytest.approx(2 / 5, abs=0.001)
    assert report(api, ids[0], "fresh").json()["weight"] == 1.0
    item = get(api, "/v1/reports/queue").json()["items"][0]
    assert item["weight"] == pytest.approx(1.4, abs=0.001)


def test_upheld_report_changes_the_decision(api: Api, ids: list[str]) -> None:
    assert report(api, ids[3], "u-1").status_code == 201
    assert report(api, ids[3], "u-2", "threat").status_code == 201
    body = {"action": "remove", "note": "confirmed"}
    done = post(api, f"/v1/reports/queue/{ids[3]}/resolve", body, Role.MODERATOR)
    assert done.status_code == 200, done.text
    assert {r["status"] for r in done.json()} == {"upheld"}
    message = get(api, f"/v1/messages/{ids[3]}", role=Role.SERVICE).json()
    assert message["decision"] == "block"
    assert get(api, "/v1/reports/queue").json()["items"] == []
    resolved = get(api, "/v1/events", role=Role.ADMIN, type="report.resolved").json()["items"]
    assert resolved[0]["payload"]["outcome"] == "upheld"
    assert resolved[0]["payload"]["final_action"] == "block"
    removed = get(api, "/v1/events", role=Role.ADMIN, type="message.removed").json()["items"]
    assert [e["subject"]["id"] for e in removed] == [ids[3]]
    again = post(api, f"/v1/reports/queue/{ids[3]}/resolve", body, Role.MODERATOR)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "no_open_reports"
    listed = get(api, "/v1/reports", message_id=ids[3]).json()
    assert {r["reporter_id"] for r in listed} == {"u-1", "u-2"}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"reporter_id": "u", "reason": "spam"}, 422, "invalid_message_ref"),
        (
            {"id": "msg_x", "channel_id": "c", "reporter_id": "u", "reason": "spam"},
            422,
            "invalid_message_ref",
        ),
        (
            {"channel_id": "general", "reporter_id": "u", "reason": "spam"},
            422,
            "invalid_message_ref",
        ),
        ({"id": "msg_nope", "reporter_id": "u", "reason": "spam"}, 404, "message_not_found"),
        ({"id": "msg_nope", "reporter_id": "u", "reason": "rude"}, 422, "invalid_request"),
        ({"id": "msg_nope", "reporter_id": "", "reason": "spam"}, 422, "invalid_request"),
        (
            {"id": "msg_nope", "reporter_id": "u", "reason": "spam", "extra": 1},
            422,
            "invalid_request",
        ),
        (
            {"id": "msg_nope", "reporter_id": "u", "reason": "spam", "text": "x" * 2001},
            422,
            "invalid_request",
        ),
    ],
)
def test_bad_reports(
    api: Api, ids: list[str], body: dict[str, Any], status: int, code: str
) -> None:
    r = post(api, "/v1/reports", body)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    assert r.json()["error"]["message"]


def test_other_needs_text_and_roles(api: Api, ids: list[str]) -> None:
    r = post(api, "/v1/reports", {"id": ids[0], "reporter_id": "u", "reason": "other", "text": " "})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "text_required"
    forbidden = report_as(api, ids[0], Role.MODERATOR)
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "forbidden"
    assert get(api, "/v1/reports/queue", role=Role.SERVICE).status_code == 403
    verdict = post(api, f"/v1/reports/queue/{ids[0]}/resolve", {"action": "hide"}, Role.SERVICE)
    assert verdict.status_code == 403
    bad = post(api, f"/v1/reports/queue/{ids[0]}/resolve", {"action": "nuke"}, Role.MODERATOR)
    assert bad.json()["error"]["code"] == "invalid_request"
    unknown = post(api, "/v1/reports/queue/msg_nope/resolve", {"action": "hide"}, Role.MODERATOR)
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "message_not_found")
    assert get(api, "/v1/reports/queue", cursor="WzFd").json()["error"]["code"] == "bad_cursor"
    assert get(api, "/v1/reports/queue", cursor="WyJhIiwiYiIsImMiXQ").status_code == 422


@pytest.mark.parametrize(
    "raw", ['[1e999, 1, "x"]', f'[{10**30}, 1, "x"]', '[-1, 1, "x"]', "[1, 1, 5]", '[true, 1, "x"]']
)
def test_cursors_out_of_range_are_refused(api: Api, ids: list[str], raw: str) -> None:
    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    r = get(api, "/v1/reports/queue", cursor=cursor)
    assert (r.status_code, r.json()["error"]["code"]) == (422, "bad_cursor")


def test_an_undecided_message_is_not_hidden_by_reports(api: Api) -> None:
    now = api.container.clock.now()
    pending = StoredMessage("msg_pending", "p-x", "u-9", "general", "hello", "en", {}, None, now)
    with SqlModerationRepository(api.container.db).transaction() as tx:
        tx.insert_messages([pending])
    assert report(api, "msg_pending", "u-1").status_code == 201
    body = {"action": "hide"}
    r = post(api, "/v1/reports/queue/msg_pending/resolve", body, Role.MODERATOR)
    assert (r.status_code, r.json()["error"]["code"]) == (409, "message_not_decided")
    dismissed = post(
        api, "/v1/reports/queue/msg_pending/resolve", {"action": "dismiss"}, Role.MODERATOR
    )
    assert dismissed.status_code == 200


def test_blank_reporter_and_author_ids_are_refused(api: Api, ids: list[str]) -> None:
    r = post(api, "/v1/reports", {"id": ids[0], "reporter_id": " ", "reason": "spam"})
    assert (r.status_code, r.json()["error"]["code"]) == (422, "missing_reporter_id")
    body = {"id": ids[5], "author_id": " ", "statement": "x"}
    a = post(api, "/v1/appeals", body)
    assert (a.status_code, a.json()["error"]["code"]) == (422, "missing_author_id")


def report_as(api: Api, message_id: str, role: Role) -> Any:
    return post(api, "/v1/reports", {"id": message_id, "reporter_id": "x", "reason": "spam"}, role)


def test_a_review_verdict_answers_the_reports_too(api: Api, ids: list[str]) -> None:
    # 0 and 1 are flagged (review items); both are also reported.
    for i, reporter in ((0, "a"), (0, "b"), (1, "c"), (2, "d")):
        assert report(api, ids[i], reporter).status_code == 201
    hidden = post(api, f"/v1/review/{ids[0]}/resolve", {"action": "hide"}, Role.MODERATOR)
    assert hidden.status_code == 200, hidden.text
    approved = post(api, f"/v1/review/{ids[1]}/resolve", {"action": "approve"}, Role.MODERATOR)
    assert approved.status_code == 200, approved.text
    status = {
        r["reporter_id"]: r["status"]
        for i in (0, 1)
        for r in get(api, "/v1/reports", message_id=ids[i]).json()
    }
    assert status == {"a": "upheld", "b": "upheld", "c": "rejected"}
    assert [i["id"] for i in get(api, "/v1/reports/queue").json()["items"]] == [ids[2]]
    resolved = get(api, "/v1/events", role=Role.ADMIN, type="report.resolved").json()["items"]
    assert {
        (e["subject"]["id"], e["payload"]["verdict"], e["payload"]["outcome"]) for e in resolved
    } == {
        (ids[0], "hide", "upheld"),
        (ids[1], "dismiss", "rejected"),
    }
    # The reporters were weighed by the review verdicts.
    assert report(api, ids[3], "c").json()["weight"] == pytest.approx(2 / 3, abs=0.001)
    assert report(api, ids[3], "a").json()["weight"] == 1.0
    bulk = {"item_ids": [ids[2]], "action": "remove"}
    assert post(api, "/v1/review/resolve", bulk, Role.MODERATOR).json()["resolved"] == [ids[2]]
    assert [i["id"] for i in get(api, "/v1/reports/queue").json()["items"]] == [ids[3]]


def test_a_reported_verdict_settles_the_review_item_through_the_api(
    api: Api, ids: list[str]
) -> None:
    # 0 and 1 are flagged: one is judged from the Reported queue, the other is escalated first.
    for i in (0, 1):
        assert report(api, ids[i], f"r{i}").status_code == 201
    url = "/v1/reports/queue/{}/resolve"
    hidden = post(api, url.format(ids[0]), {"action": "hide"}, Role.MODERATOR)
    assert hidden.status_code == 200, hidden.text
    item = get(api, f"/v1/review/{ids[0]}").json()["item"]
    assert (item["status"], item["resolution"], item["current"]["decision"]) == (
        "resolved",
        "hide",
        "hide",
    )
    escalate = post(api, f"/v1/review/{ids[1]}/resolve", {"action": "escalate"}, Role.MODERATOR)
    assert escalate.status_code == 200, escalate.text
    refused = post(api, url.format(ids[1]), {"action": "dismiss"}, Role.MODERATOR)
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "escalated_to_senior")
    senior = post(api, url.format(ids[1]), {"action": "dismiss"}, Role.ADMIN)
    assert senior.status_code == 200, senior.text
    assert [r["status"] for r in senior.json()] == ["rejected"]
    item = get(api, f"/v1/review/{ids[1]}").json()["item"]
    assert (item["resolution"], item["current"]["decision"]) == ("approve", "allow")
