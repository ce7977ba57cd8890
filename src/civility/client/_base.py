"""What the sync and async clients share: configuration, request shapes, retries, parsing."""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from civility.client.errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    CivilityError,
    error_for,
)
from civility.client.models import (
    Accepted,
    AnalyzeResult,
    Decision,
    Event,
    MessageInput,
    ModelInfo,
    Page,
    PostRating,
    RatingAccepted,
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "civility-python"
# Retries are routine (that is what they are for): logged at debug level, never on stderr
# unless the application turns this logger up.
log = logging.getLogger("civility.client")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How failed calls are retried: jittered exponential backoff, `Retry-After` honoured.

    Every call is safe to repeat: analyze stores nothing and moderate / submit are idempotent
    on (channel_id, message_id), so POSTs are retried like GETs.
    """

    attempts: int = 5
    timeout: float = 30.0
    wait_initial: float = 0.1
    wait_max: float = 5.0
    wait_jitter: float = 0.5
    max_retry_after: float = 30.0


@dataclass(frozen=True, slots=True)
class Call:
    """One HTTP call, built the same way by both clients."""

    method: str
    path: str
    json: Any = None
    params: Mapping[str, Any] | None = None
    # A 429 of the ratings limiter means "this user rates too fast": retrying cannot help.
    retry_rate_limited: bool = True


class RetryableStatus(Exception):
    """Raised inside the retry loop for a 429 or 5xx answer, so it can be retried."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def retry_after(response: httpx.Response) -> float | None:
    """Parses `Retry-After` (seconds or an HTTP date) into seconds."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class Backoff:
    """One call's retry schedule: jittered exponential waits, or the server's `Retry-After`.

    Gives up after ``policy.attempts`` attempts, or when the next wait would end past
    ``policy.timeout`` seconds since the first attempt.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[float, float], float] = random.uniform,
    ) -> None:
        self._policy = policy
        self._clock = clock
        self._jitter = jitter
        self._start = clock()
        self._attempts = 0

    def next_wait(self, call: Call, failure: Exception) -> float | None:
        """Seconds to wait before the next attempt after ``failure``, or None to give up."""
        p = self._policy
        self._attempts += 1
        if self._attempts >= p.attempts:
            return None
        asked = retry_after(failure.response) if isinstance(failure, RetryableStatus) else None
        if asked is None:
            computed = p.wait_initial * 2.0 ** (self._attempts - 1) + self._jitter(0, p.wait_jitter)
            wait = min(p.wait_max, computed)
        else:
            wait = min(asked, p.max_retry_after)
        if self._clock() - self._start + wait > p.timeout:
            return None
        log.debug(
            "retrying %s %s in %.2f s after %s (attempt %d of %d)",
            call.method,
            call.path,
            wait,
            failure,
            self._attempts + 1,
            p.attempts,
        )
        return wait


def retryable(exc: Exception) -> bool:
    """Tells whether a failed attempt may be repeated: an error status worth it, or transport."""
    return isinstance(exc, RetryableStatus | httpx.TransportError)


def raise_for(response: httpx.Response) -> None:
    """Raises the matching SDK error for an error answer."""
    if response.status_code < 400:
        return
    code, message = "error", response.reason_phrase
    try:
        error = response.json().get("error", {})
        code, message = str(error.get("code", code)), str(error.get("message", message))
    except (ValueError, AttributeError):
        pass
    raise error_for(response.status_code, code, message, retry_after(response))


def final_error(exc: Exception) -> CivilityError:
    """Turns the last failure (after the retries, or one not worth retrying) into an SDK error."""
    if isinstance(exc, RetryableStatus):
        try:
            raise_for(exc.response)
        except APIStatusError as err:
            return err
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"the service did not answer in time: {exc!r}")
    return APIConnectionError(f"could not reach the service: {exc!r}")


def finish(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """Raises the SDK error of an error answer; decodes and parses a successful one.

    A body that is not JSON, or JSON without the fields the SDK needs, is an
    `APIResponseValidationError` rather than a JSONDecodeError, KeyError or TypeError.
    """
    raise_for(response)
    try:
        return parse(body_of(response))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise APIResponseValidationError(
            f"unexpected answer to {response.request.method} {response.request.url.path}: {exc}",
            status=response.status_code,
            body=response.text,
        ) from exc


def as_is(data: Any) -> Any:
    """The decoded body itself, for `request()`."""
    return data


def analyze_call(texts: Sequence[str], channel_id: str | None) -> Call:
    """`POST /v1/analyze`."""
    body: dict[str, Any] = {"texts": list(texts)}
    if channel_id is not None:
        body["channel_id"] = channel_id
    return Call("POST", "/v1/analyze", json=body)


def parse_analyze(data: dict[str, Any]) -> list[AnalyzeResult]:
    """Parses the results of analyze."""
    return [AnalyzeResult.from_json(r) for r in data["results"]]


def models_call() -> Call:
    """`GET /v1/models`."""
    return Call("GET", "/v1/models")


def parse_models(data: dict[str, Any]) -> list[ModelInfo]:
    """Parses the models and their support matrices."""
    return [ModelInfo.from_json(m) for m in data["models"]]


def moderate_call(message: MessageInput) -> Call:
    """`POST /v1/moderate`."""
    return Call("POST", "/v1/moderate", json=message.to_json())


def submit_call(messages: Sequence[MessageInput]) -> Call:
    """`POST /v1/messages` with a batch."""
    return Call("POST", "/v1/messages", json={"messages": [m.to_json() for m in messages]})


def parse_accepted(data: dict[str, Any]) -> list[Accepted]:
    """Parses the ids of accepted messages."""
    return [Accepted.from_json(item) for item in data["items"]]


def get_message_call(id: str) -> Call:
    """`GET /v1/messages/{id}`."""
    return Call("GET", f"/v1/messages/{quote(id, safe='')}")


def _params(filters: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in filters.items():
        if value is None:
            continue
        out[key] = value.isoformat() if isinstance(value, datetime) else value
    return out


def list_messages_call(filters: Mapping[str, Any]) -> Call:
    """`GET /v1/messages` with filters (None values are left out)."""
    return Call("GET", "/v1/messages", params=_params(filters))


def parse_message_page(data: dict[str, Any]) -> Page[Decision]:
    """Parses a page of messages."""
    return Page([Decision.from_json(i) for i in data["items"]], data.get("next_cursor"))


def events_call(filters: Mapping[str, Any]) -> Call:
    """`GET /v1/events` with filters."""
    return Call("GET", "/v1/events", params=_params(filters))


def parse_event_page(data: dict[str, Any]) -> Page[Event]:
    """Parses a page of events."""
    return Page([Event.from_json(i) for i in data["items"]], data.get("next_cursor"))


def as_input(message: MessageInput | Mapping[str, Any]) -> MessageInput:
    """Accepts a MessageInput or a plain mapping with the same fields."""
    return message if isinstance(message, MessageInput) else MessageInput(**message)


def client_options(
    base_url: str, api_key: str, timeout: float, max_concurrency: int
) -> dict[str, Any]:
    """Options for the pooled httpx client: keep-alive connections, one per concurrent call."""
    return {
        "base_url": base_url,
        "headers": {"Authorization": f"Bearer {api_key}", "User-Agent": USER_AGENT},
        "timeout": httpx.Timeout(timeout, connect=min(timeout, 5.0)),
        "limits": httpx.Limits(
            max_connections=max_concurrency,
            max_keepalive_connections=max_concurrency,
            keepalive_expiry=60.0,
        ),
    }


def rate_call(
    post_id: str, user_id: str, score: float, user_created_at: datetime | None, ip: str | None
) -> Call:
    """`POST /v1/ratings`."""
    body: dict[str, Any] = {"post_id": post_id, "user_id": user_id, "score": score}
    if user_created_at is not None:
        body["user_created_at"] = user_created_at.isoformat()
    if ip is not None:
        body["ip"] = ip
    return Call("POST", "/v1/ratings", json=body, retry_rate_limited=False)


def parse_rating_accepted(data: dict[str, Any]) -> RatingAccepted:
    """Parses the answer of a rating."""
    return RatingAccepted.from_json(data)


def get_rating_call(post_id: str) -> Call:
    """`GET /v1/posts/{id}/rating`."""
    return Call("GET", f"/v1/posts/{quote(post_id, safe='')}/rating")


def parse_rating(data: dict[str, Any]) -> PostRating:
    """Parses a post's rating."""
    return PostRating.from_json(data)


def should_retry(call: Call, status: int) -> bool:
    """Tells whether an answer's status is worth another attempt."""
    return status in RETRY_STATUSES and (status != 429 or call.retry_rate_limited)


def body_of(response: httpx.Response) -> Any:
    """Returns the decoded JSON body, or None for an empty one (204 No Content)."""
    if response.status_code == 204 or not response.content:
        return None
    return response.json()
