"""The review backlog alarm: one event per rise past the threshold, re-armed below 80%, and
that event delivered to a Slack channel like any other."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import Api
from tests.infra.infra_helpers import run_async
from tests.notifications.conftest import Platform
from tests.notifications.test_notifications import SEEDS, _create, _dispatch
from tests.review.review_seed import seed

from civility.clock import ManualClock
from civility.container import build_backlog_watcher
from civility.notifications.backlog import BacklogAlarm

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_alarm_goes_off_once_per_rise() -> None:
    alarm = BacklogAlarm(10)
    sizes = [5, 10, 12, 30, 9, 8, 7, 11, 12]
    fired = [n for n in sizes if alarm.observe(n, None, T0) is not None]
    # 10 fires; it stays quiet until the queue falls below 8 (80%), so 11 fires again.
    assert fired == [10, 11]
    event = BacklogAlarm(3).observe(4, T0, T0)
    assert event is not None
    assert event.type == "review.backlog"
    assert event.payload == {"pending": 4, "threshold": 3, "oldest": T0.isoformat()}


def test_a_backlog_reaches_slack(
    api: Api, clock: ManualClock, platforms: dict[str, Platform]
) -> None:
    slack = platforms["slack"]
    _create(api, {"kind": "slack", "url": slack.url, "event_types": ["review.backlog"]})
    update = {"review_backlog_alert": 3, "webhooks_dispatcher": True}
    settings = api.container.settings.model_copy(update=update)
    api.container.settings = settings
    watcher = build_backlog_watcher(api.container)
    assert watcher is not None
    assert run_async(watcher.check()) is None  # an empty queue
    seed(api.container.db, SEEDS, clock.now())  # three items to review (hide, flag, block)
    assert run_async(watcher.check()) is not None
    assert run_async(watcher.check()) is None  # still high: no second alarm
    assert _dispatch(api, clock) == 1
    assert slack.problems == []
    assert (
        slack.bodies[0]["blocks"][0]["text"]["text"] == "Review backlog: 3 items waiting (medium)"
    )
