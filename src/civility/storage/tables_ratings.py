"""Tables of the ratings capability: current ratings and per-post running sums."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, Float, Index, Integer, String, Table

from civility.storage.tables import metadata

ratings = Table(
    "ratings",
    metadata,
    # One current rating per user per post: a new one replaces the old (upsert on this key).
    Column("post_id", String(200), primary_key=True),
    Column("user_id", String(200), primary_key=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("score", Float, nullable=False),
    Column("weight", Float, nullable=False),
    Column("suspicious", Boolean, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("user_created_at", DateTime(timezone=True), nullable=True),
    Column("ip_hash", String(16), nullable=True),
    Column("rated_at", DateTime(timezone=True), nullable=False),
    Index("ix_ratings_user_rated", "user_id", "rated_at"),
)

rating_stats = Table(
    "rating_stats",
    metadata,
    Column("post_id", String(200), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("score_sum", Float, nullable=False),
    Column("trusted_weight", Float, nullable=False),
    Column("trusted_sum", Float, nullable=False),
    Column("suspicious_count", Integer, nullable=False),
    Column("stable_average", Float, nullable=True),
    Column("stable_updated_at", DateTime(timezone=True), nullable=True),
    Column("first_rated_at", DateTime(timezone=True), nullable=True),
    Column("last_rated_at", DateTime(timezone=True), nullable=True),
)
