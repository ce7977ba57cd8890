"""Webhook targets: private, local and metadata addresses are refused when a subscription is
made and again at delivery, after DNS, where the dispatcher connects to the address it checked."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import stamina
from tests.conftest import Api
from tests.infra.infra_helpers import run_async
from tests.webhooks.conftest import LOOPBACK
from tests.webhooks.test_webhooks import ReceiverFactory, _create, _deliveries, _moderate

from civility.clock import ManualClock
from civility.errors import Invalid
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import NO_ANSWER, NOT_ALLOWED, Resolver, WebhookDispatcher
from civility.webhooks.targets import TargetPolicy, parse_ip

REFUSED = [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://172.16.5.4:8080/x",
    "http://192.168.1.1/",
    "http://100.100.100.200/",  # shared address space (a cloud's metadata service)
    "http://[::1]:6379/",
    "http://[fe80::1]/",
    "http://[fd00:ec2::254]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/",  # 169.254.169.254, IPv4-mapped
    "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://0x7f000001/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0/",
    "http://0.0.0.0:8000/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://localhost:8000/",
    "http://LOCALHOST./",
    "http://api.localhost/",
    "http://metadata.google.internal/computeMetadata/v1/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_local_private_and_metadata_targets_are_refused(url: str) -> None:
    with pytest.raises(Invalid) as caught:
        TargetPolicy().check_url(url)
    assert caught.value.code == "webhook_target_not_allowed"


@pytest.mark.parametrize(
    "url",
    [
        "http://user:pw@example.com/",
        "https://token@example.com/hook",
        "http://example.com:99999/",
        "http://exa mple.com/",
        "gopher://example.com/",
    ],
)
def test_credentials_and_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(Invalid) as caught:
        TargetPolicy().check_url(url)
    assert caught.value.code == "bad_webhook_url"


def test_public_targets_and_the_allow_list_pass() -> None:
    TargetPolicy().check_url("https://hooks.example.com/civility")
    TargetPolicy().check_url("http://93.184.215.14:8080/x")
    allowed = TargetPolicy.parse("10.0.0.0/8, ::1, hooks.internal")
    allowed.check_url("http://10.1.2.3/")
    allowed.check_url("http://[::1]:9000/")
    allowed.check_url("http://0x0a000001/")  # 10.0.0.1 however it is spelt
    allowed.check_url("http://hooks.internal/")
    with pytest.raises(Invalid):
        allowed.check_url("http://192.168.0.1/")
    assert parse_ip("0x7f000001") == parse_ip("127.0.0.1")
    assert parse_ip("hooks.example.com") is None


def test_the_api_refuses_them_with_the_error_shape(api: Api) -> None:
    for url, code in [
        ("http://169.254.169.254/", "webhook_target_not_allowed"),
        ("http://user:pw@example.com/", "bad_webhook_url"),
    ]:
        r = api.client.post(
            "/v1/webhooks", json={"url": url, "event_types": ["*"]}, headers=api.headers()
        )
        assert (r.status_code, r.json()["error"]["code"]) == (422, code), r.text


def _dispatcher(
    api: Api, clock: ManualClock, resolver: Resolver, targets: TargetPolicy, **options: Any
) -> WebhookDispatcher:
    repo = SqlWebhookRepository(api.container.db)
    return WebhookDispatcher(repo, clock, targets=targets, resolver=resolver, **options)


def dns(*addresses: str) -> Resolver:
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


def test_a_name_that_resolves_to_loopback_at_delivery_is_refused(
    api: Api, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    receiver = receiver_factory(lambda: clock.now().timestamp())
    port = receiver.url.split(":")[2].split("/")[0]
    hook = _create(api, f"http://rebind.example:{port}/hook")  # public, or unknown, when made
    receiver.secrets = [hook["secret"]]
    _moderate(api, "r1")
    # DNS now answers loopback (rebinding): without an allow-list nothing is sent.
    strict = _dispatcher(api, clock, dns("127.0.0.1"), TargetPolicy())
    assert run_async(strict.run_once()) == 1
    assert receiver.raw == []
    assert _deliveries(api, hook["id"])[0]["error"] == NOT_ALLOWED
    assert _deliveries(api, hook["id"])[0]["attempts"] == 1  # refused, not retried

    # One public and one private answer: the private one must not be the one connected to.
    _moderate(api, "r2")
    mixed = _dispatcher(api, clock, dns("93.184.215.14", "127.0.0.1"), TargetPolicy())
    assert run_async(mixed.run_once()) == 1
    assert receiver.raw == []

    # Allowed, it connects to the checked address and still names the host.
    _moderate(api, "r3")
    allowed = _dispatcher(api, clock, dns("127.0.0.1"), LOOPBACK)
    assert run_async(allowed.run_once()) == 1
    headers, _ = receiver.raw[0]
    assert headers["Host"] == f"rebind.example:{port}"
    assert [e["payload"]["platform_message_id"] for e in receiver.accepted] == ["r3"]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


def test_the_log_does_not_tell_a_closed_port_from_a_silent_one(
    api: Api, clock: ManualClock, silent_port: int
) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = int(closed.getsockname()[1])
    closed.close()  # nothing listens there now: connection refused
    hooks = [_create(api, f"http://127.0.0.1:{p}/hook") for p in (closed_port, silent_port)]
    _moderate(api, "p1")
    with stamina.set_testing(True, attempts=1):
        dispatcher = _dispatcher(api, clock, dns(), LOOPBACK, max_attempts=1, timeout=0.3)
        assert run_async(dispatcher.run_once()) == 2
    logs = [_deliveries(api, h["id"])[0] for h in hooks]
    assert [(d["error"], d["status_code"]) for d in logs] == [(NO_ANSWER, None)] * 2
