"""Row forms of enforcement records, shared by the decision transaction and the repository."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert

from civility.enforcement.records import (
    BanIssued,
    EnforcementRecord,
    record_from_dict,
    record_to_dict,
)
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
        conn.execute(insert(enforcement_records), [record_row(r) for r in records])


def record_from_row(body: dict[str, Any]) -> EnforcementRecord:
    """Rebuilds a record from its stored JSON body."""
    return record_from_dict(body)
