"""The composition root: builds every adapter and service from the settings, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from civility import metrics
from civility.auth.service import ApiKeyService
from civility.clock import Clock, SystemClock
from civility.moderation.engine import PolicyEngine
from civility.moderation.records import Outcome
from civility.moderation.service import ModerationService
from civility.policy.repository import InMemoryPolicyRepository
from civility.queue.base import MessageQueue
from civility.queue.memory import InMemoryQueue
from civility.scoring.base import Scorer
from civility.settings import Settings
from civility.storage.db import Database
from civility.storage.repositories import (
    SqlApiKeyRepository,
    SqlEventRepository,
    SqlModerationRepository,
)


def count_decisions(outcomes: Sequence[Outcome]) -> None:
    """Counts new decisions for /metrics."""
    for o in outcomes:
        metrics.DECISIONS.labels(o.decision.action.value, o.decision.path).inc()


def build_scorer(name: str) -> Scorer:
    """Loads the configured scorer."""
    if name == "lexicon-baseline":
        from civility.scoring.lexicon import LexiconBaselineScorer

        return LexiconBaselineScorer()
    from civility import load_scorer

    return load_scorer()


def build_queue(url: str) -> MessageQueue:
    """Creates the queue backend named by the broker URL."""
    if url.startswith("memory://"):
        return InMemoryQueue()
    raise NotImplementedError(f"broker {url.split(':', 1)[0]} is not available in this build")


@dataclass
class Container:
    """Everything a process needs, wired together."""

    settings: Settings
    db: Database
    scorer: Scorer
    queue: MessageQueue
    clock: Clock
    moderation: ModerationService
    events: SqlEventRepository
    api_keys: ApiKeyService
    extras: dict[str, object] = field(default_factory=dict)

    def close(self) -> None:
        """Releases database connections."""
        self.db.dispose()


def build_container(
    settings: Settings, *, clock: Clock | None = None, scorer: Scorer | None = None
) -> Container:
    """Builds the container; tests pass a manual clock or a scorer."""
    clock = clock or SystemClock()
    db = Database.from_url(settings.database_url, pool_size=settings.db_pool_size)
    scorer = scorer or build_scorer(settings.scorer)
    policies = InMemoryPolicyRepository()
    moderation = ModerationService(
        SqlModerationRepository(db),
        scorer,
        PolicyEngine(policies),
        clock,
        on_decided=count_decisions,
    )
    events = SqlEventRepository(db)
    keys = ApiKeyService(
        SqlApiKeyRepository(db), clock, cache_seconds=settings.api_key_cache_seconds
    )
    return Container(
        settings=settings,
        db=db,
        scorer=scorer,
        queue=build_queue(settings.broker_url),
        clock=clock,
        moderation=moderation,
        events=events,
        api_keys=keys,
    )
