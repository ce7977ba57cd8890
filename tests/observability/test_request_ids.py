"""Request ids: accepted or made, returned, and carried through the queue to the worker's log."""

from __future__ import annotations

import time
from typing import Any

import structlog
from structlog.testing import capture_logs
from tests.conftest import Api

from civility import request_ids


def test_accept_keeps_plain_ids_and_replaces_the_rest() -> None:
    assert request_ids.accept("req-42.a:b") == "req-42.a:b"
    for bad in (None, "", "x" * 129, "has space", "new\nline", "é"):
        made = request_ids.accept(bad)
        assert made != bad
        assert len(made) == 32


def test_queue_body_carries_the_bound_id() -> None:
    assert request_ids.queue_body("msg_1") == {"id": "msg_1"}
    with request_ids.bound("r1"):
        assert request_ids.queue_body("msg_1") == {"id": "msg_1", "request_id": "r1"}
    bodies: list[dict[str, Any]] = [
        {"id": "a", "request_id": "r1"},
        {"id": "b"},
        {"id": "c", "request_id": "r1"},
    ]
    assert request_ids.from_bodies(bodies) == ["r1"]


def test_response_header_given_or_generated(api: Api) -> None:
    given = api.client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = api.client.get("/healthz", headers={"X-Request-ID": "bad id"})
    assert made.headers["X-Request-ID"] not in ("", "bad id")
    missing = api.client.get("/nowhere")
    assert missing.status_code == 404
    assert len(missing.headers["X-Request-ID"]) == 32


def test_request_id_follows_a_message_to_the_worker(api: Api) -> None:
    body = {"message_id": "m1", "author_id": "a", "channel_id": "c", "text": "hello there"}
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        r = api.client.post(
            "/v1/messages", json=body, headers={**api.headers(), "X-Request-ID": "trace-77"}
        )
        assert r.status_code == 202, r.text
        assert r.headers["X-Request-ID"] == "trace-77"
        mid = r.json()["items"][0]["id"]
        end = time.monotonic() + 10
        while time.monotonic() < end:
            if (
                api.client.get(f"/v1/messages/{mid}", headers=api.headers()).json()["status"]
                == "decided"
            ):
                break
            time.sleep(0.02)
    decided = [e for e in logs if e["event"] == "worker.decided"]
    assert decided, logs
    assert any(e.get("request_ids") == ["trace-77"] for e in decided)


def test_failed_requests_are_logged_with_their_id(api: Api) -> None:
    def broken() -> None:
        raise RuntimeError("database on fire")

    api.container.db.ping = broken  # type: ignore[method-assign]
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        answer = api.client.get("/readyz", headers={"X-Request-ID": "trace-503"})
        ok = api.client.get("/healthz", headers={"X-Request-ID": "trace-200"})
    assert answer.status_code == 503
    assert ok.status_code == 200
    failed = [e for e in logs if e["event"] == "http.request" and e["log_level"] == "warning"]
    assert [(e["request_id"], e["route"], e["status"]) for e in failed] == [
        ("trace-503", "/readyz", 503)
    ]
