"""Each tenant's webhooks get its own events only, marked with the tenant; so do relayed events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from tests.conftest import require_server
from tests.infra.infra_helpers import (
    AMQP_URL,
    capture_events,
    delete_rabbit,
    run_async,
    unique,
)
from tests.tenancy.conftest import Tenanted
from tests.webhooks.conftest import LOOPBACK, Receiver, receiver_factory  # noqa: F401

from civility.clock import ManualClock
from civility.events.models import EventType, new_event
from civility.outbox.amqp import AmqpEventPublisher
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import WebhookDispatcher


def test_webhooks_deliver_each_tenants_events_to_its_subscribers_only(
    tenanted: Tenanted,
    clock: ManualClock,
    receiver_factory: Callable[[Callable[[], float]], Receiver],  # noqa: F811
) -> None:
    t = tenanted
    receivers = {}
    for name in ("forum", "game"):
        t.add_tenant(name)
        receiver = receiver_factory(lambda: clock.now().timestamp())
        hook = t.call(
            "POST", "/v1/webhooks", name, json={"url": receiver.url, "event_types": ["message.*"]}
        ).json()
        receiver.secrets = [hook["secret"]]
        receivers[name] = receiver
        body = {"message_id": f"{name}-1", "channel_id": "c", "author_id": "u", "text": "hello"}
        assert t.call("POST", "/v1/moderate", name, "service", json=body).status_code == 200
    for name, receiver in receivers.items():
        container = t.root.tenants.get(t.ids[name])
        dispatcher = WebhookDispatcher(
            SqlWebhookRepository(container.db),
            clock,
            targets=LOOPBACK,
            tenant=container.tenant_name,
        )
        assert run_async(dispatcher.run_once()) == 1
        assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == [f"{name}-1"]
        headers = {k.lower(): v for k, v in receiver.raw[0][0].items()}
        assert headers["civility-tenant"] == name


def test_relayed_events_carry_their_tenant() -> None:
    require_server("RabbitMQ", "127.0.0.1", 5672)
    exchange = unique("test.tenant")
    event = new_event(
        EventType.MESSAGE_ALLOWED,
        subject=("message", "msg_1"),
        actor="system",
        payload={},
        at=datetime(2026, 12, 7, tzinfo=UTC),
    )
    publisher = AmqpEventPublisher(AMQP_URL, exchange, tenant="forum")

    async def publish() -> None:
        await publisher.publish([event])
        await publisher.close()

    try:
        with capture_events(exchange) as capture:
            run_async(publish())
            assert capture.wait_for(lambda got: len(got) == 1)
    finally:
        delete_rabbit([], [exchange])
    got = capture.received[0]
    assert got["routing_key"] == "message.allowed"  # bindings by type keep working
    assert got["headers"]["tenant"] == "forum"
