"""Optional accurate tier: a fine-tuned all-MiniLM-L6-v2 classifier run by onnxruntime (int8).

Extra dependencies (``civility[accurate]``): ``onnxruntime`` and ``tokenizers``. The model and
its WordPiece tokenizer ship in ``artifacts/``; torch is needed only to train them
(``python -m civility.training.accurate``). English only: the vocabulary is English-uncased.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES, Explain, Scorer, Span, TextAnalysis, explain_when
from civility.scoring.linear_model import ARTIFACT_DIR
from civility.scoring.model import FastScorer, load_fast_scorer
from civility.scoring.threats import apply_threats

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

MANIFEST: Final[str] = "accurate-manifest.json"


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class AccurateModel:
    """The ONNX classifier: texts in, six raw logits out; ``run`` is thread-safe."""

    def __init__(
        self, onnx_path: Path, tokenizer_path: Path, max_tokens: int, threads: int = 1
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.max_tokens = max_tokens
        self._tok = Tokenizer.from_file(str(tokenizer_path))
        # Padding is done per batch below; truncation is fixed here, once, before any thread
        # can call encode_batch.
        self._tok.no_padding()
        self._tok.enable_truncation(max_length=max_tokens)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(onnx_path), sess_options=opts, providers=["CPUExecutionProvider"]
        )

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """WordPiece ids per text, with [CLS]/[SEP], truncated to ``max_tokens``."""
        return [e.ids for e in self._tok.encode_batch(list(texts))]

    def logits(self, texts: Sequence[str], batch_size: int = 1) -> F32:
        """(texts, 6) raw logits; larger batches group texts of similar token length."""
        # One text per run by default: int8 dynamic quantisation scales activations over the
        # whole input tensor, so in a batch a text's score would depend on its neighbours (up to
        # 0.16 logit on chat messages). Unpadded single runs are also faster on mixed lengths.
        ids = self.token_ids(texts)
        out = np.zeros((len(ids), len(CATEGORIES)), dtype=np.float32)
        order = np.argsort([len(x) for x in ids], kind="stable")
        for i in range(0, len(order), batch_size):
            idx = order[i : i + batch_size]
            width = max(len(ids[j]) for j in idx)
            inp = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, j in enumerate(idx):
                inp[r, : len(ids[j])] = ids[j]
                mask[r, : len(ids[j])] = 1
            (res,) = self._session.run(["logits"], {"input_ids": inp, "attention_mask": mask})
            out[idx] = res
        return out


def calibrated(logits: F32, slope: F64, intercept: F64) -> F64:
    """Per-head Platt scaling of raw logits."""
    z = logits.astype(np.float64) * slope + intercept
    out: F64 = 1.0 / (1.0 + np.exp(-z))
    return out


def blend_tiers(fast_p: F64, acc_p: F64, blend: float) -> F64:
    """Probabilities from ``blend`` * accurate logit + (1 - blend) * fast logit, per head."""
    if blend == 1.0:
        return acc_p
    lo, hi = 1e-7, 1.0 - 1e-7
    fast_z = np.log(np.clip(fast_p, lo, hi)) - np.log1p(-np.clip(fast_p, lo, hi))
    acc_z = np.log(np.clip(acc_p, lo, hi)) - np.log1p(-np.clip(acc_p, lo, hi))
    out: F64 = 1.0 / (1.0 + np.exp(-(blend * acc_z + (1.0 - blend) * fast_z)))
    return out


def load_accurate(
    artifact_dir: Path | None = None, threads: int = 1
) -> tuple[AccurateModel, dict[str, Any]]:
    """The accurate model and its manifest (checks the ONNX file's SHA-256)."""
    directory = artifact_dir or ARTIFACT_DIR
    manifest: dict[str, Any] = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    onnx_path = directory / manifest["onnx_file"]
    if file_sha256(onnx_path) != manifest["onnx_sha256"]:
        raise ValueError(f"{onnx_path} does not match the SHA-256 in {MANIFEST}")
    model = AccurateModel(
        onnx_path, directory / manifest["tokenizer_file"], int(manifest["max_tokens"]), threads
    )
    return model, manifest


class CascadeScorer:
    """Fast tier for all; English texts with toxicity in an uncertain band add the accurate tier."""

    name: str
    version: str

    def __init__(
        self,
        fast: FastScorer,
        accurate: AccurateModel,
        manifest: dict[str, Any],
        band: tuple[float, float],
    ) -> None:
        self.fast = fast
        self.accurate = accurate
        self._slope = np.asarray(manifest["slope"], dtype=np.float64)
        self._inter = np.asarray(manifest["intercept"], dtype=np.float64)
        self.band = band
        # Two models' errors differ, so averaging logits beats either alone (model card).
        self.blend = float(manifest.get("blend", 1.0))
        self.thresholds = dict(fast.thresholds)
        # The fast tier's matrix: the cascade changes only English toxicity, which it supports.
        self.support = fast.support
        self.name = "civility-cascade"
        self.version = f"{fast.version}+{manifest['version']}"
        self._lock = threading.Lock()
        self.routed = 0

    def accurate_proba(self, texts: Sequence[str]) -> F64:
        """Accurate-tier calibrated probabilities for texts."""
        return calibrated(self.accurate.logits(texts), self._slope, self._inter)

    def predict(self, texts: Sequence[str]) -> F64:
        """(texts, 6) probabilities: fast tier, blended with the accurate tier where routed."""
        return self._tiers(list(texts))[2]

    def _tiers(self, texts: list[str]) -> tuple[F64, F32, F64, list[str], list[tuple[Span, ...]]]:
        """Fast-tier probabilities and raw logits, the final probabilities (threat tier
        applied last, so blending cannot lower it), the languages, the threat tier's spans."""
        languages = self.fast.languages(texts)
        fast, raw = self.fast.model_proba(texts, languages)
        lo, hi = self.band
        # Only texts identified as English: the accurate tier is English-only, and the fast
        # model's language head says "en" for most short texts of any language. Undetermined
        # texts stay on the fast tier too: on the pool's short texts that the identifier
        # leaves undetermined and the head calls English, most are Spanish or Portuguese
        # (docs/model-card.md, "Language identification").
        english = np.asarray([lang == "en" for lang in languages], dtype=bool)
        route = np.flatnonzero(english & (fast[:, 0] >= lo) & (fast[:, 0] < hi))
        if not route.size:
            final, threats = apply_threats(texts, fast)
            return fast, raw, final, languages, threats
        probs = fast.copy()
        accurate = self.accurate_proba([texts[i] for i in route])
        probs[route] = blend_tiers(fast[route], accurate, self.blend)
        with self._lock:
            self.routed += int(route.size)
        final, threats = apply_threats(texts, probs)
        return fast, raw, final, languages, threats

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        return [dict(zip(CATEGORIES, row, strict=True)) for row in self.predict(texts).tolist()]

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Cascade scores with the fast tier's language and spans (``explain`` sees the former)."""
        texts = list(texts)
        fast, raw, final, languages, threats = self._tiers(texts)
        scores = [dict(zip(CATEGORIES, row, strict=True)) for row in final.tolist()]
        want = explain_when(explain)
        # Spans stay the fast tier's (its heads over its thresholds); which texts get them is
        # decided on the scores the caller will act on.
        base = self.fast.annotate(
            texts, fast, raw, lambda i, _: want(i, scores[i]), languages, threats
        )
        return [
            TextAnalysis(scores=s, language=a.language, spans=a.spans, unsupported=a.unsupported)
            for s, a in zip(scores, base, strict=True)
        ]


def load_cascade(
    band: tuple[float, float] | None = None, artifact_dir: Path | None = None, threads: int = 1
) -> Scorer:
    """Loads the cascade; ``band`` = fast toxicity probabilities routed to the accurate tier."""
    # One intra-op thread by default: the service already runs one scorer call per worker.
    directory = artifact_dir or ARTIFACT_DIR
    accurate, manifest = load_accurate(directory, threads)
    chosen = band or (float(manifest["band"][0]), float(manifest["band"][1]))
    return CascadeScorer(load_fast_scorer(directory), accurate, manifest, chosen)
