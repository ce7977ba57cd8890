"""Table of human decisions: people's decisions on messages, on top of the automated one."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, UniqueConstraint

from civility.storage.tables import metadata

# Append-only; a message's newest row (highest version) is its current decision.
human_decisions = Table(
    "human_decisions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("message_id", String(32), ForeignKey("messages.id"), nullable=False),
    # 1, 2, … per message: unique, so two decisions on the same current one cannot both commit.
    Column("version", Integer, nullable=False),
    Column("action", String(8), nullable=False),
    Column("previous_action", String(8), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("source", String(16), nullable=False),
    Column("reverses", String(32), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("message_id", "version", name="uq_human_decisions_message_version"),
    Index("ix_human_decisions_created", "created_at"),
)
