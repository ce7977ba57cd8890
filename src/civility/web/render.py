"""Presentation helpers: highlighted spans, relative times and small inline SVG charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup, escape

from civility.policy.verdict import Reason

ACTION_COLORS = {
    "allow": "#9aa5b1",
    "flag": "#e0a100",
    "hide": "#e06c00",
    "block": "#c62828",
}


def highlight(text: str, reasons: Sequence[Reason]) -> Markup:
    """Returns the text with every reason's spans wrapped in <mark> (overlaps merged)."""
    labels: dict[tuple[int, int], list[str]] = {}
    for r in reasons:
        for start, end in r.spans:
            if 0 <= start < end <= len(text):
                labels.setdefault((start, end), []).append(r.category or r.code)
    merged: list[tuple[int, int, set[str]]] = []
    for (start, end), found in sorted(labels.items()):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] | set(found))
        else:
            merged.append((start, end, set(found)))
    out: list[str] = []
    pos = 0
    for start, end, names in merged:
        out.append(str(escape(text[pos:start])))
        title = escape(", ".join(sorted(names)))
        out.append(f'<mark title="{title}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))  # noqa: S704  (every piece above is escaped)


def ago(when: datetime | None, now: datetime) -> str:
    """Returns a short relative time such as `5 min ago` or `3 d ago`."""
    if when is None:
        return "-"
    seconds = (now - when).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    for size, unit in ((86_400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            text = f"{int(seconds // size)} {unit}"
            break
    else:
        return "just now" if seconds < 10 else f"{int(seconds)} s ago"
    return f"in {text}" if future else f"{text} ago"


def duration_label(seconds: float | None) -> str:
    """Returns `permanently` or a duration such as `24 hours` or `7 days`."""
    if seconds is None:
        return "permanently"
    for size, unit in ((86_400 * 7, "week"), (86_400, "day"), (3600, "hour"), (60, "minute")):
        if seconds % size == 0 and seconds >= size and not (unit == "day" and seconds < 2 * size):
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{int(seconds)} seconds"


@dataclass(frozen=True, slots=True)
class Series:
    """One coloured series of a chart."""

    name: str
    color: str
    values: Sequence[float]


def _nice_max(value: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        if value <= step:
            return float(step)
    return float(value)


def column_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    width: int = 640,
    height: int = 160,
    every: int = 1,
) -> Markup:
    """Renders stacked columns, one per label, with a y-axis maximum and x labels."""
    left, bottom = 36, 22
    n = max(len(labels), 1)
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    top = _nice_max(max(totals, default=0) or 1)
    slot = (width - left) / n
    bar = max(slot * 0.75, 1)
    plot = height - bottom
    parts = [
        f'<svg viewBox="0 0 {width} {height}" class="chart" role="img">',
        f'<text x="{left - 4}" y="10" class="axis" text-anchor="end">{top:g}</text>',
        f'<text x="{left - 4}" y="{plot}" class="axis" text-anchor="end">0</text>',
        f'<line x1="{left}" y1="{plot}" x2="{width}" y2="{plot}" class="base"/>',
    ]
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar) / 2
        y = float(plot)
        for s in series:
            v = s.values[i]
            if v <= 0:
                continue
            h = v / top * (plot - 8)
            y -= h
            tip = escape(f"{label}: {s.name} {v:g}")
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{s.color}"><title>{tip}</title></rect>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 6}" class="axis" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  (labels are escaped above)


def bar_rows(rows: Sequence[tuple[str, Sequence[tuple[float, str, str]]]]) -> Markup:
    """Renders horizontal stacked bars: (label, [(value, colour, name), ...]) per row."""
    width, left, row_h = 640, 150, 24
    top = _nice_max(max((sum(v for v, _, _ in parts) for _, parts in rows), default=0) or 1)
    height = max(len(rows), 1) * row_h + 4
    out = [f'<svg viewBox="0 0 {width} {height}" class="chart" role="img">']
    for i, (label, parts) in enumerate(rows):
        y = i * row_h + 4
        short = label if len(label) <= 22 else label[:21] + "…"
        out.append(
            f'<text x="{left - 6}" y="{y + 14}" class="axis" text-anchor="end">'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
        )
        x = float(left)
        for value, color, name in parts:
            if value <= 0:
                continue
            w = value / top * (width - left - 40)
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 8}" fill="{color}">'
                f"<title>{escape(f'{label}: {name} {value:g}')}</title></rect>"
            )
            x += w
        total = sum(v for v, _, _ in parts)
        out.append(f'<text x="{x + 4:.1f}" y="{y + 14}" class="axis">{total:g}</text>')
    out.append("</svg>")
    return Markup("".join(out))  # noqa: S704  (labels are escaped above)
