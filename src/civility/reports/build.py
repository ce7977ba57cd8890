"""Turns a period's facts into the report's tables and trends (pure: no I/O, no clock)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from civility.reports.models import (
    Cell,
    Column,
    Kind,
    Report,
    ReportFacts,
    ReportQuery,
    ReviewFact,
    Table,
    Trend,
)

ACTIONS = ("allow", "flag", "hide", "block")
REVIEWED = ("flag", "hide", "block")
# Verdicts that keep the automated decision's judgement (the message was a problem).
UPHELD = ("hide", "remove")
TOP = 20
MODERATOR_EVENTS = {
    "review.claimed": "claims",
    "review.resolved": "verdicts",
    "review.escalated": "escalations",
    "review.note_added": "notes",
    "user.note_added": "notes",
    "user.banned": "bans",
    "user.unbanned": "unbans",
    "user.strikes_reset": "strike resets",
}
MODERATOR_COLUMNS = (
    "claims",
    "verdicts",
    "escalations",
    "notes",
    "bans",
    "unbans",
    "strike resets",
)
ENFORCEMENT_LABELS = {
    "strike_added": "strikes added",
    "warning_issued": "warnings issued",
    "ban_issued": "bans issued",
    "ban_lifted": "bans lifted",
    "strikes_reset": "strike resets",
}


def percentile(values: Sequence[float], q: float) -> float | None:
    """Returns the q-quantile (0..1) by linear interpolation between ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def bucket_start(when: datetime, hourly: bool) -> datetime:
    """Returns the start of the UTC hour or day `when` falls in."""
    start = when.replace(minute=0, second=0, microsecond=0)
    return start if hourly else start.replace(hour=0)


def buckets(query: ReportQuery) -> list[datetime]:
    """Returns every bucket start of the period, empty ones included."""
    step = timedelta(hours=1) if query.hourly else timedelta(days=1)
    out, at = [], bucket_start(query.since, query.hourly)
    while at < query.until:
        out.append(at)
        at += step
    return out


def build_report(facts: ReportFacts, query: ReportQuery, generated_at: datetime) -> Report:
    """Builds every table and trend of the report from the facts."""
    starts = buckets(query)
    grouped = _by_action(facts.decisions)
    counts = [grouped.get(at, Counter()) for at in starts]
    over_time = _over_time(counts, starts)
    reviews = [r for r in facts.reviews if r.action in REVIEWED]
    tables = (
        _summary(facts, reviews),
        over_time,
        _channels(facts),
        *_reasons(facts),
        _enforcement(facts),
        _queue(reviews),
        _moderators(facts),
        _reversals(reviews),
    )
    trends = (
        Trend(
            key="decisions",
            title="Decisions per " + ("hour" if query.hourly else "day"),
            buckets=tuple(starts),
            series={a: tuple(float(by_action[a]) for by_action in counts) for a in ACTIONS},
        ),
        _queue_trend(reviews, starts, query.hourly),
    )
    return Report(query=query, generated_at=generated_at, tables=tables, trends=trends)


def _by_action(rows: Sequence[tuple[object, str, int]]) -> dict[object, Counter[str]]:
    grouped: dict[object, Counter[str]] = defaultdict(Counter)
    for key, action, n in rows:
        grouped[key][action] += n
    return grouped


def _action_columns(first: Column) -> tuple[Column, ...]:
    return (first, *(Column(a, Kind.INT) for a in ACTIONS), Column("total", Kind.INT))


def _over_time(counts: list[Counter[str]], starts: list[datetime]) -> Table:
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (at, *(c[a] for a in ACTIONS), sum(c.values()))
        for at, c in zip(starts, counts, strict=True)
    )
    return Table(
        "decisions_over_time",
        "Decisions over time",
        _action_columns(Column("from", Kind.TIME)),
        rows,
        note="Each row counts the decisions taken from its start to the next row's.",
    )


def _channels(facts: ReportFacts) -> Table:
    grouped = _by_action(facts.channels)

    def harsh(item: tuple[object, Counter[str]]) -> tuple[int, int, str]:
        c = item[1]
        return (-(c["flag"] + c["hide"] + c["block"]), -sum(c.values()), str(item[0]))

    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (str(ch), *(c[a] for a in ACTIONS), sum(c.values()))
        for ch, c in sorted(grouped.items(), key=harsh)
    )
    return Table(
        "channels",
        "Decisions by channel",
        _action_columns(Column("channel")),
        rows,
        note="Channels with the most flagged, hidden and blocked messages first.",
    )


def _reasons(facts: ReportFacts) -> tuple[Table, Table]:
    categories: dict[str, Counter[str]] = defaultdict(Counter)
    rules: Counter[tuple[str, str]] = Counter()
    for action, reasons in facts.reasons:
        # A decision counts once per category and once per rule, however many spans it had.
        seen_categories = {r.get("category") for r in reasons if r.get("source") == "model"}
        for category in seen_categories:
            if category:
                categories[category][action] += 1
        for code, source in {(r.get("code"), r.get("source")) for r in reasons}:
            if source != "model" and code:
                rules[(str(code), str(source))] += 1
    top_categories = sorted(categories.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    category_table = Table(
        "categories",
        "Top categories",
        (Column("category"), *(Column(a, Kind.INT) for a in REVIEWED), Column("total", Kind.INT)),
        tuple(
            (name, *(c[a] for a in REVIEWED), sum(c.values())) for name, c in top_categories[:TOP]
        ),
        note="Decisions other than allow whose model reasons name the category.",
    )
    rule_table = Table(
        "rules",
        "Top rules",
        (Column("rule"), Column("source"), Column("decisions", Kind.INT)),
        tuple(
            (code, source, n)
            for (code, source), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        ),
        note="Blocklist entries and checks (flood, rate, links, bans) behind decisions.",
    )
    return category_table, rule_table


def _enforcement(facts: ReportFacts) -> Table:
    counts = Counter(dict(facts.enforcement))
    rows = tuple((label, counts[kind]) for kind, label in ENFORCEMENT_LABELS.items())
    return Table(
        "enforcement",
        "Strikes and bans",
        (Column("what"), Column("count", Kind.INT)),
        rows,
        note="Automated and moderators' records together. Civility has no appeals yet.",
    )


def _seconds(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else max((end - start).total_seconds(), 0.0)


def _queue_row(label: str, items: Sequence[ReviewFact]) -> tuple[Cell, ...]:
    first = [s for r in items if (s := _seconds(r.decided_at, r.first_action_at)) is not None]
    done = [s for r in items if (s := _seconds(r.decided_at, r.resolved_at)) is not None]
    return (
        label,
        len(items),
        len(first),
        len(done),
        len(items) - len(done),
        percentile(first, 0.5),
        percentile(first, 0.9),
        percentile(done, 0.5),
        percentile(done, 0.9),
    )


def _queue(reviews: Sequence[ReviewFact]) -> Table:
    flagged = [r for r in reviews if r.action == "flag"]
    automated = [r for r in reviews if r.action != "flag"]
    return Table(
        "review_queue",
        "Review queue",
        (
            Column("items"),
            Column("entered", Kind.INT),
            Column("acted on", Kind.INT),
            Column("resolved", Kind.INT),
            Column("open", Kind.INT),
            Column("first action, median", Kind.SECONDS),
            Column("first action, p90", Kind.SECONDS),
            Column("resolve, median", Kind.SECONDS),
            Column("resolve, p90", Kind.SECONDS),
        ),
        (
            _queue_row("flagged", flagged),
            _queue_row("automated hides and blocks", automated),
            _queue_row("all", reviews),
        ),
        note="Items that entered in the period; times run from the automated decision to the "
        "first claim, note, escalation or verdict, and to the verdict. Open: no verdict yet.",
    )


def _queue_trend(reviews: Sequence[ReviewFact], starts: list[datetime], hourly: bool) -> Trend:
    entered: Counter[datetime] = Counter(bucket_start(r.decided_at, hourly) for r in reviews)
    resolved: Counter[datetime] = Counter(
        bucket_start(r.resolved_at, hourly) for r in reviews if r.resolved_at is not None
    )
    return Trend(
        key="review_queue",
        title="Review queue: items entered and resolved",
        buckets=tuple(starts),
        series={
            "entered": tuple(float(entered[s]) for s in starts),
            "resolved": tuple(float(resolved[s]) for s in starts),
        },
    )


def _moderators(facts: ReportFacts) -> Table:
    grouped: dict[str, Counter[str]] = defaultdict(Counter)
    for actor, type_, n in facts.moderators:
        column = MODERATOR_EVENTS.get(type_)
        if column is not None:
            grouped[actor][column] += n
    ordered = sorted(
        grouped.items(), key=lambda kv: (-kv[1]["verdicts"], -sum(kv[1].values()), kv[0])
    )
    return Table(
        "moderators",
        "Moderator activity",
        (Column("moderator"), *(Column(c, Kind.INT) for c in MODERATOR_COLUMNS)),
        tuple((actor, *(c[col] for col in MODERATOR_COLUMNS)) for actor, c in ordered),
    )


def _reversal_row(label: str, items: Sequence[ReviewFact]) -> tuple[Cell, ...]:
    judged = [r for r in items if r.resolution is not None]
    upheld = sum(1 for r in judged if r.resolution in UPHELD)
    reversed_ = len(judged) - upheld
    precision = upheld / len(judged) if judged else None
    return (label, len(items), len(judged), upheld, reversed_, precision)


def _reversals(reviews: Sequence[ReviewFact]) -> Table:
    rows = [_reversal_row(a, [r for r in reviews if r.action == a]) for a in REVIEWED]
    rows.append(_reversal_row("all", reviews))
    return Table(
        "reversals",
        "Automated decisions reversed",
        (
            Column("automated action"),
            Column("decisions", Kind.INT),
            Column("reviewed", Kind.INT),
            Column("upheld", Kind.INT),
            Column("reversed", Kind.INT),
            Column("precision", Kind.RATIO),
        ),
        tuple(rows),
        note="Precision as moderators saw it: upheld / reviewed, where a hide or remove verdict "
        "upholds the automated decision and approve reverses it.",
    )


def _summary(facts: ReportFacts, reviews: Sequence[ReviewFact]) -> Table:
    actions: Counter[str] = Counter()
    for _, action, n in facts.decisions:
        actions[action] += n
    queue = _queue_row("", reviews)
    precision = _reversal_row("", reviews)[5]
    enforcement = Counter(dict(facts.enforcement))
    rows: list[tuple[Cell, ...]] = [
        ("messages moderated", sum(actions.values()), None, None),
        *((f"decisions: {a}", actions[a], None, None) for a in ACTIONS),
        ("review items entered", queue[1], None, None),
        ("review items resolved", queue[3], None, None),
        ("strikes added", enforcement["strike_added"], None, None),
        ("bans issued", enforcement["ban_issued"], None, None),
        ("time to first action, median", None, queue[5], None),
        ("time to resolve, median", None, queue[7], None),
        ("precision of automated decisions", None, None, precision),
    ]
    return Table(
        "summary",
        "Summary",
        (
            Column("measure"),
            Column("count", Kind.INT),
            Column("time", Kind.SECONDS),
            Column("share", Kind.RATIO),
        ),
        tuple(rows),
    )
