"""SQL implementation of the rating repository: bulk upserts on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Float,
    Row,
    Table,
    Text,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import DATETIME as SQLITE_DATETIME
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from civility.ratings.models import PostStats, RatingFlag, StatsUpdate, StoredRating
from civility.ratings.repository import Key
from civility.ratings.reviews import RatingReview, ReviewStatus
from civility.ratings.trust import RaterState
from civility.storage.db import Database
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_ratings import (
    rater_trust,
    rating_flags,
    rating_reviews,
    rating_stats,
    rating_versions,
    ratings,
)
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork

T = TypeVar("T")

# Dates on which the fast SQLite date writer must give exactly the text of SQLAlchemy's own
# bind processor before it replaces it (microseconds, none, a 3-digit year, a zone).
_DATE_PROBES = (
    datetime(2024, 2, 29, 23, 59, 58, 123456),
    datetime(2025, 1, 2, 3, 4, 5),
    datetime(999, 12, 31, 0, 0, 0, 1),
    datetime(2025, 6, 1, 12, 30, 15, 500, tzinfo=UTC),
)

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
        "trust": r.trust,
        "client_hash": r.client_hash,
    }


def _version_row(r: StoredRating) -> dict[str, Any]:
    return {
        "id": r.id,
        "post_id": r.post_id,
        "user_id": r.user_id,
        "score": r.score,
        "trust": r.trust,
        "reasons": list(r.reasons),
        "user_created_at": r.user_created_at,
        "ip_hash": r.ip_hash,
        "client_hash": r.client_hash,
        "rated_at": r.rated_at,
    }


def _flag_row(f: RatingFlag) -> dict[str, Any]:
    return {
        "post_id": f.post_id,
        "user_id": f.user_id,
        "reasons": list(f.reasons),
        "flagged_at": f.flagged_at,
        "expires_at": f.expires_at,
        "review_id": f.review_id,
        "lifted_at": f.lifted_at,
        "lifted_by": f.lifted_by,
    }


def _flag_from_row(row: Row[Any]) -> RatingFlag:
    m = row._mapping
    flagged_at = as_utc(m["flagged_at"])
    assert flagged_at is not None
    return RatingFlag(
        post_id=m["post_id"],
        user_id=m["user_id"],
        reasons=tuple(m["reasons"]),
        flagged_at=flagged_at,
        expires_at=as_utc(m["expires_at"]),
        review_id=m["review_id"],
        lifted_at=as_utc(m["lifted_at"]),
        lifted_by=m["lifted_by"],
    )


def _review_row(r: RatingReview) -> dict[str, Any]:
    return {
        "id": r.id,
        "key": r.key,
        "kind": r.kind,
        "status": r.status.value,
        "post_ids": list(r.post_ids),
        "user_ids": list(r.user_ids),
        "evidence": r.evidence,
        "created_at": r.created_at,
        "updated_at": r.updated_at,
        "resolved_by": r.resolved_by,
        "resolved_at": r.resolved_at,
        "note": r.note,
        "version": r.version,
    }


def _review_from_row(row: Row[Any]) -> RatingReview:
    m = row._mapping
    created, updated = as_utc(m["created_at"]), as_utc(m["updated_at"])
    assert created is not None
    assert updated is not None
    return RatingReview(
        id=m["id"],
        key=m["key"],
        kind=m["kind"],
        status=ReviewStatus(m["status"]),
        post_ids=tuple(m["post_ids"]),
        user_ids=tuple(m["user_ids"]),
        evidence=dict(m["evidence"]),
        created_at=created,
        updated_at=updated,
        resolved_by=m["resolved_by"],
        resolved_at=as_utc(m["resolved_at"]),
        note=m["note"],
        version=int(m["version"]),
    )


def _rater_row(r: RaterState, dates: dict[datetime, str]) -> dict[str, Any]:
    pending = []
    for post, score, at in r.pending:
        text = dates.get(at)
        if text is None:
            text = dates[at] = at.isoformat()
        pending.append([post, score, text])
    return {
        "user_id": r.user_id,
        "updated_at": r.updated,
        "active_days": r.active_days,
        "agree": r.agree,
        "judged": r.judged,
        "last_day": r.last_day,
        "pending": pending,
        "blocked": r.blocked,
    }


def _rater_from_row(row: Row[Any]) -> RaterState:
    m = row._mapping
    updated = as_utc(m["updated_at"])
    assert updated is not None
    return RaterState(
        user_id=m["user_id"],
        updated=updated,
        active_days=float(m["active_days"]),
        agree=float(m["agree"]),
        judged=float(m["judged"]),
        last_day=int(m["last_day"]),
        pending=tuple(
            (post, float(score), datetime.fromisoformat(at)) for post, score, at in m["pending"]
        ),
        blocked=bool(m["blocked"]),
    )


def _rating_from_row(row: Row[Any]) -> StoredRating:
    return _rating_from(row._mapping)


def _rating_from(m: Mapping[Any, Any]) -> StoredRating:
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
        trust=float(m["trust"]),
        client_hash=m["client_hash"],
    )


def _stats_from_row(row: Row[Any]) -> PostStats:
    return _stats_from(row._mapping)


def _stats_from(m: Mapping[Any, Any]) -> PostStats:
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
        marker=m["marker"],
    )


def read_stats(conn: Connection, post_ids: Sequence[str]) -> dict[str, PostStats]:
    """Returns the stored sums of the posts that have any."""
    found: dict[str, PostStats] = {}
    sqlite = conn.dialect.name == "sqlite"
    for chunk in _chunks(list(dict.fromkeys(post_ids))):
        if sqlite:
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT * FROM rating_stats WHERE post_id IN ({marks})"  # noqa: S608
            rows = _raw_rows(conn, rating_stats, sql, tuple(chunk))
            found.update((s.post_id, s) for s in map(_stats_from, rows))
            continue
        stmt = select(rating_stats).where(rating_stats.c.post_id.in_(chunk))
        found.update((s.post_id, s) for s in map(_stats_from_row, conn.execute(stmt)))
    return found


_READERS: dict[tuple[str, str], tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {}


def _raw_rows(
    conn: Connection, table: Table, sql: str, params: tuple[Any, ...]
) -> Iterator[dict[str, Any]]:
    """Runs `SELECT * FROM table …` through the driver and converts each column as
    SQLAlchemy's result types would (dates, JSON, booleans).

    SQLAlchemy builds and caches a statement per IN-list length and runs its generic row
    machinery; on the applier's batches that cost more than the query itself.
    """
    key = (conn.dialect.name, table.name)
    readers = _READERS.get(key)
    if readers is None:
        dialect = conn.dialect
        readers = _READERS[key] = tuple(
            (c.name, c.type.dialect_impl(dialect).result_processor(dialect, None))
            for c in table.columns
        )
    for row in conn.exec_driver_sql(sql, params):
        yield {
            name: value if p is None or value is None else p(value)
            for (name, p), value in zip(readers, row, strict=True)
        }


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
            "marker": func.coalesce(new.marker, c.marker),
        },
    )


def _flag_upsert(insert: Any) -> Any:
    stmt = insert(rating_flags)
    columns = [c.name for c in rating_flags.c if not c.primary_key]
    return stmt.on_conflict_do_update(
        index_elements=[rating_flags.c.post_id, rating_flags.c.user_id],
        set_={name: stmt.excluded[name] for name in columns},
    )


def _rater_upsert(insert: Any) -> Any:
    stmt = insert(rater_trust)
    columns = [c.name for c in rater_trust.c if not c.primary_key]
    return stmt.on_conflict_do_update(
        index_elements=[rater_trust.c.user_id],
        set_={name: stmt.excluded[name] for name in columns},
    )


def _review_upsert(insert: Any) -> Any:
    stmt = insert(rating_reviews)
    columns = [c.name for c in rating_reviews.c if not c.primary_key]
    return stmt.on_conflict_do_update(
        index_elements=[rating_reviews.c.id],
        set_={name: stmt.excluded[name] for name in columns},
    )


# Built once per dialect: constructing `excluded` and the SET clause costs milliseconds.
_UPSERTS: dict[str, tuple[Any, Any, Any, Any, Any]] = {
    name: (
        _rating_upsert(ins),
        _stats_upsert(ins),
        _flag_upsert(ins),
        _review_upsert(ins),
        _rater_upsert(ins),
    )
    for name, ins in (("sqlite", sqlite_insert), ("postgresql", pg_insert))
}


@dataclass(frozen=True, slots=True)
class _WritePlan:
    """A compiled INSERT or upsert run through the driver's executemany (SQLite).

    SQLAlchemy's executemany runs its generic per-row parameter machinery (and the types'
    bind processors through it) for every row: on an applied batch of 500 ratings that cost
    more than SQLite's own work. The same conversions applied in one loop give the driver
    the same values.
    """

    sql: str
    columns: tuple[str, ...]
    # (position, converter) of the columns that need one (dates, JSON, booleans)
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]

    def run(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Executes the statement once per row (all rows have this plan's columns)."""
        pick = itemgetter(*self.columns)
        # A batch's dates repeat (one accept time per request, one apply time per batch):
        # each distinct one is formatted once per call.
        dates: dict[datetime, str | None] = {}
        converters = [
            (i, _memo(dates, convert) if convert is _sqlite_datetime else convert)
            for i, convert in self.converters
        ]
        params = []
        for row in rows:
            values = list(pick(row))
            for i, convert in converters:
                values[i] = convert(values[i])
            params.append(tuple(values))
        conn.exec_driver_sql(self.sql, params)


def _memo(cache: dict[Any, Any], convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert` remembering its answers in `cache` (for hashable values)."""

    def converted(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            answer = cache[value] = convert(value)
            return answer

    return converted


_PLANS: dict[tuple[str, str, tuple[str, ...]], _WritePlan | None] = {}


def _write(conn: Connection, name: str, stmt: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Executes `stmt` for rows (all with the same keys): a driver-level plan on SQLite."""
    if not rows:
        return
    keys = tuple(rows[0])
    cache_key = (conn.dialect.name, name, keys)
    if cache_key not in _PLANS:
        _PLANS[cache_key] = _plan(conn, stmt, keys)
    plan = _PLANS[cache_key]
    if plan is None:
        conn.execute(stmt, list(rows))
    else:
        plan.run(conn, rows)


def _sqlite_datetime(value: datetime | None) -> str | None:
    """SQLite's DATETIME bind processor, faster: the same text (fields as given, no zone)."""
    return None if value is None else value.isoformat(" ", "microseconds")[:26]


def _writes_like_sqlite_datetime(convert: Callable[[Any], Any] | None) -> bool:
    """Whether a date bind processor writes the text `_sqlite_datetime` writes.

    Asked of the processor itself (SQLAlchemy's public type API) rather than of the type's
    storage format, which SQLAlchemy keeps private: a column with another format keeps
    SQLAlchemy's processor.
    """
    return convert is not None and all(convert(d) == _sqlite_datetime(d) for d in _DATE_PROBES)


def _plan(conn: Connection, stmt: Any, keys: tuple[str, ...]) -> _WritePlan | None:
    dialect = conn.dialect
    if dialect.paramstyle != "qmark" or len(keys) < 2:
        return None  # psycopg's named style: SQLAlchemy's path
    compiled = stmt.compile(dialect=dialect, column_keys=list(keys))
    order = tuple(compiled.positiontup or ())
    if sorted(order) != sorted(keys):
        return None
    converters = []
    for i, name in enumerate(order):
        impl = stmt.table.c[name].type.dialect_impl(dialect)
        if isinstance(impl, Float):
            continue  # SQLite stores ints in a REAL column as reals anyway
        convert = impl.bind_processor(dialect)
        if isinstance(impl, SQLITE_DATETIME) and _writes_like_sqlite_datetime(convert):
            convert = _sqlite_datetime
        if convert is not None:
            converters.append((i, convert))
    return _WritePlan(str(compiled), order, tuple(converters))


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
        "marker": u.marker,
    }


class SqlRatingTransaction(SqlTransaction):
    """One applied batch inside one database transaction."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._sqlite = conn.dialect.name == "sqlite"
        (
            self._upsert_ratings,
            self._upsert_stats,
            self._upsert_flags,
            self._upsert_reviews,
            self._upsert_raters,
        ) = _UPSERTS[conn.dialect.name]

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Returns the stored sums of the posts that have any."""
        return read_stats(self.conn, post_ids)

    def get_ratings(self, keys: Sequence[Key]) -> dict[Key, StoredRating]:
        """Returns the current ratings of the given pairs that exist."""
        found: dict[Key, StoredRating] = {}
        if not self._sqlite:
            if keys:
                params = {"p": [p for p, _ in keys], "u": [u for _, u in keys]}
                rows = self.conn.execute(_PAIRS_UNNEST, params)
                found.update((r.key, r) for r in map(_rating_from_row, rows))
            return found
        for chunk in _chunks(list(keys)):
            raw = _raw_rows(self.conn, ratings, *_pairs_join(chunk))
            found.update((r.key, r) for r in map(_rating_from, raw))
        return found

    def upsert_ratings(self, items: Sequence[StoredRating]) -> None:
        """INSERT … ON CONFLICT (post_id, user_id) DO UPDATE, as one executemany."""
        if items:
            _write(
                self.conn, "upsert_ratings", self._upsert_ratings, [_rating_row(r) for r in items]
            )

    def apply_stats(self, updates: Sequence[StatsUpdate]) -> None:
        """Adds the deltas to the running sums in the statement itself, so writers compose."""
        if updates:
            _write(self.conn, "apply_stats", self._upsert_stats, [_stats_row(u) for u in updates])

    def insert_versions(self, items: Sequence[StoredRating]) -> None:
        """Appends rating versions (plain INSERT: a version is never rewritten)."""
        if items:
            _write(
                self.conn,
                "insert_versions",
                insert(rating_versions),
                [_version_row(r) for r in items],
            )

    def get_flags(self, keys: Sequence[Key]) -> dict[Key, RatingFlag]:
        """Returns the flags of the given pairs."""
        # Flags are few next to ratings: reading the posts' flags by the key's prefix and
        # picking the pairs here costs far less than building an OR of pairs every batch.
        wanted = set(keys)
        found: dict[Key, RatingFlag] = {}
        for chunk in _chunks(list(dict.fromkeys(p for p, _ in keys))):
            stmt = select(rating_flags).where(rating_flags.c.post_id.in_(chunk))
            rows = self.conn.execute(stmt)
            found.update((f.key, f) for f in map(_flag_from_row, rows) if f.key in wanted)
        return found

    def flags_of_review(self, review_id: str) -> list[RatingFlag]:
        """Returns the flags raised with one review item."""
        stmt = select(rating_flags).where(rating_flags.c.review_id == review_id)
        return [_flag_from_row(r) for r in self.conn.execute(stmt)]

    def upsert_flags(self, flags: Sequence[RatingFlag]) -> None:
        """Stores flags, replacing the flag of the same pair."""
        if flags:
            _write(self.conn, "upsert_flags", self._upsert_flags, [_flag_row(f) for f in flags])

    def open_reviews(self, keys: Sequence[str]) -> dict[str, RatingReview]:
        """Returns the open review items with the given keys."""
        found: dict[str, RatingReview] = {}
        for chunk in _chunks(list(keys)):
            stmt = select(rating_reviews).where(
                rating_reviews.c.key.in_(chunk),
                rating_reviews.c.status == ReviewStatus.OPEN.value,
            )
            found.update((r.key, r) for r in map(_review_from_row, self.conn.execute(stmt)))
        return found

    def get_review(self, review_id: str) -> RatingReview | None:
        """Returns one review item."""
        return _get_review(self.conn, review_id)

    def save_reviews(self, reviews: Sequence[RatingReview]) -> None:
        """Inserts or replaces review items."""
        if reviews:
            _write(
                self.conn, "save_reviews", self._upsert_reviews, [_review_row(r) for r in reviews]
            )

    def clear_marker(self, post_ids: Sequence[str], review_id: str) -> None:
        """Removes a review item's marker from the posts that still carry it."""
        c = rating_stats.c
        for chunk in _chunks(list(post_ids)):
            self.conn.execute(
                update(rating_stats)
                .where(c.post_id.in_(chunk), c.marker == review_id)
                .values(marker=None)
            )

    def get_raters(self, user_ids: Sequence[str]) -> list[RaterState]:
        """Returns the stored trust state of the given raters that have one."""
        found: list[RaterState] = []
        for chunk in _chunks(list(user_ids)):
            stmt = select(rater_trust).where(rater_trust.c.user_id.in_(chunk))
            found.extend(map(_rater_from_row, self.conn.execute(stmt)))
        return found

    def save_raters(self, states: Sequence[RaterState]) -> None:
        """Stores raters' trust state (one executemany upsert)."""
        if states:
            # Pending ratings share a few times (those of recent batches): formatted once each.
            dates: dict[datetime, str] = {}
            rows = [_rater_row(s, dates) for s in states]
            _write(self.conn, "save_raters", self._upsert_raters, rows)


def _pairs_join(keys: Sequence[Key]) -> tuple[str, tuple[str, ...]]:
    """The ratings of the given pairs on SQLite: a VALUES list joined on the primary key.

    SQLite scans the whole table for `(a, b) IN (...)`; an OR of equalities uses the key but
    costs milliseconds per batch to build as an expression, and so does parsing a text()
    with hundreds of named parameters. This is plain driver SQL with `?` placeholders: the
    join probes the primary key once per pair.
    """
    values = ",".join(("(?, ?)",) * len(keys))
    params = tuple(part for key in keys for part in key)
    # Only placeholders are formatted in; the ids travel as bound parameters.
    sql = (
        f"WITH k(p, u) AS (VALUES {values}) SELECT ratings.* FROM k "  # noqa: S608
        "JOIN ratings ON ratings.post_id = k.p AND ratings.user_id = k.u"
    )
    return sql, params


def _pairs_unnest() -> Any:
    """The ratings of the given pairs on PostgreSQL: two arrays (`p`, `u`) unnested and joined
    on the primary key, one statement for the whole batch.

    `(post_id, user_id) IN (...)` was planned anew for every chunk of 400 pairs (an OR of
    400 index probes): 0.6 s of a 1.5 s batch of 2,000, growing with the table.
    """
    keys = (
        func.unnest(bindparam("p", type_=ARRAY(Text)), bindparam("u", type_=ARRAY(Text)))
        .table_valued("p", "u")
        .render_derived(name="k")
    )
    on = and_(ratings.c.post_id == keys.c.p, ratings.c.user_id == keys.c.u)
    return select(ratings).select_from(keys.join(ratings, on))


_PAIRS_UNNEST = _pairs_unnest()


def _get_review(conn: Connection, review_id: str) -> RatingReview | None:
    row = conn.execute(select(rating_reviews).where(rating_reviews.c.id == review_id)).first()
    return None if row is None else _review_from_row(row)


class SqlRatingRepository:
    """Ratings and per-post sums in SQL."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlRatingTransaction]:
        """Opens one write transaction (BEGIN IMMEDIATE on SQLite); events are written last."""
        return self._uow.open(SqlRatingTransaction)

    def get_stats(self, post_ids: Sequence[str]) -> dict[str, PostStats]:
        """Reads the stored sums of posts."""
        with translate_errors(), self._db.read() as conn:
            return read_stats(conn, post_ids)

    def list_reviews(
        self, status: ReviewStatus | None, limit: int, before: tuple[datetime, str] | None = None
    ) -> list[RatingReview]:
        """Returns review items, newest first; with `before` (created_at, id), those after it."""
        c = rating_reviews.c
        stmt = select(rating_reviews).order_by(c.created_at.desc(), c.id.desc()).limit(limit)
        if status is not None:
            stmt = stmt.where(c.status == status.value)
        if before is not None:
            at, review_id = before
            stmt = stmt.where(or_(c.created_at < at, and_(c.created_at == at, c.id < review_id)))
        with translate_errors(), self._db.read() as conn:
            return [_review_from_row(r) for r in conn.execute(stmt)]

    def get_review(self, review_id: str) -> RatingReview | None:
        """Reads one review item."""
        with translate_errors(), self._db.read() as conn:
            return _get_review(conn, review_id)
