"""The built-in scorer: hashed char/word n-gram linear model, calibrated, with occlusion spans."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES, Scorer, Span, TextAnalysis
from civility.scoring.linear_model import (
    ARTIFACT_DIR,
    Calibration,
    LinearModel,
    load_artifact,
    predict_proba,
)
from civility.scoring.normalize import pre_translate

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

# Languages py3langid may answer; the rest of its 97 mostly add noise on short chat texts.
LANGID_LANGS: Final[tuple[str, ...]] = (
    "en", "es", "it", "tr", "ru", "de", "fr", "pt", "nl", "pl", "uk", "sv", "cs", "ro",
    "ar", "fa", "hi", "id", "zh", "ja", "ko", "el", "he",
)  # fmt: skip
UNDETERMINED: Final[str] = "und"
_TOKEN_RE: Final = re.compile(r"\S+")
_EDGE_PUNCT: Final = "\"'`.,;:!?()[]{}<>«»“”‘’-_/\\"
_HAS_LETTER_RE: Final = re.compile(r"[^\W\d_]")
MAX_EXPLAIN_TOKENS: Final[int] = 256
# A token is part of an explanation when removing it lowers the logit by this much and by at
# least this share of the largest single-token drop in the text. Chosen by span F1 on the
# tune buckets (0.57 vs 0.54 for 0.15/0.3), never on the report buckets.
MIN_DROP: Final[float] = 0.5
REL_DROP: Final[float] = 0.5


class _LangId:
    """Lazily loaded, restricted py3langid identifier (loading costs ~0.7 s, so only on demand)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ident: Any = None

    def _get(self) -> Any:
        with self._lock:
            if self._ident is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
                ident.set_languages(list(LANGID_LANGS))
                self._ident = ident
            return self._ident

    def classify(self, text: str) -> str:
        """ISO 639-1 code, or ``und`` when the text has no letters."""
        # URLs and @mentions say nothing about the language of the message.
        cleaned = pre_translate(text)
        if not _HAS_LETTER_RE.search(cleaned):
            return UNDETERMINED
        lang, _ = self._get().classify(cleaned)
        return str(lang)


class FastScorer:
    """Default fast tier: numpy-only at run time, thread-safe (all state is read-only)."""

    name: str
    version: str

    def __init__(self, model: LinearModel, calib: Calibration, manifest: dict[str, Any]) -> None:
        self._model = model
        self._calib = calib
        self.manifest = manifest
        self.name = "civility-fast"
        self.version = str(manifest["version"])
        thr = manifest.get("thresholds", {})
        self.thresholds: dict[str, float] = {c: float(thr.get(c, 0.5)) for c in CATEGORIES}
        self._langid = _LangId()
        params = manifest.get("explain", {})
        self.min_drop = float(params.get("min_drop", MIN_DROP))
        self.rel_drop = float(params.get("rel_drop", REL_DROP))

    def predict(self, texts: Sequence[str]) -> F64:
        """(texts, 6) calibrated probabilities, max over chunks of long texts."""
        probs, _, _ = predict_proba(self._model, self._calib, list(texts))
        return probs

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        probs = self.predict(texts)
        return [dict(zip(CATEGORIES, row, strict=True)) for row in probs.tolist()]

    def analyze(self, texts: Sequence[str], *, explain: bool = True) -> list[TextAnalysis]:
        """Returns scores, detected language and (if explain) the driving spans per text."""
        texts = list(texts)
        probs, _, _ = predict_proba(self._model, self._calib, texts)
        out: list[TextAnalysis] = []
        for i, text in enumerate(texts):
            scores = dict(zip(CATEGORIES, probs[i].tolist(), strict=True))
            flagged = [h for h, c in enumerate(CATEGORIES) if scores[c] >= self.thresholds[c]]
            spans = self.explain(text, flagged, scores) if explain and flagged else ()
            out.append(
                TextAnalysis(scores=scores, language=self._langid.classify(text), spans=spans)
            )
        return out

    def explain(
        self, text: str, heads: Sequence[int], scores: dict[str, float]
    ) -> tuple[Span, ...]:
        """Spans of the original text whose removal lowers each head's logit (token occlusion)."""
        tokens = _tokens(text)[:MAX_EXPLAIN_TOKENS]
        if not tokens or not heads:
            return ()
        variants = [text] + [text[:s] + " " + text[e:] for s, e in tokens]
        _, _, raw = predict_proba(self._model, self._calib, variants)
        drops = raw[:1, :] - raw[1:, :]
        spans: list[Span] = []
        for h in heads:
            col = drops[:, h]
            top = float(col.max())
            if top <= self.min_drop:
                continue
            keep = col >= max(self.min_drop, self.rel_drop * top)
            spans.extend(_merge(text, tokens, keep, col, CATEGORIES[h]))
        return tuple(spans)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens with edge punctuation trimmed, as [start, end) offsets."""
    out: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in _EDGE_PUNCT:
            s += 1
        while e > s and text[e - 1] in _EDGE_PUNCT:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _merge(
    text: str,
    tokens: Sequence[tuple[int, int]],
    keep: npt.NDArray[np.bool_],
    drop: F32,
    category: str,
) -> list[Span]:
    """Merges kept tokens separated only by whitespace/punctuation into ranges."""
    spans: list[Span] = []
    cur: list[int] | None = None
    best = 0.0
    for i, (s, e) in enumerate(tokens):
        if not keep[i]:
            continue
        gap = text[cur[1] : s] if cur is not None else "x"
        if cur is not None and not any(ch.isalnum() for ch in gap):
            cur[1] = e
            best = max(best, float(drop[i]))
        else:
            if cur is not None:
                spans.append(Span(cur[0], cur[1], category, best))
            cur, best = [s, e], float(drop[i])
    if cur is not None:
        spans.append(Span(cur[0], cur[1], category, best))
    return spans


_LOCK: Final = threading.Lock()
_CACHE: dict[Path, FastScorer] = {}


def load_scorer(artifact_dir: Path | None = None) -> Scorer:
    """Returns the default (fast-tier) scorer, loading the shipped artifact once per process."""
    return load_fast_scorer(artifact_dir)


def load_fast_scorer(artifact_dir: Path | None = None) -> FastScorer:
    """Loads (and caches) the fast tier from ``artifact_dir`` (default: the packaged artifact)."""
    directory = artifact_dir or ARTIFACT_DIR
    with _LOCK:
        if directory not in _CACHE:
            model, calib, manifest = load_artifact(directory)
            _CACHE[directory] = FastScorer(model, calib, manifest)
        return _CACHE[directory]
