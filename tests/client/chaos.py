"""A proxy in front of the real server that fails requests on purpose, deterministically."""

from __future__ import annotations

import asyncio
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx
import uvicorn
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from tests.compat.server_process import free_port

_HOP_HEADERS = {"host", "content-length", "connection", "keep-alive", "transfer-encoding"}


@dataclass
class Chaos:
    """Forwards to `upstream`; fails `fail_rate` of requests (seeded) and throttles the first N.

    Half the injected failures happen after the upstream answered (the server did the work and
    the answer is lost), which is what makes retrying non-idempotent calls dangerous.
    """

    upstream: str
    seed: int = 7
    fail_rate: float = 0.0
    throttle_first: int = 0
    retry_after: str = "1"
    # Holds every answer this long (timeouts) / rewrites successful bodies (path, body) -> body.
    delay: float = 0.0
    rewrite: Callable[[str, bytes], bytes] | None = None
    requests: int = 0
    injected: int = 0
    throttled: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    connections: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        client = scope.get("client")
        if client:
            self.connections.add((client[0], client[1]))
        self.requests += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            response = await self._answer(Request(scope, receive))
            await response(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: Request) -> Response:
        await asyncio.sleep(0.002 + self.delay)  # long enough for concurrent calls to overlap
        if self.throttled < self.throttle_first:
            self.throttled += 1
            return Response(status_code=429, headers={"Retry-After": self.retry_after})
        roll = self._rng.random()
        if roll < self.fail_rate / 2:
            self.injected += 1
            return Response(status_code=self._rng.choice((500, 502, 503)))
        upstream = await self._forward(request)
        if roll < self.fail_rate:
            self.injected += 1
            return Response(status_code=502)  # the work is done, the answer is lost
        return upstream

    async def _forward(self, request: Request) -> Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        # One short-lived upstream client per request: nothing outlives uvicorn's event loop.
        async with httpx.AsyncClient(base_url=self.upstream, timeout=30) as http:
            r = await http.request(
                request.method,
                request.url.path,
                params=request.query_params.multi_items(),
                headers=headers,
                content=await request.body(),
            )
        content = r.content
        if self.rewrite is not None and r.status_code < 300:
            content = self.rewrite(request.url.path, content)
        return Response(
            content,
            status_code=r.status_code,
            headers={k: v for k, v in r.headers.items() if k.lower() not in _HOP_HEADERS},
        )


@contextmanager
def running(app: Chaos) -> Iterator[str]:
    """Serves the proxy with uvicorn in a thread; yields its URL."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="off", timeout_keep_alive=60
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready = threading.Event()
    while not server.started and thread.is_alive():
        ready.wait(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
