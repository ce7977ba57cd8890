"""Score suggestions (Perspective's suggestscore): shown with a message, exported as labels."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from civility.api.deps import Admin, ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Instant
from civility.suggestions.models import ScoreSuggestion, SuggestionQuery
from civility.suggestions.service import ExportFormat

router = APIRouter(prefix="/v1", tags=["score suggestions"])

MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.JSONL: "application/x-ndjson",
}


def suggestion_out(s: ScoreSuggestion) -> dict[str, Any]:
    """One suggestion as the API shows it (the text is the message's, so it is left out)."""
    return {
        "id": s.id,
        "attribute": s.attribute,
        "category": s.category,
        "value": s.value,
        "languages": list(s.languages),
        "submitted_by": s.submitted_by,
        "community_id": s.community_id,
        "session_id": s.session_id,
        "created_at": s.created_at.isoformat(),
    }


@router.get("/messages/{id}/score-suggestions", responses=ERRORS)
async def message_suggestions(id: str, _: Reader, c: ContainerDep) -> dict[str, Any]:
    """Suggested scores sent for this message's exact text, newest first (for review)."""

    def read() -> list[ScoreSuggestion]:
        view = c.moderation.get_message(id)
        return c.suggestions.about(view.message.text)

    found = await anyio.to_thread.run_sync(read)
    return {"message_id": id, "items": [suggestion_out(s) for s in found]}


def _utc(value: datetime | None) -> datetime | None:
    # A time without an offset is read as UTC, as everywhere in the API.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


@router.get(
    "/exports/score-suggestions",
    responses={
        **ERRORS,
        200: {
            "description": "Labelled data: one row per suggested attribute score",
            "content": {
                m.split(";")[0]: {"schema": {"type": "string"}} for m in MEDIA_TYPES.values()
            },
        },
    },
    response_class=StreamingResponse,
)
async def export_suggestions(
    _: Admin,
    c: ContainerDep,
    since: Instant | None = None,
    until: Instant | None = None,
    attribute: Annotated[str | None, Query(max_length=64)] = None,
    format: ExportFormat = ExportFormat.CSV,
) -> StreamingResponse:
    """Every suggestion of [since, until) as CSV (formula-safe cells) or JSON Lines (admins)."""
    query = SuggestionQuery(since=_utc(since), until=_utc(until), attribute=attribute)
    # Sync iterator: Starlette runs each step in its thread pool, so paging never blocks the loop.
    rows = c.suggestions.export(query, format)
    filename = f"score-suggestions.{format.value}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(rows, media_type=MEDIA_TYPES[format], headers=headers)
