"""Finding a stored message by Civility's id or by the platform's id within a channel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from civility.errors import Invalid, NotFound
from civility.moderation.records import MessageView


@dataclass(frozen=True, slots=True)
class MessageRef:
    """Which message: Civility's id, or the platform's message id within a channel."""

    id: str | None = None
    channel_id: str | None = None
    platform_message_id: str | None = None


class MessageLookup(Protocol):
    """Reads stored messages (`SqlModerationRepository` is one)."""

    def get_views(self, message_ids: Sequence[str]) -> dict[str, MessageView]:
        """Returns the stored views of the given message ids that exist."""
        ...

    def find_messages(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], MessageView]:
        """Finds stored messages by (channel_id, platform_message_id)."""
        ...


def find_message(messages: MessageLookup, ref: MessageRef) -> MessageView:
    """Returns the referenced message; Invalid for a bad reference, NotFound when unknown."""
    by_platform = ref.channel_id is not None or ref.platform_message_id is not None
    if (ref.id is not None) == by_platform:
        raise Invalid(
            "give either `id`, or `channel_id` and `message_id`", code="invalid_message_ref"
        )
    if ref.id is not None:
        view = messages.get_views([ref.id]).get(ref.id)
    else:
        if ref.channel_id is None or ref.platform_message_id is None:
            raise Invalid("`channel_id` and `message_id` go together", code="invalid_message_ref")
        key = (ref.channel_id, ref.platform_message_id)
        view = messages.find_messages([key]).get(key)
    if view is None:
        raise NotFound("no such message", code="message_not_found")
    return view
