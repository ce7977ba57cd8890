"""Mounts the dashboard (pages, static files, its error pages) on the API's app."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape

from civility.web import routes_admin, routes_auth, routes_queue, routes_reports, routes_users
from civility.web.actions import ActionFailed
from civility.web.deps import PREFIX, LoginRequired, PageForbidden, is_htmx, page

STATIC_DIR = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """Adds the dashboard routes under /dashboard and its static files."""
    app.mount(PREFIX + "/static", StaticFiles(directory=STATIC_DIR), name="dashboard-static")
    for module in (routes_auth, routes_queue, routes_users, routes_reports, routes_admin):
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
    return _message(request, 403, message)


async def _failed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ActionFailed)
    return _message(request, exc.status, exc.message)


def _message(request: Request, status: int, message: str) -> Response:
    if is_htmx(request):
        # Shown in the page's message area, whatever the request targeted.
        html = f'<div class="flash error" role="alert">{escape(message)}</div>'
        return HTMLResponse(
            html, status, headers={"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        )
    return page(request, "error.html", None, status_code=status, message=message, code=status)
