"""Opaque page cursors: the sort key of the last item, as URL-safe base64 JSON."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from civility.errors import Invalid

_BAD = "cursor must be the next_cursor of a previous page"


def encode_cursor(key: tuple[Any, ...] | None) -> str | None:
    """Returns the cursor text of a sort key (None stays None)."""
    if key is None:
        return None
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(text: str | None) -> tuple[Any, ...] | None:
    """Parses a cursor; raises Invalid when it is not one this service made."""
    if not text:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        value = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError) as exc:  # nested brackets recurse
        raise Invalid(
            "cursor must be the next_cursor of a previous page", code="bad_cursor"
        ) from exc
    if not isinstance(value, list) or not 2 <= len(value) <= 3:
        raise Invalid("cursor must be the next_cursor of a previous page", code="bad_cursor")
    return tuple(value)


def time_cursor(raw: tuple[Any, ...] | None) -> tuple[datetime, str] | None:
    """Checks a decoded (created_at, id) cursor, as newest-first lists of rating review items
    page with; raises Invalid for anything else."""
    if raw is None:
        return None
    try:
        at, item_id = raw
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError) as exc:
        raise Invalid(_BAD, code="bad_cursor") from exc
    if moment.tzinfo is None or not isinstance(item_id, str):
        raise Invalid(_BAD, code="bad_cursor")
    return moment, item_id
