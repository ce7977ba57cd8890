"""Vectorised hashed n-gram featuriser: one numpy pass over a whole batch of normalised texts.

Features: char n-grams (n=1..5, over the text padded with one space each side) and word
unigrams + bigrams, hashed with a fixed splitmix64 mixer into ``2**bits`` buckets. The char
block and the word block are each scaled by 1/sqrt(block size), so a linear model's logit is
``sum(W[char buckets]) / sqrt(n_char) + sum(W[word buckets]) / sqrt(n_word)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
F32 = npt.NDArray[np.float32]

CHAR_ORDERS: Final[int] = 5
_P: Final = np.uint64(1_000_003)
_P_INV: Final = np.uint64(pow(1_000_003, -1, 2**64))
_CHAR_SEEDS: Final = np.array(
    [0x9E3779B97F4A7C15 * (n + 1) % 2**64 for n in range(CHAR_ORDERS)], dtype=np.uint64
)
_WORD_SEED: Final = np.uint64(0xD6E8FEB86659FD93)
_BIGRAM_SEED: Final = np.uint64(0xA0761D6478BD642F)
_BIGRAM_MUL: Final = np.uint64(0xE7037ED1A0B428DB)
_SPACE: Final = np.uint32(32)


def _mix(x: U64) -> U64:
    """splitmix64 finaliser: fixed, process-independent, vectorised."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@dataclass(frozen=True, slots=True)
class Features:
    """Hashed features of a batch, grouped per text in batch order.

    ``char_buckets`` has shape (positions, CHAR_ORDERS) with ``null`` for n-grams that would
    cross a text boundary; ``char_counts``/``word_counts`` are per-text valid feature counts.
    """

    char_buckets: I64
    char_pos_counts: I64
    char_counts: I64
    word_buckets: I64
    word_counts: I64
    null: int


# Every (k, n) with 1 <= k <= n < CHAR_ORDERS: column n of the row k before a text's end.
_CROSS_BACK, _CROSS_COL = (
    np.array(v, dtype=np.int64)
    for v in zip(*[(k, n) for n in range(1, CHAR_ORDERS) for k in range(1, n + 1)], strict=True)
)


def _mix_into(x: U64, tmp: U64) -> None:
    """``_mix`` in place (``tmp``: scratch of the same size): no temporaries per step."""
    np.right_shift(x, np.uint64(30), out=tmp)
    np.bitwise_xor(x, tmp, out=x)
    np.multiply(x, np.uint64(0xBF58476D1CE4E5B9), out=x)
    np.right_shift(x, np.uint64(27), out=tmp)
    np.bitwise_xor(x, tmp, out=x)
    np.multiply(x, np.uint64(0x94D049BB133111EB), out=x)
    np.right_shift(x, np.uint64(31), out=tmp)
    np.bitwise_xor(x, tmp, out=x)


def featurize(cps: npt.NDArray[np.uint32], lens: I64, bits: int) -> Features:
    """Hashes a normalised batch (``normalize_batch`` output) into bucket ids (null = 2**bits)."""
    null = 1 << bits
    shift = np.uint64(64 - bits)
    n_texts = int(lens.shape[0])
    n_pos = int(cps.shape[0])
    tid = np.repeat(np.arange(n_texts, dtype=np.int64), lens)
    c64 = cps.astype(np.uint64)

    char = np.empty((n_pos, CHAR_ORDERS), dtype=np.int64)
    # Rolling hash of the n-gram starting at each position, updated in place order by order.
    h = c64.copy()
    x = np.empty_like(h)
    tmp = np.empty_like(h)
    for n in range(CHAR_ORDERS):
        m = n_pos - n
        if m <= 0:
            char[:, n:] = null
            break
        if n > 0:
            np.multiply(h[:m], _P, out=h[:m])
            np.add(h[:m], c64[n:], out=h[:m])
        xm, tm = x[:m], tmp[:m]
        np.bitwise_xor(h[:m], _CHAR_SEEDS[n], out=xm)
        _mix_into(xm, tm)
        np.right_shift(xm, shift, out=xm)
        char[:m, n] = xm.view(np.int64)
    # Column n (n-grams of n + 1 characters) from position i crosses a text's end e when
    # i = e - k for some 1 <= k <= n: those cells are null (the last text's end covers the
    # batch's last rows, which the loop left unset).
    cells = (np.cumsum(lens)[:, None] - _CROSS_BACK) * CHAR_ORDERS + _CROSS_COL
    char.reshape(-1)[cells[cells >= _CROSS_COL]] = null
    char_counts = np.maximum(lens * CHAR_ORDERS - CHAR_ORDERS * (CHAR_ORDERS - 1) // 2, 0)
    # Texts shorter than the longest order lose a few more n-grams; count exactly.
    short = lens < CHAR_ORDERS
    if short.any():
        char_counts = np.where(short, lens * (lens + 1) // 2, char_counts)

    word_buckets, word_counts = _word_features(cps, c64, tid, n_texts, shift)
    return Features(char, lens, char_counts, word_buckets, word_counts, null)


# P**i and P**-i mod 2**64 for i < len: grown on demand, shared by every call (read-only
# once made; a thread that races a growth builds the same values).
_POWERS: tuple[U64, U64] = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _powers(size: int) -> tuple[U64, U64]:
    """The first ``size`` powers of ``_P`` and of its inverse (cumulative products)."""
    global _POWERS
    pw, ipw = _POWERS
    if pw.shape[0] < size:
        n = max(size, 2 * pw.shape[0], 1 << 15)
        pw = np.empty(n, dtype=np.uint64)
        pw[0] = 1
        pw[1:] = _P
        pw = np.cumprod(pw, dtype=np.uint64)
        ipw = np.empty(n, dtype=np.uint64)
        ipw[0] = 1
        ipw[1:] = _P_INV
        ipw = np.cumprod(ipw, dtype=np.uint64)
        _POWERS = (pw, ipw)
    return pw[:size], ipw[:size]


def _word_features(
    cps: npt.NDArray[np.uint32], c64: U64, tid: I64, n_texts: int, shift: np.uint64
) -> tuple[I64, I64]:
    """Word unigram + bigram buckets, ordered per text (unigrams then bigrams within each text)."""
    is_sp = cps == _SPACE
    # Every text is padded with spaces, so word starts/ends never straddle two texts.
    starts = np.flatnonzero(~is_sp[1:] & is_sp[:-1]) + 1
    ends = np.flatnonzero(~is_sp[:-1] & is_sp[1:]) + 1
    n_pos = c64.shape[0]
    pw, ipw = _powers(n_pos + 1)
    prefix = np.zeros(n_pos + 1, dtype=np.uint64)
    np.cumsum(c64 * pw[:-1], dtype=np.uint64, out=prefix[1:])
    whash = _mix(((prefix[ends] - prefix[starts]) * ipw[starts]) ^ _WORD_SEED)
    wtid = tid[starts]
    same = wtid[:-1] == wtid[1:]
    bhash = _mix((whash[:-1] * _BIGRAM_MUL + whash[1:]) ^ _BIGRAM_SEED)[same]
    btid = wtid[:-1][same]
    all_tid = np.concatenate([wtid, btid])
    all_hash = np.concatenate([whash, bhash])
    order = np.argsort(all_tid, kind="stable")
    buckets = (all_hash[order] >> shift).astype(np.int64)
    counts = np.bincount(all_tid, minlength=n_texts).astype(np.int64)
    return buckets, counts


def segment_sum(values: F32, counts: I64) -> F32:
    """Sums consecutive row groups of ``values`` (group sizes ``counts``); empty groups give 0."""
    out_shape = (counts.shape[0], values.shape[1])
    if values.shape[0] == 0:
        return np.zeros(out_shape, dtype=np.float32)
    starts = np.zeros(counts.shape[0], dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    if starts[-1] >= values.shape[0]:
        # reduceat needs every start inside the array: pad a zero row for trailing empty groups.
        values = np.vstack([values, np.zeros((1, values.shape[1]), dtype=values.dtype)])
    sums = np.add.reduceat(values, starts, axis=0)
    sums[counts == 0] = 0.0
    return sums.astype(np.float32, copy=False)


# Rows gathered and summed per step of ``gathered_sum``: ~0.5 MB of 14-float rows, so the
# per-column passes of ``np.add.reduceat`` (it walks the array once per column) reread rows
# that are still in cache. Smaller steps lost more to call overhead than they saved.
GATHER_ROWS: Final[int] = 8192


def gathered_sum(weights: npt.NDArray[np.floating[Any]], buckets: I64, counts: I64) -> F32:
    """``segment_sum(np.take(weights, buckets, axis=0), counts)``, a few groups at a time.

    Each group is summed by the same reduceat over the same rows, so the result is the same
    bit for bit; only the memory traffic differs (~13% less CPU time for the char block of a
    256-message chat batch, same-process alternation).
    """
    n = counts.shape[0]
    if buckets.shape[0] <= GATHER_ROWS or n < 2:
        return segment_sum(np.take(weights, buckets, axis=0).astype(np.float32, copy=False), counts)
    ends = np.cumsum(counts)
    targets = np.arange(GATHER_ROWS, int(ends[-1]), GATHER_ROWS)
    cuts = np.unique(np.minimum(np.searchsorted(ends, targets) + 1, n)).tolist()
    if not cuts or cuts[-1] != n:
        cuts.append(n)
    out = np.empty((n, weights.shape[1]), dtype=np.float32)
    g0 = 0
    for g1 in cuts:
        lo = int(ends[g0] - counts[g0])
        hi = int(ends[g1 - 1])
        rows = np.take(weights, buckets[lo:hi], axis=0).astype(np.float32, copy=False)
        out[g0:g1] = segment_sum(rows, counts[g0:g1])
        g0 = g1
    return out


def linear_logits(feats: Features, weights: npt.NDArray[np.floating[Any]], bias: F32) -> F32:
    """Computes per-text logits of the hashed linear model (weights has a zero row at ``null``).

    ``weights`` may be float16 (the shipped form): gathered rows are widened before summing.
    """
    char_sum = gathered_sum(
        weights, feats.char_buckets.reshape(-1), feats.char_pos_counts * CHAR_ORDERS
    )
    word_sum = gathered_sum(weights, feats.word_buckets, feats.word_counts)
    c_scale = 1.0 / np.sqrt(np.maximum(feats.char_counts, 1)).astype(np.float32)
    w_scale = 1.0 / np.sqrt(np.maximum(feats.word_counts, 1)).astype(np.float32)
    out: F32 = (char_sum * c_scale[:, None] + word_sum * w_scale[:, None] + bias).astype(np.float32)
    return out
