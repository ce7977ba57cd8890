"""score_suggestions: Perspective suggestscore feedback, kept as labelled data

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "score_suggestions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("attribute", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("submitted_by", sa.String(length=64), nullable=False),
        sa.Column("community_id", sa.String(length=200), nullable=True),
        sa.Column("session_id", sa.String(length=200), nullable=True),
        sa.Column("client_token", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_suggestions")),
    )
    op.create_index("ix_score_suggestions_text", "score_suggestions", ["text_sha256"])
    op.create_index("ix_score_suggestions_created", "score_suggestions", ["created_at", "id"])


def downgrade() -> None:
    """Reverts this revision."""
    op.drop_index("ix_score_suggestions_created", table_name="score_suggestions")
    op.drop_index("ix_score_suggestions_text", table_name="score_suggestions")
    op.drop_table("score_suggestions")
