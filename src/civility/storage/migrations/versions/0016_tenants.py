"""tenants: the installation's communities, and credentials scoped to one of them

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 05:00:00.000000

Tenant data lives in a database of its own (a schema on PostgreSQL, a file on SQLite), so no
data table changes here: the installation's database keeps the default tenant's data and gains
the tenant list, and its keys and dashboard users learn which tenant they belong to.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "tenants",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenants")),
        sa.UniqueConstraint("name", name=op.f("uq_tenants_name")),
    )
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(
            sa.Column("tenant", sa.String(length=40), nullable=False, server_default="default")
        )
        batch.add_column(sa.Column("channels", sa.JSON(), nullable=True))
    with op.batch_alter_table("dashboard_users") as batch:
        batch.add_column(
            sa.Column("tenant", sa.String(length=40), nullable=False, server_default="default")
        )


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("dashboard_users") as batch:
        batch.drop_column("tenant")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("channels")
        batch.drop_column("tenant")
    op.drop_table("tenants")
