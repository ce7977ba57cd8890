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
from typing import Final

import numpy as np
import numpy.typing as npt

from civility.scoring.features import CHAR_ORDERS, Features

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]
B = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Entries:
    """Distinct (text, bucket) pairs of one feature block with their sublinear tf."""

    text: I64
    bucket: I64
    tf: F64


def block_entries(feats: Features, chosen: B) -> tuple[Entries, Entries]:
    """Distinct char-n-gram and word entries of the ``chosen`` texts (renumbered 0..k-1)."""
    if chosen.all():  # a one-language batch: every row, no masks to apply
        texts = np.arange(chosen.shape[0])
        return (
            distinct_entries(
                np.repeat(texts, feats.char_pos_counts * CHAR_ORDERS),
                feats.char_buckets.reshape(-1),
                feats.null,
            ),
            distinct_entries(np.repeat(texts, feats.word_counts), feats.word_buckets, feats.null),
        )
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
        distinct_entries(char_text, char_bucket, feats.null),
        distinct_entries(word_text, word_bucket, feats.null),
    )


def distinct_entries(text: I64, bucket: I64, null: int) -> Entries:
    """Distinct (text, bucket) pairs in (text, bucket) order with ``1 + log(count)``.

    ``text`` is non-decreasing (entries come grouped per text), so sorting each text's buckets
    on its own gives the order one sort of packed (text, bucket) keys would.
    """
    valid = bucket != null
    text, bucket = text[valid], bucket[valid]
    if not text.size:
        return Entries(text, bucket, np.zeros(0))
    counts = np.bincount(text)
    if text.size < SEGMENTED_FROM:  # a few texts: one sort, fewer numpy calls
        bits = null.bit_length() - 1
        ordered = (np.sort((text << bits) | bucket) & (null - 1)).astype(np.int32)
    else:
        ordered = _segment_sort(bucket.astype(np.int32), counts)
    first = np.empty(ordered.size, dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    # A text's first entry is new even when the previous text ended on the same bucket.
    seg_starts = np.cumsum(counts)[:-1]
    first[seg_starts[counts[1:] > 0]] = True
    starts = np.flatnonzero(first)
    n = np.diff(np.append(starts, ordered.size))
    return Entries(text[starts], ordered[starts].astype(np.int64), 1.0 + np.log(n))


# Segments are sorted as rows of a padded 2-D block, one block per power-of-two length class
# (at most half of a block is padding): numpy sorts many short rows several times faster
# than one long array of the same entries (3.6 ms -> 0.8 ms for a 256-text chat batch).
_FILL: Final[int] = int(np.iinfo(np.int32).max)
# Below this many entries (a handful of texts) one sort of packed keys is cheaper than the
# block set-up; both give the same order.
SEGMENTED_FROM: Final[int] = 8192


def _segment_sort(values: I32, counts: I64) -> I32:
    """``values`` sorted within consecutive segments of sizes ``counts`` (values < int32 max)."""
    starts = np.zeros(counts.size, dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    size_class = np.zeros(counts.size, dtype=np.int64)
    nonempty = counts > 0
    size_class[nonempty] = np.frexp(counts[nonempty] - 1)[1]  # ceil(log2(count)), 1 -> 0
    size_class[~nonempty] = -1
    classes = np.unique(size_class[nonempty]).tolist()
    if len(classes) == 1:  # the usual chat batch: one block, no gather
        cnt = counts[nonempty]
        mask = np.arange(int(cnt.max())) < cnt[:, None]
        block = np.full(mask.shape, _FILL, dtype=np.int32)
        block[mask] = values
        block.sort(axis=1)
        out: I32 = block[mask]
        return out
    out = np.empty_like(values)
    for c in classes:
        rows = np.flatnonzero(size_class == c)
        cnt = counts[rows]
        mask = np.arange(int(cnt.max())) < cnt[:, None]
        block = np.full(mask.shape, _FILL, dtype=np.int32)
        src = np.repeat(starts[rows] - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))
        block[mask] = values[src]
        block.sort(axis=1)
        out[src] = block[mask]
    return out


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
            # One random read per entry (its whole 48-byte table row), then the
            # expert's two columns from the gathered copy: 2-D fancy indexing read the table
            # twice at random.
            rows = np.take(self.table, entries.bucket, axis=0).reshape(-1)
            at = np.arange(entries.bucket.size) * (2 * k) + which[entries.text]
            weight = rows.take(at).astype(np.float64)
            idf = rows.take(at + k).astype(np.float64)
            num = np.bincount(entries.text, weights=entries.tf * weight, minlength=which.size)
            sq = np.bincount(entries.text, weights=(entries.tf * idf) ** 2, minlength=which.size)
            norm = np.sqrt(sq.astype(np.float64))
            out += np.divide(num, norm, out=np.zeros(which.size), where=norm > 0)
        result: F32 = out.astype(np.float32)
        return result
