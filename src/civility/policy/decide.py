"""The decision step: model scores + rule/check reasons + ban state -> one Verdict."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from civility.errors import Invalid
from civility.policy.model import Policy
from civility.policy.verdict import Action, Reason, ReasonSource, Severity, Verdict
from civility.scoring.base import CATEGORIES, Span

BANNED_CODE = "banned"

# Rule and check reasons carry no severity, so it follows from the action they ask for.
_SEVERITY_OF_ACTION = {
    Action.ALLOW: Severity.NONE,
    Action.FLAG: Severity.LOW,
    Action.HIDE: Severity.MEDIUM,
    Action.BLOCK: Severity.HIGH,
}


def decide(
    policy: Policy,
    scores: Mapping[str, float] | None,
    rule_reasons: Sequence[Reason],
    banned: bool,
    *,
    spans: Iterable[Span] = (),
    ban_message: str = "author is banned",
) -> Verdict:
    """Combines ban state, rule/check reasons and model scores; the harshest action wins."""
    if banned:
        # Severity NONE: a banned author's message is not a fresh violation (no extra strike).
        reason = Reason(BANNED_CODE, ban_message, ReasonSource.BAN, Action.BLOCK)
        return Verdict(Action.BLOCK, Severity.NONE, (reason,), policy.version)
    graded = [(r, severity_of(r)) for r in rule_reasons if r.action is not Action.ALLOW]
    if scores is not None:
        graded.extend(model_reasons(policy, scores, spans))
    # Stable sort keeps the caller's order among equally harsh reasons.
    graded.sort(key=lambda pair: (pair[0].action.rank, pair[1].rank), reverse=True)
    if not graded:
        return Verdict(Action.ALLOW, Severity.NONE, (), policy.version)
    action = harshest_action(r for r, _ in graded)
    severity = max((s for _, s in graded), key=lambda s: s.rank)
    return Verdict(action, severity, tuple(r for r, _ in graded), policy.version)


def harshest_action(reasons: Iterable[Reason]) -> Action:
    """Returns the action of the harshest reason (allow when there is none): it wins."""
    return max((r.action for r in reasons), key=lambda a: a.rank, default=Action.ALLOW)


def model_reasons(
    policy: Policy, scores: Mapping[str, float], spans: Iterable[Span] = ()
) -> list[tuple[Reason, Severity]]:
    """Returns one (reason, severity) per category whose score crosses one of its thresholds."""
    by_category: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        by_category.setdefault(span.category, []).append((span.start, span.end))
    out: list[tuple[Reason, Severity]] = []
    for category in CATEGORIES:
        if category not in scores:
            continue
        score = _checked_score(category, scores[category])
        rule = policy.rule(category)
        action = rule.action_for(score)
        if action is Action.ALLOW:
            continue
        severity = max(rule.min_severity, policy.severity.grade(score), key=lambda s: s.rank)
        label = category.replace("_", " ")
        message = f"{label} score {score:.2f} is above the {action.value} threshold"
        reason = Reason(
            code=category,
            message=message,
            source=ReasonSource.MODEL,
            action=action,
            category=category,
            score=score,
            spans=tuple(sorted(by_category.get(category, ()))),
        )
        out.append((reason, severity))
    return out


def _checked_score(category: str, value: float) -> float:
    """Rejects scores a calibrated scorer cannot produce rather than deciding on garbage."""
    if not isinstance(value, int | float) or math.isnan(value) or not 0.0 <= value <= 1.0:
        raise Invalid(
            f"score of {category} must be a probability, got {value!r}", code="invalid_score"
        )
    return float(value)


def severity_of(reason: Reason) -> Severity:
    """Returns the severity a non-model reason implies (used when re-grading stored reasons)."""
    if reason.source is ReasonSource.BAN:
        return Severity.NONE
    return _SEVERITY_OF_ACTION[reason.action]
