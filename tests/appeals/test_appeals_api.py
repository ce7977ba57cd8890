"""Appeals through the ASGI app: submit, idempotency, who may decide, reversal, bans, errors."""

from __future__ import annotations

from typing import Any

import pytest
from tests.appeals.conftest import get, post
from tests.conftest import Api

from civility.auth.keys import Role

# DEMO: 5 is an automated hide by spammer in #sports, 0 a flag by troll42, 3 allowed (nice1).
HIDDEN, FLAGGED, ALLOWED = 5, 0, 3


def appeal(api: Api, message_id: str, author: str, statement: str = "it was a joke") -> Any:
    body = {"id": message_id, "author_id": author, "statement": statement}
    return post(api, "/v1/appeals", body)


def second_moderator(api: Api) -> dict[str, str]:
    return {"Authorization": f"Bearer {api.container.api_keys.create(Role.MODERATOR).secret}"}


def test_upheld_appeal_of_an_automated_hide_restores_the_message(api: Api, ids: list[str]) -> None:
    created = appeal(api, ids[HIDDEN], "spammer")
    assert created.status_code == 201, created.text
    a = created.json()
    assert (a["status"], a["original_action"]) == ("open", "hide")
    assert a["original_actor"].startswith("system:")
    again = appeal(api, ids[HIDDEN], "spammer", "please")
    assert (again.status_code, again.json()["id"], again.json()["duplicate"]) == (
        200,
        a["id"],
        True,
    )
    listed = get(api, "/v1/appeals", status="open").json()["items"]
    assert [x["id"] for x in listed] == [a["id"]]
    body = {"outcome": "uphold", "note": "context shows a joke"}
    decided = post(api, f"/v1/appeals/{a['id']}/decide", body, Role.MODERATOR)
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "upheld"
    polled = get(api, f"/v1/appeals/{a['id']}", role=Role.SERVICE).json()
    assert (polled["status"], polled["note"]) == ("upheld", "context shows a joke")
    message = get(api, f"/v1/messages/{ids[HIDDEN]}", role=Role.SERVICE).json()
    assert message["decision"] == "allow"
    types = [e["type"] for e in get(api, "/v1/events", role=Role.ADMIN, limit=20).json()["items"]]
    assert "appeal.upheld" in types
    assert "message.restored" in types
    assert "appeal.submitted" in types
    late = appeal(api, ids[HIDDEN], "spammer")
    assert (late.status_code, late.json()["error"]["code"]) == (409, "already_appealed")
    twice = post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "deny"}, Role.MODERATOR)
    assert (twice.status_code, twice.json()["error"]["code"]) == (409, "appeal_decided")


def test_the_moderator_who_decided_may_not_decide_the_appeal(api: Api, ids: list[str]) -> None:
    verdict = {"action": "remove"}
    resolved = post(api, f"/v1/review/{ids[FLAGGED]}/resolve", verdict, Role.MODERATOR)
    assert resolved.status_code == 200, resolved.text
    a = appeal(api, ids[FLAGGED], "troll42").json()
    assert a["original_action"] == "block"
    own = post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "uphold"}, Role.MODERATOR)
    assert (own.status_code, own.json()["error"]["code"]) == (403, "own_decision")
    other = api.client.post(
        f"/v1/appeals/{a['id']}/decide", json={"outcome": "deny"}, headers=second_moderator(api)
    )
    assert other.status_code == 200, other.text
    assert other.json()["status"] == "denied"
    message = get(api, f"/v1/messages/{ids[FLAGGED]}", role=Role.SERVICE).json()
    assert message["decision"] == "block"


def test_an_admin_may_decide_an_appeal_of_their_own_decision(api: Api, ids: list[str]) -> None:
    assert (
        post(api, f"/v1/review/{ids[1]}/resolve", {"action": "hide"}, Role.ADMIN).status_code == 200
    )
    a = appeal(api, ids[1], "troll42").json()
    decided = post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "uphold"}, Role.ADMIN)
    assert decided.status_code == 200, decided.text
    assert get(api, f"/v1/messages/{ids[1]}", role=Role.SERVICE).json()["decision"] == "allow"


def test_ban_appeal_lifts_the_ban(api: Api, ids: list[str]) -> None:
    ban = {"channel_id": "sports", "reason": "spam wave"}
    assert post(api, "/v1/users/spammer/ban", ban, Role.MODERATOR).status_code == 201
    body = {"kind": "ban", "author_id": "spammer", "channel_id": "sports", "statement": "sorry"}
    created = post(api, "/v1/appeals", body)
    assert created.status_code == 201, created.text
    a = created.json()
    assert (a["kind"], a["original_action"], a["message_id"]) == ("ban", "ban", None)
    own = post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "uphold"}, Role.MODERATOR)
    assert own.json()["error"]["code"] == "own_decision"
    decided = api.client.post(
        f"/v1/appeals/{a['id']}/decide", json={"outcome": "uphold"}, headers=second_moderator(api)
    )
    assert decided.status_code == 200, decided.text
    standing = get(api, "/v1/users/spammer", channel_id="sports").json()
    assert standing["banned"] is False
    unbanned = get(api, "/v1/events", role=Role.ADMIN, type="user.unbanned").json()["items"]
    assert unbanned[0]["payload"]["reason"] == f"appeal {a['id']} upheld"
    not_banned = post(api, "/v1/appeals", {**body, "channel_id": "general"})
    assert (not_banned.status_code, not_banned.json()["error"]["code"]) == (409, "not_banned")


def test_upheld_decision_appeal_lifts_the_ban_of_that_verdict(api: Api, ids: list[str]) -> None:
    verdict = {"action": "remove", "ban": {"channel_id": "general"}}
    assert (
        post(api, f"/v1/review/{ids[FLAGGED]}/resolve", verdict, Role.MODERATOR).status_code == 200
    )
    assert get(api, "/v1/users/troll42", channel_id="general").json()["banned"] is True
    a = appeal(api, ids[FLAGGED], "troll42").json()
    decided = api.client.post(
        f"/v1/appeals/{a['id']}/decide", json={"outcome": "uphold"}, headers=second_moderator(api)
    )
    assert decided.status_code == 200, decided.text
    assert get(api, "/v1/users/troll42", channel_id="general").json()["banned"] is False
    upheld = get(api, "/v1/events", role=Role.ADMIN, type="appeal.upheld").json()["items"][0]
    assert upheld["payload"]["lifted_bans"] == [{"channel_id": "general"}]
    assert upheld["payload"]["final_action"] == "allow"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"author_id": "spammer", "statement": "x"}, 422, "invalid_message_ref"),
        ({"id": "msg_nope", "author_id": "a", "statement": "x"}, 404, "message_not_found"),
        ({"id": "msg_nope", "author_id": "a", "statement": ""}, 422, "invalid_request"),
        ({"id": "msg_nope", "author_id": "a", "statement": "   "}, 422, "empty_statement"),
        ({"id": "msg_nope", "author_id": "a", "statement": "x" * 5001}, 422, "invalid_request"),
        (
            {"id": "msg_nope", "author_id": "a", "statement": "x", "kind": "other"},
            422,
            "invalid_request",
        ),
        (
            {"kind": "ban", "id": "msg_x", "author_id": "a", "statement": "x"},
            422,
            "invalid_request",
        ),
        ({"kind": "ban", "author_id": "a", "statement": "x"}, 409, "not_banned"),
    ],
)
def test_bad_appeals(
    api: Api, ids: list[str], body: dict[str, Any], status: int, code: str
) -> None:
    r = post(api, "/v1/appeals", body)
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    assert r.json()["error"]["message"]


def test_what_cannot_be_appealed_and_who_may_call(api: Api, ids: list[str]) -> None:
    visible = appeal(api, ids[ALLOWED], "nice1")
    assert (visible.status_code, visible.json()["error"]["code"]) == (409, "nothing_to_appeal")
    flagged = appeal(api, ids[FLAGGED], "troll42")
    assert flagged.json()["error"]["code"] == "nothing_to_appeal"
    stranger = appeal(api, ids[HIDDEN], "someone-else")
    assert (stranger.status_code, stranger.json()["error"]["code"]) == (422, "not_the_author")
    body = {"id": ids[HIDDEN], "author_id": "spammer", "statement": "x"}
    assert post(api, "/v1/appeals", body, Role.MODERATOR).status_code == 403
    a = appeal(api, ids[HIDDEN], "spammer").json()
    assert post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "uphold"}).status_code == 403
    assert get(api, "/v1/appeals", role=Role.SERVICE).status_code == 403
    assert get(api, f"/v1/appeals/{a['id']}", role=Role.MODERATOR).status_code == 200
    missing = get(api, "/v1/appeals/apl_nope", role=Role.SERVICE)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "appeal_not_found")
    bad = post(api, f"/v1/appeals/{a['id']}/decide", {"outcome": "maybe"}, Role.MODERATOR)
    assert bad.json()["error"]["code"] == "invalid_request"
    unauth = api.client.get(f"/v1/appeals/{a['id']}")
    assert (unauth.status_code, unauth.json()["error"]["code"]) == (401, "missing_api_key")
