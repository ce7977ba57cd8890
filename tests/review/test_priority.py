"""The queue's priority rules: what an item is about first, then reports, then waiting time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.review import priority
from civility.review.priority import GroupBy, ItemGroup

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def model(category: str, score: float) -> Reason:
    return Reason(category, "above", ReasonSource.MODEL, Action.FLAG, category, score)


def rule(source: ReasonSource, code: str = "rule") -> Reason:
    return Reason(code, "matched", source, Action.BLOCK)


def test_a_threat_at_046_outranks_spam_at_061() -> None:
    threat = priority.base_points([model("threat", 0.46)], Severity.MEDIUM)
    spam = priority.base_points([model("toxicity", 0.61), model("obscene", 0.5)], Severity.MEDIUM)
    assert threat > spam


@pytest.mark.parametrize(
    ("reasons", "severity", "points"),
    [
        ([model("threat", 0.4)], Severity.NONE, 60),
        ([model("identity_attack", 0.9), model("insult", 0.9)], Severity.HIGH, 55 + 30),
        ([model("insult", 0.9), model("threat", 0.1)], Severity.LOW, 60 + 5),
        ([rule(ReasonSource.BLOCKLIST, "blocklist")], Severity.HIGH, 35 + 30),
        ([rule(ReasonSource.BAN, "banned")], Severity.NONE, 20),
        ([rule(ReasonSource.CHECK, "caps")], Severity.LOW, 10 + 5),
        ([], Severity.NONE, 0),
    ],
)
def test_points_table(reasons: list[Reason], severity: Severity, points: int) -> None:
    assert priority.base_points(reasons, severity) == points


def test_blocklist_and_ban_blocks_do_not_sink_below_scored_noise() -> None:
    blocklist = priority.base_points([rule(ReasonSource.BLOCKLIST)], Severity.HIGH)
    ban = priority.base_points([rule(ReasonSource.BAN, "banned")], Severity.NONE)
    obscene = priority.base_points([model("obscene", 0.7)], Severity.NONE)
    assert blocklist > obscene
    assert ban > obscene


@pytest.mark.parametrize(
    ("weight", "points"), [(0.0, 0), (-1.0, 0), (0.5, 5), (1.0, 10), (2.35, 23), (100.0, 40)]
)
def test_reports_add_capped_points(weight: float, points: int) -> None:
    assert priority.report_points(weight) == points
    assert priority.base_points([], Severity.NONE, weight) == points


def test_waiting_adds_a_point_every_half_hour_and_the_sort_key_agrees() -> None:
    insult = priority.base_points([model("insult", 0.9)], Severity.MEDIUM)  # 40
    threat = priority.base_points([model("threat", 0.5)], Severity.MEDIUM)  # 75
    old_insult = NOW - timedelta(hours=18)  # + 36 points
    fresh_threat = NOW - timedelta(minutes=5)
    assert priority.priority(insult, old_insult, NOW) == pytest.approx(76.0)
    assert priority.priority(insult, old_insult, NOW) > priority.priority(threat, fresh_threat, NOW)
    assert priority.sort_key(insult, old_insult) > priority.sort_key(threat, fresh_threat)
    # Seventeen hours would not have been enough.
    assert priority.sort_key(insult, NOW - timedelta(hours=17)) < priority.sort_key(
        threat, fresh_threat
    )


def test_sort_key_order_does_not_depend_on_the_clock() -> None:
    items = [(60, NOW - timedelta(minutes=m)) for m in (0, 10, 400)] + [
        (25, NOW - timedelta(hours=h)) for h in (1, 20, 40)
    ]
    for later in (NOW, NOW + timedelta(days=3)):
        by_priority = sorted(items, key=lambda p: -priority.priority(p[0], p[1], later))
        by_key = sorted(items, key=lambda p: -priority.sort_key(*p))
        assert by_priority == by_key


def test_epoch_seconds_are_floored() -> None:
    at = datetime(2026, 1, 1, 0, 0, 0, 999_999, tzinfo=UTC)
    assert priority.epoch_seconds(at) == int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    ("reasons", "severity", "target"),
    [
        ([model("threat", 0.5)], Severity.LOW, timedelta(hours=1)),
        ([model("identity_attack", 0.5)], Severity.MEDIUM, timedelta(hours=1)),
        ([model("severe_toxicity", 0.5)], Severity.MEDIUM, timedelta(hours=4)),
        ([model("insult", 0.5)], Severity.HIGH, timedelta(hours=4)),
        ([rule(ReasonSource.BLOCKLIST)], Severity.MEDIUM, timedelta(hours=4)),
        ([model("insult", 0.5)], Severity.MEDIUM, timedelta(hours=24)),
    ],
)
def test_service_level_targets(
    reasons: list[Reason], severity: Severity, target: timedelta
) -> None:
    assert priority.sla(reasons, severity) == target


def test_deadline_levels() -> None:
    threat = [model("threat", 0.5)]
    assert priority.deadline(threat, Severity.LOW, NOW, NOW).level == "ok"
    soon = priority.deadline(threat, Severity.LOW, NOW - timedelta(minutes=50), NOW)
    assert soon.level == "soon"
    assert soon.left == timedelta(minutes=10)
    late = priority.deadline(threat, Severity.LOW, NOW - timedelta(hours=3), NOW)
    assert late.overdue
    assert late.level == "overdue"
    assert late.left == timedelta(hours=-2)


def test_ban_blocks_are_items_with_only_the_ban_reason() -> None:
    assert priority.is_ban_block([rule(ReasonSource.BAN, "banned")])
    assert not priority.is_ban_block([rule(ReasonSource.BAN), model("threat", 0.9)])
    assert not priority.is_ban_block([])


def test_fold_keeps_groups_of_two_or_more_most_urgent_first() -> None:
    def group(key: str, count: int, top: int) -> ItemGroup:
        return ItemGroup(GroupBy.AUTHOR, key, count, top, NOW, f"msg-{key}")

    groups = [group("alone", 1, 999), group("b", 3, 10), group("a", 2, 10), group("c", 8, 50)]
    assert [g.key for g in priority.fold(groups)] == ["c", "a", "b"]


def test_group_priority_is_its_top_items() -> None:
    decided = NOW - timedelta(hours=2)
    g = ItemGroup(GroupBy.TEXT, "buy now", 8, priority.sort_key(25, decided), decided, "m1")
    assert g.top_priority(NOW) == pytest.approx(priority.priority(25, decided, NOW))
