"""Numpy metrics agree with scikit-learn's reference implementations."""

from __future__ import annotations

import numpy as np
import pytest

from civility.scoring.metrics import average_precision, ece, f1_at, roc_auc, span_f1

sk_metrics = pytest.importorskip("sklearn.metrics")


def test_auc_and_ap_match_sklearn() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 500)
    s = np.round(rng.random(500) + 0.3 * y, 2)  # rounding creates ties
    assert roc_auc(y, s) == pytest.approx(sk_metrics.roc_auc_score(y, s), abs=1e-9)
    assert average_precision(y, s) == pytest.approx(
        sk_metrics.average_precision_score(y, s), abs=1e-9
    )
    assert f1_at(y, s, 0.7) == pytest.approx(sk_metrics.f1_score(y, s >= 0.7), abs=1e-9)


def test_degenerate_inputs() -> None:
    assert np.isnan(roc_auc([1, 1], [0.2, 0.3]))
    assert ece([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_span_f1() -> None:
    assert span_f1([[]], [[]]) == 1.0
    assert span_f1([[(0, 4)]], [[]]) == 0.0
    assert span_f1([[(0, 4)]], [[(2, 6)]]) == pytest.approx(0.5)
