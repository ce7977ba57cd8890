"""human decisions: a moderator's verdict becomes the message's current decision

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:40:00.000000

Verdicts recorded before this revision (review_items resolved as approve, hide or remove)
become each message's first human decision, so GET /v1/messages shows them too. No event is
written for them: they happened in the past and were announced as review.resolved.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    op.create_table(
        "human_decisions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("previous_action", sa.String(length=8), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("reverses", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_human_decisions_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_human_decisions")),
        sa.UniqueConstraint(
            "message_id", "version", name=op.f("uq_human_decisions_message_version")
        ),
    )
    with op.batch_alter_table("human_decisions", schema=None) as batch_op:
        batch_op.create_index("ix_human_decisions_created", ["created_at"], unique=False)
    op.execute(
        "INSERT INTO human_decisions "
        "(id, message_id, version, action, previous_action, actor, source, reverses, created_at) "
        "SELECT 'hdc_' || substr(r.message_id, 5), r.message_id, 1, "
        "CASE r.resolution WHEN 'approve' THEN 'allow' WHEN 'hide' THEN 'hide' ELSE 'block' END, "
        "d.action, COALESCE(r.resolved_by, 'unknown'), 'review', NULL, "
        "COALESCE(r.resolved_at, r.updated_at) "
        "FROM review_items r JOIN decisions d ON d.message_id = r.message_id "
        "WHERE r.state = 'resolved' AND r.resolution IN ('approve', 'hide', 'remove')"
    )


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("human_decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_human_decisions_created")
    op.drop_table("human_decisions")
