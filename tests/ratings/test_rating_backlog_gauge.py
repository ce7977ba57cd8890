"""The rating backlog gauge is read on every scrape: a waiting count 5 s old made the ingest
bench see the backlog empty up to 5 s after it was (its 'backlog empty after 5.1 s')."""

from __future__ import annotations

import asyncio

from tests.metric_samples import metric_value

from civility.clock import ManualClock
from civility.observability.gauges import GaugeRefresher


def test_the_rating_backlog_is_fresh_within_the_refresh_interval() -> None:
    pending = [500]
    ticks = iter([0.0, 0.2, 0.4])
    gauges = GaugeRefresher(
        ManualClock(), rating_backlog=lambda: pending[0], monotonic=lambda: next(ticks)
    )
    asyncio.run(gauges.refresh())
    assert metric_value("civility_rating_backlog") == 500
    pending[0] = 0
    asyncio.run(gauges.refresh())  # 0.2 s later: the other sources wait for min_interval
    assert metric_value("civility_rating_backlog") == 0
