"""The blocklist service: entries CRUD, bulk import/export (CSV, JSON), a test bench, and the
compiled matcher cache the decision engine reads."""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import structlog

from civility.blocklists.matcher import (
    Blocklist,
    BlocklistEntry,
    MatchResult,
    compile_blocklist,
    validate_entry,
)
from civility.clock import Clock
from civility.csv_cells import safe_cell, unescape_cell
from civility.errors import Conflict, Invalid, NotFound
from civility.events.models import Event, EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.ids import new_id

log = structlog.get_logger(__name__)

CSV_COLUMNS = ("pattern", "kind", "action", "language", "channel_id")
EXPORT_COLUMNS = ("id", *CSV_COLUMNS, "created_by", "created_at")
MAX_IMPORT_ROWS = 50_000
MAX_ROW_ERRORS = 100
_IGNORED_ON_IMPORT = ("id", "created_by", "created_at")


@dataclass(frozen=True, slots=True)
class BlocklistRecord:
    """A stored entry (its `entry.id` is set) with who added it and when."""

    entry: BlocklistEntry
    created_by: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form (the export format)."""
        return {
            **self.entry.to_dict(),
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class RowError:
    """Why one import row was refused (rows count from 1, not counting a CSV header)."""

    row: int
    message: str


class InvalidRows(Invalid):
    """An import refused as a whole, with the reason of every bad row (up to a limit)."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        shown = "; ".join(f"row {e.row}: {e.message}" for e in errors[:5])
        more = f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"nothing imported; {shown}{more}", code="invalid_import")
        self.errors = list(errors[:MAX_ROW_ERRORS])


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import added, and how many rows were already present (skipped)."""

    added: list[BlocklistRecord]
    skipped: int


class BlocklistSource(Protocol):
    """What the compiled cache reads: the active entries and a version of them."""

    def active(self) -> list[BlocklistRecord]:
        """Returns every entry not removed, oldest first."""
        ...

    def version(self) -> int:
        """Returns a number that changes whenever the set of active entries does."""
        ...


class BlocklistTransaction(Transaction, Protocol):
    """A write transaction on the blocklist: every change moves the version."""

    def add(self, records: Sequence[BlocklistRecord]) -> None:
        """Stores entries."""
        ...

    def remove(self, entry_id: str, actor: str, now: datetime) -> bool:
        """Soft-deletes an active entry; False if there is none."""
        ...


class BlocklistStore(BlocklistSource, UnitOfWork[BlocklistTransaction], Protocol):
    """Blocklist storage: soft-deleted entries, written with their events, and a version."""

    def page(
        self, channel_id: str | None, after_id: str | None, limit: int
    ) -> list[BlocklistRecord]:
        """Returns active entries (of one channel if given) after a cursor, oldest first."""
        ...


class BlocklistCache:
    """The compiled blocklist, rebuilt when the store's version moves.

    The version is read at most once per `check_interval` seconds, so other processes'
    changes show up within that delay; this process's own changes call `invalidate`.
    """

    def __init__(
        self,
        store: BlocklistSource,
        *,
        check_interval: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._interval = check_interval
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._blocklist = compile_blocklist([])
        self._version: int | None = None
        self._checked_at = float("-inf")

    def invalidate(self) -> None:
        """Forces a version check on the next read."""
        with self._lock:
            self._checked_at = float("-inf")

    def current(self) -> Blocklist:
        """Returns the compiled blocklist, rebuilding it if entries changed."""
        now = self._monotonic()
        if now - self._checked_at < self._interval:
            return self._blocklist
        with self._lock:
            if now - self._checked_at >= self._interval:
                version = self._store.version()
                if version != self._version:
                    self._blocklist = _compile_valid(r.entry for r in self._store.active())
                    self._version = version
                self._checked_at = now
            return self._blocklist


def _compile_valid(entries: Any) -> Blocklist:
    """Compiles entries, leaving out (and logging) any that no longer validate."""
    entries = list(entries)
    try:
        return compile_blocklist(entries)
    except Invalid:
        good = []
        for entry in entries:
            try:
                validate_entry(entry)
                good.append(entry)
            except Invalid as exc:
                log.warning("blocklist.entry_skipped", entry_id=entry.id, error=exc.message)
        return compile_blocklist(good)


def _identity(entry: BlocklistEntry) -> tuple[object, ...]:
    return (entry.pattern, entry.kind, entry.action, entry.language, entry.channel_id)


class BlocklistService:
    """Adds, removes, imports, exports and tests blocklist entries."""

    def __init__(self, store: BlocklistStore, cache: BlocklistCache, clock: Clock) -> None:
        self._store = store
        self._cache = cache
        self._clock = clock

    def page(
        self, channel_id: str | None = None, cursor: str | None = None, limit: int = 100
    ) -> list[BlocklistRecord]:
        """Lists active entries, oldest first, paged by entry id."""
        return self._store.page(channel_id, cursor, limit)

    def add(self, data: object, actor: str) -> BlocklistRecord:
        """Validates and stores one entry; Conflict if the same entry is already active."""
        entry = _parse(data)
        if any(_identity(r.entry) == _identity(entry) for r in self._store.active()):
            raise Conflict("the same entry is already in the blocklist", code="duplicate_entry")
        record = self._record(entry, actor)
        with self._store.transaction() as tx:
            tx.add([record])
            tx.record([self._added_event(record)])
        self._cache.invalidate()
        return record

    def remove(self, entry_id: str, actor: str) -> None:
        """Soft-deletes an entry; NotFound if it is not active."""
        now = self._clock.now()
        event = new_event(
            EventType.BLOCKLIST_ENTRY_REMOVED,
            subject=("blocklist_entry", entry_id),
            actor=actor,
            payload={"id": entry_id},
            at=now,
        )
        with self._store.transaction() as tx:
            if not tx.remove(entry_id, actor, now):
                raise NotFound(f"no blocklist entry with id {entry_id!r}", code="entry_not_found")
            tx.record([event])
        self._cache.invalidate()

    def import_rows(self, rows: Sequence[object], actor: str) -> ImportResult:
        """Adds every valid new row or, if any row is invalid, nothing (with every reason)."""
        if len(rows) > MAX_IMPORT_ROWS:
            raise Invalid(
                f"at most {MAX_IMPORT_ROWS} rows per import, got {len(rows)}",
                code="import_too_large",
            )
        entries, errors = _parse_rows(rows)
        if errors:
            raise InvalidRows(errors)
        seen = {_identity(r.entry) for r in self._store.active()}
        fresh: list[BlocklistEntry] = []
        for entry in entries:
            if _identity(entry) not in seen:
                seen.add(_identity(entry))
                fresh.append(entry)
        # Ids sort by time but are random within a millisecond: sorting them keeps row order.
        ids = sorted(new_id("bl") for _ in fresh)
        records = [self._record(e, actor, i) for e, i in zip(fresh, ids, strict=True)]
        if records:
            with self._store.transaction() as tx:
                tx.add(records)
                tx.record(self._added_event(r) for r in records)
        self._cache.invalidate()
        return ImportResult(records, len(entries) - len(records))

    def export(self) -> list[BlocklistRecord]:
        """Returns every active entry (for a JSON or CSV export)."""
        return self._store.active()

    def test(self, text: str, channel_id: str | None, language: str | None) -> MatchResult:
        """Matches a text against the live blocklist without storing anything."""
        return self._cache.current().match(text, channel_id=channel_id, language=language)

    def _record(
        self, entry: BlocklistEntry, actor: str, entry_id: str | None = None
    ) -> BlocklistRecord:
        stored = BlocklistEntry(
            pattern=entry.pattern,
            kind=entry.kind,
            action=entry.action,
            language=entry.language,
            channel_id=entry.channel_id,
            id=entry_id or new_id("bl"),
        )
        return BlocklistRecord(stored, actor, self._clock.now())

    def _added_event(self, record: BlocklistRecord) -> Event:
        entry = record.entry
        return new_event(
            EventType.BLOCKLIST_ENTRY_ADDED,
            subject=("blocklist_entry", entry.id or ""),
            actor=record.created_by,
            channel_id=entry.channel_id,
            payload=entry.to_dict(),
            at=record.created_at,
        )


def _parse(data: object) -> BlocklistEntry:
    """Parses one entry as the API receives it (ids are assigned here, never taken)."""
    if isinstance(data, dict) and "id" in data:
        raise Invalid("blocklist entry: id is assigned by the server", code="invalid_entry")
    return BlocklistEntry.from_dict(data)


def _parse_rows(rows: Sequence[object]) -> tuple[list[BlocklistEntry], list[RowError]]:
    entries: list[BlocklistEntry] = []
    errors: list[RowError] = []
    for number, row in enumerate(rows, start=1):
        if isinstance(row, dict):
            row = {k: v for k, v in row.items() if k not in _IGNORED_ON_IMPORT}
        try:
            entries.append(BlocklistEntry.from_dict(row))
        except Invalid as exc:
            errors.append(RowError(number, exc.message))
    return entries, errors


def rows_from_json(data: object) -> list[object]:
    """Returns the rows of a JSON import: a list of entries, or {"entries": [...]}."""
    if isinstance(data, dict) and set(data) == {"entries"}:
        data = data["entries"]
    if not isinstance(data, list):
        raise Invalid("expected a JSON list of entries", code="invalid_import")
    return data


def rows_from_csv(text: str) -> list[object]:
    """Returns the rows of a CSV import; the header names the columns (pattern is required)."""
    try:
        return _csv_rows(text)
    except csv.Error as exc:
        raise Invalid(f"the CSV cannot be read: {exc}", code="invalid_import") from exc


def _csv_rows(text: str) -> list[object]:
    # newline="" semantics: the csv module handles \r, \n and \r\n itself.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if "pattern" not in header:
        raise Invalid("the CSV header must name a pattern column", code="invalid_import")
    unknown = set(header) - set(EXPORT_COLUMNS)
    if unknown:
        raise Invalid(f"unknown CSV column(s) {sorted(unknown)}", code="invalid_import")
    rows: list[object] = []
    for raw in reader:
        if None in raw:
            raise Invalid(
                f"line {reader.line_num}: more fields than columns", code="invalid_import"
            )
        # Cells our export escaped against spreadsheet formulas are read back as they were.
        row: dict[str, object] = {
            k: unescape_cell(v) if v else None for k, v in raw.items() if k in CSV_COLUMNS
        }
        row["kind"] = row.get("kind") or "word"
        row["action"] = row.get("action") or "block"
        rows.append(row)
    return rows


def to_csv(records: Sequence[BlocklistRecord]) -> str:
    """Writes entries as CSV with a header (the import format, plus id and provenance).

    A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`...) gets a leading `'`;
    the import removes it again, so an export imports back unchanged.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = record.to_dict()
        writer.writerow({k: "" if row[k] is None else safe_cell(row[k]) for k in EXPORT_COLUMNS})
    return out.getvalue()
