"""The red-team suite's goals hold on a smaller honest world (slow: minutes of simulated play)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SIM = Path(__file__).resolve().parents[2] / "bench" / "ratings_sim.py"
HISTORY_PER_HOUR = 25  # a third of the benchmark's history keeps this test quick


@pytest.fixture(scope="module")
def sim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ratings_sim", SIM)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ratings_sim"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base(sim: ModuleType) -> Any:
    return sim.build(7, per_hour=HISTORY_PER_HOUR)


@pytest.mark.slow
def test_the_honest_history_raises_no_flags(base: Any) -> None:
    flagged = sum(r.suspicious for r in base.repo.ratings.values())
    assert flagged <= 0.005 * len(base.repo.ratings)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["1_rerate_washes_flags", "4a_paced_and_week", "5_sparse_ring", "6_review_bomb"]
)
def test_an_attack_moves_its_targets_at_most_half_a_star(
    sim: ModuleType, base: Any, name: str
) -> None:
    report = sim.scenario(base, sim.PLANS[name])
    assert report["shift_max"] <= 0.5
    assert report["honest_false_positive_rate"] <= 0.005
    assert report["caught"] >= 0.8
    assert report["review_items"] >= 1


@pytest.mark.slow
def test_a_flood_from_one_client_leaves_honest_raters_alone(sim: ModuleType) -> None:
    assert sim.flood()["with_client_limits"]["refused_share"] == 0.0
