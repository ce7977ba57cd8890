"""insert_rows: COPY on PostgreSQL and executemany on SQLite store exactly the same rows, and
duplicates or bad rows fail the same way."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import StatementError

from civility.errors import Conflict
from civility.storage import tables as t
from civility.storage.bulk import COPY_MIN_ROWS, insert_rows
from civility.storage.db import Database
from civility.storage.repositories import translate_errors

NOW = datetime(2026, 5, 1, 12, 30, tzinfo=UTC)
RUN = itertools.count()
# Texts COPY's text format must escape: tabs, newlines, backslashes, quotes, NUL-free unicode.
AWKWARD = [
    "plain",
    "tab\there",
    "new\nline\r\n",
    "back\\slash \\N",
    "quote \" '",
    "ünï 😀 中文",
    "",
]


def _messages(n: int) -> list[dict[str, Any]]:
    run = next(RUN)
    return [
        {
            "id": f"msg_bulk_{run}_{i}",
            "platform_message_id": f"p{run}-{i}",
            "author_id": f"author {i}",
            "channel_id": "bulk",
            "text": AWKWARD[i % len(AWKWARD)],
            "language": None if i % 2 else "en",
            "metadata": {"k": AWKWARD[i % len(AWKWARD)], "n": i, "nested": [1, None, True]},
            "author_created_at": None if i % 3 else NOW - timedelta(days=i),
            "received_at": NOW + timedelta(microseconds=i),
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [1, COPY_MIN_ROWS, 3 * COPY_MIN_ROWS + 1])
def test_rows_round_trip_exactly(db: Database, n: int) -> None:
    rows = _messages(n)
    with translate_errors(), db.write() as conn:
        insert_rows(conn, t.messages, rows)
    with db.read() as conn:
        stored = conn.execute(
            select(t.messages).where(t.messages.c.id.in_([r["id"] for r in rows]))
        ).all()
    by_id = {r.id: dict(r._mapping) for r in stored}
    assert len(by_id) == n
    for row in rows:
        got = by_id[row["id"]]
        for key, value in row.items():
            if isinstance(value, datetime) and got[key].tzinfo is None:  # SQLite drops the zone
                assert got[key] == value.replace(tzinfo=None), key
            else:
                assert got[key] == value, key


def test_a_duplicate_is_a_conflict_and_nothing_is_written(db: Database) -> None:
    rows = _messages(COPY_MIN_ROWS * 2)
    with translate_errors(), db.write() as conn:
        insert_rows(conn, t.messages, rows[:1])
    with pytest.raises(Conflict), translate_errors(), db.write() as conn:
        insert_rows(conn, t.messages, rows)
    with db.read() as conn:
        ids = conn.execute(
            select(t.messages.c.id).where(t.messages.c.id.in_([r["id"] for r in rows]))
        ).scalars()
        assert list(ids) == [rows[0]["id"]]
    # The connection is usable again afterwards.
    with translate_errors(), db.write() as conn:
        insert_rows(conn, t.messages, rows[1:])


def test_rows_with_different_columns_are_refused(db: Database) -> None:
    rows = _messages(COPY_MIN_ROWS)
    rows[-1] = {k: v for k, v in rows[-1].items() if k != "language"}
    with pytest.raises((ValueError, StatementError)), db.write() as conn:
        insert_rows(conn, t.messages, rows)


def test_sqlite_stores_the_same_text_as_sqlalchemys_own_insert(sqlite_url: str) -> None:
    # SQLite compares dates as text: the fast path must write SQLAlchemy's exact spelling.
    db = Database.from_url(sqlite_url, pool_size=1)
    ours, theirs = _messages(3), _messages(3)
    try:
        with translate_errors(), db.write() as conn:
            insert_rows(conn, t.messages, ours)
            conn.execute(insert(t.messages), theirs)
        with db.read() as conn:
            raw = {
                r[0]: r[1:]
                for r in conn.exec_driver_sql(
                    "SELECT platform_message_id, text, language, metadata, author_created_at, "
                    "received_at FROM messages"
                )
            }
    finally:
        db.dispose()
    for a, b in zip(ours, theirs, strict=True):
        assert raw[a["platform_message_id"]] == raw[b["platform_message_id"]]
