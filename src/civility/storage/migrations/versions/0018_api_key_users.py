"""api key users: a key may act for a dashboard user (a person)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 07:40:00.000000

An API key's actor (`key:<id>`) names no person, so "an appeal is decided by someone other
than who made the decision" could not tell a moderator's key from the moderator. A key
created for a user (`civility apikey create --user NAME`, `POST /v1/apikeys` with `user`)
stores that user's sign-in name here; keys without one stay as they were (NULL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Applies this revision."""
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("username", sa.String(length=64), nullable=True))


def downgrade() -> None:
    """Reverts this revision."""
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("username")
