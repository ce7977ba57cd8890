"""Fraud detection on ratings: bursts, rings and deviating accounts (pure, time from the ratings).

The detector sees every rating once, in order, and keeps bounded memory: a sliding window per
post, and per account the posts it rated far from everyone else. It answers which ratings
(of this batch or earlier ones) are suspicious and why. docs/ratings.md explains each signal.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from civility.ratings.models import PostStats, RatingSubmission

BURST = "burst"
RING = "ring"
DEVIANT_ACCOUNT = "deviant_account"

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class FraudConfig:
    """Thresholds of the three signals (defaults documented in docs/ratings.md)."""

    new_account_days: float = 7.0
    new_account_weight: float = 0.5
    min_history: int = 10
    deviation: float = 2.0
    burst_window_s: float = 600.0
    burst_min: int = 20
    burst_factor: float = 5.0
    burst_share: float = 0.3
    baseline_min_age_s: float = 3600.0
    ring_account_days: float = 30.0
    ring_deviation: float = 1.5
    ring_min_shared: int = 3
    ring_min_size: int = 5
    ring_max_peers: int = 1000
    account_min_ratings: int = 5
    account_deviation: float = 2.0
    max_posts_per_account: int = 50
    memory_days: float = 30.0
    prune_every: int = 10_000


def account_age_days(sub: RatingSubmission) -> float | None:
    """Returns how old the rater's account was when it rated, if the platform told us."""
    if sub.user_created_at is None:
        return None
    return (sub.rated_at - sub.user_created_at).total_seconds() / 86400


def is_new_account(sub: RatingSubmission, days: float) -> bool:
    """Tells whether the account was younger than `days` when it rated."""
    age = account_age_days(sub)
    return age is not None and age < days


@dataclass(slots=True)
class _Entry:
    user_id: str
    rated_at: datetime
    direction: int
    candidate: bool


@dataclass(slots=True)
class _PostWindow:
    """Ratings of one post inside the burst window, with counters kept as they enter and leave."""

    entries: deque[_Entry] = field(default_factory=deque)
    candidates: dict[int, deque[_Entry]] = field(default_factory=lambda: {-1: deque(), 1: deque()})
    counts: dict[int, int] = field(default_factory=lambda: {-1: 0, 1: 0})

    def add(self, entry: _Entry) -> None:
        self.entries.append(entry)
        if entry.candidate:
            self.counts[entry.direction] += 1
            self.candidates[entry.direction].append(entry)

    def expire(self, oldest: datetime) -> None:
        while self.entries and self.entries[0].rated_at < oldest:
            gone = self.entries.popleft()
            if gone.candidate:
                self.counts[gone.direction] -= 1
        for waiting in self.candidates.values():
            while waiting and waiting[0].rated_at < oldest:
                waiting.popleft()


@dataclass(slots=True)
class _Account:
    last_seen: datetime
    scored: int = 0
    deviation_sum: float = 0.0
    # post -> direction of a rating far from the post's trusted mean (bounded, oldest dropped)
    deviant: dict[str, int] = field(default_factory=dict)
    flagged: set[str] = field(default_factory=set)
    ring: bool = False


class FraudDetector:
    """Assesses ratings in arrival order; keeps only bounded, recent state."""

    def __init__(self, config: FraudConfig | None = None) -> None:
        self.config = config or FraudConfig()
        self._windows: dict[str, _PostWindow] = {}
        self._accounts: dict[str, _Account] = {}
        self._post_deviants: dict[str, dict[str, datetime]] = {}
        self._seen = 0

    def assess(
        self, batch: Sequence[RatingSubmission], stats: Callable[[str], PostStats]
    ) -> dict[Key, tuple[str, ...]]:
        """Returns the suspicious ratings (of this batch or earlier) with their reasons."""
        flags: dict[Key, list[str]] = {}
        for sub in batch:
            self._assess_one(sub, stats(sub.post_id), flags)
            self._seen += 1
            if self._seen % self.config.prune_every == 0:
                self.prune(sub.rated_at)
        return {key: tuple(dict.fromkeys(reasons)) for key, reasons in flags.items()}

    def _assess_one(
        self, sub: RatingSubmission, stats: PostStats, flags: dict[Key, list[str]]
    ) -> None:
        cfg = self.config
        mean = stats.trusted_average if stats.count >= cfg.min_history else None
        deviation = 0.0 if mean is None else sub.score - mean
        self._check_burst(sub, stats, deviation, flags)
        account = self._accounts.get(sub.user_id)
        if account is None:
            account = self._accounts[sub.user_id] = _Account(last_seen=sub.rated_at)
        account.last_seen = sub.rated_at
        if mean is None:
            return
        account.scored += 1
        account.deviation_sum += abs(deviation)
        if abs(deviation) < cfg.ring_deviation:
            return
        account.deviant.pop(sub.post_id, None)
        account.deviant[sub.post_id] = 1 if deviation > 0 else -1
        if len(account.deviant) > cfg.max_posts_per_account:
            del account.deviant[next(iter(account.deviant))]
        if self._deviates(account):
            self._flag_account(sub.user_id, account, DEVIANT_ACCOUNT, flags)
        if is_new_account(sub, cfg.ring_account_days):
            self._check_ring(sub, account, flags)

    def _check_burst(
        self,
        sub: RatingSubmission,
        stats: PostStats,
        deviation: float,
        flags: dict[Key, list[str]],
    ) -> None:
        cfg = self.config
        window = self._windows.setdefault(sub.post_id, _PostWindow())
        direction = 0 if abs(deviation) < cfg.deviation else (1 if deviation > 0 else -1)
        candidate = direction != 0 and is_new_account(sub, cfg.new_account_days)
        window.add(_Entry(sub.user_id, sub.rated_at, direction, candidate))
        window.expire(sub.rated_at - timedelta(seconds=cfg.burst_window_s))
        size = len(window.entries)
        if size < cfg.burst_min or size <= cfg.burst_factor * self._expected(sub, stats, size):
            return
        need = max(cfg.burst_share * size, cfg.burst_share * cfg.burst_min)
        for side in (-1, 1):
            if window.counts[side] >= need:
                waiting = window.candidates[side]
                while waiting:
                    entry = waiting.popleft()
                    flags.setdefault((sub.post_id, entry.user_id), []).append(BURST)

    def _expected(self, sub: RatingSubmission, stats: PostStats, in_window: int) -> float:
        """Returns how many ratings the post's own long-run rate predicts for one window."""
        cfg = self.config
        if stats.first_rated_at is None:
            return 0.0
        history = max(0, stats.count - in_window)
        span = (sub.rated_at - stats.first_rated_at).total_seconds() - cfg.burst_window_s
        rate = history / max(span, cfg.baseline_min_age_s)
        return rate * cfg.burst_window_s

    def _deviates(self, account: _Account) -> bool:
        cfg = self.config
        return (
            account.scored >= cfg.account_min_ratings
            and account.deviation_sum / account.scored >= cfg.account_deviation
        )

    def _check_ring(
        self, sub: RatingSubmission, account: _Account, flags: dict[Key, list[str]]
    ) -> None:
        cfg = self.config
        peers = self._post_deviants.setdefault(sub.post_id, {})
        peers.pop(sub.user_id, None)
        peers[sub.user_id] = sub.rated_at
        if len(peers) > cfg.ring_max_peers:
            del peers[next(iter(peers))]
        if account.ring:
            self._flag_account(sub.user_id, account, RING, flags)
            return
        if len(account.deviant) < cfg.ring_min_shared:
            return
        members = [
            user
            for user in peers
            if user != sub.user_id and self._shared(account, user) >= cfg.ring_min_shared
        ]
        if len(members) + 1 < cfg.ring_min_size:
            return
        for user in (*members, sub.user_id):
            member = self._accounts[user]
            member.ring = True
            self._flag_account(user, member, RING, flags)

    def _shared(self, account: _Account, other_id: str) -> int:
        other = self._accounts.get(other_id)
        if other is None:
            return 0
        return sum(1 for post, d in account.deviant.items() if other.deviant.get(post) == d)

    def _flag_account(
        self, user_id: str, account: _Account, reason: str, flags: dict[Key, list[str]]
    ) -> None:
        """Flags every remembered far-off rating of an account that is not flagged yet."""
        for post in _unflagged(account.deviant, account.flagged):
            account.flagged.add(post)
            flags.setdefault((post, user_id), []).append(reason)

    def prune(self, now: datetime) -> None:
        """Forgets accounts, ring peers and windows older than memory_days (bounds memory)."""
        horizon = now - timedelta(days=self.config.memory_days)
        window_start = now - timedelta(seconds=self.config.burst_window_s)
        for user in [u for u, a in self._accounts.items() if a.last_seen < horizon]:
            del self._accounts[user]
        for post, peers in list(self._post_deviants.items()):
            for user in [u for u, at in peers.items() if at < horizon]:
                del peers[user]
            if not peers:
                del self._post_deviants[post]
        for post, window in list(self._windows.items()):
            window.expire(window_start)
            if not window.entries:
                del self._windows[post]

    @property
    def tracked(self) -> tuple[int, int, int]:
        """Returns (windows, accounts, posts with ring peers) held in memory."""
        return len(self._windows), len(self._accounts), len(self._post_deviants)


def _unflagged(deviant: dict[str, int], flagged: set[str]) -> Iterable[str]:
    return [post for post in deviant if post not in flagged]
