"""Character n-gram naive Bayes over the training pool's languages, for short chat texts.

The lexicon (``langid_words``, ``langid_pool_words``) knows whole words; a short message made
of words no list holds ("me acabo de despertar", "vergiss es") fell through to py3langid, whose
n-gram statistics come from long, formal text and which therefore abstains or errs on chat. This
model is trained on the pool's own chat and comment texts (``training/langid_ngrams.py``): the
word-bounded character 1-4-grams of a text (" ke", "ke ", "e", ...) vote with log P(n-gram |
language), multinomial naive Bayes with add-alpha smoothing and a uniform prior. Its
probabilities are calibrated (one temperature, and a length exponent, fitted on short windows of
the pool's tune buckets), so ``langid.py`` can abstain on a measured probability.

Only the pool's languages are modelled (en es it tr ru de pt); French, which has no pool rows,
keeps py3langid's evidence (``langid.decide``). Each row of the stored table is centred (its
mean over languages subtracted): the posterior depends only on differences between languages,
and centred values keep float16 precise.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

ORDER: Final[int] = 4
TOKEN_CACHE: Final[int] = 1 << 16
ARTIFACT: Final[Path] = Path(__file__).with_name("artifacts") / "langid-ngrams-1.npz"


def ngrams(tokens: Sequence[str]) -> Iterator[str]:
    """Word-bounded character 1-4-grams of tokens (" de ", " d", "de", "e ", ...)."""
    for token in tokens:
        word = f" {token} "
        size = len(word)
        for n in range(1, ORDER + 1):
            for i in range(size - n + 1):
                gram = word[i : i + n]
                if gram != " ":
                    yield gram


class NgramModel:
    """The trained table: n-gram -> centred log P(n-gram | language) per language."""

    def __init__(
        self,
        grams: Sequence[str],
        logp: npt.NDArray[np.floating],
        langs: Sequence[str],
        scale: float,
        power: float,
    ) -> None:
        self.langs: tuple[str, ...] = tuple(langs)
        self.index: dict[str, int] = {g: i for i, g in enumerate(grams)}
        self.logp: F32 = np.asarray(logp, dtype=np.float32)
        self.scale = float(scale)
        self.power = float(power)
        self.ids = lru_cache(maxsize=TOKEN_CACHE)(self._token_ids)

    @classmethod
    def load(cls, path: Path = ARTIFACT) -> NgramModel:
        """Reads the npz written by ``civility.training.langid_ngrams`` (no pickle)."""
        with np.load(path, allow_pickle=False) as blob:
            meta = json.loads(str(blob["meta"]))
            return cls(
                blob["grams"].tolist(),
                blob["logp"],
                meta["langs"],
                meta["scale"],
                meta["power"],
            )

    def _token_ids(self, token: str) -> tuple[int, ...]:
        """Table rows of one token's n-grams that the table knows (cached: chat repeats words)."""
        index = self.index
        return tuple(j for g in ngrams((token,)) if (j := index.get(g)) is not None)

    def raw(self, token_lists: Sequence[Sequence[str]]) -> tuple[F64, F64]:
        """Per text: summed log-likelihoods (texts x languages) and known n-gram counts."""
        sums = np.zeros((len(token_lists), len(self.langs)), dtype=np.float64)
        known = np.zeros(len(token_lists), dtype=np.float64)
        ids = self.ids
        rows: list[int] = []
        cols: list[int] = []
        for i, tokens in enumerate(token_lists):
            start = len(cols)
            for token in tokens:
                cols.extend(ids(token))
            if len(cols) > start:
                rows.append(i)
                known[i] = len(cols) - start
        if cols:
            starts = np.concatenate([[0], np.cumsum(known[rows])[:-1]]).astype(np.intp)
            sums[rows] = np.add.reduceat(self.logp[np.asarray(cols, dtype=np.intp)], starts)
        return sums, known

    def calibrated(self, sums: F64, known: F64) -> F64:
        """Posterior over ``langs`` from raw sums: softmax(scale * sums / known**power)."""
        logits = self.scale * sums / np.maximum(known, 1.0)[:, None] ** self.power
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        return p

    def probabilities(self, token_lists: Sequence[Sequence[str]]) -> F64:
        """Calibrated posterior over ``langs`` for each text's tokens (uniform where none known)."""
        return self.calibrated(*self.raw(token_lists))
