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
    assert body["actions"] == [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}]
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
    for payload in ({"comment": {"body": "x"}}, coral_request("   "), [1]):
        raw = json.dumps(payload).encode()
        r = api.client.post(
            URL, content=raw, headers={"X-Coral-Signature": sign("old-secret", raw)}
        )
        assert r.status_code == 422, r.text


def test_message_id_is_stable_and_distinct() -> None:
    a, b = coral_request("one"), coral_request("two")
    assert message_id(a) == message_id(json.loads(json.dumps(a)))
    assert message_id(a) != message_id(b)
