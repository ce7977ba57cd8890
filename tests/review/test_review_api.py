"""The review endpoints through the ASGI app: roles, validation, verdicts, cursors, notes."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api
from tests.review.review_seed import DEMO, seed

from civility.auth.keys import Role


@pytest.fixture
def ids(api: Api) -> list[str]:
    return seed(api.container.db, DEMO, api.container.clock.now())


def get(api: Api, path: str, role: Role = Role.MODERATOR, **params: Any) -> Any:
    return api.client.get(path, params=params, headers=api.headers(role))


def post(api: Api, path: str, body: Any = None, role: Role = Role.MODERATOR) -> Any:
    return api.client.post(path, json=body, headers=api.headers(role))


def test_list_and_detail(api: Api, ids: list[str]) -> None:
    page = get(api, "/v1/review", order="age").json()
    assert [i["id"] for i in page["items"]] == [ids[0], ids[1], ids[2], ids[4]]
    first = page["items"][0]
    assert first["status"] == "pending"
    assert first["view"] == "flagged"
    assert first["reasons"][0]["spans"]
    auto = get(api, "/v1/review", view="automated").json()["items"]
    assert {i["decision"] for i in auto} == {"hide", "block"}
    detail = get(api, f"/v1/review/{ids[0]}").json()
    assert detail["author"]["author_id"] == "troll42"
    assert detail["neighbours"]


def test_paging_with_cursor(api: Api, ids: list[str]) -> None:
    seen = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = get(api, "/v1/review", **params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted([ids[0], ids[1], ids[2], ids[4]])


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"cursor": "!!!"}, "bad_cursor"),
        ({"cursor": "WzFd"}, "bad_cursor"),
        ({"cursor": "WyJ4IiwgInkiXQ"}, "bad_cursor"),
        ({"status": "nope"}, "invalid_request"),
        ({"order": "random"}, "invalid_request"),
        ({"view": "all"}, "invalid_request"),
    ],
)
def test_bad_queries(api: Api, ids: list[str], params: dict[str, str], code: str) -> None:
    r = get(api, "/v1/review", **params)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == code


def test_claim_resolve_and_conflicts(api: Api, ids: list[str]) -> None:
    claimed = post(api, f"/v1/review/{ids[0]}/claim")
    assert claimed.status_code == 200
    assert claimed.json()["claimed_by"].startswith("key:")
    other = post(api, f"/v1/review/{ids[0]}/claim", role=Role.ADMIN)
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "claimed_by_other"
    body = {
        "action": "hide",
        "note": "clear insult",
        "strike": True,
        "ban": {"channel_id": "general", "duration_seconds": 3600},
    }
    done = post(api, f"/v1/review/{ids[0]}/resolve", body)
    assert done.status_code == 200, done.text
    assert done.json()["resolution"] == "hide"
    again = post(api, f"/v1/review/{ids[0]}/resolve", {"action": "approve"})
    assert again.status_code == 409
    events = get(api, "/v1/events", type="user.*").json()["items"]
    assert {e["type"] for e in events} == {"user.banned", "user.strike_added"}
    notes = get(api, f"/v1/review/{ids[0]}/notes").json()
    assert [n["text"] for n in notes] == ["clear insult"]


@pytest.mark.parametrize(
    "body",
    [
        {"action": "delete"},
        {"action": "hide", "ban": {"duration_seconds": 0}},
        {"action": "hide", "ban": {"channel": "x"}},
        {"action": "hide", "note": ""},
        {"action": "hide", "surprise": 1},
        {},
    ],
)
def test_bad_verdicts(api: Api, ids: list[str], body: dict[str, Any]) -> None:
    r = post(api, f"/v1/review/{ids[0]}/resolve", body)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_request"


def test_unknown_items_and_roles(api: Api, ids: list[str]) -> None:
    assert get(api, "/v1/review/msg_nope").status_code == 404
    assert post(api, "/v1/review/msg_nope/claim").status_code == 404
    assert post(api, f"/v1/review/{ids[3]}/claim").status_code == 404  # allowed message
    assert get(api, "/v1/review", role=Role.SERVICE).status_code == 403
    assert post(api, f"/v1/review/{ids[0]}/claim", role=Role.SERVICE).status_code == 403
    assert api.client.get("/v1/review").status_code == 401


def test_bulk_and_notes(api: Api, ids: list[str]) -> None:
    r = post(
        api, "/v1/review/resolve", {"item_ids": [ids[0], ids[1], "msg_x"], "action": "approve"}
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"resolved": [ids[0], ids[1]], "failed": {"msg_x": "review_item_not_found"}}
    assert post(api, "/v1/review/resolve", {"item_ids": [], "action": "approve"}).status_code == 422
    n = post(api, "/v1/users/troll42/notes", {"text": "warned in DMs"})
    assert n.status_code == 201
    assert [x["text"] for x in get(api, "/v1/users/troll42/notes").json()] == ["warned in DMs"]
    assert post(api, f"/v1/review/{ids[2]}/notes", {"text": "look again"}).status_code == 201
    resolved = get(api, "/v1/review", status="resolved").json()["items"]
    assert {i["id"] for i in resolved} == {ids[0], ids[1]}


def test_audit_log_time_range(api: Api, ids: list[str]) -> None:
    post(api, f"/v1/review/{ids[0]}/claim")
    now = api.container.clock.now().isoformat()
    inside = get(api, "/v1/events", type="review.*", since=now).json()["items"]
    assert [e["type"] for e in inside] == ["review.claimed"]
    assert get(api, "/v1/events", type="review.*", until=now).json()["items"] == []


def test_a_verdict_is_the_messages_decision_and_can_be_reversed(api: Api, ids: list[str]) -> None:
    mid = ids[5]  # automatically hidden
    before = get(api, f"/v1/messages/{mid}", role=Role.SERVICE).json()
    assert (before["decision"], before["decision_source"]) == ("hide", "automated")
    assert before["decided_by"] == "system:policy-v1"
    assert before["decision_history"] == []

    item = post(api, f"/v1/review/{mid}/resolve", {"action": "approve"}).json()
    assert item["current"]["decision"] == "allow"
    assert item["decision"] == "hide"  # the automated decision stays what it was
    moderator = item["resolved_by"]
    after = get(api, f"/v1/messages/{mid}", role=Role.SERVICE).json()
    assert (after["decision"], after["decided_by"], after["decision_source"]) == (
        "allow",
        moderator,
        "review",
    )
    assert after["automated_decision"]["decision"] == "hide"
    assert after["automated_decision"]["decided_by"] == "system:policy-v1"
    assert [h["decision"] for h in after["decision_history"]] == ["allow"]
    listed = get(api, "/v1/messages", decision="allow", author_id="spammer").json()["items"]
    assert [m["id"] for m in listed] == [mid]
    assert listed[0]["decision_history"] is None  # lists carry only the current decision

    no_note = post(api, f"/v1/review/{mid}/reverse", {})
    assert no_note.status_code == 422
    reversed_ = post(api, f"/v1/review/{mid}/reverse", {"note": "it is a threat"}).json()
    assert (reversed_["status"], reversed_["current"]["decision"]) == ("pending", "hide")
    assert reversed_["current"]["source"] == "reversal"
    again = post(api, f"/v1/review/{mid}/reverse", {"note": "twice"})
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "not_resolved"

    post(api, f"/v1/review/{mid}/resolve", {"action": "remove"})
    undone = post(api, f"/v1/review/{mid}/undo")
    assert undone.status_code == 200, undone.text
    assert undone.json()["current"]["decision"] == "hide"
    others = post(api, f"/v1/review/{mid}/undo", role=Role.ADMIN)
    assert others.status_code == 409  # pending again: nothing to undo
    events = get(api, "/v1/events", role=Role.ADMIN, type="message.*", limit=10).json()["items"]
    assert [e["type"] for e in events if e["subject"]["id"] == mid][:4] == [
        "message.hidden",
        "message.removed",
        "message.hidden",
        "message.restored",
    ]
