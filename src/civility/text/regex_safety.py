"""Insert-time vetting of moderator regexes, plus a hard time bound when they run.

Two layers, on purpose: the static check rejects the shapes known to backtrack
exponentially (nested variable quantifiers, overlapping alternatives under a quantifier,
back-references) so a moderator hears about it at once; the `regex` engine's timeout then
bounds what no static check can see (polynomial blow-ups such as `.*a.*b.*c` on long text).
"""

from __future__ import annotations

import re
from typing import Any

import regex

from civility.errors import Invalid

MAX_PATTERN_LENGTH = 500
MAX_VARIABLE_REPEATS = 6

# sre's parser is the only stdlib way to see a pattern's structure; it has been stable for
# years and is only used at insert time, never on the message path.
_parser: Any = getattr(re, "_parser", None)
_c: Any = getattr(re, "_constants", None)


def compile_safe_regex(pattern: str) -> regex.Pattern[str]:
    """Validates a moderator regex and compiles it for the `regex` engine, or raises Invalid."""
    check_regex_safety(pattern)
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except regex.error as exc:
        raise Invalid(f"regex does not compile: {exc}", code="invalid_regex") from exc


def check_regex_safety(pattern: str) -> None:
    """Raises Invalid if the pattern is malformed or can backtrack catastrophically."""
    if not pattern:
        raise Invalid("regex must not be empty", code="invalid_regex")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise Invalid(f"regex longer than {MAX_PATTERN_LENGTH} characters", code="invalid_regex")
    if _parser is None or _c is None:  # pragma: no cover - only on a future Python
        return
    try:
        tree = _parser.parse(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        raise Invalid(f"regex does not compile: {exc}", code="invalid_regex") from exc
    if re.compile(pattern).match("") is not None:
        raise Invalid("regex matches the empty string", code="invalid_regex")
    _Checker().walk(list(tree), under_repeat=False)


class _Checker:
    """Walks an sre parse tree looking for dangerous shapes."""

    def __init__(self) -> None:
        self.variable_repeats = 0

    def walk(self, items: list[Any], under_repeat: bool) -> None:
        """Checks a sequence of (opcode, argument) pairs."""
        for op, arg in items:
            self.node(op, arg, under_repeat)

    def node(self, op: Any, arg: Any, under_repeat: bool) -> None:
        """Checks one node."""
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            raise Invalid("back-references are not allowed in regexes", code="unsafe_regex")
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            self.repeat(arg, under_repeat)
        elif op is _c.SUBPATTERN:
            self.walk(list(arg[-1]), under_repeat)
        elif op is _c.BRANCH:
            self.branch(arg[1], under_repeat)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            self.walk(list(arg[1]), under_repeat)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            self.walk(list(arg), under_repeat)

    def repeat(self, arg: Any, under_repeat: bool) -> None:
        """Rejects a variable quantifier nested in another one."""
        low, high, body = arg
        variable = low != high
        if variable:
            self.variable_repeats += 1
            if self.variable_repeats > MAX_VARIABLE_REPEATS:
                raise Invalid("regex has too many quantifiers", code="unsafe_regex")
            if under_repeat:
                raise Invalid("nested quantifiers like (a+)+ can hang", code="unsafe_regex")
        self.walk(list(body), under_repeat or variable)

    def branch(self, alternatives: list[Any], under_repeat: bool) -> None:
        """Rejects alternatives that can start alike inside a quantifier, like (a|ab)*."""
        if under_repeat:
            seen: set[str] = set()
            for alt in alternatives:
                first = _first_chars(list(alt))
                if first is None or first & seen:
                    raise Invalid(
                        "alternatives under a quantifier must start with distinct literals",
                        code="unsafe_regex",
                    )
                seen |= first
        for alt in alternatives:
            self.walk(list(alt), under_repeat)


def _first_chars(items: list[Any]) -> set[str] | None:
    """Returns the possible first characters (case-folded) of a literal start, else None."""
    if not items:
        return None
    op, arg = items[0]
    if op is _c.LITERAL:
        ch = chr(arg)
        return {ch.lower(), ch.upper()}
    if op is _c.SUBPATTERN:
        return _first_chars(list(arg[-1]))
    return None
