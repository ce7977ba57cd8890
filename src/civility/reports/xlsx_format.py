"""The report as an Excel workbook: one sheet per table, every cell typed."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from civility.reports.models import Cell, Column, Kind, Report, Table

NUMBER_FORMATS = {
    Kind.INT: "#,##0",
    Kind.RATIO: "0.0%",
    # Durations are stored as days (Excel's unit of time) and shown as hours:minutes:seconds.
    Kind.SECONDS: "[h]:mm:ss",
    Kind.TIME: "yyyy-mm-dd hh:mm",
}
SECONDS_PER_DAY = 86_400


def _value(value: Cell, column: Column) -> object:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: every time is UTC
    if column.kind is Kind.SECONDS and isinstance(value, int | float):
        return value / SECONDS_PER_DAY
    if isinstance(value, str):
        return _text(value)
    return value


def _text(value: str) -> str:
    """Drops the control characters an xlsx file cannot hold (a channel id may have them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _as_text(row: tuple[Any, ...]) -> None:
    """Keeps text that looks like a formula as text (openpyxl would store it as a formula)."""
    for cell in row:
        if cell.data_type == "f":
            cell.data_type = "s"


def _sheet_title(table: Table) -> str:
    return table.title[:31].replace("/", "-")  # Excel's limit and forbidden character


def to_xlsx(report: Report) -> bytes:
    """Writes the workbook: a cover sheet with the period, then one sheet per table."""
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = "Report"
    q = report.query
    cover.append(["Civility moderation report"])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append(["since (UTC)", q.since.replace(tzinfo=None)])
    cover.append(["until (UTC)", q.until.replace(tzinfo=None)])
    cover.append(["channel", _text(q.channel_id or "all channels")])
    _as_text(cover[cover.max_row])
    cover.append(["generated (UTC)", report.generated_at.replace(tzinfo=None)])
    for line in range(2, 6):
        cover.cell(row=line, column=2).number_format = "yyyy-mm-dd hh:mm"
    cover.column_dimensions["A"].width = 18
    cover.column_dimensions["B"].width = 20
    for table in report.tables:
        ws = wb.create_sheet(_sheet_title(table))
        ws.append([c.name for c in table.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for values in table.rows:
            ws.append([_value(v, c) for v, c in zip(values, table.columns, strict=True)])
            _as_text(ws[ws.max_row])
        for index, column in enumerate(table.columns, start=1):
            letter = get_column_letter(index)
            fmt = NUMBER_FORMATS.get(column.kind)
            if fmt is not None:
                for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = fmt
            width = max([len(column.name), *(len(str(r[index - 1] or "")) for r in table.rows)])
            ws.column_dimensions[letter].width = min(max(width + 2, 10), 48)
        ws.freeze_panes = "A2"
        if table.note:
            ws.append([])
            ws.append([table.note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
