"""The ASGI application: routes, error handlers, metrics and the embedded worker's lifecycle."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from civility import __version__, metrics
from civility.api import errors, openapi
from civility.api.edge import Dialect, EdgeMiddleware
from civility.api.ratelimit import ApiRateLimiter
from civility.api.routes import all_routers
from civility.container import (
    Container,
    build_backlog_watcher,
    build_relay,
    build_sweeper,
    build_webhook_dispatcher,
    build_worker,
)
from civility.request_ids import RequestIdMiddleware
from civility.web.app import mount as mount_dashboard
from civility.worker.consumer import Worker

log = structlog.get_logger(__name__)

RECOVERY_PAGE = 1000


class MetricsMiddleware:
    """Counts requests and their latency by route template (a bounded label set)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
            metrics.HTTP_REQUESTS.labels(name, scope["method"], f"{status // 100}xx").inc()
            metrics.HTTP_LATENCY.labels(name).observe(time.perf_counter() - start)


async def recover_pending(container: Container) -> int:
    """Re-enqueues accepted but undecided messages (the in-process queue does not survive)."""
    pending = await asyncio.to_thread(container.moderation.pending, RECOVERY_PAGE * 100)
    if pending:
        await container.queue.publish([{"id": m.id} for m in pending])
        log.info("worker.recovered_pending", count=len(pending))
    return len(pending)


def _dialects() -> tuple[Dialect, ...]:
    from civility.api.routes import compat_openai, compat_perspective

    return (
        Dialect(
            "/v1alpha1/", compat_perspective.render_error, translate=compat_perspective.auth_error
        ),
        # Perspective's batch endpoint: refused at the edge (too large) in Google's format too.
        Dialect("/batch", compat_perspective.render_error),
        Dialect("/v1/moderations", compat_openai.render_error),
    )


def create_app(
    build: Callable[[], Container], *, on_admin_key: Callable[[str], None] | None = None
) -> FastAPI:
    """Creates the app; `build` makes the container when the app starts (never at import)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        container = build()
        app.state.container = container
        settings = container.settings
        new_admin = await asyncio.to_thread(container.api_keys.ensure_admin)
        if new_admin is not None and on_admin_key is not None:
            on_admin_key(new_admin.secret)
        await container.queue.start()
        worker_task: asyncio.Task[Any] | None = None
        worker: Worker | None = None
        if settings.runs_embedded_worker:
            worker = build_worker(container)
            await recover_pending(container)
            worker_task = asyncio.create_task(worker.run())
        rating_applier = container.rating_applier
        rating_applier.start()
        relay = build_relay(container) if settings.runs_relay else None
        relay_task = asyncio.create_task(relay.run()) if relay is not None else None
        sweeper = build_sweeper(container)
        sweeper_task = asyncio.create_task(sweeper.run()) if sweeper is not None else None
        hooks = build_webhook_dispatcher(container)
        hooks_task = asyncio.create_task(hooks.run()) if hooks is not None else None
        backlog = build_backlog_watcher(container)
        backlog_task = asyncio.create_task(backlog.run()) if backlog is not None else None
        try:
            yield
        finally:
            if backlog is not None and backlog_task is not None:
                backlog.stop()
                await asyncio.wait_for(backlog_task, timeout=10)
            if hooks is not None and hooks_task is not None:
                hooks.stop()
                await asyncio.wait_for(hooks_task, timeout=30)
            if sweeper is not None and sweeper_task is not None:
                sweeper.stop()
                await asyncio.wait_for(sweeper_task, timeout=10)
            if relay is not None and relay_task is not None:
                relay.stop()
                await asyncio.wait_for(relay_task, timeout=10)
                await relay.close()
            if worker is not None and worker_task is not None:
                worker.stop()
                await asyncio.wait_for(worker_task, timeout=10)
            await rating_applier.close()
            limiter: ApiRateLimiter | None = getattr(app.state, "api_rate_limiter", None)
            if limiter is not None:
                await limiter.close()
            await container.queue.close()
            container.close()

    app = FastAPI(
        title="Civility",
        version=__version__,
        description="Self-hosted moderation: score, rules, decisions, strikes, review, events.",
        lifespan=lifespan,
    )
    errors.install(app)
    openapi.install(app)
    app.add_middleware(EdgeMiddleware, dialects=_dialects())
    app.add_middleware(MetricsMiddleware)
    app.add_middleware(RequestIdMiddleware)  # outermost: error responses carry the id too
    for router in all_routers():
        app.include_router(router)
    mount_dashboard(app)
    return app
