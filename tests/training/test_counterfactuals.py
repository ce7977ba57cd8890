"""Identity counterfactual augmentation for the accurate tier's fine-tuning."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from civility.training.data import (
    COUNTERFACTUAL_TERMS,
    LABELS,
    abuse_term_weights,
    identity_counterfactuals,
    identity_swaps,
)

NAN = math.nan


def _frame(rows: list[tuple[str, float, float]]) -> pd.DataFrame:
    """Rows of (text, toxicity, insult); the other labels unknown."""
    data: dict[str, list[object]] = {
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


def test_swaps_keep_the_frame_and_change_the_identity() -> None:
    df = _frame(
        [
            ("I am gay and proud. Gay rights! GAY", 0.0, NAN),
            ("muslim people are vermin", 1.0, 1.0),  # abusive: never copied
            ("the gay bar closed", NAN, NAN),  # toxicity unknown
            ("nice weather today", 0.0, NAN),  # names no identity
        ]
    )
    out = identity_swaps(df, 3.0, seed=1)
    assert len(out) == 12  # sampled with replacement from the one candidate
    assert set(out["source"]) == {"cad+swap"}
    assert (out["toxicity"] == 0.0).all()
    assert (out["identity_attack"] == 0.0).all()
    assert out["obscene"].isna().all()
    for text in out["text"]:
        first, _, rest = text.partition(" and proud. ")
        term = first.removeprefix("I am ")
        assert term in COUNTERFACTUAL_TERMS
        # Every mention swaps to the same word, capitalised where the original was.
        assert rest == f"{term.capitalize()} rights! {term.upper()}"


def test_swap_weights_follow_the_identity_attack_rate() -> None:
    # Base attack rate 2/8: "gay" in two attacks and no benign row needs 2 * 3 - 0 = 6 rows,
    # "muslim" in one benign row needs none.
    df = _frame([("gay x", 1.0, NAN), ("gay y", 1.0, NAN), ("muslim z", 0.0, NAN)])
    df["identity_attack"] = [1.0, 1.0, 0.0]
    df = pd.concat([df] + [_frame([(f"plain {i}", 0.0, NAN)]) for i in range(5)])
    df["identity_attack"] = df["identity_attack"].fillna(0.0)
    w = abuse_term_weights(df)
    assert abs(w.sum() - 1.0) < 1e-12
    by_term = dict(zip(COUNTERFACTUAL_TERMS, w, strict=True))
    assert by_term["gay"] == pytest.approx(7 * by_term["muslim"])
    assert by_term["muslim"] == by_term["white"]  # needs nothing, like unseen words


def test_swaps_without_candidates_or_budget_are_empty() -> None:
    df = _frame([("you idiot", 1.0, 1.0), ("I am gay", 0.0, NAN)])
    assert identity_swaps(df.iloc[:1], 1.0, seed=0).empty
    assert identity_swaps(df, 0.0, seed=0).empty
