"""Perspective API (commentanalyzer v1alpha1) on top of Civility's scores: pure mapping code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from civility.errors import Invalid
from civility.scoring.base import TextAnalysis

# Perspective attribute -> Civility category. `_EXPERIMENTAL` names of the same attributes are
# accepted too, because older integrations still request them.
ATTRIBUTES: Final[dict[str, str]] = {
    "TOXICITY": "toxicity",
    "SEVERE_TOXICITY": "severe_toxicity",
    "IDENTITY_ATTACK": "identity_attack",
    "INSULT": "insult",
    "PROFANITY": "obscene",
    "THREAT": "threat",
}
KNOWN_UNSUPPORTED: Final[frozenset[str]] = frozenset(
    {"SEXUALLY_EXPLICIT", "FLIRTATION", "SPAM", "INCOHERENT", "INFLAMMATORY", "OBSCENE",
     "UNSUBSTANTIAL", "ATTACK_ON_AUTHOR", "ATTACK_ON_COMMENTER", "LIKELY_TO_REJECT"}
)  # fmt: skip
# Languages the built-in model was trained on (its language identifier answers only these).
LANGUAGES: Final[frozenset[str]] = frozenset(
    {"en", "es", "it", "tr", "ru", "de", "fr", "pt", "nl", "pl", "uk", "sv", "cs", "ro",
     "ar", "fa", "hi", "id", "zh", "ja", "ko", "el", "he"}
)  # fmt: skip
SCORE_TYPES: Final[frozenset[str]] = frozenset({"PROBABILITY"})
# Perspective's errorType for a language an attribute is not available in.
LANGUAGE_NOT_SUPPORTED: Final[str] = "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
UNDETERMINED: Final[str] = "und"


@dataclass(frozen=True, slots=True)
class Requested:
    """One requested attribute: its Perspective name, our category and its options."""

    name: str
    category: str
    threshold: float | None


def category_of(name: str) -> str:
    """Returns our category for a Perspective attribute name; raises Invalid if unsupported."""
    base = name.removesuffix("_EXPERIMENTAL")
    if base in ATTRIBUTES:
        return ATTRIBUTES[base]
    if base in KNOWN_UNSUPPORTED:
        raise Invalid(f"Attribute {name} is not supported by this server.", code="unsupported")
    raise Invalid(f"Unknown attribute: {name}", code="unknown_attribute")


def parse_attributes(requested: Mapping[str, Mapping[str, Any] | None]) -> list[Requested]:
    """Validates requestedAttributes; raises Invalid (a 400) for anything we cannot answer."""
    if not requested:
        raise Invalid("requestedAttributes must not be empty.", code="no_attributes")
    out = []
    for name, options in requested.items():
        opts = dict(options or {})
        score_type = opts.get("scoreType") or "PROBABILITY"
        if score_type not in SCORE_TYPES:
            raise Invalid(
                f"Attribute {name} does not support score type {score_type}.", code="score_type"
            )
        threshold = opts.get("scoreThreshold")
        out.append(Requested(name, category_of(name), None if threshold is None else threshold))
    return out


def normalize_language(code: str) -> str:
    """Reduces an ISO or BCP-47 code (`en-US`, `pt_BR`) to its primary subtag."""
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


def check_languages(languages: list[str], attributes: list[Requested]) -> list[str]:
    """Returns the normalized request languages; raises Invalid if none is supported."""
    normalized = [normalize_language(c) for c in languages if c.strip()]
    if normalized and not any(c in LANGUAGES for c in normalized):
        names = ", ".join(a.name for a in attributes)
        raise Invalid(
            f"Attribute {names} does not support request languages: {', '.join(normalized)}",
            code=LANGUAGE_NOT_SUPPORTED,
        )
    return normalized


def check_support(
    analysis: TextAnalysis,
    attributes: list[Requested],
    languages: list[str],
    unsupported_for: Callable[[str], tuple[str, ...]],
) -> None:
    """Raises LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE for an attribute the model cannot score.

    The request's languages govern (the detected one when it names none), as in Perspective;
    an attribute is answered when any of them supports it (the model's support matrix).
    """
    langs = languages or [analysis.language]
    for attr in attributes:
        if all(attr.category in unsupported_for(lang) for lang in langs):
            raise Invalid(
                f"Attribute {attr.name} does not support request languages: {', '.join(langs)}",
                code=LANGUAGE_NOT_SUPPORTED,
            )


def _score(value: float) -> dict[str, Any]:
    return {"value": round(float(value), 6), "type": "PROBABILITY"}


def attribute_scores(
    text: str, analysis: TextAnalysis, attributes: list[Requested], *, spans: bool
) -> dict[str, Any]:
    """Builds `attributeScores`: summary scores and, if asked, span scores per attribute."""
    out: dict[str, Any] = {}
    for attr in attributes:
        value = analysis.scores.get(attr.category, 0.0)
        if attr.threshold is not None and value < attr.threshold:
            continue  # Perspective leaves out attributes scoring below the threshold
        entry: dict[str, Any] = {"summaryScore": _score(value)}
        if spans:
            entry["spanScores"] = _span_scores(text, analysis, attr.category, value)
        out[attr.name] = entry
    return out


def _span_scores(
    text: str, analysis: TextAnalysis, category: str, summary: float
) -> list[dict[str, Any]]:
    ours = sorted((s for s in analysis.spans if s.category == category), key=lambda s: s.start)
    if not ours:
        # Perspective scores the whole text as one span when it has nothing finer.
        return [{"begin": 0, "end": len(text), "score": _score(summary)}]
    return [{"begin": s.start, "end": s.end, "score": _score(s.score)} for s in ours]


def response(
    text: str,
    analysis: TextAnalysis,
    attributes: list[Requested],
    *,
    languages: list[str],
    spans: bool,
    client_token: str | None,
) -> dict[str, Any]:
    """Builds the AnalyzeCommentResponse body."""
    detected = [analysis.language] if analysis.language != UNDETERMINED else []
    body: dict[str, Any] = {
        "attributeScores": attribute_scores(text, analysis, attributes, spans=spans),
        "languages": languages or detected or [UNDETERMINED],
        "detectedLanguages": detected,
    }
    if client_token is not None:
        body["clientToken"] = client_token
    return body
