"""`Database.read_one`: a lone read without a transaction, never leaking autocommit to writes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection

from civility.storage.db import Database
from civility.storage.enforcement import bump_counter, read_counter


@pytest.fixture
def one_conn(db: Database) -> Iterator[Database]:
    """The same database with a single pooled connection, so reads and writes share it."""
    single = Database.from_url(db.engine.url.render_as_string(hide_password=False), pool_size=1)
    yield single
    single.dispose()


def _autocommit(conn: Connection) -> bool | None:
    """psycopg's autocommit flag (None on SQLite, which read_one leaves as it is)."""
    raw = conn.connection.driver_connection
    return bool(getattr(raw, "autocommit", False)) if hasattr(raw, "pgconn") else None


def test_read_one_is_autocommit_only_on_postgres(one_conn: Database) -> None:
    with one_conn.read_one() as conn:
        flag = _autocommit(conn)
    assert flag is (True if one_conn.dialect == "postgresql" else None)


def test_a_write_after_read_one_still_rolls_back(one_conn: Database) -> None:
    counter = f"read-one-{uuid.uuid4().hex[:8]}"
    with one_conn.read_one() as conn:
        assert read_counter(conn, counter) == 0

    def bump_then_fail() -> None:
        with one_conn.write() as conn:
            # The pooled connection read_one used must be back in transaction mode.
            assert _autocommit(conn) in (False, None)
            bump_counter(conn, counter)
            raise RuntimeError("roll back")

    with pytest.raises(RuntimeError):
        bump_then_fail()
    with one_conn.read_one() as conn:
        assert read_counter(conn, counter) == 0
    with one_conn.write() as conn:
        bump_counter(conn, counter)
    with one_conn.read() as conn:
        assert read_counter(conn, counter) == 1
