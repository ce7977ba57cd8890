"""server-side dashboard sessions (logout and disabling a user end them)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "dashboard_sessions",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index(
        op.f("ix_dashboard_sessions_username"), "dashboard_sessions", ["username"], unique=False
    )


def downgrade() -> None:
    """Reverts this revision."""
    op.drop_index(op.f("ix_dashboard_sessions_username"), table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
