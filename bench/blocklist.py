"""Benchmark: blocklist matching and fast checks on a 10,000-char text; prints and writes JSON.

Run: PYTHONPATH=src python bench/blocklist.py [--entries 10000] [--chars 10000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from civility.blocklists import BlocklistEntry, EntryKind, compile_blocklist
from civility.blocklists.service import BlocklistCache, BlocklistRecord
from civility.moderation.context import ContextLoader
from civility.moderation.models import IncomingMessage
from civility.moderation.pipeline import screen, settle
from civility.moderation.records import StoredMessage
from civility.policy import InMemoryPolicyRepository, Policy
from civility.policy.checks import MemoryWindowStore, run_checks
from civility.policy.verdict import Action
from civility.text.normalizer import normalize

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, lo: int = 4, hi: int = 9) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(lo, hi)))


def make_entries(rng: random.Random, n: int) -> list[BlocklistEntry]:
    """Mostly words, some phrases and wildcards, a few regexes."""
    entries: list[BlocklistEntry] = []
    for i in range(n):
        roll = i % 100
        if roll < 80:
            entries.append(BlocklistEntry(_word(rng), EntryKind.WORD, Action.BLOCK))
        elif roll < 94:
            phrase = f"{_word(rng)} {_word(rng)}"
            entries.append(BlocklistEntry(phrase, EntryKind.PHRASE, Action.FLAG))
        elif roll < 99:
            entries.append(BlocklistEntry(f"{_word(rng, 3, 5)}*", EntryKind.WILDCARD, Action.FLAG))
        else:
            entries.append(BlocklistEntry(rf"{_word(rng, 3, 5)}\d+", EntryKind.REGEX, Action.FLAG))
    return entries


def make_text(rng: random.Random, entries: list[BlocklistEntry], chars: int) -> str:
    """Random words with some listed terms, a few of them disguised."""
    words: list[str] = []
    size = 0
    while size < chars:
        if rng.random() < 0.02:
            term = rng.choice(entries).pattern.replace("*", "s")
            word = ".".join(term) if rng.random() < 0.5 else term.upper()
        else:
            word = _word(rng, 2, 8)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:chars]


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
        "min_ms": round(ordered[0], 3),
    }


class _Entries:
    """A fixed in-memory blocklist store for the engine path (version never moves)."""

    def __init__(self, entries: list[BlocklistEntry], now: datetime) -> None:
        self._records = [BlocklistRecord(e, "bench", now) for e in entries]

    def active(self) -> list[BlocklistRecord]:
        return self._records

    def version(self) -> int:
        return 1


class _NoRecords:
    def records_for_many(
        self, user_ids: object, *, in_force: object = None
    ) -> dict[str, list[object]]:
        return {}


def naive_scan(words: list[str], text: str) -> int:
    """Baseline: one casefolded substring search per entry (no word boundaries, no evasion)."""
    folded = text.casefold()
    return sum(1 for w in words if w in folded)


def engine_pre_check(entries: list[BlocklistEntry], text: str, now: datetime):  # type: ignore[no-untyped-def]
    """The pipeline's rules before the model (ban status, cached blocklist, checks), one message."""
    cache = BlocklistCache(_Entries(entries, now), check_interval=3600)  # type: ignore[arg-type]
    loader = ContextLoader(
        InMemoryPolicyRepository(),
        cache,
        _NoRecords(),
        MemoryWindowStore(),  # type: ignore[arg-type]
    )
    t = time.perf_counter()
    cache.current()
    first_ms = (time.perf_counter() - t) * 1000
    message = StoredMessage("msg_1", "p", "u", "c", text, None, {}, None, now)

    def pre_check() -> None:
        context = loader.load([message], now)
        screened = [screen(message, context)]
        settle(screened, loader.count_windows([h for s in screened for h in s.hits], now))

    return first_ms, pre_check


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(42)
    entries = make_entries(rng, args.entries)
    text = make_text(rng, entries, args.chars)
    t = time.perf_counter()
    blocklist = compile_blocklist(entries)
    compile_ms = (time.perf_counter() - t) * 1000
    matches = len(blocklist.match(text).matches)

    settings = Policy.default().checks
    store = MemoryWindowStore()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    short = IncomingMessage(
        "m", "u", "c", "Check THIS out http://x.com nooooooooo", {}, now - timedelta(days=1)
    )
    long_msg = IncomingMessage("m", "u", "c", text, {}, now - timedelta(days=1))
    words = [e.pattern.casefold() for e in entries if e.kind is EntryKind.WORD]
    cache_build_ms, pre_check = engine_pre_check(entries, text, now)
    results = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "entries": args.entries,
        "chars": len(text),
        "matches": matches,
        "compile_ms": round(compile_ms, 1),
        "normalize": summary(timed(lambda: normalize(text), args.repeat)),
        "blocklist_match": summary(timed(lambda: blocklist.match(text), args.repeat)),
        "baseline_naive_substring_words_only": summary(
            timed(lambda: naive_scan(words, text), args.repeat)
        ),
        "engine_cache_first_build_ms": round(cache_build_ms, 1),
        "engine_pre_check_10k_message": summary(timed(pre_check, args.repeat)),
        "checks_short_message": summary(
            timed(lambda: run_checks(short, settings, store, now), args.repeat * 10)
        ),
        "checks_10k_message": summary(
            timed(lambda: run_checks(long_msg, settings, store, now), args.repeat)
        ),
    }
    print(json.dumps(results, indent=2))
    out_dir = Path(__file__).parent / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "blocklist.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
