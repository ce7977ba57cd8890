"""Who counts as senior: resolves escalations and may decide appeals of their own decisions."""

from __future__ import annotations

SENIOR_ROLES = ("admin", "moderator")


def is_senior(role: str, senior_role: str) -> bool:
    """Tells whether a role (API key or dashboard) is senior when `senior_role` is configured.

    Admins always are; with `senior_role` = `moderator` every moderator is too.
    """
    if senior_role not in SENIOR_ROLES:
        raise ValueError(f"senior role must be one of {SENIOR_ROLES}, not {senior_role!r}")
    return role == "admin" or (senior_role == "moderator" and role == "moderator")
