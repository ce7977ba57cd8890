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

ROOT = Path(__file__).resolve().parents[1]
# ``--src DIR`` (read before any civility import): time or dump another tree's code, e.g. a
# worktree of the commit before a speed change, in a process of its own.
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)

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


def throughput(
    fn, texts: list[str], batch: int, min_seconds: float = 3.0, clock=time.perf_counter
) -> float:  # type: ignore[no-untyped-def]
    """Texts per second of fn over batches (``clock=time.process_time``: per CPU second)."""
    fn(texts[:batch])
    n = 0
    t0 = clock()
    while clock() - t0 < min_seconds:
        for i in range(0, len(texts), batch):
            fn(texts[i : i + batch])
            n += len(texts[i : i + batch])
    return n / (clock() - t0)


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


# Look-alike and obfuscation material for the equivalence corpus (synthetic, no held-out data).
_EMOJI = ["🖕", "💩", "🐷", "🤡", "🔪", "🔫", "💀", "🤬", "😀", "🔥", "👍🏽", "❤️", "🇩🇪"]
_INVISIBLE = ["\u200b", "\u200d", "\u00ad", "\ufeff", "\u2060"]
_LEET = str.maketrans({"a": "4", "e": "3", "o": "0", "i": "1", "s": "$", "t": "7"})
_HOMOGLYPH = str.maketrans({"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х"})
_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _perturb(rng: random.Random, text: str) -> str:
    """One random evasion, formatting or noise edit of a text."""
    words = text.split() or [text]
    k = rng.randrange(16)
    if k == 0:
        return text.upper()
    if k == 1:
        return text.translate(_LEET)
    if k == 2:
        w = rng.randrange(len(words))
        words[w] = rng.choice([" ", ".", "-", "_"]).join(words[w])
        return " ".join(words)
    if k == 3:
        return " ".join(w + rng.choice(_EMOJI) if rng.random() < 0.3 else w for w in words)
    if k == 4:
        return rng.choice(_INVISIBLE).join(text[i : i + 3] for i in range(0, len(text), 3))
    if k == 5:
        return "".join(_FULLWIDTH.get(ch, ch) for ch in text)
    if k == 6:
        return " ".join(w.translate(_HOMOGLYPH) if rng.random() < 0.4 else w for w in words)
    if k == 7:
        return " ".join(w + w[-1] * rng.randrange(2, 6) if w else w for w in words)
    if k == 8:
        return text + rng.choice(
            [" https://example.com/x?a=1", " www.spam.io", " @someone", " &amp; &lt;3"]
        )
    if k == 9:
        return text.replace(" ", rng.choice(["\n", ". ", "! ", "? ", "\t", "  ", "\x00"]), 3)
    if k == 10:
        return text.capitalize() + rng.choice([".", "!!!", "?!", "…", " :)", " xD", ""])
    if k == 11:
        return rng.choice(["İstanbul ", "¿", "¡", "ß ", "ё ", "ı "]) + text
    if k == 12:
        return "".join(ch.upper() if rng.random() < 0.3 else ch for ch in text)
    if k == 13:
        return text.replace("'", "’").replace("u", "ü", 1)
    return text


def equivalence_corpus(seed: int = 0) -> list[str]:
    """Varied texts (8+ languages, evasions, long and empty ones) for before/after output checks.

    Built from the team's langid development set, the scoring tests' string literals, the
    benchmark's messages and random mixes and edits of them; never from bench/data.
    """
    import ast

    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = {}
    for line in (
        (ROOT / "tests" / "scoring" / "data" / "langid_dev.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            by_lang.setdefault(lang, []).append(text)
    literals: list[str] = []
    for path in sorted((ROOT / "tests" / "scoring").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            text = value if isinstance(node, ast.Constant) and isinstance(value, str) else ""
            if len(text) >= 2 and (" " in text or not text.isascii()):
                literals.append(text)
    base = [t for texts in by_lang.values() for t in texts] + sorted(set(literals))
    base += messages(200, seed=3) + messages(200, seed=4, vocab=RU_WORDS)
    pools = [*by_lang.values(), literals, WORDS, RU_WORDS]
    out = list(base)
    for _ in range(2 * len(base)):
        kind = rng.random()
        if kind < 0.35:
            text = _perturb(rng, rng.choice(base))
        elif kind < 0.7:  # a mix of words from one or two languages' texts
            pool = rng.choice(pools) + (rng.choice(pools) if rng.random() < 0.3 else [])
            words = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 6))).split()
            text = " ".join(rng.sample(words, min(len(words), rng.randint(1, 30))))
            text = _perturb(rng, text) if rng.random() < 0.5 else text
        elif kind < 0.85:  # long: several sentences, some past the window (384 chars)
            text = ". ".join(rng.choice(base) for _ in range(rng.randint(3, 25)))
        else:
            text = rng.choice(["", " ", "\n", "😀😀", "🖕", "!!!", "123 456", "ok", "\x00", "a"])
            text += _perturb(rng, rng.choice(base))[: rng.randint(0, 40)]
        out.append(text)
    return out


def threat_corpus(seed: int = 0) -> list[str]:
    """Threat-rich texts: the threat tests' phrases, evasions of them, and them inside chat."""
    import ast

    rng = random.Random(seed)
    phrases: set[str] = set()
    for name in ("test_threats.py", "test_threat_structure.py"):
        tree = ast.parse((ROOT / "tests" / "scoring" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            value = getattr(node, "value", None)
            if isinstance(node, ast.Constant) and isinstance(value, str) and " " in value:
                phrases.add(value)
    base = sorted(phrases)
    chat = messages(300, seed=5) + messages(300, seed=6, vocab=RU_WORDS)
    out = list(base)
    out += [_perturb(rng, p) for p in base for _ in range(3)]
    for _ in range(2 * len(base)):
        parts = [rng.choice(chat), _perturb(rng, rng.choice(base)), rng.choice(chat)]
        out.append(rng.choice([". ", " ", ", ", "\n"]).join(parts[: rng.randint(2, 3)]))
    return out


def dump_threats(path: Path) -> None:
    """Writes the threat rule tier's matches and folds on a corpus to path (.json, empty .npz).

    The rule tier alone (``threats.detect``: no threat-structure scorer), so two trees whose
    structure scorers differ can still be compared with ``--compare``. The corpus (the frozen
    equivalence corpus and ``threat_corpus``) is frozen in ``threat_corpus.json`` beside path.
    """
    import hashlib

    from civility.scoring import threats

    frozen = path.parent / "threat_corpus.json"
    if not frozen.exists():
        texts = equivalence_corpus() + threat_corpus()
        frozen.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    texts = json.loads(frozen.read_text(encoding="utf-8"))
    record: dict[str, object] = {"texts": texts}
    for size in (256, 1):
        batches = [texts[i : i + size] for i in range(0, len(texts), size)]
        record[f"threats_{size}"] = [
            None
            if r is None
            else [
                float(r.threat).hex(),
                float(r.severe_toxicity).hex(),
                [
                    [m.rule, m.kind, m.language, m.start, m.end, float(m.score).hex()]
                    for m in r.matches
                ],
            ]
            for b in batches
            for r in threats.detect(b)
        ]
    for runs in (2, 1):
        record[f"fold_{runs}"] = [
            hashlib.sha256(json.dumps([f.text, f.src]).encode()).hexdigest()[:16]
            for f in (threats.fold(t, runs) for t in texts)
        ]
    fired = sum(r is not None for r in threats.detect(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path.with_suffix(".npz"))
    path.with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    print(f"{len(texts)} texts, {fired} with a rule firing -> {path.with_suffix('.json')}")


def dump_outputs(path: Path) -> None:
    """Writes every output of the fast tier on the equivalence corpus (exact floats) to path.

    The corpus is read from ``equivalence_corpus.json`` beside path (written on first use).
    """
    from civility.scoring.linear_model import head_proba
    from civility.scoring.model import load_fast_scorer
    from civility.scoring.normalize import normalize_batch, to_strings

    scorer = load_fast_scorer()
    model = scorer.model
    # The corpus is frozen in a file on first use: the test files it draws on change over time.
    frozen = path.parent / "equivalence_corpus.json"
    if not frozen.exists():
        frozen.write_text(json.dumps(equivalence_corpus(), ensure_ascii=False), encoding="utf-8")
    texts: list[str] = json.loads(frozen.read_text(encoding="utf-8"))
    arrays: dict[str, np.ndarray] = {}
    record: dict[str, object] = {"texts": texts}
    for size in (256, 61, 1):
        batches = [texts[i : i + size] for i in range(0, len(texts), size)]
        if size == 1:
            batches = batches[:800]
        arrays[f"predict_{size}"] = np.concatenate([scorer.predict(b) for b in batches])
        record[f"languages_{size}"] = [x for b in batches for x in scorer.languages(b)]
        record[f"analyze_{size}"] = [
            [
                [float(v).hex() for v in a.scores.values()],
                a.language,
                [[sp.start, sp.end, sp.category, float(sp.score).hex()] for sp in a.spans],
                list(a.unsupported),
            ]
            for b in batches
            for a in scorer.analyze(b, explain=True)
        ]
    batches = [texts[i : i + 256] for i in range(0, len(texts), 256)]
    arrays["raw_logits"] = np.concatenate([model.raw_logits(b) for b in batches])
    heads = [head_proba(model, scorer.calibration, b) for b in batches]
    for k, name in enumerate(("head_probs", "head_lang", "head_raw")):
        arrays[name] = np.concatenate([h[k] for h in heads])
    record["normalized"] = [s for b in batches for s in to_strings(*normalize_batch(b))]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path.with_suffix(".npz"), **arrays)  # type: ignore[arg-type]
    path.with_suffix(".json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    print(f"{len(texts)} texts -> {path.with_suffix('.npz')}, {path.with_suffix('.json')}")


def compare_outputs(a: Path, b: Path) -> int:
    """Exit status 0 when two ``dump_outputs`` files are bit-identical; prints differences."""
    bad = 0
    with np.load(a.with_suffix(".npz")) as xa, np.load(b.with_suffix(".npz")) as xb:
        for name in sorted(set(xa.files) | set(xb.files)):
            same = name in xa.files and name in xb.files and xa[name].shape == xb[name].shape
            same = same and xa[name].tobytes() == xb[name].tobytes()
            print(f"{name:<16} {'identical' if same else 'DIFFERENT'}")
            bad += not same
    ja = json.loads(a.with_suffix(".json").read_text(encoding="utf-8"))
    jb = json.loads(b.with_suffix(".json").read_text(encoding="utf-8"))
    for name in sorted(set(ja) | set(jb)):
        va, vb = ja.get(name), jb.get(name)
        same = va == vb
        print(f"{name:<16} {'identical' if same else 'DIFFERENT'}")
        if not same and isinstance(va, list) and isinstance(vb, list):
            diffs = [i for i, (x, y) in enumerate(zip(va, vb, strict=False)) if x != y]
            print(f"  {len(diffs)} rows differ, first: {diffs[:5]}")
        bad += not same
    print(f"{len(ja['texts'])} texts; {'all identical' if not bad else f'{bad} outputs differ'}")
    return 1 if bad else 0


def quick(batch: int) -> dict[str, float]:
    """The numbers the speed work is judged on, measured once (see ``--ab``)."""
    t0 = time.perf_counter()
    from civility.scoring.model import load_fast_scorer

    scorer = load_fast_scorer()
    load_s = time.perf_counter() - t0
    en = messages(4096)
    ru = messages(4096, vocab=RU_WORDS)
    scorer.score(en[:10])
    scorer.languages(en[:10])
    cpu = time.process_time
    # CPU-second rates: on a shared machine a process waits for a core, which wall time counts.
    return {
        "load_seconds": load_s,
        "fast_texts_per_s": throughput(scorer.score, en, batch, 2.0),
        "fast_texts_per_cpu_s": throughput(scorer.score, en, batch, 2.0, cpu),
        "fast_russian_texts_per_cpu_s": throughput(scorer.score, ru, batch, 1.0, cpu),
        "analyze_texts_per_cpu_s": throughput(
            lambda b: scorer.analyze(b, explain=False), en, batch, 1.0, cpu
        ),
        "analyze_russian_texts_per_cpu_s": throughput(
            lambda b: scorer.analyze(b, explain=False), ru, batch, 1.0, cpu
        ),
        "langid_messages_per_cpu_s": throughput(scorer.languages, en, batch, 1.0, cpu),
        "langid_russian_per_cpu_s": throughput(scorer.languages, ru, batch, 1.0, cpu),
        "single_p99_ms": latency_ms(scorer.score, en, 1000)["p99"],
        **{f"single_cpu_{k}_ms": v for k, v in cpu_latency_ms(scorer.score, en, 1000).items()},
    }


def cpu_latency_ms(fn, texts: list[str], n: int = 1000) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Single-text CPU time percentiles in ms (waiting for a core on a busy machine excluded)."""
    samples = []
    for t in texts[:n]:
        t0 = time.process_time()
        fn([t])
        samples.append((time.process_time() - t0) * 1e3)
    return {"p50": float(np.percentile(samples, 50)), "p99": float(np.percentile(samples, 99))}


def callgrind_regions() -> None:
    """Fixed work for instruction counts, one ``functools.reduce`` per region.

    Run under ``valgrind --tool=callgrind --toggle-collect=functools_reduce
    --dump-after=functools_reduce`` (PYTHONHASHSEED=0): only the regions are counted and each
    gets its own dump, in this order: 1 score() of 1,024 English messages (batches of 256),
    2 score() of 512 Russian, 3 analyze(explain=False) of 1,024 English, 4 languages() of
    1,024 English, 5 languages() of 512 Russian, 6 the threat tier alone on 1,024 English,
    7 score() one English text a call (300 calls), 8 analyze() one text a call (300),
    9 score() one Russian text a call (100). (The tables in /work/notes/issue-23-speed.md ran
    1-6 and 7-9 as two processes; the regions are the same.)
    """
    from functools import reduce

    from civility.scoring.model import load_fast_scorer
    from civility.scoring.threats import apply_threats

    scorer = load_fast_scorer()
    en = messages(1024, seed=11)
    ru = messages(512, seed=12, vocab=RU_WORDS)
    warm = messages(512, seed=13) + messages(256, seed=14, vocab=RU_WORDS)
    for i in range(0, len(warm), 256):
        scorer.analyze(warm[i : i + 256], explain=False)
    zeros = np.zeros((256, 6))

    def region(fn, texts: list[str], size: int = 256) -> None:  # type: ignore[no-untyped-def]
        reduce(lambda _, i: fn(texts[i : i + size]), range(0, len(texts), size), None)

    region(scorer.score, en)
    region(scorer.score, ru)
    region(lambda b: scorer.analyze(b, explain=False), en)
    region(scorer.languages, en)
    region(scorer.languages, ru)
    region(lambda b: apply_threats(b, zeros[: len(b)]), en)
    one_en = messages(300, seed=21)
    one_ru = messages(100, seed=22, vocab=RU_WORDS)
    for text in messages(50, seed=23):
        scorer.score([text])
        scorer.analyze([text], explain=False)
    region(scorer.score, one_en, 1)
    region(lambda b: scorer.analyze(b, explain=False), one_en, 1)
    region(scorer.score, one_ru, 1)


def ab(base_src: Path, rounds: int, batch: int, out: Path) -> int:
    """Alternates ``--quick`` runs of base_src and this tree, one process each; medians."""
    import subprocess

    sides = {"base": str(base_src), "tree": os.environ.get("TREE_SRC", str(ROOT / "src"))}
    runs: dict[str, list[dict[str, float]]] = {"base": [], "tree": []}
    loads: list[float] = []
    for r in range(rounds):
        order = ["base", "tree"] if r % 2 == 0 else ["tree", "base"]
        for side in order:
            loads.append(os.getloadavg()[0])
            cmd = [sys.executable, __file__, "--src", sides[side], "--quick", "--batch", str(batch)]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            runs[side].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(side, json.dumps(runs[side][-1]), file=sys.stderr)
    res: dict[str, object] = {
        "rounds": rounds,
        "load_average_1min": {
            "min": min(loads),
            "median": float(np.median(loads)),
            "max": max(loads),
        },
        "sources": sides,
    }
    for side, rows in runs.items():
        res[side] = {k: float(np.median([row[k] for row in rows])) for k in rows[0]}
        res[f"{side}_all"] = rows
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps({k: res[k] for k in ("load_average_1min", "base", "tree")}, indent=2))
    return 0


def main() -> int:
    """Runs the benchmark and writes JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--n", type=int, default=20480)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--cascade", action="store_true", help="also time the optional cascade tier")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "scorer.json")
    ap.add_argument("--src", type=Path, help="import civility from this src folder instead")
    ap.add_argument("--quick", action="store_true", help="one line of JSON: the speed numbers")
    ap.add_argument("--ab", type=Path, metavar="BASE_SRC", help="alternate --quick with BASE_SRC")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--dump-outputs", type=Path, metavar="PATH", help="outputs on a corpus")
    ap.add_argument("--dump-threats", type=Path, metavar="PATH", help="rule tier on a corpus")
    ap.add_argument("--compare", type=Path, nargs=2, metavar="PATH", help="two dumps: identical?")
    ap.add_argument("--callgrind-regions", action="store_true", help="see callgrind_regions()")
    args = ap.parse_args()
    if args.callgrind_regions:
        callgrind_regions()
        return 0
    if args.quick:
        print(json.dumps(quick(args.batch)))
        return 0
    if args.ab:
        return ab(args.ab, args.rounds, args.batch, Path(__file__).parent / "results" / "ab.json")
    if args.dump_threats:
        dump_threats(args.dump_threats)
        return 0
    if args.dump_outputs:
        dump_outputs(args.dump_outputs)
        return 0
    if args.compare:
        return compare_outputs(*args.compare)
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
    # The window above holds one-off work (each language's rules compile, the language
    # identifier loads, on first use); after one pass over every text, the steady state.
    for i in range(0, len(texts), args.batch):
        scorer.score(texts[i : i + args.batch])
    res["fast_after_warm_pass_texts_per_s"] = throughput(scorer.score, texts, args.batch)
    # The language experts' cost: the same model without them is the baseline, interleaved.
    import dataclasses

    from civility.scoring.model import FastScorer

    plain = FastScorer(
        dataclasses.replace(scorer.model, experts=None), scorer.calibration, scorer.manifest
    )
    for name, lang, sample in (
        ("fast_english", "en", texts[:4096]),
        ("fast_russian", "ru", messages(4096, vocab=RU_WORDS)),
    ):
        rates: dict[str, list[float]] = {"with": [], "without": []}
        for _ in range(3):  # interleaved: the machine's load drifts
            rates["with"].append(throughput(scorer.score, sample, args.batch, 1.0))
            rates["without"].append(throughput(plain.score, sample, args.batch, 1.0))
        model = scorer.model
        head = model.raw_logits(sample[:512])[:, model.n_cat : model.lang_end]
        res[name] = {
            "texts_per_s": float(np.median(rates["with"])),
            "without_experts_texts_per_s": float(np.median(rates["without"])),
            "language_head_agrees": float(
                np.mean(head.argmax(axis=1) == scorer.model.langs.index(lang))
            ),
        }
    res["analyze_explain_texts_per_s"] = throughput(
        lambda b: scorer.analyze(b, explain=True), texts[:1024], 64, 2.0
    )
    # Language identification runs on every analyzed text: ~120-char messages and 1-5 words.
    short = [" ".join(m.split()[: 1 + i % 5]) for i, m in enumerate(texts[:8192])]
    res["langid_texts_per_s"] = {
        "messages": throughput(scorer.languages, texts[:8192], args.batch, 2.0),
        "short_1_5_words": throughput(scorer.languages, short, args.batch, 2.0),
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
