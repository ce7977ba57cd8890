"""The evaluate CLI on a small CSV written in the pool schema (no /work/shared needed)."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from civility.scoring.evaluate import evaluate_file, main
from civility.scoring.model import FastScorer

FIELDS = ["text", "lang", "source", "toxicity", "severe_toxicity", "obscene", "threat", "insult"]
FIELDS += ["identity_attack", "spans"]


def _write(path: Path) -> None:
    rows = [
        ("you are a stupid idiot", "en", "1", "[[10, 22]]"),
        ("what a lovely morning", "en", "0", "[]"),
        ("thanks for the help", "en", "0", ""),
        ("shut up you moron", "en", "1", ""),
        ("ты тупой идиот", "ru", "1", ""),
        ("спасибо за помощь", "ru", "0", ""),
    ]
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, quoting=csv.QUOTE_ALL)
        w.writeheader()
        for text, lang, tox, spans in rows:
            # Only toxicity is labelled: the other columns stay empty (= unknown, not 0).
            w.writerow({"text": text, "lang": lang, "source": "t", "toxicity": tox, "spans": spans})


def test_evaluate_file(tmp_path: Path, scorer: FastScorer) -> None:
    path = tmp_path / "mini.csv.gz"
    _write(path)
    res = evaluate_file(path, scorer)
    assert set(res["categories"]) == {"toxicity"}
    tox = res["categories"]["toxicity"]
    assert tox["all"]["n"] == 6
    assert tox["all"]["roc_auc"] == pytest.approx(1.0)
    assert {"lang=en", "lang=ru"} <= set(tox)
    assert res["spans"]["all"]["n"] == 2


def test_main_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], scorer: FastScorer) -> None:
    path = tmp_path / "mini.csv.gz"
    _write(path)
    assert main(["--data", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "toxicity" in out["categories"]
    assert main(["--data", str(tmp_path / "missing.csv")]) == 2
