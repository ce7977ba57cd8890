"""Rules every submitted text must follow."""

from __future__ import annotations

from civility.errors import Invalid


def check_text(text: str, max_length: int, *, field: str = "text") -> str:
    """Returns the text if it is non-blank and within max_length; raises Invalid otherwise."""
    if not text.strip():
        raise Invalid(f"{field} must not be empty or whitespace only", code="empty_text")
    if len(text) > max_length:
        raise Invalid(
            f"{field} is {len(text)} characters; the limit is {max_length}", code="text_too_long"
        )
    return text
