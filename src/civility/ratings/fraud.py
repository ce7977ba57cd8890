"""Manipulation detection on ratings: shifts, collusion, deviating accounts (pure).

The detector sees every rating once, in arrival order, with the post's running sums at the
start of the batch, and answers: each new rating's trust weight (`TrustBook`), which ratings
(of this batch or earlier ones) are suspicious and why, and the findings a moderator should
review (one per burst, review bomb, collusion block or account). docs/ratings.md explains
each signal and what it cannot catch.

- shift: over each of `shift_windows_s`, the weighted deviation mass of a post's recent
  ratings against the post's own consensus before the window; when it would move the trusted
  average by more than `shift_limit`, the ratings pushing that way are held. Pacing spreads
  the mass over a longer window, dilution adds ratings that carry none: neither hides it.
  `burst` when the mass comes mostly from low-trust accounts, `review_bomb` otherwise.
- collusion: dense blocks of the rater–(post, direction) graph (collusion.py), every
  `collusion_every_s`; members stay marked, so their later ratings far off are held too.
- deviant_account: an account whose ratings sit far from every post's consensus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from civility.ratings.collusion import dense_blocks
from civility.ratings.models import PostStats, RatingSubmission
from civility.ratings.trust import TrustBook, TrustConfig, account_age_days

BURST = "burst"
REVIEW_BOMB = "review_bomb"
COLLUSION = "collusion"
DEVIANT_ACCOUNT = "deviant_account"

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class FraudConfig:
    """Thresholds of the signals (defaults documented in docs/ratings.md)."""

    prior_mean: float = 3.0
    prior_weight: float = 3.0
    shift_windows_s: tuple[float, ...] = (3_600.0, 86_400.0, 7 * 86_400.0)
    shift_limit: float = 0.3
    shift_min_rest: int = 10
    shift_deviation: float = 1.0
    shift_min_ratings: int = 5
    shift_sigma: float = 1.2
    shift_min_z: float = 5.0
    window_max_entries: int = 5_000
    established_trust: float = 0.3
    collusion_every_s: float = 3_600.0
    collusion_horizon_days: float = 14.0
    collusion_deviation: float = 1.5
    collusion_min_users: int = 5
    collusion_min_posts: int = 3
    collusion_min_density: float = 1.5
    collusion_max_blocks: int = 5
    collusion_min_share: float = 0.5
    min_history: int = 10
    account_min_ratings: int = 5
    account_deviation: float = 2.0
    max_posts_per_account: int = 50
    memory_days: float = 30.0
    prune_every: int = 10_000
    new_account_days: float = 7.0


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a moderator should review: one item per `key` while it is open."""

    kind: str
    key: str
    post_ids: tuple[str, ...]
    user_ids: tuple[str, ...]
    detail: dict[str, Any]


@dataclass(slots=True)
class Assessment:
    """The detector's answer for one batch."""

    trust: dict[Key, float] = field(default_factory=dict)
    flags: dict[Key, list[str]] = field(default_factory=dict)
    # Which finding (by key) each flagged rating belongs to.
    finding_of: dict[Key, str] = field(default_factory=dict)
    findings: dict[str, Finding] = field(default_factory=dict)
    # post -> the users flagged on it in this batch (the shift check holds their ratings).
    flagged_on: dict[str, list[str]] = field(default_factory=dict)

    def flag(self, key: Key, reason: str, finding: str | None = None) -> None:
        """Marks one rating suspicious for a reason (and ties it to a finding)."""
        reasons = self.flags.get(key)
        if reasons is None:
            reasons = self.flags[key] = []
            self.flagged_on.setdefault(key[0], []).append(key[1])
        if reason not in reasons:
            reasons.append(reason)
        if finding is not None:
            self.finding_of.setdefault(key, finding)

    def reasons(self) -> dict[Key, tuple[str, ...]]:
        """Returns the flags as tuples of reasons."""
        return {key: tuple(r) for key, r in self.flags.items()}


def is_new_account(sub: RatingSubmission, days: float) -> bool:
    """Tells whether the account was younger than `days` (or of unknown or future age)."""
    age = account_age_days(sub)
    return age is None or age < days


# Entries per block of a post's window: the shift check adds a block's sums instead of its
# ratings (docs/ratings.md, "Applying in batches").
BLOCK_SIZE = 64


@dataclass(slots=True, eq=False)
class _Entry:
    user_id: str
    rated_at: datetime
    score: float
    weight: float
    trust: float
    in_stats: float = 0.0  # the weight this rating has in the sums the batch started from
    live: bool = True  # counts in the window (not flagged, not replaced)
    block: _Block | None = field(default=None, repr=False)

    def change(self, *, live: bool | None = None, in_stats: float | None = None) -> None:
        """Sets what the rating counts for, and keeps its block's sums right."""
        block = self.block
        added = 0.0
        if live is not None and live != self.live:
            self.live = live
            if block is not None:
                block.dirty = True
        if in_stats is not None and in_stats != self.in_stats:
            if self.in_stats or in_stats < 0:
                if block is not None:
                    block.dirty = True
            else:
                added = in_stats  # a rating entering the sums (every batch, for its ratings)
            self.in_stats = in_stats
        if added and block is not None and not block.dirty:
            sums = block.sums
            sums[0] += added
            sums[1] += added * self.score
            sums[2] += 1


@dataclass(slots=True, eq=False)
class _Block:
    """Up to BLOCK_SIZE consecutive ratings of a window, with the sums the shift check needs.

    A rating appended or entering the sums is added to them; any change that takes a rating
    out of a sum (held, replaced, left the window) has them summed again from the ratings
    when next read. Never subtracted, so each sum is a sum of at most BLOCK_SIZE non-negative
    terms and its rounding is bounded as the linear pass's was.
    """

    entries: list[_Entry] = field(default_factory=list)
    start: int = 0  # entries before this one have left the window
    dirty: bool = False
    lo: datetime | None = None  # earliest and latest rated_at of the block's entries (arrival
    hi: datetime | None = None  # order is not time order: accept threads race by a little)
    # in the sums: weight, weighted score, ratings; live: weight, weighted score, count, score
    sums: list[float] = field(default_factory=lambda: [0.0] * 7)

    def append(self, e: _Entry) -> None:
        """Adds a rating at the end (and to the sums, unless they are summed again anyway)."""
        self.entries.append(e)
        e.block = self
        if self.dirty:
            return
        at = e.rated_at
        if self.lo is None or at < self.lo:
            self.lo = at
        if self.hi is None or at > self.hi:
            self.hi = at
        _add_entry(self.sums, e)

    def refresh(self) -> None:
        """Sums the block's ratings again (when one changed)."""
        in_w = in_ws = in_n = live_w = live_ws = live_n = live_s = 0.0
        lo = hi = None
        for e in self.entries[self.start :]:
            at = e.rated_at
            if lo is None or at < lo:
                lo = at
            if hi is None or at > hi:
                hi = at
            if e.in_stats:
                in_w += e.in_stats
                in_ws += e.in_stats * e.score
                if e.in_stats > 0:
                    in_n += 1
            if e.live:
                live_w += e.weight
                live_ws += e.weight * e.score
                live_n += 1
                live_s += e.score
        self.sums = [in_w, in_ws, in_n, live_w, live_ws, live_n, live_s]
        self.lo, self.hi = lo, hi
        self.dirty = False


@dataclass(slots=True)
class _Episode:
    """A shift found on a post: later ratings pushing the same way join it until `until`."""

    kind: str
    key: str
    side: int
    mean: float
    until: datetime


@dataclass(slots=True)
class _Window:
    """A post's recent ratings in arrival order (in blocks) and, per rater, the live one (a
    re-rating replaces it)."""

    blocks: deque[_Block] = field(default_factory=deque)
    latest: dict[str, _Entry] = field(default_factory=dict)
    episode: _Episode | None = None
    size: int = 0

    @property
    def entries(self) -> Iterator[_Entry]:
        """The window's ratings in arrival order."""
        for block in self.blocks:
            yield from block.entries[block.start :]

    def since(self, start: datetime) -> Iterator[_Entry]:
        """The ratings given at `start` or later, in arrival order (blocks all before it are
        skipped)."""
        for block in self.blocks:
            if block.dirty:
                block.refresh()
            assert block.hi is not None
            if block.hi < start:
                continue
            for e in block.entries[block.start :]:
                if e.rated_at >= start:
                    yield e

    def add(self, entry: _Entry, horizon: datetime, max_entries: int) -> _Entry | None:
        """Appends a rating; returns the one it replaces (still in the sums until applied)."""
        old = self.latest.get(entry.user_id)
        if old is not None:
            old.change(live=False)
        self.latest[entry.user_id] = entry
        last = self.blocks[-1] if self.blocks else None
        if last is None or len(last.entries) >= BLOCK_SIZE:
            last = _Block()
            self.blocks.append(last)
        last.append(entry)
        self.size += 1
        self.trim(horizon, max_entries)
        return old

    def trim(self, horizon: datetime, max_entries: int | None = None) -> None:
        """Drops the oldest ratings while they are older than `horizon` (or too many)."""
        while self.blocks:
            first = self.blocks[0]
            gone = first.entries[first.start]
            if gone.rated_at >= horizon and (max_entries is None or self.size <= max_entries):
                return
            first.start += 1
            first.dirty = True
            self.size -= 1
            if first.start == len(first.entries):
                self.blocks.popleft()
            if self.latest.get(gone.user_id) is gone:
                del self.latest[gone.user_id]


@dataclass(slots=True)
class _Account:
    last_seen: datetime
    scored: int = 0
    deviation_sum: float = 0.0
    # post -> (direction, rated_at) of a rating far from the post's consensus (bounded)
    deviant: dict[str, tuple[int, datetime]] = field(default_factory=dict)
    cluster: str | None = None
    # post -> rated_at of every recent rating (bounded): the share that is far off matters
    rated: dict[str, datetime] = field(default_factory=dict)


def band_sums(window: _Window, starts: Sequence[datetime]) -> list[list[float]]:
    """Sums a window's ratings per band: band k holds the ratings at or after `starts[k]` and
    before every later start (the ratings of window k in no shorter window).

    Per band: weight in the sums, weighted score in the sums, ratings in the sums; then of
    the live ratings: weight, weighted score, count, score. Whole blocks are added by their
    sums; only a block that straddles a start is summed rating by rating.
    """
    order = sorted(range(len(starts)), key=lambda k: starts[k], reverse=True)
    bands = [[0.0] * 7 for _ in starts]

    def band_of(at: datetime) -> int:
        for k in order:
            if at >= starts[k]:
                return k
        return -1

    for block in window.blocks:
        if block.dirty:
            block.refresh()
        assert block.lo is not None
        assert block.hi is not None
        k = band_of(block.lo)
        if k == band_of(block.hi):
            # The whole block is in one band (bands are nested in time).
            if k >= 0:
                bands[k] = [t + b for t, b in zip(bands[k], block.sums, strict=True)]
            continue
        for e in block.entries[block.start :]:
            k = band_of(e.rated_at)
            if k < 0:
                continue
            _add_entry(bands[k], e)
    return bands


def _add_entry(sums: list[float], e: _Entry) -> None:
    """Adds one rating to the seven sums of a block or a band (see ``_Block.sums``)."""
    if e.in_stats:
        sums[0] += e.in_stats
        sums[1] += e.in_stats * e.score
        if e.in_stats > 0:
            sums[2] += 1
    if e.live:
        sums[3] += e.weight
        sums[4] += e.weight * e.score
        sums[5] += 1
        sums[6] += e.score


class FraudDetector:
    """Assesses ratings in arrival order; keeps only bounded, recent state."""

    def __init__(self, config: FraudConfig | None = None, trust: TrustConfig | None = None) -> None:
        self.config = config or FraudConfig()
        self.trust = TrustBook(trust)
        self._windows: dict[str, _Window] = {}
        self._accounts: dict[str, _Account] = {}
        self._seen = 0
        self._next_collusion: datetime | None = None
        self._clusters = 0

    def assess(
        self,
        batch: Sequence[RatingSubmission],
        stats: Callable[[str], PostStats],
        flagged: Collection[Key] = (),
    ) -> Assessment:
        """Returns trust weights, suspicious ratings and findings for one batch.

        `flagged` holds the pairs whose flag sticks (they weigh 0 whatever they say now).
        """
        out = Assessment()
        touched: dict[str, list[_Entry]] = {}
        replaced: list[_Entry] = []
        for sub in batch:
            post = stats(sub.post_id)
            trusted = post.count - post.suspicious_count
            self.trust.learn_consensus(sub.post_id, post.trusted_average, trusted)
            weight = self.trust.weight(sub)
            out.trust[sub.key] = weight
            entry = self._enter(sub, weight, sub.key in flagged, replaced)
            touched.setdefault(sub.post_id, []).append(entry)
            self._judge_account(sub, post, out)
            self._seen += 1
            if self._seen % self.config.prune_every == 0:
                self.prune(sub.rated_at)
        if batch:
            now = max(s.rated_at for s in batch)
            for post_id in touched:
                self._check_shift(post_id, stats(post_id), now, out)
            if self._next_collusion is None:
                self._next_collusion = now + timedelta(seconds=self.config.collusion_every_s)
            elif now >= self._next_collusion:
                self._next_collusion = now + timedelta(seconds=self.config.collusion_every_s)
                self.find_collusion(now, out)
        # What the sums hold after this batch: the window must subtract exactly that.
        for post_id, entries in touched.items():
            for entry in entries:
                if (post_id, entry.user_id) in out.flags or not entry.live:
                    entry.change(live=False, in_stats=0.0)
                else:
                    entry.change(in_stats=entry.weight)
        for entry in replaced:
            entry.change(in_stats=0.0)
        for post_id, user_id in out.flags:
            window = self._windows.get(post_id)
            held = window.latest.get(user_id) if window else None
            if held is not None:
                held.change(live=False, in_stats=0.0)
        return out

    def _enter(
        self, sub: RatingSubmission, weight: float, sticky: bool, replaced: list[_Entry]
    ) -> _Entry:
        window = self._windows.setdefault(sub.post_id, _Window())
        entry = _Entry(sub.user_id, sub.rated_at, sub.score, weight, weight, live=not sticky)
        horizon = sub.rated_at - timedelta(seconds=max(self.config.shift_windows_s))
        old = window.add(entry, horizon, self.config.window_max_entries)
        if old is not None:
            replaced.append(old)
        return entry

    def consensus(self, stats: PostStats) -> float:
        """Returns the post's trusted mean shrunk towards the prior (defined from rating one)."""
        cfg = self.config
        return (cfg.prior_weight * cfg.prior_mean + stats.trusted_sum) / (
            cfg.prior_weight + max(0.0, stats.trusted_weight)
        )

    def _judge_account(self, sub: RatingSubmission, stats: PostStats, out: Assessment) -> None:
        cfg = self.config
        account = self._accounts.get(sub.user_id)
        if account is None:
            account = self._accounts[sub.user_id] = _Account(last_seen=sub.rated_at)
        account.last_seen = sub.rated_at
        account.rated.pop(sub.post_id, None)
        account.rated[sub.post_id] = sub.rated_at
        if len(account.rated) > cfg.max_posts_per_account:
            del account.rated[next(iter(account.rated))]
        deviation = sub.score - self.consensus(stats)
        if abs(deviation) >= cfg.collusion_deviation:
            account.deviant.pop(sub.post_id, None)
            account.deviant[sub.post_id] = (1 if deviation > 0 else -1, sub.rated_at)
            if len(account.deviant) > cfg.max_posts_per_account:
                del account.deviant[next(iter(account.deviant))]
            if account.cluster is not None:
                out.flag(sub.key, COLLUSION, account.cluster)
                self._join(out, COLLUSION, account.cluster, sub.post_id, sub.user_id)
        else:
            account.deviant.pop(sub.post_id, None)
        mean = stats.trusted_average
        if mean is None or stats.count < cfg.min_history:
            return
        account.scored += 1
        account.deviation_sum += abs(sub.score - mean)
        if (
            account.scored >= cfg.account_min_ratings
            and account.deviation_sum / account.scored >= cfg.account_deviation
        ):
            # One item per day of deviating accounts (a ring shows up as several at once),
            # not one per account.
            key = f"{DEVIANT_ACCOUNT}:{sub.rated_at:%Y-%m-%d}"
            posts = tuple(account.deviant)
            for post in posts:
                out.flag((post, sub.user_id), DEVIANT_ACCOUNT, key)
            found = out.findings.get(key)
            accounts = dict(found.detail.get("accounts", {})) if found else {}
            accounts[sub.user_id] = {
                "ratings_judged": account.scored,
                "mean_distance": round(account.deviation_sum / account.scored, 3),
            }
            out.findings[key] = Finding(
                DEVIANT_ACCOUNT,
                key,
                tuple(dict.fromkeys((*(found.post_ids if found else ()), *posts))),
                tuple(dict.fromkeys((*(found.user_ids if found else ()), sub.user_id))),
                {"accounts": accounts},
            )

    def _join(self, out: Assessment, kind: str, key: str, post_id: str, user_id: str) -> None:
        """Adds a later rating to a finding (its review item grows; its evidence stays)."""
        found = out.findings.get(key)
        posts = (*found.post_ids, post_id) if found else (post_id,)
        users = (*found.user_ids, user_id) if found else (user_id,)
        detail = found.detail if found else {}
        out.findings[key] = Finding(
            kind, key, tuple(dict.fromkeys(posts)), tuple(dict.fromkeys(users)), detail
        )

    def _check_shift(self, post_id: str, stats: PostStats, now: datetime, out: Assessment) -> None:
        cfg = self.config
        window = self._windows.get(post_id)
        if window is None:
            return
        episode = window.episode
        if episode is not None and now < episode.until:
            # Dilution cannot restart the count: while the episode lasts, ratings far off in
            # its direction join it.
            for e in window.since(now - timedelta(seconds=cfg.shift_windows_s[0])):
                if e.live and (e.score - episode.mean) * episode.side >= cfg.shift_deviation:
                    e.change(live=False)
                    out.flag((post_id, e.user_id), episode.kind, episode.key)
                    self._join(out, episode.kind, episode.key, post_id, e.user_id)
        # The ratings flagged so far (by account or cluster) count as held from here on, as
        # they will after the batch: the checks below leave them out.
        for user in out.flagged_on.get(post_id, ()):
            held = window.latest.get(user)
            if held is not None and held.live:
                held.change(live=False)
        calm = self._calm_windows(window, stats, now)
        for seconds in cfg.shift_windows_s:
            if seconds in calm:
                continue
            # Only here are the window's ratings listed and summed one by one; a flag raised
            # below changes what later windows count, so they are checked this way too.
            calm = set()
            start = now - timedelta(seconds=seconds)
            recent = list(window.since(start))
            rest_w = stats.trusted_weight - sum(e.in_stats for e in recent)
            rest_sum = stats.trusted_sum - sum(e.in_stats * e.score for e in recent)
            in_stats = sum(1 for e in recent if e.in_stats > 0)
            n_rest = stats.count - stats.suspicious_count - in_stats
            # A post is judged on its own history only once it has one.
            if n_rest < cfg.shift_min_rest or rest_w <= 1e-9:
                continue
            mean = rest_sum / rest_w
            live = [e for e in recent if e.live and (post_id, e.user_id) not in out.flags]
            # Judged twice: as the trusted average would move (trust weights), and as the
            # ratings themselves would if each counted once (low-trust floods are bursts too).
            weighted = self._shifted(live, mean, rest_w, n_rest, trusted=True)
            raw = self._shifted(live, mean, float(n_rest), n_rest, trusted=False)
            if weighted is None and raw is None:
                continue
            shift = weighted if weighted is not None else raw
            assert shift is not None
            win_w = sum(e.weight for e in live)
            side = 1 if shift > 0 else -1
            chosen = [e for e in live if (e.score - mean) * side >= cfg.shift_deviation]
            if len(chosen) < cfg.shift_min_ratings:
                continue
            # Counted, not weighed: a flood of low-trust accounts stays a burst even when a
            # few trusted raters happen to agree with it.
            established = sum(1 for e in chosen if e.trust >= cfg.established_trust)
            kind = REVIEW_BOMB if established > 0.5 * len(chosen) else BURST
            key = f"{kind}:{post_id}"
            for e in chosen:
                e.change(live=False)
                out.flag((post_id, e.user_id), kind, key)
            window.episode = _Episode(kind, key, side, mean, now + timedelta(seconds=seconds))
            with_all = (rest_sum + sum(e.weight * e.score for e in live)) / (rest_w + win_w)
            users = tuple(e.user_id for e in chosen)
            earlier = out.findings.get(key)
            if earlier is not None:
                users = tuple(dict.fromkeys((*earlier.user_ids, *users)))
            out.findings[key] = Finding(
                kind,
                key,
                (post_id,),
                users,
                {
                    "window_seconds": seconds,
                    "direction": "up" if side > 0 else "down",
                    "average_without": round(mean, 3),
                    "average_with": round(with_all, 3),
                    "shift": round(shift, 3),
                    "trusted_shift": None if weighted is None else round(weighted, 3),
                    "ratings": len(chosen),
                    "from": min(e.rated_at for e in chosen).isoformat(),
                    "to": max(e.rated_at for e in chosen).isoformat(),
                },
            )

    def _calm_windows(self, window: _Window, stats: PostStats, now: datetime) -> set[float]:
        """Returns the windows that certainly show no shift, from the window's block sums.

        The exact check lists a window's ratings and sums them several times, for each of the
        three windows, on every batch that touches the post: on a post with thousands of
        recent ratings that was most of the applier's time. Here each window's parts are
        summed from its blocks' sums (only blocks that straddle a window's start are summed
        rating by rating), so with rounding a little off the exact sums; a window counts as
        calm only when it is calm with a margin far above that rounding, so every other window
        goes through the exact check and the findings are the same as without this pass.
        """
        cfg = self.config
        seconds = cfg.shift_windows_s
        order = sorted(range(len(seconds)), key=lambda k: seconds[k])
        bands = band_sums(window, [now - timedelta(seconds=s) for s in seconds])
        calm: set[float] = set()
        total = [0.0] * 7
        for k in order:
            total = [t + b for t, b in zip(total, bands[k], strict=True)]
            in_w, in_ws, in_n, live_w, live_ws, live_n, live_s = total
            n_rest = stats.count - stats.suspicious_count - int(in_n)  # counts are exact
            if n_rest < cfg.shift_min_rest:
                calm.add(seconds[k])  # too little history: the exact check skips it too
                continue
            # A bound on the rounding of rest_w and rest_sum (sums of at most
            # window_max_entries terms, each off by far less than 1e-12 of the total).
            err = 1e-9 * (abs(stats.trusted_weight) + abs(stats.trusted_sum) + in_w + in_ws + 1)
            rest_w = stats.trusted_weight - in_w
            if rest_w <= 1e-9 + err:
                if rest_w <= 1e-9 - err:
                    calm.add(seconds[k])  # no trusted history: skipped by the exact check too
                continue
            mean = (stats.trusted_sum - in_ws) / rest_w
            mean_err = err * (1 + abs(mean)) / (rest_w - err)
            trusted = mean_err * live_w + 1e-9 * (live_ws + abs(mean) * live_w + 1)
            raw = mean_err * live_n + 1e-9 * (live_s + abs(mean) * live_n + 1)
            if self._under_limit(live_ws - mean * live_w, live_w, rest_w - err, trusted) and (
                self._under_limit(live_s - mean * live_n, live_n, float(n_rest), raw)
            ):
                calm.add(seconds[k])
        return calm

    def _under_limit(self, mass: float, total: float, rest: float, margin: float) -> bool:
        """Tells whether a window's shift is below the limit even allowing for `margin`."""
        if total <= 0.0:
            return True  # _shifted: nothing live
        if rest + total <= 1e-9:
            return False
        return (abs(mass) + margin) / (rest + total * (1 - 1e-9)) < self.config.shift_limit

    def _shifted(
        self, live: list[_Entry], mean: float, rest: float, n_rest: int, *, trusted: bool
    ) -> float | None:
        """Returns the shift the live ratings cause, if past the limit and beyond noise."""
        cfg = self.config
        weights = [e.weight if trusted else 1.0 for e in live]
        total = sum(weights)
        if total <= 1e-9:
            return None
        mass = sum(w * (e.score - mean) for w, e in zip(weights, live, strict=True))
        shift = mass / (rest + total)
        if abs(shift) <= cfg.shift_limit:
            return None
        n_win = total**2 / sum(w * w for w in weights)
        noise = cfg.shift_sigma * (1 / n_win + 1 / n_rest) ** 0.5
        return shift if abs(mass / total) >= cfg.shift_min_z * noise else None

    def find_collusion(self, now: datetime, out: Assessment | None = None) -> Assessment:
        """Peels dense blocks off the recent rater–post graph and flags their ratings."""
        cfg = self.config
        out = out if out is not None else Assessment()
        horizon = now - timedelta(days=cfg.collusion_horizon_days)
        edges: list[tuple[str, tuple[str, int]]] = []
        for user, account in self._accounts.items():
            if account.cluster is not None:
                continue
            far = [(p, d) for p, (d, at) in account.deviant.items() if at >= horizon]
            recent = sum(1 for at in account.rated.values() if at >= horizon)
            # Honest raters are far off now and then; a colluder mostly is.
            if len(far) >= 2 and len(far) >= cfg.collusion_min_share * recent:
                edges.extend((user, column) for column in far)
        blocks = dense_blocks(
            edges,
            min_users=cfg.collusion_min_users,
            min_posts=cfg.collusion_min_posts,
            min_density=cfg.collusion_min_density,
            max_blocks=cfg.collusion_max_blocks,
        )
        for block in blocks:
            self._clusters += 1
            key = f"{COLLUSION}:{now.strftime('%Y%m%d%H%M')}-{self._clusters}"
            for user in block.users:
                self._accounts[user].cluster = key
            for user, (post, _) in block.edges:
                out.flag((post, user), COLLUSION, key)
            out.findings[key] = Finding(
                COLLUSION,
                key,
                tuple(dict.fromkeys(post for post, _ in block.columns)),
                block.users,
                {
                    "edges": len(block.edges),
                    "fill": round(block.fill, 3),
                    "density": round(block.density, 3),
                    "directions": sorted({d for _, d in block.columns}),
                },
            )
        return out

    def forget(self, user_id: str) -> None:
        """Drops what is held about one account (an erased author); the post windows keep
        their entries for at most the longest window, as the post sums keep the ratings."""
        self._accounts.pop(user_id, None)
        self.trust.forget(user_id)

    def prune(self, now: datetime) -> None:
        """Forgets accounts and windows older than memory_days (bounds memory)."""
        horizon = now - timedelta(days=self.config.memory_days)
        for user in [u for u, a in self._accounts.items() if a.last_seen < horizon]:
            del self._accounts[user]
        window_start = now - timedelta(seconds=max(self.config.shift_windows_s))
        for post, window in list(self._windows.items()):
            window.trim(window_start)
            if not window.size:
                del self._windows[post]
        self.trust.prune(now)

    @property
    def tracked(self) -> tuple[int, int]:
        """Returns (post windows, accounts) held in memory."""
        return len(self._windows), len(self._accounts)
