"""Coral with bans left to Coral and no privileged roles (CIVILITY_CORAL_BANS=coral)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.compat.test_compat_coral import (
    SECRETS,
    TOXIC,
    ban,
    coral_request,
    coral_valid,
    post_signed,
)
from tests.conftest import Api

from civility.settings import Settings, load_settings


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        coral_signing_secrets=SECRETS,
        coral_bans="coral",
        coral_trusted_roles="",
    )


def test_a_banned_authors_comment_is_judged_on_its_content(api: Api) -> None:
    ban(api)
    assert post_signed(api, coral_request("Lovely weather today")).status_code == 204
    r = post_signed(api, coral_request(TOXIC))
    assert r.status_code == 200, r.text
    coral_valid(r.json())
    assert [a["reason"] for a in r.json()["actions"]] == ["COMMENT_DETECTED_TOXIC"]
    assert r.json()["metadata"]["civility"]["reasons"] != ["banned"]
    # Civility still records the ban's decision: its review queue shows the comment.
    items = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
    assert {i["decision"] for i in items} == {"block"}


def test_without_privileged_roles_staff_is_withheld_too(api: Api) -> None:
    staff = coral_request(TOXIC)
    staff["author"] = {"id": "staff-1", "role": "STAFF"}
    r = post_signed(api, staff)
    coral_valid(r.json())
    assert r.json().get("status") in ("SYSTEM_WITHHELD", "REJECTED")
