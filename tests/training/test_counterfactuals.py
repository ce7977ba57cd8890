"""Identity counterfactual augmentation for the accurate tier's fine-tuning."""

from __future__ import annotations

import math

import pandas as pd

from civility.training.data import COUNTERFACTUAL_TERMS, LABELS, identity_counterfactuals

NAN = math.nan


def _frame(rows: list[tuple[str, float, float]]) -> pd.DataFrame:
    """Rows of (text, toxicity, insult); the other labels unknown."""
    data = {
        "text": [r[0] for r in rows],
        "source": ["cad"] * len(rows),
        "lang": ["en"] * len(rows),
    }
    for label in LABELS:
        data[label] = [NAN] * len(rows)
    data["toxicity"] = [r[1] for r in rows]
    data["insult"] = [r[2] for r in rows]
    return pd.DataFrame(data)


def test_only_benign_rows_naming_a_person_are_copied() -> None:
    df = _frame(
        [
            ("my friends came over", 0.0, NAN),
            ("those people are idiots", 1.0, 1.0),
            ("people say hi", 0.0, 1.0),  # an insult label rules it out
            ("nice weather today", 0.0, NAN),  # no person noun
            ("the kids played outside", NAN, NAN),  # toxicity unknown
        ]
    )
    out = identity_counterfactuals(df, 1.0, seed=3)
    assert len(out) == 1
    row = out.iloc[0]
    term = row["text"].split()[1]
    assert term in COUNTERFACTUAL_TERMS
    assert row["text"] == f"my {term} friends came over"
    assert row["toxicity"] == 0.0
    # Benign: the unknown sub-labels it rules out become 0 (obscene stays unknown).
    assert row["insult"] == 0.0
    assert row["identity_attack"] == 0.0
    assert math.isnan(row["obscene"])
    assert row["source"] == "cad+counterfactual"
    assert df.iloc[0]["text"] == "my friends came over"  # the input is not modified


def test_first_person_noun_only_and_case_kept() -> None:
    df = _frame([("People like my NEIGHBOURS", 0.0, 0.0)])
    text = identity_counterfactuals(df, 1.0, seed=0).iloc[0]["text"]
    head, _, rest = text.partition(" ")
    assert head in COUNTERFACTUAL_TERMS
    assert rest == "People like my NEIGHBOURS"


def test_fraction_caps_the_count_and_seed_fixes_the_choice() -> None:
    df = _frame([(f"my friend number {i}", 0.0, NAN) for i in range(100)])
    a = identity_counterfactuals(df, 0.1, seed=7)
    b = identity_counterfactuals(df, 0.1, seed=7)
    c = identity_counterfactuals(df, 0.1, seed=8)
    assert len(a) == 10
    assert a["text"].tolist() == b["text"].tolist()
    assert a["text"].tolist() != c["text"].tolist()
    assert len(identity_counterfactuals(df, 0.0, seed=7)) == 0


def test_no_candidates_gives_an_empty_frame_with_the_same_columns() -> None:
    df = _frame([("you idiot", 1.0, 1.0)])
    out = identity_counterfactuals(df, 1.0, seed=0)
    assert out.empty
    assert list(out.columns) == list(df.columns)
