"""Perspective API (commentanalyzer v1alpha1) on top of Civility's scores: pure mapping code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from civility.errors import Invalid
from civility.scoring import langid
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
# Perspective's other attributes (experimental, or English-only): known names that this server
# scores in no language, so they get the error Perspective gives an attribute outside its
# languages, and `dropUnsupportedAttributes` drops them.
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
# Perspective's ErrorType values (its "Limits and errors" reference), in `details[0].errorType`.
LANGUAGE_NOT_SUPPORTED: Final[str] = "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
LANGUAGE_DETECTION_FAILED: Final[str] = "LANGUAGE_DETECTION_FAILED"
COMMENT_EMPTY: Final[str] = "COMMENT_EMPTY"
COMMENT_TOO_LONG: Final[str] = "COMMENT_TOO_LONG"
NO_REQUESTED_ATTRIBUTES: Final[str] = "NO_REQUESTED_ATTRIBUTES"
ERROR_TYPES: Final[frozenset[str]] = frozenset(
    {
        LANGUAGE_NOT_SUPPORTED,
        LANGUAGE_DETECTION_FAILED,
        COMMENT_EMPTY,
        COMMENT_TOO_LONG,
        NO_REQUESTED_ATTRIBUTES,
    }
)
# "Any other request format error is given INVALID_REQUEST."
INVALID_REQUEST: Final[str] = "INVALID_REQUEST"
# A bad key: Google answers 400 INVALID_ARGUMENT with an ErrorInfo whose reason is this.
API_KEY_INVALID: Final[str] = "API_KEY_INVALID"
# Perspective's limit is 20 KB of UTF-8, not a number of characters.
MAX_COMMENT_BYTES: Final[int] = 20_480
UNDETERMINED: Final[str] = "und"
# What a text in a script none of the model's languages write is judged as: no attribute
# supports it. Shown to clients as `und`.
OTHER_SCRIPT: Final[str] = "und-other-script"

# Categories a language's texts cannot be scored for (the scorer's support matrix).
UnsupportedFor = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Requested:
    """One requested attribute: its Perspective name, our category (None: never scored here)."""

    name: str
    category: str | None
    threshold: float | None


class LanguageNotSupported(Invalid):
    """Perspective's LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE, with what its details carry."""

    def __init__(self, attribute: str, *, requested: list[str], detected: list[str]) -> None:
        languages = ", ".join(requested or detected or [UNDETERMINED])
        super().__init__(
            f"Attribute {attribute} does not support request languages: {languages}",
            code=LANGUAGE_NOT_SUPPORTED,
        )
        self.attribute = attribute
        self.requested = requested
        self.detected = detected

    def details(self) -> dict[str, Any]:
        """The `languageNotSupportedByAttributeError` Perspective adds to `details[0]`."""
        about: dict[str, Any] = {"attribute": self.attribute}
        if self.requested:
            about["requestedLanguages"] = self.requested
        if self.detected:
            about["detectedLanguages"] = self.detected
        return {"languageNotSupportedByAttributeError": about}


def parse_attributes(requested: Mapping[str, Mapping[str, Any] | None]) -> list[Requested]:
    """Validates requestedAttributes; raises Invalid (a 400) for an unknown name or option.

    Perspective's attributes this server never scores are kept, with no category: whether
    they fail the request or are dropped is the language check's (`supported`).
    """
    if not requested:
        raise Invalid(
            "Missing requested_attributes: requestedAttributes names no attribute.",
            code=NO_REQUESTED_ATTRIBUTES,
        )
    out = []
    for name, options in requested.items():
        base = name.removesuffix("_EXPERIMENTAL")
        if base not in ATTRIBUTES and base not in KNOWN_UNSUPPORTED:
            raise Invalid(f"Unknown requested attribute: {name}", code="unknown_attribute")
        opts = dict(options or {})
        score_type = opts.get("scoreType") or "PROBABILITY"
        if score_type not in SCORE_TYPES:
            raise Invalid(
                f"Requested score type {score_type} is not supported by attribute {name}",
                code="score_type",
            )
        threshold = opts.get("scoreThreshold")
        out.append(Requested(name, ATTRIBUTES.get(base), threshold))
    return out


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


def normalize_language(code: str) -> str:
    """Reduces an ISO or BCP-47 code (`en-US`, `pt_BR`) to its primary subtag."""
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


def request_languages(languages: list[str]) -> list[str]:
    """The request's languages, normalized and without repeats, in order."""
    return list(dict.fromkeys(normalize_language(c) for c in languages if c.strip()))


def supported(
    attributes: list[Requested],
    languages: list[str],
    unsupported_for: UnsupportedFor,
    *,
    drop: bool = False,
    requested: bool = True,
) -> list[Requested]:
    """The attributes this server scores in every one of ``languages``.

    As Perspective: an attribute answers for a request only when it supports each of the
    request's languages (the detected one when the request names none). The first that does
    not raises LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE, or, with ``drop``
    (dropUnsupportedAttributes), every such attribute is left out. A code outside the model's
    languages (`xx`) supports nothing; ``und`` (detected, never requested) is the support
    matrix's row for texts it cannot place.
    """
    out = []
    for attr in attributes:
        if attr.category is not None and all(
            (lang in LANGUAGES or (lang == UNDETERMINED and not requested))
            and attr.category not in unsupported_for(lang)
            for lang in languages
        ):
            out.append(attr)
        elif not drop:
            shown = [UNDETERMINED if lang == OTHER_SCRIPT else lang for lang in languages]
            raise LanguageNotSupported(
                attr.name,
                requested=shown if requested else [],
                detected=[] if requested else shown,
            )
    return out


def detected_language(text: str, language: str) -> str | None:
    """The language to judge an unrequested text by; None when it cannot be told at all.

    The scorer's answer, unless it is ``und``: a text without letters (digits, emoji, links)
    has no language (Perspective's LANGUAGE_DETECTION_FAILED); letters of a script none of
    the model's languages write (Thai, Georgian) are a language it does not read, so
    ``und`` stays and no attribute supports it; a short text in a script it reads ("lol",
    "idiot") keeps ``und``, which the support matrix answers for.
    """
    if language != UNDETERMINED:
        return language
    seen = langid.evidence(text)
    if not seen.letters:
        return None
    if seen.answer == UNDETERMINED:
        return OTHER_SCRIPT
    return UNDETERMINED


def detection_failed() -> Invalid:
    """Perspective's error for a text whose language cannot be detected."""
    return Invalid("Unable to detect language", code=LANGUAGE_DETECTION_FAILED)


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
        if attr.category is None:
            continue  # never scored here; `supported` has refused or dropped it already
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
