"""Service configuration: one validated settings object, built when the process starts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from civility.errors import Invalid


class Settings(BaseSettings):
    """Everything configurable, read from CIVILITY_* environment variables and `.env`."""

    model_config = SettingsConfigDict(
        env_prefix="CIVILITY_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64, description="HTTP server processes for `serve`.")
    data_dir: Path = Path("data")
    database_url: str = ""
    broker_url: str = "memory://"
    redis_url: str = ""
    broker_queue: str = Field("civility.messages", min_length=1, max_length=200)
    broker_max_attempts: int = Field(5, ge=1, le=100)
    broker_prefetch: int = Field(256, ge=1, le=65535)
    broker_queue_type: Literal["classic", "quorum"] = Field(
        "classic",
        description=(
            "RabbitMQ queue type; quorum queues replicate and dead-letter a message whose "
            "consumers keep dying (x-delivery-limit). A queue's type is fixed once declared."
        ),
    )
    events_exchange: str = Field("civility.events", min_length=1, max_length=200)
    events_outbox: bool | None = Field(
        None, description="Write outbox rows for publishing events; default: on with amqp."
    )
    events_publish: str = Field(
        "*",
        description=(
            "Event types the relay publishes (comma-separated: `*`, `message.*`, exact types);"
            " the rest stay in the event log and webhooks."
        ),
        max_length=2000,
    )
    relay_enabled: bool | None = Field(
        None, description="Run the outbox relay inside `serve`; default: on with an amqp broker."
    )
    pending_sweep_seconds: float = Field(30.0, ge=0, le=86_400)
    pending_min_age_seconds: float = Field(60.0, ge=0, le=86_400)
    webhooks_dispatcher: bool = True
    webhook_max_attempts: int = Field(5, ge=1, le=20)
    webhook_max_failures: int = Field(10, ge=1, le=10_000)
    retention_days: int = Field(
        0,
        ge=0,
        le=36_500,
        description="Blank message texts and metadata this many days after receipt (decisions, "
        "scores and counts stay); 0 keeps them.",
    )
    webhook_allowed_targets: str = Field(
        "",
        description="Networks (CIDR), addresses or host names webhooks may reach although "
        "private (comma-separated); public addresses are always allowed.",
        max_length=4000,
    )
    notifications_allowed_hosts: str = Field(
        "",
        description="Hosts (host or host:port, comma-separated) Slack/Discord channels may post "
        "to besides the platforms' own, e.g. a self-hosted relay.",
    )
    review_backlog_alert: int = Field(
        0, ge=0, le=10_000_000, description="Pending review items that raise review.backlog."
    )
    review_backlog_check_seconds: float = Field(60.0, ge=1, le=86_400)
    webhook_rotation_grace_seconds: float = Field(86_400.0, ge=0, le=30 * 86_400)
    embedded_worker: bool | None = Field(
        None, description="Run a worker inside `serve`; default: only with the in-process broker."
    )
    scorer: Literal["builtin", "cascade", "lexicon-baseline"] = "builtin"
    cascade_band: tuple[float, float] | None = Field(
        None, description="Fast toxicity band routed to the accurate tier; default: the model's."
    )
    batch_max_size: int = Field(64, ge=1, le=4096)
    batch_max_wait_ms: float = Field(10.0, ge=0, le=60_000)
    sync_batch_max_size: int = Field(64, ge=1, le=4096)
    sync_batch_max_wait_ms: float = Field(1.0, ge=0, le=1000)
    # Bounded admission on /v1/moderate (0 = unbounded): past capacity a fast 503 `overloaded`
    # beats deciding requests whose callers have given up.
    sync_max_pending: int = Field(1024, ge=0, le=1_000_000)
    sync_max_queue_wait_ms: float = Field(2000.0, ge=0, le=600_000)
    # Bounded work per process in front of every route but the probes and /metrics (0 =
    # unbounded): past it a request is answered 503 `overloaded` at once (api/admission.py)
    # instead of queueing in the event loop for seconds.
    max_in_flight: int = Field(
        256,
        ge=0,
        le=1_000_000,
        description="Requests one server process works on at once; more are answered "
        "503 overloaded with Retry-After (0 = unbounded). Health probes and /metrics are exempt.",
    )
    max_text_length: int = Field(10_000, ge=1, le=1_000_000)
    max_batch_submit: int = Field(1_000, ge=1, le=100_000)
    # Text in images (docs/ocr.md): used only where the `ocr` extra and tesseract are installed.
    ocr_languages: str = Field(
        "en",
        description="Languages (ISO 639-1, comma-separated) images are read in when a request "
        "gives no image.language; one is faster and more accurate than several.",
        max_length=100,
    )
    image_max_bytes: int = Field(5 * 1024 * 1024, ge=1024, le=64 * 1024 * 1024)
    image_max_pixels: int = Field(16_000_000, ge=10_000, le=100_000_000)
    ocr_timeout_seconds: float = Field(10.0, gt=0, le=120)
    max_images_per_submit: int = Field(
        16, ge=0, le=1000, description="Messages with an image per POST /v1/messages."
    )
    ocr_max_concurrent: int = Field(
        2, ge=1, le=64, description="Images read at once (each runs one tesseract process)."
    )
    db_pool_size: int = Field(8, ge=1, le=256)
    api_key_cache_seconds: float = Field(30.0, ge=0)
    metrics_port: int = Field(
        8001,
        ge=0,
        le=65535,
        description="Port of /metrics and /healthz in `civility worker` and `relay` (0: off).",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_json: bool = False
    ratings_user_limit: str = Field("100/hour", description="Ratings per user (`limits` syntax).")
    ratings_post_limit: str = Field("2000/minute", description="Per post; `a;b` for several.")
    ratings_max_bulk: int = Field(1_000, ge=1, le=100_000)
    ratings_flush_size: int = Field(500, ge=1, le=100_000)
    ratings_flush_interval_ms: float = Field(1000.0, ge=1, le=600_000)
    ratings_max_pending: int = Field(100_000, ge=1, le=10_000_000)
    ratings_cache_seconds: float = Field(30.0, ge=1, le=86_400)
    session_secret: str = Field(
        "", description="Signs dashboard session cookies; generated into data_dir when unset."
    )
    server_secret: str = Field(
        "",
        description="Keys the rating IP hashes (HMAC); default: derived from the session secret.",
    )
    review_senior_role: Literal["admin", "moderator"] = Field(
        "admin",
        description="Who resolves escalated items and may decide appeals of their own decisions "
        "(`moderator`: every moderator).",
    )
    review_claim_seconds: float = Field(600.0, ge=10, le=86_400)
    max_body_bytes: int = Field(
        0,
        ge=0,
        le=1 << 31,
        description="Largest request body read (413 beyond); 0: sized to the largest legal batch.",
    )
    rate_limit_service: str = Field(
        "120000/minute", description="Requests per service key (`limits` syntax; empty: none)."
    )
    rate_limit_moderator: str = Field("6000/minute", description="Requests per moderator key.")
    rate_limit_admin: str = Field("6000/minute", description="Requests per admin key.")
    rate_limit_keys: str = Field(
        "",
        description="Per-key overrides: `<key id>=<limits>` comma-separated (`ab12…=10/second`).",
        max_length=20_000,
    )
    login_max_failures: int = Field(
        5, ge=1, le=1000, description="Wrong passwords per account or address before a lockout."
    )
    login_lockout_seconds: float = Field(
        60.0, ge=1, le=86_400, description="First lockout; each further failure doubles it."
    )
    login_max_lockout_seconds: float = Field(3600.0, ge=1, le=7 * 86_400)
    login_concurrent_hashes: int = Field(
        4, ge=1, le=256, description="Password hashes computed at once (each takes 64 MiB)."
    )
    session_max_age_seconds: float = Field(12 * 3600.0, ge=60, le=30 * 86_400)
    secure_cookies: bool | None = Field(
        None, description="Mark the session cookie Secure; default: on in production."
    )
    trusted_proxies: str = Field(
        "",
        description="Addresses (IPs or CIDRs, comma-separated) whose X-Forwarded-For and "
        "X-Forwarded-Proto are believed.",
    )
    api_docs: bool | None = Field(
        None, description="Serve /docs and /redoc; default: off in production."
    )
    public_url: str = Field("", description="Base URL clients reach us at (discovery documents).")
    coral_signing_secrets: str = Field("", description="Coral signing secret(s), comma-separated.")
    coral_timeout_ms: float = Field(1500.0, ge=1, le=60_000)
    coral_trusted_roles: str = Field(
        "STAFF,ADMIN,MODERATOR",
        description="Coral roles whose comments are only flagged, never withheld (empty: none).",
    )
    coral_bans: Literal["civility", "coral"] = Field(
        "civility",
        description="Who enforces bans on Coral comments: civility (a banned author's comment "
        "is rejected) or coral (judged on its content; Coral's own bans apply).",
    )

    @field_validator("cascade_band", mode="before")
    @classmethod
    def _band(cls, value: object) -> object:
        # "0.05,0.95" in the environment; a list or tuple from code.
        if isinstance(value, str):
            return [part.strip() for part in value.split(",")] if value.strip() else None
        return value

    @field_validator("cascade_band")
    @classmethod
    def _band_order(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value is not None and not 0.0 <= value[0] < value[1] <= 1.0:
            raise ValueError("give two probabilities, low < high, e.g. 0.05,0.95")
        return value

    @field_validator("session_secret", "server_secret")
    @classmethod
    def _strong_secret(cls, value: str) -> str:
        if value and len(value) < 32:
            raise ValueError("must be at least 32 characters (e.g. `openssl rand -hex 32`)")
        return value

    @field_validator("ratings_user_limit", "ratings_post_limit")
    @classmethod
    def _rate_limit(cls, value: str) -> str:
        return _check_limits(value)

    @field_validator("rate_limit_service", "rate_limit_moderator", "rate_limit_admin")
    @classmethod
    def _role_limit(cls, value: str) -> str:
        return _check_limits(value) if value.strip() else ""

    @field_validator("rate_limit_keys")
    @classmethod
    def _key_limits(cls, value: str) -> str:
        for part in (p.strip() for p in value.split(",")):
            key_id, sep, limit = part.partition("=")
            if part and (not sep or not re.fullmatch(r"[0-9a-f]{16}", key_id.strip())):
                raise ValueError(f"{part!r} is not <16-hex-digit key id>=<limits>")
            if part:
                _check_limits(limit.strip())
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, value: str) -> str:
        import ipaddress

        for part in (p.strip() for p in value.split(",")):
            try:
                if part:
                    ipaddress.ip_network(part, strict=False)
            except ValueError:
                raise ValueError(f"{part!r} is not an IP address or network") from None
        return value

    @field_validator("events_publish")
    @classmethod
    def _event_patterns(cls, value: str) -> str:
        for pattern in (p.strip() for p in value.split(",")):
            if pattern and not re.fullmatch(r"\*|[a-z_]+(\.[a-z_]+)*(\.\*)?", pattern):
                raise ValueError(f"{pattern!r} is not `*`, `prefix.*` or an event type")
        return value

    @field_validator("broker_url")
    @classmethod
    def _known_broker(cls, value: str) -> str:
        if not value.startswith(("memory://", "amqp://", "amqps://", "redis://", "rediss://")):
            raise ValueError("must start with memory://, amqp(s):// or redis(s)://")
        return value

    @model_validator(mode="after")
    def _fill_defaults(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'civility.db').as_posix()}"
        if not self.database_url.startswith(("sqlite://", "postgresql")):
            raise ValueError("database_url must be a sqlite:// or postgresql:// URL")
        if self.env == "production" and not self.session_secret:
            # A generated secret in a local file is fine for one box, not for a deployment.
            raise ValueError("CIVILITY_SESSION_SECRET must be set in production")
        if self.embedded_worker is None:
            self.embedded_worker = self.broker_url.startswith("memory://")
        return self

    @property
    def runs_embedded_worker(self) -> bool:
        """Tells whether `serve` consumes the queue itself."""
        return bool(self.embedded_worker)

    @property
    def body_limit(self) -> int:
        """Largest request body in bytes: the setting, or room for the largest legal batch."""
        if self.max_body_bytes:
            return self.max_body_bytes
        # Every text at its longest in 4-byte UTF-8, 2 KiB of ids and metadata per message.
        return self.max_batch_submit * (self.max_text_length * 4 + 2048) + (1 << 20)

    @property
    def cookies_secure(self) -> bool:
        """Tells whether the session cookie gets the Secure flag."""
        return self.env == "production" if self.secure_cookies is None else self.secure_cookies

    @property
    def serves_api_docs(self) -> bool:
        """Tells whether /docs and /redoc are served."""
        return self.env != "production" if self.api_docs is None else self.api_docs

    @property
    def writes_outbox(self) -> bool:
        """Tells whether events get outbox rows (only worth it when a relay publishes them)."""
        if self.events_outbox is None:
            return self.broker_url.startswith(("amqp://", "amqps://"))
        return self.events_outbox

    @property
    def outbox_patterns(self) -> tuple[str, ...]:
        """Event type patterns that get outbox rows (empty: none)."""
        if not self.writes_outbox:
            return ()
        return tuple(p.strip() for p in self.events_publish.split(",") if p.strip())

    @property
    def runs_relay(self) -> bool:
        """Tells whether `serve` publishes the event outbox itself (default: with amqp)."""
        if self.relay_enabled is None:
            return self.broker_url.startswith(("amqp://", "amqps://"))
        return self.relay_enabled


def _check_limits(value: str) -> str:
    from limits import parse_many

    try:
        parse_many(value)
    except ValueError:
        raise ValueError("must be rate limits such as 100/hour or 10/minute;500/day") from None
    return value


def load_settings(**overrides: object) -> Settings:
    """Builds and validates the settings; raises Invalid with a readable message on bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"CIVILITY_{'_'.join(str(p) for p in err['loc']).upper() or 'SETTINGS'}: {err['msg']}"
            for err in exc.errors()
        )
        raise Invalid(f"invalid configuration: {problems}", code="invalid_settings") from exc
