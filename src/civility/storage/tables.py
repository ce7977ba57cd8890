"""Table definitions (SQLAlchemy Core); the Alembic migrations must build exactly these."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite only auto-increments INTEGER primary keys; PostgreSQL gets BIGINT.
BigId = BigInteger().with_variant(Integer(), "sqlite")

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("key_hash", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    # The tenant the key acts in, and the channels it is limited to (None: every channel).
    Column("tenant", String(40), nullable=False, server_default="default"),
    Column("channels", JSON, nullable=True),
    # The dashboard user (sign-in name) the key acts for, if any (migration 0018).
    Column("username", String(64), nullable=True),
)

# The installation's tenants; each one's data lives in a database (schema or file) of its own.
tenants = Table(
    "tenants",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("settings", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
)

messages = Table(
    "messages",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("platform_message_id", String(200), nullable=False),
    Column("author_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("language", String(16), nullable=True),
    Column("metadata", JSON, nullable=False, default=dict),
    Column("author_created_at", DateTime(timezone=True), nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    # The text read from the message's image (civility.ocr.models.ImageText), if it had one.
    Column("image", JSON, nullable=True),
    UniqueConstraint("channel_id", "platform_message_id", name="uq_messages_channel_platform_id"),
    Index("ix_messages_channel_received", "channel_id", "received_at"),
    Index("ix_messages_author_received", "author_id", "received_at"),
    Index("ix_messages_received", "received_at"),
)

message_scores = Table(
    "message_scores",
    metadata,
    Column("message_id", String(32), ForeignKey("messages.id"), primary_key=True),
    Column("toxicity", Float, nullable=False),
    Column("severe_toxicity", Float, nullable=False),
    Column("obscene", Float, nullable=False),
    Column("threat", Float, nullable=False),
    Column("insult", Float, nullable=False),
    Column("identity_attack", Float, nullable=False),
    Column("scorer", String(100), nullable=False),
    Column("scored_at", DateTime(timezone=True), nullable=False),
    # What the scorer detected; messages.language is what the platform sent (if anything).
    Column("language", String(16), nullable=True),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(32), primary_key=True),
    # One automated decision per message: the unique key is what makes redelivery harmless.
    Column("message_id", String(32), ForeignKey("messages.id"), nullable=False, unique=True),
    Column("action", String(8), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("policy_version", Integer, nullable=False),
    Column("scorer", String(100), nullable=True),
    Column("path", String(8), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_decisions_action_created", "action", "created_at"),
)

events = Table(
    "events",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("id", String(400), nullable=False, unique=True),
    Column("type", String(64), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("subject_type", String(32), nullable=False),
    Column("subject_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=True),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # PostgreSQL only (default pg_current_xact_id()): followers read (txid, seq) order below the
    # oldest running transaction, so an event committed late is never passed over. NULL on SQLite.
    Column("txid", BigInteger, nullable=True),
    # Followers' scans; created on SQLite too (all NULL there) so both schemas stay the same.
    Index("ix_events_txid_seq", "txid", "seq"),
    Index("ix_events_type_seq", "type", "seq"),
    Index("ix_events_subject", "subject_type", "subject_id"),
    Index("ix_events_channel_seq", "channel_id", "seq"),
)
