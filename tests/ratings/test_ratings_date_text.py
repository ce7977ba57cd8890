"""The rating store's fast SQLite writer stores dates as the same text SQLAlchemy writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.dialects.sqlite import DATETIME

from civility.clock import ManualClock
from civility.ratings.repository import MemoryRatingCache, NoRateLimit
from civility.ratings.service import RatingInput, RatingService
from civility.storage.db import Database
from civility.storage.ratings import SqlRatingRepository

DATE_COLUMNS = {
    "ratings": ("rated_at", "user_created_at"),
    "rating_versions": ("rated_at", "user_created_at"),
    "rating_stats": ("first_rated_at", "last_rated_at"),
}


def test_stored_dates_are_sqlalchemys_own_text(sqlite_url: str) -> None:
    db = Database.from_url(sqlite_url, pool_size=1)
    # Microseconds, none, and an account created in a 3-digit year: each pads differently.
    clock = ManualClock(datetime(2026, 3, 1, 9, 5, 7, 4501, tzinfo=UTC))
    service = RatingService(SqlRatingRepository(db), MemoryRatingCache(), NoRateLimit(), clock)
    created = (datetime(2020, 1, 2, tzinfo=UTC), datetime(999, 5, 6, 7, 8, 9, 10, tzinfo=UTC))
    for i, when in enumerate(created):
        clock.advance(timedelta(seconds=61, microseconds=-4501 * i))
        items = [RatingInput(f"p{j}", f"u{i}", 4, when) for j in range(3)]
        service.apply([a.submission for a in service.accept(items) if a.submission])
    dialect = db.engine.dialect
    sqlalchemy_text = DATETIME().bind_processor(dialect)
    assert sqlalchemy_text is not None
    texts = []
    try:
        with db.read() as conn:
            for table, columns in DATE_COLUMNS.items():
                for column in columns:
                    sql = f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
                    texts += [row[0] for row in conn.exec_driver_sql(sql)]
    finally:
        db.dispose()
    assert len(texts) >= 3 * 2 * 5
    assert all(isinstance(t, str) for t in texts)
    assert {"0999-05-06 07:08:09.000010", "2020-01-02 00:00:00.000000"} <= set(texts)
    for text in texts:
        assert sqlalchemy_text(datetime.fromisoformat(text)) == text
