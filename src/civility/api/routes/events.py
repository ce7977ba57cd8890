"""The audit log."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Query

from civility.api.deps import ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import EventOut, EventPage, Instant
from civility.errors import Invalid
from civility.events.models import EventQuery

router = APIRouter(prefix="/v1", tags=["events"])


@router.get("/events", response_model=EventPage, responses=ERRORS)
async def list_events(
    _: Reader,
    c: ContainerDep,
    type: str | None = None,
    actor: str | None = None,
    channel_id: str | None = None,
    subject_id: str | None = None,
    since: Instant | None = None,
    until: Instant | None = None,
    cursor: Annotated[str | None, Query(pattern=r"^[0-9]{0,18}$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> EventPage:
    """Lists events newest first; `type` may end in `*` (e.g. `message.*`); since <= t < until."""
    before = None
    if cursor:
        # isdigit() alone takes '²' and 5,000-digit numbers; a seq is a plain 64-bit integer.
        if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 18):
            raise Invalid("cursor must be the next_cursor of a previous page", code="bad_cursor")
        before = int(cursor)
    query = EventQuery(
        type=type,
        actor=actor,
        channel_id=channel_id,
        subject_id=subject_id,
        before_seq=before,
        limit=limit,
        created_from=since,
        created_to=until,
    )
    events = await anyio.to_thread.run_sync(c.events.list_events, query)
    next_cursor = str(events[-1].seq) if len(events) == limit else None
    return EventPage(items=[EventOut(**e.to_dict()) for e in events], next_cursor=next_cursor)
