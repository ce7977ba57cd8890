"""Admission, around a fake downstream app: a bound on requests in flight, refused as 503 at once.

Requests are held in flight by events, never by wall time.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from tests.infra.infra_helpers import run_async

from civility import metrics
from civility.api.admission import Admission, AdmissionMiddleware
from civility.api.edge import Dialect
from civility.api.routes import compat_openai, compat_perspective
from civility.errors import Unavailable

DIALECTS = (
    Dialect("/v1alpha1/", compat_perspective.render_error),
    Dialect("/v1/moderations", compat_openai.render_error),
)


class Downstream:
    """The app behind the bound: holds every request until released, then answers 200."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.entered = 0
        self.fail = False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.entered += 1
        await self.release.wait()
        if self.fail:
            raise RuntimeError("the route failed")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"done"})


class Answer:
    """What a request got back."""

    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = b""

    async def send(self, message: Any) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        else:
            self.body += message.get("body", b"")

    def json(self) -> Any:
        return json.loads(self.body)


async def _receive() -> Any:
    return {"type": "http.request", "body": b"", "more_body": False}


def _scope(path: str, app: Any = None) -> dict[str, Any]:
    scope: dict[str, Any] = {"type": "http", "method": "POST", "path": path, "headers": []}
    if app is not None:
        scope["app"] = app
    return scope


async def _call(middleware: AdmissionMiddleware, path: str, app: Any = None) -> Answer:
    answer = Answer()
    await middleware(_scope(path, app), _receive, answer.send)
    return answer


async def _until(happened: Callable[[], bool]) -> None:
    """Lets the other tasks run until something happened (a bounded number of loop turns)."""
    for _ in range(10_000):
        if happened():
            return
        await asyncio.sleep(0)
    raise AssertionError("it never happened")


async def _fill(
    middleware: AdmissionMiddleware, down: Downstream, n: int
) -> list[asyncio.Task[Answer]]:
    """Starts n requests and returns once all of them are inside the downstream app."""
    held = [asyncio.create_task(_call(middleware, f"/v1/moderate?{i}")) for i in range(n)]
    await _until(lambda: down.entered >= n)
    return held


def _shed() -> float:
    value = metrics.exposition_registry().get_sample_value(
        "civility_requests_shed_total", {"reason": "in_flight"}
    )
    return value or 0.0


def test_past_the_limit_a_request_is_a_503_overloaded_at_once() -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down, limit=2)

    async def scenario() -> tuple[list[Answer], Answer, int]:
        held = await _fill(bound, down, 2)
        refused = await _call(bound, "/v1/moderate")  # returns while the two are still held
        entered = down.entered
        down.release.set()
        return await asyncio.gather(*held), refused, entered

    before = _shed()
    done, refused, entered = run_async(scenario())
    assert [a.status for a in done] == [200, 200]
    assert entered == 2  # the refused one never reached the app
    assert refused.status == 503
    assert refused.json()["error"]["code"] == "overloaded"
    assert "2 requests already in flight" in refused.json()["error"]["message"]
    assert refused.headers["retry-after"] == "5"
    assert refused.headers["content-type"] == "application/json"
    assert _shed() == before + 1
    assert bound.admission.in_flight == 0


def test_a_slot_is_free_again_once_its_request_is_answered() -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down, limit=1)

    async def scenario() -> tuple[int, int]:
        held = await _fill(bound, down, 1)
        refused = await _call(bound, "/v1/moderate")
        down.release.set()
        await asyncio.gather(*held)
        again = await _call(bound, "/v1/moderate")
        return refused.status, again.status

    assert run_async(scenario()) == (503, 200)


def test_a_failing_request_gives_its_slot_back() -> None:
    down = Downstream()
    down.fail = True
    down.release.set()
    bound = AdmissionMiddleware(down, limit=1)

    async def scenario() -> None:
        with pytest.raises(RuntimeError):
            await _call(bound, "/v1/moderate")

    run_async(scenario())
    assert bound.admission.in_flight == 0


def test_probes_and_the_scrape_answer_at_the_limit() -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down, limit=1)

    async def scenario() -> list[int]:
        held = await _fill(bound, down, 1)
        probes = [asyncio.create_task(_call(bound, p)) for p in ("/healthz", "/readyz", "/metrics")]
        await _until(lambda: down.entered >= 4)
        refused = await _call(bound, "/healthz/extra")  # exact paths only
        down.release.set()
        await asyncio.gather(*held)
        return [a.status for a in await asyncio.gather(*probes)] + [refused.status]

    assert run_async(scenario()) == [200, 200, 200, 503]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/v1alpha1/comments:analyze",
            {
                "code": 503,
                "message": "the server is overloaded (1 requests already in flight); retry later",
                "status": "UNAVAILABLE",
            },
        ),
        (
            "/v1/moderations",
            {
                "message": "the server is overloaded (1 requests already in flight); retry later",
                "type": compat_openai.render_error(503, "overloaded", "")["error"]["type"],
                "param": None,
                "code": "overloaded",
            },
        ),
    ],
)
def test_the_drop_in_routes_are_refused_in_their_clients_format(
    path: str, expected: dict[str, Any]
) -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down, limit=1, dialects=DIALECTS)

    async def scenario() -> Answer:
        held = await _fill(bound, down, 1)
        refused = await _call(bound, path)
        down.release.set()
        await asyncio.gather(*held)
        return refused

    refused = run_async(scenario())
    assert refused.status == 503
    assert refused.json() == {"error": expected}
    assert refused.headers["retry-after"] == "5"


def test_zero_is_unbounded() -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down, limit=0)

    async def scenario() -> list[int]:
        held = await _fill(bound, down, 50)
        down.release.set()
        return [a.status for a in await asyncio.gather(*held)]

    assert run_async(scenario()) == [200] * 50


def test_without_a_limit_it_reads_the_settings_on_each_request() -> None:
    down = Downstream()
    bound = AdmissionMiddleware(down)
    settings = SimpleNamespace(max_in_flight=1)
    app = SimpleNamespace(state=SimpleNamespace(container=SimpleNamespace(settings=settings)))

    async def scenario() -> list[int]:
        held = asyncio.create_task(_call(bound, "/v1/moderate", app))
        await _until(lambda: down.entered >= 1)
        refused = await _call(bound, "/v1/moderate", app)
        settings.max_in_flight = 2  # a changed setting counts from the next request
        second = asyncio.create_task(_call(bound, "/v1/moderate", app))
        await _until(lambda: down.entered >= 2)
        down.release.set()
        return [refused.status, (await held).status, (await second).status]

    assert run_async(scenario()) == [503, 200, 200]


def test_other_scopes_pass_through() -> None:
    seen: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope["type"])

    bound = AdmissionMiddleware(app, limit=1)
    bound.admission.in_flight = 1  # full: a lifespan or websocket scope is still not ours to refuse
    run_async(bound({"type": "lifespan"}, _receive, Answer().send))
    run_async(bound({"type": "websocket", "path": "/ws"}, _receive, Answer().send))
    assert seen == ["lifespan", "websocket"]


class SlowEdge:
    """Stands for the edge: records who reached it, holds a request's upload until released."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.reached: list[str] = []
        self.upload_done = asyncio.Event()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.reached.append(scope["path"])
        if scope["path"] == "/v1/slow-upload":
            await self.upload_done.wait()
        await self.app(scope, receive, send)


def _gated(limit: int) -> tuple[AdmissionMiddleware, SlowEdge, Downstream, Admission]:
    """early gate -> edge -> counting gate -> app, as the app registers them."""
    down = Downstream()
    admission = Admission(limit=limit, dialects=DIALECTS)
    edge = SlowEdge(AdmissionMiddleware(down, admission=admission))
    return AdmissionMiddleware(edge, admission=admission, counts=False), edge, down, admission


def test_the_early_gate_refuses_before_the_edge_when_full() -> None:
    early, edge, down, admission = _gated(1)

    async def scenario() -> Answer:
        held = await _fill(early, down, 1)
        refused = await _call(early, "/v1/moderations")
        down.release.set()
        await asyncio.gather(*held)
        return refused

    before = _shed()
    refused = run_async(scenario())
    assert refused.status == 503
    assert refused.json()["error"]["code"] == "overloaded"  # OpenAI's shape, its prefix
    assert refused.json()["error"]["param"] is None
    assert refused.headers["x-content-type-options"] == "nosniff"  # the edge's headers too
    assert edge.reached == ["/v1/moderate?0"]  # the refused call never cost the edge anything
    assert _shed() == before + 1
    assert admission.in_flight == 0


def test_a_slow_upload_holds_no_slot() -> None:
    early, edge, down, admission = _gated(1)

    async def scenario() -> tuple[int, int, int]:
        slow = asyncio.create_task(_call(early, "/v1/slow-upload"))
        await _until(lambda: edge.reached == ["/v1/slow-upload"])
        counted_while_uploading = admission.in_flight
        down.release.set()
        other = await _call(early, "/v1/moderate")  # the slot was free
        edge.upload_done.set()
        return counted_while_uploading, other.status, (await slow).status

    assert run_async(scenario()) == (0, 200, 200)


def test_the_counting_gate_is_exact_when_uploads_finish_together() -> None:
    # Both passed the early gate while the bound was free; only one may be let in.
    early, edge, down, _ = _gated(1)

    async def scenario() -> list[int]:
        first = asyncio.create_task(_call(early, "/v1/slow-upload"))
        second = asyncio.create_task(_call(early, "/v1/slow-upload"))
        await _until(lambda: len(edge.reached) >= 2)
        edge.upload_done.set()
        # One is in the app, the other already answered.
        await _until(lambda: down.entered >= 1 and (first.done() or second.done()))
        down.release.set()
        return sorted(a.status for a in await asyncio.gather(first, second))

    assert run_async(scenario()) == [200, 503]


def test_the_error_is_the_group_commits_kind() -> None:
    from civility.api.admission import overloaded

    error = overloaded(3)
    assert isinstance(error, Unavailable)
    assert error.code == "overloaded"
