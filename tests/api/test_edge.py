"""The edge: poison and crafted requests are a 4xx of their own, bodies and keys are bounded."""

from __future__ import annotations

import base64
import json
from collections.abc import MutableMapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from tests.conftest import Api
from tests.infra.infra_helpers import run_async

from civility.api.edge import EdgeMiddleware
from civility.auth.keys import Principal, Role
from civility.errors import Unauthorized
from civility.settings import Settings, load_settings

POISON = '"x \\ud800 y"'  # a lone surrogate, escaped as JSON allows


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        batch_max_wait_ms=1,
        sync_batch_max_wait_ms=5,
        max_body_bytes=200_000,
        rate_limit_moderator="3/minute",
    )


def _message(i: int, text: str) -> str:
    return f'{{"message_id": "m{i}", "author_id": "u", "channel_id": "c", "text": {text}}}'


# Every route that takes text: each gets the poison where its text goes.
POISONED = [
    ("POST", "/v1/moderate", _message(0, POISON)),
    ("POST", "/v1/analyze", f'{{"text": {POISON}}}'),
    ("POST", "/v1/messages", f'{{"messages": [{_message(0, POISON)}]}}'),
    ("POST", "/v1/moderations", f'{{"input": {POISON}}}'),
    ("POST", "/v1alpha1/comments:analyze", f'{{"comment": {{"text": {POISON}}}}}'),
    (
        "POST",
        "/v1/coral/moderation-phase",
        f'{{"comment": {{"body": {POISON}}}, "author": {{"id": "a"}}, "story": {{"id": "s"}}}}',
    ),
    ("POST", "/v1/ratings", f'{{"post_id": {POISON}, "user_id": "u", "score": 4}}'),
    ("POST", "/v1/blocklist", f'{{"pattern": {POISON}, "kind": "word", "action": "block"}}'),
    ("POST", "/v1/blocklist/test", f'{{"text": {POISON}}}'),
    ("POST", "/v1/users/u1/notes", f'{{"text": {POISON}}}'),
    ("POST", "/v1/users/u1/ban", f'{{"reason": {POISON}}}'),
    ("PUT", "/v1/channels/c/policy", f'{{"name": {POISON}}}'),
    ("POST", "/v1/webhooks", f'{{"url": {POISON}, "event_types": ["*"]}}'),
]


@pytest.mark.parametrize(("method", "path", "body"), POISONED, ids=[p for _, p, _ in POISONED])
def test_a_lone_surrogate_is_a_4xx_on_every_route(
    api: Api, method: str, path: str, body: str
) -> None:
    headers = {**api.headers(), "Content-Type": "application/json"}
    r = api.client.request(method, path, content=body.encode(), headers=headers)
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert "error" in r.json()
    if not path.startswith(("/v1alpha1", "/v1/moderations")):
        assert r.status_code == 422
        assert r.json()["error"]["code"] == "invalid_text"


@pytest.mark.parametrize(
    "body",
    [
        _message(0, '"nul \\u0000 inside"'),
        _message(0, '"deep"').replace("}", ', "metadata": {"k": ["\\u0000"]}}'),
    ],
)
def test_nul_anywhere_in_a_json_body_is_a_422(api: Api, body: str) -> None:
    headers = {**api.headers(), "Content-Type": "application/json"}
    r = api.client.post("/v1/moderate", content=body.encode(), headers=headers)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "invalid_text"


def test_one_poison_request_fails_none_of_the_concurrent_innocent_ones(api: Api) -> None:
    headers = {**api.headers(Role.SERVICE), "Content-Type": "application/json"}

    def call(i: int) -> int:
        text = POISON if i == 0 else f'"hello number {i}"'
        r = api.client.post("/v1/moderate", content=_message(i, text).encode(), headers=headers)
        return r.status_code

    with ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(call, range(301)))
    assert statuses[0] == 422
    assert statuses[1:] == [200] * 300


def _nested(depth: int) -> str:
    return base64.urlsafe_b64encode(("[" * depth + "]" * depth).encode()).decode()


CRAFTED = [
    "/v1/events?cursor=%C2%B2",
    "/v1/events?cursor=99999999999999999999999",
    "/v1/events?cursor=" + "9" * 5000,
    "/v1/events?cursor=-1",
    "/v1/review?cursor=" + _nested(3000),
    "/v1/review?cursor=" + _nested(3),
    "/v1/review?cursor=%C2%B2",
    "/v1/stats?since=9999-12-31T00:00:00Z&until=9999-12-31T23:59:59Z",
    "/v1/stats?since=0001-01-01T00:00:00Z&until=0001-01-02T00:00:00Z",
    "/v1/stats?since=2025-01-01T00:00:00Z&until=2024-01-01T00:00:00Z",
    "/v1/stats?since=1900-01-01T00:00:00Z&until=2025-01-01T00:00:00Z&bucket=hour",
    "/v1/messages?since=9999-12-31T23:59:59Z&until=9999-12-31T23:59:59Z",
    "/v1/messages?limit=" + "9" * 40,
    "/v1/messages?min_toxicity=1e999",
    "/v1/messages?min_toxicity=nan",
    "/v1/events?since=9999-12-31T23:59:59%2B23:59",
    "/v1/exports/summary?since=9999-12-31T00:00:00Z&until=9999-12-31T23:59:59Z",
    "/v1/users/u%00/violations",
    "/v1/review?author_id=a%00b",
]


@pytest.mark.parametrize("url", CRAFTED)
def test_crafted_parameters_are_a_4xx(api: Api, url: str) -> None:
    r = api.client.get(url, headers=api.headers())
    assert r.status_code < 500, (r.status_code, r.text)
    if r.status_code >= 400:
        assert r.json()["error"]["code"]


def test_deep_json_and_infinite_numbers_are_a_400(api: Api) -> None:
    headers = {**api.headers(), "Content-Type": "application/json"}
    deep = '{"text": "a", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    for body in (deep, '{"text": "a", "n": 1e999}'):
        r = api.client.post("/v1/analyze", content=body.encode(), headers=headers)
        assert r.status_code == 400, r.text
        assert r.json()["error"]["code"] == "invalid_json"


def test_a_body_over_the_limit_is_a_413_with_the_error_shape(api: Api) -> None:
    big = json.dumps({"text": "a" * 300_000})
    headers = {**api.headers(), "Content-Type": "application/json"}
    r = api.client.post("/v1/analyze", content=big.encode(), headers=headers)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_dashboard_forms_are_limited_to_a_mebibyte(api: Api) -> None:
    form = {"username": "x", "password": "p" * (1 << 20), "csrf_token": "t"}
    r = api.client.post("/dashboard/login", data=form)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_the_default_body_limit_fits_the_largest_legal_batch() -> None:
    s = load_settings(env="test")
    one = {"message_id": "m" * 200, "author_id": "a" * 200, "channel_id": "c" * 200}
    batch = [{**one, "text": "é" * s.max_text_length} for _ in range(s.max_batch_submit)]
    size = len(json.dumps({"messages": batch}, ensure_ascii=False).encode())
    assert size < s.body_limit


class _Keys:
    def __init__(self) -> None:
        self.checked: list[str] = []

    def cached(self, secret: str) -> Principal | None:
        return None

    def authenticate(self, secret: str) -> Principal:
        self.checked.append(secret)
        raise Unauthorized("invalid or revoked API key", code="invalid_api_key")


class _GoodKeys(_Keys):
    def cached(self, secret: str) -> Principal | None:
        return Principal("key:0123456789abcdef", Role.ADMIN)


def _drive(
    headers: list[tuple[bytes, bytes]], chunks: int, keys: _Keys | None = None
) -> tuple[int, int, list[str]]:
    """Sends a chunked POST straight to the middleware; returns (status, chunks read, keys)."""
    keys = keys or _Keys()
    settings = load_settings(env="test", max_body_bytes=10_000)
    state = SimpleNamespace(container=SimpleNamespace(api_keys=keys, settings=settings))
    reached: list[bool] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        reached.append(True)

    read = 0
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        return {"type": "http.request", "body": b"x" * 4096, "more_body": read < chunks}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/analyze",
        "query_string": b"",
        "headers": headers,
        "app": SimpleNamespace(state=state),
    }
    run_async(EdgeMiddleware(app)(scope, receive, send))
    assert not reached
    return sent[0]["status"], read, keys.checked


def test_an_anonymous_upload_is_refused_before_its_body_is_read() -> None:
    status, read, checked = _drive([(b"content-type", b"application/json")], chunks=50_000)
    assert (status, read, checked) == (401, 0, [])


def test_a_wrong_key_is_checked_before_the_body_is_read() -> None:
    headers = [(b"authorization", b"Bearer civ_0123456789abcdef_x")]
    status, read, checked = _drive(headers, chunks=50_000)
    assert (status, read, checked) == (401, 0, ["civ_0123456789abcdef_x"])


def test_reading_stops_as_soon_as_the_limit_is_passed() -> None:
    headers = [(b"authorization", b"Bearer good")]
    status, read, _ = _drive(headers, chunks=50_000, keys=_GoodKeys())
    assert status == 413
    assert read == 3  # 3 x 4096 bytes passed the 10,000-byte limit


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(api: Api) -> None:
    headers = api.headers(Role.MODERATOR)
    answers = [api.client.get("/v1/events", headers=headers) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert answers[0].headers["RateLimit-Limit"] == "3"
    assert answers[0].headers["RateLimit-Remaining"] == "2"
    assert int(answers[0].headers["RateLimit-Reset"]) <= 60
    limited = answers[3]
    assert limited.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["RateLimit-Remaining"] == "0"
    # Another key is counted on its own; admin keys have their own (larger) limit.
    assert api.client.get("/v1/events", headers=api.headers()).status_code == 200


def test_a_per_key_limit_overrides_the_roles(
    sqlite_url: str, tmp_path: Path, api_scorer: Any
) -> None:
    from fastapi.testclient import TestClient

    from civility.api.app import create_app
    from civility.clock import ManualClock
    from civility.container import build_container

    admin: list[str] = []
    made: list[Any] = []

    def build() -> Any:
        return build_container(
            load_settings(
                database_url=sqlite_url,
                data_dir=tmp_path,
                env="test",
                scorer="lexicon-baseline",
                rate_limit_keys=f"{made[0]}=1/minute",
            ),
            clock=ManualClock(),
            scorer=api_scorer,
        )

    # The key id is known before the app starts: mint it through a throwaway container.
    pre = build_container(
        load_settings(database_url=sqlite_url, data_dir=tmp_path, env="test"),
        scorer=api_scorer,
    )
    minted = pre.api_keys.create(Role.SERVICE)
    pre.close()
    made.append(minted.key_id)
    app = create_app(build, on_admin_key=admin.append)
    with TestClient(app) as client:
        h = {"Authorization": f"Bearer {minted.secret}"}
        first = client.post("/v1/analyze", json={"text": "hi"}, headers=h)
        second = client.post("/v1/analyze", json={"text": "hi"}, headers=h)
    assert (first.status_code, second.status_code) == (200, 429)
    assert first.headers["RateLimit-Limit"] == "1"


def test_trace_is_a_405_with_allow(api: Api) -> None:
    r = api.client.request("TRACE", "/v1/analyze", headers=api.headers())
    assert r.status_code == 405
    assert "POST" in r.headers["Allow"]
    assert r.json()["error"]["code"] == "method_not_allowed"


def test_every_answer_carries_the_security_headers(api: Api) -> None:
    for r in (
        api.client.get("/healthz"),
        api.client.get("/v1/events", headers=api.headers()),
        api.client.get("/v1/events"),
        api.client.get("/dashboard/login"),
    ):
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Referrer-Policy"] == "same-origin"
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
