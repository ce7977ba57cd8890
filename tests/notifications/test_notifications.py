"""Slack and Discord channels: the admin API, the URL rules, severities, quiet hours, text
modes and 429s, delivered by the webhook dispatcher to a stub platform on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
import stamina
from tests.conftest import Api
from tests.infra.infra_helpers import run_async
from tests.notifications.conftest import Platform, check_discord, check_slack
from tests.review.review_seed import Seed, seed

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import chat_renderers
from civility.errors import Invalid
from civility.events.models import Event
from civility.notifications.formats import DISCORD_COLORS, discord_message, slack_message
from civility.notifications.models import ChannelOptions, QuietHours, TextMode
from civility.notifications.rules import excerpt, held_back, notice_for, severity_of
from civility.policy.verdict import Action, Severity
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import RetryableStatus, WebhookDispatcher, backoff

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
SEEDS = [
    Seed("troll", "general", "you are a stupid idiot, mail me at bob@example.org", Action.HIDE, 3),
    Seed("troll", "general", "shut up loser", Action.FLAG, 2),
    Seed("spam", "sports", "go back to your country vermin", Action.BLOCK, 1),
    Seed("nice", "sports", "great match", Action.ALLOW, 1),
]


def _event(type_: str, severity: str = "medium", **payload: Any) -> Event:
    return Event(
        id="evt_1",
        type=type_,
        actor="system",
        subject_type="message",
        subject_id="msg_1",
        channel_id="general",
        payload={"severity": severity, "author_id": "u1", "reasons": [], **payload},
        created_at=T0,
    )


def test_severity_of_events() -> None:
    assert severity_of(_event("message.hidden", "low")) is Severity.LOW
    threat = [{"category": "threat", "score": 0.9, "spans": [[0, 4]]}]
    assert severity_of(_event("message.flagged", "low", reasons=threat)) is Severity.HIGH
    assert severity_of(_event("review.escalated")) is Severity.HIGH
    assert severity_of(_event("review.backlog", pending=100, threshold=80)) is Severity.MEDIUM
    assert severity_of(_event("review.backlog", pending=160, threshold=80)) is Severity.HIGH


def test_quiet_hours_across_midnight_in_a_time_zone() -> None:
    quiet = QuietHours(time(22, 0), time(7, 0), "Europe/Berlin", Severity.HIGH)
    # 12:00 UTC is 13:00 in Berlin (winter): outside; 22:30 UTC is 23:30: inside.
    assert not quiet.covers(T0)
    assert quiet.covers(T0.replace(hour=22, minute=30))
    assert quiet.covers(T0.replace(hour=5, minute=59))
    assert not quiet.covers(T0.replace(hour=6, minute=0))
    options = ChannelOptions(min_severity=Severity.LOW, quiet_hours=quiet)
    night = T0.replace(hour=23)
    assert held_back(Severity.MEDIUM, options, night)
    assert not held_back(Severity.HIGH, options, night)
    assert not held_back(Severity.MEDIUM, options, T0)
    assert held_back(Severity.LOW, ChannelOptions(min_severity=Severity.MEDIUM), T0)
    with pytest.raises(Invalid):
        QuietHours(time(1, 0), time(1, 0))
    with pytest.raises(Invalid):
        QuietHours(time(1, 0), time(2, 0), "Mars/Olympus")


def test_excerpts_show_only_what_the_channel_allows() -> None:
    text = "you idiot, call +49 170 1234567 or see https://x.example/a @bob mail a@b.org"
    redacted = excerpt(text, [(4, 9)], TextMode.REDACTED)
    assert redacted is not None
    assert "idiot" not in redacted
    assert "█████" in redacted
    for hidden in ("1234567", "x.example", "@bob", "a@b.org"):
        assert hidden not in redacted
    assert {"[number]", "[link]", "@…", "[email]"} <= set(redacted.replace(",", " ").split())
    assert excerpt(text, [], TextMode.NONE) is None
    assert excerpt("a" * 900, [], TextMode.FULL) == "a" * 499 + "…"
    assert len(excerpt("word " * 100, [], TextMode.REDACTED) or "") == 140


def test_formats_follow_the_documented_schemas() -> None:
    hostile = "<!channel> @everyone **bold** <@123> & more"
    event = _event("message.blocked", "high")
    notice = notice_for(
        event, ChannelOptions(text=TextMode.FULL), T0, text=hostile, dashboard_url="https://c.x"
    )
    assert notice is not None
    slack = slack_message(notice)
    assert check_slack(slack) == []
    assert "<!channel>" not in str(slack)  # escaped: no channel-wide ping
    assert slack["blocks"][-1]["elements"][0]["url"] == "https://c.x/dashboard/queue/items/msg_1"
    discord = discord_message(notice)
    assert check_discord(discord) == []
    assert discord["embeds"][0]["color"] == DISCORD_COLORS[Severity.HIGH]
    assert "\\*\\*bold\\*\\*" in discord["embeds"][0]["description"]


def test_backoff_honours_retry_after_with_jitter_and_a_cap() -> None:
    waits = [backoff(RetryableStatus(429, 2.0)) for _ in range(50)]
    assert all(isinstance(w, float) and 2.0 <= w <= 3.0 for w in waits)
    assert len(set(waits)) > 1  # jittered
    capped = backoff(RetryableStatus(429, 3600.0))
    assert isinstance(capped, float)
    assert capped <= 61.0
    assert backoff(RetryableStatus(503)) is True
    assert backoff(ValueError("no")) is False


def _create(api: Api, body: dict[str, Any], role: Role = Role.ADMIN) -> Any:
    return api.client.post("/v1/notifications", json=body, headers=api.headers(role))


def _dispatch(api: Api, clock: ManualClock) -> int:
    dispatcher = WebhookDispatcher(
        SqlWebhookRepository(api.container.db),
        clock,
        max_attempts=3,
        renderers=chat_renderers(api.container),
    )
    with stamina.set_testing(True, attempts=3):  # the waits are the backoff hook's, tested above
        return run_async(dispatcher.run_once())


def test_admin_api_and_url_rules(api: Api, platforms: dict[str, Platform]) -> None:
    slack_url = platforms["slack"].url
    assert _create(api, {"kind": "slack", "url": slack_url}, Role.MODERATOR).status_code == 403
    refused = [
        ("slack", "https://169.254.169.254/services/x"),
        ("slack", "http://hooks.slack.com/services/T/B/x"),
        ("slack", "https://discord.com/api/webhooks/1/x"),
        ("discord", "https://discord.com.evil.example/api/webhooks/1/x"),
        ("discord", "https://user:pw@discord.com/api/webhooks/1/x"),
        ("discord", "https://discord.com/api/other"),
        ("slack", "http://localhost:8000/services/x"),
    ]
    for kind, url in refused:
        r = _create(api, {"kind": kind, "url": url})
        assert r.status_code == 422, (url, r.text)
        assert r.json()["error"]["code"] in ("bad_channel_url", "validation_error"), r.text
    ok = _create(api, {"kind": "slack", "url": "https://hooks.slack.com/services/T1/B1/abc"})
    assert ok.status_code == 201, ok.text
    channel = ok.json()
    assert channel["url"] == "https://hooks.slack.com/…"  # the secret path is never shown
    assert channel["text"] == "redacted"
    assert channel["min_severity"] == "medium"
    bad_quiet = _create(
        api, {"kind": "slack", "url": slack_url, "quiet_hours": {"start": "22:00", "end": "22:00"}}
    )
    assert bad_quiet.json()["error"]["code"] == "bad_quiet_hours"
    listed = api.client.get("/v1/notifications", headers=api.headers()).json()["items"]
    assert [c["id"] for c in listed] == [channel["id"]]
    assert api.client.get("/v1/webhooks", headers=api.headers()).json()["items"] == []
    paused = api.client.post(f"/v1/notifications/{channel['id']}/disable", headers=api.headers())
    assert paused.json()["enabled"] is False
    events = api.client.get("/v1/events?type=webhook.*", headers=api.headers()).json()["items"]
    assert "abc" not in str(events)  # the URL is a credential: never in the audit log
    gone = api.client.delete(f"/v1/notifications/{channel['id']}", headers=api.headers())
    assert gone.status_code == 204
    missing = api.client.get(f"/v1/notifications/{channel['id']}", headers=api.headers())
    assert missing.json()["error"]["code"] == "notification_not_found"


def test_slack_gets_block_kit_for_hides_and_blocks_only(
    api: Api, clock: ManualClock, platforms: dict[str, Platform]
) -> None:
    slack = platforms["slack"]
    channel = _create(api, {"kind": "slack", "url": slack.url, "name": "mods"}).json()
    ids = seed(api.container.db, SEEDS, clock.now())
    slack.limited = 1  # the first call is rate limited: retried after Retry-After
    assert _dispatch(api, clock) == 2
    assert slack.problems == []
    assert [b["blocks"][0]["text"]["text"] for b in slack.bodies] == [
        "Message hidden in #general (medium)",
        "Message blocked in #sports (medium)",
    ]
    first = str(slack.bodies[0])
    assert "idiot" not in first
    assert "bob@example.org" not in first
    assert "[email]" in first
    assert f"https://civility.example/dashboard/queue/items/{ids[0]}" in first
    log = api.client.get(
        f"/v1/notifications/{channel['id']}/deliveries", headers=api.headers()
    ).json()["items"]
    assert [(d["ok"], d["status_code"], d["attempts"]) for d in reversed(log)] == [
        (True, 200, 2),
        (True, 200, 1),
    ]
    assert _dispatch(api, clock) == 0  # nothing new


def test_discord_embeds_severity_threshold_text_and_quiet_hours(
    api: Api, clock: ManualClock, platforms: dict[str, Platform]
) -> None:
    discord = platforms["discord"]
    _create(
        api,
        {
            "kind": "discord",
            "url": discord.url,
            "event_types": ["message.*"],
            "min_severity": "medium",
            "text": "none",
            "quiet_hours": {"start": "23:00", "end": "06:00", "timezone": "UTC"},
        },
    )
    clock.advance(timedelta(hours=23, minutes=30))  # 23:30 UTC: quiet
    seed(api.container.db, SEEDS[:2], clock.now())
    discord.limited = 1
    assert _dispatch(api, clock) == 0
    assert discord.hits == 0
    clock.advance(timedelta(hours=7))  # 06:30: awake; what came in the night stays unsent
    seed(api.container.db, SEEDS, clock.now())
    assert _dispatch(api, clock) == 3  # hide, flag, block; not allow (severity none)
    assert discord.problems == []
    embeds = [b["embeds"][0] for b in discord.bodies]
    assert [e["title"] for e in embeds] == [
        "Message hidden in #general",
        "Message flagged in #general",
        "Message blocked in #sports",
    ]
    assert {e["color"] for e in embeds} == {DISCORD_COLORS[Severity.MEDIUM]}
    assert all("description" not in e for e in embeds)  # text: none
    assert discord.hits == 4  # one 429 (JSON retry_after), then three deliveries


def test_malformed_urls_and_zones_are_refused_not_crashed(api: Api) -> None:
    for url in ("http://[::1", "https://hooks.slack.com:abc/services/x", "hooks.slack.com"):
        r = _create(api, {"kind": "slack", "url": url})
        assert r.status_code == 422, (url, r.text)
    for zone in ("../../etc/passwd", "UTC\\x00", "Not/AZone"):
        quiet = {"start": "22:00", "end": "06:00", "timezone": zone}
        body = {
            "kind": "slack",
            "url": "https://hooks.slack.com/services/T/B/x",
            "quiet_hours": quiet,
        }
        assert _create(api, body).status_code == 422, zone


def test_escalations_carry_text_only_when_the_channel_takes_it_whole() -> None:
    event = _event("review.escalated")
    redacted = notice_for(event, ChannelOptions(), T0, text="you idiot")
    assert redacted is not None
    assert redacted.excerpt is None  # no spans to mask: nothing rather than the raw text
    full = notice_for(event, ChannelOptions(text=TextMode.FULL), T0, text="you idiot")
    assert full is not None
    assert full.excerpt == "you idiot"
