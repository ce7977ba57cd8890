"""Recording, showing and exporting score suggestions."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import orjson

from civility.clock import Clock
from civility.csv_cells import safe_cell
from civility.errors import Invalid
from civility.ids import new_id
from civility.suggestions.models import (
    ScoreSuggestion,
    SuggestionQuery,
    SuggestionRepository,
    text_digest,
)

EXPORT_COLUMNS = (
    "id",
    "created_at",
    "attribute",
    "category",
    "value",
    "text",
    "languages",
    "submitted_by",
    "community_id",
    "session_id",
    "client_token",
)
# Rows read per query while an export streams.
EXPORT_PAGE = 1000


class ExportFormat(StrEnum):
    """Formats of the labelled-data export."""

    CSV = "csv"
    JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class Suggested:
    """One attribute's suggested score, as a caller sends it."""

    attribute: str
    category: str | None
    value: float


class SuggestionService:
    """Stores suggestions as sent; reads them per message text and as labelled data."""

    def __init__(self, repo: SuggestionRepository, clock: Clock) -> None:
        self._repo = repo
        self._clock = clock

    def record(
        self,
        text: str,
        scores: Sequence[Suggested],
        *,
        submitted_by: str,
        languages: Sequence[str] = (),
        community_id: str | None = None,
        session_id: str | None = None,
        client_token: str | None = None,
    ) -> list[ScoreSuggestion]:
        """Stores one row per suggested attribute score; raises Invalid for none or a bad value."""
        if not scores:
            raise Invalid("suggest at least one attribute score", code="no_attribute_scores")
        for s in scores:
            if not 0.0 <= s.value <= 1.0:
                raise Invalid(
                    f"the suggested {s.attribute} score must be within [0, 1]", code="bad_score"
                )
        now = self._clock.now()
        rows = [
            ScoreSuggestion(
                id=new_id("sug"),
                text=text,
                attribute=s.attribute,
                category=s.category,
                value=s.value,
                languages=tuple(languages),
                submitted_by=submitted_by,
                community_id=community_id,
                session_id=session_id,
                client_token=client_token,
                created_at=now,
            )
            for s in scores
        ]
        self._repo.add(rows)
        return rows

    def about(self, text: str, limit: int = 50) -> list[ScoreSuggestion]:
        """Suggestions about exactly this text, newest first (shown with its messages)."""
        return self._repo.for_digest(text_digest(text), limit)

    def export(self, query: SuggestionQuery, fmt: ExportFormat) -> Iterator[bytes]:
        """The suggestions as labelled data, CSV (spreadsheet-safe cells) or JSON Lines."""
        rows = self._all(query)
        if fmt is ExportFormat.JSONL:
            return (orjson.dumps(_record(r)) + b"\n" for r in rows)
        return _csv_lines(rows)

    def _all(self, query: SuggestionQuery) -> Iterator[ScoreSuggestion]:
        page = replace(query, limit=EXPORT_PAGE)
        while True:
            rows = self._repo.list(page)
            yield from rows
            if len(rows) < EXPORT_PAGE:
                return
            page = replace(page, after=(rows[-1].created_at, rows[-1].id))


def _record(s: ScoreSuggestion) -> dict[str, object]:
    return {
        "id": s.id,
        "created_at": s.created_at.isoformat(),
        "attribute": s.attribute,
        "category": s.category,
        "value": s.value,
        "text": s.text,
        "languages": list(s.languages),
        "submitted_by": s.submitted_by,
        "community_id": s.community_id,
        "session_id": s.session_id,
        "client_token": s.client_token,
    }


def _csv_lines(rows: Iterator[ScoreSuggestion]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> bytes:
        out = buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
        return out

    writer.writerow(EXPORT_COLUMNS)
    yield flush()
    for s in rows:
        record = _record(s)
        record["languages"] = " ".join(s.languages)
        # Texts come from the public: a cell starting with = or @ must not run as a formula.
        writer.writerow([safe_cell(record[c]) for c in EXPORT_COLUMNS])
        yield flush()
