"""Who counts as senior in the dashboard (resolves escalations, decides any appeal)."""

from __future__ import annotations

from civility.auth.dashboard import DashboardUser
from civility.container import Container
from civility.review.seniority import is_senior


def senior(c: Container, user: DashboardUser) -> bool:
    """Tells whether the signed-in user is an admin, or holds CIVILITY_REVIEW_SENIOR_ROLE."""
    return is_senior(user.role.value, c.settings.review_senior_role)
