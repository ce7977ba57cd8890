"""Sign in and sign out."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from civility.auth.sessions import new_session
from civility.errors import Unauthorized
from civility.web.actions import ActionFailed, call, safe_back
from civility.web.deps import (
    PREFIX,
    SESSION_HOURS,
    Viewer,
    check_csrf,
    container_of,
    page,
    set_session,
)

router = APIRouter(prefix=PREFIX, include_in_schema=False)


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
    """Checks the password and starts a fresh session (new CSRF token) on success."""
    accounts = container_of(request).dashboard
    try:
        user = await call(accounts.authenticate, username, password)
    except ActionFailed as exc:
        if not isinstance(exc.__cause__, Unauthorized):
            raise
        return page(request, "login.html", None, status_code=401, next=next, error=exc.message)
    session = new_session(user.username, time.time(), SESSION_HOURS * 3600)
    response = RedirectResponse(safe_back(next, PREFIX + "/queue"), status_code=303)
    set_session(request, response, session)
    return response


@router.post("/logout", dependencies=[Depends(check_csrf)])
async def logout(request: Request, _: Viewer) -> RedirectResponse:
    """Ends the session."""
    response = RedirectResponse(PREFIX + "/login", status_code=303)
    set_session(request, response, new_session(None, time.time(), SESSION_HOURS * 3600))
    return response
