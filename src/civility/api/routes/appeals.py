"""Appeals: the platform forwards an author's appeal and polls it; moderators decide."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field, model_validator

from civility.api.deps import ContainerDep, Reader, Submitter, require
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import ErrorOut, Id, Strict, Text
from civility.appeals.models import (
    MAX_STATEMENT,
    Appeal,
    AppealKind,
    AppealOutcome,
    AppealQuery,
    AppealStatus,
)
from civility.appeals.service import NewAppeal
from civility.auth.keys import Permission, Principal
from civility.errors import Forbidden
from civility.moderation.lookup import MessageRef
from civility.review.seniority import is_senior

router = APIRouter(prefix="/v1", tags=["appeals"])

Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW))]
_platform = require(Permission.SUBMIT)
_reader = require(Permission.READ)


async def platform_or_reader(request: Request) -> Principal:
    """Lets the platform (service key) poll an appeal, and moderators read it."""
    try:
        return await _platform(request)
    except Forbidden:
        return await _reader(request)


PlatformOrReader = Annotated[Principal, Depends(platform_or_reader)]
RESPONSES: dict[int | str, dict[str, Any]] = {**ERRORS, 409: {"model": ErrorOut}}


class AppealIn(Strict):
    """An author's appeal: of a message's decision (`id`, or `channel_id` and `message_id`)
    or of a ban (`kind: ban`, `channel_id` of the ban; absent or null for a ban everywhere)."""

    kind: AppealKind = AppealKind.DECISION
    author_id: Id
    statement: Annotated[Text, Field(min_length=1, max_length=MAX_STATEMENT)]
    id: Id | None = Field(None, description="Civility's message id (`msg_…`).")
    channel_id: Id | None = None
    message_id: Id | None = Field(None, description="The platform's message id in the channel.")

    @model_validator(mode="after")
    def _ban_names_no_message(self) -> AppealIn:
        if self.kind is AppealKind.BAN and (self.id is not None or self.message_id is not None):
            raise ValueError("a ban appeal names the ban's channel_id, not a message")
        return self

    def domain(self) -> NewAppeal:
        """Returns the domain form."""
        if self.kind is AppealKind.BAN:
            return NewAppeal(self.kind, self.author_id, self.statement, channel_id=self.channel_id)
        ref = MessageRef(
            id=self.id, channel_id=self.channel_id, platform_message_id=self.message_id
        )
        return NewAppeal(self.kind, self.author_id, self.statement, message=ref)


class AppealOut(BaseModel):
    """An appeal and, once decided, its outcome; `duplicate` when it was already open."""

    id: str
    kind: AppealKind
    status: AppealStatus
    author_id: str
    channel_id: str | None
    message_id: str | None = Field(description="Civility's message id of a decision appeal.")
    statement: str
    original_action: str
    original_actor: str
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    note: str | None
    duplicate: bool = False


class AppealDecisionIn(Strict):
    """Uphold (reverse the decision, lift the ban) or deny."""

    outcome: AppealOutcome
    note: Annotated[Text, Field(max_length=5000)] | None = None


class AppealPage(BaseModel):
    """Appeals, newest first; pass next_before as `before` for the next page."""

    items: list[AppealOut]
    next_before: str | None


def appeal_out(a: Appeal, duplicate: bool = False) -> AppealOut:
    """Builds the response form of an appeal."""
    return AppealOut(
        id=a.id,
        kind=a.kind,
        status=a.status,
        author_id=a.author_id,
        channel_id=a.channel_id,
        message_id=a.message_id,
        statement=a.statement,
        original_action=a.original_action,
        original_actor=a.original_actor,
        created_at=a.created_at,
        decided_by=a.decided_by,
        decided_at=a.decided_at,
        note=a.decision_note,
        duplicate=duplicate,
    )


@router.post(
    "/appeals",
    status_code=201,
    response_model=AppealOut,
    responses={
        **RESPONSES,
        200: {"model": AppealOut, "description": "The same appeal is still open: that one."},
    },
)
async def submit_appeal(
    body: AppealIn, _: Submitter, c: ContainerDep, response: Response
) -> AppealOut:
    """Records an author's appeal (200 with `duplicate` when the same appeal is still open)."""
    submitted = await anyio.to_thread.run_sync(c.appeals.submit, body.domain())
    if submitted.duplicate:
        response.status_code = 200
    return appeal_out(submitted.appeal, submitted.duplicate)


@router.get("/appeals", response_model=AppealPage, responses=RESPONSES)
async def list_appeals(
    _: Reader,
    c: ContainerDep,
    status: AppealStatus | None = None,
    author_id: str | None = None,
    kind: AppealKind | None = None,
    before: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AppealPage:
    """Lists appeals, newest first, by status, author and kind (every status when absent)."""
    query = AppealQuery(status, author_id or None, kind, before or None, limit)
    items = await anyio.to_thread.run_sync(c.appeals.list_appeals, query)
    more = len(items) == limit
    return AppealPage(
        items=[appeal_out(a) for a in items], next_before=items[-1].id if more else None
    )


@router.get("/appeals/{appeal_id}", response_model=AppealOut, responses=RESPONSES)
async def get_appeal(appeal_id: str, _: PlatformOrReader, c: ContainerDep) -> AppealOut:
    """Returns an appeal: the platform polls it for the outcome (or listens to appeal.*)."""
    return appeal_out(await anyio.to_thread.run_sync(c.appeals.get, appeal_id))


@router.post("/appeals/{appeal_id}/decide", response_model=AppealOut, responses=RESPONSES)
async def decide_appeal(
    appeal_id: str, body: AppealDecisionIn, who: Reviewer, c: ContainerDep
) -> AppealOut:
    """Upholds or denies an appeal; the moderator who made the decision may not (admins may)."""
    senior = is_senior(who.role.value, c.settings.review_senior_role)

    def run() -> Any:
        return c.appeals.decide(appeal_id, who.id, body.outcome, senior=senior, note=body.note)

    return appeal_out(await anyio.to_thread.run_sync(run))
