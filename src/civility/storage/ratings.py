"""SQL implementation of the rating repository: bulk upserts on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Row, and_, case, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from civility.events.models import Event
from civility.ratings.models import PostStats, StatsUpdate, StoredRating
from civility.ratings.repository import Key, RatingTransaction
from civility.storage.db import Database
from civility.storage.repositories import as_utc, insert_events, translate_errors
from civility.storage.tables_ratings import rating_stats, ratings

T = TypeVar("T")

# Stays under SQLite's bound-parameter limit for IN lists of pairs.
CHUNK = 400


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _rating_row(r: StoredRating) -> dict[str, Any]:
    return {
        "post_id": r.post_id,
        "user_id": r.user_id,
        "id": r.id,
        "score": r.score,
        "weight": r.weight,
        "suspicious": r.suspicious,
        "reasons": list(r.reasons),
        "user_created_at": r.user_created_at,
        "ip_hash": r.ip_hash,
        "rated_at": r.rated_at,
    }


def _rating_from_row(row: Row[Any]) -> StoredRating:
    m = row._mapping
    rated_at = as_utc(m["rated_at"])
    assert rated_at is not None
    return StoredRating(
        id=m["id"],
        post_id=m["post_id"],
        user_id=m["user_id"],
        score=float(m["score"]),
        weight=float(m["weight"]),
        suspicious=bool(m["suspicious"]),
        reasons=tuple(m["reasons"]),
        rated_at=rated_at,
        user_created_at=as_utc(m["user_created_at"]),
        ip_hash=m["ip_hash"],
    )


def _stats_from_row(row: Row[Any]) -> PostStats:
    m = row._mapping
    return PostStats(
        post_id=m["post_id"],
        count=int(m["count"]),
        score_sum=float(m["score_sum"]),
        trusted_weight=float(m["trusted_weight"]),
        trusted_sum=float(m["trusted_sum"]),
        suspicious_count=int(m["suspicious_count"]),
        stable_average=m["stable_average"],
        stable_updated_at=as_utc(m["stable_updated_at"]),
        first_rated_at=as_utc(m["first_rated_at"]),
        last_rated_at=as_utc(m["last_rated_at"]),
    )


def read_stats(conn: Connection, post_ids: Sequence[str]) -> dict[str, PostStats]:
    """Returns the stored sums of the posts that have any."""
    found: dict[str, PostStats] = {}
    for chunk in _chunks(list(dict.fromkeys(post_ids))):
        stmt = select(rating_stats).where(rating_stats.c.post_id.in_(chunk))
        found.update((s.post_id, s) for s in map(_stats_from_row, conn.execute(stmt)))
    return found


def _rating_upsert(insert: Any) -> Any:
    stmt = insert(ratings)
    columns = [c.name for c in ratings.c if not c.primary_key]
    return stmt.on_conflict_do_update(
        index_elements=[ratings.c.post_id, ratings.c.user_id],
        set_={name: stmt.excluded[name] for name in columns},
    )


def _stats_upsert(insert: Any) -> Any:
    c = rating_stats.c
    stmt = insert(rating_stats)
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[c.post_id],
        set_={
            "count": c.count + new.count,
            "score_sum": c.score_sum + new.score_sum,
            "trusted_weight": c.trusted_weight + new.trusted_weight,
            "trusted_sum": c.trusted_sum + new.trusted_sum,
            "suspicious_count": c.suspicious_count + new.suspicious_count,
            "stable_average": new.stable_average,
            "stable_updated_at": new.stable_updated_at,
            "first_rated_at": case(
                (new.first_rated_at < c.first_rated_at, new.first_rated_at),
                else_=c.first_rated_at,
            ),
            "last_rated_at": case(
                (new.last_rated_at > c.last_rated_at, new.last_rated_at),
                else_=c.last_rated_at,
            ),
        },
    )


# Built once per dialect: constructing `excluded` and the SET clause costs milliseconds.
_UPSERTS: dict[str, tuple[Any, Any]] = {
    "sqlite": (_rating_upsert(sqlite_insert), _stats_upsert(sqlite_insert)),
    "postgresql": (_rating_upsert(pg_insert), _stats_upsert(pg_insert)),
}


def _stats_row(u: StatsUpdate) -> dict[str, Any]:
    return {
        "post_id": u.post_id,
        "count": u.delta.count,
        "score_sum": u.delta.score_sum,
        "trusted_weight": u.delta.trusted_weight,
        "trusted_sum": u.delta.trusted_sum,
        "suspicious_count": u.delta.suspicious_count,
        "stable_average": u.stable_average,
        "stable_updated_at": u.stable_updated_at,
        "first_rated_at": u.first_rated_at,
        "last_rated_at": u.last_rated_at,
    }


class SqlRatingTransaction:
    """One applied batch inside one database transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._sqlite = conn.dialect.name == "sqlite"
        self._upsert_ratings, self._upsert_stats = _UPSERTS[conn.dialect.name]

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the stored sums of the posts that have any."""
        return read_stats(self._conn, post_ids)

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        """Returns the current ratings of the given pairs that exist."""
        found: dict[Key, StoredRating] = {}
        for chunk in _chunks(list(keys)):
            rows = self._conn.execute(select(ratings).where(self._pairs(chunk)))
            found.update((r.key, r) for r in map(_rating_from_row, rows))
        return found

    def _pairs(self, keys: Sequence[Key]) -> ColumnElement[bool]:
        c = ratings.c
        if self._sqlite:
            # SQLite scans the whole table for `(a, b) IN (...)`; an OR of equalities uses the
            # primary key once per pair.
            return or_(*(and_(c.post_id == p, c.user_id == u) for p, u in keys))
        return tuple_(c.post_id, c.user_id).in_(list(keys))

    def upsert_ratings(self, items: Sequence[StoredRating]) -> None:
        """INSERT … ON CONFLICT (post_id, user_id) DO UPDATE, as one executemany."""
        if items:
            self._conn.execute(self._upsert_ratings, [_rating_row(r) for r in items])

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        """Adds the deltas to the running sums in the statement itself, so writers compose."""
        if updates:
            self._conn.execute(self._upsert_stats, [_stats_row(u) for u in updates])

    def insert_events(self, events: Sequence[Event]) -> None:
        """Appends events in this transaction."""
        insert_events(self._conn, events)


class SqlRatingRepository:
    """Ratings and per-post sums in SQL."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @contextmanager
    def _tx(self) -> Iterator[RatingTransaction]:
        with translate_errors(), self._db.write() as conn:
            yield SqlRatingTransaction(conn)

    def transaction(self) -> AbstractContextManager[RatingTransaction]:
        """Opens one write transaction (BEGIN IMMEDIATE on SQLite)."""
        return self._tx()

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Reads the stored sums of posts."""
        with translate_errors(), self._db.read() as conn:
            return read_stats(conn, post_ids)
