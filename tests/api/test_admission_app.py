"""Admission in the real app: past the bound every route answers 503 `overloaded` at once.

The bound sits inside the edge (key, rate limit and body checked first). One /v1/moderate
call is held in flight by its group commit, released by an event, never by wall time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import FastAPI
from starlette.middleware import Middleware
from tests.conftest import Api

from civility.api.admission import Admission, AdmissionMiddleware
from civility.api.app import error_dialects
from civility.api.edge import EdgeMiddleware
from civility.moderation.group_commit import GroupCommitter
from civility.moderation.models import IncomingMessage
from civility.moderation.records import MessageView


def bound_to(app: FastAPI, limit: int) -> None:
    """Sets the app's bound: the early gate before the edge, the counting one inside it."""
    admission = Admission(limit=limit, dialects=error_dialects())
    stack = [m for m in app.user_middleware if not _is(m, AdmissionMiddleware)]  # outermost first
    edge = next(i for i, m in enumerate(stack) if _is(m, EdgeMiddleware))
    stack.insert(edge + 1, Middleware(AdmissionMiddleware, admission=admission))
    stack.insert(edge, Middleware(AdmissionMiddleware, admission=admission, counts=False))
    app.user_middleware[:] = stack


def _is(middleware: Middleware, cls: type) -> bool:
    factory: object = middleware.cls
    return factory is cls


def _body(i: int) -> dict[str, str]:
    return {"message_id": f"m{i}", "author_id": "u1", "channel_id": "c1", "text": "hello there"}


@pytest.fixture
def api(api: Api) -> Api:
    # The middleware stack is built on the first request; TestClient's startup sent none.
    app = api.client.app
    assert isinstance(app, FastAPI)
    bound_to(app, 1)
    app.middleware_stack = app.build_middleware_stack()
    return api


def _shed_count(api: Api) -> float:
    text = api.client.get("/metrics").text
    line = next(x for x in text.splitlines() if x.startswith("civility_requests_shed_total{"))
    assert 'reason="' in line
    return sum(
        float(x.rsplit(" ", 1)[1])
        for x in text.splitlines()
        if x.startswith('civility_requests_shed_total{reason="in_flight"}')
    )


def test_past_the_bound_every_route_is_refused_at_once_and_probes_answer(api: Api) -> None:
    started, release = threading.Event(), threading.Event()
    moderate = api.container.moderation.moderate

    def process(batch: Sequence[IncomingMessage]) -> list[MessageView]:
        started.set()
        release.wait(timeout=30)
        return moderate(batch)

    api.container.group_commit = GroupCommitter(process, max_size=64, max_wait=0.0)
    shed_before = _shed_count(api)
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(api.client.post, "/v1/moderate", headers=api.headers(), json=_body(1))
        assert started.wait(timeout=30)  # the first call is in flight, its batch held
        try:
            h = api.headers()
            refused = {
                "moderate": api.client.post("/v1/moderate", headers=h, json=_body(2)),
                "list": api.client.get("/v1/messages", headers=h),
                "openai": api.client.post("/v1/moderations", headers=h, json={"input": "hi"}),
                "perspective": api.client.post(
                    "/v1alpha1/comments:analyze",
                    headers=h,
                    json={"comment": {"text": "hi"}, "requestedAttributes": {"TOXICITY": {}}},
                ),
            }
            anonymous = api.client.post("/v1/moderate", json=_body(3))
            probes = [api.client.get(p).status_code for p in ("/healthz", "/readyz", "/metrics")]
            shed_during = _shed_count(api)
        finally:
            release.set()
        assert first.result(timeout=30).status_code == 200

    for name, r in refused.items():
        assert r.status_code == 503, name
        assert r.headers["Retry-After"] == "5", name
        # The edge's headers are on the refusal, and the request id.
        assert r.headers["X-Content-Type-Options"] == "nosniff", name
        assert r.headers["X-Request-ID"], name
    assert refused["moderate"].json()["error"]["code"] == "overloaded"
    assert refused["list"].json()["error"]["code"] == "overloaded"
    assert refused["openai"].json()["error"]["code"] == "overloaded"
    assert refused["openai"].json()["error"]["param"] is None  # OpenAI's shape
    assert refused["perspective"].json()["error"]["status"] == "UNAVAILABLE"  # Google's
    # The early gate refuses before the edge spends anything on the key.
    assert anonymous.status_code == 503
    assert probes == [200, 200, 200]
    assert shed_during == shed_before + 5

    # The slot is free again, and only the call that was let in was stored.
    after = api.client.post("/v1/moderate", headers=api.headers(), json=_body(4))
    assert after.status_code == 200
    stored = api.client.get("/v1/messages", headers=api.headers()).json()["items"]
    assert sorted(m["message_id"] for m in stored) == ["m1", "m4"]


def test_under_the_bound_nothing_changes(api: Api) -> None:
    r = api.client.post("/v1/moderate", headers=api.headers(), json=_body(1))
    assert r.status_code == 200
    assert "Retry-After" not in r.headers
