"""Plain domain types of moderation: a message as submitted and its processing state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

from civility.ocr.models import ImageText


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A message as a platform submits it."""

    message_id: str
    author_id: str
    channel_id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    author_created_at: datetime | None = None
    # The X-Request-ID of the request that brought it: copied into its decision's event.
    request_id: str | None = None
    # Set when the message came with an image: `text` then ends with the text read from it.
    image: ImageText | None = None


class MessageStatus(IntEnum):
    """Processing state of a stored message."""

    PENDING = 0
    DECIDED = 1
