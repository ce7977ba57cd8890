"""The scoring contract: a batch of texts in, six calibrated probabilities per text out."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol, TypeAlias, runtime_checkable

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
    # Categories whose score is not measured to be meaningful for ``language`` (the model's
    # support matrix): published as null, never acted on by a policy.
    unsupported: tuple[str, ...] = field(default=())

    def acted_on(self) -> dict[str, float]:
        """The scores a policy may act on (the supported ones)."""
        return {c: v for c, v in self.scores.items() if c not in self.unsupported}


# Whether to compute spans: for every text, for none, or per text from its index and final scores.
ExplainWhen: TypeAlias = Callable[[int, Mapping[str, float]], bool]
Explain: TypeAlias = bool | ExplainWhen


def explain_when(explain: Explain) -> ExplainWhen:
    """Returns ``explain`` as a per-text predicate (a bool becomes a constant one)."""
    if isinstance(explain, bool):
        return (lambda _i, _s: True) if explain else (lambda _i, _s: False)
    return explain


@runtime_checkable
class Scorer(Protocol):
    """Scores batches of texts; implementations must be thread-safe."""

    name: str
    version: str

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        ...

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Returns scores, language and (where ``explain`` says) the driving spans per text."""
        ...
