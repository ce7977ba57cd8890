"""Running service calls from pages: domain errors become readable messages, not JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlencode

import anyio
from fastapi.responses import RedirectResponse

from civility.errors import DomainError, http_status
from civility.web.deps import PREFIX

T = TypeVar("T")


class ActionFailed(Exception):
    """A page action the domain refused; shown to the user as a message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def call(fn: Callable[..., T], *args: object) -> T:
    """Runs a blocking service call in a worker thread, turning domain errors into messages."""
    try:
        return await anyio.to_thread.run_sync(fn, *args)
    except DomainError as exc:
        status = http_status(exc)
        raise ActionFailed(status, exc.message) from exc


def safe_back(target: str | None, default: str) -> str:
    """Returns a redirect target inside the dashboard (never another site)."""
    if target and target.startswith(PREFIX + "/") and not target.startswith("//"):
        return target
    return default


def redirect(path: str, **flash: str) -> RedirectResponse:
    """Redirects after a form post (303), with an optional `msg` shown on the next page."""
    sep = "&" if "?" in path else "?"
    query = urlencode({k: v for k, v in flash.items() if v})
    return RedirectResponse(path + (sep + query if query else ""), status_code=303)
