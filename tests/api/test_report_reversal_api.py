"""Reversing and undoing a verdict on a message's reports over the API: every 4xx has a code."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from tests.conftest import Api
from tests.review.review_seed import DEMO, seed

from civility.auth.keys import Role
from civility.clock import ManualClock

ALLOWED = 3  # DEMO[3]: an allowed message by nice1


@pytest.fixture
def ids(api: Api) -> list[str]:
    return seed(api.container.db, DEMO, api.container.clock.now())


def _post(api: Api, path: str, body: Any, headers: dict[str, str]) -> Any:
    return api.client.post(path, json=body, headers=headers)


def _reported_and_dismissed(api: Api, message_id: str, moderator: dict[str, str]) -> None:
    service = api.headers(Role.SERVICE)
    for reporter in ("r1", "r2"):
        body = {"id": message_id, "reporter_id": reporter, "reason": "spam"}
        assert _post(api, "/v1/reports", body, service).status_code == 201
    path = f"/v1/reports/queue/{message_id}/resolve"
    assert _post(api, path, {"action": "dismiss"}, moderator).status_code == 200


def test_a_dismissal_of_an_allowed_message_is_reversed_and_undone(
    api: Api, ids: list[str], clock: ManualClock
) -> None:
    mod = api.headers(Role.MODERATOR)
    mid = ids[ALLOWED]
    base = f"/v1/reports/queue/{mid}"
    nothing = _post(api, f"{base}/reverse", {"note": "why"}, mod)
    assert (nothing.status_code, nothing.json()["error"]["code"]) == (409, "nothing_to_reverse")
    _reported_and_dismissed(api, mid, mod)

    no_note = _post(api, f"{base}/reverse", {}, mod)
    assert (no_note.status_code, no_note.json()["error"]["code"]) == (422, "note_required")
    service = _post(api, f"{base}/reverse", {"note": "x"}, api.headers(Role.SERVICE))
    assert service.status_code == 403
    admin = api.headers(Role.ADMIN)
    not_yours = api.client.post(f"{base}/undo", headers=admin)
    assert (not_yours.status_code, not_yours.json()["error"]["code"]) == (403, "undo_not_yours")

    undone = api.client.post(f"{base}/undo", headers=mod)
    assert undone.status_code == 200, undone.text
    assert {r["status"] for r in undone.json()} == {"open"}
    queue = api.client.get("/v1/reports/queue", headers=mod).json()["items"]
    assert [(i["id"], i["open_reports"]) for i in queue] == [(mid, 2)]

    clock.advance(timedelta(seconds=1))
    assert _post(api, f"{base}/resolve", {"action": "dismiss"}, mod).status_code == 200
    clock.advance(timedelta(seconds=1))
    reversed_ = _post(api, f"{base}/reverse", {"note": "spam after all"}, admin)
    assert reversed_.status_code == 200, reversed_.text
    assert {r["status"] for r in reversed_.json()} == {"open"}
    events = api.client.get("/v1/events?type=report.reopened", headers=admin).json()["items"]
    assert [(e["payload"]["undo"], e["payload"].get("note")) for e in events] == [
        (False, "spam after all"),
        (True, None),
    ]
