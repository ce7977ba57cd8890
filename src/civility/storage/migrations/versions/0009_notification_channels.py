"""webhook subscriptions get a kind (webhook, slack, discord) and options: notification channels

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 23:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="webhook")
        )
        batch_op.add_column(sa.Column("options", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Reverts this revision."""
    op.execute(
        "DELETE FROM webhook_deliveries WHERE subscription_id IN "
        "(SELECT id FROM webhook_subscriptions WHERE kind <> 'webhook')"
    )
    op.execute("DELETE FROM webhook_subscriptions WHERE kind <> 'webhook'")
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("options")
        batch_op.drop_column("kind")
