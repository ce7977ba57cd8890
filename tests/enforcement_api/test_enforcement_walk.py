"""Strikes, warnings and bans through the JSON API, with a manual clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.conftest import Api

from civility.auth.keys import Role
from civility.clock import ManualClock

TOXIC = ("you are a stupid idiot", "what an idiot", "shut up you moron", "fuck you")
CLEAN = "thanks for the help, see you tomorrow"


def moderate(api: Api, mid: str, text: str, author: str = "u1", channel: str = "general") -> Any:
    body = {"message_id": mid, "author_id": author, "channel_id": channel, "text": text}
    r = api.client.post("/v1/moderate", json=body, headers=api.headers(Role.SERVICE))
    assert r.status_code == 200, r.text
    return r.json()


def user(api: Api, author: str = "u1", channel: str | None = "general") -> Any:
    query = f"?channel_id={channel}" if channel else ""
    r = api.client.get(f"/v1/users/{author}{query}", headers=api.headers(Role.MODERATOR))
    assert r.status_code == 200, r.text
    return r.json()


def event_types(api: Api, author: str = "u1") -> list[str]:
    r = api.client.get(
        f"/v1/events?type=user.*&subject_id={author}&limit=500", headers=api.headers()
    )
    return [e["type"] for e in reversed(r.json()["items"])]


def test_clean_warning_temporary_ban_expiry_permanent_ban(api: Api) -> None:
    clock = api.container.clock
    assert isinstance(clock, ManualClock)
    ladder = {"strikes": {"warn_at": 2, "temp_ban_at": 3, "perm_ban_at": 4, "temp_ban_hours": 1}}
    put = api.client.put("/v1/channels/general/policy", json=ladder, headers=api.headers())
    assert put.status_code == 200, put.text
    version = put.json()["version"]

    assert moderate(api, "m0", CLEAN)["decision"] == "allow"
    assert user(api)["strikes"] == {"count": 0, "weight": 0.0}

    first = moderate(api, "m1", TOXIC[0])
    assert first["decision"] == "hide"
    assert first["policy_version"] == version
    assert user(api)["strikes"] == {"count": 1, "weight": 1.0}

    clock.advance(61)
    moderate(api, "m2", TOXIC[1])
    assert event_types(api)[-2:] == ["user.strike_added", "user.warned"]
    assert not user(api)["banned"]

    clock.advance(61)
    moderate(api, "m3", TOXIC[2])
    standing = user(api)
    assert standing["banned"]
    [ban] = standing["bans"]
    assert not ban["permanent"]
    assert ban["actor"] == "system"
    assert event_types(api)[-1] == "user.banned"

    clock.advance(61)
    blocked = moderate(api, "m4", CLEAN)
    assert blocked["decision"] == "block"
    assert [r["code"] for r in blocked["reasons"]] == ["banned"]
    assert blocked["scores"] is None
    assert user(api)["strikes"]["count"] == 3  # a ban echo is not a new strike

    clock.advance(timedelta(hours=1))
    assert not user(api)["banned"]  # an expired ban is never enforced
    assert moderate(api, "m5", CLEAN)["decision"] == "allow"
    bans = api.client.get("/v1/bans?channel_id=general", headers=api.headers(Role.MODERATOR))
    assert bans.json()["items"] == []

    moderate(api, "m6", TOXIC[3])
    standing = user(api)
    assert standing["banned"]
    assert standing["bans"][0]["permanent"]
    assert standing["strikes"] == {"count": 4, "weight": 4.0}
    clock.advance(timedelta(days=365))
    assert user(api)["banned"]
    assert event_types(api) == [
        "user.strike_added",
        "user.strike_added",
        "user.warned",
        "user.strike_added",
        "user.banned",
        "user.strike_added",
        "user.banned",
    ]
    other_channel = moderate(api, "m7", CLEAN, channel="elsewhere")
    assert other_channel["decision"] == "allow"  # a channel ban stays in its channel
