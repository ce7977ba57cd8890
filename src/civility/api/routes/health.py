"""Liveness, readiness and metrics (no key needed)."""

from __future__ import annotations

import anyio
from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from civility import metrics
from civility.api.deps import ContainerDep
from civility.api.errors import error_response

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Answers while the process is up."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
async def readyz(c: ContainerDep) -> dict[str, object] | Response:
    """Answers 200 when the database and queue are reachable and the model is loaded."""
    checks: dict[str, str] = {}
    try:
        await anyio.to_thread.run_sync(c.db.ping)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    try:
        await c.queue.ping()
        checks["queue"] = "ok"
    except Exception as exc:
        checks["queue"] = f"unreachable: {type(exc).__name__}"
    checks["model"] = f"{c.scorer.name}:{c.scorer.version}"
    failing = [k for k, v in checks.items() if v.startswith("unreachable")]
    if failing:
        return error_response(
            503, "not_ready", "not ready: " + ", ".join(f"{k} {checks[k]}" for k in failing)
        )
    return {"status": "ready", "checks": checks}


@router.get("/metrics")
async def prometheus_metrics(c: ContainerDep) -> Response:
    """Prometheus metrics (the queue depth and backlog gauges are read first)."""
    await c.gauges.refresh()
    return Response(generate_latest(metrics.exposition_registry()), media_type=CONTENT_TYPE_LATEST)
