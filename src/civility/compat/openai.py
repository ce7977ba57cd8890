"""OpenAI's moderation result shape from what Civility's model measures: pure mapping.

Only what the model measures is mapped. A category it does not measure scores 0, is never
flagged and has an empty ``category_applied_input_types`` list: the field says which inputs a
category was evaluated on, and that is none. docs/compat.md has the table and every reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

# None: the model does not measure this category for the text's language (support matrix).
Scores = Mapping[str, float | None]

MEASURED: Final[tuple[str, ...]] = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "violence",
)
# Categories the model has no signal for. `sexual` is one: our `obscene` label is vulgarity
# ("you are a stupid idiot" is obscene, not sexual). The self-harm categories are about the
# writer's own self-harm or instructions for it, which nothing in the model measures; a call
# to self-harm aimed at someone ("kill yourself") is harassment/threatening instead.
UNMEASURED: Final[tuple[str, ...]] = (
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/instructions",
    "self-harm/intent",
    "sexual",
    "sexual/minors",
    "violence/graphic",
)
OPENAI_CATEGORIES: Final[tuple[str, ...]] = tuple(sorted((*MEASURED, *UNMEASURED)))
DEFAULT_THRESHOLD: Final[float] = 0.5


@dataclass(frozen=True, slots=True)
class Category:
    """One OpenAI category's score (None: not evaluated) and flag."""

    score: float | None
    flagged: bool


def _flag(scores: Scores, name: str, limits: Mapping[str, float]) -> bool:
    value = scores.get(name)
    return value is not None and value >= limits.get(name, DEFAULT_THRESHOLD)


def _max(*values: float | None) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def _min(*values: float | None) -> float | None:
    return None if any(v is None for v in values) else min(v for v in values if v is not None)


def measured(
    scores: Scores, limits: Mapping[str, float], self_harm_call: float = 0.0
) -> dict[str, Category]:
    """The five categories computed from our scores and per-category thresholds.

    ``self_harm_call``: the threat tier's score for a call to self-harm aimed at someone
    (its ``self_harm`` rules), 0 when none fired.
    """
    harassment = _max(scores.get("insult"), scores.get("toxicity"))
    harassed = _flag(scores, "insult", limits) or _flag(scores, "toxicity", limits)
    threatened = _flag(scores, "threat", limits)
    hated = _flag(scores, "identity_attack", limits)
    threatening = _min(harassment, scores.get("threat"))
    if self_harm_call > 0:
        threatening = max(threatening or 0.0, self_harm_call)
    return {
        "harassment": Category(harassment, harassed),
        # Harassment that is also a threat, or telling someone to kill themselves.
        "harassment/threatening": Category(
            threatening, (harassed and threatened) or self_harm_call > 0
        ),
        "hate": Category(scores.get("identity_attack"), hated),
        "hate/threatening": Category(
            _min(scores.get("identity_attack"), scores.get("threat")), hated and threatened
        ),
        "violence": Category(scores.get("threat"), threatened),
    }


def result(
    scores: Scores,
    thresholds: Mapping[str, float] | None = None,
    *,
    self_harm_call: float = 0.0,
    evaluated: bool = True,
    input_types: Sequence[str] = ("text",),
) -> dict[str, Any]:
    """Builds one `results[]` item.

    ``evaluated`` is False when the input had no text to score (image parts only, none read):
    then no category was applied to anything. ``input_types``: what the scored text came from
    (`text`, `image`: the text read from an image part).
    """
    found = measured(scores, thresholds or {}, self_harm_call) if evaluated else {}
    categories: dict[str, bool] = {}
    category_scores: dict[str, float] = {}
    applied: dict[str, list[str]] = {}
    for name in OPENAI_CATEGORIES:
        one = found.get(name, Category(None, False))
        categories[name] = one.flagged
        # OpenAI's schema has no null: a category not evaluated counts as 0, never flagged.
        category_scores[name] = 0.0 if one.score is None else round(float(one.score), 6)
        applied[name] = [] if one.score is None else list(input_types)
    return {
        "flagged": any(categories.values()),
        "categories": categories,
        "category_scores": category_scores,
        "category_applied_input_types": applied,
    }
