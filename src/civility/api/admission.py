"""Admission: a bound on the requests one process works on at once, answered in our formats.

Past capacity a server without a bound keeps taking requests it cannot finish in time: they
queue in the event loop and behind the group commit, every caller waits seconds, and most
have given up by the time they are answered. With `CIVILITY_MAX_IN_FLIGHT` requests already
in flight, the next one is answered at once with `503 overloaded` and `Retry-After` (the same
answer as the group commit's own bound, and in the Perspective or OpenAI error format under
their prefixes), before any route runs, so nothing is stored and a retry is a first attempt.

The bound has two gates on one counter:

- the counting gate sits inside the edge: a request is in flight from the moment its key,
  rate limit and body have passed until its answer is sent, so slow uploads cannot hold the
  slots (as many slow clients as the bound would otherwise shut everyone out);
- the early gate sits in front of the edge and only looks: when the bound is full it refuses
  before the edge authenticates, counts the rate limit and reads the body, which halves the
  CPU of a refusal (bench/admission_cost.py): what an overloaded process has left goes to work.

Probes and the metrics scrape pass both gates: an overloaded process is alive, and it must be
seen shedding. uvicorn's `limit_concurrency` would bound the same thing, but in plain text.
"""

from __future__ import annotations

from collections.abc import Collection

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civility import metrics
from civility.api.edge import Dialect, with_edge_headers
from civility.api.errors import error_response
from civility.errors import Unavailable, http_status

# Liveness, readiness and the scrape answer whatever the load.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# As the group commit's 503 (api/errors.py answers every Unavailable with it).
RETRY_AFTER_SECONDS = 5
SHED_REASON = "in_flight"


SHED_SCOPE_KEY = "civility.shed"


def overloaded(limit: int) -> Unavailable:
    """The error a request refused past the bound gets."""
    return Unavailable(
        f"the server is overloaded ({limit} requests already in flight); retry later",
        code="overloaded",
    )


class Admission:
    """The bound one process keeps: requests in flight, the limit, and the refusal.

    `limit` None reads `max_in_flight` from the container's settings on each request (the
    container is built at startup, after the middleware); 0 means unbounded. One process runs
    one event loop, so a plain counter is exact: nothing between a check and the increment
    can yield.
    """

    def __init__(
        self,
        *,
        limit: int | None = None,
        dialects: tuple[Dialect, ...] = (),
        exempt: Collection[str] = EXEMPT_PATHS,
    ) -> None:
        self.in_flight = 0
        self._limit = limit
        self._dialects = dialects
        self._exempt = exempt

    def applies(self, scope: Scope) -> bool:
        """Tells whether the bound applies to a request (HTTP, not a probe or the scrape)."""
        return scope["type"] == "http" and scope["path"] not in self._exempt

    def full(self, scope: Scope) -> int:
        """Returns the limit when it is reached (the request must be refused), else 0."""
        limit = self._limit
        if limit is None:
            limit = int(scope["app"].state.container.settings.max_in_flight)
        return limit if limit and self.in_flight >= limit else 0

    async def refuse(self, limit: int, path: str, send: Send) -> None:
        """Answers 503 `overloaded` with Retry-After, in the error format of the path."""
        metrics.SHED.labels(SHED_REASON).inc()
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


class AdmissionMiddleware:
    """One gate of an Admission: the counting one (inside the edge) or an early look.

    Without an `admission` it makes its own from `limit` and `dialects`: one counting gate,
    which is the whole bound where no early gate is wanted.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        admission: Admission | None = None,
        counts: bool = True,
        limit: int | None = None,
        dialects: tuple[Dialect, ...] = (),
    ) -> None:
        self.app = app
        self.admission = admission or Admission(limit=limit, dialects=dialects)
        self._counts = counts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        admission = self.admission
        if not admission.applies(scope):
            await self.app(scope, receive, send)
            return
        limit = admission.full(scope)
        if limit:
            path = scope["path"]
            # Counted by the shed metric: a warning line per refusal would flood the log
            # (and cost a third of a refusal's CPU) exactly when the process is busiest.
            scope[SHED_SCOPE_KEY] = True
            # In front of the edge, the edge's headers (security policy) are added here.
            await admission.refuse(
                limit, path, send if self._counts else with_edge_headers(send, path, None)
            )
            return
        if not self._counts:
            await self.app(scope, receive, send)
            return
        admission.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            admission.in_flight -= 1
