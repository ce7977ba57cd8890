"""The report as a PDF: the same tables, paginated with repeated headings, and a chart per trend."""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from civility.reports.cells import cell_text
from civility.reports.models import Column, Kind, Report, Table, Trend

PAGE = landscape(A4)
MARGIN = 15 * mm
SERIES_COLORS = {
    "allow": colors.HexColor("#9aa5b1"),
    "flag": colors.HexColor("#e0a100"),
    "hide": colors.HexColor("#e06c00"),
    "block": colors.HexColor("#c62828"),
    "entered": colors.HexColor("#1565c0"),
    "resolved": colors.HexColor("#2e7d32"),
}
# The PDF standard fonts (Helvetica) hold Latin-1 only: Cyrillic, Turkish or Greek names came
# out as boxes. DejaVu Sans (Debian's fonts-dejavu-core, ~1.5 MB for the two faces, so not
# shipped in the package) covers them; it is embedded (subset) in each PDF.
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
)
log = logging.getLogger(__name__)


@functools.cache
def fonts() -> tuple[str, str]:
    """Returns the (regular, bold) font names to write with, registering DejaVu Sans if found."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            # <b> in a Paragraph looks the bold face up through the family.
            pdfmetrics.registerFontFamily(
                "DejaVuSans",
                normal="DejaVuSans",
                bold="DejaVuSans-Bold",
                italic="DejaVuSans",
                boldItalic="DejaVuSans-Bold",
            )
            return "DejaVuSans", "DejaVuSans-Bold"
    log.warning(
        "DejaVu Sans not found (install fonts-dejavu-core): PDF reports fall back to "
        "Helvetica, which shows non-Latin-1 names as boxes"
    )
    return "Helvetica", "Helvetica-Bold"


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """Returns the paragraph styles of a report, in the font that covers its names."""
    regular, bold = fonts()
    sheet = getSampleStyleSheet()
    font = {"Title": bold, "Heading2": bold}
    out = {
        name: ParagraphStyle(f"civility-{name}", sheet[name], fontName=font.get(name, regular))
        for name in ("Title", "Heading2", "Normal", "Italic", "BodyText")
    }
    out["cell"] = ParagraphStyle("cell", out["BodyText"], fontSize=8, leading=10)
    # Numbers line up on the right (a Paragraph aligns itself; the table's ALIGN does not reach it).
    out["number"] = ParagraphStyle("number", out["cell"], alignment=TA_RIGHT)
    out["note"] = ParagraphStyle("note", out["Italic"], fontSize=8)
    return out


def _is_number(column: Column) -> bool:
    return column.kind not in (Kind.TEXT, Kind.TIME)


def _table(table: Table, hourly: bool) -> list[Flowable]:
    st = styles()
    column_styles = [st["number"] if _is_number(c) else st["cell"] for c in table.columns]
    head: list[Flowable | str] = [
        Paragraph(f"<b>{_escape(c.name)}</b>", cs)
        for c, cs in zip(table.columns, column_styles, strict=True)
    ]
    body: list[list[Flowable | str]] = [
        [
            Paragraph(_escape(cell_text(v, c, hourly)), cs)
            for v, c, cs in zip(row, table.columns, column_styles, strict=True)
        ]
        for row in table.rows
    ]
    if not body:
        empty = Paragraph("no data in this period", st["cell"])
        body = [[empty, *([""] * (len(table.columns) - 1))]]
    grid = LongTable([list(head), *body], repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f9fa")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    grid.setStyle(TableStyle(style))
    title = Paragraph(_escape(table.title), st["Heading2"])
    return [KeepTogether([title, *_note(table)]), grid, Spacer(1, 6 * mm)]


def _note(table: Table) -> list[Flowable]:
    if not table.note:
        return []
    return [Paragraph(_escape(table.note), styles()["note"])]


def chart(trend: Trend, hourly: bool, width: float) -> Drawing:
    """Draws a trend as a line chart with a legend and dated x labels."""
    height = 70 * mm
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 40, 40
    plot.width, plot.height = int(width - 150), int(height - 60)
    names = list(trend.series)
    plot.data = [list(enumerate(trend.series[n])) for n in names]
    for i, name in enumerate(names):
        plot.lines[i].strokeColor = SERIES_COLORS.get(name, colors.black)
        plot.lines[i].strokeWidth = 1.5
    count = max(len(trend.buckets), 1)
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(count - 1, 1)
    step = max(1, count // 8)
    plot.xValueAxis.valueSteps = list(range(0, count, step))
    fmt = "%m-%d %H:00" if hourly else "%Y-%m-%d"
    labels = [b.strftime(fmt) for b in trend.buckets]
    plot.xValueAxis.labelTextFormat = lambda v: labels[int(v)] if 0 <= int(v) < len(labels) else ""
    regular, bold = fonts()
    plot.xValueAxis.labels.fontName = regular
    plot.xValueAxis.labels.fontSize = 7
    plot.xValueAxis.labels.angle = 30
    plot.xValueAxis.labels.boxAnchor = "ne"
    top = max((max(s) for s in trend.series.values() if s), default=0.0)
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.valueMax = max(top * 1.1, 1.0)
    plot.yValueAxis.labels.fontName = regular
    plot.yValueAxis.labels.fontSize = 7
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = int(width - 100), int(height - 30)
    legend.fontName = regular
    legend.fontSize = 8
    legend.columnMaximum = 8  # one column
    legend.colorNamePairs = [(SERIES_COLORS.get(n, colors.black), n) for n in names]
    drawing.add(legend)
    drawing.add(String(0, height - 10, trend.title, fontSize=10, fontName=bold))
    return drawing


def _footer(canvas: Canvas, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(fonts()[0], 8)
    canvas.drawRightString(PAGE[0] - MARGIN, 8 * mm, f"page {doc.page}")
    canvas.drawString(MARGIN, 8 * mm, "Civility moderation report")
    canvas.restoreState()


def _escape(text: str) -> str:
    """Escapes Paragraph markup and drops control characters (a channel id may have them)."""
    printable = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    return printable.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_pdf(report: Report) -> bytes:
    """Writes the PDF: period and scope, the charts, then every table (A4 landscape)."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="Civility moderation report",
        author="Civility",
    )
    q = report.query
    scope = f"channel {q.channel_id}" if q.channel_id else "all channels"
    period = f"{q.since:%Y-%m-%d %H:%M} to {q.until:%Y-%m-%d %H:%M} UTC, {scope}"
    st = styles()
    story: list[Flowable] = [
        Paragraph("Civility moderation report", st["Title"]),
        Paragraph(_escape(period), st["Normal"]),
        Paragraph(f"Generated {report.generated_at:%Y-%m-%d %H:%M} UTC", st["Normal"]),
        Spacer(1, 6 * mm),
    ]
    width = PAGE[0] - 2 * MARGIN
    for trend in report.trends:
        story += [chart(trend, q.hourly, width), Spacer(1, 4 * mm)]
    for table in report.tables:
        story += _table(table, q.hourly)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()
