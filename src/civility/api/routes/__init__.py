"""Route modules, one per capability; `all_routers` is what the app mounts."""

from __future__ import annotations

from fastapi import APIRouter


def all_routers() -> list[APIRouter]:
    """Returns every router of the JSON API (imported here, when the app is built)."""
    from civility.api.routes import (
        api_keys,
        appeals,
        authors,
        blocklist,
        compat_coral,
        compat_openai,
        compat_perspective,
        events,
        exports,
        health,
        models,
        moderation,
        notifications,
        policies,
        ratings,
        review,
        stats,
        suggestions,
        tenants,
        user_reports,
        users,
        webhooks,
    )

    compat = [
        compat_perspective.router,
        suggestions.router,
        compat_openai.router,
        compat_coral.router,
    ]
    enforcement = [policies.router, blocklist.router, users.router, stats.router]
    return [
        health.router,
        moderation.router,
        tenants.router,
        models.router,
        events.router,
        review.router,
        user_reports.router,
        appeals.router,
        ratings.router,
        *compat,
        *enforcement,
        webhooks.router,
        api_keys.router,
        authors.router,
        exports.router,
        notifications.router,
    ]
