"""The hybrid mode's fast local rules: checked before posting, in microseconds, no network."""

from __future__ import annotations

import re

# A deliberately tiny list: the community's own "never, whatever the context" words.
BLOCKED = re.compile(r"\b(kys|kill yourself|buy followers)\b", re.IGNORECASE)
LINKS = re.compile(r"https?://", re.IGNORECASE)
MAX_CHAT_LENGTH = 500


def fast_check(text: str) -> str | None:
    """Returns why a chat message is refused at once, or None to let it through."""
    if not text.strip():
        return "empty message"
    if len(text) > MAX_CHAT_LENGTH:
        return f"chat messages are at most {MAX_CHAT_LENGTH} characters"
    if BLOCKED.search(text):
        return "this phrase is not allowed here"
    if len(LINKS.findall(text)) > 2:
        return "too many links"
    return None
