"""ModerateRoute answers POST /v1/moderate as the documented FastAPI route does, byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tests.conftest import Api

from civility import metrics
from civility.api.routes import moderation
from civility.auth.keys import Role

TOXIC = "you are a stupid idiot and I hate you"
CLEAN = "thanks, see you tomorrow"
# What differs between two messages or two answers by nature: ids, the request id, the count.
VARYING_HEADERS = {"x-request-id", "ratelimit-remaining", "ratelimit-reset", "content-length"}


class Paths:
    """Counts the requests ModerateRoute answered itself; `documented` makes it pass all on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fast = 0
        self.documented = False
        common = moderation._common_case

        def spy(*args: Any) -> Any:
            c, message = common(*args)
            if self.documented:
                return None, None
            self.fast += message is not None
            return c, message

        monkeypatch.setattr(moderation, "_common_case", spy)


@pytest.fixture
def paths(monkeypatch: pytest.MonkeyPatch) -> Paths:
    return Paths(monkeypatch)


def msg(mid: str, text: str = CLEAN, channel: str = "general", **extra: Any) -> dict[str, Any]:
    return {"message_id": mid, "author_id": "u1", "channel_id": channel, "text": text, **extra}


def _headers(r: httpx.Response) -> list[tuple[str, str]]:
    return [(k, v) for k, v in r.headers.multi_items() if k not in VARYING_HEADERS]


def _both(
    api: Api, paths: Paths, send: Callable[[str], httpx.Response]
) -> tuple[httpx.Response, httpx.Response]:
    """One request through ModerateRoute, one through the documented route."""
    fast_before = paths.fast
    fast = send("fast")
    paths.documented = True
    try:
        documented = send("documented")
    finally:
        paths.documented = False
    assert paths.fast in (fast_before, fast_before + 1)
    return fast, documented


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"text": TOXIC},
        {"metadata": {"thread": "t1", "n": [1, 2.5, None, True], "nested": {"a": "é"}}},
        {"author_created_at": "2025-12-31T23:00:00+01:00"},
        {"text": "ты тупой идиот"},
        {"metadata": {"snowflake": "1234567890123456789", "n": 123456789012345678}},
    ],
    ids=["clean", "toxic", "metadata", "author-age", "russian", "long-ids"],
)
def test_the_common_case_is_answered_as_the_documented_route_does(
    api: Api, paths: Paths, extra: dict[str, Any]
) -> None:
    h = api.headers(Role.SERVICE)
    fast, documented = _both(
        api, paths, lambda mid: api.client.post("/v1/moderate", json=msg(mid, **extra), headers=h)
    )
    assert paths.fast == 1  # this request was ModerateRoute's
    assert (fast.status_code, _headers(fast)) == (documented.status_code, _headers(documented))
    ours, theirs = fast.json(), documented.json()
    assert ours.pop("message_id") == "fast"
    assert theirs.pop("message_id") == "documented"
    assert ours.pop("id") != theirs.pop("id")
    assert ours == theirs


def test_a_resend_gets_the_same_bytes_from_either_route(api: Api, paths: Paths) -> None:
    h = api.headers(Role.SERVICE)
    first = api.client.post("/v1/moderate", json=msg("m1", TOXIC), headers=h)
    fast, documented = _both(
        api, paths, lambda _: api.client.post("/v1/moderate", json=msg("m1", TOXIC), headers=h)
    )
    assert paths.fast == 2
    assert first.content == fast.content == documented.content


def test_the_request_is_counted_and_logged_under_the_documented_route(
    api: Api, paths: Paths
) -> None:
    registry = metrics.exposition_registry()
    labels = {"route": "/v1/moderate", "method": "POST", "status": "2xx"}

    def counted() -> float:
        return registry.get_sample_value("civility_http_requests_total", labels) or 0.0

    before = counted()
    api.client.post("/v1/moderate", json=msg("m1"), headers=api.headers(Role.SERVICE))
    assert paths.fast == 1
    assert counted() == before + 1


def test_it_leaves_url_building_and_other_methods_to_the_documented_route(api: Api) -> None:
    app = api.client.app
    assert isinstance(app.router.routes[0], moderation.ModerateRoute)
    assert app.url_path_for("moderate") == "/v1/moderate"
    r = api.client.get("/v1/moderate", headers=api.headers(Role.SERVICE))
    assert (r.status_code, r.headers["allow"]) == (405, "POST")


@pytest.mark.parametrize(
    "case",
    [
        "moderator-key",
        "form-body",
        "no-content-type",
        "json-charset",
        "unknown-field",
        "missing-text",
        "too-long",
        "big-int-metadata",
        "big-int-in-list",
        "channel-key-other-channel",
        "image-without-ocr",
        "list-body",
    ],
)
def test_what_it_passes_on_the_documented_route_answers(api: Api, paths: Paths, case: str) -> None:
    c = api.container
    service = api.headers(Role.SERVICE)
    channel_key = {
        "Authorization": f"Bearer {c.api_keys.create(Role.SERVICE, channels=['a']).secret}"
    }
    limit = c.settings.max_text_length

    def send(mid: str) -> httpx.Response:
        post = api.client.post
        if case == "moderator-key":
            return post("/v1/moderate", json=msg(mid), headers=api.headers(Role.MODERATOR))
        if case == "form-body":
            return post("/v1/moderate", data={"message_id": mid}, headers=service)
        if case in ("no-content-type", "json-charset"):
            content_type = {"json-charset": {"content-type": "application/json; charset=utf-8"}}
            body = httpx.Request("POST", "/", json=msg(mid)).content
            headers = {**service, **content_type.get(case, {})}
            return post("/v1/moderate", content=body, headers=headers)
        if case == "unknown-field":
            return post("/v1/moderate", json=msg(mid, colour="red"), headers=service)
        if case == "missing-text":
            return post("/v1/moderate", json=msg(mid, ""), headers=service)
        if case == "too-long":
            return post("/v1/moderate", json=msg(mid, "a" * (limit + 1)), headers=service)
        if case == "big-int-metadata":
            return post("/v1/moderate", json=msg(mid, metadata={"n": 2**70}), headers=service)
        if case == "big-int-in-list":
            body = msg(mid, metadata={"n": [1, -(2**64)]})
            return post("/v1/moderate", json=body, headers=service)
        if case == "channel-key-other-channel":
            return post("/v1/moderate", json=msg(mid, channel="b"), headers=channel_key)
        if case == "image-without-ocr":
            image = {"data": "aGVsbG8=", "mime_type": "image/png"}
            return post("/v1/moderate", json=msg(mid, image=image), headers=service)
        assert case == "list-body"
        return post("/v1/moderate", json=[msg(mid)], headers=service)

    fast, documented = _both(api, paths, send)
    if case != "json-charset":
        assert paths.fast == 0, fast.text
        assert fast.status_code >= 400
    assert fast.status_code == documented.status_code
    assert _headers(fast) == _headers(documented)
    ours, theirs = fast.json(), documented.json()
    for answer in (ours, theirs):
        answer.pop("id", None)
        answer.pop("message_id", None)
    assert ours == theirs
