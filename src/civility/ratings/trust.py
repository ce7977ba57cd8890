"""How much a rater is trusted: earned from their history, never granted by an account's age.

A rater's weight is `base + age_share·A + history_share·H`, times a bounded client factor:

- A (0..1): account age over `age_full_days`; an account without an age, or with one in the
  future, is new (A = 0).
- H (0..1): earned history = tenure × agreement × diversity. Each rating is judged a day
  later (`mature_after_s`) against the post's consensus then: the eventual consensus, not the
  one the rater saw, and only once `mature_min_ratings` trusted ratings made it. Agreement is
  1 − |score − consensus| / `agreement_scale`, floored at 0. Tenure grows with the distinct
  days on which judged ratings were given, diversity with the number judged. Every counter
  decays with `half_life_days`.
- client factor: when more than `client_free_accounts` accounts rate from one client (address
  or platform client hint) within `client_window_s`, each weighs `free / accounts`, never
  less than `client_floor` (shared networks are common, so this signal is bounded).

Pure: time comes from the ratings; memory is bounded (see `prune`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from civility.ratings.models import RatingSubmission


@dataclass(frozen=True, slots=True)
class TrustConfig:
    """Parameters of the trust model (defaults documented in docs/ratings.md)."""

    base: float = 0.05
    age_share: float = 0.15
    history_share: float = 0.8
    age_full_days: float = 365.0
    tenure_days: float = 7.0
    diversity_full: float = 8.0
    agreement_scale: float = 2.0
    half_life_days: float = 90.0
    mature_after_s: float = 86_400.0
    mature_min_ratings: int = 10
    give_up_after_s: float = 7 * 86_400.0
    max_pending: int = 20
    client_free_accounts: int = 3
    client_floor: float = 0.25
    client_window_s: float = 86_400.0
    client_max_accounts: int = 1_000
    max_posts: int = 200_000
    memory_days: float = 180.0


def account_age_days(sub: RatingSubmission) -> float | None:
    """Returns how old the account was when it rated; None when unknown or in the future."""
    if sub.user_created_at is None:
        return None
    age = (sub.rated_at - sub.user_created_at).total_seconds() / 86_400
    return age if age >= 0 else None


@dataclass(frozen=True, slots=True)
class RaterState:
    """What the trust model has learned about one rater, as stored between restarts."""

    user_id: str
    updated: datetime
    active_days: float
    agree: float
    judged: float
    last_day: int
    pending: tuple[tuple[str, float, datetime], ...]
    blocked: bool


@dataclass(slots=True)
class _Rater:
    updated: datetime
    active_days: float = 0.0
    agree: float = 0.0
    judged: float = 0.0
    last_day: int = -1
    # post -> (score, rated_at): ratings waiting for their eventual consensus
    pending: OrderedDict[str, tuple[float, datetime]] = field(default_factory=OrderedDict)
    blocked: bool = False


class TrustBook:
    """Per-rater history and the weight it earns; fed each batch's consensus by the detector."""

    def __init__(self, config: TrustConfig | None = None) -> None:
        self.config = config or TrustConfig()
        self._raters: dict[str, _Rater] = {}
        self._consensus: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._clients: dict[str, OrderedDict[str, datetime]] = {}

    def learn_consensus(self, post_id: str, mean: float | None, ratings: int) -> None:
        """Remembers a post's latest trusted mean and how many trusted ratings made it."""
        if mean is None:
            return
        self._consensus.pop(post_id, None)
        self._consensus[post_id] = (mean, float(ratings))
        if len(self._consensus) > self.config.max_posts:
            self._consensus.popitem(last=False)

    def weight(self, sub: RatingSubmission) -> float:
        """Returns the rater's weight for this rating and records the rating for judging."""
        cfg = self.config
        rater = self._rater(sub.user_id, sub.rated_at)
        self._mature(rater, sub.rated_at)
        rater.pending.pop(sub.post_id, None)
        rater.pending[sub.post_id] = (sub.score, sub.rated_at)
        if len(rater.pending) > cfg.max_pending:
            rater.pending.popitem(last=False)
        if rater.blocked:
            return 0.0
        age = account_age_days(sub)
        a = 0.0 if age is None else min(1.0, age / cfg.age_full_days)
        trust = cfg.base + cfg.age_share * a + cfg.history_share * self.history(sub.user_id)
        return min(1.0, trust) * self._client_factor(sub)

    def history(self, user_id: str) -> float:
        """Returns the earned part H (0..1) of a rater's trust."""
        rater = self._raters.get(user_id)
        if rater is None or rater.judged <= 0:
            return 0.0
        cfg = self.config
        tenure = 1 - math.exp(-rater.active_days / cfg.tenure_days)
        agreement = rater.agree / rater.judged
        diversity = min(1.0, rater.judged / cfg.diversity_full)
        return tenure * agreement * diversity

    def missing(self, user_ids: Iterable[str]) -> list[str]:
        """Returns the raters not held in memory (to be restored from storage)."""
        return [u for u in dict.fromkeys(user_ids) if u not in self._raters]

    def restore(self, states: Iterable[RaterState]) -> None:
        """Loads stored raters (after a restart, or once pruned from memory)."""
        for st in states:
            pending = OrderedDict((post, (score, at)) for post, score, at in st.pending)
            self._raters[st.user_id] = _Rater(
                updated=st.updated,
                active_days=st.active_days,
                agree=st.agree,
                judged=st.judged,
                last_day=st.last_day,
                pending=pending,
                blocked=st.blocked,
            )

    def snapshot(self, user_ids: Iterable[str]) -> list[RaterState]:
        """Returns the learned state of the given raters that are in memory."""
        out = []
        for user in dict.fromkeys(user_ids):
            r = self._raters.get(user)
            if r is None:
                continue
            pending = tuple((post, score, at) for post, (score, at) in r.pending.items())
            out.append(
                RaterState(
                    user,
                    r.updated,
                    r.active_days,
                    r.agree,
                    r.judged,
                    r.last_day,
                    pending,
                    r.blocked,
                )
            )
        return out

    def block(self, user_id: str, at: datetime) -> None:
        """Gives an account weight 0 from now on (a moderator confirmed it manipulates)."""
        self._rater(user_id, at).blocked = True

    def unblock(self, user_id: str, at: datetime) -> None:
        """Lets an account earn trust again (a moderator cleared it)."""
        self._rater(user_id, at).blocked = False

    def forget(self, user_id: str) -> None:
        """Drops a rater's learned state and client sightings (an erased author)."""
        self._raters.pop(user_id, None)
        for client in [c for c, seen in self._clients.items() if user_id in seen]:
            seen = self._clients[client]
            del seen[user_id]
            if not seen:
                del self._clients[client]

    def accounts_on_client(self, client: str | None) -> int:
        """Returns how many accounts rated from a client within the client window."""
        return 0 if client is None else len(self._clients.get(client, ()))

    def _rater(self, user_id: str, at: datetime) -> _Rater:
        rater = self._raters.get(user_id)
        if rater is None:
            rater = self._raters[user_id] = _Rater(updated=at)
        days = (at - rater.updated).total_seconds() / 86_400
        if days > 0:
            decay = 0.5 ** (days / self.config.half_life_days)
            rater.active_days *= decay
            rater.agree *= decay
            rater.judged *= decay
            rater.updated = at
        return rater

    def _mature(self, rater: _Rater, now: datetime) -> None:
        """Judges the rater's ratings old enough to be compared with the eventual consensus."""
        cfg = self.config
        for post in list(rater.pending):
            score, at = rater.pending[post]
            age = (now - at).total_seconds()
            if age < cfg.mature_after_s:
                continue
            consensus = self._consensus.get(post)
            if consensus is None or consensus[1] < cfg.mature_min_ratings:
                if age > cfg.give_up_after_s:
                    del rater.pending[post]
                continue
            del rater.pending[post]
            rater.agree += max(0.0, 1 - abs(score - consensus[0]) / cfg.agreement_scale)
            rater.judged += 1
            day = at.toordinal()
            if day != rater.last_day:
                rater.active_days += 1
                rater.last_day = day

    def _client_factor(self, sub: RatingSubmission) -> float:
        cfg = self.config
        client = sub.client
        if client is None:
            return 1.0
        seen = self._clients.setdefault(client, OrderedDict())
        seen.pop(sub.user_id, None)
        seen[sub.user_id] = sub.rated_at
        horizon = sub.rated_at - timedelta(seconds=cfg.client_window_s)
        while seen and (next(iter(seen.values())) < horizon or len(seen) > cfg.client_max_accounts):
            seen.popitem(last=False)
        accounts = len(seen)
        if accounts <= cfg.client_free_accounts:
            return 1.0
        return max(cfg.client_floor, cfg.client_free_accounts / accounts)

    def prune(self, now: datetime) -> None:
        """Forgets raters idle for memory_days and clients idle for the client window."""
        horizon = now - timedelta(days=self.config.memory_days)
        for user in [u for u, r in self._raters.items() if r.updated < horizon]:
            del self._raters[user]
        client_horizon = now - timedelta(seconds=self.config.client_window_s)
        for client in [
            c for c, seen in self._clients.items() if max(seen.values()) < client_horizon
        ]:
            del self._clients[client]

    @property
    def tracked(self) -> tuple[int, int, int]:
        """Returns (raters, posts with a consensus, clients) held in memory."""
        return len(self._raters), len(self._consensus), len(self._clients)
