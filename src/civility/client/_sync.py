"""The synchronous client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any

import httpx

from civility.client import _base, appeals
from civility.client._base import Call, RetryableStatus, RetryPolicy, T
from civility.client.appeals import Appeal, Report
from civility.client.errors import DecisionTimeoutError
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


class Civility:
    """Civility's API over one pooled keep-alive connection pool, with retries and a limit.

    Thread-safe: share one instance per process. At most `max_concurrency` calls are in flight
    at once; more callers wait their turn instead of piling onto the service.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout: float = 10.0,
        max_concurrency: int = 16,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        options = _base.client_options(base_url, api_key, timeout, max_concurrency)
        self._http = httpx.Client(**options, transport=transport)
        self._limit = threading.BoundedSemaphore(max_concurrency)
        self._retry = retry or RetryPolicy()

    def __enter__(self) -> Civility:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Closes the pooled connections."""
        self._http.close()

    def _send(self, call: Call, parse: Callable[[Any], T]) -> T:
        backoff = _base.Backoff(self._retry)
        while True:
            try:
                return _base.finish(self._once(call), parse)
            except (RetryableStatus, httpx.HTTPError) as exc:
                wait = backoff.next_wait(call, exc) if _base.retryable(exc) else None
                if wait is None:
                    raise _base.final_error(exc) from exc
            time.sleep(wait)

    def _once(self, call: Call) -> httpx.Response:
        # The slot is held for one attempt only, so a caller sleeping in backoff frees it.
        with self._limit:
            response = self._http.request(
                call.method, call.path, json=call.json, params=call.params
            )
        if _base.should_retry(call, response.status_code):
            raise RetryableStatus(response)
        return response

    def analyze(self, text: str, *, channel_id: str | None = None) -> AnalyzeResult:
        """Scores one text; stores nothing."""
        return self.analyze_many([text], channel_id=channel_id)[0]

    def analyze_many(
        self, texts: Sequence[str], *, channel_id: str | None = None
    ) -> list[AnalyzeResult]:
        """Scores up to 128 texts in one call."""
        return self._send(_base.analyze_call(texts, channel_id), _base.parse_analyze)

    def models(self) -> list[ModelInfo]:
        """The scorer in use and its support matrix: which scores mean something where."""
        return self._send(_base.models_call(), _base.parse_models)

    def moderate(
        self,
        message_id: str,
        author_id: str,
        channel_id: str,
        text: str,
        *,
        metadata: dict[str, Any] | None = None,
        author_created_at: datetime | None = None,
    ) -> Decision:
        """Decides one message now (idempotent on channel_id + message_id)."""
        message = MessageInput(
            message_id, author_id, channel_id, text, metadata or {}, author_created_at
        )
        return self._send(_base.moderate_call(message), Decision.from_json)

    def submit(self, messages: Sequence[MessageInput | Mapping[str, Any]]) -> list[Accepted]:
        """Accepts up to 1,000 messages for asynchronous scoring."""
        batch = [_base.as_input(m) for m in messages]
        return self._send(_base.submit_call(batch), _base.parse_accepted)

    def get_message(self, id: str) -> Decision:
        """Returns a message's status and decision."""
        return self._send(_base.get_message_call(id), Decision.from_json)

    def wait_for_decision(
        self, id: str, *, timeout: float = 30.0, interval: float = 0.2
    ) -> Decision:
        """Polls a submitted message until it is decided; `DecisionTimeoutError` after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.get_message(id)
            if message.decided:
                return message
            if time.monotonic() >= deadline:
                raise DecisionTimeoutError(id, timeout, message)
            time.sleep(min(interval, max(0.0, deadline - time.monotonic())))

    def list_messages(self, **filters: Any) -> Page[Decision]:
        """Lists messages (moderator role): channel_id, author_id, decision, status, cursor …"""
        return self._send(_base.list_messages_call(filters), _base.parse_message_page)

    def iter_messages(self, **filters: Any) -> Iterator[Decision]:
        """Iterates every matching message, page after page."""
        cursor = filters.pop("cursor", None)
        while True:
            page = self.list_messages(**filters, cursor=cursor)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def events(self, **filters: Any) -> Page[Event]:
        """Lists audit-log events (moderator role): type, actor, channel_id, subject_id, cursor."""
        return self._send(_base.events_call(filters), _base.parse_event_page)

    def request(self, method: str, path: str, *, json: Any = None, **params: Any) -> Any:
        """Calls any route with the same pool, retries and limit; returns the JSON body."""
        call = Call(method, path, json=json, params=params or None)
        return self._send(call, _base.as_is)

    def rate(
        self,
        post_id: str,
        user_id: str,
        score: float,
        *,
        user_created_at: datetime | None = None,
        ip: str | None = None,
    ) -> RatingAccepted:
        """Rates a post 0-5 (a later rating by the same user replaces it); 429 is not retried."""
        call = _base.rate_call(post_id, user_id, score, user_created_at, ip)
        return self._send(call, _base.parse_rating_accepted)

    def get_rating(self, post_id: str) -> PostRating:
        """Returns a post's rating (eventually consistent)."""
        return self._send(_base.get_rating_call(post_id), _base.parse_rating)

    def report(
        self,
        reporter_id: str,
        reason: str,
        *,
        id: str | None = None,
        channel_id: str | None = None,
        message_id: str | None = None,
        text: str | None = None,
    ) -> Report:
        """Forwards a user's report of a message (`id`, or `channel_id` and `message_id`).

        `reason` is one of `REPORT_REASONS`; `other` needs `text`. Reporting again returns
        the first report with `duplicate` set.
        """
        call = appeals.report_call(
            reporter_id, reason, id=id, channel_id=channel_id, message_id=message_id, text=text
        )
        return self._send(call, appeals.parse_report)

    def appeal(
        self,
        author_id: str,
        statement: str,
        *,
        id: str | None = None,
        channel_id: str | None = None,
        message_id: str | None = None,
    ) -> Appeal:
        """Forwards an author's appeal of a message's hide or removal."""
        call = appeals.appeal_call(
            author_id, statement, id=id, channel_id=channel_id, message_id=message_id
        )
        return self._send(call, appeals.parse_appeal)

    def appeal_ban(self, author_id: str, statement: str, *, channel_id: str | None) -> Appeal:
        """Forwards an author's appeal of their ban in a channel (None: everywhere)."""
        call = appeals.ban_appeal_call(author_id, statement, channel_id)
        return self._send(call, appeals.parse_appeal)

    def get_appeal(self, appeal_id: str) -> Appeal:
        """Returns an appeal with its outcome once decided (or listen to `appeal.*` webhooks)."""
        return self._send(appeals.get_appeal_call(appeal_id), appeals.parse_appeal)
