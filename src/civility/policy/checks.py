"""Fast checks that run before the model; each returns its own CHECK reason or None."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from civility.policy.channel_settings import (
    CapsCheck,
    CheckSettings,
    NewAccountLinkCheck,
    RepetitionCheck,
)
from civility.policy.verdict import Action, Reason, ReasonSource
from civility.text.normalizer import normalized_key

_TLDS = (
    "com|net|org|info|biz|io|co|me|ru|cn|xyz|top|site|online|shop|club|link|click|gg|ly|app|dev|"
    "tk|ml|ga|cf|gq|pw|cc|to|be|de|uk|us|fr|es|it|nl|pl|br|in|tv|live|store|win|bid|loan|vip"
)
_LINK = re.compile(
    rf"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/\S*)?"
)
_WORD = re.compile(r"\w+")


class Checked(Protocol):
    """What the checks read of a message (a submitted or a stored one)."""

    @property
    def author_id(self) -> str:
        """The author, whose flood and rate windows count."""
        ...

    @property
    def channel_id(self) -> str:
        """The channel, which scopes the windows."""
        ...

    @property
    def text(self) -> str:
        """The text checked."""
        ...

    @property
    def author_created_at(self) -> datetime | None:
        """When the author's account was created, if the platform said."""
        ...


@dataclass(frozen=True, slots=True)
class WindowHit:
    """One hit to record on a sliding-window counter."""

    key: str
    window: timedelta


class WindowStore(Protocol):
    """Sliding-window counters shared by flood and rate checks (Redis in production)."""

    def hit(self, key: str, now: datetime, window: timedelta) -> int:
        """Records one hit at `now` and returns the hits of the key within (now - window, now]."""
        ...

    def hit_many(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        """Records hits in order (one round trip where the store can) and returns each count."""
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

    def hit_many(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        """Records hits in order and returns each count."""
        return [self.hit(h.key, now, h.window) for h in hits]

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
    upper = sum(map(str.isupper, text))
    cased = upper + sum(map(str.islower, text))
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
    if limit > 1:
        words = list(map(str.casefold, _WORD.findall(text)))
        # Most messages repeat no word back to back: one C-level pass rules them out.
        if not any(map(str.__eq__, words, words[1:])):
            return []
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


def window_hits(message: Checked, settings: CheckSettings, key_text: str) -> list[WindowHit]:
    """The counter hits of the enabled flood and rate checks, in that order."""
    hits = []
    if settings.flood.enabled:
        digest = hashlib.blake2b(key_text.encode(), digest_size=12).hexdigest()
        key = f"flood:{message.channel_id}:{message.author_id}:{digest}"
        hits.append(WindowHit(key, settings.flood.window))
    if settings.rate.enabled:
        key = f"rate:{message.channel_id}:{message.author_id}"
        hits.append(WindowHit(key, settings.rate.window))
    return hits


def window_reasons(settings: CheckSettings, counts: Sequence[int]) -> list[Reason]:
    """Flood and rate reasons from the counts of window_hits (same order)."""
    out: list[Reason] = []
    remaining = iter(counts)
    flood, rate = settings.flood, settings.rate
    if flood.enabled and (count := next(remaining)) >= flood.max_duplicates:
        # The same (normalised) text posted again and again by one author in a channel.
        message = f"same text {count} times within {flood.window_seconds} s"
        out.append(_reason("flood", message, flood.action))
    if rate.enabled and (count := next(remaining)) > rate.max_per_window:
        message = f"{count} messages within {rate.window_seconds} s"
        out.append(_reason("rate", message, rate.action))
    return out


def static_reasons(message: Checked, settings: CheckSettings, now: datetime) -> list[Reason]:
    """The checks that need no counters: links from new accounts, CAPS, repetition."""
    text = message.text
    found = (
        check_new_account_link(text, message.author_created_at, now, settings.new_account_links),
        check_caps(text, settings.caps),
        check_repetition(text, settings.repetition),
    )
    return [r for r in found if r is not None]


def run_checks(
    message: Checked,
    settings: CheckSettings,
    store: WindowStore,
    now: datetime,
    *,
    key_text: str | None = None,
) -> list[Reason]:
    """Runs every enabled check on one message; `now` comes from the injected clock."""
    if key_text is None:
        key_text = normalized_key(message.text) or message.text.strip().casefold()
    counts = store.hit_many(window_hits(message, settings, key_text), now)
    return [*static_reasons(message, settings, now), *window_reasons(settings, counts)]
