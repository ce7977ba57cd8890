"""The service scores a batch once and asks for spans only where its policy may flag."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pytest

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.moderation.models import IncomingMessage
from civility.scoring.base import Explain, TextAnalysis, explain_when
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings


class RecordingScorer(LexiconBaselineScorer):
    """The lexicon scorer, remembering each analyze call's per-text explain answers."""

    def __init__(self) -> None:
        self.calls: list[list[bool]] = []

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Analyzes as the lexicon does and records which texts were explained."""
        want = explain_when(explain)
        asked: list[bool] = []

        def record(i: int, scores: Mapping[str, float]) -> bool:
            asked.append(want(i, scores))
            return asked[-1]

        out = super().analyze(texts, explain=record)
        self.calls.append(asked)
        return out


@pytest.fixture
def scorer() -> RecordingScorer:
    return RecordingScorer()


@pytest.fixture
def recording(
    settings: Settings, clock: ManualClock, scorer: RecordingScorer
) -> Iterator[Container]:
    c = build_container(settings, clock=clock, scorer=scorer)
    yield c
    c.close()


def test_one_analyze_call_with_spans_only_for_flaggable_texts(
    recording: Container, scorer: RecordingScorer
) -> None:
    texts = ["you are a stupid idiot", "hello there", "have a nice day", "shut up you moron"]
    batch = [IncomingMessage(f"m{i}", f"u{i}", "general", t) for i, t in enumerate(texts)]
    views = recording.moderation.moderate(batch)
    assert scorer.calls == [[True, False, False, True]]
    expected = [{"stupid", "idiot"}, set(), set(), {"shut up", "moron"}]
    for view, text, words in zip(views, texts, expected, strict=True):
        assert view.decision is not None
        assert {text[a:b] for r in view.decision.reasons for a, b in r.spans} == words


def test_worker_path_scores_once(recording: Container, scorer: RecordingScorer) -> None:
    batch = [IncomingMessage(f"m{i}", "u1", "general", t) for i, t in enumerate(["idiot", "hi"])]
    _, new = recording.moderation.accept(batch)
    assert recording.moderation.process([m.id for m in new]) == 2
    assert scorer.calls == [[True, False]]
