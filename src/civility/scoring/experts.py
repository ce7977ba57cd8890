"""Per-language toxicity experts: sublinear TF-IDF heads over the fast tier's hashed n-grams.

The shared linear layer serves every language and source at once, and for Russian, Spanish,
Italian and Turkish a head fitted on that language alone does better (tune-split and
cross-validated AUC in the model card). An expert reuses the shared featuriser's buckets, so
it costs no second pass over the text: per text and block (char n-grams, words) it takes each
distinct bucket once with weight ``(1 + log count) * idf``, L2-normalises the block, and dots
it with its weights. The idf is zero for buckets seen in fewer than ``min_df`` training texts,
so rare n-grams neither vote nor dilute the norm.

Each expert's output is already mapped into the toxicity head's raw-logit scale (its Platt
calibration is folded into weights and bias at training time), so the shared calibration,
thresholds, chunking and occlusion spans apply unchanged to texts it scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from civility.scoring.features import CHAR_ORDERS, Features

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Entries:
    """Distinct (text, bucket) pairs of one feature block with their sublinear tf."""

    text: I64
    bucket: I64
    tf: F64


def block_entries(feats: Features, chosen: B) -> tuple[Entries, Entries]:
    """Distinct char-n-gram and word entries of the ``chosen`` texts (renumbered 0..k-1)."""
    local = np.cumsum(chosen) - 1
    pos_text = np.repeat(np.arange(chosen.shape[0]), feats.char_pos_counts)
    keep_pos = chosen[pos_text]
    char_text = np.repeat(local[pos_text[keep_pos]], CHAR_ORDERS)
    char_bucket = feats.char_buckets[keep_pos].reshape(-1)
    word_text_all = np.repeat(np.arange(chosen.shape[0]), feats.word_counts)
    keep_word = chosen[word_text_all]
    word_text = local[word_text_all[keep_word]]
    word_bucket = feats.word_buckets[keep_word]
    return (
        _distinct(char_text, char_bucket, feats.null),
        _distinct(word_text, word_bucket, feats.null),
    )


def _distinct(text: I64, bucket: I64, null: int) -> Entries:
    valid = bucket != null
    text, bucket = text[valid], bucket[valid]
    if not text.size:
        return Entries(text, bucket, np.zeros(0))
    bits = null.bit_length() - 1
    key = _sorted_keys(text, bucket, bits)
    first = np.empty(key.size, dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, key.size))
    uniq = key[starts].astype(np.int64)
    return Entries(uniq >> bits, uniq & (null - 1), 1.0 + np.log(counts))


def _sorted_keys(text: I64, bucket: I64, bits: int) -> npt.NDArray[np.signedinteger[Any]]:
    """(text, bucket) packed into one key (buckets are < 2**bits), sorted."""
    # int32 keys sort ~1.7x faster than int64; a serving sub-batch (<= 2**(31 - bits) texts)
    # fits in them.
    if (int(text.max()) + 1) << bits <= np.iinfo(np.int32).max:
        return np.sort((text.astype(np.int32) << bits) | bucket.astype(np.int32))
    return np.sort((text << bits) | bucket)


@dataclass(frozen=True, slots=True)
class LanguageExperts:
    """Toxicity experts for some of the model's languages (see the module docstring)."""

    langs: tuple[str, ...]
    # (2**bits + 1, 2 * len(langs)): weight * idf per expert, then idf per expert; the last
    # row is the null bucket (all zero).
    table: F32
    bias: F32
    min_df: int

    def column_of(self, model_langs: tuple[str, ...]) -> I64:
        """Per model language, the expert's index (-1 where the language has none)."""
        return np.asarray(
            [self.langs.index(x) if x in self.langs else -1 for x in model_langs], dtype=np.int64
        )

    def logits(self, feats: Features, expert: I64) -> F32:
        """Raw toxicity logits of the texts with ``expert >= 0`` (in batch order)."""
        chosen = expert >= 0
        which = expert[chosen]
        out = self.bias[which].astype(np.float64)
        if not which.size:
            return out.astype(np.float32)
        k = len(self.langs)
        for entries in block_entries(feats, chosen):
            col = which[entries.text]
            weight = self.table[entries.bucket, col].astype(np.float64)
            idf = self.table[entries.bucket, k + col].astype(np.float64)
            num = np.bincount(entries.text, weights=entries.tf * weight, minlength=which.size)
            sq = np.bincount(entries.text, weights=(entries.tf * idf) ** 2, minlength=which.size)
            norm = np.sqrt(sq.astype(np.float64))
            out += np.divide(num, norm, out=np.zeros(which.size), where=norm > 0)
        result: F32 = out.astype(np.float32)
        return result
