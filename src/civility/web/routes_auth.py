"""Sign in and sign out."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from civility.auth.sessions import new_session, session_key
from civility.container import Container
from civility.errors import RateLimited, Unauthorized
from civility.web.actions import ActionFailed, call, safe_back
from civility.web.deps import (
    PREFIX,
    SESSION_HOURS,
    Viewer,
    check_csrf,
    container_of,
    page,
    session_of,
    set_session,
)
from civility.web.proxies import client_address

router = APIRouter(prefix=PREFIX, include_in_schema=False)

# Sign-ins waiting for a hashing slot beyond this are turned away at once: a flood of them
# must not pile up in memory either.
MAX_WAITING_HASHES = 64


def _hash_slots(request: Request, c: Container) -> anyio.Semaphore:
    """The app's bound on concurrent password hashes (argon2 takes 64 MiB each)."""
    slots: anyio.Semaphore | None = getattr(request.app.state, "login_hash_slots", None)
    if slots is None:
        slots = anyio.Semaphore(c.settings.login_concurrent_hashes)
        request.app.state.login_hash_slots = slots
    return slots


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, next: str = "") -> HTMLResponse:
    """Shows the sign-in form."""
    return page(request, "login.html", None, next=next, error=None)


@router.post("/login", response_model=None, dependencies=[Depends(check_csrf)])
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form()] = "",
) -> Response:
    """Checks the password and starts a fresh server-side session (new id and CSRF token).

    Locked-out accounts and addresses are refused before any hashing; at most
    CIVILITY_LOGIN_CONCURRENT_HASHES passwords are hashed at once.
    """
    c = container_of(request)
    address = client_address(request, c.settings.trusted_proxies)
    slots = _hash_slots(request, c)
    try:
        c.login_throttle.check(username, address)
        if slots.statistics().tasks_waiting >= MAX_WAITING_HASHES:
            raise RateLimited("too many sign-ins at once", retry_after=1, code="login_busy")
        async with slots:
            user = await call(c.dashboard.authenticate, username, password)
    except RateLimited as exc:
        return _refused(request, next, exc.message, 429, exc.retry_after)
    except ActionFailed as exc:
        if not isinstance(exc.__cause__, Unauthorized):
            raise
        c.login_throttle.failed(username, address)
        return page(request, "login.html", None, status_code=401, next=next, error=exc.message)
    c.login_throttle.succeeded(username)
    max_age = c.settings.session_max_age_seconds
    session = new_session(user.username, time.time(), max_age)
    assert session.sid is not None
    now = c.clock.now()
    await anyio.to_thread.run_sync(
        c.sessions.start,
        session_key(session.sid),
        user.username,
        now,
        now + timedelta(seconds=max_age),
    )
    response = RedirectResponse(safe_back(next, PREFIX + "/queue"), status_code=303)
    set_session(request, response, session)
    return response


def _refused(request: Request, next: str, message: str, status: int, wait: float) -> Response:
    response = page(request, "login.html", None, status_code=status, next=next, error=message)
    response.headers["Retry-After"] = str(max(1, round(wait)))
    return response


@router.post("/logout", dependencies=[Depends(check_csrf)])
async def logout(request: Request, _: Viewer) -> RedirectResponse:
    """Ends the session on the server (the cookie alone no longer signs anyone in)."""
    c = container_of(request)
    sid = session_of(request).sid
    if sid is not None:
        await anyio.to_thread.run_sync(c.sessions.end, session_key(sid), c.clock.now())
    response = RedirectResponse(PREFIX + "/login", status_code=303)
    set_session(request, response, new_session(None, time.time(), SESSION_HOURS * 3600))
    return response
