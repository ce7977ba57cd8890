"""Perspective API (commentanalyzer v1alpha1) on top of Civility's scores: pure mapping code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from civility.errors import Invalid
from civility.scoring.base import Span, TextAnalysis

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
COMMENT_EMPTY: Final[str] = "COMMENT_EMPTY"
COMMENT_TOO_LONG: Final[str] = "COMMENT_TOO_LONG"
# Errors whose `details[0].errorType` Perspective's clients test for.
ERROR_TYPES: Final[frozenset[str]] = frozenset(
    {LANGUAGE_NOT_SUPPORTED, COMMENT_EMPTY, COMMENT_TOO_LONG}
)
# A bad key: Google answers 400 INVALID_ARGUMENT with an ErrorInfo whose reason is this.
API_KEY_INVALID: Final[str] = "API_KEY_INVALID"
# Perspective's limit is 20 KB of UTF-8, not a number of characters.
MAX_COMMENT_BYTES: Final[int] = 20_480
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


def check_comment(text: str) -> str:
    """Returns the comment if it is non-blank and within 20 KB of UTF-8; raises Invalid."""
    if not text.strip():
        raise Invalid("Comment must be non-empty.", code=COMMENT_EMPTY)
    size = len(text.encode("utf-8"))
    if size > MAX_COMMENT_BYTES:
        raise Invalid(
            f"Comment text too long: {size} bytes of UTF-8, the limit is {MAX_COMMENT_BYTES}.",
            code=COMMENT_TOO_LONG,
        )
    return text


def parse_attributes(
    requested: Mapping[str, Mapping[str, Any] | None], *, drop: bool = False
) -> list[Requested]:
    """Validates requestedAttributes; raises Invalid (a 400) for anything we cannot answer.

    ``drop`` (dropUnsupportedAttributes): attributes this server cannot score at all are left
    out instead.
    """
    if not requested:
        raise Invalid("requestedAttributes must not be empty.", code="no_attributes")
    out = []
    for name, options in requested.items():
        if drop and name.removesuffix("_EXPERIMENTAL") in KNOWN_UNSUPPORTED:
            continue
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


def check_languages(
    languages: list[str], attributes: list[Requested], *, drop: bool = False
) -> list[str]:
    """Returns the normalized request languages; raises Invalid if none is supported.

    With ``drop`` nothing is raised: `supported` then leaves every attribute out.
    """
    normalized = [normalize_language(c) for c in languages if c.strip()]
    if normalized and not any(c in LANGUAGES for c in normalized) and not drop:
        names = ", ".join(a.name for a in attributes)
        raise Invalid(
            f"Attribute {names} does not support request languages: {', '.join(normalized)}",
            code=LANGUAGE_NOT_SUPPORTED,
        )
    return normalized


def supported(
    analysis: TextAnalysis,
    attributes: list[Requested],
    languages: list[str],
    unsupported_for: Callable[[str], tuple[str, ...]],
    *,
    drop: bool = False,
) -> list[Requested]:
    """The attributes the model can score in the request's languages.

    An attribute it cannot score raises LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE, or is left out
    with ``drop`` (dropUnsupportedAttributes). The request's languages govern (the detected
    one when it names none), as in Perspective; an attribute is answered when any of them
    supports it (the model's support matrix).
    """
    langs = languages or [analysis.language]
    known = [lang for lang in langs if lang in LANGUAGES or not languages]
    out = []
    for attr in attributes:
        if known and not all(attr.category in unsupported_for(lang) for lang in known):
            out.append(attr)
        elif not drop:
            raise Invalid(
                f"Attribute {attr.name} does not support request languages: {', '.join(langs)}",
                code=LANGUAGE_NOT_SUPPORTED,
            )
    return out


def check_support(
    analysis: TextAnalysis,
    attributes: list[Requested],
    languages: list[str],
    unsupported_for: Callable[[str], tuple[str, ...]],
) -> None:
    """Raises LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE for an attribute the model cannot score."""
    supported(analysis, attributes, languages, unsupported_for)


def _score(value: float) -> dict[str, Any]:
    return {"value": round(float(value), 6), "type": "PROBABILITY"}


# A span's probability: the model's score of the span's own text for a category.
SpanProbability = Callable[[Span], float]


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 code unit offset of code point ``index`` (what Perspective's clients use)."""
    return len(text[:index].encode("utf-16-le")) // 2


def spans_to_score(analysis: TextAnalysis, attributes: list[Requested]) -> list[Span]:
    """The spans whose own text must be scored to give them a probability."""
    wanted = {a.category for a in attributes}
    return [s for s in analysis.spans if s.category in wanted]


def attribute_scores(
    text: str,
    analysis: TextAnalysis,
    attributes: list[Requested],
    *,
    spans: bool,
    span_probability: SpanProbability | None = None,
) -> dict[str, Any]:
    """Builds `attributeScores`: summary and span scores per attribute."""
    out: dict[str, Any] = {}
    for attr in attributes:
        value = analysis.scores.get(attr.category, 0.0)
        if attr.threshold is not None and value < attr.threshold:
            continue  # Perspective leaves out attributes scoring below the threshold
        entry: dict[str, Any] = {"summaryScore": _score(value)}
        # Perspective always answers with spans: the whole text unless finer ones were asked.
        entry["spanScores"] = _span_scores(
            text, analysis, attr.category, value, span_probability if spans else None
        )
        out[attr.name] = entry
    return out


def _span_scores(
    text: str,
    analysis: TextAnalysis,
    category: str,
    summary: float,
    probability: SpanProbability | None,
) -> list[dict[str, Any]]:
    ours = sorted((s for s in analysis.spans if s.category == category), key=lambda s: s.start)
    if not ours or probability is None:
        # Perspective scores the whole text as one span when it has nothing finer.
        return [{"begin": 0, "end": utf16_offset(text, len(text)), "score": _score(summary)}]
    return [
        {
            "begin": utf16_offset(text, s.start),
            "end": utf16_offset(text, s.end),
            # The scorer's span weight is not a probability (a logit contribution for the
            # linear model): Perspective's clients get the probability of the span's text.
            "score": _score(probability(s)),
        }
        for s in ours
    ]


def response(
    text: str,
    analysis: TextAnalysis,
    attributes: list[Requested],
    *,
    languages: list[str],
    spans: bool,
    client_token: str | None,
    span_probability: SpanProbability | None = None,
) -> dict[str, Any]:
    """Builds the AnalyzeCommentResponse body."""
    detected = [analysis.language] if analysis.language != UNDETERMINED else []
    scores = attribute_scores(
        text, analysis, attributes, spans=spans, span_probability=span_probability
    )
    body: dict[str, Any] = {
        "attributeScores": scores,
        "languages": languages or detected or [UNDETERMINED],
        "detectedLanguages": detected,
    }
    if client_token is not None:
        body["clientToken"] = client_token
    return body
