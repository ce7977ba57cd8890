"""Table-driven tests of the decision step."""

from __future__ import annotations

import pytest

from civility.errors import Invalid
from civility.policy import BANNED_CODE, Policy, decide
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.scoring.base import CATEGORIES, Span

POLICY = Policy.default()


def _scores(**overrides: float) -> dict[str, float]:
    base = dict.fromkeys(CATEGORIES, 0.01)
    base.update(overrides)
    return base


def _rule(action: Action, code: str = "blocklist") -> Reason:
    return Reason(code, code, ReasonSource.BLOCKLIST, action)


@pytest.mark.parametrize(
    ("scores", "action", "severity", "codes"),
    [
        (_scores(), Action.ALLOW, Severity.NONE, []),
        (_scores(toxicity=0.40), Action.ALLOW, Severity.NONE, []),
        (_scores(toxicity=0.41), Action.FLAG, Severity.LOW, ["toxicity"]),
        (_scores(toxicity=0.70), Action.FLAG, Severity.LOW, ["toxicity"]),
        (_scores(toxicity=0.71), Action.HIDE, Severity.MEDIUM, ["toxicity"]),
        (_scores(toxicity=0.99), Action.HIDE, Severity.HIGH, ["toxicity"]),
        (_scores(threat=0.31), Action.FLAG, Severity.HIGH, ["threat"]),
        (_scores(identity_attack=0.6), Action.HIDE, Severity.HIGH, ["identity_attack"]),
        (_scores(threat=0.81), Action.BLOCK, Severity.HIGH, ["threat"]),
        (_scores(severe_toxicity=0.31), Action.FLAG, Severity.MEDIUM, ["severe_toxicity"]),
        (_scores(insult=0.6, toxicity=0.75), Action.HIDE, Severity.MEDIUM, ["toxicity", "insult"]),
        (_scores(obscene=0.55), Action.FLAG, Severity.LOW, ["obscene"]),
        (_scores(obscene=1.0), Action.HIDE, Severity.HIGH, ["obscene"]),
    ],
)
def test_model_scores_map_to_action_and_severity(
    scores: dict[str, float], action: Action, severity: Severity, codes: list[str]
) -> None:
    verdict = decide(POLICY, scores, [], banned=False)
    assert (verdict.action, verdict.severity) == (action, severity)
    assert sorted(r.code for r in verdict.reasons) == sorted(codes)
    assert all(r.source is ReasonSource.MODEL for r in verdict.reasons)
    assert verdict.policy_version == POLICY.version


@pytest.mark.parametrize(
    ("scores", "rules", "action", "first_code"),
    [
        (None, [], Action.ALLOW, None),
        (None, [_rule(Action.FLAG)], Action.FLAG, "blocklist"),
        (None, [_rule(Action.BLOCK)], Action.BLOCK, "blocklist"),
        (_scores(toxicity=0.8), [_rule(Action.FLAG, "caps")], Action.HIDE, "toxicity"),
        (_scores(toxicity=0.5), [_rule(Action.BLOCK)], Action.BLOCK, "blocklist"),
        (_scores(), [_rule(Action.ALLOW)], Action.ALLOW, None),
    ],
)
def test_harshest_reason_wins(
    scores: dict[str, float] | None, rules: list[Reason], action: Action, first_code: str | None
) -> None:
    verdict = decide(POLICY, scores, rules, banned=False)
    assert verdict.action is action
    assert (verdict.reasons[0].code if verdict.reasons else None) == first_code


def test_ban_blocks_before_anything_else() -> None:
    verdict = decide(POLICY, _scores(threat=0.99), [_rule(Action.FLAG)], banned=True)
    assert verdict.action is Action.BLOCK
    assert verdict.severity is Severity.NONE
    assert [r.code for r in verdict.reasons] == [BANNED_CODE]
    assert verdict.reasons[0].source is ReasonSource.BAN


def test_rule_reason_severity_follows_its_action() -> None:
    verdict = decide(POLICY, None, [_rule(Action.FLAG), _rule(Action.HIDE, "flood")], False)
    assert (verdict.action, verdict.severity) == (Action.HIDE, Severity.MEDIUM)
    assert [r.code for r in verdict.reasons] == ["flood", "blocklist"]


def test_spans_are_attached_to_their_category() -> None:
    spans = [Span(5, 9, "insult", 0.9), Span(0, 3, "insult", 0.8), Span(1, 2, "threat", 0.1)]
    verdict = decide(POLICY, _scores(insult=0.9), [], False, spans=spans)
    (reason,) = verdict.reasons
    assert reason.spans == ((0, 3), (5, 9))
    assert reason.score == pytest.approx(0.9)


def test_version_is_recorded() -> None:
    verdict = decide(POLICY.with_version(7), _scores(), [], False)
    assert verdict.policy_version == 7


def test_channel_thresholds_change_the_outcome() -> None:
    strict = Policy.from_dict({"categories": {"toxicity": {"flag": 0.1, "hide": 0.2}}})
    assert decide(strict, _scores(toxicity=0.3), [], False).action is Action.HIDE
    assert decide(POLICY, _scores(toxicity=0.3), [], False).action is Action.ALLOW


@pytest.mark.parametrize("bad", [float("nan"), -0.1, 1.5])
def test_impossible_scores_are_rejected(bad: float) -> None:
    with pytest.raises(Invalid):
        decide(POLICY, _scores(toxicity=bad), [], False)


def test_unknown_score_keys_are_ignored() -> None:
    assert decide(POLICY, {"spam": 0.99}, [], False).action is Action.ALLOW
