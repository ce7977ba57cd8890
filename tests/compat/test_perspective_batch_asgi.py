"""`/batch` through the ASGI app: parts answered in order, and the edge's limits in Google's
format (the batch is read before any key is checked: the keys are inside its parts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.settings import Settings, load_settings

LIMIT = 4096


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """The test service with a small body limit."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        max_body_bytes=LIMIT,
    )


def _part(n: int, body: dict[str, object], key: str) -> str:
    return (
        f"--sep\r\nContent-Type: application/http\r\nContent-ID: <b + {n}>\r\n\r\n"
        f"POST /v1alpha1/comments:analyze?key={key} HTTP/1.1\r\n"
        f"Content-Type: application/json\r\n\r\n{json.dumps(body)}\r\n"
    )


def test_parts_are_answered_in_order_with_their_own_status(api: Api) -> None:
    key = api.keys[Role.SERVICE]
    parts = [
        _part(1, {"comment": {"text": "you idiot"}, "requestedAttributes": {"INSULT": {}}}, key),
        _part(2, {"comment": {"text": "hi"}, "requestedAttributes": {}}, key),
        _part(3, {"comment": {"text": "hi"}, "requestedAttributes": {"TOXICITY": {}}}, "civ_no"),
    ]
    r = api.client.post(
        "/batch",
        content=("".join(parts) + "--sep--\r\n").encode(),
        headers={"Content-Type": "multipart/mixed; boundary=sep"},
    )
    assert r.status_code == 200, r.text
    answers = r.text.split("Content-ID: <response-b + ")[1:]
    assert [a.split(">", 1)[0] for a in answers] == ["1", "2", "3"]
    assert "HTTP/1.1 200 OK" in answers[0]
    assert '"INSULT"' in answers[0]
    assert "HTTP/1.1 400 Bad Request" in answers[1]
    assert "NO_REQUESTED_ATTRIBUTES" in answers[1]
    assert "API_KEY_INVALID" in answers[2]


def test_a_batch_over_the_body_limit_is_googles_413(api: Api) -> None:
    r = api.client.post(
        "/batch",
        content=b"x" * (LIMIT + 1),
        headers={"Content-Type": "multipart/mixed; boundary=sep"},
    )
    assert r.status_code == 413
    assert r.json()["error"]["code"] == 413
    assert r.json()["error"]["message"].startswith("the request body is larger than")


def _raw(*parts: bytes) -> bytes:
    return b"".join(b"--s\r\nContent-Type: application/http\r\n" + p + b"\r\n" for p in parts) + (
        b"--s--\r\n"
    )


ANALYZE = b"POST /v1alpha1/comments:analyze HTTP/1.1\r\n"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # Not ASCII in a header or in the Content-ID: a header cannot carry it on.
        (_raw(b"Content-ID: <\xc3\xa9>\r\n\r\n" + ANALYZE + b"\r\n{}"), 400),
        (_raw(b"\r\n" + ANALYZE + b"X-Note: \xc3\xa9\xff\r\n\r\n{}"), 400),
        (_raw(b"\r\nPOST /v1alpha1/comments:analyze?key=\xff HTTP/1.1\r\n\r\n{}"), 400),
        (_raw(b"\r\nnot a request line"), 400),
        (_raw(b"Content-Transfer-Encoding: base64\r\n\r\n!!!!"), 400),
        (b"garbage", 400),
        (b"", 400),
        # Well-formed batches whose parts fail alone.
        (_raw(b"\r\nGET /v1alpha1/comments:analyze HTTP/1.1\r\n\r\n"), 200),
        (_raw(b"\r\nPOST http://elsewhere.example/v1/analyze HTTP/1.1\r\n\r\n{}"), 200),
        (
            _raw(
                b"\r\n" + ANALYZE + b"Content-Length: 99999999999999999999\r\n"
                b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                b'{"comment": {"text": "a\\u0000b"}, "requestedAttributes": {"TOXICITY": {}}}'
            ),
            200,
        ),
    ],
)
def test_malformed_batches_are_4xx_never_5xx(api: Api, body: bytes, status: int) -> None:
    r = api.client.post(
        "/batch", content=body, headers={"Content-Type": "multipart/mixed; boundary=s"}
    )
    assert r.status_code == status, r.text
    if status == 400:
        assert r.json()["error"]["status"] == "INVALID_ARGUMENT"
    else:
        # The part's own answer is a 4xx in Google's format.
        assert "HTTP/1.1 4" in r.text
        assert '"status":"' in r.text.replace(" ", "")
