"""Statistics: decisions by decision and by category per hour or day."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Query
from pydantic import BaseModel

from civility.api.deps import ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Instant
from civility.enforcement.service import DEFAULT_SPAN, StatsQuery

router = APIRouter(prefix="/v1", tags=["stats"])


class BucketOut(BaseModel):
    """One time bucket: decisions by action, and by category (rule reason code for rules)."""

    start: datetime
    total: int
    decisions: dict[str, int]
    categories: dict[str, int]


class StatsOut(BaseModel):
    """Counts over [since, until), oldest bucket first; empty buckets are included."""

    bucket: str
    since: datetime
    until: datetime
    channel_id: str | None
    author_id: str | None
    buckets: list[BucketOut]


@router.get("/stats", response_model=StatsOut, responses=ERRORS)
async def stats(
    _: Reader,
    c: ContainerDep,
    channel_id: Annotated[str | None, Query(max_length=200)] = None,
    author_id: Annotated[str | None, Query(max_length=200)] = None,
    bucket: Literal["hour", "day"] = "hour",
    since: Instant | None = None,
    until: Instant | None = None,
) -> StatsOut:
    """Counts decisions per bucket (default range: the last day hourly, 30 days daily)."""
    users = c.enforcement
    until = until or users.default_range(bucket)[1]
    query = StatsQuery(
        since=since or until - DEFAULT_SPAN[bucket],
        until=until,
        bucket=bucket,
        channel_id=channel_id,
        author_id=author_id,
    )
    buckets = await anyio.to_thread.run_sync(users.stats, query)
    return StatsOut(
        bucket=bucket,
        since=query.since,
        until=query.until,
        channel_id=channel_id,
        author_id=author_id,
        buckets=[
            BucketOut(start=b.start, total=b.total, decisions=b.decisions, categories=b.categories)
            for b in buckets
        ],
    )
