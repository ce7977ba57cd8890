"""Fast checks that run before the model; each returns its own CHECK reason or None."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from civility.moderation.models import Action, IncomingMessage, Reason, ReasonSource
from civility.policy.settings import (
    CapsCheck,
    CheckSettings,
    FloodCheck,
    NewAccountLinkCheck,
    RateCheck,
    RepetitionCheck,
)
from civility.rules.normalizer import normalized_key

_TLDS = (
    "com|net|org|info|biz|io|co|me|ru|cn|xyz|top|site|online|shop|club|link|click|gg|ly|app|dev|"
    "tk|ml|ga|cf|gq|pw|cc|to|be|de|uk|us|fr|es|it|nl|pl|br|in|tv|live|store|win|bid|loan|vip"
)
_LINK = re.compile(
    rf"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/\S*)?"
)
_WORD = re.compile(r"\w+")


class WindowStore(Protocol):
    """Sliding-window counters shared by flood and rate checks (Redis in production)."""

    def hit(self, key: str, now: datetime, window: timedelta) -> int:
        """Records one hit at `now` and returns the hits of the key within (now - window, now]."""
        ...


class MemoryWindowStore:
    """A thread-safe in-process WindowStore keeping a timestamp log per key."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self._logs: dict[str, tuple[deque[datetime], timedelta]] = {}
        self._lock = threading.Lock()
        self._max_keys = max_keys

    def hit(self, key: str, now: datetime, window: timedelta) -> int:
        """Records a hit and returns the count within the window."""
        with self._lock:
            log, _ = self._logs.get(key, (deque(), window))
            cutoff = now - window
            while log and log[0] <= cutoff:
                log.popleft()
            log.append(now)
            self._logs[key] = (log, window)
            if len(self._logs) > self._max_keys:
                self._evict_idle(now)
            return len(log)

    def _evict_idle(self, now: datetime) -> None:
        """Drops keys whose newest hit has left their window, so memory stays bounded."""
        idle = [k for k, (log, w) in self._logs.items() if not log or log[-1] <= now - w]
        for k in idle:
            del self._logs[k]

    def __len__(self) -> int:
        return len(self._logs)


def _reason(
    code: str, message: str, action: Action, spans: tuple[tuple[int, int], ...] = ()
) -> Reason:
    return Reason(code, message, ReasonSource.CHECK, action, spans=spans)


def check_new_account_link(
    text: str, author_created_at: datetime | None, now: datetime, cfg: NewAccountLinkCheck
) -> Reason | None:
    """Flags links posted by accounts younger than the configured age."""
    if not cfg.enabled or author_created_at is None:
        return None
    if now - author_created_at >= cfg.min_account_age:
        return None
    spans = tuple(m.span() for m in _LINK.finditer(text))
    if not spans:
        return None
    days = cfg.min_account_age_days
    return _reason(
        "new_account_link", f"link from an account younger than {days} days", cfg.action, spans
    )


def check_caps(text: str, cfg: CapsCheck) -> Reason | None:
    """Flags shouting: too many upper-case letters in a long enough text."""
    if not cfg.enabled or len(text) <= cfg.min_length:
        return None
    upper = sum(1 for c in text if c.isupper())
    cased = upper + sum(1 for c in text if c.islower())
    if not cased or upper / cased <= cfg.max_ratio:
        return None
    return _reason("caps", f"{upper / cased:.0%} of letters are capitals", cfg.action)


def check_repetition(text: str, cfg: RepetitionCheck) -> Reason | None:
    """Flags long runs of one character or of one word."""
    if not cfg.enabled:
        return None
    char_run = re.compile(rf"(\S)\1{{{cfg.max_char_run - 1},}}")
    spans = [m.span() for m in char_run.finditer(text)]
    spans.extend(_word_runs(text, cfg.max_word_run))
    if not spans:
        return None
    return _reason("repetition", "repeated characters or words", cfg.action, tuple(sorted(spans)))


def _word_runs(text: str, limit: int) -> list[tuple[int, int]]:
    """Returns spans where one word repeats `limit` or more times in a row."""
    spans: list[tuple[int, int]] = []
    prev, run, run_start, run_end = "", 0, 0, 0
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        if word == prev:
            run, run_end = run + 1, m.end()
            continue
        if run >= limit:
            spans.append((run_start, run_end))
        prev, run, run_start, run_end = word, 1, m.start(), m.end()
    if run >= limit:
        spans.append((run_start, run_end))
    return spans


def check_flood(
    message: IncomingMessage, key_text: str, store: WindowStore, now: datetime, cfg: FloodCheck
) -> Reason | None:
    """Flags the same (normalised) text posted again and again by one author in a channel."""
    if not cfg.enabled:
        return None
    digest = hashlib.blake2b(key_text.encode(), digest_size=12).hexdigest()
    key = f"flood:{message.channel_id}:{message.author_id}:{digest}"
    count = store.hit(key, now, cfg.window)
    if count < cfg.max_duplicates:
        return None
    return _reason("flood", f"same text {count} times within {cfg.window_seconds} s", cfg.action)


def check_rate(
    message: IncomingMessage, store: WindowStore, now: datetime, cfg: RateCheck
) -> Reason | None:
    """Flags an author sending more than the allowed number of messages per window."""
    if not cfg.enabled:
        return None
    count = store.hit(f"rate:{message.channel_id}:{message.author_id}", now, cfg.window)
    if count <= cfg.max_per_window:
        return None
    return _reason("rate", f"{count} messages within {cfg.window_seconds} s", cfg.action)


def run_checks(
    message: IncomingMessage,
    settings: CheckSettings,
    store: WindowStore,
    now: datetime,
    *,
    key_text: str | None = None,
) -> list[Reason]:
    """Runs every enabled check; `now` comes from the injected clock."""
    text = message.text
    if key_text is None:
        key_text = normalized_key(text) or text.strip().casefold()
    checks: list[Callable[[], Reason | None]] = [
        lambda: check_new_account_link(
            text, message.author_created_at, now, settings.new_account_links
        ),
        lambda: check_caps(text, settings.caps),
        lambda: check_repetition(text, settings.repetition),
        lambda: check_flood(message, key_text, store, now, settings.flood),
        lambda: check_rate(message, store, now, settings.rate),
    ]
    return [r for r in (check() for check in checks) if r is not None]
