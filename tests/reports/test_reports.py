"""Moderation reports: the numbers (pure), the SQL behind them, and every format opened with
its own reader (openpyxl; pdftotext and pdftoppm for the PDF)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.conftest import IN_CI, Api
from tests.review.review_seed import DEMO, Seed, seed

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.csv_cells import safe_cell, unescape_cell
from civility.policy.verdict import Action
from civility.reports.build import build_report, percentile
from civility.reports.models import ReportFacts, ReportQuery, ReviewFact
from civility.reports.service import ReportService
from civility.review.models import Resolution, ResolveRequest
from civility.storage.db import Database
from civility.storage.reports import SqlReportSource

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile(list(map(float, range(1, 11))), 0.9) == pytest.approx(9.1)


def test_csv_cells_that_look_like_formulas_are_escaped_and_read_back() -> None:
    for text in ("=HYPERLINK(1)", "+1", "-x", "@SUM(A1)", "\tx", "'=x", "''-x"):
        escaped = safe_cell(text)
        assert escaped == "'" + text
        assert unescape_cell(str(escaped)) == text
    assert safe_cell(-3) == -3
    assert safe_cell("plain") == "plain"
    assert unescape_cell("'quoted") == "'quoted"
    assert safe_cell("'quoted") == "'quoted"


def _review(action: str, first: float | None, done: float | None, res: str | None) -> ReviewFact:
    return ReviewFact(
        message_id=f"m{action}{first}{done}",
        action=action,
        decided_at=T0,
        first_action_at=None if first is None else T0 + timedelta(seconds=first),
        resolved_at=None if done is None else T0 + timedelta(seconds=done),
        resolution=res,
    )


def test_queue_times_and_precision_from_facts() -> None:
    facts = ReportFacts(
        decisions=[(T0, "allow", 5), (T0, "flag", 2), (T0 + timedelta(hours=1), "hide", 2)],
        channels=[("a", "flag", 2), ("b", "hide", 2), ("b", "allow", 5)],
        reasons=[
            ("flag", [{"code": "insult", "source": "model", "category": "insult"}]),
            ("hide", [{"code": "blocklist", "source": "blocklist", "category": None}]),
        ],
        enforcement=[("strike_added", 3), ("ban_issued", 1)],
        reviews=[
            _review("flag", 60, 120, "hide"),
            _review("flag", 600, None, None),
            _review("hide", 30, 30, "approve"),
            _review("hide", None, None, None),
        ],
        moderators=[("alice", "review.resolved", 2), ("alice", "review.claimed", 1)],
    )
    query = ReportQuery(T0, T0 + timedelta(hours=3), hourly=True)
    report = build_report(facts, query, T0)
    queue = {row[0]: row for row in report.table("review_queue").rows}
    # entered, acted on, resolved, open, first action p50/p90, resolve p50/p90
    assert queue["all"][1:5] == (4, 3, 2, 2)
    assert queue["all"][5] == 60.0
    assert queue["all"][6] == pytest.approx(492.0)
    assert queue["flagged"][7] == 120.0
    reversals = {row[0]: row for row in report.table("reversals").rows}
    assert reversals["flag"][2:] == (1, 1, 0, 1.0)
    assert reversals["hide"][2:] == (1, 0, 1, 0.0)
    assert reversals["all"][5] == 0.5
    over_time = report.table("decisions_over_time").rows
    assert [r[0] for r in over_time] == [T0 + timedelta(hours=h) for h in range(3)]
    assert over_time[0][1:] == (5, 2, 0, 0, 7)
    assert report.trends[0].series["hide"] == (0.0, 2.0, 0.0)
    assert report.table("channels").rows[0][0] in ("a", "b")
    assert report.table("rules").rows == (("blocklist", "blocklist", 1),)
    assert report.table("categories").rows == (("insult", 1, 0, 0, 1),)
    moderators = report.table("moderators").rows
    assert moderators[0][:3] == ("alice", 1, 2)


def _fill(api: Api) -> list[str]:
    c = api.container
    seeds = [*DEMO, Seed("x", "=cmd|' /C calc'!A0", "you idiot", Action.HIDE, 3)]
    ids = seed(c.db, seeds, c.clock.now())
    c.clock.advance(timedelta(minutes=10))  # type: ignore[attr-defined]
    c.review.claim(ids[0], "alice")
    c.clock.advance(timedelta(minutes=5))  # type: ignore[attr-defined]
    c.review.resolve(ids[0], "alice", ResolveRequest(Resolution.HIDE))
    c.review.resolve(ids[5], "bob", ResolveRequest(Resolution.APPROVE))
    return ids


def _get(api: Api, role: Role = Role.MODERATOR, **params: Any) -> Any:
    return api.client.get("/v1/exports/summary", params=params, headers=api.headers(role))


def test_csv_report_through_the_api(api: Api) -> None:
    _fill(api)
    r = _get(api, format="csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    titles = [row[0] for row in rows if row and row[0].startswith("# ")]
    assert "# Review queue" in titles
    assert "# Automated decisions reversed" in titles
    # The channel named like a formula is escaped; no cell starts with a formula character.
    cells = [cell for row in rows for cell in row]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not [x for x in cells if x[:1] in ("=", "+", "@")]
    summary = {row[0]: row[1:] for row in rows if row}
    assert summary["messages moderated"][0] == "9"
    assert summary["review items resolved"][0] == "2"


def test_xlsx_report_has_a_sheet_per_table_and_typed_cells(api: Api) -> None:
    _fill(api)
    r = _get(api, format="xlsx")
    assert r.status_code == 200, r.text
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[0] == "Report"
    assert {"Summary", "Review queue", "Moderator activity", "Top categories"} <= set(wb.sheetnames)
    summary = wb["Summary"]
    assert summary["A2"].value == "messages moderated"
    assert summary["B2"].value == 9
    assert summary["B2"].data_type == "n"
    over_time = wb["Decisions over time"]
    assert isinstance(over_time["A2"].value, datetime)
    queue = wb["Review queue"]
    assert queue["F2"].number_format == "[h]:mm:ss"
    # The flagged item's first action came an hour after its decision: a duration cell.
    assert queue["F2"].value == timedelta(hours=1)
    channels = wb["Decisions by channel"]
    names = [row[0].value for row in channels.iter_rows(min_row=2)]
    assert "=cmd|' /C calc'!A0" in names  # stored as text, not as a formula
    cell = next(row[0] for row in channels.iter_rows(min_row=2) if row[0].value == names[-1])
    assert cell.data_type == "s"
    reversals = wb["Automated decisions reversed"]
    assert reversals["F5"].number_format == "0.0%"


def _pdf_tools() -> None:
    if shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return
    message = "poppler-utils (pdftotext, pdftoppm) is not installed: scripts/debian-packages.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def test_pdf_report_renders_and_holds_the_tables(api: Api, tmp_path: Path) -> None:
    _pdf_tools()
    _fill(api)
    now = api.container.clock.now()
    since = (now - timedelta(days=1)).isoformat()
    r = _get(api, format="pdf", channel_id="sports", since=since, until=now.isoformat())
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(r.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    for heading in (
        "Civility moderation report",
        "channel sports",
        "Decisions per hour",
        "Review queue",
        "Moderator activity",
        "Top categories",
        "page 1",
    ):
        assert heading in text, heading
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2  # charts, then tables on the pages after
    assert all(p.stat().st_size > 2000 for p in pages)


def test_long_periods_are_daily_and_paginate(api: Api, tmp_path: Path) -> None:
    _pdf_tools()
    _fill(api)
    now = api.container.clock.now()
    since = (now - timedelta(days=90)).isoformat()
    r = _get(api, format="pdf", since=since, until=now.isoformat())
    assert r.status_code == 200, r.text
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(r.content)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(x for x in info.stdout.splitlines() if x.startswith("Pages:")).split()[-1])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert pages >= 4
    assert "Decisions per day" in text
    assert text.count("from") >= 2  # the 91-row table's heading repeats on the next page


def test_roles_and_bad_periods(api: Api) -> None:
    assert _get(api, Role.SERVICE).status_code == 403
    assert _get(api, Role.ADMIN).status_code == 200
    now = api.container.clock.now()
    backwards = _get(api, since=now.isoformat(), until=(now - timedelta(hours=1)).isoformat())
    assert backwards.status_code == 422
    assert backwards.json()["error"]["code"] == "bad_period"
    long = _get(api, since=(now - timedelta(days=500)).isoformat(), until=now.isoformat())
    assert long.json()["error"]["code"] == "period_too_long"
    bad = _get(api, format="docx")
    assert bad.status_code in (400, 422)
    assert bad.json()["error"]["code"]


def test_blocklist_export_escapes_formulas_and_imports_back(api: Api) -> None:
    patterns = ["@everyone", "-- free nitro", "'=quoted", "plain words"]
    for pattern in patterns:
        r = api.client.post(
            "/v1/blocklist",
            json={"pattern": pattern, "kind": "phrase"},
            headers=api.headers(Role.ADMIN),
        )
        assert r.status_code == 201, r.text
    export = api.client.get(
        "/v1/blocklist/export", params={"format": "csv"}, headers=api.headers(Role.MODERATOR)
    )
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert sorted(r["pattern"] for r in rows) == sorted(
        ["'@everyone", "'-- free nitro", "''=quoted", "plain words"]
    )
    for r in api.client.get("/v1/blocklist", headers=api.headers(Role.ADMIN)).json()["items"]:
        api.client.delete(f"/v1/blocklist/{r['id']}", headers=api.headers(Role.ADMIN))
    again = api.client.post(
        "/v1/blocklist/import",
        content=export.text,
        headers={**api.headers(Role.ADMIN), "Content-Type": "text/csv"},
    )
    assert again.status_code in (200, 201), again.text
    listed = api.client.get("/v1/blocklist", headers=api.headers(Role.ADMIN)).json()["items"]
    assert sorted(e["pattern"] for e in listed) == sorted(patterns)


def test_the_sql_facts_agree_on_sqlite_and_postgresql(db: Database) -> None:
    # A day no other test writes to: the PostgreSQL database is shared by the whole session,
    # and the storage tests leave messages at 2026-03-01 12:00.
    clock = ManualClock(datetime(2029, 8, 14, 12, tzinfo=UTC))
    ids = seed(db, [*DEMO, Seed("x", "other", "idiot", Action.HIDE, 1)], clock.now())
    reports = ReportService(SqlReportSource(db), clock)
    since = clock.now() - timedelta(hours=2)
    day = reports.summary(reports.query(since, clock.now() + timedelta(minutes=1), None))
    assert day.query.hourly
    totals = {row[0]: row[1] for row in day.table("summary").rows}
    assert totals["messages moderated"] == 9
    assert totals["review items entered"] == 7
    over_time = day.table("decisions_over_time").rows
    assert sum(int(str(r[-1])) for r in over_time) == 9
    assert all(isinstance(r[0], datetime) and r[0].tzinfo is not None for r in over_time)
    sports = reports.summary(reports.query(since, clock.now() + timedelta(minutes=1), "sports"))
    assert [r[0] for r in sports.table("channels").rows] == ["sports"]
    assert len(ids) == 9


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_odd_channel_ids_are_written_not_crashed(api: Api, fmt: str) -> None:
    odd = '[\U000b8635àÒ"喢\x01<b>&'
    seed(api.container.db, [Seed("x", odd, "you idiot", Action.HIDE, 1)], api.container.clock.now())
    r = _get(api, format=fmt, channel_id=odd)
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"].isascii()


def test_pdf_writes_cyrillic_and_turkish_names_as_text(api: Api, tmp_path: Path) -> None:
    """Helvetica has no Cyrillic: names came out as boxes until DejaVu Sans was embedded."""
    _pdf_tools()
    c = api.container
    names = ["Модераторы", "Çağrı-şehir"]
    ids = seed(c.db, [Seed("x", n, "you idiot", Action.HIDE, 1) for n in names], c.clock.now())
    c.clock.advance(timedelta(minutes=5))  # type: ignore[attr-defined]
    c.review.resolve(ids[0], "Алёна", ResolveRequest(Resolution.HIDE))
    c.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
    r = _get(api, format="pdf")
    assert r.status_code == 200, r.text
    pdf = tmp_path / "names.pdf"
    pdf.write_bytes(r.content)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    for name in (*names, "Алёна"):
        assert name in text, name
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    assert "DejaVuSans" in fonts.stdout  # embedded, so the reader needs no font of its own
