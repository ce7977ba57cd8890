"""The request id (X-Request-ID) of the request behind a decision is in its stored event and in
the webhook that delivers it: on the synchronous path and through the queue and the worker."""

from __future__ import annotations

from typing import Any

from tests.compat.test_compat_coral import coral_request
from tests.conftest import Api
from tests.embedded_worker import wait_decided
from tests.webhooks.test_webhooks import ReceiverFactory, _dispatch, _subscribed

from civility.auth.keys import Role
from civility.clock import ManualClock


def _decision_events(api: Api, message_id: str) -> list[dict[str, Any]]:
    r = api.client.get(
        "/v1/events", params={"subject_id": message_id, "type": "message.*"}, headers=api.headers()
    )
    assert r.status_code == 200, r.text
    return [e for e in r.json()["items"] if e["subject"]["id"] == message_id]


def test_request_id_reaches_the_event_and_the_webhook(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver, _ = _subscribed(api, clock, receiver_factory)
    service = api.headers(Role.SERVICE)

    sync = api.client.post(
        "/v1/moderate",
        json={"message_id": "s1", "author_id": "u1", "channel_id": "c", "text": "you idiot"},
        headers={**service, "X-Request-ID": "req-sync-1"},
    )
    assert sync.status_code == 200, sync.text
    assert sync.headers["X-Request-ID"] == "req-sync-1"
    sync_id = sync.json()["id"]

    queued = api.client.post(
        "/v1/messages",
        json={
            "messages": [
                {"message_id": "a1", "author_id": "u2", "channel_id": "c", "text": "hello"},
                {"message_id": "a2", "author_id": "u3", "channel_id": "c", "text": "you idiot"},
            ]
        },
        headers={**service, "X-Request-ID": "req-async-7"},
    )
    assert queued.status_code == 202, queued.text
    async_ids = [item["id"] for item in queued.json()["items"]]
    views = wait_decided(api, async_ids)
    assert [v["status"] for v in views] == ["decided", "decided"]

    # Without a header the id Civility made (and returned) is the one recorded.
    made = api.client.post(
        "/v1/moderate",
        json={"message_id": "s2", "author_id": "u4", "channel_id": "c", "text": "nice"},
        headers=service,
    )
    made_rid = made.headers["X-Request-ID"]
    made_id = made.json()["id"]

    expected = {sync_id: "req-sync-1", made_id: made_rid}
    expected.update(dict.fromkeys(async_ids, "req-async-7"))
    for mid, rid in expected.items():
        [event] = _decision_events(api, mid)
        assert event["payload"]["request_id"] == rid, event
        assert event["payload"]["source"] == "automated"

    assert _dispatch(api, clock) == len(expected)
    delivered = {e["subject"]["id"]: e["payload"]["request_id"] for e in receiver.accepted}
    assert delivered == expected
    assert {e["payload"]["path"] for e in receiver.accepted} == {"sync", "async"}


def test_a_resent_message_keeps_the_first_request_id(api: Api) -> None:
    body = {"message_id": "r1", "author_id": "u1", "channel_id": "c", "text": "hello"}
    first = api.client.post(
        "/v1/moderate", json=body, headers={**api.headers(Role.SERVICE), "X-Request-ID": "first"}
    )
    again = api.client.post(
        "/v1/moderate", json=body, headers={**api.headers(Role.SERVICE), "X-Request-ID": "second"}
    )
    assert first.json()["id"] == again.json()["id"]
    [event] = _decision_events(api, first.json()["id"])
    assert event["payload"]["request_id"] == "first"


def test_a_coral_phase_decision_carries_its_request_id(api: Api) -> None:
    r = api.client.post(
        "/v1/coral/moderation-phase",
        params={"key": api.keys[Role.SERVICE]},
        json=coral_request("I will kill you, you stupid idiot"),
        headers={"X-Request-ID": "coral-9"},
    )
    assert r.status_code == 200, r.text
    mid = r.json()["metadata"]["civility"]["id"]
    [event] = _decision_events(api, mid)
    assert event["payload"]["request_id"] == "coral-9"
