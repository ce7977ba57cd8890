"""ratings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 07:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "ratings",
        sa.Column("post_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("suspicious", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("user_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ip_hash", sa.String(length=16), nullable=True),
        sa.Column("rated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("post_id", "user_id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("id", name=op.f("uq_ratings_id")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index("ix_ratings_user_rated", ["user_id", "rated_at"], unique=False)

    op.create_table(
        "rating_stats",
        sa.Column("post_id", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("trusted_weight", sa.Float(), nullable=False),
        sa.Column("trusted_sum", sa.Float(), nullable=False),
        sa.Column("suspicious_count", sa.Integer(), nullable=False),
        sa.Column("stable_average", sa.Float(), nullable=True),
        sa.Column("stable_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_rated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_rated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_rating_stats")),
    )


def downgrade() -> None:
    """Reverts this revision."""
    op.drop_table("rating_stats")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_ratings_user_rated")

    op.drop_table("ratings")
