"""Ratings as the domain sees them: submissions, stored ratings and per-post running sums."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

MIN_SCORE = 0.0
MAX_SCORE = 5.0


@dataclass(frozen=True, slots=True)
class RatingSubmission:
    """One rating as a platform sends it, stamped with the time it was accepted."""

    post_id: str
    user_id: str
    score: float
    rated_at: datetime
    user_created_at: datetime | None = None
    ip_hash: str | None = None
    client_hash: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Returns (post_id, user_id): one rating per user per post."""
        return (self.post_id, self.user_id)

    @property
    def client(self) -> str | None:
        """Returns the client the platform saw (hint first, else address), pseudonymised."""
        return self.client_hash or self.ip_hash


@dataclass(frozen=True, slots=True)
class StoredRating:
    """One version of a user's rating of a post, with how much the trusted average trusts it.

    `id` names the version: a re-rating is a new version (the old one stays stored), so
    events keep pointing at something that exists. `trust` is the rater's weight when it
    rated; `weight` is what the averages use (0 while the rating is flagged).
    """

    id: str
    post_id: str
    user_id: str
    score: float
    weight: float
    suspicious: bool
    reasons: tuple[str, ...]
    rated_at: datetime
    user_created_at: datetime | None = None
    ip_hash: str | None = None
    trust: float = 1.0
    client_hash: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Returns (post_id, user_id)."""
        return (self.post_id, self.user_id)

    def flagged(self, reasons: tuple[str, ...]) -> StoredRating:
        """Returns this rating marked suspicious (weight 0) with the reasons added."""
        merged = tuple(dict.fromkeys((*self.reasons, *reasons)))
        return replace(self, suspicious=True, weight=0.0, reasons=merged)

    def cleared(self) -> StoredRating:
        """Returns this rating trusted again (a moderator cleared its flag)."""
        return replace(self, suspicious=False, weight=self.trust, reasons=())


@dataclass(frozen=True, slots=True)
class RatingFlag:
    """A flag on an account's rating of a post: it outlives re-rating.

    Lifted only by a moderator (`lifted_by`) or by expiry (`expires_at`, None once a moderator
    confirmed it); see docs/ratings.md.
    """

    post_id: str
    user_id: str
    reasons: tuple[str, ...]
    flagged_at: datetime
    expires_at: datetime | None
    review_id: str | None = None
    lifted_at: datetime | None = None
    lifted_by: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Returns (post_id, user_id)."""
        return (self.post_id, self.user_id)

    def active(self, now: datetime) -> bool:
        """Tells whether the flag still applies to ratings given at `now`."""
        if self.lifted_at is not None:
            return False
        return self.expires_at is None or now < self.expires_at


@dataclass(frozen=True, slots=True)
class StatsDelta:
    """What a batch adds to a post's running sums (negative parts undo replaced ratings)."""

    count: int = 0
    score_sum: float = 0.0
    trusted_weight: float = 0.0
    trusted_sum: float = 0.0
    suspicious_count: int = 0

    def __add__(self, other: StatsDelta) -> StatsDelta:
        return StatsDelta(
            self.count + other.count,
            self.score_sum + other.score_sum,
            self.trusted_weight + other.trusted_weight,
            self.trusted_sum + other.trusted_sum,
            self.suspicious_count + other.suspicious_count,
        )

    def __neg__(self) -> StatsDelta:
        return StatsDelta(
            -self.count,
            -self.score_sum,
            -self.trusted_weight,
            -self.trusted_sum,
            -self.suspicious_count,
        )

    @classmethod
    def of(cls, rating: StoredRating) -> StatsDelta:
        """Returns the contribution of one rating to its post's sums."""
        return cls(
            count=1,
            score_sum=rating.score,
            trusted_weight=rating.weight,
            trusted_sum=rating.weight * rating.score,
            suspicious_count=int(rating.suspicious),
        )


@dataclass(frozen=True, slots=True)
class PostStats:
    """Running sums of one post's ratings; averages are derived, never scanned for."""

    post_id: str
    count: int = 0
    score_sum: float = 0.0
    trusted_weight: float = 0.0
    trusted_sum: float = 0.0
    suspicious_count: int = 0
    stable_average: float | None = None
    stable_updated_at: datetime | None = None
    first_rated_at: datetime | None = None
    last_rated_at: datetime | None = None
    # The open review item that explains a sudden change (a review bomb), if any.
    marker: str | None = None

    @property
    def raw_average(self) -> float | None:
        """Returns the plain mean of every current rating."""
        return self.score_sum / self.count if self.count > 0 else None

    @property
    def trusted_average(self) -> float | None:
        """Returns the weighted mean without suspicious ratings."""
        # Running sums drift by float rounding; a weight this small means "nothing trusted".
        if self.trusted_weight <= 1e-9:
            return None
        return min(MAX_SCORE, max(MIN_SCORE, self.trusted_sum / self.trusted_weight))

    def plus(self, delta: StatsDelta) -> PostStats:
        """Returns these sums with a delta applied."""
        # Built directly: dataclasses.replace costs several times more, once per post per batch.
        return PostStats(
            self.post_id,
            self.count + delta.count,
            self.score_sum + delta.score_sum,
            self.trusted_weight + delta.trusted_weight,
            self.trusted_sum + delta.trusted_sum,
            self.suspicious_count + delta.suspicious_count,
            self.stable_average,
            self.stable_updated_at,
            self.first_rated_at,
            self.last_rated_at,
            self.marker,
        )

    def updated(self, update: StatsUpdate) -> PostStats:
        """Returns these sums once a batch's update is applied."""
        d = update.delta
        return PostStats(
            self.post_id,
            self.count + d.count,
            self.score_sum + d.score_sum,
            self.trusted_weight + d.trusted_weight,
            self.trusted_sum + d.trusted_sum,
            self.suspicious_count + d.suspicious_count,
            update.stable_average,
            update.stable_updated_at,
            update.first_rated_at,
            update.last_rated_at,
            update.marker if update.marker is not None else self.marker,
        )


@dataclass(frozen=True, slots=True)
class StatsUpdate:
    """What one applied batch writes for one post: the delta and the new absolute fields."""

    post_id: str
    delta: StatsDelta
    stable_average: float | None
    stable_updated_at: datetime
    first_rated_at: datetime
    last_rated_at: datetime
    marker: str | None = None
