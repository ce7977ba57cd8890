"""The owner's tenant API, tenants' own settings, and keys limited to channels."""

from __future__ import annotations

import threading
import time

import pytest
from tests.tenancy.conftest import Tenanted

MESSAGE = {"message_id": "m1", "channel_id": "general", "author_id": "u1", "text": "hello there"}


def test_only_an_owner_manages_tenants(tenanted: Tenanted) -> None:
    t = tenanted
    assert t.call("GET", "/v1/tenants", "default").json()["error"]["code"] == "forbidden"
    listed = t.call("GET", "/v1/tenants", "", "owner").json()["items"]
    assert [x["name"] for x in listed] == ["default"]
    t.add_tenant("forum")
    admin = t.call("POST", "/v1/tenants", "forum", json={"name": "other"})
    assert admin.status_code == 403
    # Only an owner mints owner keys, and only in the default tenant.
    refused = t.call("POST", "/v1/apikeys", "default", json={"role": "owner"})
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "forbidden")
    inside = t.call("POST", "/v1/tenants/forum/apikeys", "", "owner", json={"role": "owner"})
    assert (inside.status_code, inside.json()["error"]["code"]) == (422, "invalid_role")
    made = t.call("POST", "/v1/apikeys", "", "owner", json={"role": "owner", "name": "ops"})
    assert made.status_code == 201
    assert made.json()["tenant"] == "default"


@pytest.mark.parametrize(
    ("name", "status", "code"),
    [
        ("Forum", 422, "invalid_tenant_name"),
        ("x", 422, "invalid_tenant_name"),
        ("1forum", 422, "invalid_tenant_name"),
        ("for-um", 422, "invalid_tenant_name"),
        ("default", 409, "tenant_exists"),
        ("forum", 409, "tenant_exists"),
    ],
)
def test_tenant_names_are_checked(tenanted: Tenanted, name: str, status: int, code: str) -> None:
    tenanted.add_tenant("forum")
    r = tenanted.call("POST", "/v1/tenants", "", "owner", json={"name": name})
    assert (r.status_code, r.json()["error"]["code"]) == (status, code)


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        ({"rate_limit": "lots"}, "invalid_settings"),
        ({"quota": "5 per fortnight"}, "invalid_settings"),
        ({"scorer": "magic"}, "invalid_settings"),
        ({"cascade_band": [0.9, 0.1]}, "invalid_settings"),
        ({"retention_days": 0}, "invalid_request"),
        ({"colour": "red"}, "invalid_request"),
    ],
)
def test_bad_tenant_settings_are_a_422(
    tenanted: Tenanted, settings: dict[str, object], code: str
) -> None:
    tenanted.add_tenant("forum")
    r = tenanted.call("PATCH", "/v1/tenants/forum", "", "owner", json=settings)
    assert (r.status_code, r.json()["error"]["code"]) == (422, code)


def test_unknown_and_default_tenants(tenanted: Tenanted) -> None:
    t = tenanted
    missing = t.call("PATCH", "/v1/tenants/nowhere", "", "owner", json={"quota": "5/day"})
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "tenant_not_found")
    default = t.call("PATCH", "/v1/tenants/default", "", "owner", json={"quota": "5/day"})
    assert (default.status_code, default.json()["error"]["code"]) == (
        409,
        "default_tenant_settings",
    )
    assert t.call("GET", "/v1/tenants/default", "", "owner").json()["id"] == "default"


def test_a_tenants_rate_limit_counts_all_its_keys_together(tenanted: Tenanted) -> None:
    t = tenanted
    t.add_tenant("forum")
    t.add_tenant("game")
    r = t.call("PATCH", "/v1/tenants/forum", "", "owner", json={"rate_limit": "3/minute"})
    assert r.json()["settings"] == {"rate_limit": "3/minute"}
    statuses = [
        t.call("GET", "/v1/models", "forum", role).status_code
        for role in ("admin", "service", "moderator", "admin")
    ]
    assert statuses == [200, 200, 200, 429]
    limited = t.call("GET", "/v1/models", "forum", "service")
    assert limited.json()["error"]["code"] == "rate_limited"
    assert "Retry-After" in limited.headers
    # Another tenant is not slowed down.
    assert [t.call("GET", "/v1/models", "game").status_code for _ in range(4)] == [200] * 4
    # null restores the installation's setting.
    cleared = t.call("PATCH", "/v1/tenants/forum", "", "owner", json={"rate_limit": None})
    assert cleared.json()["settings"] == {}


def test_a_tenants_settings_build_its_container(tenanted: Tenanted) -> None:
    t = tenanted
    tenant_id = t.add_tenant("forum")
    t.call("PATCH", "/v1/tenants/forum", "", "owner", json={"retention_days": 30})
    forum = t.root.tenants.get(tenant_id)
    assert forum.settings.retention_days == 30
    assert forum.settings.broker_queue == f"{t.root.settings.broker_queue}.forum"
    assert forum.tenant_name == "forum"
    assert forum.scorer is t.root.scorer  # one loaded model per scorer choice
    assert forum.db is not t.root.db


def allowed(t: Tenanted, tenant: str) -> float:
    """The tenant's `allow` decisions counted in /metrics (the registry outlives one test)."""
    series = f'civility_tenant_decisions_total{{action="allow",tenant="{tenant}"}} '
    lines = [x for x in t.client.get("/metrics").text.splitlines() if x.startswith(series)]
    return float(lines[0].removeprefix(series)) if lines else 0.0


def test_messages_go_through_each_tenants_own_queue_and_worker(tenanted: Tenanted) -> None:
    t = tenanted
    before = allowed(t, "forum")
    t.add_tenant("forum")
    t.add_tenant("game")
    for name in ("forum", "game"):
        accepted = t.call("POST", "/v1/messages", name, "service", json=MESSAGE)
        assert accepted.status_code == 202, accepted.text
        message_id = accepted.json()["items"][0]["id"]
        # The tenant's embedded worker decides it on the app's loop: poll, bounded.
        end, pause = time.monotonic() + 10, threading.Event()
        view = t.call("GET", f"/v1/messages/{message_id}", name, "service").json()
        while view["status"] != "decided" and time.monotonic() < end:
            pause.wait(0.01)
            view = t.call("GET", f"/v1/messages/{message_id}", name, "service").json()
        assert view["status"] == "decided", view
        # The same platform ids in two tenants are two messages.
        assert view["message_id"] == "m1"
    assert allowed(t, "forum") == before + 1


def test_key_events_are_in_their_tenants_log(tenanted: Tenanted) -> None:
    t = tenanted
    t.add_tenant("forum")
    forum = t.call("GET", "/v1/events", "forum", params={"type": "apikey.created"}).json()
    assert {e["payload"]["name"] for e in forum["items"]} == {
        "forum admin",
        "forum moderator",
        "forum service",
    }
    default = t.call("GET", "/v1/events", "default", params={"type": "apikey.*"}).json()
    assert not any("forum" in e["payload"]["name"] for e in default["items"])
    created = t.call("GET", "/v1/events", "", "owner", params={"type": "tenant.created"}).json()
    assert [e["payload"]["name"] for e in created["items"]] == ["forum"]


def test_a_key_limited_to_channels(tenanted: Tenanted) -> None:
    t = tenanted
    t.add_tenant("forum")
    made = t.call("POST", "/v1/apikeys", "forum", json={"role": "service", "channels": ["general"]})
    assert made.status_code == 201
    assert made.json()["channels"] == ["general"]
    headers = {"Authorization": f"Bearer {made.json()['secret']}"}
    own = t.client.post("/v1/moderate", json=MESSAGE, headers=headers)
    assert own.status_code == 200
    assert t.client.get(f"/v1/messages/{own.json()['id']}", headers=headers).status_code == 200
    other = {**MESSAGE, "channel_id": "staff", "message_id": "m2"}
    refused = t.client.post("/v1/moderate", json=other, headers=headers)
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "channel_not_allowed")
    batch = {"messages": [MESSAGE, other]}
    refused = t.client.post("/v1/messages", json=batch, headers=headers)
    assert refused.json()["error"]["code"] == "channel_not_allowed"
    # A message of another channel is not there for this key.
    staff = t.call("POST", "/v1/moderate", "forum", "service", json=other).json()
    hidden = t.client.get(f"/v1/messages/{staff['id']}", headers=headers)
    assert (hidden.status_code, hidden.json()["error"]["code"]) == (404, "message_not_found")
    # Every other route its role allows is refused: it could reach other channels' data.
    rating = {"post_id": "p1", "user_id": "u1", "score": 5}
    appeal = {"kind": "decision", "author_id": "u1", "statement": "unfair", "id": staff["id"]}
    for method, path, body in (
        ("GET", "/v1/models", None),
        ("POST", "/v1/ratings", rating),
        ("POST", "/v1/appeals", appeal),
    ):
        r = t.client.request(method, path, json=body, headers=headers)
        assert (r.status_code, r.json()["error"]["code"]) == (403, "channel_scoped_key"), path
    bad = t.call("POST", "/v1/apikeys", "forum", json={"role": "moderator", "channels": ["g"]})
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "invalid_channels")
    for channels in ([], [""], ["  "]):  # the schema refuses these
        bad = t.call("POST", "/v1/apikeys", "forum", json={"role": "service", "channels": channels})
        assert (bad.status_code, bad.json()["error"]["code"]) == (422, "invalid_request")


def test_a_disabled_tenant_is_refused_until_enabled(tenanted: Tenanted) -> None:
    t = tenanted
    t.add_tenant("forum")
    t.add_tenant("game")
    assert t.call("POST", "/v1/moderate", "forum", "service", json=MESSAGE).status_code == 200
    off = t.call("POST", "/v1/tenants/forum/disable", "", "owner")
    assert off.json()["disabled"] is True
    for role in ("admin", "service"):
        r = t.call("GET", "/v1/models", "forum", role)
        assert (r.status_code, r.json()["error"]["code"]) == (403, "tenant_disabled")
    assert t.call("GET", "/v1/models", "game").status_code == 200  # the others go on
    default = t.call("POST", "/v1/tenants/default/disable", "", "owner")
    assert (default.status_code, default.json()["error"]["code"]) == (409, "default_tenant")
    events = t.call("GET", "/v1/events", "", "owner", params={"type": "tenant.*"}).json()
    assert [e["type"] for e in events["items"]][:1] == ["tenant.disabled"]
    assert t.call("POST", "/v1/tenants/forum/enable", "", "owner").json()["disabled"] is False
    # Its data stayed.
    listed = t.call("GET", "/v1/messages", "forum").json()["items"]
    assert [m["message_id"] for m in listed] == ["m1"]
