"""WCAG AA contrast of the dashboard's main colour pairs, in the light and the dark theme.

The colours are read from app.css itself (its two `:root` blocks), so a colour changed there
is checked here: text 4.5:1, large text and UI parts (focus ring, field borders) 3:1.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "src/civility/web/static/app.css").read_text()

TEXT_PAIRS = [
    ("fg", "bg"),
    ("fg", "card"),
    ("muted", "card"),
    ("muted", "bg"),
    ("accent", "card"),
    ("accent", "bg"),
    ("ok", "card"),
    ("warn", "card"),
    ("danger", "card"),
    ("on-accent", "accent"),
    ("head-fg", "head-bg"),
    ("head-fg", "head-current"),
    ("head-fg", "head-hover"),
    ("allow-fg", "allow-bg"),
    ("flag-fg", "flag-bg"),
    ("hide-fg", "hide-bg"),
    ("block-fg", "block-bg"),
    ("mark-fg", "mark-bg"),
    ("fg", "ok-bg"),
    ("fg", "error-bg"),
    ("fg", "note-bg"),
    ("fg", "quote-bg"),
    ("fg", "selected"),
    ("muted", "selected"),
    ("accent", "selected"),
    ("fg", "hover"),
    ("fg", "field-bg"),
    ("claimed-fg", "card"),
    ("escalated-fg", "card"),
    ("resolved-fg", "card"),
    ("ok", "ok-bg"),
    ("warn", "hide-bg"),
    ("danger", "error-bg"),
]
UI_PAIRS = [("focus", "bg"), ("focus", "card"), ("field-line", "card"), ("field-line", "bg")]


def _variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\b", block))


def themes() -> dict[str, dict[str, str]]:
    """The light (first :root) and dark (:root inside prefers-color-scheme: dark) colours."""
    light = re.search(r"^:root \{(.*?)^\}", CSS, re.S | re.M)
    dark = re.search(r"prefers-color-scheme: dark\) \{\s*:root \{(.*?)\}", CSS, re.S)
    assert light is not None
    assert dark is not None
    return {"light": _variables(light.group(1)), "dark": _variables(dark.group(1))}


def luminance(color: str) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.x)."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_formula_against_known_ratios() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_both_themes_define_every_colour_checked() -> None:
    names = {n for pair in TEXT_PAIRS + UI_PAIRS for n in pair}
    for theme, colours in themes().items():
        assert names <= colours.keys(), f"{theme} lacks {sorted(names - colours.keys())}"


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS)
def test_text_meets_aa(theme: str, fg: str, bg: str) -> None:
    colours = themes()[theme]
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= 4.5, f"{theme}: --{fg} on --{bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), UI_PAIRS)
def test_focus_ring_and_field_borders_meet_aa_for_ui_parts(theme: str, fg: str, bg: str) -> None:
    colours = themes()[theme]
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= 3.0, f"{theme}: --{fg} on --{bg} is {ratio:.2f}:1"


def test_role_badges_are_readable() -> None:
    backgrounds = re.findall(r"\.role-[a-z]+ \{ background: (#[0-9a-fA-F]{6}); \}", CSS)
    assert len(backgrounds) == 3
    for bg in backgrounds:
        assert contrast("#ffffff", bg) >= 4.5, bg
