"""The built-in scorer: hashed char/word n-gram linear model, calibrated, with occlusion spans."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES, Explain, Scorer, Span, TextAnalysis, explain_when
from civility.scoring.langid import UNDETERMINED as UNDETERMINED
from civility.scoring.langid import LanguageIdentifier
from civility.scoring.linear_model import (
    ARTIFACT_DIR,
    Calibration,
    LinearModel,
    combine,
    head_proba,
    lifted,
    load_artifact,
    predict_proba,
)
from civility.scoring.support import SUPPORT_FILE, SupportMatrix, load_support
from civility.scoring.threats import apply_threats, by_rule

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

_TOKEN_RE: Final = re.compile(r"\S+")
_EDGE_PUNCT: Final = "\"'`.,;:!?()[]{}<>«»“”‘’-_/\\"
MAX_EXPLAIN_TOKENS: Final[int] = 256
# A token is part of an explanation when removing it lowers the logit by this much and by at
# least this share of the largest single-token drop in the text. Chosen by span F1 on the
# tune buckets (0.57 vs 0.54 for 0.15/0.3), never on the report buckets.
MIN_DROP: Final[float] = 0.5
REL_DROP: Final[float] = 0.5
# Occlusion variants per predict_proba call: one call for many texts amortises numpy's per-call
# overhead (it dominated at ~10 variants a text); the cap bounds memory on long texts.
EXPLAIN_BATCH: Final[int] = 4096


class FastScorer:
    """Default fast tier: numpy-only at run time, thread-safe (all state is read-only)."""

    name: str
    version: str

    def __init__(
        self,
        model: LinearModel,
        calib: Calibration,
        manifest: dict[str, Any],
        support: SupportMatrix | None = None,
    ) -> None:
        self._model = model
        self._calib = calib
        self.manifest = manifest
        # None: no matrix shipped with this artifact, so every score is published.
        self.support = support
        self.name = "civility-fast"
        self.version = str(manifest["version"])
        thr = manifest.get("thresholds", {})
        self.thresholds: dict[str, float] = {c: float(thr.get(c, 0.5)) for c in CATEGORIES}
        self._langid = LanguageIdentifier()
        params = manifest.get("explain", {})
        self.min_drop = float(params.get("min_drop", MIN_DROP))
        self.rel_drop = float(params.get("rel_drop", REL_DROP))

    @property
    def model(self) -> LinearModel:
        """The linear model (read-only; training and benchmarks call its functions directly)."""
        return self._model

    @property
    def calibration(self) -> Calibration:
        """The per-head calibration the model's logits go through."""
        return self._calib

    def predict(self, texts: Sequence[str]) -> F64:
        """(texts, 6) calibrated probabilities, max over chunks, raised by the threat tier."""
        texts = list(texts)
        probs, _ = self.model_proba(texts)
        return apply_threats(texts, probs)[0]

    def model_proba(
        self, texts: Sequence[str], languages: Sequence[str] | None = None
    ) -> tuple[F64, F32]:
        """The linear model's calibrated probabilities and raw logits, before the threat tier.

        ``languages``: the texts' identified languages, when known; otherwise only the texts an
        extra head would lift are identified (the gate cannot change the others).
        """
        texts = list(texts)
        heads, _, raw = head_proba(self._model, self._calib, texts)
        if languages is not None:
            return combine(self._model, heads, self.extra_applies(languages)), raw
        gate = None
        if self._model.extra_heads:
            rows = np.flatnonzero(lifted(self._model, heads))
            gate = np.ones(len(texts), dtype=bool)
            if rows.size:
                found = self.languages([texts[i] for i in rows])
                gate[rows] = self.extra_applies(found)
        return combine(self._model, heads, gate), raw

    def extra_applies(self, languages: Sequence[str]) -> npt.NDArray[np.bool_] | None:
        """Per text, whether the model's extra heads may raise its scores.

        An extra head's cut is set on real non-threats of the training languages; for other
        languages (French has no pool rows) nothing says how often it fires on ordinary text,
        so there only the shared heads and the rule tier speak. ``und`` keeps it: short
        evasions are the texts the identifier cannot place.
        """
        if not self._model.extra_heads:
            return None
        allowed = {*self._model.langs, UNDETERMINED}
        return np.fromiter(
            (lang in allowed for lang in languages), dtype=bool, count=len(languages)
        )

    def languages(self, texts: Sequence[str]) -> list[str]:
        """The identified language of every text (``und`` when unsure)."""
        return self._langid.classify_many(texts)

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        probs = self.predict(texts)
        return [dict(zip(CATEGORIES, row, strict=True)) for row in probs.tolist()]

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Returns scores, language and (where ``explain`` says) the driving spans per text."""
        texts = list(texts)
        languages = self.languages(texts)
        probs, raw = self.model_proba(texts, languages)
        return self.annotate(texts, probs, raw, explain, languages)

    def annotate(
        self,
        texts: Sequence[str],
        probs: F64,
        raw: F32,
        explain: Explain = True,
        languages: Sequence[str] | None = None,
        threats: Sequence[tuple[Span, ...]] | None = None,
    ) -> list[TextAnalysis]:
        """Analyses of texts scored by ``predict_proba`` (languages: when already identified).

        ``threats``: the threat tier's spans when the caller already applied it (its scores are
        then the caller's to report); otherwise the tier runs here and raises the scores.
        """
        want = explain_when(explain)
        final = probs
        if threats is None:
            final, threats = apply_threats(texts, probs)
        scores = [dict(zip(CATEGORIES, row, strict=True)) for row in final.tolist()]
        wanted = [want(i, s) for i, s in enumerate(scores)]
        # Where the threat tier fired, its rule spans explain the threat instead of occlusion.
        heads = [
            [
                h
                for h, c in enumerate(CATEGORIES)
                if s[c] >= self.thresholds[c] and not (c == "threat" and threats[i])
            ]
            if wanted[i]
            else []
            for i, s in enumerate(scores)
        ]
        spans = self.explain_many(texts, heads, raw)
        if languages is None:
            languages = self._langid.classify_many(texts)
        return [
            TextAnalysis(
                scores=s,
                language=lang,
                spans=sp + threats[i] if wanted[i] else sp,
                unsupported=self.unsupported(lang, rule_threat=by_rule(threats[i])),
            )
            for i, (s, lang, sp) in enumerate(zip(scores, languages, spans, strict=True))
        ]

    def unsupported(self, language: str, rule_threat: bool = False) -> tuple[str, ...]:
        """Categories not measured to be meaningful for ``language`` (support matrix).

        A threat the rule tier found is published whatever the matrix says of the language's
        threat score: the rules alone were measured precise in every language (at most 4.3% of
        benign sentences with violent words, 1% of everyday chat, held-out v4), and nulling them
        would only let the threats they catch through.
        """
        out = () if self.support is None else self.support.unsupported(language)
        return tuple(c for c in out if c != "threat") if rule_threat else out

    def explain(
        self, text: str, heads: Sequence[int], scores: dict[str, float]
    ) -> tuple[Span, ...]:
        """Spans of the original text whose removal lowers each head's logit (token occlusion)."""
        return self.explain_many([text], [heads])[0]

    def explain_many(
        self, texts: Sequence[str], heads: Sequence[Sequence[int]], raw: F32 | None = None
    ) -> list[tuple[Span, ...]]:
        """Occlusion spans per text for its heads; ``raw``: the texts' raw logits, when known."""
        tokens = [
            _tokens(t)[:MAX_EXPLAIN_TOKENS] if h else [] for t, h in zip(texts, heads, strict=True)
        ]
        spans: list[tuple[Span, ...]] = [()] * len(texts)
        for group in _groups(tokens, EXPLAIN_BATCH):
            variants: list[str] = []
            for i in group:
                if raw is None:
                    variants.append(texts[i])
                variants.extend(texts[i][:s] + " " + texts[i][e:] for s, e in tokens[i])
            _, _, out = predict_proba(self._model, self._calib, variants)
            pos = 0
            for i in group:
                if raw is None:
                    base, pos = out[pos : pos + 1, :], pos + 1
                else:
                    base = raw[i : i + 1, :]
                end = pos + len(tokens[i])
                spans[i] = self._spans(texts[i], tokens[i], heads[i], base - out[pos:end, :])
                pos = end
        return spans

    def _spans(
        self, text: str, tokens: Sequence[tuple[int, int]], heads: Sequence[int], drops: F32
    ) -> tuple[Span, ...]:
        spans: list[Span] = []
        for h in heads:
            col = drops[:, h]
            top = float(col.max())
            if top <= self.min_drop:
                continue
            keep = col >= max(self.min_drop, self.rel_drop * top)
            spans.extend(_merge(text, tokens, keep, col, CATEGORIES[h]))
        return tuple(spans)


def _groups(tokens: Sequence[Sequence[tuple[int, int]]], limit: int) -> Iterator[list[int]]:
    """Indices of the texts with tokens, in runs of at most ``limit`` variants (whole texts)."""
    group: list[int] = []
    size = 0
    for i, toks in enumerate(tokens):
        if not toks:
            continue
        if group and size + len(toks) + 1 > limit:
            yield group
            group, size = [], 0
        group.append(i)
        size += len(toks) + 1
    if group:
        yield group


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
            support = load_support(directory) if (directory / SUPPORT_FILE).exists() else None
            _CACHE[directory] = FastScorer(model, calib, manifest, support)
        return _CACHE[directory]
