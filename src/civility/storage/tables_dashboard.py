"""Tables of the dashboard: the people who log in (not the platform's message authors)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, String, Table

from civility.storage.tables import metadata

dashboard_users = Table(
    "dashboard_users",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
    Column("tenant", String(40), nullable=False, server_default="default"),
)

# Server-side dashboard sessions: the cookie names one by a random id, stored here hashed.
dashboard_sessions = Table(
    "dashboard_sessions",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("username", String(64), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
)
