"""Tables of the review capability: the review projection and moderators' notes."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from civility.storage.tables import metadata

# The human side of a queue item, keyed by message; rows appear on the first transition.
# It is a projection of the review.* events, written in the same transaction as they are.
review_items = Table(
    "review_items",
    metadata,
    Column("message_id", String(32), ForeignKey("messages.id"), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("claimed_by", String(200), nullable=True),
    Column("claim_expires_at", DateTime(timezone=True), nullable=True),
    Column("resolution", String(16), nullable=True),
    Column("resolved_by", String(200), nullable=True),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False),
    Index("ix_review_items_state", "state"),
)

review_notes = Table(
    "review_notes",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("subject_type", String(16), nullable=False),
    Column("subject_id", String(200), nullable=False),
    Column("author", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_review_notes_subject", "subject_type", "subject_id"),
)
