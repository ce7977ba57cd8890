"""Mounts the dashboard (pages, static files, its error pages) on the API's app."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape

from civility.web import (
    routes_admin,
    routes_appeals,
    routes_auth,
    routes_queue,
    routes_reported,
    routes_reports,
    routes_users,
)
from civility.web.actions import ActionFailed, safe_back
from civility.web.deps import PREFIX, LoginRequired, PageForbidden, is_htmx, page, signed_in

STATIC_DIR = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Adds the dashboard routes under /dashboard and its static files."""
    app.mount(PREFIX + "/static", StaticFiles(directory=STATIC_DIR), name="dashboard-static")
    for module in (routes_auth, routes_queue, routes_users, routes_reports, routes_admin):
        app.include_router(module.router)
    for module in (routes_reported, routes_appeals):
        app.include_router(module.router)
    app.include_router(routes_admin.root)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(PageForbidden, _forbidden)
    app.add_exception_handler(ActionFailed, _failed)


async def _login_required(request: Request, _: Exception) -> Response:
    target = f"{PREFIX}/login?next={quote(request.url.path, safe='/')}"
    if is_htmx(request):
        # A fragment request after the session ended: reload the whole page onto the form.
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def _forbidden(request: Request, exc: Exception) -> Response:
    message = exc.message if isinstance(exc, PageForbidden) else "forbidden"
    return await _message(request, 403, message)


async def _failed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ActionFailed)
    return await _message(request, exc.status, exc.message)


async def _message(request: Request, status: int, message: str) -> Response:
    if is_htmx(request):
        # Shown in the page's message area, whatever the request targeted.
        html = f'<div class="flash error" role="alert">{escape(message)}</div>'
        return HTMLResponse(
            html, status, headers={"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        )
    # The navigation stays (the signed-in user is looked up again), with a way back to the
    # page the form was on.
    try:
        user = await signed_in(request)
    except LoginRequired:
        user = None
    referer = urlsplit(request.headers.get("referer", ""))
    back = None
    if referer.netloc == request.url.netloc and referer.path != request.url.path:
        back = safe_back(referer.path + (f"?{referer.query}" if referer.query else ""), "")
    return page(
        request,
        "error.html",
        user,
        status_code=status,
        message=message,
        code=status,
        back=back or None,
        nav="",
    )
