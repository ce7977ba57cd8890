"""Every event type is documented, and events are built from EventType only."""

from __future__ import annotations

import re
from pathlib import Path

from civility.events.models import EventType

ROOT = Path(__file__).resolve().parents[2]


def test_every_event_type_is_in_the_types_table() -> None:
    doc = (ROOT / "docs" / "events.md").read_text()
    table = doc.split("## Types", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", table))
    assert {t.value for t in EventType} == documented


def test_no_event_is_built_from_a_bare_type_string() -> None:
    # new_event() takes an EventType; Event(...) by hand is for reading rows back only.
    hand_built = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "src" / "civility").rglob("*.py")
        if re.search(r"(?<![\w.])Event\(\n", path.read_text())
    )
    assert hand_built == ["src/civility/events/models.py", "src/civility/storage/repositories.py"]


def test_every_event_type_names_who_consumes_it() -> None:
    # An emitted type has a consumer in civility, or is documented as for integrators.
    doc = (ROOT / "docs" / "events.md").read_text()
    table = doc.split("## Types", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert rows
    for row in rows:
        consumers = [cell.strip() for cell in row.strip().strip("|").split("|")][-1]
        assert consumers, f"no consumer named: {row[:80]}"
