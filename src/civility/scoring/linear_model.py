"""The fast tier's maths: hashed linear logits, per-language Platt calibration, chunking.

Numpy only, shared verbatim by training (to fit calibration) and serving.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES
from civility.scoring.experts import LanguageExperts
from civility.scoring.features import featurize, linear_logits
from civility.scoring.normalize import has_alnum, normalize_batch

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

ARTIFACT_DIR: Final[Path] = Path(__file__).parent / "artifacts"
MANIFEST_NAME: Final[str] = "fast-manifest.json"
SUB_BATCH: Final[int] = 1024
EMPTY_LOGIT: Final[float] = -20.0
TOXICITY: Final[int] = CATEGORIES.index("toxicity")
# Sentence ends (a terminal mark and a space) and line breaks: where a text is split into the
# sentences scored on their own (``segments``); shorter pieces say too little to score alone.
SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?…。！？])\s+|\s*\n\s*")
# A cheap first look: a text without any of these characters has one sentence (the full
# pattern above tries its alternation at every position, 14% of a chat batch's time).
_BREAK_CHAR: Final = re.compile(r"[.!?…。！？\n]")
MIN_SENTENCE: Final[int] = 8
# Chosen on the tune buckets (90-94) of 1.3.0: 0 cost 0.010 English toxicity AUC (0.909 ->
# 0.899), 1.5 keeps it (0.909) and lifts insult 0.953 -> 0.966 and obscene 0.963 -> 0.971.
SENTENCE_MARGIN: Final[float] = 1.5
# An extra head raises its category only from this probability on: below it the shared head's
# calibrated probability stands (the extra head's scale, sigmoid(raw - cut), is set around the
# 0.5 decision and means little near 0), and a text it cannot lift needs no language gate.
EXTRA_FLOOR: Final[float] = 0.1


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt scaling per head with a per-language intercept offset: sigmoid(a*z + b + d[lang])."""

    slope: F64  # (heads,)
    intercept: F64  # (heads,)
    lang_offset: F64  # (heads, langs)

    def apply(self, logits: F32, lang: I64) -> F64:
        """Calibrated probabilities for raw logits (texts, heads) and language ids (texts,)."""
        z = logits.astype(np.float64) * self.slope + self.intercept + self.lang_offset[:, lang].T
        out: F64 = 1.0 / (1.0 + np.exp(-z))
        return out

    def extended(self, slope: Sequence[float], intercept: Sequence[float]) -> Calibration:
        """This calibration with more heads appended (no per-language offsets for them)."""
        n_langs = self.lang_offset.shape[1]
        return Calibration(
            np.concatenate([self.slope, np.asarray(slope, dtype=np.float64)]),
            np.concatenate([self.intercept, np.asarray(intercept, dtype=np.float64)]),
            np.vstack([self.lang_offset, np.zeros((len(slope), n_langs))]),
        )

    def to_json(self) -> dict[str, Any]:
        """JSON-serialisable form for the manifest."""
        return {
            "slope": self.slope.tolist(),
            "intercept": self.intercept.tolist(),
            "lang_offset": self.lang_offset.tolist(),
        }

    @staticmethod
    def from_json(obj: dict[str, Any]) -> Calibration:
        """Inverse of ``to_json``."""
        return Calibration(
            np.asarray(obj["slope"], dtype=np.float64),
            np.asarray(obj["intercept"], dtype=np.float64),
            np.asarray(obj["lang_offset"], dtype=np.float64),
        )


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Hashed linear weights: columns = categories, then languages; last row = null bucket.

    With ``experts``, a text the language head assigns to an expert's language gets that
    expert's toxicity logit instead of the shared one (see scoring/experts.py).
    """

    weights: npt.NDArray[np.floating[Any]]
    bias: F32
    bits: int
    langs: tuple[str, ...]
    window: int
    experts: LanguageExperts | None = None
    # Subtracted from a sentence piece's category logits (``segments``): a lone sentence says
    # less than its whole text, so it must be clearly worse to raise the text's score.
    sentence_margin: float = SENTENCE_MARGIN
    # Extra heads, in columns after the languages: each names the category it raises (the
    # served probability is the max of the two calibrated ones). Since 1.4.0: a threat head
    # fitted with team-written multilingual templates (training/threat_head.py).
    extra_heads: tuple[str, ...] = ()

    @property
    def n_cat(self) -> int:
        """Number of category heads."""
        return len(CATEGORIES)

    @property
    def lang_end(self) -> int:
        """One past the last language column (extra heads start there)."""
        return len(CATEGORIES) + len(self.langs)

    def raw_logits(self, texts: Sequence[str]) -> F32:
        """Raw logits (texts, categories + languages) of texts that fit in the window."""
        parts: list[F32] = []
        for i in range(0, len(texts), SUB_BATCH):
            cps, lens = normalize_batch(texts[i : i + SUB_BATCH])
            feats = featurize(cps, lens, self.bits)
            logits = linear_logits(feats, self.weights, self.bias)
            if self.experts is not None:
                expert = self.experts.column_of(self.langs)[
                    np.argmax(logits[:, self.n_cat : self.lang_end], axis=1)
                ]
                if (expert >= 0).any():
                    logits[expert >= 0, TOXICITY] = self.experts.logits(feats, expert)
            # Nothing but pictographs/punctuation/URLs left: the bias alone is not evidence, and
            # emoji-only rows in the pool are almost all HatemojiBuild positives (an artefact
            # that made "😀" a threat), so the categories get a "certainly not" logit.
            empty = ~has_alnum(cps, lens)
            logits[empty, : self.n_cat] = EMPTY_LOGIT
            logits[empty, self.lang_end :] = EMPTY_LOGIT
            parts.append(logits)
        if not parts:
            return np.zeros((0, self.weights.shape[1]), dtype=np.float32)
        return np.concatenate(parts)


def chunk(text: str, window: int) -> list[str]:
    """Splits a long text into overlapping windows, cutting at whitespace where possible."""
    if len(text) <= window:
        return [text]
    out: list[str] = []
    step = window - window // 8
    start = 0
    while start < len(text):
        end = min(start + window, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + step // 2, end)
            end = cut if cut > start else end
        out.append(text[start:end])
        if end >= len(text):
            break
        start = max(end - window // 8, start + 1)
    return out


def sentences(text: str) -> list[str]:
    """The sentences (and lines) of a text with some substance, in order."""
    return [s for s in SENTENCE_BREAK.split(text) if len(s.strip()) >= MIN_SENTENCE]


def _several_sentences(text: str) -> bool:
    """Whether the text may hold a sentence break (a terminal mark before a space, a newline)."""
    return _BREAK_CHAR.search(text) is not None and SENTENCE_BREAK.search(text) is not None


def segments(text: str, window: int) -> tuple[list[str], int]:
    """What a text is scored as: its windows, plus each sentence when it has several.

    A bag-of-n-grams logit is an average over the piece it sees, so an insult after a
    thousand friendly characters (or after a few friendly sentences in one window) is diluted;
    scored on its own, the sentence that carries it keeps its weight. Returns the pieces and
    how many of them (the first ones) are windows.
    """
    parts = chunk(text, window)
    n_windows = len(parts)
    found = sentences(text) if _several_sentences(text) else []
    if len(found) > 1:
        parts.extend(s for s in found if len(s) <= window)
    return parts, n_windows


def _one_piece_each(texts: Sequence[str], window: int) -> bool:
    """Whether every text is scored as itself alone (fits the window, one sentence)."""
    if not texts:
        return True
    if max(map(len, texts)) > window:
        return False
    # One search over the batch settles most chat batches (no mark or newline anywhere).
    if _BREAK_CHAR.search("\x00".join(texts)) is None:
        return True
    return not any(_several_sentences(t) for t in texts)


def chunked_logits(model: LinearModel, texts: Sequence[str]) -> tuple[F32, I64]:
    """Logits of every scored piece (``segments``), and the owning text index of each."""
    if _one_piece_each(texts, model.window):
        return model.raw_logits(texts), np.arange(len(texts), dtype=np.int64)
    pieces: list[str] = []
    owner: list[int] = []
    sentence: list[bool] = []
    for i, t in enumerate(texts):
        parts, n_windows = segments(t, model.window)
        pieces.extend(parts)
        owner.extend([i] * len(parts))
        sentence.extend([False] * n_windows + [True] * (len(parts) - n_windows))
    logits = model.raw_logits(pieces)
    # Sentences vote in the categories only: the language comes from the windows.
    is_sentence = np.asarray(sentence, dtype=bool)
    logits[is_sentence, : model.n_cat] -= model.sentence_margin
    logits[is_sentence, model.lang_end :] -= model.sentence_margin
    logits[is_sentence, model.n_cat : model.lang_end] = 0.0
    return logits, np.asarray(owner, dtype=np.int64)


def head_proba(
    model: LinearModel, calib: Calibration, texts: Sequence[str]
) -> tuple[F64, I64, F32]:
    """Calibrated probabilities of every head (categories, then extra heads; max over chunks),
    model language ids and per-text raw category logits."""
    logits, owner = chunked_logits(model, texts)
    n = len(texts)
    cat = logits[:, : model.n_cat]
    lang_logits = logits[:, model.n_cat : model.lang_end]
    # One piece per text (owner is 0..n-1): the scatters below would copy their input (0 + x,
    # max(0, p) of a probability, max(-inf, x)), so the pieces' values are used as they are.
    single = owner.shape[0] == n
    # The language of a chunked text comes from the sum of its chunks' language logits.
    if single:
        lang_sum = lang_logits
    else:
        lang_sum = np.zeros((n, lang_logits.shape[1]), dtype=np.float32)
        np.add.at(lang_sum, owner, lang_logits)
    lang = np.argmax(lang_sum, axis=1).astype(np.int64) if n else np.zeros(0, dtype=np.int64)
    heads = cat
    if model.extra_heads:
        heads = np.concatenate([cat, logits[:, model.lang_end :]], axis=1)
    probs = calib.apply(heads, lang[owner])
    if single:
        return probs, lang, cat.copy()
    out = np.zeros((n, heads.shape[1]), dtype=np.float64)
    np.maximum.at(out, owner, probs)
    raw = np.full((n, model.n_cat), -np.inf, dtype=np.float32)
    np.maximum.at(raw, owner, cat)
    return out, lang, raw


def lifted(model: LinearModel, heads: F64) -> npt.NDArray[np.bool_]:
    """Texts (rows of ``head_proba``) whose score an extra head would raise."""
    out = np.zeros(heads.shape[0], dtype=bool)
    for j, category in enumerate(model.extra_heads):
        extra = heads[:, model.n_cat + j]
        out |= (extra >= EXTRA_FLOOR) & (extra > heads[:, CATEGORIES.index(category)])
    return out


def combine(model: LinearModel, heads: F64, extra: npt.NDArray[np.bool_] | None = None) -> F64:
    """Category probabilities: each extra head raises its category where ``extra`` allows
    (default: every text) and it says at least ``EXTRA_FLOOR``."""
    out = heads[:, : model.n_cat].copy()
    for j, category in enumerate(model.extra_heads):
        h = CATEGORIES.index(category)
        p = heads[:, model.n_cat + j]
        allowed = p >= EXTRA_FLOOR if extra is None else (p >= EXTRA_FLOOR) & extra
        np.maximum(out[:, h], np.where(allowed, p, 0.0), out=out[:, h])
    return out


def predict_proba(
    model: LinearModel,
    calib: Calibration,
    texts: Sequence[str],
    extra: npt.NDArray[np.bool_] | None = None,
) -> tuple[F64, I64, F32]:
    """Calibrated probabilities (max over chunks), model language ids and per-text raw logits.

    ``extra``: per text, whether the extra heads may raise its scores (default: every text).
    """
    heads, lang, raw = head_proba(model, calib, texts)
    return combine(model, heads, extra), lang, raw


def save_artifact(
    directory: Path, version: str, model: LinearModel, calib: Calibration, extra: dict[str, Any]
) -> Path:
    """Writes ``fast-<version>.npz`` (float16 weights) and the manifest; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    npz_name = f"fast-{version}.npz"
    # Uncompressed: loading then costs one read instead of a zlib pass over the table.
    arrays: dict[str, npt.NDArray[Any]] = {
        "weights": model.weights[:-1].astype(np.float16),
        "bias": model.bias.astype(np.float32),
    }
    if model.experts is not None:
        # Sparse per language: only the buckets that language's expert kept (idf > 0), as
        # (weight, idf) pairs; one shared row set would store every language's zeros too.
        table = model.experts.table[:-1]
        n = len(model.experts.langs)
        for k, lang in enumerate(model.experts.langs):
            rows = np.flatnonzero(table[:, n + k] != 0)
            arrays[f"expert_rows_{lang}"] = rows.astype(np.int32)
            arrays[f"expert_pairs_{lang}"] = table[rows][:, [k, n + k]].astype(np.float16)
        arrays["expert_bias"] = model.experts.bias.astype(np.float32)
        extra = {
            **extra,
            "experts": {"languages": list(model.experts.langs), "min_df": model.experts.min_df},
        }
    np.savez(directory / npz_name, **arrays)  # type: ignore[arg-type]
    manifest = {
        "format": 1,
        "version": version,
        "weights_file": npz_name,
        "bits": model.bits,
        "categories": list(CATEGORIES),
        "languages": list(model.langs),
        "window": model.window,
        "sentence_margin": model.sentence_margin,
        "extra_heads": list(model.extra_heads),
        "calibration": calib.to_json(),
        **extra,
    }
    path = directory / MANIFEST_NAME
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def load_artifact(
    directory: Path = ARTIFACT_DIR,
) -> tuple[LinearModel, Calibration, dict[str, Any]]:
    """Loads the shipped fast-tier artifact (no pickle: ``allow_pickle=False``)."""
    manifest: dict[str, Any] = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
    with np.load(directory / manifest["weights_file"], allow_pickle=False) as npz:
        w16 = npz["weights"]
        # float32 in memory: np.take on 4-byte rows is ~2x faster than gathering float16.
        weights = np.zeros((w16.shape[0] + 1, w16.shape[1]), dtype=np.float32)
        weights[:-1] = w16
        bias = npz["bias"].astype(np.float32)
        experts = _load_experts(npz, manifest, weights.shape[0])
    if tuple(manifest["categories"]) != CATEGORIES:
        raise ValueError("artifact categories do not match the scoring contract")
    model = LinearModel(
        weights,
        bias,
        int(manifest["bits"]),
        tuple(manifest["languages"]),
        int(manifest["window"]),
        experts,
        # Artifacts before 1.3.0 name no margin: they get the default.
        float(manifest.get("sentence_margin", SENTENCE_MARGIN)),
        tuple(manifest.get("extra_heads", ())),
    )
    if any(c not in CATEGORIES for c in model.extra_heads):
        raise ValueError(f"unknown category among extra heads {model.extra_heads}")
    return model, Calibration.from_json(manifest["calibration"]), manifest


def _load_experts(npz: Any, manifest: dict[str, Any], size: int) -> LanguageExperts | None:
    """The artifact's language experts, scattered into a dense table; None when it has none."""
    spec = manifest.get("experts")
    if spec is None:
        return None
    langs = tuple(spec["languages"])
    table = np.zeros((size, 2 * len(langs)), dtype=np.float32)
    if "expert_rows" in npz:  # 1.2.0: one row set for every language
        table[npz["expert_rows"]] = npz["expert_table"]
    else:
        for k, lang in enumerate(langs):
            rows = npz[f"expert_rows_{lang}"]
            table[rows, k] = npz[f"expert_pairs_{lang}"][:, 0]
            table[rows, len(langs) + k] = npz[f"expert_pairs_{lang}"][:, 1]
    return LanguageExperts(langs, table, npz["expert_bias"].astype(np.float32), int(spec["min_df"]))
