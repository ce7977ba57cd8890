"""Who is signed in, what they may do, CSRF checks and page rendering."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from civility.auth.dashboard import DashboardUser
from civility.auth.sessions import (
    COOKIE,
    Session,
    decode,
    encode,
    new_session,
    same_token,
    session_key,
)
from civility.container import Container
from civility.errors import Forbidden
from civility.review.seniority import is_senior
from civility.tenancy.models import DEFAULT_TENANT
from civility.web import render
from civility.web.proxies import is_https

PREFIX = "/dashboard"
SESSION_HOURS = 12

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(
    prefix=PREFIX, colors=render.ACTION_COLORS, urgency=render.urgency, deadline=render.deadline
)
templates.env.filters.update(duration=render.duration_label, sla=render.sla_label)


class LoginRequired(Exception):
    """No valid session: the handler sends the browser to the sign-in page."""


class PageForbidden(Exception):
    """The signed-in role may not see this page or take this action."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def container_of(request: Request) -> Container:
    """The signed-in user's tenant's container (the installation's before sign-in)."""
    tenant: Container | None = getattr(request.state, "tenant_container", None)
    if tenant is not None:
        return tenant
    c: Container = request.app.state.container
    return c


def session_of(request: Request) -> Session:
    """Returns the request's session, starting an anonymous one (with a CSRF token) if needed."""
    cached: Session | None = getattr(request.state, "session", None)
    if cached is not None:
        return cached
    secret = container_of(request).session_secret
    raw = request.cookies.get(COOKIE)
    session = decode(raw, secret, time.time()) if raw else None
    if session is None:
        session = new_session(None, time.time(), SESSION_HOURS * 3600)
        request.state.session_fresh = True
    request.state.session = session
    return session


def set_session(request: Request, response: Response, session: Session | None = None) -> None:
    """Writes the session cookie (signed, HttpOnly, SameSite=Lax; Secure by configuration).

    Secure comes from CIVILITY_SECURE_COOKIES (on in production), or from the request having
    come over HTTPS (X-Forwarded-Proto counts only from a trusted proxy), never from the Host
    header, which the client chooses.
    """
    c = container_of(request)
    session = session or session_of(request)
    response.set_cookie(
        COOKIE,
        encode(session, c.session_secret),
        max_age=int(max(session.expires - time.time(), 0)),
        path=PREFIX,
        httponly=True,
        samesite="lax",
        secure=c.settings.cookies_secure or is_https(request, c.settings.trusted_proxies),
    )


def _active_user(c: Container, session: Session) -> DashboardUser | None:
    """The session's user while its server-side session is active and the account enabled."""
    if session.username is None or session.sid is None:
        return None
    if c.sessions.active_user(session_key(session.sid), c.clock.now()) != session.username:
        return None
    return c.dashboard.current(session.username)


async def signed_in(request: Request) -> DashboardUser:
    """Returns the signed-in user (re-checked every request: logout and disabling end it)."""
    session = session_of(request)
    if session.username is None:
        raise LoginRequired
    root: Container = request.app.state.container
    user = await anyio.to_thread.run_sync(_active_user, root, session)
    if user is None:
        raise LoginRequired
    if user.tenant != DEFAULT_TENANT:
        # Every page and action after this works in the user's tenant only.
        try:
            request.state.tenant_container = await anyio.to_thread.run_sync(
                root.tenants.get, user.tenant
            )
        except Forbidden as exc:  # the tenant is disabled
            raise PageForbidden(exc.message) from None
    return user


async def check_csrf(request: Request) -> None:
    """Refuses a state-changing request without the session's CSRF token (header or field)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    token = request.headers.get("x-csrf-token")
    if token is None:
        form = await request.form()
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    if not same_token(token, session_of(request).csrf):
        raise PageForbidden("the form expired or did not come from this site; reload the page")


async def acting(
    user: Annotated[DashboardUser, Depends(signed_in)],
    _: Annotated[None, Depends(check_csrf)],
) -> DashboardUser:
    """Returns a user who may act (moderator or admin)."""
    if not user.role.can_act:
        raise PageForbidden(f"the {user.role.value} role can look but not act")
    return user


async def admin_only(user: Annotated[DashboardUser, Depends(signed_in)]) -> DashboardUser:
    """Returns an admin."""
    if not user.role.is_admin:
        raise PageForbidden("only admins may open this page")
    return user


async def admin_acting(
    user: Annotated[DashboardUser, Depends(admin_only)],
    _: Annotated[None, Depends(check_csrf)],
) -> DashboardUser:
    """Returns an admin for a state-changing request."""
    return user


Viewer = Annotated[DashboardUser, Depends(signed_in)]
Actor = Annotated[DashboardUser, Depends(acting)]
Admin = Annotated[DashboardUser, Depends(admin_only)]
AdminActor = Annotated[DashboardUser, Depends(admin_acting)]


def page(
    request: Request,
    name: str,
    user: DashboardUser | None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Renders a template with the user, the CSRF token and the clock in its context."""
    c = container_of(request)
    session = session_of(request)
    # Escalated items take a senior's verdict only (CIVILITY_REVIEW_SENIOR_ROLE).
    senior = user is not None and is_senior(user.role.value, c.settings.review_senior_role)
    response = templates.TemplateResponse(
        request,
        name,
        {
            "user": user,
            "csrf": session.csrf,
            "now": c.clock.now(),
            "ago": render.ago,
            "highlight": render.highlight,
            "senior": senior,
            **context,
        },
        status_code=status_code,
    )
    if getattr(request.state, "session_fresh", False):
        set_session(request, response, session)
    return response


def is_htmx(request: Request) -> bool:
    """Tells whether HTMX sent the request (it wants a fragment, not a page)."""
    return request.headers.get("hx-request") == "true"
