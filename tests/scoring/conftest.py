"""Shared fixtures: the shipped scorer (skips when no artifact has been trained yet)."""

from __future__ import annotations

import pytest

from civility.scoring.linear_model import ARTIFACT_DIR, MANIFEST_NAME
from civility.scoring.model import FastScorer, load_fast_scorer


@pytest.fixture(scope="session")
def scorer() -> FastScorer:
    if not (ARTIFACT_DIR / MANIFEST_NAME).exists():
        pytest.skip("no trained artifact in scoring/artifacts (run python -m civility.training)")
    return load_fast_scorer()
