"""The composition root: builds every adapter and service from the settings, in one place."""

from __future__ import annotations

import functools
import hashlib
import hmac
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from civility import metrics
from civility.appeals.service import AppealService
from civility.auth.dashboard import DashboardAccounts
from civility.auth.service import ApiKeyService
from civility.auth.sessions import resolve_session_secret
from civility.auth.throttle import LoginThrottle, Throttle
from civility.blocklists.service import BlocklistCache, BlocklistService
from civility.clock import Clock, SystemClock
from civility.enforcement.service import EnforcementService
from civility.errors import Forbidden, Invalid
from civility.events.models import Event
from civility.moderation.context import ContextLoader
from civility.moderation.group_commit import GroupCommitter
from civility.moderation.records import Outcome
from civility.moderation.service import ModerationService
from civility.notifications.service import NotificationService
from civility.observability.gauges import GaugeRefresher
from civility.ocr.engine import OcrEngine
from civility.ocr.images import ImageLimits
from civility.ocr.service import ImageReader
from civility.policy.service import PolicyService
from civility.policy.verdict import Action
from civility.queue.base import MessageQueue
from civility.queue.memory import InMemoryQueue
from civility.ratings.applier import RatingApplier
from civility.ratings.repository import MemoryRatingCache, RatingCache
from civility.ratings.service import RatingService
from civility.reports.service import ReportService
from civility.review.enforcement import ServiceEnforcement
from civility.review.service import ReviewService
from civility.scoring.base import CATEGORIES, Scorer
from civility.scoring.support import SupportMatrix
from civility.settings import Settings
from civility.storage.appeals import SqlAppealRepository
from civility.storage.backlog import SqlBacklog
from civility.storage.dashboard_users import SqlDashboardUserRepository, TenantLog
from civility.storage.db import Database, upgrade
from civility.storage.enforcement import SqlEnforcementRepository
from civility.storage.repositories import (
    SqlApiKeyRepository,
    SqlEventRepository,
    SqlModerationRepository,
)
from civility.storage.review import SqlDashboardStats, SqlReviewRepository
from civility.storage.sessions import SqlSessionStore
from civility.storage.suggestions import SqlSuggestionRepository
from civility.storage.tenants import SqlTenantRepository, default_tenant, tenant_database_url
from civility.storage.user_reports import SqlReportRepository
from civility.suggestions.service import SuggestionService
from civility.tenancy.models import DEFAULT_TENANT, Tenant
from civility.tenancy.service import TenantService
from civility.user_reports.service import UserReportService

if TYPE_CHECKING:
    from civility.notifications.backlog import BacklogWatcher
    from civility.notifications.renderer import ChatRenderer
    from civility.outbox.relay import OutboxRelay
    from civility.privacy.service import DataRightsService
    from civility.queue.sweeper import PendingSweeper
    from civility.storage.leader import FileLeader, PgAdvisoryLeader
    from civility.webhooks.dispatcher import WebhookDispatcher
    from civility.webhooks.service import WebhookService
    from civility.webhooks.targets import TargetPolicy
    from civility.worker.consumer import Worker


def decision_counter(tenant: str) -> Callable[[Sequence[Outcome]], None]:
    """Counts decisions, also per tenant name (a label bounded by the installation's tenants)."""
    by_action = {a: metrics.TENANT_DECISIONS.labels(tenant, a.value) for a in Action}

    def count(outcomes: Sequence[Outcome]) -> None:
        count_decisions(outcomes)
        for action, n in Counter(o.decision.action for o in outcomes).items():
            by_action[action].inc(n)

    return count


def count_decisions(outcomes: Sequence[Outcome]) -> None:
    """Counts new decisions and observes their scores for /metrics."""
    # One inc per series and batch, and each label set looked up once: labels() takes a lock
    # and hashes its values, which cost more than the counting itself on the worker.
    series: Counter[tuple[str, str, str]] = Counter()
    observers: dict[str, Callable[[float], None]] = {}
    for o in outcomes:
        # The decision event names the channel whose own policy decided (None: the default).
        custom = bool(o.events) and o.events[0].payload.get("policy_channel_id") is not None
        channel_class = "channel_policy" if custom else "default_policy"
        series[(o.decision.action.value, channel_class, o.decision.path)] += 1
        for category, score in (o.scores or {}).items():
            observe = observers.get(category)
            if observe is None:
                observe = observers[category] = metrics.SCORES.labels(category).observe
            observe(score)
    for labels, n in series.items():
        metrics.DECISIONS.labels(*labels).inc(n)


def observe_scoring(texts: int, seconds: float) -> None:
    """Observes one scorer call for /metrics."""
    metrics.SCORING_LATENCY.observe(seconds)
    metrics.SCORING_BATCH.observe(texts)


def build_scorer(name: str, band: tuple[float, float] | None = None) -> Scorer:
    """Loads the configured scorer (`cascade` needs the `accurate` extra)."""
    if name == "lexicon-baseline":
        from civility.scoring.lexicon import LexiconBaselineScorer

        return LexiconBaselineScorer()
    if name == "cascade":
        from civility.scoring.accurate import load_cascade

        try:
            return load_cascade(band)
        except ImportError as exc:
            raise Invalid(
                "CIVILITY_SCORER=cascade needs the accurate tier's runtime: "
                "pip install 'civility[accurate]' (onnxruntime, tokenizers)",
                code="invalid_settings",
            ) from exc
    from civility import load_scorer

    return load_scorer()


def build_queue(
    url: str,
    *,
    name: str = "civility.messages",
    max_attempts: int = 5,
    prefetch: int = 256,
    queue_type: str = "classic",
) -> MessageQueue:
    """Creates the queue backend named by the broker URL."""
    if url.startswith("memory://"):
        return InMemoryQueue(max_attempts=max_attempts)
    if url.startswith(("amqp://", "amqps://")):
        from civility.queue.rabbitmq import RabbitMQQueue

        return RabbitMQQueue(
            url, name, prefetch=prefetch, max_attempts=max_attempts, queue_type=queue_type
        )
    if url.startswith(("redis://", "rediss://")):
        from civility.queue.redis_streams import RedisStreamsQueue

        return RedisStreamsQueue(url, name, max_attempts=max_attempts)
    raise NotImplementedError(f"broker {url.split(':', 1)[0]} is not available in this build")


def build_relay(container: Container) -> OutboxRelay:
    """Builds the outbox relay that publishes events to the RabbitMQ topic exchange."""
    from civility.outbox.amqp import AmqpEventPublisher
    from civility.outbox.relay import OutboxRelay
    from civility.storage.outbox import SqlOutbox

    settings = container.settings
    if not settings.broker_url.startswith(("amqp://", "amqps://")):
        raise Invalid("the event relay needs an amqp:// broker URL", code="relay_needs_amqp")
    publisher = AmqpEventPublisher(
        settings.broker_url, settings.events_exchange, tenant=container.tenant_name
    )
    return OutboxRelay(SqlOutbox(container.db), publisher)


def build_api_keys(
    db: Database,
    clock: Clock,
    *,
    cache_seconds: float,
    tenant_log: TenantLog | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> ApiKeyService:
    """Builds the API key service (the CLI, which runs once, caches nothing)."""
    repo = SqlApiKeyRepository(db, tenant_log)
    users = SqlDashboardUserRepository(db)
    return ApiKeyService(repo, clock, cache_seconds=cache_seconds, users=users, monotonic=monotonic)


def build_dashboard_accounts(
    db: Database,
    clock: Clock,
    tenant_log: TenantLog | None = None,
    *,
    keys: ApiKeyService | None = None,
) -> DashboardAccounts:
    """Builds the dashboard accounts service; disabling a user ends their sessions (and drops
    their API keys from `keys`' cache)."""
    sessions = SqlSessionStore(db)

    def end_sessions(username: str) -> None:
        sessions.end_user(username, clock.now())

    repo = SqlDashboardUserRepository(db, tenant_log)
    forget_keys = None if keys is None else keys.forget_user
    return DashboardAccounts(repo, clock, end_sessions=end_sessions, forget_keys=forget_keys)


def tenant_log_of(settings: Settings) -> TenantLog:
    """A tenant's event log for one-off writers (the CLI): opens its database per event."""

    def append(tenant_id: str, event: Event) -> None:
        url, schema = tenant_database_url(settings.database_url, tenant_id)
        db = Database.from_url(url, pool_size=1, schema=schema)
        try:
            SqlEventRepository(db).append([event])
        finally:
            db.dispose()

    return append


def build_login_throttle(settings: Settings, clock: Clock) -> Throttle:
    """Builds the sign-in throttle: in Redis when CIVILITY_REDIS_URL is set (shared by every
    process), else in this process's memory."""
    limits = {
        "max_failures": settings.login_max_failures,
        "lockout_seconds": settings.login_lockout_seconds,
        "max_lockout_seconds": settings.login_max_lockout_seconds,
    }
    if settings.redis_url:
        from civility.storage.redis_throttle import RedisLoginThrottle

        return RedisLoginThrottle.from_url(settings.redis_url, **limits)
    return LoginThrottle(
        clock,
        max_failures=settings.login_max_failures,
        lockout_seconds=settings.login_lockout_seconds,
        max_lockout_seconds=settings.login_max_lockout_seconds,
    )


def redis_prefix(kind: str, tenant: str) -> str:
    """A Redis key prefix of one tenant's data (the default tenant keeps the original ones)."""
    return f"civility:{kind}:" if tenant == DEFAULT_TENANT else f"civility:{tenant}:{kind}:"


def build_ratings(
    settings: Settings, db: Database, clock: Clock, *, scope: str = DEFAULT_TENANT
) -> RatingService:
    """Builds the rating service: limits and cache in Redis when CIVILITY_REDIS_URL is set."""
    from civility.storage.ratings import SqlRatingRepository
    from civility.storage.ratings_cache import LimitsRateLimiter, RedisRatingCache

    cache: RatingCache = MemoryRatingCache(ttl_seconds=settings.ratings_cache_seconds)
    if settings.redis_url:
        cache = RedisRatingCache(
            settings.redis_url,
            ttl_seconds=settings.ratings_cache_seconds,
            prefix=redis_prefix("rating", scope),
        )
    limiter = LimitsRateLimiter(
        settings.redis_url or "memory://",
        user_limit=settings.ratings_user_limit,
        post_limit=settings.ratings_post_limit,
        scope="" if scope == DEFAULT_TENANT else scope,
    )
    return RatingService(
        SqlRatingRepository(db), cache, limiter, clock, ip_key=server_key(settings, "ip-hash")
    )


def server_key(settings: Settings, purpose: str) -> bytes:
    """Derives a key for one purpose from CIVILITY_SERVER_SECRET (else the session secret).

    One configured secret serves every keyed hash; deriving per purpose keeps a key that leaks
    from one use (a session cookie's signature) from opening another (rating IP hashes).
    """
    root = settings.server_secret.encode() or resolve_session_secret(settings)
    return hmac.new(root, f"civility.{purpose}".encode(), hashlib.sha256).digest()


@dataclass
class Enforcement:
    """Policies, blocklists, strikes and bans, and the decision context loaded from them."""

    policies: PolicyService
    blocklists: BlocklistService
    users: EnforcementService
    decisions: ContextLoader


def build_enforcement(
    settings: Settings, db: Database, clock: Clock, *, scope: str = DEFAULT_TENANT
) -> Enforcement:
    """Wires policies, blocklists and strikes to SQL storage (and Redis windows when set)."""
    from civility.policy.checks import MemoryWindowStore, WindowStore
    from civility.storage.enforcement import (
        SqlBlocklistRepository,
        SqlEnforcementRepository,
        SqlPolicyRepository,
    )

    policies = SqlPolicyRepository(db, clock)
    blocklist_store = SqlBlocklistRepository(db)
    cache = BlocklistCache(blocklist_store)
    records = SqlEnforcementRepository(db)
    windows: WindowStore = MemoryWindowStore()
    if settings.redis_url:
        from civility.storage.redis_windows import RedisWindowStore

        windows = RedisWindowStore.from_url(
            settings.redis_url, prefix=redis_prefix("window", scope)
        )
    return Enforcement(
        policies=PolicyService(policies, clock),
        blocklists=BlocklistService(blocklist_store, cache, clock),
        users=EnforcementService(records, policies, clock),
        decisions=ContextLoader(policies, cache, records, windows),
    )


def build_reports(db: Database, clock: Clock) -> ReportService:
    """Builds the moderation report service over SQL."""
    from civility.storage.reports import SqlReportSource

    return ReportService(SqlReportSource(db), clock)


def build_webhooks(settings: Settings, db: Database, clock: Clock) -> WebhookService:
    """Builds the webhook subscription service."""
    from civility.storage.webhooks import SqlWebhookRepository
    from civility.webhooks.service import WebhookService

    grace = timedelta(seconds=settings.webhook_rotation_grace_seconds)
    return WebhookService(
        SqlWebhookRepository(db), clock, rotation_grace=grace, targets=webhook_targets(settings)
    )


def webhook_targets(settings: Settings) -> TargetPolicy:
    """The private networks and hosts webhooks may reach (CIVILITY_WEBHOOK_ALLOWED_TARGETS)."""
    from civility.webhooks.targets import TargetPolicy

    return TargetPolicy.parse(settings.webhook_allowed_targets)


def build_notifications(settings: Settings, db: Database, clock: Clock) -> NotificationService:
    """Builds the Slack and Discord channel service (channels are webhook subscriptions)."""
    from civility.storage.webhooks import SqlWebhookRepository

    hosts = settings.notifications_allowed_hosts.split(",")
    return NotificationService(SqlWebhookRepository(db), clock, hosts)


def build_backlog_watcher(container: Container) -> BacklogWatcher | None:
    """Builds the review backlog alarm (None when off, or where webhooks are not delivered)."""
    from civility.notifications.backlog import BacklogAlarm, BacklogWatcher

    settings = container.settings
    if settings.review_backlog_alert <= 0 or not settings.webhooks_dispatcher:
        return None

    def pending(now: datetime) -> tuple[int, datetime | None]:
        depth = container.stats.queue_age(now)
        return sum(depth["flagged"]) + sum(depth["automated"]), depth["oldest"]

    return BacklogWatcher(
        BacklogAlarm(settings.review_backlog_alert),
        pending,
        container.events.append,
        container.clock,
        interval=settings.review_backlog_check_seconds,
    )


def chat_renderers(container: Container) -> dict[str, ChatRenderer]:
    """Builds the Slack and Discord renderers; their dashboard links use CIVILITY_PUBLIC_URL."""
    from civility.notifications.models import ChannelKind
    from civility.notifications.renderer import ChatRenderer
    from civility.storage.notifications import SqlMessageTexts

    texts = SqlMessageTexts(container.db)
    return {k.value: ChatRenderer(k, texts, container.settings.public_url) for k in ChannelKind}


def build_webhook_dispatcher(container: Container) -> WebhookDispatcher | None:
    """Builds the webhook dispatcher (None when this process should not deliver)."""
    from civility.storage.webhooks import SqlWebhookRepository
    from civility.webhooks.dispatcher import WebhookDispatcher

    settings = container.settings
    if not settings.webhooks_dispatcher:
        return None
    leader = leader_for(container, "webhooks-dispatcher")
    return WebhookDispatcher(
        SqlWebhookRepository(container.db),
        container.clock,
        max_attempts=settings.webhook_max_attempts,
        max_consecutive_failures=settings.webhook_max_failures,
        leader=leader,
        renderers=chat_renderers(container),
        targets=webhook_targets(settings),
        tenant=container.tenant_name,
    )


def build_worker(container: Container) -> Worker:
    """Builds a queue consumer: the one `serve` embeds and the one `civility worker` runs."""
    from civility.worker.consumer import Worker

    settings = container.settings
    return Worker(
        container.queue,
        container.moderation,
        max_batch=settings.batch_max_size,
        max_wait=settings.batch_max_wait_ms / 1000,
    )


def build_sweeper(container: Container) -> PendingSweeper | None:
    """Builds the sweeper that re-enqueues long-pending messages (None when turned off)."""
    from civility.queue.sweeper import PendingSweeper

    settings = container.settings
    if settings.pending_sweep_seconds <= 0:
        return None
    return PendingSweeper(
        container.moderation,
        container.queue,
        container.clock,
        interval=settings.pending_sweep_seconds,
        min_age=settings.pending_min_age_seconds,
        leader=leader_for(container, "sweeper"),
        # The elected sweeper also runs the retention purge (a no-op without a retention).
        also=build_data_rights(container).purge_expired,
    )


def build_data_rights(container: Container) -> DataRightsService:
    """Builds the author export/erasure and retention service."""
    from civility.privacy.service import DataRightsService
    from civility.storage.privacy import SqlAuthorData

    return DataRightsService(
        SqlAuthorData(container.db),
        container.clock,
        retention_days=container.settings.retention_days,
        # An erased rater's learned trust must not be written back from this process's memory.
        forget=(container.ratings.forget_rater,),
        refresh_ratings=container.ratings.refresh_posts,
    )


def leader_for(container: Container, job: str) -> FileLeader | PgAdvisoryLeader:
    """The leadership of one deployment-wide job: a pg advisory lock, or a file lock (SQLite)."""
    from civility.storage.leader import (
        SWEEPER_LOCK_KEY,
        WEBHOOKS_LOCK_KEY,
        FileLeader,
        PgAdvisoryLeader,
    )

    keys = {"webhooks-dispatcher": WEBHOOKS_LOCK_KEY, "sweeper": SWEEPER_LOCK_KEY}
    if container.db.dialect == "postgresql":
        key = keys[job]
        if container.tenant != DEFAULT_TENANT:
            # Each tenant elects its own leader for its own jobs.
            key = (key + zlib.crc32(container.tenant.encode()) + 1) % (1 << 62)
        return PgAdvisoryLeader(container.db.engine, key)
    return FileLeader(container.settings.data_dir / f"{job}.lock")


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
    review: ReviewService
    dashboard: DashboardAccounts
    stats: SqlDashboardStats
    session_secret: bytes
    sessions: SqlSessionStore
    login_throttle: Throttle
    ratings: RatingService
    policies: PolicyService
    blocklists: BlocklistService
    enforcement: EnforcementService
    decisions: ContextLoader
    webhooks: WebhookService
    group_commit: GroupCommitter
    rating_applier: RatingApplier
    gauges: GaugeRefresher
    reports: ReportService
    notifications: NotificationService
    user_reports: UserReportService
    appeals: AppealService
    suggestions: SuggestionService
    images: ImageReader
    tenants: TenantContainers
    tenant: str = DEFAULT_TENANT
    tenant_name: str = DEFAULT_TENANT

    def close(self) -> None:
        """Releases database connections (the root's close releases every tenant's too)."""
        if self.tenant == DEFAULT_TENANT:
            self.tenants.close()
        self.db.dispose()

    def unsupported_for(self, language: str | None) -> tuple[str, ...]:
        """Categories the scorer's support matrix rules out for ``language`` (published null)."""
        support: SupportMatrix | None = getattr(self.scorer, "support", None)
        if support is None or language is None:
            return ()
        return support.unsupported(language)


def build_image_reader(settings: Settings) -> ImageReader:
    """Builds the image reader: Tesseract where the `ocr` extra and the program are installed."""
    engine: OcrEngine | None = None
    missing = ""
    try:
        from civility.ocr.tesseract import TesseractEngine

        engine = TesseractEngine()
    except ImportError:
        missing = "the `images` extra is not installed (pip install 'civility[images]')"
    except OSError:  # pytesseract's TesseractNotFoundError
        missing = "the tesseract program is not installed (Debian: tesseract-ocr)"
    return ImageReader(
        engine,
        limits=ImageLimits(settings.image_max_bytes, settings.image_max_pixels),
        languages=[c.strip().lower() for c in settings.ocr_languages.split(",") if c.strip()],
        timeout_s=settings.ocr_timeout_seconds,
        missing=missing,
        max_concurrent=settings.ocr_max_concurrent,
    )


def build_container(
    settings: Settings,
    *,
    clock: Clock | None = None,
    scorer: Scorer | None = None,
    tenant: Tenant | None = None,
    root: Container | None = None,
) -> Container:
    """Builds the container; tests pass a manual clock or a scorer.

    With `tenant` and `root`, builds that tenant's container: its own database (schema or
    file), queue, caches and background jobs, sharing the root's credentials and scorer.
    """
    clock = clock or SystemClock()
    metrics.initialise(tuple(a.value for a in Action), CATEGORIES)
    tenant_id = DEFAULT_TENANT if tenant is None else tenant.id
    schema = None
    if tenant is not None and root is not None:
        url, schema = tenant_database_url(root.settings.database_url, tenant.id)
        settings = tenant_settings(root.settings, tenant, url)
    db = Database.from_url(
        settings.database_url,
        pool_size=settings.db_pool_size,
        outbox=settings.outbox_patterns,
        schema=schema,
    )
    if root is not None:
        scorer = root.tenants.scorer(settings.scorer, settings.cascade_band)
    scorer = scorer or build_scorer(settings.scorer, settings.cascade_band)
    metrics.MODEL_INFO.labels(scorer.name, scorer.version).set(1)
    enforcement = build_enforcement(settings, db, clock, scope=tenant_id)
    moderation = ModerationService(
        SqlModerationRepository(db),
        scorer,
        enforcement.decisions,
        clock,
        records=SqlEnforcementRepository(db),
        on_decided=decision_counter(DEFAULT_TENANT if tenant is None else tenant.name),
        on_scored=observe_scoring,
    )
    ratings = build_ratings(settings, db, clock, scope=tenant_id)
    events = SqlEventRepository(db)
    registry = root.tenants if root is not None else TenantContainers(settings, clock, db)
    if root is not None:
        keys = root.api_keys.scoped(tenant_id)
    else:
        keys = build_api_keys(
            db, clock, cache_seconds=settings.api_key_cache_seconds, tenant_log=registry.log
        )
    queue = build_queue(
        settings.broker_url,
        name=settings.broker_queue,
        max_attempts=settings.broker_max_attempts,
        prefetch=max(settings.broker_prefetch, settings.batch_max_size),
        queue_type=settings.broker_queue_type,
    )
    rating_applier = RatingApplier.from_settings(ratings.apply, settings)
    container = Container(
        settings=settings,
        db=db,
        scorer=scorer,
        queue=queue,
        clock=clock,
        moderation=moderation,
        events=events,
        api_keys=keys,
        review=ReviewService(
            SqlReviewRepository(db),
            ServiceEnforcement(enforcement.users, SqlReviewRepository(db)),
            clock,
            claim_ttl=timedelta(seconds=settings.review_claim_seconds),
        ),
        dashboard=root.dashboard
        if root
        else build_dashboard_accounts(db, clock, registry.log, keys=keys),
        stats=SqlDashboardStats(db),
        session_secret=root.session_secret if root else resolve_session_secret(settings),
        sessions=root.sessions if root else SqlSessionStore(db),
        login_throttle=root.login_throttle if root else build_login_throttle(settings, clock),
        ratings=ratings,
        policies=enforcement.policies,
        blocklists=enforcement.blocklists,
        enforcement=enforcement.users,
        decisions=enforcement.decisions,
        webhooks=build_webhooks(settings, db, clock),
        # Concurrent POST /v1/moderate calls share one scorer call and one transaction.
        group_commit=GroupCommitter(
            moderation.moderate,
            max_size=settings.sync_batch_max_size,
            max_wait=settings.sync_batch_max_wait_ms / 1000,
            max_pending=settings.sync_max_pending or None,
            max_queue_wait=(settings.sync_max_queue_wait_ms / 1000) or None,
        ),
        rating_applier=rating_applier,
        # The API process's state gauges, read before each scrape of its /metrics.
        gauges=GaugeRefresher(
            clock,
            queue=queue,
            backlog=SqlBacklog(db),
            rating_backlog=lambda: rating_applier.pending,
        ),
        reports=build_reports(db, clock),
        notifications=build_notifications(settings, db, clock),
        suggestions=SuggestionService(SqlSuggestionRepository(db), clock),
        user_reports=UserReportService(SqlReportRepository(db), SqlModerationRepository(db), clock),
        appeals=AppealService(
            SqlAppealRepository(db),
            SqlModerationRepository(db),
            SqlEnforcementRepository(db),
            clock,
            # A key created for a user is that user: they may not decide their own appeals.
            people=keys.person_of,
        ),
        images=root.images if root else build_image_reader(settings),
        tenants=registry,
        tenant=tenant_id,
        tenant_name=DEFAULT_TENANT if tenant is None else tenant.name,
    )
    if root is None:
        registry.root = container
        registry.scorers[(settings.scorer, settings.cascade_band)] = scorer
    return container


def tenant_settings(root: Settings, tenant: Tenant, database_url: str) -> Settings:
    """A tenant's settings: the installation's, with its own storage, queue and choices."""
    own = tenant.settings
    update: dict[str, object] = {
        "database_url": database_url,
        "broker_queue": f"{root.broker_queue}.{tenant.name}",
        # Its leader locks (SQLite) and any other per-process files.
        "data_dir": root.data_dir / "tenants" / tenant.id,
        # A tenant's own connection pool stays small; most tenants are quiet.
        "db_pool_size": max(1, min(root.db_pool_size, 4)),
    }
    if own.scorer is not None:
        update["scorer"] = own.scorer
    if own.cascade_band is not None:
        update["cascade_band"] = own.cascade_band
    if own.retention_days is not None:
        update["retention_days"] = own.retention_days
    return root.model_copy(update=update)


def provision_tenant(settings: Settings, tenant: Tenant) -> None:
    """Creates (or brings up to date) a tenant's database: a schema or a SQLite file."""
    url, schema = tenant_database_url(settings.database_url, tenant.id)
    upgrade(url, schema=schema)


def upgrade_tenants(settings: Settings) -> int:
    """Migrates every tenant's database to the newest schema; returns how many."""
    db = Database.from_url(settings.database_url, pool_size=1)
    try:
        tenants = SqlTenantRepository(db).list()
    finally:
        db.dispose()
    for tenant in tenants:
        provision_tenant(settings, tenant)
    return len(tenants)


class TenantContainers:
    """Every tenant's container, built on first use; the root's is the default tenant's."""

    def __init__(self, settings: Settings, clock: Clock, db: Database) -> None:
        self.root: Container | None = None
        self.scorers: dict[tuple[str, tuple[float, float] | None], Scorer] = {}
        self._built: dict[str, Container] = {}
        self._known: dict[str, Tenant] = {}
        self._lock = threading.RLock()
        self._listeners: list[Callable[[Container], None]] = []
        self.service = TenantService(
            SqlTenantRepository(db),
            clock,
            provision=functools.partial(provision_tenant, settings),
            default=default_tenant(datetime(1970, 1, 1, tzinfo=UTC)),
        )

    def get(self, tenant_id: str) -> Container:
        """Returns a tenant's container (by id); NotFound for an unknown tenant."""
        assert self.root is not None
        if tenant_id == DEFAULT_TENANT:
            return self.root
        with self._lock:
            built = self._built.get(tenant_id)
            if built is not None:
                return built
        tenant = self.service.get(tenant_id)
        if tenant.disabled:
            raise Forbidden(f"tenant {tenant.name!r} is disabled", code="tenant_disabled")
        with self._lock:
            built = self._built.get(tenant.id)
            if built is None:
                built = build_container(
                    self.root.settings, clock=self.root.clock, tenant=tenant, root=self.root
                )
                self._built[tenant.id] = built
                self._known[tenant.id] = tenant
                fresh = True
            else:
                fresh = False
        if fresh:
            for listener in list(self._listeners):
                listener(built)
        return built

    def limits(self, tenant_id: str) -> tuple[str, ...]:
        """A built tenant's own request limits (rate limit, then quota), in `limits` notation."""
        tenant = self._known.get(tenant_id)
        if tenant is None:
            return ()
        own = tenant.settings
        return tuple(x for x in (own.rate_limit, own.quota) if x is not None)

    def get_built(self, tenant_id: str) -> Container | None:
        """A tenant's container if it is built already (no I/O; for the event loop)."""
        return self._built.get(tenant_id)

    def every(self) -> list[Container]:
        """The root's container and every enabled tenant's, as the tenant list says now.

        A tenant disabled, or whose settings changed, since its container was built (by
        another process, say) is forgotten first, so it is refused or built anew.
        """
        assert self.root is not None
        current = [t for t in self.service.list() if not t.is_default]
        for t in current:
            known = self._known.get(t.id)
            if known is not None and (t.disabled or known.settings != t.settings):
                self.forget(t.id)
        return [self.root, *(self.get(t.id) for t in current if not t.disabled)]

    def forget(self, tenant_id: str) -> None:
        """Drops a tenant's built container (its settings changed): the next use rebuilds it,
        and the jobs supervisor replaces its jobs then."""
        with self._lock:
            self._built.pop(tenant_id, None)
            self._known.pop(tenant_id, None)

    def on_built(self, listener: Callable[[Container], None]) -> None:
        """Calls `listener` with each tenant container built from now on (to start its jobs)."""
        self._listeners.append(listener)

    def scorer(self, name: str, band: tuple[float, float] | None) -> Scorer:
        """One scorer per (tier, band), shared by every tenant that chose it."""
        with self._lock:
            found = self.scorers.get((name, band))
            if found is None:
                found = self.scorers[(name, band)] = build_scorer(name, band)
            return found

    def log(self, tenant_id: str, event: Event) -> None:
        """Appends an event to a tenant's own log (for credentials kept in the root's database)."""
        self.get(tenant_id).events.append([event])

    def close(self) -> None:
        """Releases every tenant's database connections."""
        with self._lock:
            built = list(self._built.values())
            self._built.clear()
        for c in built:
            c.db.dispose()
