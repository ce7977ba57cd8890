"""enforcement: policy versions, blocklist entries, counters, enforcement records

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 06:45:28.094009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "blocklist_entries",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("channel_id", sa.String(length=200), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_by", sa.String(length=200), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocklist_entries")),
    )
    with op.batch_alter_table("blocklist_entries", schema=None) as batch_op:
        batch_op.create_index("ix_blocklist_entries_deleted_at", ["deleted_at"], unique=False)

    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "enforcement_records",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.String(length=32), nullable=True),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_enforcement_records")),
    )
    with op.batch_alter_table("enforcement_records", schema=None) as batch_op:
        batch_op.create_index("ix_enforcement_records_kind_seq", ["kind", "seq"], unique=False)
        batch_op.create_index("ix_enforcement_records_user_seq", ["user_id", "seq"], unique=False)

    op.create_table(
        "policies",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_policies")),
        sa.UniqueConstraint("version", name=op.f("uq_policies_version")),
    )
    with op.batch_alter_table("policies", schema=None) as batch_op:
        batch_op.create_index("ix_policies_scope_version", ["scope", "version"], unique=False)


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("policies", schema=None) as batch_op:
        batch_op.drop_index("ix_policies_scope_version")
    op.drop_table("policies")
    with op.batch_alter_table("enforcement_records", schema=None) as batch_op:
        batch_op.drop_index("ix_enforcement_records_user_seq")
        batch_op.drop_index("ix_enforcement_records_kind_seq")
    op.drop_table("enforcement_records")
    op.drop_table("counters")
    with op.batch_alter_table("blocklist_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_blocklist_entries_deleted_at")
    op.drop_table("blocklist_entries")
