"""webhook cursors become (txid, seq) positions, so a late commit is never passed over

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-21 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A seq cursor S said "every event with seq <= S is delivered". The position that replaces it
# must deliver every event with seq > S and every event of a transaction still running, so its
# txid is below both: the smallest txid after S (then (that txid, S) still skips that
# transaction's rows up to S) and the oldest running transaction (minus one). Rows of finished
# transactions below that bound all have seq <= S. Events between the bound and S are delivered
# again (at least once allows duplicates); none is lost.
_CURSOR_TO_POSITION = """
UPDATE webhook_subscriptions AS s SET cursor_txid = LEAST(
    COALESCE((SELECT min(e.txid) FROM events AS e WHERE e.seq > s.cursor), 9223372036854775807),
    pg_snapshot_xmin(pg_current_snapshot())::text::bigint - 1
)
"""

# Back to "deliver seq > S": just before the first event after the position (or the newest).
_POSITION_TO_CURSOR = """
UPDATE webhook_subscriptions AS s SET cursor = COALESCE(
    (SELECT min(e.seq) - 1 FROM events AS e WHERE (e.txid, e.seq) > (s.cursor_txid, s.cursor)),
    (SELECT max(e.seq) FROM events AS e),
    s.cursor
)
"""


def upgrade() -> None:
    """Applies this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cursor_txid", sa.BigInteger(), nullable=False, server_default="0")
        )
    if postgres:
        # Events from before 0007 have no txid: as txid 0 they sort first, in seq order, and
        # the tuple comparisons of the followers see them (NULL compares as unknown).
        op.execute("UPDATE events SET txid = 0 WHERE txid IS NULL")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_txid_seq", ["txid", "seq"], unique=False)
    if postgres:
        op.execute(_CURSOR_TO_POSITION)
    # SQLite commits in seq order: a seq cursor S is the position (0, S) as it is.


def downgrade() -> None:
    """Reverts this revision."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_POSITION_TO_CURSOR)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_txid_seq")
    with op.batch_alter_table("webhook_subscriptions", schema=None) as batch_op:
        batch_op.drop_column("cursor_txid")
