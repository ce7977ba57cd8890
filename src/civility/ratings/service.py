"""The rating service: accept (validate, rate-limit), apply batches (detect, sum, store), read."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from civility.clock import Clock
from civility.errors import Invalid, NotFound, RateLimited
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.ratings.fraud import REVIEW_BOMB, Assessment, FraudDetector
from civility.ratings.ids import new_ids
from civility.ratings.models import (
    MAX_SCORE,
    MIN_SCORE,
    PostStats,
    RatingFlag,
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
from civility.ratings.reviews import RatingReview, ReviewStatus, Verdict, decided, merged
from civility.ratings.stability import StabilityConfig, next_stable

ACTOR = "system:ratings"
MAX_ID_LENGTH = 200
MAX_HINT_LENGTH = 500
# Flags a moderator has not confirmed stop applying to new ratings after this many days.
FLAG_EXPIRY_DAYS = 180.0


@dataclass(frozen=True, slots=True)
class RatingInput:
    """A rating as the API or a bulk feed hands it over."""

    post_id: str
    user_id: str
    score: float
    user_created_at: datetime | None = None
    ip: str | None = None
    client_hint: str | None = None


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
    if item.client_hint is not None and len(item.client_hint) > MAX_HINT_LENGTH:
        raise Invalid(
            f"{field}client_hint must be at most {MAX_HINT_LENGTH} characters", code="bad_hint"
        )
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
        flag_expiry_days: float = FLAG_EXPIRY_DAYS,
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
        self.flag_expiry_days = flag_expiry_days
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
        ip_hash = hash_ip(item.ip, self._ip_key)
        # Client hints are pseudonymised like addresses: only equality matters.
        client_hash = hash_ip(item.client_hint, self._ip_key)
        wait = self._limiter.hit(item.user_id, item.post_id, client_hash or ip_hash)
        if wait is not None:
            return Acceptance(item.post_id, item.user_id, None, wait)
        submission = RatingSubmission(
            post_id=item.post_id,
            user_id=item.user_id,
            score=float(item.score),
            rated_at=now,
            user_created_at=_utc(item.user_created_at),
            ip_hash=ip_hash,
            client_hash=client_hash,
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
        trust = self.detector.trust
        users = [s.user_id for s in batch]
        missing = trust.missing(users)
        if missing:
            trust.restore(tx.get_raters(missing))  # learned trust survives restarts
        latest = {s.key: s for s in batch}
        # A flag outlives re-rating: the pair's new rating is held with the flag's reasons.
        sticky = {k: f for k, f in tx.get_flags(list(latest)).items() if f.active(now)}
        found = self.detector.assess(batch, lambda p: stats.get(p) or PostStats(p), sticky)
        flags = found.reasons()
        old = tx.get_ratings(list(latest.keys() | flags.keys()))
        rows: dict[Key, StoredRating] = {}
        ids = new_ids("rat", [int(sub.rated_at.timestamp() * 1000) for sub in latest.values()])
        for (key, sub), rating_id in zip(latest.items(), ids, strict=True):
            reasons = (*(sticky[key].reasons if key in sticky else ()), *flags.get(key, ()))
            rows[key] = self._stored(sub, found.trust.get(key, 0.0), reasons, rating_id)
        for key, reasons in flags.items():
            previous = old.get(key)
            if key not in latest and previous is not None:
                flagged = previous.flagged(reasons)
                if flagged != previous:
                    rows[key] = flagged
        unread = [p for p in dict.fromkeys(k[0] for k in rows) if p not in stats]
        stats.update(tx.get_stats(unread))  # posts whose earlier ratings are now held
        reviews = self._reviews(tx, found, rows, stats, now)
        markers = {
            post: review.id
            for review in reviews.values()
            if review.kind == REVIEW_BOMB
            for post in review.post_ids
        }
        updates = self._updates(rows, old, stats, now, markers)
        tx.insert_versions([rows[k] for k in latest])
        tx.upsert_ratings(list(rows.values()))
        tx.upsert_flags(self._flags(tx, flags, found.finding_of, reviews, now))
        tx.save_reviews([r for r in reviews.values() if r.updated_at == now])
        tx.apply_stats(updates)
        tx.save_raters(trust.snapshot(users))
        tx.record(self._events(rows, old, reviews, found.finding_of, now))
        # Computed here rather than read back: the cache is eventually consistent anyway, and
        # re-reading every touched post would double the reads of each batch.
        return [(stats.get(u.post_id) or PostStats(u.post_id)).updated(u) for u in updates]

    def _stored(
        self, sub: RatingSubmission, trust: float, reasons: tuple[str, ...], rating_id: str
    ) -> StoredRating:
        rating = StoredRating(
            id=rating_id,
            post_id=sub.post_id,
            user_id=sub.user_id,
            score=sub.score,
            weight=trust,
            suspicious=False,
            reasons=(),
            rated_at=sub.rated_at,
            user_created_at=sub.user_created_at,
            ip_hash=sub.ip_hash,
            trust=trust,
            client_hash=sub.client_hash,
        )
        return rating.flagged(reasons) if reasons else rating

    def _reviews(
        self,
        tx: RatingTransaction,
        found: Assessment,
        rows: dict[Key, StoredRating],
        stats: dict[str, PostStats],
        now: datetime,
    ) -> dict[str, RatingReview]:
        """One open item per finding key: new findings open one, later ones grow it."""
        if not found.findings:
            return {}
        current = tx.open_reviews(list(found.findings))
        held: dict[str, dict[str, list[float]]] = {}
        for key, finding_key in found.finding_of.items():
            row = rows.get(key)
            if row is None:
                continue
            slot = held.setdefault(finding_key, {}).setdefault(row.post_id, [0.0, 0.0])
            slot[0] += row.trust
            slot[1] += row.trust * row.score
        out: dict[str, RatingReview] = {}
        for fkey, finding in found.findings.items():
            before = current.get(fkey)
            totals = dict(before.evidence.get("held", {})) if before else {}
            for post, (w, ws) in held.get(fkey, {}).items():
                w0, ws0 = totals.get(post, (0.0, 0.0))
                totals[post] = (w0 + w, ws0 + ws)
            earlier = dict(before.evidence) if before else {}
            detail = {
                k: {**earlier[k], **v}
                if isinstance(v, dict) and isinstance(earlier.get(k), dict)
                else v
                for k, v in finding.detail.items()
            }
            evidence = {
                **earlier,
                **detail,
                "held": totals,
                "posts": {
                    post: _with_and_without(stats.get(post), totals.get(post))
                    for post in dict.fromkeys(
                        (*(before.post_ids if before else ()), *finding.post_ids)
                    )
                },
            }
            if before is None:
                out[fkey] = RatingReview(
                    id=new_id("rrv", now_ms=int(now.timestamp() * 1000)),
                    key=fkey,
                    kind=finding.kind,
                    status=ReviewStatus.OPEN,
                    post_ids=finding.post_ids,
                    user_ids=finding.user_ids,
                    evidence=evidence,
                    created_at=now,
                    updated_at=now,
                )
            else:
                out[fkey] = merged(before, finding.post_ids, finding.user_ids, evidence, now)
        return out

    def _flags(
        self,
        tx: RatingTransaction,
        flags: dict[Key, tuple[str, ...]],
        finding_of: dict[Key, str],
        reviews: dict[str, RatingReview],
        now: datetime,
    ) -> list[RatingFlag]:
        if not flags:
            return []
        stored = tx.get_flags(list(flags))
        expires = now + timedelta(days=self.flag_expiry_days)
        out = []
        for key, reasons in flags.items():
            before = stored.get(key)
            review = reviews.get(finding_of.get(key, ""))
            review_id = review.id if review else (before.review_id if before else None)
            if before is not None and before.active(now):
                merged_reasons = tuple(dict.fromkeys((*before.reasons, *reasons)))
                if merged_reasons == before.reasons and review_id == before.review_id:
                    continue
                out.append(replace(before, reasons=merged_reasons, review_id=review_id))
                continue
            out.append(RatingFlag(key[0], key[1], reasons, now, expires, review_id))
        return out

    def _updates(
        self,
        rows: dict[Key, StoredRating],
        old: dict[Key, StoredRating],
        stats: dict[str, PostStats],
        now: datetime,
        markers: dict[str, str] | None = None,
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
                    marker=(markers or {}).get(post),
                )
            )
        return updates

    def _events(
        self,
        rows: dict[Key, StoredRating],
        old: dict[Key, StoredRating],
        reviews: dict[str, RatingReview],
        finding_of: dict[Key, str],
        now: datetime,
    ) -> list[Event]:
        events: list[Event] = []
        for key, row in rows.items():
            before = old.get(key)
            if not row.suspicious or (before and before.id == row.id and before.suspicious):
                continue
            review = reviews.get(finding_of.get(key, ""))
            events.append(suspicious_event(row, now, review.id if review else None))
        for review in reviews.values():
            if review.version == 1:
                events.append(review_requested(review, now))
        return events

    def forget_rater(self, user_id: str) -> None:
        """Drops what this process holds in memory about a rater (after their erasure), so
        that it is never written back to storage."""
        with self._apply_lock:
            self.detector.forget(user_id)

    def refresh_posts(self, post_ids: Sequence[str]) -> None:
        """Re-reads posts' sums into the cache (after an erasure changed them in storage)."""
        stored = self._repo.get_stats(list(post_ids))
        self._cache.put_many([stored.get(p) or PostStats(p) for p in post_ids])

    def list_reviews(
        self,
        status: ReviewStatus | None = ReviewStatus.OPEN,
        limit: int = 50,
        before: tuple[datetime, str] | None = None,
    ) -> list[RatingReview]:
        """Returns rating review items, newest first; with `before` (created_at, id), the page
        after that item (the review queue's view=ratings pages with it)."""
        return self._repo.list_reviews(status, limit, before)

    def get_review(self, review_id: str) -> RatingReview:
        """Returns one rating review item or raises NotFound."""
        review = self._repo.get_review(review_id)
        if review is None:
            raise NotFound(f"no rating review {review_id!r}", code="rating_review_not_found")
        return review

    def decide(
        self, review_id: str, verdict: Verdict, actor: str, note: str | None = None
    ) -> RatingReview:
        """Confirms (ratings stay out, accounts weigh 0) or clears (flags lifted) an item."""
        with self._apply_lock:
            now = self._clock.now()
            with self._repo.transaction() as tx:
                review = tx.get_review(review_id)
                if review is None:
                    raise NotFound(
                        f"no rating review {review_id!r}", code="rating_review_not_found"
                    )
                after = decided(review, verdict, actor, now, note)
                fresh = self._decide(tx, review, after, verdict, actor, now)
                trust = self.detector.trust
                trust.restore(tx.get_raters(trust.missing(review.user_ids)))
                for user in review.user_ids:
                    # Confirmed manipulators weigh 0 from now on; cleared ones earn trust again.
                    if verdict is Verdict.CONFIRM:
                        trust.block(user, now)
                    else:
                        trust.unblock(user, now)
                tx.save_raters(trust.snapshot(review.user_ids))
            self._cache.put_many(fresh)
        return after

    def _decide(
        self,
        tx: RatingTransaction,
        review: RatingReview,
        after: RatingReview,
        verdict: Verdict,
        actor: str,
        now: datetime,
    ) -> list[PostStats]:
        flags = tx.flags_of_review(review.id)
        if verdict is Verdict.CONFIRM:
            tx.upsert_flags([replace(f, expires_at=None) for f in flags])
            rows: dict[Key, StoredRating] = {}
            old: dict[Key, StoredRating] = {}
        else:
            tx.upsert_flags([replace(f, lifted_at=now, lifted_by=actor) for f in flags])
            old = tx.get_ratings([f.key for f in flags])
            rows = {k: r.cleared() for k, r in old.items() if r.suspicious}
            tx.clear_marker(review.post_ids, review.id)
        stats = tx.get_stats(list(dict.fromkeys(k[0] for k in rows)))
        updates = self._updates(rows, old, stats, now)
        tx.upsert_ratings(list(rows.values()))
        tx.apply_stats(updates)
        tx.save_reviews([after])
        tx.record([review_resolved(after, now)])
        return [
            replace((stats.get(u.post_id) or PostStats(u.post_id)).updated(u), marker=None)
            for u in updates
        ]


def _with_and_without(stats: PostStats | None, held: tuple[float, float] | None) -> dict[str, Any]:
    """The post's trusted average without the group (as stored) and with it."""
    without = stats.trusted_average if stats else None
    weight = stats.trusted_weight if stats else 0.0
    total = stats.trusted_sum if stats else 0.0
    w, ws = held or (0.0, 0.0)
    with_all = (total + ws) / (weight + w) if weight + w > 1e-9 else None
    return {
        "average_without": None if without is None else round(without, 3),
        "average_with": None if with_all is None else round(with_all, 3),
    }


def review_requested(review: RatingReview, now: datetime) -> Event:
    """Builds `review.requested` for a new rating review item (one per group, not per rating)."""
    return new_event(
        EventType.REVIEW_REQUESTED,
        id=f"{EventType.REVIEW_REQUESTED.value}:rating_review:{review.id}",
        subject=("rating_review", review.id),
        actor=ACTOR,
        payload={
            "subject": {"type": "rating_review", "id": review.id},
            "reason": review.kind,
            "source": "ratings",
            "post_ids": list(review.post_ids),
            "accounts": len(review.user_ids),
        },
        at=now,
    )


def review_resolved(review: RatingReview, now: datetime) -> Event:
    """Builds `review.resolved` for a moderator's verdict on a rating review item."""
    return new_event(
        EventType.REVIEW_RESOLVED,
        id=f"{EventType.REVIEW_RESOLVED.value}:rating_review:{review.id}",
        subject=("rating_review", review.id),
        actor=review.resolved_by or ACTOR,
        payload={
            "resolution": review.status.value,
            "kind": review.kind,
            "post_ids": list(review.post_ids),
            "user_ids": list(review.user_ids),
            "note": review.note,
        },
        at=now,
    )


def suspicious_event(rating: StoredRating, now: datetime, review_id: str | None) -> Event:
    """Builds `rating.suspicious` for one rating version (the version id always exists)."""
    return new_event(
        EventType.RATING_SUSPICIOUS,
        id=f"{EventType.RATING_SUSPICIOUS.value}:{rating.id}",
        subject=("rating", rating.id),
        actor=ACTOR,
        payload={
            "post_id": rating.post_id,
            "user_id": rating.user_id,
            "score": rating.score,
            "reasons": list(rating.reasons),
            "rated_at": rating.rated_at.isoformat(),
            "review_id": review_id,
        },
        at=now,
    )
