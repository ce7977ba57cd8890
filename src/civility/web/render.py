"""Presentation helpers: highlighted spans, relative times and small inline SVG charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from civility.ocr.models import ImageText
from civility.policy.verdict import Reason
from civility.review import priority
from civility.review.models import ReviewItem
from civility.review.priority import Deadline

ACTION_COLORS = {
    "allow": "#9aa5b1",
    "flag": "#e0a100",
    "hide": "#e06c00",
    "block": "#c62828",
}


def highlight(text: str, reasons: Sequence[Reason], image: ImageText | None = None) -> Markup:
    """Returns the text with every reason's spans wrapped in <mark> (overlaps merged); the part
    read from an image, if any, in its own block that says so."""
    if image is None or image.start == image.end:
        return _marks(text, reasons, 0, len(text))
    confidence = f", confidence {image.confidence:.0f}" if image.confidence is not None else ""
    label = f"read from the image ({', '.join(image.languages)}{confidence})"
    caption = _marks(text, reasons, 0, image.start).rstrip()
    read = _marks(text, reasons, image.start, image.end)
    return Markup(  # noqa: S704  (the pieces are escaped by _marks and escape)
        f'{caption}<span class="from-image"><span class="from-image-label">{escape(label)}'
        f"</span>{read}</span>"
    )


def _marks(text: str, reasons: Sequence[Reason], lo: int, hi: int) -> Markup:
    """Renders text[lo:hi] with the reasons' spans (clipped to it) wrapped in <mark>."""
    labels: dict[tuple[int, int], list[str]] = {}
    for r in reasons:
        for start, end in r.spans:
            if not 0 <= start < end <= len(text):
                continue  # a span that does not fit the text is ignored, not guessed at
            start, end = max(start, lo), min(end, hi)
            if start < end:
                labels.setdefault((start, end), []).append(r.category or r.code)
    merged: list[tuple[int, int, set[str]]] = []
    for (start, end), found in sorted(labels.items()):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] | set(found))
        else:
            merged.append((start, end, set(found)))
    out: list[str] = []
    pos = lo
    for start, end, names in merged:
        out.append(str(escape(text[pos:start])))
        title = escape(", ".join(sorted(names)))
        out.append(f'<mark title="{title}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:hi])))
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


def urgency(item: ReviewItem) -> str:
    """Names what puts an item where it is in the queue: its worst category or rule."""
    best, name = -1, ""
    for r in item.reasons:
        points = max(
            priority.CATEGORY_POINTS.get(r.category or "", 0), priority.SOURCE_POINTS[r.source]
        )
        if points > best:
            best, name = points, (r.category or r.code)
    return name.replace("_", " ")


def deadline(item: ReviewItem, now: datetime) -> Deadline:
    """Returns an item's service-level timer at `now`."""
    return priority.deadline(item.reasons, item.severity, item.decided_at, now)


def sla_label(due: Deadline) -> str:
    """Returns a service-level timer such as `due in 35 min` or `2 h overdue`."""
    seconds = abs(due.left.total_seconds())
    for size, unit in ((86_400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            text = f"{int(seconds // size)} {unit}"
            break
    else:
        text = "1 min"
    return f"{text} overdue" if due.overdue else f"due in {text}"


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


def _scope(channel: object) -> str:
    return f"in #{channel}" if channel else "everywhere"


def _reasons(payload: dict[str, Any]) -> str:
    names = [str(r.get("category") or r.get("code")) for r in payload.get("reasons") or []]
    return ", ".join(dict.fromkeys(n.replace("_", " ") for n in names)) or "no reason"


def _ban(payload: dict[str, Any]) -> str:
    until = payload.get("until")
    length = f"until {str(until)[:16].replace('T', ' ')} UTC" if until else "permanently"
    return f"banned {_scope(payload.get('channel_id'))} {length}"


def summary(event_type: str, payload: dict[str, Any]) -> str:
    """Returns one readable line for an audit log event (the raw JSON stays one click away)."""
    p = payload
    kind, _, what = event_type.partition(".")
    if kind == "message" and "decision" in p:
        return f"{p['decision']} by the policy v{p.get('policy_version', '?')}: {_reasons(p)}"
    if event_type in ("review.resolved", "review.escalated"):
        parts = [str(p.get("resolution", what))]
        if p.get("final_action"):
            parts[0] += f" (message now {p['final_action']})"
        if p.get("strike"):
            parts.append("strike added")
        if isinstance(p.get("ban"), dict):
            ban = p["ban"]
            seconds = ban.get("duration_seconds")
            parts.append(f"author banned {_scope(ban.get('channel_id'))} {duration_label(seconds)}")
        if p.get("note"):
            parts.append(f"note: {p['note']}")
        return "; ".join(parts)
    if event_type == "review.claimed":
        return f"claimed until {str(p.get('expires_at', ''))[11:16]} UTC"
    if event_type in ("review.note_added", "user.note_added"):
        return f"note: {p.get('text', '')}"
    if event_type == "user.banned":
        return _ban(p) + (f": {p['reason']}" if p.get("reason") else "")
    if event_type == "user.unbanned":
        return f"ban lifted {_scope(p.get('channel_id'))}"
    if event_type == "user.strike_added":
        return f"strike (weight {p.get('weight', 1)}) {_scope(p.get('channel_id'))}"
    if event_type == "user.strikes_reset":
        return f"strikes reset {_scope(p.get('channel_id'))}"
    if event_type == "policy.updated":
        return f"policy {_scope(p.get('channel_id'))} saved as version {p.get('version', '?')}"
    if kind == "blocklist":
        return f"{what.replace('_', ' ')}: {p.get('kind', '')} {p.get('pattern', '')!r}".strip()
    if event_type == "rating.suspicious":
        return f"rating {p.get('score')} of {p.get('post_id')}: {', '.join(p.get('reasons', []))}"
    shown = [f"{k} {v}" for k, v in p.items() if isinstance(v, str | int | float) and v != ""]
    return ", ".join(shown[:4])
