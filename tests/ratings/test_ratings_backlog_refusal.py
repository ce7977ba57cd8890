"""A rating refused because the applier's backlog is full (503 ratings_backlog) is flow control,
counted by the shed metric like the admission bound's refusals, not a warning line each: under
bulk load about two requests in three were refused, and each logged a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
import structlog
from structlog.testing import capture_logs
from tests.conftest import Api
from tests.metric_samples import metric_value

from civility.auth.keys import Role
from civility.settings import Settings, load_settings


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    """A backlog of 3 ratings at most; the tests flush explicitly (never, here)."""
    return load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        ratings_max_pending=3,
        ratings_flush_interval_ms=600_000,
    )


def _bulk(n: int, tag: str) -> dict[str, object]:
    return {"ratings": [{"post_id": f"p-{tag}", "user_id": f"u{i}", "score": 4} for i in range(n)]}


def shed() -> float:
    """Refusals counted as ratings_backlog so far."""
    return metric_value("civility_requests_shed_total", reason="ratings_backlog")


def test_a_backlog_refusal_is_counted_not_logged_as_a_warning(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    before = shed()
    assert api.client.post("/v1/ratings/bulk", json=_bulk(3, "a"), headers=h).status_code == 202

    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        bulk = api.client.post("/v1/ratings/bulk", json=_bulk(2, "b"), headers=h)
        one = api.client.post(
            "/v1/ratings", json={"post_id": "p-c", "user_id": "u", "score": 1}, headers=h
        )

    for answer in (bulk, one):
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"]["code"] == "ratings_backlog"
        assert answer.headers["Retry-After"]
    assert shed() == before + 2
    warnings = [e for e in logs if e["event"] == "http.request" and e["log_level"] == "warning"]
    assert warnings == []
