"""The SDK's report and appeal methods against a real `civility serve`, sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.compat.server_process import Server, serve

from civility.client import (
    REPORT_REASONS,
    AsyncCivility,
    BadRequestError,
    Civility,
    ConflictError,
    NotFoundError,
    RetryPolicy,
)

pytestmark = pytest.mark.e2e
FAST = RetryPolicy(attempts=3, timeout=30, wait_initial=0.01, wait_max=0.05, wait_jitter=0.01)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("sdk-appeals"))) as s:
        yield s


def test_reports_and_appeals_sync(server: Server) -> None:
    with Civility(server.url, server.key, retry=FAST) as civ:
        decided = civ.moderate("m1", "author-1", "sdk", "you are a stupid idiot")
        first = civ.report("reporter-1", "harassment", channel_id="sdk", message_id="m1")
        assert (first.message_id, first.weight, first.status) == (decided.id, 1.0, "open")
        again = civ.report("reporter-1", "spam", id=decided.id)
        assert (again.id, again.duplicate) == (first.id, True)
        with pytest.raises(BadRequestError) as bad:
            civ.report("reporter-2", "other", id=decided.id)
        assert bad.value.code == "text_required"
        assert "self_harm" in REPORT_REASONS

        civ.request("POST", f"/v1/review/{decided.id}/resolve", json={"action": "remove"})
        appeal = civ.appeal("author-1", "it was a quote", id=decided.id)
        assert (appeal.kind, appeal.status, appeal.is_open) == ("decision", "open", True)
        assert appeal.original_action == "block"
        assert civ.appeal("author-1", "again", channel_id="sdk", message_id="m1").duplicate
        civ.request("POST", f"/v1/appeals/{appeal.id}/decide", json={"outcome": "deny"})
        polled = civ.get_appeal(appeal.id)
        assert (polled.status, polled.is_open) == ("denied", False)
        assert polled.decided_at is not None
        with pytest.raises(ConflictError) as twice:
            civ.appeal("author-1", "please", id=decided.id)
        assert twice.value.code == "already_appealed"
        with pytest.raises(NotFoundError):
            civ.get_appeal("apl_nope")


def test_ban_appeal_async(server: Server) -> None:
    async def run() -> None:
        async with AsyncCivility(server.url, server.key, retry=FAST) as civ:
            ban = {"channel_id": "sdk", "reason": "flooding"}
            await civ.request("POST", "/v1/users/author-2/ban", json=ban)
            appeal = await civ.appeal_ban("author-2", "I was not flooding", channel_id="sdk")
            assert (appeal.kind, appeal.original_action, appeal.message_id) == ("ban", "ban", None)
            assert (await civ.get_appeal(appeal.id)).status == "open"
            with pytest.raises(ConflictError) as nothing:
                await civ.appeal_ban("author-2", "and here", channel_id=None)
            assert nothing.value.code == "not_banned"
            with pytest.raises(NotFoundError):
                await civ.report("reporter-9", "spam", channel_id="sdk", message_id="none")

    asyncio.run(run())
