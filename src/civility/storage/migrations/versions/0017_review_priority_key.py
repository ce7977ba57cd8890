"""review priority key: the queue's priority order stored on review_items, not computed per read

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 05:30:00.000000

The priority order (review/priority.py) used to be computed for every pending row at read
time: ten JSON substring tests, severity, the open reports' weight and the age. Now each item
stores `base_points` (its worst reason and severity: fixed once decided) and `priority_key`
(priority.sort_key with the open reports' points), indexed with the state.

So every reviewable decision needs a row from the start. Rows used to appear on an item's
first transition; now a trigger on `decisions` inserts a pending row (version 0, which the
review code reads as "nothing stored yet") with both numbers, in the deciding transaction,
whoever writes the decision. This revision adds those rows for the existing decisions and
fills in the numbers of the rows there are. Report changes keep `priority_key` exact from
Python (storage/user_reports.py refresh_priority_keys).

The points below are review/priority.py's at this revision, frozen as migrations are;
tests/storage/test_review_priority_sql.py checks the stored numbers against that module. A
change of the points needs a revision that replaces the trigger and recomputes the columns.
A later SQLite batch_alter_table of `decisions` recreates that table and drops the trigger:
such a revision must create it again (create_trigger below).
"""

# The SQL below is assembled from this module's constants and column names only.
# ruff: noqa: S608

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# review/priority.py at this revision. Categories and rule sources in one list: the highest
# present wins, which is max(category points, source points).
REASON_POINTS = (
    ("category", "threat", 60),
    ("category", "identity_attack", 55),
    ("category", "severe_toxicity", 45),
    ("source", "blocklist", 35),
    ("category", "insult", 25),
    ("category", "toxicity", 20),
    ("source", "ban", 20),
    ("category", "obscene", 15),
    ("source", "check", 10),
)
SEVERITY_POINTS = (("low", 5), ("medium", 15), ("high", 30))
MILLI_PER_REPORT_POINT = 100  # POINTS_PER_REPORT = 10 points per full (1000) weight
MAX_REPORT_POINTS = 40
SECONDS_PER_POINT = 1800
REVIEWABLE = "('flag', 'hide', 'block')"
TRIGGER = "trg_decisions_review_item"


def _base_points(reasons: str, severity: str, postgres: bool) -> str:
    """SQL for the points of a decision's reasons (compact JSON text) and severity."""
    find = "strpos" if postgres else "instr"
    text = f"CAST({reasons} AS TEXT)"
    worst = " ".join(
        f'WHEN {find}({text}, \'"{key}":"{value}"\') > 0 THEN {n}'
        for key, value, n in REASON_POINTS
    )
    sev = " ".join(f"WHEN '{name}' THEN {n}" for name, n in SEVERITY_POINTS)
    return f"(CASE {worst} ELSE 0 END + CASE {severity} {sev} ELSE 0 END)"


def _report_points(message_id: str) -> str:
    """SQL for the points of a message's open reports (their weight in thousandths, capped)."""
    weight = (
        "(SELECT COALESCE(SUM(u.weight_milli), 0) FROM user_reports u "
        f"WHERE u.message_id = {message_id} AND u.status = 'open')"
    )
    cap = MAX_REPORT_POINTS * MILLI_PER_REPORT_POINT
    return (
        f"(CASE WHEN {weight} >= {cap} THEN {MAX_REPORT_POINTS} "
        f"ELSE {weight} / {MILLI_PER_REPORT_POINT} END)"
    )


def _epoch(column: str, postgres: bool) -> str:
    """SQL for whole Unix seconds of a timestamp, floored."""
    if postgres:
        return f"CAST(floor(extract(epoch FROM {column})) AS BIGINT)"
    return f"CAST(strftime('%s', {column}) AS INTEGER)"


def _key(points: str, message_id: str, decided_at: str, postgres: bool) -> str:
    return (
        f"(({points} + {_report_points(message_id)}) * {SECONDS_PER_POINT} "
        f"- {_epoch(decided_at, postgres)})"
    )


def create_trigger(postgres: bool) -> None:
    """Creates the trigger that gives each reviewable decision its pending review row."""
    base = _base_points("NEW.reasons", "NEW.severity", postgres)
    insert = (
        "INSERT INTO review_items "
        "(message_id, state, updated_at, version, base_points, priority_key) "
        f"VALUES (NEW.message_id, 'pending', NEW.created_at, 0, {base}, "
        f"{_key(base, 'NEW.message_id', 'NEW.created_at', postgres)}) "
        "ON CONFLICT (message_id) DO NOTHING"
    )
    if postgres:
        # Unqualified names resolve through the connection's search_path: a tenant's schema.
        op.execute(
            f"CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF NEW.action IN {REVIEWABLE} THEN {insert}; END IF; RETURN NULL; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {TRIGGER} AFTER INSERT ON decisions "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
        )
        return
    op.execute(
        f"CREATE TRIGGER {TRIGGER} AFTER INSERT ON decisions FOR EACH ROW "
        f"WHEN NEW.action IN {REVIEWABLE} BEGIN {insert}; END"
    )


def upgrade() -> None:
    """Applies this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_points", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("priority_key", sa.BigInteger(), nullable=True))
    base = _base_points("d.reasons", "d.severity", postgres)
    op.execute(
        "INSERT INTO review_items "
        "(message_id, state, updated_at, version, base_points) "
        f"SELECT d.message_id, 'pending', d.created_at, 0, {base} FROM decisions d "
        f"WHERE d.action IN {REVIEWABLE} AND NOT EXISTS "
        "(SELECT 1 FROM review_items r WHERE r.message_id = d.message_id)"
    )
    op.execute(
        f"UPDATE review_items SET base_points = (SELECT {base} FROM decisions d "
        "WHERE d.message_id = review_items.message_id) WHERE base_points IS NULL"
    )
    # A row without a decision cannot be listed; 0 keeps the column NOT NULL.
    op.execute("UPDATE review_items SET base_points = 0 WHERE base_points IS NULL")
    key = _key("review_items.base_points", "review_items.message_id", "d.created_at", postgres)
    op.execute(
        f"UPDATE review_items SET priority_key = COALESCE((SELECT {key} FROM decisions d "
        "WHERE d.message_id = review_items.message_id), 0)"
    )
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.alter_column("base_points", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("priority_key", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index(
            "ix_review_items_state_priority", ["state", "priority_key"], unique=False
        )
    create_trigger(postgres)


def downgrade() -> None:
    """Reverts this revision."""
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}" + (" ON decisions" if postgres else ""))
    if postgres:
        op.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
    # Rows nobody touched appear on the first transition again.
    op.execute("DELETE FROM review_items WHERE version = 0")
    with op.batch_alter_table("review_items", schema=None) as batch_op:
        batch_op.drop_index("ix_review_items_state_priority")
        batch_op.drop_column("priority_key")
        batch_op.drop_column("base_points")
