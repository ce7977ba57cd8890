"""The transactional outbox: one row per event not yet published to the broker."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, String, Table

from civility.storage.tables import BigId, metadata

# Written by insert_events in the transaction of the state change; a relay publishes the rows
# in `seq` order and deletes them, so the table only holds what is still in flight.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    Column("event_id", String(400), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_outbox_event_id", "event_id"),
)
