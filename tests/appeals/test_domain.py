"""The pure rules: reporter weight, report text, appeal statements and who decides an appeal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from civility.appeals.models import (
    Appeal,
    AppealKind,
    AppealOutcome,
    AppealStatus,
    check_statement,
    decide,
)
from civility.errors import Conflict, Forbidden, Invalid
from civility.review.seniority import is_senior
from civility.user_reports.models import (
    ReportReason,
    check_report_text,
    parse_reason,
    reporter_weight_milli,
)

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("upheld", "rejected", "milli"),
    [(0, 0, 1000), (0, 1, 667), (0, 3, 400), (0, 10, 167), (3, 3, 625), (5, 0, 1000)],
)
def test_reporter_weight(upheld: int, rejected: int, milli: int) -> None:
    assert reporter_weight_milli(upheld, rejected) == milli


def test_weight_falls_with_each_rejection_and_never_reaches_zero() -> None:
    weights = [reporter_weight_milli(0, n) for n in range(50)]
    assert weights == sorted(weights, reverse=True)
    assert len(set(weights[:20])) == 20
    assert weights[-1] > 0
    with pytest.raises(ValueError, match="negative"):
        reporter_weight_milli(-1, 0)


def test_report_text_rules() -> None:
    assert check_report_text(ReportReason.SPAM, "  ") is None
    assert check_report_text(ReportReason.OTHER, " says my address ") == "says my address"
    with pytest.raises(Invalid) as other:
        check_report_text(ReportReason.OTHER, None)
    assert other.value.code == "text_required"
    with pytest.raises(Invalid) as long:
        check_report_text(ReportReason.HATE, "x" * 2001)
    assert long.value.code == "report_too_long"
    with pytest.raises(Invalid) as unknown:
        parse_reason("rude")
    assert unknown.value.code == "invalid_reason"


def appeal(original_actor: str = "dashboard:ana") -> Appeal:
    return Appeal(
        id="apl_1",
        kind=AppealKind.DECISION,
        subject_key="decision:msg_1",
        author_id="u-1",
        channel_id="general",
        message_id="msg_1",
        statement="it was a quote",
        original_action="hide",
        original_actor=original_actor,
        created_at=NOW,
    )


def test_another_moderator_decides() -> None:
    after = decide(appeal(), "dashboard:ben", AppealOutcome.UPHOLD, NOW, senior=False, note=" ok ")
    assert (after.status, after.decided_by, after.decision_note) == (
        AppealStatus.UPHELD,
        "dashboard:ben",
        "ok",
    )
    assert after.version == 2
    with pytest.raises(Conflict) as twice:
        decide(after, "dashboard:cy", AppealOutcome.DENY, NOW, senior=True)
    assert twice.value.code == "appeal_decided"


def test_the_original_decider_only_when_senior() -> None:
    with pytest.raises(Forbidden) as own:
        decide(appeal(), "dashboard:ana", AppealOutcome.DENY, NOW, senior=False)
    assert own.value.code == "own_decision"
    denied = decide(appeal(), "dashboard:ana", AppealOutcome.DENY, NOW, senior=True)
    assert denied.status is AppealStatus.DENIED


def test_statement_rules() -> None:
    assert check_statement("  sorry  ") == "sorry"
    for text, code in (("  ", "empty_statement"), ("x" * 5001, "statement_too_long")):
        with pytest.raises(Invalid) as bad:
            check_statement(text)
        assert bad.value.code == code


@pytest.mark.parametrize(
    ("role", "setting", "senior"),
    [
        ("admin", "admin", True),
        ("moderator", "admin", False),
        ("viewer", "admin", False),
        ("service", "admin", False),
        ("admin", "moderator", True),
        ("moderator", "moderator", True),
        ("viewer", "moderator", False),
    ],
)
def test_seniority(role: str, setting: str, senior: bool) -> None:
    assert is_senior(role, setting) is senior


def test_unknown_senior_role_is_refused() -> None:
    with pytest.raises(ValueError, match="senior role"):
        is_senior("admin", "viewer")
