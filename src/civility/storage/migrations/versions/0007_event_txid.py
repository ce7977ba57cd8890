"""events remember their transaction (PostgreSQL), so seq followers never skip a late commit

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-21 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    # SQLite commits one writer at a time in seq order: it needs no transaction id.
    default = sa.text("(pg_current_xact_id()::text::bigint)") if postgres else None
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("txid", sa.BigInteger(), nullable=True, server_default=default)
        )


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("txid")
