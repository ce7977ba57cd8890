"""The stabilised average: a Bayesian average that may move only so far per hour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from civility.ratings.models import PostStats


@dataclass(frozen=True, slots=True)
class StabilityConfig:
    """Parameters of the stabilised average.

    prior_mean: the prior of a post that has no stabilised average yet.
    prior_weight: how many trusted ratings the prior counts as (C).
    max_step_per_hour: how far the stabilised average may move per hour once the post has
    more trusted weight than the prior.
    max_gap_hours: the longest pause that counts towards one step, so a quiet post cannot
    bank a day of movement and spend it all on the first wave that arrives.
    """

    prior_mean: float = 3.0
    prior_weight: float = 20.0
    max_step_per_hour: float = 0.25
    max_gap_hours: float = 1.0


def bayesian_target(stats: PostStats, prior: float, weight: float) -> float | None:
    """Returns (C·μ + Σw·s) / (C + Σw): the trusted mean shrunk towards the prior μ."""
    if stats.trusted_weight <= 1e-9:
        return None
    return (weight * prior + stats.trusted_sum) / (weight + stats.trusted_weight)


def next_stable(
    before: PostStats, after: PostStats, now: datetime, config: StabilityConfig
) -> float | None:
    """Moves the stabilised average towards the Bayesian target, at most max_step_per_hour.

    From the first rating: a new post starts at the prior and moves no faster than an old one,
    so the first raters cannot set what a page shows.
    """
    previous = before.stable_average
    prior = previous if previous is not None else config.prior_mean
    target = bayesian_target(after, prior, config.prior_weight)
    if target is None:
        return previous
    if previous is None:
        previous = config.prior_mean
    since = before.stable_updated_at or now
    hours = min(config.max_gap_hours, max(0.0, (now - since).total_seconds() / 3600))
    step = config.max_step_per_hour * hours
    return previous + min(step, max(-step, target - previous))
