"""The rating service: accept (validate, rate-limit), apply batches (detect, sum, store), read."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from civility.clock import Clock
from civility.errors import Invalid, RateLimited
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.ratings.fraud import FraudDetector, is_new_account
from civility.ratings.models import (
    MAX_SCORE,
    MIN_SCORE,
    PostStats,
    RatingSubmission,
    StatsDelta,
    StatsUpdate,
    StoredRating,
)
from civility.ratings.repository import (
    Key,
    RateLimiter,
    RatingCache,
    RatingRepository,
    RatingTransaction,
)
from civility.ratings.stability import StabilityConfig, next_stable

ACTOR = "system:ratings"
MAX_ID_LENGTH = 200


@dataclass(frozen=True, slots=True)
class RatingInput:
    """A rating as the API or a bulk feed hands it over."""

    post_id: str
    user_id: str
    score: float
    user_created_at: datetime | None = None
    ip: str | None = None


@dataclass(frozen=True, slots=True)
class Acceptance:
    """Whether one rating was accepted, or how long its sender should wait."""

    post_id: str
    user_id: str
    submission: RatingSubmission | None
    retry_after: float | None = None

    @property
    def accepted(self) -> bool:
        """Tells whether the rating was queued for applying."""
        return self.submission is not None


def hash_ip(ip: str | None, key: bytes) -> str | None:
    """Pseudonymises an address with a keyed hash: detection only needs equality.

    Unkeyed, the 2^32 IPv4 addresses are hashed back in a fraction of a second; with a server
    secret (HMAC-SHA256) the hashes mean nothing to whoever reads the table without it.
    """
    if not ip:
        return None
    return hmac.new(key, ip.encode(), hashlib.sha256).hexdigest()[:16]


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def validate(item: RatingInput, field: str = "") -> None:
    """Raises Invalid when a rating breaks the rules the HTTP schema cannot express."""
    for name, value in (("post_id", item.post_id), ("user_id", item.user_id)):
        if not value or not value.strip() or len(value) > MAX_ID_LENGTH:
            raise Invalid(f"{field}{name} must be 1 to {MAX_ID_LENGTH} characters", code="bad_id")
    if not math.isfinite(item.score) or not MIN_SCORE <= item.score <= MAX_SCORE:
        raise Invalid(
            f"{field}score must be between {MIN_SCORE:g} and {MAX_SCORE:g}", code="bad_score"
        )


class RatingService:
    """Ratings: accepted quickly, applied in batches, read from a cache."""

    def __init__(
        self,
        repo: RatingRepository,
        cache: RatingCache,
        limiter: RateLimiter,
        clock: Clock,
        *,
        detector: FraudDetector | None = None,
        stability: StabilityConfig | None = None,
        ip_key: bytes | None = None,
    ) -> None:
        self._repo = repo
        # Without a configured key a random one still keeps hashes unreadable; they only
        # compare equal within this process then.
        self._ip_key = ip_key or secrets.token_bytes(32)
        self._cache = cache
        self._limiter = limiter
        self._clock = clock
        self.detector = detector or FraudDetector()
        self._stability = stability or StabilityConfig()
        # The detector's state follows arrival order: one batch at a time.
        self._apply_lock = threading.Lock()

    def accept(self, items: Sequence[RatingInput]) -> list[Acceptance]:
        """Validates and rate-limits ratings; accepted ones come back stamped for the applier."""
        for i, item in enumerate(items):
            validate(item, f"ratings[{i}]." if len(items) > 1 else "")
        now = self._clock.now()
        return [self._accept_one(item, now) for item in items]

    def accept_one(self, item: RatingInput) -> RatingSubmission:
        """Accepts one rating or raises RateLimited with the time to wait."""
        result = self.accept([item])[0]
        if result.submission is None:
            raise RateLimited(
                "too many ratings for this user or post; retry later",
                retry_after=result.retry_after or 1.0,
            )
        return result.submission

    def _accept_one(self, item: RatingInput, now: datetime) -> Acceptance:
        wait = self._limiter.hit(item.user_id, item.post_id)
        if wait is not None:
            return Acceptance(item.post_id, item.user_id, None, wait)
        submission = RatingSubmission(
            post_id=item.post_id,
            user_id=item.user_id,
            score=float(item.score),
            rated_at=now,
            user_created_at=_utc(item.user_created_at),
            ip_hash=hash_ip(item.ip, self._ip_key),
        )
        return Acceptance(item.post_id, item.user_id, submission)

    def get(self, post_id: str) -> PostStats:
        """Returns a post's rating sums from the cache, filling it from storage on a miss."""
        cached = self._cache.get(post_id)
        if cached is not None:
            return cached
        stored = self._repo.get_stats([post_id]).get(post_id)
        if stored is None:
            return PostStats(post_id)
        self._cache.put_many([stored])
        return stored

    def apply(self, batch: Sequence[RatingSubmission]) -> list[PostStats]:
        """Detects, stores and sums one batch in one transaction; returns the touched posts."""
        if not batch:
            return []
        with self._apply_lock:
            now = self._clock.now()
            with self._repo.transaction() as tx:
                fresh = self._apply(tx, batch, now)
            self._cache.put_many(fresh)
            return fresh

    def _apply(
        self, tx: RatingTransaction, batch: Sequence[RatingSubmission], now: datetime
    ) -> list[PostStats]:
        stats = tx.get_stats(list(dict.fromkeys(s.post_id for s in batch)))
        flags = self.detector.assess(batch, lambda p: stats.get(p) or PostStats(p))
        latest = {s.key: s for s in batch}
        old = tx.get_ratings(list(latest.keys() | flags.keys()))
        rows = {key: self._stored(s, flags.get(key, ())) for key, s in latest.items()}
        for key, reasons in flags.items():
            previous = old.get(key)
            if key not in latest and previous is not None:
                flagged = previous.flagged(reasons)
                if flagged != previous:
                    rows[key] = flagged
        missing = [p for p in dict.fromkeys(k[0] for k in rows) if p not in stats]
        stats.update(tx.get_stats(missing))
        updates = self._updates(rows, old, stats, now)
        tx.upsert_ratings(list(rows.values()))
        tx.apply_stats(updates)
        tx.insert_events(self._events(rows, old, now))
        # Computed here rather than read back: the cache is eventually consistent anyway, and
        # re-reading every touched post would double the reads of each batch.
        return [(stats.get(u.post_id) or PostStats(u.post_id)).updated(u) for u in updates]

    def _stored(self, sub: RatingSubmission, reasons: tuple[str, ...]) -> StoredRating:
        cfg = self.detector.config
        weight = cfg.new_account_weight if is_new_account(sub, cfg.new_account_days) else 1.0
        rating = StoredRating(
            id=new_id("rat", now_ms=int(sub.rated_at.timestamp() * 1000)),
            post_id=sub.post_id,
            user_id=sub.user_id,
            score=sub.score,
            weight=weight,
            suspicious=False,
            reasons=(),
            rated_at=sub.rated_at,
            user_created_at=sub.user_created_at,
            ip_hash=sub.ip_hash,
        )
        return rating.flagged(reasons) if reasons else rating

    def _updates(
        self,
        rows: dict[Key, StoredRating],
        old: dict[Key, StoredRating],
        stats: dict[str, PostStats],
        now: datetime,
    ) -> list[StatsUpdate]:
        deltas: dict[str, StatsDelta] = {}
        times: dict[str, list[datetime]] = {}
        for key, row in rows.items():
            delta = StatsDelta.of(row)
            if key in old:
                delta = delta + -StatsDelta.of(old[key])
            deltas[row.post_id] = deltas.get(row.post_id, StatsDelta()) + delta
            if key not in old or old[key].id != row.id:
                times.setdefault(row.post_id, []).append(row.rated_at)
        updates = []
        for post, delta in deltas.items():
            before = stats.get(post) or PostStats(post)
            after = before.plus(delta)
            seen = times.get(post, [])
            firsts = [t for t in (before.first_rated_at, *seen) if t is not None]
            lasts = [t for t in (before.last_rated_at, *seen) if t is not None]
            updates.append(
                StatsUpdate(
                    post_id=post,
                    delta=delta,
                    stable_average=next_stable(before, after, now, self._stability),
                    stable_updated_at=now,
                    first_rated_at=min(firsts, default=now),
                    last_rated_at=max(lasts, default=now),
                )
            )
        return updates

    def _events(
        self, rows: dict[Key, StoredRating], old: dict[Key, StoredRating], now: datetime
    ) -> list[Event]:
        events: list[Event] = []
        for key, row in rows.items():
            before = old.get(key)
            if not row.suspicious or (before and before.id == row.id and before.suspicious):
                continue
            events.extend(suspicious_events(row, now))
        return events


def suspicious_events(rating: StoredRating, now: datetime) -> tuple[Event, Event]:
    """Builds `rating.suspicious` and the `review.requested` hand-off for the review queue."""
    details: dict[str, Any] = {
        "post_id": rating.post_id,
        "user_id": rating.user_id,
        "score": rating.score,
        "reasons": list(rating.reasons),
        "rated_at": rating.rated_at.isoformat(),
    }
    flagged = new_event(
        EventType.RATING_SUSPICIOUS,
        id=f"{EventType.RATING_SUSPICIOUS.value}:{rating.id}",
        subject=("rating", rating.id),
        actor=ACTOR,
        payload=details,
        at=now,
    )
    review = new_event(
        EventType.REVIEW_REQUESTED,
        id=f"{EventType.REVIEW_REQUESTED.value}:rating:{rating.id}",
        subject=("rating", rating.id),
        actor=ACTOR,
        payload={
            "subject": {"type": "rating", "id": rating.id},
            "reason": ",".join(rating.reasons),
            "source": "ratings",
            **details,
        },
        at=now,
    )
    return flagged, review
