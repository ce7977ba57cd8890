"""Coral skips a phase that answers late, so we answer 204 in time and decide anyway."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.moderation.group_commit import GroupCommitter
from civility.moderation.models import IncomingMessage
from civility.moderation.records import MessageView
from civility.settings import Settings, load_settings


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        coral_timeout_ms=50,
    )


def test_late_decision_answers_204_and_is_still_stored(api: Api) -> None:
    # The batch is held until the route has answered: late by construction, not by a clock.
    release, decided = threading.Event(), threading.Event()
    moderate = api.container.moderation.moderate

    def held(batch: Sequence[IncomingMessage]) -> list[MessageView]:
        release.wait(timeout=30)
        try:
            return moderate(batch)
        finally:
            decided.set()

    api.container.group_commit = GroupCommitter(held, max_size=1, max_wait=0.0)
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
    release.set()
    assert decided.wait(timeout=30)
    items = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
    assert items
    assert items[0]["decision"] in ("flag", "hide", "block")
