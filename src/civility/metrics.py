"""Every Prometheus metric of the service, declared once with bounded label sets."""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, multiprocess

# With several server processes (`civility serve --workers N`) every process writes its samples
# to files in PROMETHEUS_MULTIPROC_DIR and /metrics aggregates them; then metrics must not be
# registered on the registry that collects.
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
REGISTRY: CollectorRegistry | None = None if MULTIPROCESS else CollectorRegistry(auto_describe=True)


def exposition_registry() -> CollectorRegistry:
    """Returns the registry /metrics renders (aggregated over processes when there are several)."""
    if REGISTRY is not None:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


HTTP_REQUESTS = Counter(
    "civility_http_requests_total",
    "HTTP requests by route template, method and status class.",
    ["route", "method", "status"],
    registry=REGISTRY,
)
HTTP_LATENCY = Histogram(
    "civility_http_request_seconds",
    "HTTP request latency by route template.",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
    registry=REGISTRY,
)
SCORING_LATENCY = Histogram(
    "civility_scoring_seconds",
    "Time of one scorer call (a whole batch).",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1),
    registry=REGISTRY,
)
BATCH_SIZE = Histogram(
    "civility_batch_size",
    "Messages per processed batch, by path (sync = /v1/moderate, async = worker).",
    ["path"],
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
    registry=REGISTRY,
)
QUEUE_DEPTH = Gauge(
    "civility_queue_depth",
    "Messages waiting in the scoring queue.",
    registry=REGISTRY,
    multiprocess_mode="max",
)
DECISIONS = Counter(
    "civility_decisions_total",
    "Decisions by action and path.",
    ["action", "path"],
    registry=REGISTRY,
)
WORKER_FAILURES = Counter(
    "civility_worker_batch_failures_total",
    "Worker batches that failed and were requeued.",
    registry=REGISTRY,
)
