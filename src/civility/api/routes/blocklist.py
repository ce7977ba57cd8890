"""Blocklist entries: list, add, remove, bulk import/export (CSV or JSON), and a test bench."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from civility.api.deps import Admin, ContainerDep, Reader
from civility.api.routes.moderation import ERRORS
from civility.api.schemas import Id, Strict
from civility.blocklists.matcher import EntryKind, blocklist_reasons
from civility.blocklists.service import (
    BlocklistRecord,
    InvalidRows,
    rows_from_csv,
    rows_from_json,
    to_csv,
)
from civility.errors import Invalid
from civility.policy.decide import harshest_action
from civility.policy.verdict import Action

router = APIRouter(prefix="/v1", tags=["blocklist"])

MAX_IMPORT_BYTES = 8 * 1024 * 1024
MAX_TEST_TEXT = 100_000


class EntryIn(Strict):
    """A new entry; `channel_id`/`language` left out means every channel/language."""

    pattern: str = Field(min_length=1, max_length=500)
    kind: EntryKind = EntryKind.WORD
    action: Literal["block", "flag"] = "block"
    language: Annotated[str, Field(min_length=1, max_length=16)] | None = None
    channel_id: Id | None = None


class EntryOut(BaseModel):
    """A stored entry."""

    id: str
    pattern: str
    kind: EntryKind
    action: Action
    language: str | None
    channel_id: str | None
    created_by: str
    created_at: datetime


class EntryPage(BaseModel):
    """Entries, oldest first; pass next_cursor as `cursor` for the next page."""

    items: list[EntryOut]
    next_cursor: str | None


class ImportOut(BaseModel):
    """What an import added; rows equal to an active entry are skipped, not duplicated."""

    added: int
    skipped: int
    items: list[EntryOut]


class RowErrorOut(BaseModel):
    """Why one row was refused."""

    row: int
    message: str


class ImportErrorBody(BaseModel):
    """The error object of a refused import, with every bad row."""

    code: str
    message: str
    # Always sent by the import route; absent when the edge refused the body before it ran.
    rows: list[RowErrorOut] = Field(
        default_factory=list, description="Every bad row (empty when the whole body is wrong)."
    )


class ImportErrorOut(BaseModel):
    """A refused import: nothing was stored."""

    error: ImportErrorBody


class TryIn(Strict):
    """A text to try against the live blocklist."""

    text: str = Field(min_length=1, max_length=MAX_TEST_TEXT)
    channel_id: Id | None = None
    language: Annotated[str, Field(min_length=1, max_length=16)] | None = None


class MatchOut(BaseModel):
    """One entry that fired, with its span [start, end) in the text."""

    entry: dict[str, Any]
    start: int
    end: int
    text: str


class TryOut(BaseModel):
    """Matches in text order; `action` is the harshest entry action (allow if none)."""

    action: Action
    matches: list[MatchOut]
    # Entries that could not be evaluated on the text (a message would go to review).
    unevaluated: list[dict[str, Any]]


def entry_out(record: BlocklistRecord) -> EntryOut:
    """Builds the response form of an entry."""
    e = record.entry
    return EntryOut(
        id=e.id or "",
        pattern=e.pattern,
        kind=e.kind,
        action=e.action,
        language=e.language,
        channel_id=e.channel_id,
        created_by=record.created_by,
        created_at=record.created_at,
    )


@router.get("/blocklist", response_model=EntryPage, responses=ERRORS)
async def list_entries(
    _: Reader,
    c: ContainerDep,
    channel_id: str | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EntryPage:
    """Lists active entries, oldest first."""
    records = await anyio.to_thread.run_sync(c.blocklists.page, channel_id, cursor, limit)
    next_cursor = records[-1].entry.id if len(records) == limit else None
    return EntryPage(items=[entry_out(r) for r in records], next_cursor=next_cursor)


@router.post("/blocklist", status_code=201, response_model=EntryOut, responses=ERRORS)
async def add_entry(body: EntryIn, who: Admin, c: ContainerDep) -> EntryOut:
    """Adds an entry (admin); 409 duplicate_entry if the same one is already active."""
    record = await anyio.to_thread.run_sync(c.blocklists.add, body.model_dump(mode="json"), who.id)
    return entry_out(record)


@router.delete("/blocklist/{entry_id}", status_code=204, responses=ERRORS)
async def remove_entry(
    entry_id: Annotated[str, Path(max_length=64)], who: Admin, c: ContainerDep
) -> Response:
    """Removes an entry (admin); it stays in the audit trail."""
    await anyio.to_thread.run_sync(c.blocklists.remove, entry_id, who.id)
    return Response(status_code=204)


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its local `$defs` inlined (they do not resolve in OpenAPI)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined


_IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": _inlined(EntryIn.model_json_schema())},
                "example": [{"pattern": "idiot*", "kind": "wildcard", "action": "block"}],
            },
            "text/csv": {
                "schema": {"type": "string"},
                "example": "pattern,kind,action,language,channel_id\nidiot*,wildcard,block,,\n",
            },
        },
    }
}


async def _import_rows(request: Request) -> list[object]:
    raw = await request.body()
    if len(raw) > MAX_IMPORT_BYTES:
        raise Invalid(f"import bodies are limited to {MAX_IMPORT_BYTES} bytes", code="too_large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Invalid("the body must be UTF-8", code="invalid_import") from exc
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in ("text/csv", "application/csv"):
        return rows_from_csv(text)
    if kind == "application/json":
        try:
            return rows_from_json(json.loads(text))
        except json.JSONDecodeError as exc:
            raise Invalid("the request body is not valid JSON", code="invalid_json") from exc
    raise _UnsupportedMedia("send application/json or text/csv", code="unsupported_media_type")


class _UnsupportedMedia(Invalid):
    """A body that is neither CSV nor JSON (a 415, not a 422)."""


def _import_error(status: int, code: str, message: str, rows: Sequence[Any] = ()) -> JSONResponse:
    error: dict[str, Any] = {"code": code, "message": message}
    if status == 422:
        error["rows"] = [{"row": e.row, "message": e.message} for e in rows]
    return JSONResponse({"error": error}, status_code=status)


@router.post(
    "/blocklist/import",
    response_model=ImportOut,
    responses={**ERRORS, 422: {"model": ImportErrorOut}},
    openapi_extra=_IMPORT_BODY,
)
async def import_entries(request: Request, who: Admin, c: ContainerDep) -> Any:
    """Adds many entries at once (admin): all of them, or none with every row's error."""
    try:
        rows = await _import_rows(request)
        result = await anyio.to_thread.run_sync(c.blocklists.import_rows, rows, who.id)
    except InvalidRows as exc:
        return _import_error(422, exc.code, exc.message, exc.errors)
    except _UnsupportedMedia as exc:
        return _import_error(415, exc.code, exc.message)
    except Invalid as exc:
        # The documented 422 body always lists rows: none when the body as a whole is wrong.
        return _import_error(400 if exc.code == "invalid_json" else 422, exc.code, exc.message)
    return ImportOut(
        added=len(result.added),
        skipped=result.skipped,
        items=[entry_out(r) for r in result.added],
    )


@router.get(
    "/blocklist/export",
    responses={
        **ERRORS,
        200: {
            "content": {
                "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
                "text/csv": {"schema": {"type": "string"}},
            },
            "description": "Every active entry, in the import format plus id and provenance.",
        },
    },
)
async def export_entries(
    _: Reader, c: ContainerDep, format: Literal["json", "csv"] = "json"
) -> Response:
    """Exports every active entry as JSON or CSV (importable as is)."""
    records = await anyio.to_thread.run_sync(c.blocklists.export)
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="blocklist.csv"'}
        return Response(to_csv(records), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse([r.to_dict() for r in records])


@router.post("/blocklist/test", response_model=TryOut, responses=ERRORS)
async def try_text(body: TryIn, _: Reader, c: ContainerDep) -> TryOut:
    """Shows which entries would fire on a text, and where; stores nothing."""
    result = await anyio.to_thread.run_sync(
        c.blocklists.test, body.text, body.channel_id, body.language
    )
    return TryOut(
        # What the blocklist alone makes the decision step choose: its harshest entry.
        action=harshest_action(blocklist_reasons(result.matches)),
        matches=[
            MatchOut(entry=m.entry.to_dict(), start=m.start, end=m.end, text=m.text)
            for m in result.matches
        ],
        unevaluated=[{**e.to_dict(), "reason": why} for e, why in result.unevaluated],
    )
