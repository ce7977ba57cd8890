"""Webhook subscriptions (admin only): create, list, delete, rotate the secret, see deliveries."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from civility.api.deps import Admin, ContainerDep
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Strict
from civility.webhooks.models import DeliveryRecord, Subscription

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


class WebhookIn(Strict):
    """A new subscription."""

    url: str = Field(min_length=1, max_length=2000)
    event_types: list[str] = Field(min_length=1, max_length=50)


class WebhookOut(BaseModel):
    """A subscription; `secret` only in the answers to create and rotate-secret."""

    id: str
    url: str
    event_types: list[str]
    enabled: bool
    consecutive_failures: int
    created_at: datetime
    secret: str | None = None
    previous_secret_valid_until: datetime | None = None


class WebhookList(BaseModel):
    """Every subscription."""

    items: list[WebhookOut]


class DeliveryOut(BaseModel):
    """One delivery of one event (after its retries)."""

    id: int | None
    event_id: str
    event_type: str
    attempts: int
    status_code: int | None
    ok: bool
    error: str | None
    duration_ms: float
    created_at: datetime


class DeliveryList(BaseModel):
    """Newest deliveries first."""

    items: list[DeliveryOut]


def _out(s: Subscription, *, with_secret: bool = False) -> WebhookOut:
    return WebhookOut(
        id=s.id,
        url=s.url,
        event_types=list(s.event_types),
        enabled=s.enabled,
        consecutive_failures=s.consecutive_failures,
        created_at=s.created_at,
        secret=s.secret if with_secret else None,
        previous_secret_valid_until=s.previous_secret_until if with_secret else None,
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


@router.post("", response_model=WebhookOut, status_code=201, responses=ERRORS)
async def create_webhook(body: WebhookIn, who: Admin, c: ContainerDep) -> WebhookOut:
    """Subscribes a URL to event types (`message.*`, `user.banned`, `*`); shows the secret once."""
    sub = await anyio.to_thread.run_sync(c.webhooks.create, body.url, body.event_types, who.id)
    return _out(sub, with_secret=True)


@router.get("", response_model=WebhookList, responses=ERRORS)
async def list_webhooks(_: Admin, c: ContainerDep) -> WebhookList:
    """Lists subscriptions (without secrets)."""
    subs = await anyio.to_thread.run_sync(c.webhooks.all)
    return WebhookList(items=[_out(s) for s in subs])


@router.delete("/{webhook_id}", status_code=204, responses=ERRORS)
async def delete_webhook(webhook_id: str, who: Admin, c: ContainerDep) -> Response:
    """Removes a subscription and its delivery log."""
    await anyio.to_thread.run_sync(c.webhooks.delete, webhook_id, who.id)
    return Response(status_code=204)


@router.post("/{webhook_id}/rotate-secret", response_model=WebhookOut, responses=ERRORS)
async def rotate_secret(webhook_id: str, who: Admin, c: ContainerDep) -> WebhookOut:
    """Issues a new secret; the old one stays valid (both sign) for the grace period."""
    sub = await anyio.to_thread.run_sync(c.webhooks.rotate_secret, webhook_id, who.id)
    return _out(sub, with_secret=True)


class EnableIn(Strict):
    """Options for turning a subscription back on."""

    skip_backlog: bool = Field(
        False, description="Start from the newest event instead of where delivery stopped."
    )


@router.post("/{webhook_id}/enable", response_model=WebhookOut, responses=ERRORS)
async def enable_webhook(
    webhook_id: str, who: Admin, c: ContainerDep, body: EnableIn | None = None
) -> WebhookOut:
    """Turns a subscription (e.g. auto-disabled after failures) back on; resets the failures."""
    skip = body.skip_backlog if body is not None else False
    sub = await anyio.to_thread.run_sync(
        functools.partial(c.webhooks.enable, webhook_id, who.id, skip_backlog=skip)
    )
    return _out(sub)


@router.post("/{webhook_id}/disable", response_model=WebhookOut, responses=ERRORS)
async def disable_webhook(webhook_id: str, who: Admin, c: ContainerDep) -> WebhookOut:
    """Stops deliveries to a subscription until it is enabled again."""
    sub = await anyio.to_thread.run_sync(c.webhooks.disable, webhook_id, who.id)
    return _out(sub)


@router.get("/{webhook_id}/deliveries", response_model=DeliveryList, responses=ERRORS)
async def list_deliveries(
    webhook_id: str,
    _: Admin,
    c: ContainerDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> DeliveryList:
    """Shows the newest deliveries: status code, attempts, error, duration."""
    items = await anyio.to_thread.run_sync(c.webhooks.deliveries, webhook_id, limit)
    return DeliveryList(items=[_delivery(d) for d in items])
