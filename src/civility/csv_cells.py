"""CSV cells a spreadsheet will not run: formula-looking text is escaped on export."""

from __future__ import annotations

# A spreadsheet treats a cell that starts with one of these as a formula (CSV injection); tab
# and carriage return do the same in some of them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Returns text that could be read as a formula with a leading `'`; other values as they are.

    Numbers are left alone (a negative number is not a formula), so typed columns stay typed.
    Text that already starts with `'` and a formula character gets one too, so `unescape_cell`
    gives back exactly what was written.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """Undoes `safe_cell` on text read back from one of our exports."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text
