"""Route modules, one per capability; `all_routers` is what the app mounts."""

from __future__ import annotations

from fastapi import APIRouter


def all_routers() -> list[APIRouter]:
    """Returns every router of the JSON API (imported here, when the app is built)."""
    from civility.api.routes import events, health, moderation

    return [health.router, moderation.router, events.router]
