"""API keys over the admin API: list without secrets, create, revoke (refused at once here)."""

from __future__ import annotations

from tests.conftest import Api

from civility.auth.keys import Role


def test_admins_list_create_and_revoke_keys(api: Api) -> None:
    listed = api.client.get("/v1/apikeys", headers=api.headers()).json()["items"]
    assert sorted(k["role"] for k in listed) == ["admin", "moderator", "service"]
    assert all(k["secret"] is None and k["active"] for k in listed)

    made = api.client.post(
        "/v1/apikeys", json={"role": "service", "name": "ingest"}, headers=api.headers()
    )
    assert made.status_code == 201, made.text
    new = made.json()
    assert new["secret"].startswith("civ_")
    assert new["name"] == "ingest"
    mine = {"Authorization": f"Bearer {new['secret']}"}
    body = {"text": "hello"}
    assert api.client.post("/v1/analyze", json=body, headers=mine).status_code == 200

    r = api.client.post(f"/v1/apikeys/{new['key_id']}/revoke", headers=api.headers())
    assert (r.status_code, r.json()["active"]) == (200, False)
    refused = api.client.post("/v1/analyze", json=body, headers=mine)
    assert (refused.status_code, refused.json()["error"]["code"]) == (401, "invalid_api_key")
    again = api.client.post(f"/v1/apikeys/{new['key_id']}/revoke", headers=api.headers())
    assert again.status_code == 200  # revoking twice changes nothing
    events = api.client.get("/v1/events?type=apikey.revoked", headers=api.headers()).json()
    assert [e["subject"]["id"] for e in events["items"]] == [new["key_id"]]


def test_the_last_admin_key_unknown_keys_and_other_roles_are_refused(api: Api) -> None:
    admin_id = api.keys[Role.ADMIN].split("_")[1]
    r = api.client.post(f"/v1/apikeys/{admin_id}/revoke", headers=api.headers())
    assert (r.status_code, r.json()["error"]["code"]) == (409, "last_admin_key")
    r = api.client.post("/v1/apikeys/0000000000000000/revoke", headers=api.headers())
    assert (r.status_code, r.json()["error"]["code"]) == (404, "api_key_not_found")
    for role in (Role.SERVICE, Role.MODERATOR):
        assert api.client.get("/v1/apikeys", headers=api.headers(role)).status_code == 403
    r = api.client.post("/v1/apikeys", json={"role": "root"}, headers=api.headers())
    assert r.status_code == 422
