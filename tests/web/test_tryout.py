"""'Test this text' runs the real pipeline: it cannot disagree with a real decision."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.unit.moderation.test_pipeline_table import (
    BLOCKING_CAPS,
    CLEAN,
    _decide,
    _engine,
    _message,
)

from civility.clock import ManualClock
from civility.policy.verdict import Action
from civility.scoring.base import TextAnalysis
from civility.web.tryout import try_text

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


class _Clean:
    name, version = "clean", "1"

    def analyze(self, texts: object, *, explain: object = True) -> list[TextAnalysis]:
        return [TextAnalysis(CLEAN, "en") for _ in texts]  # type: ignore[attr-defined]


def test_the_trial_and_a_real_decision_agree_on_checks() -> None:
    text = "THIS IS REALLY GREAT NEWS FOR ALL"
    loader = _engine(policy=BLOCKING_CAPS)
    [real], _ = _decide(loader, [_message(text)])
    trial = try_text(text, "c1", _Clean(), loader, ManualClock(NOW))  # type: ignore[arg-type]
    assert real.verdict.action is Action.BLOCK
    assert trial.verdict == real.verdict
    assert trial.analysis.scores == CLEAN  # shown even though the rules alone decided
