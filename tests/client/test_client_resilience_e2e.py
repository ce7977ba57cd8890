"""The SDK when the server or the network surprises it: a newer server's extra fields, a
proxy's page instead of JSON, slow answers, a message that stays undecided, retries that
must not write to stderr. Every failure is a `CivilityError`; nothing raw escapes."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.client.chaos import Chaos, running
from tests.compat.server_process import Server, free_port, serve

from civility.client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncCivility,
    Civility,
    CivilityError,
    DecisionTimeoutError,
    MessageInput,
    RetryPolicy,
)

pytestmark = pytest.mark.e2e
FAST = RetryPolicy(attempts=10, timeout=60, wait_initial=0.01, wait_max=0.05, wait_jitter=0.01)
TOXIC = "I will kill you, you stupid idiot"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("sdk-resilience"))) as s:
        yield s


# Objects keyed by data, not by field names: a newer server adds entries there, not fields.
_MAPS = {"scores", "metadata", "payload", "subject"}


def _grow(value: Any) -> Any:
    """What a newer server might send: an unknown field in every object, at every depth."""
    if isinstance(value, list):
        return [_grow(v) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "languages" and isinstance(item, dict):
            out[key] = {
                lang: {c: _grow(cell) for c, cell in cells.items()} for lang, cells in item.items()
            }
        else:
            out[key] = item if key in _MAPS else _grow(item)
    return {**out, "added_in_v9": {"nested": [1, None]}}


def _newer_server(path: str, body: bytes) -> bytes:
    return json.dumps(_grow(json.loads(body))).encode() if body else body


def test_a_newer_servers_unknown_fields_are_ignored(server: Server) -> None:
    chaos = Chaos(server.url, rewrite=_newer_server)
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        analyzed = civ.analyze(TOXIC)
        assert analyzed.spans
        decided = civ.moderate("n1", "u1", "newer", TOXIC)
        assert decided.reasons
        assert decided.reasons[0].code
        [accepted] = civ.submit([MessageInput("n2", "u2", "newer", "hello there")])
        assert civ.wait_for_decision(accepted.id, timeout=20, interval=0.05).decided
        assert civ.get_message(decided.id).id == decided.id
        assert civ.list_messages(channel_id="newer").items
        assert civ.events(type="message.*", channel_id="newer").items
        [model] = civ.models()
        assert model.name
        assert civ.rate("p1", "u1", 4).status
        assert civ.get_rating("p1").post_id == "p1"

    async def main(url: str) -> None:
        async with AsyncCivility(url, server.key, retry=FAST) as civ:
            assert (await civ.analyze(TOXIC)).spans
            assert (await civ.moderate("n3", "u3", "newer", TOXIC)).reasons

    with running(Chaos(server.url, rewrite=_newer_server)) as url:
        asyncio.run(main(url))


@pytest.mark.parametrize(
    "body",
    [b"<html><body>502 Bad Gateway</body></html>", b"", b'{"results": "not a list"}', b"{}"],
)
def test_a_body_the_sdk_cannot_read_is_a_clear_error(server: Server, body: bytes) -> None:
    chaos = Chaos(server.url, rewrite=lambda _path, _body: body)
    with (
        running(chaos) as url,
        Civility(url, server.key, retry=FAST) as civ,
        pytest.raises(APIResponseValidationError) as err,
    ):
        civ.analyze("hello")
    assert isinstance(err.value, CivilityError)
    assert err.value.status == 200
    assert err.value.body == body.decode()
    assert "/v1/analyze" in str(err.value)


def test_a_slow_service_is_an_api_timeout_error(server: Server) -> None:
    policy = RetryPolicy(attempts=2, wait_initial=0.01, wait_max=0.01, wait_jitter=0)
    chaos = Chaos(server.url, delay=1.0)
    with running(chaos) as url:
        with (
            Civility(url, server.key, timeout=0.2, retry=policy) as civ,
            pytest.raises(APITimeoutError) as err,
        ):
            civ.analyze("hello")
        assert isinstance(err.value, APIConnectionError)  # callers catching that still do

        async def main() -> None:
            async with AsyncCivility(url, server.key, timeout=0.2, retry=policy) as civ:
                await civ.analyze("hello")

        with pytest.raises(APITimeoutError):
            asyncio.run(main())
    assert chaos.requests == 4  # two attempts each


def test_nobody_listening_is_an_api_connection_error() -> None:
    policy = RetryPolicy(attempts=2, wait_initial=0.01, wait_max=0.01, wait_jitter=0)
    with (
        Civility(f"http://127.0.0.1:{free_port()}", "civ_x", retry=policy) as civ,
        pytest.raises(APIConnectionError) as err,
    ):
        civ.analyze("hello")
    assert not isinstance(err.value, APITimeoutError)


def test_wait_for_decision_raises_when_nothing_decides(tmp_path: Path) -> None:
    # No worker consumes the queue: a submitted message stays received for good.
    with (
        serve(tmp_path, CIVILITY_EMBEDDED_WORKER="false") as idle,
        Civility(idle.url, idle.key, retry=FAST) as civ,
    ):
        [accepted] = civ.submit([MessageInput("w1", "u1", "idle", "hello")])
        with pytest.raises(DecisionTimeoutError) as err:
            civ.wait_for_decision(accepted.id, timeout=0.3, interval=0.05)
        assert isinstance(err.value, TimeoutError)
        assert err.value.id == accepted.id
        assert not err.value.message.decided

        async def main() -> None:
            async with AsyncCivility(idle.url, idle.key, retry=FAST) as aciv:
                await aciv.wait_for_decision(accepted.id, timeout=0.3, interval=0.05)

        with pytest.raises(DecisionTimeoutError):
            asyncio.run(main())


def test_retries_are_logged_at_debug_level_and_never_on_stderr(
    server: Server, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    chaos = Chaos(server.url, throttle_first=2, retry_after="0")
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        civ.analyze("hello")
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""
    retries = [r for r in caplog.records if r.name == "civility.client"]
    assert retries == []  # below the default level nothing is even recorded
    caplog.set_level(logging.DEBUG, logger="civility.client")
    chaos = Chaos(server.url, throttle_first=2, retry_after="0")
    with running(chaos) as url, Civility(url, server.key, retry=FAST) as civ:
        civ.analyze("hello")
    retries = [r for r in caplog.records if r.name == "civility.client"]
    assert [r.levelno for r in retries] == [logging.DEBUG, logging.DEBUG]
    assert "POST /v1/analyze" in retries[0].getMessage()
    assert "HTTP 429" in retries[0].getMessage()
    assert capfd.readouterr().err == ""
