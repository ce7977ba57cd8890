"""Tables of user reports, reporters' records and appeals."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from civility.storage.tables import metadata

# One row per (message, reporter): a repeated report finds the first one.
user_reports = Table(
    "user_reports",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("message_id", String(32), ForeignKey("messages.id"), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("reporter_id", String(200), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("text", Text, nullable=True),
    # The reporter's weight when the report arrived, in thousandths.
    Column("weight_milli", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_by", String(200), nullable=True),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("message_id", "reporter_id", name="uq_user_reports_message_reporter"),
    Index("ix_user_reports_status_message", "status", "message_id"),
    Index("ix_user_reports_reporter", "reporter_id"),
)

# How each reporter's judged reports went: the input of their weight.
reporters = Table(
    "reporters",
    metadata,
    Column("reporter_id", String(200), primary_key=True),
    Column("upheld", Integer, nullable=False),
    Column("rejected", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

appeals = Table(
    "appeals",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),
    # decision:<message id> or ban:<author>:<channel|*>:<issued at>: one appeal each.
    Column("subject_key", String(500), nullable=False, unique=True),
    Column("author_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=True),
    Column("message_id", String(32), ForeignKey("messages.id"), nullable=True),
    Column("statement", Text, nullable=False),
    Column("original_action", String(16), nullable=False),
    Column("original_actor", String(200), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("decided_by", String(200), nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("decision_note", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_appeals_status_created", "status", "created_at"),
    Index("ix_appeals_author", "author_id"),
)
