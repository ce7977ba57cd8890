"""The ASGI entry point for uvicorn: `civility.api.asgi:create` (a factory, settings from env)."""

from __future__ import annotations

from fastapi import FastAPI

from civility.api.app import create_app
from civility.container import build_container
from civility.logging import configure_logging
from civility.settings import load_settings


def create() -> FastAPI:
    """Builds the app from CIVILITY_* settings; the container is built at startup."""
    settings = load_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    return create_app(lambda: build_container(settings))
