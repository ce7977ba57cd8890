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
SHED = Counter(
    "civility_requests_shed_total",
    "Requests refused as overloaded (503), by reason: in_flight (any route, at the front),"
    " queue_full and queue_wait (POST /v1/moderate's group commit), ratings_backlog (the"
    " rating applier's backlog bound).",
    ["reason"],
    registry=REGISTRY,
)
DECISIONS = Counter(
    "civility_decisions_total",
    "Decisions by action, channel class (channel_policy / default_policy) and path.",
    ["action", "channel_class", "path"],
    registry=REGISTRY,
)
# One series per tenant and action: bounded by the installation's tenants (docs/tenancy.md).
TENANT_DECISIONS = Counter(
    "civility_tenant_decisions_total",
    "Decisions by tenant (name) and action.",
    ["tenant", "action"],
    registry=REGISTRY,
)
WORKER_FAILURES = Counter(
    "civility_worker_batch_failures_total",
    "Worker batches that failed and were requeued.",
    registry=REGISTRY,
)

# Below: what the alerts, the dashboard and docs/runbook.md read (issue 18). Label values are
# bounded: categories, actions, paths and reasons are fixed sets; nothing per message or user.
SCORES = Histogram(
    "civility_score",
    "Model scores of decided messages, by category (the score distribution; drift alert).",
    ["category"],
    buckets=(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0),
    registry=REGISTRY,
)
SCORING_BATCH = Histogram(
    "civility_scoring_batch_size",
    "Texts per scorer call.",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
    registry=REGISTRY,
)
WORKER_MESSAGES = Counter(
    "civility_worker_messages_total",
    "Messages a queue worker decided (per process: Prometheus adds the instance label).",
    registry=REGISTRY,
)
DEAD_LETTERS = Counter(
    "civility_dead_letters_total",
    "Queue deliveries dead-lettered: rejected (poison, no retry) or out of attempts.",
    ["reason"],
    registry=REGISTRY,
)
MODEL_INFO = Gauge(
    "civility_model_info",
    "1 for the scorer and model version this process serves (a deploy that changes it shows).",
    ["scorer", "version"],
    registry=REGISTRY,
    multiprocess_mode="max",
)
RELAY_EVENTS = Counter(
    "civility_relay_events_total",
    "Events the outbox relay published to the broker.",
    registry=REGISTRY,
)
OLDEST_PENDING = Gauge(
    "civility_oldest_pending_seconds",
    "Age of the oldest accepted, undecided message received in the last day (0: none).",
    registry=REGISTRY,
    multiprocess_mode="max",
)
OUTBOX_PENDING = Gauge(
    "civility_outbox_pending",
    "Events written to the outbox and not yet published by the relay.",
    registry=REGISTRY,
    multiprocess_mode="max",
)
OUTBOX_LAG = Gauge(
    "civility_outbox_lag_seconds",
    "Age of the oldest event waiting in the outbox (0: none).",
    registry=REGISTRY,
    multiprocess_mode="max",
)
WEBHOOK_LAG = Gauge(
    "civility_webhook_lag_seconds",
    "Age of the oldest event the most behind enabled webhook subscription has not passed.",
    registry=REGISTRY,
    multiprocess_mode="max",
)
RATING_BACKLOG = Gauge(
    "civility_rating_backlog",
    "Accepted ratings waiting to be applied (this process).",
    registry=REGISTRY,
    multiprocess_mode="sum",
)
RATING_APPLY_LAG = Histogram(
    "civility_rating_apply_lag_seconds",
    "Per applied rating batch: seconds from its oldest rating's acceptance to its commit (an"
    " upper bound for every rating in it).",
    buckets=(0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 30),
    registry=REGISTRY,
)
GAUGE_ERRORS = Counter(
    "civility_gauge_refresh_failures_total",
    "Failed gauge refreshes (database or broker unreachable), by gauge source.",
    ["source"],
    registry=REGISTRY,
)

DEAD_LETTER_REASONS = ("rejected", "attempts")
CHANNEL_CLASSES = ("channel_policy", "default_policy")
PATHS = ("sync", "async")


def initialise(actions: tuple[str, ...], categories: tuple[str, ...]) -> None:
    """Creates every labelled series at zero, so rate() and the dashboard see them at once."""
    for action in actions:
        for channel_class in CHANNEL_CLASSES:
            for path in PATHS:
                DECISIONS.labels(action, channel_class, path)
    for category in categories:
        SCORES.labels(category)
    for path in PATHS:
        BATCH_SIZE.labels(path)
    for reason in DEAD_LETTER_REASONS:
        DEAD_LETTERS.labels(reason)
    for reason in ("in_flight", "queue_full", "queue_wait", "ratings_backlog"):
        SHED.labels(reason)


def count_dead_letters(count: int, *, retry_asked: bool) -> None:
    """Counts deliveries a queue backend moved to its dead letters."""
    if count:
        DEAD_LETTERS.labels("attempts" if retry_asked else "rejected").inc(count)
