"""A serving process collects its young generation less often: with CPython's default (700)
request garbage was promoted into the old generation, and full collections took about a
quarter of a loaded server's CPU (bench/ratings_ingest.py --http; docs/ratings.md)."""

from __future__ import annotations

import gc

from fastapi.testclient import TestClient

from civility.api.app import SERVER_GC_THRESHOLD, create_app
from civility.container import Container, build_container
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings


def test_the_app_raises_the_gc_threshold_while_it_runs_and_restores_it(
    settings: Settings,
) -> None:
    before = gc.get_threshold()
    assert before[0] < SERVER_GC_THRESHOLD[0]
    built: list[Container] = []

    def build() -> Container:
        built.append(build_container(settings, scorer=LexiconBaselineScorer()))
        return built[0]

    with TestClient(create_app(build)) as client:
        assert client.get("/healthz").status_code == 200
        assert gc.get_threshold() == SERVER_GC_THRESHOLD
    assert gc.get_threshold() == before
