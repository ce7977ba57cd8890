"""user reports, reporters' records and appeals

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "user_reports",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=False),
        sa.Column("reporter_id", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("weight_milli", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_user_reports_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_reports")),
        sa.UniqueConstraint("message_id", "reporter_id", name="uq_user_reports_message_reporter"),
    )
    with op.batch_alter_table("user_reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_user_reports_status_message", ["status", "message_id"], unique=False
        )
        batch_op.create_index("ix_user_reports_reporter", ["reporter_id"], unique=False)
    op.create_table(
        "reporters",
        sa.Column("reporter_id", sa.String(length=200), nullable=False),
        sa.Column("upheld", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("reporter_id", name=op.f("pk_reporters")),
    )
    op.create_table(
        "appeals",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject_key", sa.String(length=500), nullable=False),
        sa.Column("author_id", sa.String(length=200), nullable=False),
        sa.Column("channel_id", sa.String(length=200), nullable=True),
        sa.Column("message_id", sa.String(length=32), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("original_action", sa.String(length=16), nullable=False),
        sa.Column("original_actor", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_appeals_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("subject_key", name=op.f("uq_appeals_subject_key")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index("ix_appeals_status_created", ["status", "created_at"], unique=False)
        batch_op.create_index("ix_appeals_author", ["author_id"], unique=False)


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_index("ix_appeals_author")
        batch_op.drop_index("ix_appeals_status_created")
    op.drop_table("appeals")
    op.drop_table("reporters")
    with op.batch_alter_table("user_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_user_reports_reporter")
        batch_op.drop_index("ix_user_reports_status_message")
    op.drop_table("user_reports")
