"""Subscriptions are delivered concurrently: a stuck endpoint never holds back another."""

from __future__ import annotations

import asyncio

import httpx
from tests.conftest import Api
from tests.infra.infra_helpers import run_async
from tests.webhooks.test_webhooks import _create, _moderate

from civility.clock import ManualClock
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import WebhookDispatcher


async def public_dns(host: str, port: int) -> list[str]:
    """Resolves every name to one public address (no DNS in tests)."""
    return ["93.184.215.14"]


def test_a_stuck_subscription_does_not_hold_back_another(api: Api, clock: ManualClock) -> None:
    _create(api, "http://stuck.example/hook")
    _create(api, "http://healthy.example/hook")
    _moderate(api, "c1")

    async def scenario() -> tuple[int, list[str]]:
        release, healthy_done = asyncio.Event(), asyncio.Event()
        order: list[str] = []

        async def endpoint(request: httpx.Request) -> httpx.Response:
            host = request.headers["host"]
            if host == "stuck.example":
                await release.wait()  # an endpoint that has not answered yet
            else:
                healthy_done.set()
            order.append(host)
            return httpx.Response(200)

        transport = httpx.MockTransport(endpoint)
        dispatcher = WebhookDispatcher(
            SqlWebhookRepository(api.container.db),
            clock,
            lambda: httpx.AsyncClient(transport=transport),
            resolver=public_dns,
        )
        delivering = asyncio.create_task(dispatcher.run_once())
        # Waits on the healthy endpoint's delivery itself, not on time: it comes while the
        # stuck one still hangs.
        await asyncio.wait_for(healthy_done.wait(), timeout=30)
        assert not delivering.done()
        release.set()
        return await delivering, order

    made, order = run_async(scenario())
    assert made == 2
    assert order == ["healthy.example", "stuck.example"]
