"""Request ids: taken from X-Request-ID (or made), logged with every line, carried to the worker.

The id is bound to structlog's context variables for the request, so every log line the
request writes carries `request_id`; it goes back in the response's X-Request-ID header and
into the queue body of each message the request accepts, where the worker logs it again.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = structlog.get_logger(__name__)

HEADER = "X-Request-ID"
KEY = "request_id"
# A caller's id is kept when it is short and plain (it ends up in logs and headers).
_ACCEPTED = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")


def accept(value: str | None) -> str:
    """Returns the caller's id when it is acceptable, else a new one."""
    if value is not None and _ACCEPTED.fullmatch(value):
        return value
    return new_id()


def new_id() -> str:
    """A random version 4 UUID as 32 hex digits (uuid4().hex without building a UUID)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
    return raw.hex()


def current() -> str | None:
    """Returns the request id bound to this context, if any."""
    value = structlog.contextvars.get_contextvars().get(KEY)
    return value if isinstance(value, str) else None


def queue_body(message_id: str) -> dict[str, str]:
    """Returns the queue body for a message id, with the current request id when there is one."""
    rid = current()
    return {"id": message_id, KEY: rid} if rid else {"id": message_id}


def from_bodies(bodies: Iterable[Mapping[str, Any]]) -> list[str]:
    """Returns the distinct request ids carried by queue bodies, in order."""
    seen: dict[str, None] = {}
    for body in bodies:
        rid = body.get(KEY)
        if isinstance(rid, str):
            seen.setdefault(rid)
    return list(seen)


@contextmanager
def bound(rid: str) -> Iterator[None]:
    """Binds a request id to the log context for the duration of the block."""
    with structlog.contextvars.bound_contextvars(**{KEY: rid}):
        yield


class RequestIdMiddleware:
    """Binds each HTTP request's id to the log context and returns it in X-Request-ID.

    It also logs each request once it is answered: 5xx answers as warnings (so the id a client
    reports finds the failure), everything else at debug level.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = HEADER.lower().encode()
        given = next((v for k, v in scope["headers"] if k == header), None)
        rid = accept(given.decode("latin-1") if given is not None else None)

        status = 500
        start = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != header]
                message["headers"] = [*headers, (header, rid.encode())]
            await send(message)

        # As bound(rid), without a generator-based context manager per request.
        tokens = structlog.contextvars.bind_contextvars(**{KEY: rid})
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")
            # A refusal of the admission bound is counted (shed metric), not a fault.
            shed = scope.get("civility.shed", False)
            level = log.warning if status >= 500 and not shed else log.debug
            level(
                "http.request",
                method=scope["method"],
                route=route,
                status=status,
                ms=round((time.perf_counter() - start) * 1000, 1),
            )
            structlog.contextvars.reset_contextvars(**tokens)
