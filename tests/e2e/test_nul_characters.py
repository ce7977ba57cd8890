"""NUL characters (which PostgreSQL text cannot hold) get a clear 422 everywhere, never a 5xx,
and a message carrying one is refused before it can fail a group commit."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from civility.testing import run_server

N = "\x00"
CALLS = [
    ("POST", "/v1/moderate", {"message_id": "m", "author_id": "u", "channel_id": "c", "text": N}),
    (
        "POST",
        "/v1/messages",
        {
            "messages": [
                {
                    "message_id": "m",
                    "author_id": "u",
                    "channel_id": "c",
                    "text": "t",
                    "metadata": {"k": [N]},
                }
            ]
        },
    ),
    ("POST", "/v1/blocklist", {"pattern": f"bad{N}word", "kind": "word", "action": "block"}),
    ("POST", "/v1/users/u%00x/ban", {"reason": "spam"}),
    ("POST", "/v1/users/u1/notes", {"text": f"note{N}"}),
    ("POST", "/v1/ratings", {"post_id": f"p{N}", "user_id": "u", "score": 5}),
    ("PUT", "/v1/channels/c%00/policy", {}),
    ("POST", "/v1/webhooks", {"url": f"https://x.test/{N}", "event_types": ["*"]}),
]


@pytest.mark.postgres
def test_nul_characters_are_a_422_on_postgresql(fresh_postgres_url: str, tmp_path: Path) -> None:
    env = {"CIVILITY_DATABASE_URL": fresh_postgres_url, "CIVILITY_SCORER": "lexicon-baseline"}
    with run_server(tmp_path, env) as server:
        headers = {"Authorization": f"Bearer {server.key}"}
        for method, path, body in CALLS:
            r = httpx.request(method, server.url + path, json=body, headers=headers, timeout=10)
            assert r.status_code == 422, (path, r.status_code, r.text)
            assert r.json()["error"]["code"] in (
                "invalid_request",
                "invalid_entry",
                "unstorable_value",
                "invalid_text",
            )
        # The service is healthy afterwards, and a clean message goes through.
        clean = {"message_id": "ok", "author_id": "u", "channel_id": "c", "text": "hello"}
        r = httpx.post(f"{server.url}/v1/moderate", json=clean, headers=headers, timeout=10)
        assert r.status_code == 200, r.text
