"""Moderation reports: decisions, queue, enforcement and moderators as CSV, Excel or PDF."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Response

from civility.api.deps import ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Instant
from civility.reports.service import MEDIA_TYPES, ReportFormat

router = APIRouter(prefix="/v1", tags=["exports"])


@router.get(
    "/exports/summary",
    responses={
        **ERRORS,
        200: {
            "description": "The report file",
            "content": {
                m.split(";")[0]: {"schema": {"type": "string"}} for m in MEDIA_TYPES.values()
            },
        },
    },
    response_class=Response,
)
async def summary(
    _: Reader,
    c: ContainerDep,
    since: Instant | None = None,
    until: Instant | None = None,
    channel_id: Annotated[str | None, Query(max_length=200)] = None,
    format: ReportFormat = ReportFormat.CSV,
) -> Response:
    """Builds the moderation report of [since, until) (default: the last 7 days)."""
    reports = c.reports
    query = reports.query(since, until, channel_id)

    def build() -> tuple[bytes, str, str]:
        rendered = reports.render(reports.summary(query), format)
        return rendered.body, rendered.media_type, rendered.filename

    body, media_type, filename = await anyio.to_thread.run_sync(build)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(body, media_type=media_type, headers=headers)
