"""Liveness, readiness and metrics (no key needed)."""

from __future__ import annotations

import weakref

import anyio
from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from civility import metrics
from civility.api.deps import ContainerDep
from civility.api.errors import error_response
from civility.errors import DomainError
from civility.storage.db import Database
from civility.storage.health import WriteProbe

router = APIRouter(tags=["health"])
# A write that takes longer than this means not ready (a held lock, a stalled disk).
WRITE_PROBE_SECONDS = 2.0
_probes: weakref.WeakKeyDictionary[Database, WriteProbe] = weakref.WeakKeyDictionary()


async def _writable(db: Database) -> str:
    probe = _probes.setdefault(db, WriteProbe(db))
    with anyio.move_on_after(WRITE_PROBE_SECONDS):
        # abandon_on_cancel: the thread finishes on its own; the probe's lock keeps the next
        # check from piling another waiting write on top of it.
        done = await anyio.to_thread.run_sync(probe.check, abandon_on_cancel=True)
        return "ok" if done else "failing: an earlier write probe is still waiting"
    return f"failing: no write committed within {WRITE_PROBE_SECONDS:g} s"


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Answers while the process is up."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
async def readyz(c: ContainerDep) -> dict[str, object] | Response:
    """Answers 200 when the database commits a write, the queue answers and the model is loaded."""
    checks: dict[str, str] = {}
    try:
        await anyio.to_thread.run_sync(c.db.ping)
        checks["database"] = await _writable(c.db)
    except DomainError as exc:
        checks["database"] = f"failing: {exc.message}"
    except Exception as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    try:
        await c.queue.ping()
        checks["queue"] = "ok"
    except Exception as exc:
        checks["queue"] = f"unreachable: {type(exc).__name__}"
    checks["model"] = f"{c.scorer.name}:{c.scorer.version}"
    failing = [k for k, v in checks.items() if v.startswith(("unreachable", "failing"))]
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
