"""Tables of the ratings capability: versions, current ratings, flags, reviews, per-post sums."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from civility.storage.tables import metadata

# Every rating as it was applied, append-only: events name these ids, so they always resolve.
rating_versions = Table(
    "rating_versions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("post_id", String(200), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("score", Float, nullable=False),
    Column("trust", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("user_created_at", DateTime(timezone=True), nullable=True),
    Column("ip_hash", String(16), nullable=True),
    Column("client_hash", String(16), nullable=True),
    Column("rated_at", DateTime(timezone=True), nullable=False),
    Index("ix_rating_versions_pair", "post_id", "user_id", "rated_at"),
)

ratings = Table(
    "ratings",
    metadata,
    # The current version per user per post (a projection of rating_versions and the flags).
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
    Column("trust", Float, nullable=False, server_default="1.0"),
    Column("client_hash", String(16), nullable=True),
    Index("ix_ratings_user_rated", "user_id", "rated_at"),
)

# A flag belongs to (post, user) and outlives re-rating; lifted by a moderator or expiry.
rating_flags = Table(
    "rating_flags",
    metadata,
    Column("post_id", String(200), primary_key=True),
    Column("user_id", String(200), primary_key=True),
    Column("reasons", JSON, nullable=False),
    Column("flagged_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Column("review_id", String(32), nullable=True),
    Column("lifted_at", DateTime(timezone=True), nullable=True),
    Column("lifted_by", String(200), nullable=True),
    Index("ix_rating_flags_review", "review_id"),
)

# One item per burst, review bomb, collusion block or account, with its evidence.
rating_reviews = Table(
    "rating_reviews",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("key", String(300), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("post_ids", JSON, nullable=False),
    Column("user_ids", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("resolved_by", String(200), nullable=True),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("note", Text, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_rating_reviews_status", "status", "created_at"),
    Index("ix_rating_reviews_key", "key", "status"),
)

# What the trust model learned about each rater (counters decay; see ratings/trust.py).
rater_trust = Table(
    "rater_trust",
    metadata,
    Column("user_id", String(200), primary_key=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("active_days", Float, nullable=False),
    Column("agree", Float, nullable=False),
    Column("judged", Float, nullable=False),
    Column("last_day", Integer, nullable=False),
    # [[post_id, score, rated_at iso], ...]: ratings waiting for their eventual consensus
    Column("pending", JSON, nullable=False),
    Column("blocked", Boolean, nullable=False),
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
    # The open review item (a review bomb) that explains the post's recent change.
    Column("marker", String(32), nullable=True),
)
