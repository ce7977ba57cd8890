"""Coral skips a phase that answers late, so we answer 204 in time and decide anyway."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.settings import Settings, load_settings


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    # The group commit waits a second for company, far beyond the 50 ms Coral budget.
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        coral_timeout_ms=50,
        sync_batch_max_wait_ms=1000,
    )


def test_late_decision_answers_204_and_is_still_stored(api: Api) -> None:
    payload = {
        "action": "NEW",
        "comment": {"body": "you stupid idiot", "parentID": None},
        "author": {"id": "a1", "role": "COMMENTER"},
        "story": {"id": "s1", "url": "u"},
    }
    r = api.client.post(
        "/v1/coral/moderation-phase", params={"key": api.keys[Role.ADMIN]}, json=payload
    )
    assert r.status_code == 204
    deadline = time.monotonic() + 10
    items: list[dict[str, object]] = []
    while time.monotonic() < deadline and not items:
        items = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
        threading.Event().wait(0.05)
    assert items
    assert items[0]["decision"] in ("flag", "hide", "block")
