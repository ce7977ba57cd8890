"""Server-side dashboard sessions in SQL (auth.sessions.SessionStore)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update

from civility.storage.db import Database
from civility.storage.repositories import translate_errors
from civility.storage.tables_dashboard import dashboard_sessions

_s = dashboard_sessions.c


class SqlSessionStore:
    """Sessions by the hash of their id; expired and ended ones are swept at each sign-in."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start(self, key: str, username: str, now: datetime, expires: datetime) -> None:
        """Records a new session (and forgets the ones that have ended or expired)."""
        stale = (_s.expires_at < now) | (_s.ended_at.is_not(None))
        with translate_errors(), self._db.write() as conn:
            conn.execute(delete(dashboard_sessions).where(stale))
            conn.execute(
                insert(dashboard_sessions),
                {"key": key, "username": username, "created_at": now, "expires_at": expires},
            )

    def active_user(self, key: str, now: datetime) -> str | None:
        """Returns the user of a session that is neither ended nor expired, else None."""
        query = select(_s.username).where(_s.key == key, _s.ended_at.is_(None), _s.expires_at > now)
        with translate_errors(), self._db.read() as conn:
            username: str | None = conn.execute(query).scalar()
        return username

    def end(self, key: str, now: datetime) -> None:
        """Ends one session (logout)."""
        with translate_errors(), self._db.write() as conn:
            conn.execute(
                update(dashboard_sessions)
                .where(_s.key == key, _s.ended_at.is_(None))
                .values(ended_at=now)
            )

    def end_user(self, username: str, now: datetime) -> int:
        """Ends every session of a user; returns how many were active."""
        stmt = (
            update(dashboard_sessions)
            .where(_s.username == username, _s.ended_at.is_(None))
            .values(ended_at=now)
        )
        with translate_errors(), self._db.write() as conn:
            return conn.execute(stmt).rowcount
