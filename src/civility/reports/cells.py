"""How a cell reads in a document (the PDF and the dashboard page): durations, shares, dates."""

from __future__ import annotations

from datetime import datetime

from civility.reports.models import Cell, Column, Kind


def duration_text(seconds: float) -> str:
    """Returns a duration as `45 s`, `12 min`, `3.5 h` or `2.1 d`."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86_400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86_400:.1f} d"


def cell_text(value: Cell, column: Column, hourly: bool) -> str:
    """Returns a cell as the PDF shows it."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:00" if hourly else "%Y-%m-%d")
    if column.kind is Kind.SECONDS and isinstance(value, int | float):
        return duration_text(float(value))
    if column.kind is Kind.RATIO and isinstance(value, int | float):
        return f"{value:.1%}"
    if column.kind is Kind.INT and isinstance(value, int | float):
        return f"{value:,.0f}"
    return str(value)
