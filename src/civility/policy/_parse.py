"""Strict readers for JSON-ish dicts that raise `Invalid` naming the offending path."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

from civility.errors import Invalid
from civility.policy.verdict import Action


def as_mapping(value: object, path: str) -> Mapping[str, Any]:
    """Returns value as a mapping with string keys or raises Invalid."""
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise Invalid(f"{path}: expected an object", code="invalid_policy")
    return value


def reject_unknown(data: Mapping[str, Any], allowed: Collection[str], path: str) -> None:
    """Raises Invalid if data has keys outside allowed (typos must not pass silently)."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise Invalid(f"{path}: unknown field(s) {', '.join(unknown)}", code="invalid_policy")


def number(value: object, path: str, lo: float, hi: float) -> float:
    """Returns value as a finite float within [lo, hi] or raises Invalid."""
    # bool is an int subclass; `true` as a threshold is always a client bug.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"{path}: expected a number", code="invalid_policy")
    result = float(value)
    if math.isnan(result) or not lo <= result <= hi:
        raise Invalid(f"{path}: must be within [{lo}, {hi}]", code="invalid_policy")
    return result


def integer(value: object, path: str, lo: int, hi: int) -> int:
    """Returns value as an int within [lo, hi] or raises Invalid."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{path}: expected an integer", code="invalid_policy")
    if not lo <= value <= hi:
        raise Invalid(f"{path}: must be within [{lo}, {hi}]", code="invalid_policy")
    return value


def optional_number(value: object, path: str, lo: float, hi: float) -> float | None:
    """Like number() but lets null through."""
    return None if value is None else number(value, path, lo, hi)


def boolean(value: object, path: str) -> bool:
    """Returns value if it is a bool or raises Invalid."""
    if not isinstance(value, bool):
        raise Invalid(f"{path}: expected true or false", code="invalid_policy")
    return value


def action(value: object, path: str, allowed: Collection[Action] = tuple(Action)) -> Action:
    """Returns value as one of the allowed actions or raises Invalid."""
    if isinstance(value, str):
        try:
            parsed = Action(value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed in allowed:
            return parsed
    names = ", ".join(a.value for a in allowed)
    raise Invalid(f"{path}: expected one of {names}", code="invalid_policy")
