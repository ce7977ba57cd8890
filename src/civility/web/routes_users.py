"""Author pages: search, standing, history, notes; ban, unban and strike resets."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from civility.appeals.models import AppealQuery
from civility.web.actions import ActionFailed, call, redirect
from civility.web.deps import PREFIX, Actor, Viewer, container_of, page
from civility.web.routes_queue import BAN_DURATIONS

router = APIRouter(prefix=PREFIX, include_in_schema=False)


@router.get("/users", response_class=HTMLResponse)
async def users(request: Request, user: Viewer, q: str = "", status: str = "") -> HTMLResponse:
    """Finds authors by id prefix, or lists the banned ones."""
    c = container_of(request)
    q = q.strip()
    banned: list[str] = []
    if status == "banned":
        bans = await call(c.enforcement.bans, None, 200)
        banned = sorted({b.user_id for b in bans})
    rows = await call(c.stats.authors, q, banned if status == "banned" else None, 50)
    return page(request, "users.html", user, q=q, status=status, rows=rows, nav="users")


@router.get("/users/{author_id}", response_class=HTMLResponse)
async def author(request: Request, author_id: str, user: Viewer, msg: str = "") -> HTMLResponse:
    """Shows an author's standing, bans, strike history, flagged messages and notes."""
    c = container_of(request)
    profile = await call(c.review.author, author_id)
    report = await call(c.enforcement.status, author_id, None)
    appeals = await call(c.appeals.list_appeals, AppealQuery(status=None, author_id=author_id))
    return page(
        request,
        "user.html",
        user,
        author_id=author_id,
        profile=profile,
        report=report,
        appeals=appeals,
        durations=BAN_DURATIONS,
        msg=msg,
        nav="users",
    )


def _back(author_id: str) -> str:
    return f"{PREFIX}/users/{quote(author_id, safe='')}"


def _scope(channel_id: str) -> str | None:
    return channel_id.strip() or None


@router.post("/users/{author_id}/ban")
async def ban(
    request: Request,
    author_id: str,
    user: Actor,
    duration: Annotated[str, Form()],
    reason: Annotated[str, Form(max_length=500)],
    channel_id: Annotated[str, Form(max_length=200)] = "",
) -> RedirectResponse:
    """Bans the author in one channel or everywhere."""
    if duration not in BAN_DURATIONS:
        raise ActionFailed(422, "pick a ban duration from the list")
    seconds = BAN_DURATIONS[duration]
    length = None if seconds is None else timedelta(seconds=seconds)
    users = container_of(request).review.enforcement
    await call(
        lambda: users.ban(
            author_id, _scope(channel_id), length, actor=user.actor, reason=reason or "dashboard"
        )
    )
    return redirect(_back(author_id), msg="Banned.")


@router.post("/users/{author_id}/unban")
async def unban(
    request: Request,
    author_id: str,
    user: Actor,
    channel_id: Annotated[str, Form(max_length=200)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> RedirectResponse:
    """Lifts the author's bans of one scope."""
    users = container_of(request).review.enforcement
    await call(
        lambda: users.unban(
            author_id, _scope(channel_id), actor=user.actor, reason=reason or "dashboard"
        )
    )
    return redirect(_back(author_id), msg="Ban lifted.")


@router.post("/users/{author_id}/strikes/reset")
async def reset(
    request: Request,
    author_id: str,
    user: Actor,
    channel_id: Annotated[str, Form(max_length=200)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> RedirectResponse:
    """Forgets the author's strikes in one channel or everywhere."""
    users = container_of(request).review.enforcement
    await call(
        lambda: users.reset_strikes(
            author_id, _scope(channel_id), actor=user.actor, reason=reason or "dashboard"
        )
    )
    return redirect(_back(author_id), msg="Strikes reset.")


@router.post("/users/{author_id}/notes")
async def note(
    request: Request,
    author_id: str,
    user: Actor,
    text: Annotated[str, Form(max_length=5000)],
) -> RedirectResponse:
    """Adds a note on the author."""
    c = container_of(request)
    await call(c.review.add_note, "user", author_id, user.actor, text)
    return redirect(_back(author_id), msg="Note added.")
