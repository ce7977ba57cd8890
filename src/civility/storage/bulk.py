"""Multi-row inserts on the hot path: PostgreSQL COPY, executemany elsewhere."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import orjson
import psycopg
from psycopg import sql
from sqlalchemy import JSON, ColumnElement, Connection, Table, any_, bindparam, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

# Below this many rows COPY's set-up costs more than it saves.
COPY_MIN_ROWS: Final[int] = 8


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Inserts rows (all with the same keys) inside the caller's transaction.

    On PostgreSQL, COPY FROM STDIN costs ~1/3 of the client CPU and ~2/3 of the server
    CPU of an executemany per row (bench/db_insert.py). Driver errors are raised as
    SQLAlchemy's, so `translate_errors` maps duplicates and outages the same either way.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql" or len(rows) < COPY_MIN_ROWS:
        plan = _plan(conn.dialect, table, tuple(rows[0]))
        if plan is None:
            conn.execute(insert(table), list(rows))
        else:
            plan.run(conn, table.name, rows)
        return
    columns = tuple(rows[0])
    stmt, json_at = _copy_plan(table, columns)
    # itemgetter takes a row's values in column order in one C call (a tuple for 2+ columns).
    values_of = operator.itemgetter(*columns) if len(columns) > 1 else None
    raw = conn.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    try:
        with raw.cursor() as cur, cur.copy(stmt) as copy:
            for row in rows:
                if len(row) != len(columns):
                    raise ValueError(f"rows for {table.name} must all have the same columns")
                values = list(values_of(row)) if values_of else [row[columns[0]]]
                for i in json_at:
                    values[i] = orjson.dumps(values[i]).decode()
                copy.write_row(values)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(f"COPY {table.name}", None, exc) from exc
    except psycopg.DataError as exc:
        raise DataError(f"COPY {table.name}", None, exc) from exc
    except psycopg.OperationalError as exc:
        conn.invalidate(exc)
        raise OperationalError(
            f"COPY {table.name}", None, exc, connection_invalidated=True
        ) from exc


@functools.cache
def _copy_plan(table: Table, columns: tuple[str, ...]) -> tuple[sql.Composed, tuple[int, ...]]:
    """The COPY statement of a table's columns and the positions of its JSON columns."""
    stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    json_at = tuple(i for i, c in enumerate(columns) if isinstance(table.c[c].type, JSON))
    return stmt, json_at


@dataclass(frozen=True, slots=True)
class _InsertPlan:
    """A compiled multi-row INSERT: its SQL, its columns in order, each one's bind processor.

    SQLAlchemy's executemany runs its generic per-row parameter machinery for every row, which
    cost more CPU than SQLite's own executemany and commit together on the group commit's
    write. The same types' bind processors applied in one plain loop give the driver the same
    values (dates, JSON) for less.
    """

    sql: str
    columns: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]

    def run(self, conn: Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Executes the insert for rows with exactly this plan's columns."""
        params = []
        for row in rows:
            if len(row) != len(self.columns):
                raise ValueError(f"rows for {table} must all have the same columns")
            params.append(
                tuple(
                    row[c] if p is None else p(row[c])
                    for c, p in zip(self.columns, self.processors, strict=True)
                )
            )
        conn.exec_driver_sql(self.sql, params)


_PLANS: dict[tuple[str, str, tuple[str, ...]], _InsertPlan | None] = {}


def _plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _InsertPlan | None:
    """The insert plan of a table and row keys (None: use SQLAlchemy's own path)."""
    cache_key = (dialect.name, table.name, keys)
    if cache_key in _PLANS:
        return _PLANS[cache_key]
    plan: _InsertPlan | None = None
    missing = [c for c in table.columns if c.name not in keys]
    # Python-side defaults of absent columns are SQLAlchemy's job; so are non-qmark drivers.
    if dialect.paramstyle == "qmark" and all(c.default is None for c in missing):
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup or ())
        if sorted(order) == sorted(keys):
            processors = tuple(
                table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in order
            )
            plan = _InsertPlan(str(compiled), order, processors)
    _PLANS[cache_key] = plan
    return plan


def any_of(dialect: str, column: ColumnElement[Any], values: Sequence[Any]) -> ColumnElement[bool]:
    """`column IN values` whose SQL text does not depend on how many values there are.

    On PostgreSQL `column = ANY(:array)` is one statement for every batch size, so psycopg
    reuses its parsed (and, after a few runs, server-prepared) form; an expanded IN list is
    new SQL for every length and was re-parsed on every call. SQLite keeps the IN list.
    """
    if dialect != "postgresql":
        return column.in_(list(values))
    array = bindparam(None, list(values), type_=ARRAY(column.type), unique=True)
    return column == any_(array)
