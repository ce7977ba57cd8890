"""Coral's external moderation phase: documented payloads, signatures, decisions, storage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.compat.coral import message_id, sign, signature_valid
from civility.settings import Settings, load_settings

URL = "/v1/coral/moderation-phase"
SECRETS = "old-secret,new-secret"


def coral_request(body: str, parent: str | None = None, **extra: Any) -> dict[str, Any]:
    """The documented example request of Coral's EXTERNAL_MODERATION_PHASES.md."""
    return {
        "action": "NEW",
        "comment": {"body": body, "parentID": parent},
        "author": {"id": "baf4e943-3594-4fcc-b2ba-3e8de7a76352", "role": "COMMENTER"},
        "story": {
            "id": "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6",
            "url": "http://localhost:1313/posts/a-story-url/",
        },
        "site": {"id": "a4bede88-2d2c-4424-bc18-4322a9e285a6"},
        "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
        "tenantDomain": "localhost",
        **extra,
    }


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        coral_signing_secrets=SECRETS,
    )


def post_signed(api: Api, payload: dict[str, Any], secret: str = "new-secret") -> Any:
    raw = json.dumps(payload, indent=2).encode()  # Coral pretty-prints its body
    return api.client.post(
        URL,
        content=raw,
        headers={"Content-Type": "application/json", "X-Coral-Signature": sign(secret, raw)},
    )


def test_clean_comment_is_not_moderated_but_stored(api: Api) -> None:
    r = post_signed(api, coral_request("Here's a comment!"))
    assert r.status_code == 204, r.text
    assert r.content == b""
    items = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
    assert len(items) == 1
    assert items[0]["channel_id"] == "coral:245b3856-b0a0-4d2f-a6bb-58c71f18d6a6"
    assert items[0]["decision"] == "allow"
    assert items[0]["metadata"]["tenant_domain"] == "localhost"


def test_toxic_comment_is_flagged_or_withheld(api: Api) -> None:
    r = post_signed(api, coral_request("I will kill you, you stupid idiot", parent="d79b"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [(a["actionType"], a["reason"]) for a in body["actions"]] == [
        ("FLAG", "COMMENT_DETECTED_TOXIC")
    ]
    assert body["actions"][0]["additionalDetails"].startswith("Civility: ")
    assert body.get("status") in (None, "SYSTEM_WITHHELD", "REJECTED")
    assert body["metadata"]["civility"]["decision"] in ("flag", "hide", "block")
    stored = api.client.get(
        f"/v1/messages/{body['metadata']['civility']['id']}", headers=api.headers()
    ).json()
    assert stored["decision"] == body["metadata"]["civility"]["decision"]


def test_retried_request_gets_the_same_decision(api: Api) -> None:
    payload = coral_request("you are a stupid idiot")
    first, second = post_signed(api, payload), post_signed(api, payload, secret="old-secret")
    assert first.json() == second.json()
    assert len(api.client.get("/v1/messages", headers=api.headers()).json()["items"]) == 1


def test_newer_payload_shape_with_tenant_object(api: Api) -> None:
    payload = coral_request("hello there")
    del payload["tenantID"], payload["tenantDomain"]
    payload["tenant"] = {"id": "t1", "domain": "example.com"}
    payload["someFutureField"] = {"x": 1}
    assert post_signed(api, payload).status_code == 204


@pytest.mark.parametrize("header", [None, "sha256=00", "sha1=abc", ""])
def test_bad_signatures_are_refused(api: Api, header: str | None) -> None:
    raw = json.dumps(coral_request("hi")).encode()
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers["X-Coral-Signature"] = header
    r = api.client.post(URL, content=raw, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "bad_signature"


def test_signature_is_over_the_raw_body() -> None:
    raw = b'{"a": 1}'
    header = f"{sign('k2', raw)},{sign('k1', raw)}"
    assert signature_valid(["k1"], header, raw)
    assert not signature_valid(["k1"], header, raw + b" ")
    assert not signature_valid(["other"], header, raw)


def test_without_a_secret_an_api_key_is_required(api: Api) -> None:
    api.container.settings.coral_signing_secrets = ""
    payload = coral_request("hello")
    assert api.client.post(URL, json=payload).status_code == 401
    key = api.keys[Role.SERVICE]
    assert api.client.post(URL, params={"key": key}, json=payload).status_code == 204
    moderator = api.client.post(URL, headers=api.headers(Role.MODERATOR), json=payload)
    assert moderator.status_code == 403


def test_malformed_requests_are_4xx(api: Api) -> None:
    for payload in ({"comment": {"body": "x"}}, [1]):
        raw = json.dumps(payload).encode()
        r = api.client.post(
            URL, content=raw, headers={"X-Coral-Signature": sign("old-secret", raw)}
        )
        assert r.status_code == 422, r.text
    # A blank body is nothing to moderate (Coral refuses empty comments itself): no opinion.
    assert post_signed(api, coral_request("   ")).status_code == 204


def test_message_id_is_stable_and_distinct() -> None:
    a, b = coral_request("one"), coral_request("two")
    assert message_id(a) == message_id(json.loads(json.dumps(a)))
    assert message_id(a) != message_id(b)


# Coral validates these against GQLCOMMENT_FLAG_DETECTED_REASON, GQLCOMMENT_STATUS and its Joi
# schema (src/core/server/services/comments/pipeline/phases/external.ts): anything else fails
# the response, and Coral publishes the comment unmoderated.
CORAL_REASONS = {
    "COMMENT_DETECTED_TOXIC",
    "COMMENT_DETECTED_SPAM",
    "COMMENT_DETECTED_LINKS",
    "COMMENT_DETECTED_BANNED_WORD",
    "COMMENT_DETECTED_SUSPECT_WORD",
    "COMMENT_DETECTED_RECENT_HISTORY",
    "COMMENT_DETECTED_PREMOD_USER",
    "COMMENT_DETECTED_REPEAT_POST",
    "COMMENT_DETECTED_NEW_COMMENTER",
}
CORAL_STATUSES = {"NONE", "APPROVED", "REJECTED", "PREMOD", "SYSTEM_WITHHELD"}
TOXIC = "I will kill you, you stupid idiot"
AUTHOR = "baf4e943-3594-4fcc-b2ba-3e8de7a76352"


def coral_valid(body: dict[str, Any]) -> None:
    """Checks an answer the way Coral's phase validates it."""
    assert set(body) <= {"actions", "status", "metadata", "tags", "body"}
    for action in body.get("actions", []):
        assert set(action) <= {"actionType", "reason", "additionalDetails", "metadata"}
        assert action["actionType"] == "FLAG"
        assert action["reason"] in CORAL_REASONS
        assert isinstance(action.get("additionalDetails", ""), str)
    assert body.get("status", "NONE") in CORAL_STATUSES


def ban(api: Api, author: str = AUTHOR) -> None:
    r = api.client.post(
        f"/v1/users/{author}/ban", json={"reason": "repeated threats"}, headers=api.headers()
    )
    assert r.status_code == 201, r.text


def test_a_banned_authors_comment_is_rejected_as_banned_not_toxic(api: Api) -> None:
    ban(api)
    r = post_signed(api, coral_request("Lovely weather today"))
    assert r.status_code == 200, r.text
    body = r.json()
    coral_valid(body)
    assert body["status"] == "REJECTED"
    assert [a["reason"] for a in body["actions"]] == ["COMMENT_DETECTED_PREMOD_USER"]
    assert "banned" in body["actions"][0]["additionalDetails"]
    assert body["metadata"]["civility"]["reasons"] == ["banned"]


def test_privileged_roles_are_flagged_never_withheld(api: Api) -> None:
    for role in ("STAFF", "ADMIN", "MODERATOR"):
        payload = coral_request(f"{TOXIC} ({role})")
        payload["author"] = {"id": f"author-{role}", "role": role}  # one comment each: no ban
        r = post_signed(api, payload)
        assert r.status_code == 200, r.text
        coral_valid(r.json())
        assert "status" not in r.json(), role
        assert r.json()["actions"][0]["reason"] == "COMMENT_DETECTED_TOXIC"
    payload = coral_request(TOXIC)
    payload["author"] = {"id": "author-commenter", "role": "COMMENTER"}
    commenter = post_signed(api, payload).json()
    assert commenter["status"] in ("SYSTEM_WITHHELD", "REJECTED")


def test_long_comments_are_scored_in_windows_never_skipped(api: Api) -> None:
    filler = "We went to the market and bought apples, bread and cheese for the picnic. "
    long_toxic = filler * 200 + TOXIC  # 15,000 characters: over the 10,000 of /v1/moderate
    r = post_signed(api, coral_request(long_toxic))
    assert r.status_code == 200, r.text
    coral_valid(r.json())
    assert r.json()["metadata"]["civility"]["decision"] in ("flag", "hide", "block")
    stored = api.client.get(
        f"/v1/messages/{r.json()['metadata']['civility']['id']}", headers=api.headers()
    ).json()
    assert stored["scores"]["threat"] > 0.3
    assert post_signed(api, coral_request(filler * 200)).status_code == 204
    huge = post_signed(api, coral_request("a" * 131_073))
    assert huge.status_code == 200, huge.text
    coral_valid(huge.json())
    assert huge.json()["status"] == "SYSTEM_WITHHELD"
    assert huge.json()["metadata"]["civility"]["reasons"] == ["too_long"]


def test_a_later_decision_is_what_a_resent_comment_gets(api: Api) -> None:
    first = post_signed(api, coral_request(TOXIC, parent="p-late")).json()
    mid = first["metadata"]["civility"]["id"]
    r = api.client.post(
        f"/v1/review/{mid}/resolve", json={"action": "approve"}, headers=api.headers()
    )
    assert r.status_code == 200, r.text
    assert post_signed(api, coral_request(TOXIC, parent="p-late")).status_code == 204
