"""Admission: a bound on the requests one process works on at once, answered in our formats.

Past capacity a server without a bound keeps taking requests it cannot finish in time: they
queue in the event loop and behind the group commit, every caller waits seconds, and most
have given up by the time they are answered. With `CIVILITY_MAX_IN_FLIGHT` requests already
in flight, the next one is answered at once with `503 overloaded` and `Retry-After` (the same
answer as the group commit's own bound, and in the Perspective or OpenAI error format under
their prefixes), before any route runs, so nothing is stored and a retry is a first attempt.

It sits inside the edge: a request is counted once its key, rate limit and body have been
checked, so a slow upload or a flood of unauthenticated calls cannot hold the slots, and the
edge's headers (security, rate limit) are on the 503 too. Probes and the metrics scrape are
never refused: an overloaded process is alive, and it must be seen shedding.

uvicorn's `limit_concurrency` would bound the same thing, but answers in plain text.
"""

from __future__ import annotations

from collections.abc import Collection

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civility import metrics
from civility.api.edge import Dialect
from civility.api.errors import error_response
from civility.errors import Unavailable, http_status

# Liveness, readiness and the scrape answer whatever the load.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# As the group commit's 503 (api/errors.py answers every Unavailable with it).
RETRY_AFTER_SECONDS = 5
SHED_REASON = "in_flight"


def overloaded(limit: int) -> Unavailable:
    """The error a request refused past the bound gets."""
    return Unavailable(
        f"the server is overloaded ({limit} requests already in flight); retry later",
        code="overloaded",
    )


class AdmissionMiddleware:
    """Refuses a request with 503 `overloaded` while `limit` requests are in flight.

    `limit` None reads `max_in_flight` from the container's settings on each request (the
    container is built at startup, after the middleware); 0 means unbounded. One process runs
    one event loop, so a plain counter is exact: nothing between the check and the increment
    can yield.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int | None = None,
        dialects: tuple[Dialect, ...] = (),
        exempt: Collection[str] = EXEMPT_PATHS,
    ) -> None:
        self.app = app
        self._limit = limit
        self._dialects = dialects
        self._exempt = exempt
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self._exempt:
            await self.app(scope, receive, send)
            return
        limit = self._limit
        if limit is None:
            limit = int(scope["app"].state.container.settings.max_in_flight)
        if limit and self.in_flight >= limit:
            metrics.SHED.labels(SHED_REASON).inc()
            await self._refuse(limit, scope["path"], send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _refuse(self, limit: int, path: str, send: Send) -> None:
        error = overloaded(limit)
        status = http_status(error)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        dialect = next((d for d in self._dialects if path.startswith(d.prefix)), None)
        if dialect is None:
            response = error_response(status, error.code, error.message, **headers)
        else:
            body = dialect.render(status, error.code, error.message)
            response = JSONResponse(body, status, headers=headers)

        async def receive() -> Message:  # the request's body is not ours to read
            return {"type": "http.disconnect"}

        await response({"type": "http", "method": "GET", "path": path}, receive, send)
