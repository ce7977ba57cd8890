"""Fast-tier speed benchmark: throughput, single-text p99, load time, resident memory.

Run with one core: ``OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python bench/scorer.py``.
Compares against a plain scikit-learn TF-IDF word+char pipeline measured in the same process
(sklearn is imported only for that baseline). Writes bench/results/scorer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import time
from functools import partial
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

WORDS = [
    "hey",
    "there",
    "what",
    "do",
    "you",
    "think",
    "about",
    "the",
    "new",
    "update",
    "honestly",
    "i",
    "am",
    "not",
    "sure",
    "it",
    "works",
    "for",
    "me",
    "but",
    "my",
    "friend",
    "said",
    "it",
    "was",
    "great",
    "and",
    "the",
    "team",
    "did",
    "a",
    "good",
    "job",
    "so",
    "maybe",
    "i",
    "should",
    "try",
    "again",
    "later",
    "tonight",
    "when",
    "the",
    "server",
    "is",
    "less",
    "busy",
    "lol",
    "thanks",
    "for",
    "the",
    "help",
    "you",
    "are",
    "an",
    "idiot",
    "sometimes",
]


# Everyday Russian chat words: texts the language head sends to the Russian expert.
RU_WORDS = [
    "привет", "как", "дела", "что", "ты", "думаешь", "про", "новое", "обновление", "честно",
    "говоря", "я", "не", "уверен", "у", "меня", "работает", "но", "мой", "друг", "сказал",
    "что", "было", "отлично", "и", "команда", "сделала", "хорошую", "работу", "завтра",
    "встреча", "в", "десять", "принеси", "слайды", "пожалуйста", "спасибо", "большое",
    "увидимся", "вечером",
]  # fmt: skip


def messages(n: int, length: int = 120, seed: int = 0, vocab: list[str] | None = None) -> list[str]:
    """Synthetic ~length-character chat messages."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < length:
            words.append(rng.choice(vocab or WORDS))
        out.append(" ".join(words)[:length])
    return out


def rss_mb() -> float:
    """Current resident set size in MiB (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def throughput(fn, texts: list[str], batch: int, min_seconds: float = 3.0) -> float:  # type: ignore[no-untyped-def]
    """Texts per second of fn over batches."""
    fn(texts[:batch])
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < min_seconds:
        for i in range(0, len(texts), batch):
            fn(texts[i : i + batch])
            n += len(texts[i : i + batch])
    return n / (time.perf_counter() - t0)


def latency_ms(fn, texts: list[str], n: int = 2000) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Single-text latency percentiles in ms."""
    samples = []
    for t in texts[:n]:
        t0 = time.perf_counter()
        fn([t])
        samples.append((time.perf_counter() - t0) * 1e3)
    a = np.asarray(samples)
    return {
        "p50": float(np.percentile(a, 50)),
        "p99": float(np.percentile(a, 99)),
        "max": float(a.max()),
    }


def sklearn_baseline(texts: list[str], batch: int) -> dict[str, float]:
    """A plain TF-IDF word(1-2)+char(1-5) logistic regression, fitted on synthetic labels."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    train = messages(4000, seed=1)
    y = np.array(["idiot" in t for t in train])
    pipe = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True),
        ),
        LogisticRegression(max_iter=200),
    )
    pipe.fit(train, y)
    return {
        "texts_per_s": throughput(pipe.predict_proba, texts, batch),
        **latency_ms(pipe.predict_proba, texts, 500),
    }


def cascade_bench(texts: list[str], batch: int) -> dict[str, float]:
    """Throughput of the fast+accurate cascade and of the accurate tier alone (optional extra)."""
    from civility.scoring.accurate import CascadeScorer, load_cascade

    threads = int(os.environ["OMP_NUM_THREADS"])
    t0 = time.perf_counter()
    cascade = load_cascade(threads=threads)
    load_s = time.perf_counter() - t0
    assert isinstance(cascade, CascadeScorer)
    cascade.predict(texts)
    routed = cascade.routed / max(1, len(texts))
    tps = throughput(cascade.score, texts, batch, 2.0)
    return {
        "load_seconds": load_s,
        "onnx_threads": threads,
        "texts_per_s": tps,
        "routed_fraction": routed,
        "accurate_only_batch1_texts_per_s": throughput(cascade.accurate.logits, texts[:256], 1),
        # One ONNX run per 32 texts (the tier's default runs texts one by one: see accurate.py).
        "accurate_only_batch32_texts_per_s": throughput(
            partial(cascade.accurate.logits, batch_size=32), texts, 32
        ),
    }


def main() -> int:
    """Runs the benchmark and writes JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--n", type=int, default=20480)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--cascade", action="store_true", help="also time the optional cascade tier")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "scorer.json")
    args = ap.parse_args()
    texts = messages(args.n)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    from civility.scoring.model import load_fast_scorer

    scorer = load_fast_scorer()
    load_s = time.perf_counter() - t0
    scorer.score(texts[:10])
    rss_model = rss_mb() - rss0
    res: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.processor() or platform.machine(),
        "threads": os.environ.get("OMP_NUM_THREADS"),
        "batch": args.batch,
        "mean_chars": float(np.mean([len(t) for t in texts])),
        "load_seconds": load_s,
        "model_resident_mb": rss_model,
        "fast": {
            "texts_per_s": throughput(scorer.score, texts, args.batch),
            **latency_ms(scorer.score, texts),
        },
    }
    # The language experts' cost: the same model without them is the baseline, interleaved.
    import dataclasses

    from civility.scoring.model import FastScorer

    plain = FastScorer(
        dataclasses.replace(scorer._model, experts=None), scorer._calib, scorer.manifest
    )
    for name, lang, sample in (
        ("fast_english", "en", texts[:4096]),
        ("fast_russian", "ru", messages(4096, vocab=RU_WORDS)),
    ):
        rates: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(3):  # interleaved: the machine's load drifts
            rates["with"].append(throughput(scorer.score, sample, args.batch, 1.0))
            rates["without"].append(throughput(plain.score, sample, args.batch, 1.0))
        model = scorer._model
        head = model.raw_logits(sample[:512])[:, model.n_cat : model.lang_end]
        res[name] = {
            "texts_per_s": float(np.median(rates["with"])),
            "without_experts_texts_per_s": float(np.median(rates["without"])),
            "language_head_agrees": float(
                np.mean(head.argmax(axis=1) == scorer._model.langs.index(lang))
            ),
        }
    res["analyze_explain_texts_per_s"] = throughput(
        lambda b: scorer.analyze(b, explain=True), texts[:1024], 64, 2.0
    )
    # Language identification runs on every analyzed text: ~120-char messages and 1-5 words.
    short = [" ".join(m.split()[: 1 + i % 5]) for i, m in enumerate(texts[:8192])]
    res["langid_texts_per_s"] = {
        "messages": throughput(scorer._langid.classify_many, texts[:8192], args.batch, 2.0),
        "short_1_5_words": throughput(scorer._langid.classify_many, short, args.batch, 2.0),
    }
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if not args.no_baseline:
        res["sklearn_tfidf_baseline"] = sklearn_baseline(texts, args.batch)
    if args.cascade:
        res["cascade"] = cascade_bench(texts[:1024], args.batch)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
