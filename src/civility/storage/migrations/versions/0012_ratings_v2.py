"""ratings v2: rating versions, sticky flags, rating review items, post marker, rater trust

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "rating_versions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("post_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("trust", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("user_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ip_hash", sa.String(length=16), nullable=True),
        sa.Column("client_hash", sa.String(length=16), nullable=True),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_versions")),
    )
    with op.batch_alter_table("rating_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rating_versions_pair", ["post_id", "user_id", "rated_at"], unique=False
        )
    # The current ratings become their own first versions, so events about them keep resolving.
    op.execute(
        "INSERT INTO rating_versions (id, post_id, user_id, score, trust, reasons, "
        "user_created_at, ip_hash, client_hash, rated_at) SELECT id, post_id, user_id, score, "
        "weight, reasons, user_created_at, ip_hash, NULL, rated_at FROM ratings"
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trust", sa.Float(), nullable=False, server_default="1.0"))
        batch_op.add_column(sa.Column("client_hash", sa.String(length=16), nullable=True))
    op.create_table(
        "rating_flags",
        sa.Column("post_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_id", sa.String(length=32), nullable=True),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("post_id", "user_id", name=op.f("pk_rating_flags")),
    )
    with op.batch_alter_table("rating_flags", schema=None) as batch_op:
        batch_op.create_index("ix_rating_flags_review", ["review_id"], unique=False)
    op.create_table(
        "rating_reviews",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("post_ids", sa.JSON(), nullable=False),
        sa.Column("user_ids", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_reviews")),
    )
    with op.batch_alter_table("rating_reviews", schema=None) as batch_op:
        batch_op.create_index("ix_rating_reviews_status", ["status", "created_at"], unique=False)
        batch_op.create_index("ix_rating_reviews_key", ["key", "status"], unique=False)
    with op.batch_alter_table("rating_stats", schema=None) as batch_op:
        batch_op.add_column(sa.Column("marker", sa.String(length=32), nullable=True))
    op.create_table(
        "rater_trust",
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active_days", sa.Float(), nullable=False),
        sa.Column("agree", sa.Float(), nullable=False),
        sa.Column("judged", sa.Float(), nullable=False),
        sa.Column("last_day", sa.Integer(), nullable=False),
        sa.Column("pending", sa.JSON(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_rater_trust")),
    )


def downgrade() -> None:
    """Reverts this revision."""
    op.drop_table("rater_trust")
    with op.batch_alter_table("rating_stats", schema=None) as batch_op:
        batch_op.drop_column("marker")
    op.drop_table("rating_reviews")
    op.drop_table("rating_flags")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_column("client_hash")
        batch_op.drop_column("trust")
    op.drop_table("rating_versions")
