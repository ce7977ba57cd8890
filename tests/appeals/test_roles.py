"""The role rules of issue 17: escalations are for seniors, moderators read policies."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.web.test_web_pages import Web, web  # noqa: F401  (the dashboard fixture)

from civility.auth.keys import Role


def post(api: Api, path: str, body: Any, role: Role) -> Any:
    return api.client.post(path, json=body, headers=api.headers(role))


def test_escalated_items_are_resolved_by_admins_only(api: Api, ids: list[str]) -> None:
    item = ids[0]
    escalated = post(api, f"/v1/review/{item}/resolve", {"action": "escalate"}, Role.MODERATOR)
    assert escalated.status_code == 200, escalated.text
    for path, body in (
        (f"/v1/review/{item}/claim", None),
        (f"/v1/review/{item}/resolve", {"action": "hide"}),
    ):
        refused = post(api, path, body, Role.MODERATOR)
        assert refused.status_code == 403, refused.text
        assert refused.json()["error"]["code"] == "escalated_to_senior"
        assert refused.json()["error"]["message"]
    bulk = post(
        api, "/v1/review/resolve", {"item_ids": [item, ids[1]], "action": "approve"}, Role.MODERATOR
    )
    assert bulk.json()["failed"] == {item: "escalated_to_senior"}
    assert bulk.json()["resolved"] == [ids[1]]
    assert post(api, f"/v1/review/{item}/claim", None, Role.ADMIN).status_code == 200
    done = post(api, f"/v1/review/{item}/resolve", {"action": "hide"}, Role.ADMIN)
    assert done.status_code == 200, done.text
    assert done.json()["resolution"] == "hide"


def test_a_configured_senior_role_lets_moderators_resolve(api: Api, ids: list[str]) -> None:
    c = api.container
    c.settings = c.settings.model_copy(update={"review_senior_role": "moderator"})
    item = ids[0]
    escalated = post(api, f"/v1/review/{item}/resolve", {"action": "escalate"}, Role.MODERATOR)
    assert escalated.status_code == 200
    done = post(api, f"/v1/review/{item}/resolve", {"action": "remove"}, Role.MODERATOR)
    assert done.status_code == 200, done.text


def test_moderators_read_policies_and_blocklists_and_test_texts(web: Web) -> None:  # noqa: F811
    token = web.login("moderator")
    policy = web.client.get("/dashboard/policy")
    assert policy.status_code == 200
    assert "Only admins edit policies" in policy.text
    assert "Save as version" not in policy.text
    assert "Test this text" in policy.text
    blocklist = web.client.get("/dashboard/blocklist")
    assert blocklist.status_code == 200
    assert "Add an entry" not in blocklist.text
    tried = web.client.post(
        "/dashboard/try",
        data={"text": "you are a stupid idiot", "channel": ""},
        headers=web.hx(token),
    )
    assert tried.status_code == 200, tried.text
    save = web.client.post("/dashboard/policy", data={"body": "{}", "csrf_token": token})
    assert save.status_code == 403
    add = web.client.post("/dashboard/blocklist", data={"pattern": "x", "csrf_token": token})
    assert add.status_code == 403
    token = web.login("viewer")
    assert web.client.get("/dashboard/policy").status_code == 403
    assert web.client.get("/dashboard/blocklist").status_code == 403
    refused = web.client.post("/dashboard/try", data={"text": "hi"}, headers=web.hx(token))
    assert refused.status_code == 403
    token = web.login("admin")
    assert "Save as version" in web.client.get("/dashboard/policy").text
    assert "Add an entry" in web.client.get("/dashboard/blocklist").text


def test_the_panel_offers_escalated_items_to_admins_only(web: Web) -> None:  # noqa: F811
    item = web.ids[0]
    token = web.login("moderator")
    escalated = web.client.post(
        f"/dashboard/queue/items/{item}/resolve", data={"action": "escalate"}, headers=web.hx(token)
    )
    assert escalated.status_code == 200, escalated.text
    panel = web.client.get(f"/dashboard/queue/items/{item}", headers={"HX-Request": "true"}).text
    assert "Escalated: an admin resolves it." in panel
    assert 'value="approve"' not in panel
    refused = web.client.post(
        f"/dashboard/queue/items/{item}/resolve", data={"action": "hide"}, headers=web.hx(token)
    )
    assert "a senior moderator (admin) resolves it" in refused.text
    web.login("admin")
    panel = web.client.get(f"/dashboard/queue/items/{item}", headers={"HX-Request": "true"}).text
    assert 'value="approve"' in panel
    assert "Escalated: an admin resolves it." not in panel
