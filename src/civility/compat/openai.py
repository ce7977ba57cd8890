"""OpenAI's moderation result shape, computed from Civility's six categories: pure mapping."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

Scores = Mapping[str, float]

# How each OpenAI category is derived from ours; docs/compat.md explains every choice.
MAPPED: Final[dict[str, Callable[[Scores], float]]] = {
    "harassment": lambda s: max(s["insult"], s["toxicity"]),
    "harassment/threatening": lambda s: min(max(s["insult"], s["toxicity"]), s["threat"]),
    "hate": lambda s: s["identity_attack"],
    "hate/threatening": lambda s: min(s["identity_attack"], s["threat"]),
    "violence": lambda s: s["threat"],
    "sexual": lambda s: s["obscene"],
}
# OpenAI categories our model has no signal for: always 0 and never flagged.
UNMAPPED: Final[tuple[str, ...]] = (
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/instructions",
    "self-harm/intent",
    "sexual/minors",
    "violence/graphic",
)
OPENAI_CATEGORIES: Final[tuple[str, ...]] = (*MAPPED, *UNMAPPED)
DEFAULT_THRESHOLD: Final[float] = 0.5
# Which of our thresholds decides each mapped category's flag.
_SOURCE: Final[dict[str, tuple[str, ...]]] = {
    "harassment": ("insult", "toxicity"),
    "harassment/threatening": ("threat",),
    "hate": ("identity_attack",),
    "hate/threatening": ("identity_attack", "threat"),
    "violence": ("threat",),
    "sexual": ("obscene",),
}


def result(scores: Scores, thresholds: Mapping[str, float] | None = None) -> dict[str, Any]:
    """Builds one `results[]` item from our category scores and per-category thresholds."""
    limits = thresholds or {}
    category_scores: dict[str, float] = {}
    categories: dict[str, bool] = {}
    for name in OPENAI_CATEGORIES:
        value = round(float(MAPPED[name](scores)), 6) if name in MAPPED else 0.0
        category_scores[name] = value
        limit = min(limits.get(c, DEFAULT_THRESHOLD) for c in _SOURCE.get(name, ("",)))
        categories[name] = name in MAPPED and value >= limit
    return {
        "flagged": any(categories.values()),
        "categories": categories,
        "category_scores": category_scores,
        "category_applied_input_types": {name: ["text"] for name in OPENAI_CATEGORIES},
    }
