"""What Civility refuses, refused here first: nothing is stored that Civility would not take.

The limits mirror the service's (`CIVILITY_MAX_TEXT_LENGTH`, ids of 1-200 characters without
NUL, ratings of 0 to 5 stars). A service configured differently: set COMMUNITY_TEXT_LIMIT.
"""

from __future__ import annotations

import math
import os

TEXT_LIMIT = int(os.environ.get("COMMUNITY_TEXT_LIMIT", "10000"))
ID_LIMIT = 200
STARS = (0.0, 5.0)


class Refused(ValueError):
    """Input the community refuses, with the reason shown to the user."""


def author(value: str) -> str:
    """Returns a valid author name (what Civility accepts as an author id)."""
    name = value.strip()
    if not name:
        raise Refused("a name is required")
    if len(name) > ID_LIMIT or "\x00" in name:
        raise Refused(f"a name is at most {ID_LIMIT} characters, without NUL")
    return name


def text(value: str, what: str = "text") -> str:
    """Returns a text Civility will moderate: not blank, within its limit, without NUL."""
    if not value.strip():
        raise Refused(f"the {what} is empty")
    if len(value) > TEXT_LIMIT:
        raise Refused(f"the {what} is {len(value)} characters; the limit is {TEXT_LIMIT}")
    if "\x00" in value:
        raise Refused(f"the {what} contains a NUL character")
    return value


def stars(value: str) -> float:
    """Returns a rating of 0 to 5 stars (Civility's range), refusing anything else."""
    try:
        score = float(value)
    except ValueError:
        raise Refused("a rating is a number of stars") from None
    low, high = STARS
    if not math.isfinite(score) or not low <= score <= high:
        raise Refused(f"a rating is {low:g} to {high:g} stars")
    return score
