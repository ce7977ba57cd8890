"""Trains the language identifier's character n-gram naive Bayes (``scoring/langid_ngrams.py``).

- Counts: word-bounded character 1-4-grams of the pool's training buckets (``bucket < 90``),
  per language, with the identifier's own cleaning and tokeniser. Each text counts twice, as
  written and without accents, because chat often drops them ("voce", "perche", "tesekkurler").
  Texts are cut at ``MAX_CHARS`` and at most ``MAX_TEXTS`` per language are read, so English
  (a hundred thousand rows) does not swamp Italian (1,100).
- Table: n-grams seen at least ``MIN_COUNT`` times in all; log P(n-gram | language) with add-
  ``ALPHA`` smoothing over that vocabulary, centred per n-gram, stored as float16.
- Calibration: the posterior is softmax(scale * sum / known**power) over the n-grams the table
  knows; ``power`` in ``POWERS`` and ``scale`` are chosen by log-loss on random 1-5 word windows
  of the tune buckets (90-94). The report buckets (95-99) only print numbers.

French has no pool rows and so no class here; ``scoring/langid.py`` keeps py3langid's evidence
for it. Run: ``python -m civility.training.langid_ngrams --pool PATH``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from civility.scoring import langid
from civility.scoring.langid_ngrams import ARTIFACT, NgramModel, ngrams
from civility.training.data import LANGS, REPORT_LO, TUNE_LO, load_pool
from civility.training.langid_words import windows

MAX_CHARS: Final[int] = 400
MAX_TEXTS: Final[int] = 40_000
MIN_COUNT: Final[int] = 4
ALPHA: Final[float] = 0.5
POWERS: Final[tuple[float, ...]] = (0.0, 0.25, 0.5, 0.75)
SCALES: Final[tuple[float, ...]] = tuple(round(0.05 * k, 2) for k in range(1, 61))
SEED: Final[int] = 23


def tokens(text: str) -> list[str]:
    """The identifier's tokens of a raw text (cleaned, lowercased)."""
    return langid.tokens_of(langid.clean(text))


def count(frame: pd.DataFrame) -> dict[str, Counter[str]]:
    """Per language: n-gram counts of its texts, as written and without accents."""
    rng = random.Random(SEED)
    out: dict[str, Counter[str]] = {}
    for lang in LANGS:
        texts = list(frame.loc[frame["lang"] == lang, "text"])
        rng.shuffle(texts)
        counter: Counter[str] = Counter()
        for text in texts[:MAX_TEXTS]:
            toks = tokens(text[:MAX_CHARS])
            counter.update(ngrams(toks))
            bare = [langid.strip_accents(t) for t in toks]
            if bare != toks:
                counter.update(ngrams(bare))
        out[lang] = counter
    return out


def table(counts: dict[str, Counter[str]]) -> tuple[list[str], npt.NDArray[np.float16]]:
    """Vocabulary and centred, smoothed log-probabilities (vocabulary x languages)."""
    total: Counter[str] = Counter()
    for counter in counts.values():
        total.update(counter)
    grams = sorted(g for g, n in total.items() if n >= MIN_COUNT)
    mat = np.array([[counts[lang].get(g, 0) for lang in LANGS] for g in grams], dtype=np.float64)
    mat += ALPHA
    logp = np.log(mat) - np.log(mat.sum(axis=0, keepdims=True))
    logp -= logp.mean(axis=1, keepdims=True)
    return grams, logp.astype(np.float16)


def fit_calibration(
    model: NgramModel, rows: Sequence[tuple[str, str]]
) -> tuple[float, float, float]:
    """(scale, power, log-loss) minimising log-loss on labelled windows."""
    sums, known = model.raw([tokens(t) for _, t in rows])
    y = np.array([model.langs.index(lang) for lang, _ in rows])
    best = (1.0, 0.0, float("inf"))
    for power in POWERS:
        for scale in SCALES:
            model.scale, model.power = scale, power
            p = model.calibrated(sums, known)
            loss = float(-np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12))))
            if loss < best[2]:
                best = (scale, power, loss)
    model.scale, model.power = best[0], best[1]
    return best


def report(model: NgramModel, rows: Sequence[tuple[str, str]], bars: Sequence[float]) -> None:
    """Per language: right / wrong / abstained when answering only at probability >= bar."""
    p = model.probabilities([tokens(t) for _, t in rows])
    langs = np.array([lang for lang, _ in rows])
    pick = np.array(model.langs)[p.argmax(axis=1)]
    top = p.max(axis=1)
    for bar in bars:
        cells = []
        for lang in model.langs:
            m = langs == lang
            ans = top[m] >= bar
            right = float(np.mean(ans & (pick[m] == lang)))
            wrong = float(np.mean(ans & (pick[m] != lang)))
            cells.append(f"{lang} {right:.3f}/{wrong:.3f}")
        print(f"  p >= {bar:.2f}: " + "  ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: counts, writes the table and prints calibration and window accuracy."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pool", type=Path, required=True, help="folder of the pool's *.csv.gz")
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    args = ap.parse_args(argv)
    pool = load_pool(args.pool)
    grams, logp = table(count(pool[pool["bucket"] < TUNE_LO]))
    model = NgramModel(grams, logp, LANGS, 1.0, 0.0)
    tune = windows(pool[(pool["bucket"] >= TUNE_LO) & (pool["bucket"] < REPORT_LO)])
    scale, power, loss = fit_calibration(model, tune)
    print(f"{len(grams)} n-grams; scale {scale}, power {power}, tune log-loss {loss:.4f}")
    meta = {"langs": list(LANGS), "scale": scale, "power": power, "order": 4, "alpha": ALPHA}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, grams=np.array(grams), logp=logp, meta=np.array(json.dumps(meta)))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    print("right/wrong answering alone on 1-5 word windows of the report buckets (in-source):")
    report(model, windows(pool[pool["bucket"] >= REPORT_LO]), (0.0, 0.9, 0.99))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
