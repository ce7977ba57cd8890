"""The SDK against a real `civility serve`: every method, errors, keep-alive, limits, chaos."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.client.chaos import Chaos, running
from tests.compat.server_process import Server, serve

from civility.client import (
    AsyncCivility,
    AuthenticationError,
    BadRequestError,
    Civility,
    MessageInput,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
)

pytestmark = pytest.mark.e2e
FAST = RetryPolicy(attempts=10, timeout=60, wait_initial=0.01, wait_max=0.05, wait_jitter=0.01)
TOXIC = "I will kill you, you stupid idiot"
CLEAN = "lovely weather today"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("sdk-e2e"))) as s:
        yield s


def test_every_method_against_the_server(server: Server) -> None:
    with Civility(server.url, server.key, retry=FAST) as civ:
        one = civ.analyze(TOXIC)
        assert one.scores["threat"] > 0.5
        assert one.spans
        many = civ.analyze_many([CLEAN, TOXIC])
        assert many[0].scores["toxicity"] < many[1].scores["toxicity"]
        decided = civ.moderate("m1", "u1", "sdk", TOXIC, metadata={"k": "v"})
        assert decided.decided
        assert decided.action in ("flag", "hide", "block")
        assert civ.moderate("m1", "u1", "sdk", TOXIC).id == decided.id  # idempotent
        accepted = civ.submit(
            [
                MessageInput("m2", "u2", "sdk", CLEAN),
                {"message_id": "m3", "author_id": "u3", "channel_id": "sdk", "text": TOXIC},
            ]
        )
        assert [a.message_id for a in accepted] == ["m2", "m3"]
        later = civ.wait_for_decision(accepted[0].id, timeout=20, interval=0.05)
        assert later.decided
        assert later.visible
        assert civ.get_message(decided.id).action == decided.action
        page = civ.list_messages(channel_id="sdk", limit=2)
        assert len(page.items) == 2
        assert page.next_cursor
        assert {m.message_id for m in civ.iter_messages(channel_id="sdk", limit=2)} >= {"m1", "m2"}
        events = civ.events(type="message.*", channel_id="sdk")
        assert events.items
        assert events.items[0].type.startswith("message.")
        with pytest.raises(NotFoundError):
            civ.get_message("msg_nope")
        with pytest.raises(BadRequestError) as bad:
            civ.analyze("   ")
        assert bad.value.code == "empty_text"
        # This server runs the lexicon double, which ships no support matrix: every category
        # is scored (tests/api/test_support_matrix.py covers a scorer with one).
        [model] = civ.models()
        assert model.name == "lexicon-baseline"
        assert model.floor is None
        assert model.supported("ru", "insult")
        assert civ.analyze("you idiot").unsupported == []
    with Civility(server.url, "civ_wrong", retry=FAST) as wrong, pytest.raises(AuthenticationError):
        wrong.analyze("hi")


def test_async_client_against_the_server(server: Server) -> None:
    async def main() -> None:
        async with AsyncCivility(server.url, server.key, retry=FAST) as civ:
            results = await asyncio.gather(*(civ.analyze(f"{TOXIC} {i}") for i in range(20)))
            assert all(r.scores["insult"] > 0.5 for r in results)
            d = await civ.moderate("a1", "u1", "sdk-async", CLEAN)
            assert d.action == "allow"
            [acc] = await civ.submit([MessageInput("a2", "u1", "sdk-async", TOXIC)])
            assert (await civ.wait_for_decision(acc.id, timeout=20, interval=0.05)).decided
            assert [m async for m in civ.iter_messages(channel_id="sdk-async")]

    asyncio.run(main())


def test_one_keep_alive_connection_for_sequential_calls(server: Server) -> None:
    chaos = Chaos(server.url)
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        for i in range(30):
            civ.analyze(f"text {i}")
    assert chaos.requests == 30
    assert len(chaos.connections) == 1


def test_thirty_percent_failures_are_absorbed(server: Server) -> None:
    chaos = Chaos(server.url, seed=42, fail_rate=0.3)
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        for i in range(40):
            d = civ.moderate(f"c{i}", "u1", "chaos", TOXIC if i % 2 else CLEAN)
            assert d.decided
        accepted = civ.submit([MessageInput(f"s{i}", "u1", "chaos", CLEAN) for i in range(10)])
        assert len(accepted) == 10
    assert 0.15 < chaos.injected / chaos.requests < 0.45
    with Civility(server.url, server.key) as direct:
        stored = list(direct.iter_messages(channel_id="chaos", limit=500))
    # Lost answers were retried, and retries were idempotent: one message per id, no more.
    assert len(stored) == 50
    assert len({m.message_id for m in stored}) == 50


def test_concurrency_limit_under_a_burst_with_failures(server: Server) -> None:
    chaos = Chaos(server.url, seed=3, fail_rate=0.3)

    async def burst(url: str) -> list[float]:
        async with AsyncCivility(url, server.key, retry=FAST, max_concurrency=4) as civ:
            results = await asyncio.gather(*(civ.analyze(f"{TOXIC} {i}") for i in range(60)))
            return [r.scores["threat"] for r in results]

    with running(chaos) as url:
        scores = asyncio.run(burst(url))
    assert len(scores) == 60
    assert min(scores) > 0.5
    assert chaos.injected > 0
    assert chaos.max_in_flight <= 4
    assert len(chaos.connections) <= 4 + chaos.injected  # pooled; a failed answer may cost one


def test_retry_after_is_honoured(server: Server) -> None:
    chaos = Chaos(server.url, throttle_first=1, retry_after="1")
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        start = time.monotonic()
        civ.analyze(CLEAN)
        waited = time.monotonic() - start
    # Our own backoff would have waited ~0.01 s; the server asked for 1 s.
    assert waited >= 0.95
    assert chaos.throttled == 1


def test_rate_limit_error_after_the_last_attempt(server: Server) -> None:
    chaos = Chaos(server.url, throttle_first=100, retry_after="0")
    policy = RetryPolicy(attempts=3, wait_initial=0.01, wait_max=0.01, wait_jitter=0)
    with (
        running(chaos) as url,
        Civility(url, server.key, retry=policy) as civ,
        pytest.raises(RateLimitError) as err,
    ):
        civ.analyze(CLEAN)
    assert err.value.status == 429
    assert err.value.retry_after == 0
    assert chaos.throttled == 3


def test_request_returns_none_for_no_content(server: Server) -> None:
    with Civility(server.url, server.key) as civ:
        # A public name: loopback targets are refused at registration since 0111470.
        hook = {"url": "https://hooks.example.com/civility", "event_types": ["*"]}
        created = civ.request("POST", "/v1/webhooks", json=hook)
        assert created["id"]
        assert civ.request("DELETE", f"/v1/webhooks/{created['id']}") is None


def test_a_moderators_verdict_reaches_the_sdk(server: Server) -> None:
    with Civility(server.url, server.key, retry=FAST) as civ:
        hidden = civ.moderate("v1", "u9", "sdk-verdicts", TOXIC)
        assert hidden.decision_source == "automated"
        assert hidden.decided_by is not None
        assert hidden.decided_by.startswith("system:")
        civ.request("POST", f"/v1/review/{hidden.id}/resolve", json={"action": "approve"})
        now = civ.get_message(hidden.id)
        assert (now.action, now.decision_source, now.visible) == ("allow", "review", True)
        assert now.automated is not None
        assert now.automated.decision == hidden.action
        assert now.history is not None
        assert [(h.decision, h.previous_decision) for h in now.history] == [
            ("allow", hidden.action)
        ]
        listed = civ.list_messages(channel_id="sdk-verdicts").items[0]
        assert (listed.action, listed.history) == ("allow", None)
        [event] = civ.events(type="message.restored", channel_id="sdk-verdicts").items
        change = event.decision_change()
        assert change is not None
        assert (change.decision, change.source, change.version, change.visible) == (
            "allow",
            "review",
            1,
            True,
        )
        assert change.platform_message_id == "v1"
        automated = civ.events(type="message.*", channel_id="sdk-verdicts").items[-1]
        first = automated.decision_change()
        assert first is not None
        assert (first.source, first.version, first.visible) == ("automated", 0, False)
