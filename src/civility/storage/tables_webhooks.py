"""Webhook subscriptions and their delivery log."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from civility.storage.tables import BigId, metadata

webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("url", String(2000), nullable=False),
    Column("event_types", JSON, nullable=False),
    # Stored in clear: HMAC signing needs the secret itself (protect the database like a vault).
    Column("secret", String(100), nullable=False),
    Column("previous_secret", String(100), nullable=True),
    Column("previous_secret_until", DateTime(timezone=True), nullable=True),
    Column("enabled", Boolean, nullable=False),
    Column("consecutive_failures", Integer, nullable=False),
    # The position reached in the event log: (cursor_txid, cursor), see EventPosition.
    Column("cursor", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("cursor_txid", BigInteger, nullable=False, server_default="0"),
    # `webhook` (signed JSON events), or a chat notification channel (`slack`, `discord`) whose
    # options (severity, quiet hours, text) live in `options`.
    Column("kind", String(16), nullable=False, server_default="webhook"),
    Column("options", JSON, nullable=True),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column(
        "subscription_id",
        String(32),
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("event_id", String(64), nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("ok", Boolean, nullable=False),
    Column("error", String(500), nullable=True),
    Column("duration_ms", Float, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_webhook_deliveries_subscription_id", "subscription_id", "id"),
)
