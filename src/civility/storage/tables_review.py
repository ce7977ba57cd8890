"""Tables of the review capability: the review projection and moderators' notes."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from civility.storage.tables import metadata

# The human side of a queue item, keyed by message: a pending row (version 0) appears with
# the automated decision (migration 0017's trigger on decisions), and the review.* events'
# transitions update it in the same transaction as they are written.
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
    # review/priority.py's points of what the item is about (reasons, severity): fixed once the
    # decision is made. Report points are not in them.
    Column("base_points", Integer, nullable=False),
    # priority.sort_key with the open reports' points: the queue's priority order, kept exact
    # by every write that opens or closes a report (storage/user_reports.py).
    Column("priority_key", BigInteger, nullable=False),
    Index("ix_review_items_state", "state"),
    # WHERE state = 'pending' ORDER BY priority_key DESC pages walk this index.
    Index("ix_review_items_state_priority", "state", "priority_key"),
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
