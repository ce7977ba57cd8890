"""LexiconBaselineScorer: a tiny word-list scorer, an honest baseline and test double.

It is not the product's model (see civility.scoring.model); it exists so the service's spine
can run and be tested without the trained artifact, and as a floor to compare the model with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from civility.scoring.base import CATEGORIES, Explain, ExplainWhen, Span, TextAnalysis, explain_when

_WORDS: dict[str, tuple[str, ...]] = {
    "toxicity": (
        "idiot",
        "stupid",
        "moron",
        "hate",
        "dumb",
        "loser",
        "shut up",
        "kill",
        "fuck",
        "shit",
        "bitch",
        "asshole",
        "trash",
        "pathetic",
    ),
    "severe_toxicity": ("fuck", "kill yourself", "kys"),
    "obscene": ("fuck", "shit", "bitch", "asshole", "dick", "cunt"),
    "threat": ("kill you", "i will kill", "i'll kill", "hurt you", "shoot you", "beat you"),
    "insult": ("idiot", "stupid", "moron", "dumb", "loser", "pathetic", "asshole", "bitch"),
    "identity_attack": ("go back to your country", "subhuman", "vermin"),
}
_PATTERNS = {
    c: re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    for c, words in _WORDS.items()
}
_HIT_SCORE = {
    "toxicity": 0.85,
    "severe_toxicity": 0.6,
    "obscene": 0.8,
    "threat": 0.8,
    "insult": 0.8,
    "identity_attack": 0.8,
}
_BASE = 0.02


class LexiconBaselineScorer:
    """Scores by matching short English word lists: a baseline, not a model."""

    name = "lexicon-baseline"
    version = "1"

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category scores per text."""
        return [a.scores for a in self.analyze(texts, explain=False)]

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Returns scores, language 'und' and (where ``explain`` says) matched spans per text."""
        want = explain_when(explain)
        return [self._one(i, text, want) for i, text in enumerate(texts)]

    def _one(self, index: int, text: str, want: ExplainWhen) -> TextAnalysis:
        scores: dict[str, float] = {}
        hits: dict[str, list[re.Match[str]]] = {}
        for category in CATEGORIES:
            found = hits[category] = list(_PATTERNS[category].finditer(text))
            n = len(found)
            scores[category] = min(0.99, _HIT_SCORE[category] + 0.05 * (n - 1)) if n else _BASE
        spans = (
            tuple(Span(m.start(), m.end(), c, scores[c]) for c in CATEGORIES for m in hits[c])
            if want(index, scores)
            else ()
        )
        return TextAnalysis(scores=scores, language="und", spans=spans)
