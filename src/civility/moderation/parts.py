"""Scoring a message in parts: the whole text, and the caption and the image's text alone.

A message with an image is scored three times in one scorer call (together, and each part on
its own) so a long harmless caption cannot dilute the insult in a meme, nor the other way
round. The parts' results merge into one analysis of the whole text: each category's highest
score among the parts whose language supports it, and every part's spans at their place in
the whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from civility.ocr.compose import segments
from civility.ocr.models import ImageText
from civility.scoring.base import ExplainWhen, Span, TextAnalysis

AnalyzeTexts = Callable[[Sequence[str], ExplainWhen], list[TextAnalysis]]


def analyze_in_parts(
    analyze: AnalyzeTexts,
    texts: Sequence[str],
    images: Sequence[ImageText | None],
    explain: ExplainWhen,
) -> list[TextAnalysis]:
    """Scores each text with its parts in one call; returns one merged analysis per text."""
    flat: list[str] = []
    owner: list[int] = []
    ranges: list[list[tuple[int, int]]] = []
    for i, (text, image) in enumerate(zip(texts, images, strict=True)):
        parts = segments(len(text), image)
        ranges.append(parts)
        for start, end in parts:
            flat.append(text[start:end])
            owner.append(i)
    if len(flat) == len(texts):  # no image anywhere: the plain call, nothing to merge
        return analyze(texts, explain)
    results = analyze(flat, lambda j, scores: explain(owner[j], scores))
    out: list[TextAnalysis] = []
    at = 0
    for parts in ranges:
        out.append(merge(results[at : at + len(parts)], [s for s, _ in parts]))
        at += len(parts)
    return out


def merge(analyses: Sequence[TextAnalysis], offsets: Sequence[int]) -> TextAnalysis:
    """Merges the analyses of parts (the first is the whole text) into one of the whole."""
    whole = analyses[0]
    if len(analyses) == 1:
        return whole
    scores: dict[str, float] = {}
    for category, score in whole.scores.items():
        measured = [
            x.scores[category]
            for x in analyses
            if category in x.scores and category not in x.unsupported
        ]
        scores[category] = max(measured) if measured else score
    spans: dict[tuple[int, int, str], Span] = {}
    for a, offset in zip(analyses, offsets, strict=True):
        for s in a.spans:
            key = (s.start + offset, s.end + offset, s.category)
            if key not in spans or s.score > spans[key].score:
                spans[key] = Span(key[0], key[1], s.category, s.score)
    # Null only where no part's language supports the category.
    unsupported = tuple(c for c in whole.unsupported if all(c in x.unsupported for x in analyses))
    return TextAnalysis(scores, whole.language, tuple(spans.values()), unsupported)
