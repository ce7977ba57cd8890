"""`civility score --file` streams any size and never leaves half a file; `civility eval`
checks its CSV format; every mistake is one line on stderr and a non-zero status."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.cli.cli_helpers import invoke

BATCH = 8


def score_file(src: Path, out: Path, *extra: str) -> tuple[int, str, str]:
    return invoke(
        "score", "--file", str(src), "--out", str(out), "--scorer", "lexicon-baseline",
        "--batch-size", str(BATCH), *extra,
    )  # fmt: skip


def one_line_error(code: int, err: str) -> None:
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith("error:")
    assert "Traceback" not in err


def test_a_file_ten_batches_long_is_streamed_through(tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    with src.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for i in range(10 * BATCH + 3):
            w.writerow([i, f"message {i}, you idiot" if i % 2 else f"hello, line\nbreak {i}"])
    code, _, err = score_file(src, out)
    assert code == 0, err
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [str(i) for i in range(10 * BATCH + 3)]
    assert {"toxicity", "language"} <= set(rows[0])
    assert float(rows[1]["toxicity"]) > float(rows[0]["toxicity"])


def test_user_errors_are_one_line_and_leave_no_partial_output(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    code, _, err = score_file(tmp_path / "missing.csv", out)
    one_line_error(code, err)
    assert "missing.csv" in err

    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"text\n" + "café crème idiot\n".encode("latin-1") * 40)
    code, _, err = score_file(latin, out)
    one_line_error(code, err)
    assert "--encoding" in err
    assert not out.exists()
    assert list(tmp_path.glob(".*partial")) == []
    code, _, err = score_file(latin, out, "--encoding", "latin-1")
    assert code == 0, err
    assert "café crème" in out.read_text(encoding="utf-8")

    before = out.read_bytes()
    code, _, err = score_file(latin, out, "--text-column", "body", "--encoding", "latin-1")
    one_line_error(code, err)
    assert "'body'" in err
    assert out.read_bytes() == before  # the previous output is untouched, not emptied
    code, _, err = score_file(latin, tmp_path / "no-such-dir" / "out.csv")
    one_line_error(code, err)
    code, _, err = invoke("score")
    one_line_error(code, err)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("text\nfine\nnot, quoted\n", encoding="utf-8")
    code, _, err = score_file(ragged, tmp_path / "ragged-out.csv")
    one_line_error(code, err)
    assert "line 3" in err
    assert not (tmp_path / "ragged-out.csv").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id,body\n1,hello\n", "expected a CSV"),
        ("text,toxicity\nhello,maybe\n", "line 2: toxicity must be 0..1"),
        ("text,toxicity,spans\nhello,1,[[0\n", "spans must be a JSON list"),
        ("text,toxicity\n", "no data rows"),
    ],
)
def test_eval_checks_its_format(tmp_path: Path, content: str, expected: str) -> None:
    data = tmp_path / "labelled.csv"
    data.write_text(content, encoding="utf-8")
    code, _, err = invoke("eval", "--data", str(data))
    one_line_error(code, err)
    assert expected in err


def test_eval_reports_a_missing_or_undecodable_file(tmp_path: Path) -> None:
    code, _, err = invoke("eval", "--data", str(tmp_path / "nope.csv"))
    one_line_error(code, err)
    bad = tmp_path / "latin.csv"
    bad.write_bytes(b"text,toxicity\n" + "crème,1\n".encode("latin-1"))
    code, _, err = invoke("eval", "--data", str(bad))
    one_line_error(code, err)
    assert "UTF-8" in err
