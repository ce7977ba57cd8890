"""The community subscribes its own webhook receiver to Civility's decision events at start-up.

Needs an admin key (`POST /v1/webhooks` is admin-only). The secret Civility returns is kept in
memory only: every start replaces the subscriptions for our URL, and a clean stop deletes ours.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from civility.client import AsyncCivility, NotFoundError, RetryPolicy

WEBHOOK_PATH = "/webhooks/civility"
EVENT_TYPES = ["message.*"]


@dataclass(frozen=True)
class Subscription:
    """Civility's id of our subscription and its signing secret."""

    id: str
    url: str
    secret: str


def receiver_url(public_url: str) -> str:
    """The URL Civility should POST to, from the app's public base URL."""
    return public_url.rstrip("/") + WEBHOOK_PATH


async def subscribe(civility_url: str, admin_key: str, public_url: str) -> Subscription:
    """Subscribes our URL afresh, then deletes every other subscription for it."""
    url = receiver_url(public_url)
    async with AsyncCivility(civility_url, admin_key) as admin:
        body = {"url": url, "event_types": EVENT_TYPES}
        created = await admin.request("POST", "/v1/webhooks", json=body)
        # Others are left by an earlier run that died, or by a retried POST whose answer was lost.
        listed = await admin.request("GET", "/v1/webhooks")
        for other in listed["items"]:
            if other["url"] == url and other["id"] != created["id"]:
                await _delete(admin, other["id"])
    return Subscription(created["id"], url, created["secret"])


async def unsubscribe(civility_url: str, admin_key: str, sub_id: str) -> None:
    """Deletes our subscription, so Civility stops posting to an app that is gone."""
    # One try: at shutdown Civility may be stopping too, and the next start cleans up anyway.
    async with AsyncCivility(civility_url, admin_key, retry=RetryPolicy(attempts=1)) as admin:
        await _delete(admin, sub_id)


async def _delete(admin: AsyncCivility, sub_id: str) -> None:
    # request() parses a JSON body and the 204 has none: reaching the parse means it succeeded.
    with contextlib.suppress(ValueError, NotFoundError):
        await admin.request("DELETE", f"/v1/webhooks/{sub_id}")
