"""The SDK's retry schedule, driven by a manual clock: nothing sleeps."""

from __future__ import annotations

import httpx
import pytest

from civility.client import RetryPolicy
from civility.client._base import Backoff, Call, RetryableStatus, final_error, retryable
from civility.client.errors import APIConnectionError, APITimeoutError, RateLimitError

CALL = Call("POST", "/v1/analyze")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def throttled(retry_after: str | None = None) -> RetryableStatus:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    request = httpx.Request("POST", "http://civility/v1/analyze")
    return RetryableStatus(httpx.Response(429, headers=headers, request=request))


def schedule(backoff: Backoff, failure: Exception, clock: Clock) -> list[float | None]:
    out: list[float | None] = []
    while (wait := backoff.next_wait(CALL, failure)) is not None:
        out.append(wait)
        clock.now += wait
    return out


@pytest.mark.parametrize(
    ("policy", "failure", "waits"),
    [
        # exponential from wait_initial, capped at wait_max, attempts - 1 waits
        (
            {"attempts": 5, "wait_initial": 0.1, "wait_max": 0.5},
            httpx.ConnectError("x"),
            [0.1, 0.2, 0.4, 0.5],
        ),
        # the server's Retry-After replaces the computed wait, capped by max_retry_after
        ({"attempts": 3, "max_retry_after": 2.0}, throttled("1"), [1.0, 1.0]),
        ({"attempts": 3, "max_retry_after": 2.0}, throttled("60"), [2.0, 2.0]),
        # no wait may end past the policy's timeout
        (
            {"attempts": 10, "wait_initial": 1.0, "wait_max": 8.0, "timeout": 10.0},
            throttled(),
            [1.0, 2.0, 4.0],
        ),
        ({"attempts": 1}, throttled(), []),
    ],
)
def test_schedule(policy: dict[str, float], failure: Exception, waits: list[float]) -> None:
    clock = Clock()
    retry = RetryPolicy(**{"wait_jitter": 0.0, **policy})  # type: ignore[arg-type]
    backoff = Backoff(retry, clock, lambda _a, _b: 0.0)
    assert schedule(backoff, failure, clock) == waits


def test_what_is_retried_and_what_it_becomes() -> None:
    assert retryable(throttled())
    assert retryable(httpx.ReadTimeout("slow"))
    assert not retryable(httpx.DecodingError("bad gzip"))
    assert isinstance(final_error(throttled("3")), RateLimitError)
    assert isinstance(final_error(httpx.ReadTimeout("slow")), APITimeoutError)
    refused = final_error(httpx.ConnectError("refused"))
    assert isinstance(refused, APIConnectionError)
    assert not isinstance(refused, APITimeoutError)
