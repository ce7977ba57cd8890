"""Row forms of enforcement records, shared by the decision transaction and the repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import orjson
from sqlalchemy import Connection

from civility.enforcement.records import (
    BanIssued,
    EnforcementRecord,
    record_from_dict,
    record_to_dict,
)
from civility.storage.bulk import insert_rows
from civility.storage.tables_enforcement import enforcement_records


def record_row(record: EnforcementRecord) -> dict[str, Any]:
    """Returns the insert values of a record."""
    return {
        "user_id": record.user_id,
        "channel_id": record.channel_id,
        "kind": record.kind,
        "message_id": getattr(record, "message_id", None),
        "body": record_to_dict(record),
        "created_at": record.at,
        "expires_at": record.until if isinstance(record, BanIssued) else None,
    }


def insert_records(conn: Connection, records: Sequence[EnforcementRecord]) -> None:
    """Appends records inside the caller's transaction, in the given order."""
    if records:
        # COPY on PostgreSQL from 8 rows (bulk.insert_rows); its JSON text is the engine's own
        # (orjson), so the stored bodies are byte for byte what an INSERT would store.
        insert_rows(conn, enforcement_records, [record_row(r) for r in records])


# Enough for the records in force of every author a worker sees within a few minutes.
DECODED_MAX: Final[int] = 50_000


class RecordDecoder:
    """Decodes stored JSON bodies into records, remembering the ones it has decoded.

    A record's body never changes once written, and every batch of the worker reads the
    strikes in force of its authors again: decoding them (JSON, then ISO dates and a
    dataclass) grew with an author's history. The memo is keyed by the body's text itself,
    so a hit returns exactly what decoding that text returns; records are immutable.
    """

    def __init__(self, max_size: int = DECODED_MAX) -> None:
        self._max = max_size
        self._decoded: dict[str, EnforcementRecord] = {}

    def __call__(self, text: str) -> EnforcementRecord:
        """Returns the record of a body's JSON text."""
        record = self._decoded.get(text)
        if record is None:
            record = record_from_dict(orjson.loads(text))
            if len(self._decoded) >= self._max:
                # Oldest first (insertion order): a long-gone author's records go first.
                del self._decoded[next(iter(self._decoded))]
            self._decoded[text] = record
        return record
