"""API keys created for a dashboard user are that person: an appeal of a decision made with
the key (or in the dashboard) is decided by someone else, whichever way either acted."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api
from tests.review.review_seed import DEMO, seed

from civility.appeals.models import AppealOutcome
from civility.auth.dashboard import DashboardRole
from civility.auth.keys import Role
from civility.errors import Forbidden
from civility.events.models import EventQuery
from civility.review.models import Resolution, ResolveRequest

FLAGGED = 0  # DEMO[0]: a flag on troll42's message


@pytest.fixture
def ids(api: Api) -> list[str]:
    return seed(api.container.db, DEMO, api.container.clock.now())


def _key_for(api: Api, body: dict[str, Any]) -> Any:
    return api.client.post("/v1/apikeys", json=body, headers=api.headers())


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def _appeal(api: Api, message_id: str) -> str:
    body = {"id": message_id, "author_id": "troll42", "statement": "it was a joke"}
    r = api.client.post("/v1/appeals", json=body, headers=api.headers(Role.SERVICE))
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def test_a_key_is_created_for_a_user_and_lists_it(api: Api) -> None:
    api.container.dashboard.create("ana", "a long password", DashboardRole.MODERATOR, actor="t")
    made = _key_for(api, {"role": "moderator", "name": "ana's script", "user": "ana"})
    assert made.status_code == 201, made.text
    assert made.json()["user"] == "ana"
    listed = api.client.get("/v1/apikeys", headers=api.headers()).json()["items"]
    assert {k["key_id"]: k["user"] for k in listed}[made.json()["key_id"]] == "ana"
    assert sum(k["user"] is not None for k in listed) == 1
    created = api.container.events.list_events(EventQuery(type="apikey.created", limit=10))
    assert [e.payload.get("user") for e in created if e.subject_id == made.json()["key_id"]] == [
        "ana"
    ]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"role": "moderator", "user": "nobody"}, "unknown_user"),
        ({"role": "service", "user": "ana"}, "invalid_key_user"),
        ({"role": "moderator", "user": "gone"}, "user_disabled"),
    ],
)
def test_a_key_for_an_unknown_disabled_user_or_a_service_key_is_refused(
    api: Api, body: dict[str, Any], code: str
) -> None:
    accounts = api.container.dashboard
    accounts.create("ana", "a long password", DashboardRole.MODERATOR, actor="t")
    accounts.create("gone", "a long password", DashboardRole.MODERATOR, actor="t")
    accounts.disable("gone", actor="t")
    r = _key_for(api, body)
    assert (r.status_code, r.json()["error"]["code"]) == (422, code)
    assert len(api.client.get("/v1/apikeys", headers=api.headers()).json()["items"]) == 3


def test_a_users_key_may_not_decide_the_appeal_of_their_dashboard_decision(
    api: Api, ids: list[str]
) -> None:
    c = api.container
    c.dashboard.create("ana", "a long password", DashboardRole.MODERATOR, actor="t")
    secret = _key_for(api, {"role": "moderator", "user": "ana"}).json()["secret"]
    # Ana removes the message in the dashboard, then the author appeals.
    c.review.resolve(ids[FLAGGED], "dashboard:ana", ResolveRequest(Resolution.REMOVE))
    appeal_id = _appeal(api, ids[FLAGGED])

    path = f"/v1/appeals/{appeal_id}/decide"
    own = api.client.post(path, json={"outcome": "uphold"}, headers=_bearer(secret))
    assert (own.status_code, own.json()["error"]["code"]) == (403, "own_decision")
    # A moderator key that is nobody's (the fixture's) is another actor: it may decide.
    other = api.client.post(path, json={"outcome": "deny"}, headers=api.headers(Role.MODERATOR))
    assert (other.status_code, other.json()["status"]) == (200, "denied")


def test_a_decision_made_with_a_users_key_is_theirs_in_the_dashboard_and_other_keys(
    api: Api, ids: list[str]
) -> None:
    c = api.container
    c.dashboard.create("ana", "a long password", DashboardRole.MODERATOR, actor="t")
    c.dashboard.create("bo", "a long password", DashboardRole.MODERATOR, actor="t")
    first = _key_for(api, {"role": "moderator", "user": "ana"}).json()
    second = _key_for(api, {"role": "moderator", "user": "ana"}).json()
    bos = _key_for(api, {"role": "moderator", "user": "bo"}).json()
    verdict = {"action": "remove"}
    r = api.client.post(
        f"/v1/review/{ids[FLAGGED]}/resolve", json=verdict, headers=_bearer(first["secret"])
    )
    assert r.status_code == 200, r.text
    appeal_id = _appeal(api, ids[FLAGGED])
    assert c.appeals.get(appeal_id).original_actor == f"key:{first['key_id']}"
    # Revoking the key that decided does not make its decision nobody's.
    api.client.post(f"/v1/apikeys/{first['key_id']}/revoke", headers=api.headers())

    with pytest.raises(Forbidden) as in_dashboard:
        c.appeals.decide(appeal_id, "dashboard:ana", AppealOutcome.UPHOLD, senior=False)
    assert in_dashboard.value.code == "own_decision"
    path = f"/v1/appeals/{appeal_id}/decide"
    again = api.client.post(path, json={"outcome": "uphold"}, headers=_bearer(second["secret"]))
    assert (again.status_code, again.json()["error"]["code"]) == (403, "own_decision")
    bo = api.client.post(path, json={"outcome": "uphold"}, headers=_bearer(bos["secret"]))
    assert (bo.status_code, bo.json()["decided_by"]) == (200, f"key:{bos['key_id']}")
