"""Past capacity /v1/moderate answers 503 `overloaded` with Retry-After at once, storing nothing."""

from __future__ import annotations

from tests.conftest import Api

from civility.moderation.group_commit import GroupCommitter
from civility.settings import Settings


def test_defaults_bound_admission(settings: Settings) -> None:
    assert settings.sync_max_pending == 1024
    assert settings.sync_max_queue_wait_ms == 2000
    assert settings.max_in_flight == 256


def test_a_full_queue_is_a_503_overloaded_with_retry_after(api: Api) -> None:
    # No room at all: every call is refused before it is queued (a full queue, without a race).
    api.container.group_commit = GroupCommitter(
        api.container.moderation.moderate, max_size=1, max_wait=0.0, max_pending=0
    )
    body = {"message_id": "m1", "author_id": "u1", "channel_id": "c1", "text": "hello there"}
    r = api.client.post("/v1/moderate", headers=api.headers(), json=body)
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "overloaded"
    assert int(r.headers["Retry-After"]) >= 1
    listed = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
    assert listed == []  # nothing stored: a retry is a first attempt
