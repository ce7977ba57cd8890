"""What notifications read besides the webhook tables: a message's text."""

from __future__ import annotations

from sqlalchemy import select

from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import translate_errors


class SqlMessageTexts:
    """Reads one message's text (a notice's excerpt is cut from it)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def text_of(self, message_id: str) -> str | None:
        """Returns a message's text, or None when there is no such message."""
        stmt = select(t.messages.c.text).where(t.messages.c.id == message_id)
        with translate_errors(), self._db.read() as conn:
            value = conn.execute(stmt).scalar_one_or_none()
        return None if value is None else str(value)
