"""The report as one CSV file: each table under a title line, separated by a blank line."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from civility.csv_cells import safe_cell
from civility.reports.models import Cell, Column, Kind, Report


def cell_text(value: Cell, column: Column) -> object:
    """Returns a cell as CSV writes it: ISO times, seconds and ratios as plain numbers."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if column.kind is Kind.SECONDS and isinstance(value, int | float):
        return round(float(value), 1)
    if column.kind is Kind.RATIO and isinstance(value, int | float):
        return round(float(value), 4)
    return safe_cell(value)


def to_csv(report: Report) -> bytes:
    """Writes every table; text cells that a spreadsheet would run as formulas are escaped."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    q = report.query
    writer.writerow(["# Civility moderation report"])
    writer.writerow(["since", q.since.isoformat(), "until", q.until.isoformat()])
    writer.writerow(["channel", safe_cell(q.channel_id or "all channels")])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([f"# {table.title}"])
        writer.writerow([safe_cell(c.name) for c in table.columns])
        for row in table.rows:
            writer.writerow([cell_text(v, c) for v, c in zip(row, table.columns, strict=True)])
    # A byte-order mark: Excel reads the file as UTF-8 only with it.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
