"""The ASGI application: routes, error handlers, metrics and the embedded worker's lifecycle."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civility import __version__, metrics
from civility.api import errors, openapi
from civility.api.admission import Admission, AdmissionMiddleware
from civility.api.edge import Dialect, EdgeMiddleware
from civility.api.ratelimit import ApiRateLimiter
from civility.api.routes import all_routers
from civility.api.routes.moderation import install_moderate_route
from civility.container import Container
from civility.jobs import JobSet, TenantJobs, recover_pending
from civility.request_ids import RequestIdMiddleware
from civility.web.app import mount as mount_dashboard

log = structlog.get_logger(__name__)

__all__ = ["MetricsMiddleware", "create_app", "recover_pending"]


# Routes are a fixed set, but a method is whatever the client sends: the cache stays bounded.
MAX_CACHED_SERIES = 1_000


class MetricsMiddleware:
    """Counts requests and their latency by route template (a bounded label set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # The labelled series, looked up once: labels() validates and locks on every call.
        self._counters: dict[tuple[str, str, str], Any] = {}
        self._latencies: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            name = getattr(route, "path", "unmatched")
            labels = (name, scope["method"], f"{status // 100}xx")
            counter = self._counters.get(labels)
            if counter is None:
                counter = metrics.HTTP_REQUESTS.labels(*labels)
                if len(self._counters) < MAX_CACHED_SERIES:
                    self._counters[labels] = counter
            counter.inc()
            latency = self._latencies.get(name)
            if latency is None:
                latency = metrics.HTTP_LATENCY.labels(name)
                if len(self._latencies) < MAX_CACHED_SERIES:
                    self._latencies[name] = latency
            latency.observe(time.perf_counter() - start)


def error_dialects() -> tuple[Dialect, ...]:
    """The drop-in routes' prefixes and how their errors are written (their clients' format)."""
    from civility.api.routes import compat_openai, compat_perspective

    return (
        Dialect(
            "/v1alpha1/", compat_perspective.render_error, translate=compat_perspective.auth_error
        ),
        # Perspective's batch endpoint: refused at the edge (too large) in Google's format too.
        Dialect("/batch", compat_perspective.render_error),
        Dialect("/v1/moderations", compat_openai.render_error),
    )


# A collection of the young generation every 50,000 allocations, not CPython's 700: under
# load, requests' short-lived objects outlived 700-allocation collections, were promoted, and
# full collections (every tracked object: the model, the rating detector's state) took about
# a quarter of the server's CPU (bench/ratings_ingest.py --http, docs/ratings.md).
SERVER_GC_THRESHOLD = (50_000, 20, 10)


def create_app(
    build: Callable[[], Container], *, on_admin_key: Callable[[str], None] | None = None
) -> FastAPI:
    """Creates the app; `build` makes the container when the app starts (never at import)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        threshold = gc.get_threshold()
        gc.set_threshold(*SERVER_GC_THRESHOLD)
        container = build()
        app.state.container = container
        settings = container.settings
        new_admin = await asyncio.to_thread(container.api_keys.ensure_admin)
        if new_admin is not None and on_admin_key is not None:
            on_admin_key(new_admin.secret)
        jobs = JobSet(
            worker=settings.runs_embedded_worker,
            relay=settings.runs_relay,
            sweeper=True,
            webhooks=True,
            backlog=True,
            ratings=True,
        )
        # Every tenant's jobs, the default tenant's first; tenants created later join.
        tenants = TenantJobs(container, jobs, recover=settings.runs_embedded_worker)
        await tenants.start()
        refresh = asyncio.create_task(tenants.run())
        try:
            yield
        finally:
            await tenants.stop()
            await refresh
            limiter: ApiRateLimiter | None = getattr(app.state, "api_rate_limiter", None)
            if limiter is not None:
                await limiter.close()
            container.close()
            gc.set_threshold(*threshold)

    app = FastAPI(
        title="Civility",
        version=__version__,
        description="Self-hosted moderation: score, rules, decisions, strikes, review, events.",
        lifespan=lifespan,
    )
    errors.install(app)
    openapi.install(app)
    # CIVILITY_MAX_IN_FLIGHT (api/admission.py): a request counts once the edge has checked
    # its key, rate limit and body; while the bound is full the early gate refuses before that.
    admission = Admission(dialects=error_dialects())
    app.add_middleware(AdmissionMiddleware, admission=admission)
    app.add_middleware(EdgeMiddleware, dialects=error_dialects())
    app.add_middleware(AdmissionMiddleware, admission=admission, counts=False)
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(RequestIdMiddleware)  # outermost: error responses carry the id too
    for router in all_routers():
        app.include_router(router)
    install_moderate_route(app)
    mount_dashboard(app)
    return app
