"""Policies, blocklists, manual bans, violations and statistics through the JSON API."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role

TOXIC = "you are a stupid idiot"
CLEAN = "thanks for the help, see you tomorrow"


def moderate(
    api: Api, mid: str, text: str, author: str = "u1", channel: str = "general", **extra: Any
) -> Any:
    body = {"message_id": mid, "author_id": author, "channel_id": channel, "text": text, **extra}
    r = api.client.post("/v1/moderate", json=body, headers=api.headers(Role.SERVICE))
    assert r.status_code == 200, r.text
    return r.json()


def test_policy_partial_update_versions_and_history(api: Api) -> None:
    h = api.headers()
    start = api.client.get("/v1/channels/general/policy", headers=api.headers(Role.MODERATOR))
    assert start.json()["inherited"] is True
    assert start.json()["version"] == 1
    glob = api.client.put(
        "/v1/channels/default/policy", json={"checks": {"caps": {"enabled": False}}}, headers=h
    )
    assert glob.status_code == 200, glob.text
    assert glob.json()["channel_id"] is None
    assert glob.json()["version"] == 2
    inherited = api.client.get("/v1/channels/general/policy", headers=h).json()
    assert inherited["version"] == 2
    assert inherited["inherited"]

    patch = {"categories": {"insult": {"hide": 0.9, "block": 0.95}}}
    own = api.client.put("/v1/channels/general/policy", json=patch, headers=h).json()
    assert own["version"] == 3
    assert not own["inherited"]
    rules = own["policy"]["categories"]["insult"]
    assert (rules["flag"], rules["hide"], rules["block"]) == (0.5, 0.9, 0.95)
    assert own["policy"]["checks"]["caps"]["enabled"] is False  # kept from the policy in force
    # Nested parts merge too: changing one check keeps the others as they were.
    again = api.client.put(
        "/v1/channels/general/policy", json={"checks": {"flood": {"max_duplicates": 5}}}, headers=h
    ).json()
    assert again["policy"]["checks"]["caps"]["enabled"] is False
    assert again["policy"]["checks"]["flood"]["max_duplicates"] == 5

    decided = moderate(api, "p1", TOXIC)
    assert decided["policy_version"] == again["version"]
    history = api.client.get("/v1/channels/general/policy/history", headers=h).json()["items"]
    assert [v["version"] for v in history] == [4, 3]
    events = api.client.get("/v1/events?type=policy.updated", headers=h).json()["items"]
    assert [e["payload"]["version"] for e in events] == [4, 3, 2]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"categories": {"insult": {"hide": 2}}}, 422, "invalid_policy"),
        ({"categories": {"insult": {"flag": 0.9, "hide": 0.1}}}, 422, "invalid_policy"),
        ({"surprise": 1}, 422, "invalid_policy"),
        ({"strikes": {"warn_at": 9, "temp_ban_at": 3}}, 422, "invalid_policy"),
        ({"channel_id": "other"}, 422, "invalid_policy"),
        ({"version": 7}, 409, "stale_policy"),
        ([1, 2], 422, "invalid_request"),
    ],
)
def test_policy_rejects_bad_input(api: Api, body: Any, status: int, code: str) -> None:
    r = api.client.put("/v1/channels/general/policy", json=body, headers=api.headers())
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_roles(api: Api) -> None:
    mod, svc = api.headers(Role.MODERATOR), api.headers(Role.SERVICE)
    assert api.client.put("/v1/channels/x/policy", json={}, headers=mod).status_code == 403
    entry = {"pattern": "badword"}
    assert api.client.post("/v1/blocklist", json=entry, headers=mod).status_code == 403
    assert api.client.get("/v1/blocklist", headers=svc).status_code == 403
    ban = {"reason": "spam"}
    assert api.client.post("/v1/users/u9/ban", json=ban, headers=svc).status_code == 403
    assert api.client.post("/v1/users/u9/ban", json=ban, headers=mod).status_code == 201
    assert api.client.get("/v1/stats", headers=mod).status_code == 200


def test_manual_ban_blocks_before_scoring_and_unban_restores(api: Api) -> None:
    mod = api.headers(Role.MODERATOR)
    r = api.client.post(
        "/v1/users/u2/ban", json={"reason": "raids", "duration_seconds": 600}, headers=mod
    )
    assert r.status_code == 201, r.text
    assert r.json()["banned"]
    assert r.json()["bans"][0]["channel_id"] is None
    for channel in ("general", "other"):
        d = moderate(api, f"b-{channel}", CLEAN, author="u2", channel=channel)
        assert d["decision"] == "block"
        assert d["reasons"][0]["code"] == "banned"
        assert d["scores"] is None
    wrong_scope = api.client.post(
        "/v1/users/u2/unban", json={"channel_id": "general", "reason": "x"}, headers=mod
    )
    assert wrong_scope.status_code == 409
    assert wrong_scope.json()["error"]["code"] == "not_banned"
    lifted = api.client.post("/v1/users/u2/unban", json={"reason": "appeal granted"}, headers=mod)
    assert lifted.status_code == 200
    assert not lifted.json()["banned"]
    assert moderate(api, "after", CLEAN, author="u2")["decision"] == "allow"
    events = api.client.get("/v1/events?type=user.*&subject_id=u2", headers=mod).json()["items"]
    assert [(e["type"], e["payload"]["reason"]) for e in events] == [
        ("user.unbanned", "appeal granted"),
        ("user.banned", "raids"),
    ]
    assert all(e["actor"] != "system" for e in events)


def test_channel_ban_listing_and_bad_ban_input(api: Api) -> None:
    mod = api.headers(Role.MODERATOR)
    api.client.post("/v1/users/a/ban", json={"reason": "r", "channel_id": "c1"}, headers=mod)
    api.client.post(
        "/v1/users/b/ban",
        json={"reason": "r", "channel_id": "c2", "duration_seconds": 5},
        headers=mod,
    )
    api.client.post("/v1/users/g/ban", json={"reason": "r"}, headers=mod)
    c1 = api.client.get("/v1/bans?channel_id=c1", headers=mod).json()["items"]
    assert sorted(b["author_id"] for b in c1) == ["a", "g"]
    everything = api.client.get("/v1/bans", headers=mod).json()["items"]
    assert sorted(b["author_id"] for b in everything) == ["a", "b", "g"]
    api.container.clock.advance(6)  # type: ignore[attr-defined]
    everything = api.client.get("/v1/bans", headers=mod).json()["items"]
    assert sorted(b["author_id"] for b in everything) == ["a", "g"]
    for body in (
        {"reason": ""},
        {},
        {"reason": "x", "duration_seconds": 0},
        {"reason": "x", "extra": 1},
    ):
        r = api.client.post("/v1/users/a/ban", json=body, headers=mod)
        assert r.status_code == 422, body
        assert r.json()["error"]["code"] == "invalid_request"


def test_reset_strikes(api: Api) -> None:
    moderate(api, "r1", TOXIC, author="u3")
    mod = api.headers(Role.MODERATOR)
    assert (
        api.client.get("/v1/users/u3?channel_id=general", headers=mod).json()["strikes"]["count"]
        == 1
    )
    r = api.client.post("/v1/users/u3/strikes/reset", json={}, headers=mod)
    assert r.status_code == 200
    assert r.json()["global_strikes"] == {"count": 0, "weight": 0.0}
    types = [
        e["type"] for e in api.client.get("/v1/events?subject_id=u3", headers=mod).json()["items"]
    ]
    assert types == ["user.strikes_reset", "user.strike_added"]


def test_blocklist_entry_blocks_without_the_model_and_flag_entry_does_not(api: Api) -> None:
    h = api.headers()
    added = api.client.post(
        "/v1/blocklist", json={"pattern": "buy cheap pills", "kind": "phrase"}, headers=h
    )
    assert added.status_code == 201, added.text
    flag = api.client.post(
        "/v1/blocklist",
        json={"pattern": "crypto*", "kind": "wildcard", "action": "flag"},
        headers=h,
    )
    assert flag.status_code == 201
    dup = api.client.post(
        "/v1/blocklist", json={"pattern": "buy cheap pills", "kind": "phrase"}, headers=h
    )
    assert dup.status_code == 409
    assert dup.json()["error"]["code"] == "duplicate_entry"

    blocked = moderate(api, "bl1", "Hey, BUY  ch3ap pills here")
    assert blocked["decision"] == "block"
    assert blocked["scores"] is None  # the fast path decided alone
    assert blocked["reasons"][0]["source"] == "blocklist"
    assert blocked["reasons"][0]["spans"] == [[5, 21]]
    flagged = moderate(api, "bl2", "Cryptocoins are fun", author="u5")
    assert flagged["decision"] == "flag"
    assert flagged["scores"] is not None  # a flag is not final: the model still runs

    entry_id = added.json()["id"]
    assert api.client.delete(f"/v1/blocklist/{entry_id}", headers=h).status_code == 204
    assert api.client.delete(f"/v1/blocklist/{entry_id}", headers=h).status_code == 404
    assert moderate(api, "bl3", "buy cheap pills", author="u6")["decision"] != "block"
    types = [
        e["type"] for e in api.client.get("/v1/events?type=blocklist.*", headers=h).json()["items"]
    ]
    assert types == ["blocklist.entry_removed", "blocklist.entry_added", "blocklist.entry_added"]


def test_blocklist_test_endpoint(api: Api) -> None:
    h = api.headers()
    api.client.post("/v1/blocklist", json={"pattern": "idiot"}, headers=h)
    api.client.post("/v1/blocklist", json={"pattern": "spam", "channel_id": "c9"}, headers=h)
    r = api.client.post(
        "/v1/blocklist/test",
        json={"text": "what an 1d1ot, spam"},
        headers=api.headers(Role.MODERATOR),
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["action"] == "block"
    assert [(m["start"], m["end"], m["text"]) for m in body["matches"]] == [(8, 13, "1d1ot")]
    in_c9 = api.client.post(
        "/v1/blocklist/test", json={"text": "spam", "channel_id": "c9"}, headers=h
    ).json()
    assert [m["entry"]["pattern"] for m in in_c9["matches"]] == ["spam"]
    clean = api.client.post("/v1/blocklist/test", json={"text": "hello"}, headers=h).json()
    assert clean == {"action": "allow", "matches": [], "unevaluated": []}


def test_blocklist_import_export_round_trip(api: Api) -> None:
    h = api.headers()
    rows = [
        {"pattern": "idiot*", "kind": "wildcard", "action": "block"},
        {"pattern": "you are dumb", "kind": "phrase", "action": "flag", "language": "en"},
        {"pattern": r"\bfree\s+money\b", "kind": "regex", "action": "block", "channel_id": "c1"},
    ]
    r = api.client.post("/v1/blocklist/import", json=rows, headers=h)
    assert r.status_code == 200, r.text
    assert (r.json()["added"], r.json()["skipped"]) == (3, 0)
    csv_text = api.client.get("/v1/blocklist/export?format=csv", headers=h)
    assert csv_text.headers["content-type"].startswith("text/csv")
    assert (
        csv_text.text.splitlines()[0]
        == "id,pattern,kind,action,language,channel_id,created_by,created_at"
    )
    exported = api.client.get("/v1/blocklist/export?format=json", headers=h).json()
    # Re-importing an export adds nothing: every row is already there.
    again = api.client.post(
        "/v1/blocklist/import", content=csv_text.text, headers={**h, "Content-Type": "text/csv"}
    )
    assert again.status_code == 200, again.text
    assert (again.json()["added"], again.json()["skipped"]) == (0, 3)
    for entry in exported:
        assert api.client.delete(f"/v1/blocklist/{entry['id']}", headers=h).status_code == 204
    assert api.client.get("/v1/blocklist/export", headers=h).json() == []
    restored = api.client.post(
        "/v1/blocklist/import",
        content=csv_text.text,
        headers={**h, "Content-Type": "text/csv; charset=utf-8"},
    )
    assert restored.json()["added"] == 3
    final = api.client.get("/v1/blocklist/export?format=json", headers=h).json()
    keys = ("pattern", "kind", "action", "language", "channel_id")
    assert [{k: e[k] for k in keys} for e in final] == [{k: e[k] for k in keys} for e in exported]
    assert {e["pattern"]: e["language"] for e in final}["you are dumb"] == "en"
    page = api.client.get("/v1/blocklist?limit=2", headers=h).json()
    rest = api.client.get(f"/v1/blocklist?limit=2&cursor={page['next_cursor']}", headers=h).json()
    assert len(page["items"]) + len(rest["items"]) == 3


def test_import_is_all_or_nothing_with_row_errors(api: Api) -> None:
    h = api.headers()
    rows = [
        {"pattern": "fine"},
        {"pattern": "two words", "kind": "word"},
        {"pattern": "(?=a)b", "kind": "regex"},  # lookahead: RE2 cannot run it
        {"pattern": "x", "action": "hide"},
    ]
    r = api.client.post("/v1/blocklist/import", json=rows, headers=h)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_import"
    assert [row["row"] for row in error["rows"]] == [2, 3, 4]
    assert api.client.get("/v1/blocklist/export", headers=h).json() == []
    csv_bad = "pattern,kind\nok,word\n,word\n"
    r = api.client.post(
        "/v1/blocklist/import", content=csv_bad, headers={**h, "Content-Type": "text/csv"}
    )
    assert r.status_code == 422
    assert r.json()["error"]["rows"][0]["row"] == 2
    for content, ctype, status, code in (
        ("{", "application/json", 400, "invalid_json"),
        ('{"a": 1}', "application/json", 422, "invalid_import"),
        ("nope,kind\nx,word\n", "text/csv", 422, "invalid_import"),
        ("pattern\nx\x00y\n", "text/csv", 422, "invalid_import"),  # NUL in a pattern
        ("pattern\nx", "application/xml", 415, "unsupported_media_type"),
    ):
        r = api.client.post(
            "/v1/blocklist/import", content=content, headers={**h, "Content-Type": ctype}
        )
        assert r.status_code == status, content
        assert r.json()["error"]["code"] == code
        if status == 422:  # the documented body: rows, empty when the body as a whole is wrong
            assert "rows" in r.json()["error"]


def test_fast_check_that_blocks_skips_the_model(api: Api) -> None:
    policy = {"checks": {"new_account_links": {"action": "block"}, "caps": {"action": "hide"}}}
    assert (
        api.client.put(
            "/v1/channels/general/policy", json=policy, headers=api.headers()
        ).status_code
        == 200
    )
    created = (datetime(2026, 1, 1) - timedelta(days=1)).isoformat() + "Z"
    spam = moderate(api, "l1", "visit www.example.com now", author="new", author_created_at=created)
    assert spam["decision"] == "block"
    assert spam["scores"] is None
    assert spam["reasons"][0]["code"] == "new_account_link"
    old = (datetime(2026, 1, 1) - timedelta(days=400)).isoformat() + "Z"
    fine = moderate(api, "l2", "visit www.example.com now", author="old", author_created_at=old)
    assert fine["decision"] == "allow"
    assert fine["scores"] is not None
    shout = moderate(api, "l3", "THIS IS REALLY GREAT NEWS FOR EVERYONE", author="loud")
    assert shout["decision"] == "hide"
    assert shout["scores"] is None


def test_violations_and_stats(api: Api) -> None:
    moderate(api, "v1", TOXIC, author="u7")
    moderate(api, "v2", CLEAN, author="u7")
    api.container.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    moderate(api, "v3", "what an idiot", author="u7", channel="other")
    mod = api.headers(Role.MODERATOR)
    found = api.client.get("/v1/users/u7/violations", headers=mod).json()
    assert [(v["message"]["message_id"], v["strike_weight"]) for v in found["items"]] == [
        ("v3", 1.0),
        ("v1", 1.0),
    ]
    assert found["items"][0]["message"]["text"] == "what an idiot"

    stats = api.client.get(
        "/v1/stats?bucket=hour&since=2025-12-31T23:00:00Z&until=2026-01-01T03:00:00Z", headers=mod
    )
    assert stats.status_code == 200, stats.text
    buckets = stats.json()["buckets"]
    assert [b["start"][:13] for b in buckets] == [
        "2025-12-31T23",
        "2026-01-01T00",
        "2026-01-01T01",
        "2026-01-01T02",
    ]
    assert [b["total"] for b in buckets] == [0, 2, 0, 1]
    assert buckets[1]["decisions"] == {"hide": 1, "allow": 1}
    assert buckets[1]["categories"]["insult"] == 1
    assert buckets[3]["categories"]["toxicity"] == 1
    other = api.client.get(
        "/v1/stats?bucket=day&channel_id=other&since=2026-01-01T00:00:00Z&until=2026-01-02T00:00:00Z",
        headers=mod,
    ).json()
    assert [b["total"] for b in other["buckets"]] == [1]
    by_author = api.client.get(
        "/v1/stats?bucket=day&author_id=nobody&since=2026-01-01T00:00:00Z&until=2026-01-02T00:00:00Z",
        headers=mod,
    ).json()
    assert by_author["buckets"][0]["total"] == 0
    bad = api.client.get(
        "/v1/stats?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", headers=mod
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_range"
    huge = api.client.get(
        "/v1/stats?bucket=hour&since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z", headers=mod
    )
    assert huge.status_code == 422


def test_openapi_documents_the_enforcement_routes(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    for path in (
        "/v1/channels/{channel_id}/policy",
        "/v1/channels/{channel_id}/policy/history",
        "/v1/blocklist",
        "/v1/blocklist/{entry_id}",
        "/v1/blocklist/import",
        "/v1/blocklist/export",
        "/v1/blocklist/test",
        "/v1/users/{author_id}",
        "/v1/users/{author_id}/violations",
        "/v1/users/{author_id}/ban",
        "/v1/users/{author_id}/unban",
        "/v1/users/{author_id}/strikes/reset",
        "/v1/bans",
        "/v1/stats",
    ):
        assert path in spec["paths"], path
        for op in spec["paths"][path].values():
            assert "403" in op["responses"]
            assert "422" in op["responses"]
    assert "text/csv" in spec["paths"]["/v1/blocklist/import"]["post"]["requestBody"]["content"]
