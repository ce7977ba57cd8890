"""User reports: the platform forwards them; moderators list the Reported queue and judge."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from civility.api.deps import ContainerDep, Reader, Submitter, require
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import ErrorOut, Id, Strict, Text
from civility.auth.keys import Permission, Principal
from civility.moderation.lookup import MessageRef
from civility.review.cursor import decode_cursor, encode_cursor
from civility.review.seniority import is_senior
from civility.user_reports.models import (
    MAX_REPORT_TEXT,
    Report,
    ReportedMessage,
    ReportedQuery,
    ReportReason,
    ReportStatus,
    ReportVerdict,
    parse_cursor,
)
from civility.user_reports.service import NewReport

router = APIRouter(prefix="/v1", tags=["reports"])

Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW))]
RESPONSES: dict[int | str, dict[str, Any]] = {**ERRORS, 409: {"model": ErrorOut}}


class ReportIn(Strict):
    """A user's report of a message: give `id`, or `channel_id` and `message_id`."""

    id: Id | None = Field(None, description="Civility's message id (`msg_…`).")
    channel_id: Id | None = None
    message_id: Id | None = Field(None, description="The platform's message id in the channel.")
    reporter_id: Id
    reason: ReportReason
    text: Annotated[Text, Field(max_length=MAX_REPORT_TEXT)] | None = Field(
        None, description="The reporter's own words; required with reason `other`."
    )


class ReportOut(BaseModel):
    """A stored report; `duplicate` when this reporter had already reported the message."""

    id: str
    message_id: str
    channel_id: str
    reporter_id: str
    reason: ReportReason
    text: str | None
    weight: float
    status: ReportStatus
    created_at: datetime
    resolved_by: str | None
    resolved_at: datetime | None
    duplicate: bool = False


class ReportedOut(BaseModel):
    """A message in the Reported queue."""

    id: str
    message_id: str
    channel_id: str
    author_id: str
    text: str
    decision: str | None
    open_reports: int
    weight: float
    reasons: dict[str, int]
    first_reported_at: datetime
    last_reported_at: datetime


class ReportedPage(BaseModel):
    """A page of the Reported queue; pass next_cursor as `cursor` for the next."""

    items: list[ReportedOut]
    next_cursor: str | None


class ReportVerdictIn(Strict):
    """A verdict on every open report of a message."""

    action: ReportVerdict
    note: Annotated[Text, Field(max_length=5000)] | None = None


class ReportReversalIn(Strict):
    """Why the newest verdict on a message's reports is taken back (required to reverse,
    optional to undo)."""

    note: Annotated[Text, Field(max_length=5000)] | None = None


def report_out(r: Report, duplicate: bool = False) -> ReportOut:
    """Builds the response form of a report."""
    return ReportOut(
        id=r.id,
        message_id=r.message_id,
        channel_id=r.channel_id,
        reporter_id=r.reporter_id,
        reason=r.reason,
        text=r.text,
        weight=r.weight,
        status=r.status,
        created_at=r.created_at,
        resolved_by=r.resolved_by,
        resolved_at=r.resolved_at,
        duplicate=duplicate,
    )


def reported_out(i: ReportedMessage) -> ReportedOut:
    """Builds the response form of a Reported queue item."""
    return ReportedOut(
        id=i.message_id,
        message_id=i.platform_message_id,
        channel_id=i.channel_id,
        author_id=i.author_id,
        text=i.text,
        decision=i.action,
        open_reports=i.open_reports,
        weight=i.weight,
        reasons=i.reasons,
        first_reported_at=i.first_reported_at,
        last_reported_at=i.last_reported_at,
    )


@router.post(
    "/reports",
    status_code=201,
    response_model=ReportOut,
    responses={
        **RESPONSES,
        200: {"model": ReportOut, "description": "Reported before by this reporter: the first."},
    },
)
async def submit_report(
    body: ReportIn, _: Submitter, c: ContainerDep, response: Response
) -> ReportOut:
    """Attaches a user's report to a message (200 with `duplicate` when sent again)."""
    ref = MessageRef(id=body.id, channel_id=body.channel_id, platform_message_id=body.message_id)
    new = NewReport(ref, body.reporter_id, body.reason, body.text)
    received = await anyio.to_thread.run_sync(c.user_reports.submit, new)
    if received.duplicate:
        response.status_code = 200
    return report_out(received.report, received.duplicate)


@router.get("/reports", response_model=list[ReportOut], responses=RESPONSES)
async def message_reports(
    _: Reader, c: ContainerDep, message_id: Annotated[str, Query(min_length=1, max_length=200)]
) -> list[ReportOut]:
    """Lists every report of one message (Civility's id), newest first."""
    reports = await anyio.to_thread.run_sync(c.user_reports.reports_of, message_id)
    return [report_out(r) for r in reports]


@router.get("/reports/queue", response_model=ReportedPage, responses=RESPONSES)
async def reported_queue(
    _: Reader,
    c: ContainerDep,
    channel_id: str | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ReportedPage:
    """Lists messages with open reports: heaviest summed reporter weight first."""
    query = ReportedQuery(
        channel_id=channel_id or None, cursor=parse_cursor(decode_cursor(cursor)), limit=limit
    )
    items, after = await anyio.to_thread.run_sync(c.user_reports.queue, query)
    return ReportedPage(items=[reported_out(i) for i in items], next_cursor=encode_cursor(after))


@router.post(
    "/reports/queue/{message_id}/resolve", response_model=list[ReportOut], responses=RESPONSES
)
async def resolve_reports(
    message_id: str, body: ReportVerdictIn, who: Reviewer, c: ContainerDep
) -> list[ReportOut]:
    """Dismisses (reports rejected) or hides/removes the message (reports upheld); the
    message's open review item takes the same verdict (dismiss approves a flagged one)."""
    high = is_senior(who.role.value, c.settings.review_senior_role)
    reports = await anyio.to_thread.run_sync(
        lambda: c.user_reports.resolve(
            message_id, who.id, body.action, body.note, review=c.review, senior=high
        )
    )
    return [report_out(r) for r in reports]


@router.post(
    "/reports/queue/{message_id}/reverse", response_model=list[ReportOut], responses=RESPONSES
)
async def reverse_reports(
    message_id: str, body: ReportReversalIn, who: Reviewer, c: ContainerDep
) -> list[ReportOut]:
    """Takes back the newest verdict on the message's reports (a note says why): they are
    open again, and a hide or remove it made is undone (its review item is pending again)."""
    reports = await anyio.to_thread.run_sync(
        lambda: c.user_reports.reverse(message_id, who.id, body.note, review=c.review)
    )
    return [report_out(r) for r in reports]


@router.post(
    "/reports/queue/{message_id}/undo", response_model=list[ReportOut], responses=RESPONSES
)
async def undo_reports(
    message_id: str, who: Reviewer, c: ContainerDep, body: ReportReversalIn | None = None
) -> list[ReportOut]:
    """Takes back the caller's own verdict on the message's reports within the undo window."""
    note = body.note if body is not None else None
    reports = await anyio.to_thread.run_sync(
        lambda: c.user_reports.reverse(message_id, who.id, note, undo=True, review=c.review)
    )
    return [report_out(r) for r in reports]
