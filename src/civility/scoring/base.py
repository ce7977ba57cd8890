"""The scoring contract: a batch of texts in, six calibrated probabilities per text out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol, runtime_checkable

CATEGORIES: Final[tuple[str, ...]] = (
    "toxicity",
    "severe_toxicity",
    "obscene",
    "threat",
    "insult",
    "identity_attack",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range [start, end) of the original text that drove a category's score."""

    start: int
    end: int
    category: str
    score: float


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """Everything the scorer says about one text."""

    scores: dict[str, float]
    language: str
    spans: tuple[Span, ...] = field(default=())


@runtime_checkable
class Scorer(Protocol):
    """Scores batches of texts; implementations must be thread-safe."""

    name: str
    version: str

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        ...

    def analyze(self, texts: Sequence[str], *, explain: bool = True) -> list[TextAnalysis]:
        """Returns scores, detected language and (if explain) the driving spans per text."""
        ...
