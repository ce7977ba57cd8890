"""Table of score suggestions (Perspective's suggestscore): append-only labelled data."""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, Float, Index, String, Table, Text

from civility.storage.tables import metadata

score_suggestions = Table(
    "score_suggestions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
    # SHA-256 of the text: the suggestions shown beside stored messages with the same text.
    Column("text_sha256", String(64), nullable=False),
    Column("attribute", String(64), nullable=False),
    Column("category", String(32), nullable=True),
    Column("value", Float, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("submitted_by", String(64), nullable=False),
    Column("community_id", String(200), nullable=True),
    Column("session_id", String(200), nullable=True),
    Column("client_token", String(1000), nullable=True),
    Index("ix_score_suggestions_text", "text_sha256"),
    Index("ix_score_suggestions_created", "created_at", "id"),
)
