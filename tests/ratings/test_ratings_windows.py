"""The shift check's block sums: the same sums as a rating-by-rating pass, the same findings.

`_calm_windows` used to list every rating of a post's windows on each batch; it now adds the
sums of blocks of ratings. These property tests play random streams (re-ratings, bursts,
ratings arriving a little out of time order, windows trimmed by age and size) and check that
the block sums agree with a plain pass and that the detector finds exactly what it finds when
every window goes through the exact check.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civility.ratings import fraud
from civility.ratings.fraud import Assessment, FraudConfig, FraudDetector, band_sums
from civility.ratings.models import PostStats, RatingSubmission

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# Short windows and few entries, so that a short stream crosses window starts, is trimmed by
# age and by size, and spans many blocks.
CONFIG = FraudConfig(
    shift_windows_s=(60.0, 300.0, 1_200.0),
    window_max_entries=40,
    shift_min_rest=4,
    shift_min_ratings=3,
    shift_min_z=1.0,
    collusion_every_s=600.0,
)

# One rating: (post, user, score, seconds after the previous rating, account age in days).
RATING = st.tuples(
    st.integers(0, 2),
    st.integers(0, 25),
    st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 4.5, 5.0]),
    st.one_of(st.floats(0.0, 90.0), st.floats(-3.0, 0.0)),  # a few arrive out of order
    st.sampled_from([None, 1.0, 400.0]),
)
STREAM = st.lists(RATING, min_size=1, max_size=160)
BATCH = st.integers(1, 25)


def _submissions(
    stream: list[tuple[int, int, float, float, float | None]],
) -> list[RatingSubmission]:
    at = T0
    out = []
    for post, user, score, gap, age in stream:
        at += timedelta(seconds=gap)
        created = None if age is None else at - timedelta(days=age)
        out.append(RatingSubmission(f"p{post}", f"u{user}", score, at, user_created_at=created))
    return out


def _play(detector: FraudDetector, subs: list[RatingSubmission], size: int) -> list[Assessment]:
    """Feeds batches, adding the unflagged ratings to the sums as the service does."""
    stats: dict[str, PostStats] = {}
    current: dict[tuple[str, str], tuple[float, float]] = {}
    found = []
    for start in range(0, len(subs), size):
        batch = subs[start : start + size]
        out = detector.assess(batch, lambda p: stats.get(p) or PostStats(p))
        found.append(out)
        for sub in batch:
            held = sub.key in out.flags
            weight = 0.0 if held else out.trust[sub.key]
            before = current.get(sub.key)
            current[sub.key] = (weight, sub.score)
            s = stats.get(sub.post_id) or PostStats(sub.post_id)
            w0, s0 = before if before else (0.0, 0.0)
            stats[sub.post_id] = PostStats(
                sub.post_id,
                count=s.count + (before is None),
                score_sum=s.score_sum + sub.score - (s0 if before else 0.0),
                trusted_weight=s.trusted_weight + weight - w0,
                trusted_sum=s.trusted_sum + weight * sub.score - w0 * s0,
                suspicious_count=s.suspicious_count + held - (before is not None and w0 == 0),
                first_rated_at=s.first_rated_at or sub.rated_at,
            )
    return found


def _naive_bands(window: fraud._Window, starts: list[datetime]) -> list[list[float]]:
    order = sorted(range(len(starts)), key=lambda k: starts[k], reverse=True)
    bands = [[0.0] * 7 for _ in starts]
    for e in window.entries:
        k = next((k for k in order if e.rated_at >= starts[k]), -1)
        if k < 0:
            continue
        if e.in_stats:
            bands[k][0] += e.in_stats
            bands[k][1] += e.in_stats * e.score
            bands[k][2] += e.in_stats > 0
        if e.live:
            bands[k][3] += e.weight
            bands[k][4] += e.weight * e.score
            bands[k][5] += 1
            bands[k][6] += e.score
    return bands


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fraud, "BLOCK_SIZE", 3)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(stream=STREAM, size=BATCH, offset=st.floats(-200.0, 200.0))
def test_block_sums_are_the_sums_of_the_window(
    stream: list[tuple[int, int, float, float, float | None]], size: int, offset: float
) -> None:
    detector = FraudDetector(CONFIG)
    subs = _submissions(stream)
    _play(detector, subs, size)
    now = subs[-1].rated_at + timedelta(seconds=offset)
    starts = [now - timedelta(seconds=s) for s in CONFIG.shift_windows_s]
    for window in detector._windows.values():
        assert window.size == sum(1 for _ in window.entries) <= CONFIG.window_max_entries
        got, want = band_sums(window, starts), _naive_bands(window, starts)
        for g, w in zip(got, want, strict=True):
            assert (g[2], g[5]) == (w[2], w[5])  # counts are exact
            for a, b in zip(g, w, strict=True):
                assert math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def _summary(out: Assessment) -> tuple[object, ...]:
    findings = {k: (f.kind, f.post_ids, f.user_ids, f.detail) for k, f in out.findings.items()}
    return (out.trust, out.reasons(), out.finding_of, findings)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(stream=STREAM, size=BATCH, burst=st.sampled_from([0.0, 5.0]))
def test_the_calm_pass_changes_no_finding(
    monkeypatch: pytest.MonkeyPatch,
    stream: list[tuple[int, int, float, float, float | None]],
    size: int,
    burst: float,
) -> None:
    # A calm history on p0, the random stream, then a burst of one score on p0 from fresh
    # accounts: shifts to find (the calm pass must leave them to the exact check).
    subs = _submissions([(0, 100 + u, 3.0 + u % 2, 20.0, 400.0) for u in range(30)] + stream)
    at = subs[-1].rated_at
    subs += [RatingSubmission("p0", f"b{i}", burst, at + timedelta(seconds=i)) for i in range(12)]
    fast = _play(FraudDetector(CONFIG), subs, size)
    exact = FraudDetector(CONFIG)
    # Every window through the exact check: what the findings were before the calm pass.
    monkeypatch.setattr(exact, "_calm_windows", lambda *_: set())
    slow = _play(exact, subs, size)
    assert [_summary(a) for a in fast] == [_summary(a) for a in slow]


def test_the_streams_do_find_shifts() -> None:
    """The property above has something to compare: a burst is found on such a stream."""
    subs = _submissions([(0, u, 4.0, 10.0, 400.0) for u in range(20)])
    at = subs[-1].rated_at
    subs += [RatingSubmission("p0", f"b{i}", 0.0, at + timedelta(seconds=i)) for i in range(12)]
    found = _play(FraudDetector(CONFIG), subs, 5)
    assert any(a.findings for a in found)
