"""Users: standing (strikes, bans), violations, and moderators' bans, unbans and resets."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from civility.api.deps import ContainerDep, Reader, require
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, MessageOut, Strict, message_out
from civility.auth.keys import Permission, Principal
from civility.enforcement.records import BanIssued
from civility.enforcement.service import UserReport

router = APIRouter(prefix="/v1", tags=["users"])

Enforcer = Annotated[Principal, Depends(require(Permission.ENFORCE))]
AuthorPath = Annotated[str, Path(min_length=1, max_length=200)]
Reason = Annotated[str, Field(min_length=1, max_length=1000)]
TEN_YEARS_S = 10 * 365 * 86_400


class StrikesOut(BaseModel):
    """Strikes that still count: how many, and their summed weight."""

    count: int
    weight: float


class BanOut(BaseModel):
    """A ban in force; `channel_id` null = every channel, `until` null = permanent."""

    author_id: str
    channel_id: str | None
    since: datetime
    until: datetime | None
    permanent: bool
    actor: str
    reason: str


class UserOut(BaseModel):
    """A user's standing in a channel (or everywhere when no channel is given)."""

    author_id: str
    channel_id: str | None
    banned: bool
    strikes: StrikesOut
    global_strikes: StrikesOut
    bans: list[BanOut]
    policy_version: int


class ViolationOut(BaseModel):
    """A message that was not allowed, with the strike it earned (if any)."""

    message: MessageOut
    strike_weight: float | None


class ViolationPage(BaseModel):
    """Violations newest first; pass next_cursor as `cursor` for the next page."""

    items: list[ViolationOut]
    next_cursor: str | None


class BanPage(BaseModel):
    """Bans in force."""

    items: list[BanOut]


class BanIn(Strict):
    """A ban: no channel = every channel; no duration = permanent."""

    channel_id: Id | None = None
    duration_seconds: int | None = Field(None, ge=1, le=TEN_YEARS_S)
    reason: Reason


class UnbanIn(Strict):
    """Lifts the bans of exactly this scope (no channel = the global bans)."""

    channel_id: Id | None = None
    reason: Reason


class ResetIn(Strict):
    """Forgets the strikes so far, in one channel or (no channel) everywhere."""

    channel_id: Id | None = None
    reason: Reason = "strikes reset by a moderator"


def ban_out(ban: BanIssued) -> BanOut:
    """Builds the response form of a ban."""
    return BanOut(
        author_id=ban.user_id,
        channel_id=ban.channel_id,
        since=ban.at,
        until=ban.until,
        permanent=ban.permanent,
        actor=ban.actor,
        reason=ban.reason,
    )


def user_out(report: UserReport) -> UserOut:
    """Builds the response form of a user's standing."""
    return UserOut(
        author_id=report.author_id,
        channel_id=report.channel_id,
        banned=report.banned,
        strikes=StrikesOut(count=report.strike_count, weight=report.strike_weight),
        global_strikes=StrikesOut(
            count=report.global_strike_count, weight=report.global_strike_weight
        ),
        bans=[ban_out(b) for b in report.bans],
        policy_version=report.policy_version,
    )


@router.get("/users/{author_id}", response_model=UserOut, responses=ERRORS)
async def get_user(
    author_id: AuthorPath, _: Reader, c: ContainerDep, channel_id: str | None = None
) -> UserOut:
    """Returns active strikes (count and weight) and the bans in force."""
    report = await anyio.to_thread.run_sync(c.enforcement.status, author_id, channel_id)
    return user_out(report)


@router.get("/users/{author_id}/violations", response_model=ViolationPage, responses=ERRORS)
async def list_violations(
    author_id: AuthorPath,
    _: Reader,
    c: ContainerDep,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ViolationPage:
    """Lists the user's flagged, hidden and blocked messages with decisions, newest first."""
    found = await anyio.to_thread.run_sync(c.moderation.violations, author_id, cursor, limit)
    items = [
        ViolationOut(
            message=message_out(
                v.view,
                include_text=True,
                unsupported=c.unsupported_for(v.view.message.language),
            ),
            strike_weight=v.strike.weight if v.strike else None,
        )
        for v in found
    ]
    next_cursor = found[-1].view.message.id if len(found) == limit else None
    return ViolationPage(items=items, next_cursor=next_cursor)


@router.post("/users/{author_id}/ban", status_code=201, response_model=UserOut, responses=ERRORS)
async def ban_user(author_id: AuthorPath, body: BanIn, who: Enforcer, c: ContainerDep) -> UserOut:
    """Bans a user in a channel or everywhere, for a time or for good; returns the standing."""
    duration = None if body.duration_seconds is None else timedelta(seconds=body.duration_seconds)

    def act() -> UserReport:
        users = c.enforcement
        users.ban(author_id, body.channel_id, duration, actor=who.id, reason=body.reason)
        return users.status(author_id, body.channel_id)

    return user_out(await anyio.to_thread.run_sync(act))


@router.post("/users/{author_id}/unban", response_model=UserOut, responses=ERRORS)
async def unban_user(
    author_id: AuthorPath, body: UnbanIn, who: Enforcer, c: ContainerDep
) -> UserOut:
    """Lifts the user's bans of this scope; 409 not_banned if there is none."""

    def act() -> UserReport:
        users = c.enforcement
        users.unban(author_id, body.channel_id, actor=who.id, reason=body.reason)
        return users.status(author_id, body.channel_id)

    return user_out(await anyio.to_thread.run_sync(act))


@router.post("/users/{author_id}/strikes/reset", response_model=UserOut, responses=ERRORS)
async def reset_user_strikes(
    author_id: AuthorPath, body: ResetIn, who: Enforcer, c: ContainerDep
) -> UserOut:
    """Forgets the user's strikes so far (bans in force stay; lift them with unban)."""

    def act() -> UserReport:
        users = c.enforcement
        users.reset_strikes(author_id, body.channel_id, actor=who.id, reason=body.reason)
        return users.status(author_id, body.channel_id)

    return user_out(await anyio.to_thread.run_sync(act))


@router.get("/bans", response_model=BanPage, responses=ERRORS)
async def list_bans(
    _: Reader,
    c: ContainerDep,
    channel_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> BanPage:
    """Lists bans in force: in a channel (global ones included) or everywhere."""
    bans = await anyio.to_thread.run_sync(c.enforcement.bans, channel_id, limit)
    return BanPage(items=[ban_out(b) for b in bans])
