"""Red-team attacks replayed through the live HTTP API (app with its lifespan and applier over
the ASGI transport, SQLite, a ManualClock and explicit flushes): the bounds hold there too,
and the live path flags and averages exactly as the in-process simulation does."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
HISTORY_PER_HOUR = 25  # a third of the benchmark's history, as tests/ratings/test_ratings_sim.py


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def replay() -> ModuleType:
    _load("ratings_sim")
    return _load("ratings_replay")


@pytest.fixture(scope="module")
def base(replay: ModuleType) -> Any:
    return replay.sim.build(7, per_hour=HISTORY_PER_HOUR)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["2b_one_address_no_ages", "6_review_bomb"])
def test_an_attack_over_http_moves_its_targets_at_most_a_fifth_of_a_star(
    replay: ModuleType, base: Any, name: str, tmp_path: Path
) -> None:
    plan = replay.sim.PLANS[name]
    report = asyncio.run(replay.scenario_live(base, plan, tmp_path))
    assert report["requests"] > report["attack_ratings"]  # the honest traffic went through too
    assert report["shift_max"] <= replay.SHIFT_TARGET, report
    assert report["honest_false_positive_rate"] <= replay.FALSE_POSITIVE_TARGET, report
    assert report["caught"] >= 0.8, report
    # Moderators see the attack through the API.
    assert report["open_review_items_listed"] >= 1, report
    # The live path is the simulated path: same flags, same trusted averages.
    assert report["http_vs_sim_flags_differing"] == 0, report
    assert report["http_vs_sim_trusted_max_diff"] <= 1e-3, report
