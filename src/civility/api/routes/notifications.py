"""Notification channels (admin only): Slack and Discord incoming webhooks told about events."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from civility.api.deps import Admin, ContainerDep
from civility.api.routes.moderation import ERRORS
from civility.api.routes.webhooks import DeliveryList, DeliveryOut
from civility.api.schemas import Strict
from civility.auth.keys import Principal
from civility.container import Container
from civility.notifications.models import (
    DEFAULT_EVENT_TYPES,
    ChannelKind,
    ChannelOptions,
    QuietHours,
    TextMode,
)
from civility.notifications.service import NewChannel, masked_url
from civility.policy.verdict import Severity
from civility.webhooks.models import DeliveryRecord, Subscription

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])

Level = Literal["low", "medium", "high"]


class QuietHoursIn(Strict):
    """A daily window (local time in `timezone`) when only `min_severity` and above go out."""

    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["22:00"])
    end: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["07:00"])
    timezone: str = Field("UTC", max_length=64, examples=["Europe/Berlin"])
    min_severity: Level | None = Field(None, description="None: nothing goes out in the window.")


class ChannelIn(Strict):
    """A new channel: where to post, which events, from which severity, with how much text."""

    kind: ChannelKind
    url: str = Field(min_length=1, max_length=2000, description="The incoming-webhook URL.")
    name: str = Field("", max_length=100)
    event_types: list[str] = Field(
        default_factory=lambda: list(DEFAULT_EVENT_TYPES), min_length=1, max_length=50
    )
    min_severity: Level = "medium"
    quiet_hours: QuietHoursIn | None = None
    text: TextMode = Field(
        TextMode.REDACTED, description="none, redacted (default: a masked excerpt) or full."
    )


class ChannelOut(BaseModel):
    """A channel; the URL's secret path is never shown again."""

    id: str
    kind: str
    name: str
    url: str
    event_types: list[str]
    min_severity: str
    quiet_hours: dict[str, str | None] | None
    text: str
    enabled: bool
    consecutive_failures: int
    created_at: datetime


class ChannelList(BaseModel):
    """Every channel."""

    items: list[ChannelOut]


def _out(s: Subscription) -> ChannelOut:
    options = ChannelOptions.from_dict(s.options)
    return ChannelOut(
        id=s.id,
        kind=s.kind,
        name=options.name,
        url=masked_url(s.url),
        event_types=list(s.event_types),
        min_severity=options.min_severity.value,
        quiet_hours=options.quiet_hours.to_dict() if options.quiet_hours else None,
        text=options.text.value,
        enabled=s.enabled,
        consecutive_failures=s.consecutive_failures,
        created_at=s.created_at,
    )


def _delivery(d: DeliveryRecord) -> DeliveryOut:
    return DeliveryOut(
        id=d.id,
        event_id=d.event_id,
        event_type=d.event_type,
        attempts=d.attempts,
        status_code=d.status_code,
        ok=d.ok,
        error=d.error,
        duration_ms=d.duration_ms,
        created_at=d.created_at,
    )


def _new(body: ChannelIn) -> NewChannel:
    quiet = None
    if body.quiet_hours is not None:
        quiet = QuietHours.from_dict(body.quiet_hours.model_dump())
    options = ChannelOptions(
        name=body.name, min_severity=Severity(body.min_severity), quiet_hours=quiet, text=body.text
    )
    return NewChannel(body.kind, body.url, tuple(body.event_types), options)


@router.post("", response_model=ChannelOut, status_code=201, responses=ERRORS)
async def create_channel(body: ChannelIn, who: Admin, c: ContainerDep) -> ChannelOut:
    """Adds a Slack or Discord channel; it is told about events from now on."""
    channel = await anyio.to_thread.run_sync(c.notifications.create, _new(body), who.id)
    return _out(channel)


@router.get("", response_model=ChannelList, responses=ERRORS)
async def list_channels(_: Admin, c: ContainerDep) -> ChannelList:
    """Lists the channels."""
    channels = await anyio.to_thread.run_sync(c.notifications.all)
    return ChannelList(items=[_out(s) for s in channels])


@router.get("/{channel_id}", response_model=ChannelOut, responses=ERRORS)
async def get_channel(channel_id: str, _: Admin, c: ContainerDep) -> ChannelOut:
    """Returns one channel."""
    return _out(await anyio.to_thread.run_sync(c.notifications.get, channel_id))


@router.delete("/{channel_id}", status_code=204, responses=ERRORS)
async def delete_channel(channel_id: str, who: Admin, c: ContainerDep) -> Response:
    """Removes a channel and its delivery log."""
    await anyio.to_thread.run_sync(c.notifications.delete, channel_id, who.id)
    return Response(status_code=204)


async def _set_state(channel_id: str, enabled: bool, who: Principal, c: Container) -> ChannelOut:
    channel = await anyio.to_thread.run_sync(
        c.notifications.set_enabled, channel_id, enabled, who.id
    )
    return _out(channel)


# Two routes, not one `/{channel_id}/{state}`: POST …/deliveries must be a 405, not a 422.
@router.post("/{channel_id}/enable", response_model=ChannelOut, responses=ERRORS)
async def enable(channel_id: str, who: Admin, c: ContainerDep) -> ChannelOut:
    """Resumes a channel (from the newest event, after an auto-disable too)."""
    return await _set_state(channel_id, True, who, c)


@router.post("/{channel_id}/disable", response_model=ChannelOut, responses=ERRORS)
async def disable(channel_id: str, who: Admin, c: ContainerDep) -> ChannelOut:
    """Pauses a channel."""
    return await _set_state(channel_id, False, who, c)


@router.get("/{channel_id}/deliveries", response_model=DeliveryList, responses=ERRORS)
async def deliveries(
    channel_id: str,
    _: Admin,
    c: ContainerDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> DeliveryList:
    """Returns the channel's newest deliveries (the webhook delivery log)."""
    items = await anyio.to_thread.run_sync(c.notifications.deliveries, channel_id, limit)
    return DeliveryList(items=[_delivery(d) for d in items])
