"""The simulator's goals hold on a smaller history: bursts and rings caught, surges left alone."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SIM = Path(__file__).resolve().parents[2] / "bench" / "ratings_sim.py"
HISTORY_PER_HOUR = 20  # a third of the benchmark's history keeps this test quick


@pytest.fixture(scope="module")
def sim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ratings_sim", SIM)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ratings_sim"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_burst_moves_the_trusted_average_less_than_a_tenth(sim: ModuleType) -> None:
    report = sim.scenario_burst(7, per_hour=HISTORY_PER_HOUR)
    assert report["averages"]["trusted_moved"] < 0.1
    assert report["averages"]["raw_moved"] > 1.0
    assert report["detection"]["recall"] >= 0.95
    assert report["detection"]["precision"] >= 0.95


@pytest.mark.slow
def test_a_slow_ring_is_caught(sim: ModuleType) -> None:
    report = sim.scenario_ring(7, per_hour=HISTORY_PER_HOUR)
    assert report["detection"]["recall"] >= 0.9
    assert report["detection"]["organic_false_flag_rate"] <= 0.01


@pytest.mark.slow
def test_an_organic_surge_raises_at_most_one_percent_false_flags(sim: ModuleType) -> None:
    report = sim.scenario_surge(7, per_hour=HISTORY_PER_HOUR)
    assert report["detection"]["organic_false_flag_rate"] <= 0.01
