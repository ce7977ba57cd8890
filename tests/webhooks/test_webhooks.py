"""Webhooks: signatures, replay protection, secret rotation, the admin API, retries, the
delivery log and auto-disable, delivered to a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
import stamina
from tests.conftest import Api
from tests.infra.infra_helpers import run_async
from tests.webhooks.conftest import LOOPBACK, Receiver

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.errors import Invalid
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import WebhookDispatcher
from civility.webhooks.models import Subscription
from civility.webhooks.signing import signature_header, verify

BODY = b'{"id": "evt_1"}'


def test_signature_round_trip_and_rejections() -> None:
    header = signature_header(["s1"], 1_700_000_000, BODY)
    assert verify(header, BODY, "s1", now=1_700_000_100) == 1_700_000_000
    cases: list[tuple[str, bytes, str, float, str]] = [
        (header, b'{"id": "evt_2"}', "s1", 1_700_000_000, "signature_mismatch"),
        (header, BODY, "other", 1_700_000_000, "signature_mismatch"),
        (header, BODY, "s1", 1_700_000_301, "signature_expired"),
        (header, BODY, "s1", 1_699_999_699, "signature_expired"),
        ("v1=abc", BODY, "s1", 1_700_000_000, "signature_malformed"),
        ("t=1700000000", BODY, "s1", 1_700_000_000, "signature_malformed"),
    ]
    for value, body, secret, now, code in cases:
        with pytest.raises(Invalid) as caught:
            verify(value, body, secret, now=now)
        assert caught.value.code == code


def test_both_secrets_sign_during_the_grace_period_only() -> None:
    clock = ManualClock()
    sub = Subscription(
        id="whk_1",
        url="http://x",
        event_types=("message.*",),
        secret="new",
        previous_secret="old",
        previous_secret_until=clock.now() + timedelta(hours=1),
        enabled=True,
        consecutive_failures=0,
        cursor=0,
        created_at=clock.now(),
    )
    assert sub.signing_secrets(clock.now()) == ["new", "old"]
    clock.advance(timedelta(hours=1))
    assert sub.signing_secrets(clock.now()) == ["new"]
    assert sub.wants("message.hidden")
    assert not sub.wants("user.banned")
    assert sub.with_(event_types=("*",)).wants("user.banned")


def _create(api: Api, url: str, types: list[str] | None = None) -> dict[str, Any]:
    r = api.client.post(
        "/v1/webhooks",
        json={"url": url, "event_types": types or ["message.*"]},
        headers=api.headers(Role.ADMIN),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


ReceiverFactory = Callable[[Callable[[], float]], Receiver]


def _subscribed(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> tuple[Receiver, dict[str, Any]]:
    """A real receiver subscribed to `message.*`, accepting the subscription's secret."""
    receiver = receiver_factory(lambda: clock.now().timestamp())
    hook = _create(api, receiver.url)
    receiver.secrets = [hook["secret"]]
    return receiver, hook


def _moderate(api: Api, mid: str, text: str = "you are a stupid idiot") -> None:
    body = {"message_id": mid, "author_id": "u1", "channel_id": "general", "text": text}
    r = api.client.post("/v1/moderate", json=body, headers=api.headers(Role.SERVICE))
    assert r.status_code == 200, r.text


def _dispatch(api: Api, clock: ManualClock, **options: Any) -> int:
    repo = SqlWebhookRepository(api.container.db)
    dispatcher = WebhookDispatcher(repo, clock, targets=LOOPBACK, **options)
    return run_async(dispatcher.run_once())


def _deliveries(api: Api, hook_id: str) -> list[dict[str, Any]]:
    r = api.client.get(f"/v1/webhooks/{hook_id}/deliveries", headers=api.headers())
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_admin_api_manages_subscriptions(api: Api) -> None:
    hook = _create(api, "https://example.test/hook")
    assert hook["secret"].startswith("whsec_")
    assert hook["enabled"] is True
    listed = api.client.get("/v1/webhooks", headers=api.headers()).json()["items"]
    assert [h["id"] for h in listed] == [hook["id"]]
    assert listed[0]["secret"] is None
    rotated = api.client.post(f"/v1/webhooks/{hook['id']}/rotate-secret", headers=api.headers())
    assert rotated.status_code == 200
    assert rotated.json()["secret"] != hook["secret"]
    assert rotated.json()["previous_secret_valid_until"] is not None
    assert api.client.delete(f"/v1/webhooks/{hook['id']}", headers=api.headers()).status_code == 204
    gone = api.client.delete(f"/v1/webhooks/{hook['id']}", headers=api.headers())
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "webhook_not_found"
    events = api.client.get("/v1/events?type=webhook.*", headers=api.headers()).json()["items"]
    assert {e["type"] for e in events} == {
        "webhook.created",
        "webhook.secret_rotated",
        "webhook.deleted",
    }


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"url": "ftp://x/y", "event_types": ["message.*"]}, "bad_webhook_url"),
        ({"url": "not a url", "event_types": ["message.*"]}, "bad_webhook_url"),
        ({"url": "https://x/y", "event_types": [" "]}, "bad_event_types"),
        ({"url": "https://x/y", "event_types": []}, "invalid_request"),
        ({"url": "https://x/y", "event_types": ["a"], "extra": 1}, "invalid_request"),
    ],
)
def test_bad_subscriptions_are_refused(api: Api, body: dict[str, Any], code: str) -> None:
    r = api.client.post("/v1/webhooks", json=body, headers=api.headers())
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == code


def test_only_admins_manage_webhooks(api: Api) -> None:
    for role in (Role.SERVICE, Role.MODERATOR):
        r = api.client.get("/v1/webhooks", headers=api.headers(role))
        assert r.status_code == 403


def test_events_reach_a_real_receiver_signed_and_replays_are_rejected(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver, hook = _subscribed(api, clock, receiver_factory)
    _moderate(api, "m1")
    _moderate(api, "m2", "have a lovely day")
    assert _dispatch(api, clock) == 2
    assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == ["m1", "m2"]
    assert all(e["schema_version"] == 1 for e in receiver.accepted)
    log = _deliveries(api, hook["id"])
    assert [(d["ok"], d["status_code"], d["attempts"]) for d in log] == [(True, 200, 1)] * 2
    assert _dispatch(api, clock) == 0  # the cursor moved: nothing is sent twice

    headers, body = receiver.raw[0]
    replayed = httpx.post(receiver.url, content=body, headers=headers)
    assert replayed.status_code == 409
    clock.advance(301)
    late = httpx.post(receiver.url, content=body, headers=headers)
    assert late.status_code == 400
    assert receiver.rejected == ["replay", "signature_expired"]


def test_after_rotation_old_and_new_secrets_verify_until_the_grace_ends(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    old_only = receiver_factory(lambda: clock.now().timestamp())
    hook = _create(api, old_only.url)
    old_only.secrets = [hook["secret"]]
    rotated = api.client.post(f"/v1/webhooks/{hook['id']}/rotate-secret", headers=api.headers())
    new_secret = rotated.json()["secret"]
    _moderate(api, "r1")
    assert _dispatch(api, clock) == 1
    assert len(old_only.accepted) == 1  # still verifies with the old secret
    headers, body = old_only.raw[0]
    assert verify(headers["Civility-Signature"], body, new_secret, now=clock.now().timestamp())

    clock.advance(timedelta(days=1, seconds=1))  # the grace period is over
    _moderate(api, "r2")
    assert _dispatch(api, clock) == 1
    assert old_only.rejected == ["signature_mismatch"]
    old_only.secrets = [new_secret]
    _moderate(api, "r3")
    assert _dispatch(api, clock) == 1
    assert len(old_only.accepted) == 2


def test_failures_are_retried_logged_and_disable_the_subscription(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver, hook = _subscribed(api, clock, receiver_factory)
    receiver.status = 500
    for i in range(3):
        _moderate(api, f"f{i}")
    with stamina.set_testing(True, attempts=3):  # the backoff schedule itself is stamina's
        made = _dispatch(api, clock, max_attempts=3, max_consecutive_failures=2)
    assert made == 2  # disabled after the second consecutive failure
    log = _deliveries(api, hook["id"])
    assert [(d["ok"], d["status_code"], d["attempts"]) for d in log] == [(False, 500, 3)] * 2
    assert log[0]["error"] == "HTTP 500"
    listed = api.client.get("/v1/webhooks", headers=api.headers()).json()["items"]
    assert listed[0]["enabled"] is False
    assert _dispatch(api, clock) == 0
    disabled = api.client.get("/v1/events?type=webhook.disabled", headers=api.headers()).json()
    assert len(disabled["items"]) == 1


def test_a_client_error_is_not_retried_and_success_resets_the_count(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver = receiver_factory(lambda: clock.now().timestamp())
    hook = _create(api, receiver.url)
    receiver.secrets = ["not-the-secret"]  # the receiver refuses: 400
    _moderate(api, "c1")
    assert _dispatch(api, clock, max_consecutive_failures=5) == 1
    receiver.secrets = [hook["secret"]]
    _moderate(api, "c2")
    assert _dispatch(api, clock, max_consecutive_failures=5) == 1
    log = _deliveries(api, hook["id"])
    assert [(d["ok"], d["status_code"], d["attempts"]) for d in log] == [
        (True, 200, 1),
        (False, 400, 1),
    ]
    listed = api.client.get("/v1/webhooks", headers=api.headers()).json()["items"]
    assert listed[0]["consecutive_failures"] == 0


def test_a_disabled_subscription_is_enabled_again_and_gets_its_backlog(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver, hook = _subscribed(api, clock, receiver_factory)
    receiver.status = 500
    _moderate(api, "d1")
    with stamina.set_testing(True, attempts=1):
        assert _dispatch(api, clock, max_attempts=1, max_consecutive_failures=1) == 1
    _moderate(api, "d2", "have a lovely day")  # happens while the subscription is off
    assert _dispatch(api, clock) == 0

    receiver.status = 200
    r = api.client.post(f"/v1/webhooks/{hook['id']}/enable", headers=api.headers(Role.ADMIN))
    assert r.status_code == 200, r.text
    assert (r.json()["enabled"], r.json()["consecutive_failures"]) == (True, 0)
    assert r.json()["secret"] is None  # secrets are shown on create and rotate only
    assert _dispatch(api, clock) == 1
    assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == ["d2"]
    enabled = api.client.get("/v1/events?type=webhook.enabled", headers=api.headers()).json()
    assert enabled["items"][0]["payload"]["skip_backlog"] is False


def test_disable_stops_deliveries_and_enable_can_skip_the_backlog(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver, hook = _subscribed(api, clock, receiver_factory)
    admin = api.headers(Role.ADMIN)
    r = api.client.post(f"/v1/webhooks/{hook['id']}/disable", headers=admin)
    assert (r.status_code, r.json()["enabled"]) == (200, False)
    _moderate(api, "s1")
    assert _dispatch(api, clock) == 0
    r = api.client.post(
        f"/v1/webhooks/{hook['id']}/enable", json={"skip_backlog": True}, headers=admin
    )
    assert r.status_code == 200, r.text
    _moderate(api, "s2")
    assert _dispatch(api, clock) == 1
    assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == ["s2"]


def test_enable_and_disable_answer_clear_errors(api: Api) -> None:
    hook = _create(api, "https://example.test/hook")
    admin = api.headers(Role.ADMIN)
    r = api.client.post("/v1/webhooks/whk_nope/enable", headers=admin)
    assert (r.status_code, r.json()["error"]["code"]) == (404, "webhook_not_found")
    r = api.client.post(f"/v1/webhooks/{hook['id']}/enable", json={"skip": 1}, headers=admin)
    assert r.status_code == 422
    assert r.json()["error"]["code"]
    r = api.client.post(f"/v1/webhooks/{hook['id']}/disable", headers=api.headers(Role.SERVICE))
    assert r.status_code == 403
