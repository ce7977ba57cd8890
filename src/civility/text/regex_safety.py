"""Moderator regexes run on RE2 (google-re2): matching time is linear in the text, whatever
the pattern, so one channel's rules cannot slow another's messages and no time budget is
needed. RE2 has no back-references and no lookaround (the constructs that need backtracking):
patterns using them are refused when they are added, with RE2's own explanation.
"""

from __future__ import annotations

from typing import Any

import re2  # type: ignore[import-untyped]  # google-re2 ships no type information

from civility.errors import Invalid

MAX_PATTERN_LENGTH = 500
# RE2's memory for one compiled pattern (its DFA cache); a pattern needing more is refused.
MAX_PATTERN_MEMORY = 8 << 20

# RE2 raises this for patterns it cannot compile.
RegexError: type[Exception] = re2.error


def _options() -> Any:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # errors become Invalid, not lines on stderr
    options.max_mem = MAX_PATTERN_MEMORY
    return options


def compile_safe_regex(pattern: str) -> Any:
    """Validates a moderator regex and compiles it for RE2 (case-insensitive), or raises Invalid.

    Returns RE2's pattern object: `finditer(text)` yields matches with `span()`.
    """
    if not pattern:
        raise Invalid("regex must not be empty", code="invalid_regex")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise Invalid(f"regex longer than {MAX_PATTERN_LENGTH} characters", code="invalid_regex")
    if "\x00" in pattern:
        raise Invalid("regex must not contain NUL characters", code="invalid_regex")
    try:
        compiled = re2.compile(pattern, _options())
    except RegexError as exc:
        raise Invalid(
            f"regex does not compile on RE2 (which has no back-references or lookaround): "
            f"{_reason(exc)}",
            code="invalid_regex",
        ) from exc
    if compiled.match("") is not None:
        raise Invalid("regex matches the empty string", code="invalid_regex")
    return compiled


def check_regex_safety(pattern: str) -> None:
    """Raises Invalid unless the pattern compiles on RE2 and matches something."""
    compile_safe_regex(pattern)


def _reason(exc: Exception) -> str:
    message = exc.args[0] if exc.args else exc
    return message.decode(errors="replace") if isinstance(message, bytes) else str(message)
