"""Builds the language identifier's pool word lists (``scoring/langid_pool_words.py``).

The team-written lexicon (``scoring/langid_words.py``) holds frequent function, chat and insult
words; short chat messages made of other words ("precisa", "tomar", "gorda") fell through to
py3langid, which abstains on them, so a third of short Spanish and Portuguese windows came out
``und``. This adds, per language of the pool, the words that are frequent in that language's
rows and rare in every other language's:

- counted per text (document frequency) on the pool's training buckets (``bucket < 90``), with
  the identifier's own cleaning and tokeniser: words of at least ``MIN_LEN`` Latin letters (no
  digits, other scripts or mojibake), seen in at least ``MIN_COUNT`` texts, not already in the
  hand-written lists;
- kept when the word's (and its accent-free form's) share of texts in its language is at least
  ``RATIO`` times its share in every other pool language;
- dropped when py3langid (trained on other corpora, 97 languages) takes the word alone for
  French (which has no pool rows) or, with probability of at least ``NB_VETO``, for another
  supported language;
- at most ``TOP`` per language, most frequent first. Russian is left out: Cyrillic texts take
  their own path (``CYRILLIC_WORDS``), where short Russian windows were already 99% right.

The constants were chosen on random 1-5 word windows of the pool's tune and report buckets
(``bucket >= 90``), which ``--evaluate`` prints per language before and after. Those windows
are in-source (the same sites as the counts); the held-out chat sets in ``bench/data`` say
what users will see.

Run: ``python -m civility.training.langid_words --pool PATH [--evaluate]``.
"""

from __future__ import annotations

import argparse
import random
import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import pandas as pd

from civility.scoring import langid
from civility.scoring import langid_words as lexicon
from civility.training.data import TUNE_LO, load_pool

LANGS: Final[tuple[str, ...]] = ("en", "es", "it", "tr", "de", "pt")
MIN_LEN: Final[int] = 3
MIN_COUNT: Final[int] = 3
RATIO: Final[float] = 5.0
TOP: Final[int] = 4000
NB_VETO: Final[float] = 0.8
OUT: Final[Path] = Path(langid.__file__).with_name("langid_pool_words.py")
WINDOWS_PER_LANG: Final[int] = 1500
_URL_OR_HANDLE: Final = re.compile(r"https?://\S+|@\w+")


def hand_written() -> set[str]:
    """Every word the hand-written lists hold, as written and without accents."""
    words: set[str] = set(lexicon.FEW) | set(lexicon.SHARED.split())
    for lists in (lexicon.WORDS, lexicon.CHAT_WORDS, lexicon.INSULTS, lexicon.OTHER_WORDS):
        for text in lists.values():
            for word in text.split():
                words.update((word, langid.strip_accents(word)))
    return words


def document_counts(frame: pd.DataFrame) -> tuple[dict[str, Counter[str]], dict[str, int]]:
    """Per language: in how many texts each token occurs, and how many texts there are."""
    counts: dict[str, Counter[str]] = {}
    sizes: dict[str, int] = {}
    for lang, texts in frame.groupby("lang")["text"]:
        counter: Counter[str] = Counter()
        for text in texts:
            counter.update(set(langid.tokens_of(langid.clean(text))))
        counts[str(lang)] = counter
        sizes[str(lang)] = len(texts)
    return counts, sizes


def distinctive(
    counts: Mapping[str, Counter[str]], sizes: Mapping[str, int], known: set[str]
) -> dict[str, list[str]]:
    """Per language, frequent words whose text share beats every other language's by RATIO."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        picked: list[tuple[int, str]] = []
        for word, n in counts.get(lang, Counter()).items():
            if n < MIN_COUNT or len(word) < MIN_LEN or word in known:
                continue
            if not all(ch.isalpha() and "LATIN" in unicodedata.name(ch, "") for ch in word):
                continue  # digits, other scripts, and the pool's mojibake ("voc锚s")
            forms = {word, langid.strip_accents(word)}
            other = max(
                (max(counts[o].get(f, 0) for f in forms) / sizes[o] for o in counts if o != lang),
                default=0.0,
            )
            if n / sizes[lang] >= RATIO * other:
                picked.append((n, word))
        picked.sort(key=lambda item: (-item[0], item[1]))
        out[lang] = [word for _, word in picked[:TOP]]
    return out


def veto(lists: Mapping[str, list[str]], ident: langid.LanguageIdentifier) -> dict[str, list[str]]:
    """Drops words py3langid takes for French, or confidently for another supported language."""
    out: dict[str, list[str]] = {}
    for lang, words in lists.items():
        kept = []
        for word, probs in zip(words, ident.probabilities(words), strict=True):
            best = max(probs, key=probs.__getitem__)
            french = best == "fr"
            other = best != lang and best in langid.SUPPORTED and probs[best] >= NB_VETO
            if not (french or other):
                kept.append(word)
        out[lang] = kept
    return out


def render(lists: Mapping[str, Sequence[str]]) -> str:
    """Source of ``scoring/langid_pool_words.py``."""
    lines = [
        '"""Pool word lists of the language identifier: written by ``civility.training.'
        "langid_words``.",
        "",
        "Generated from the training pool's buckets 0-89 (see that module for the rule); do not",
        "edit by hand. Derived from the pool's datasets, whose sources and licences the model card",
        'lists."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "POOL_WORDS: Final[dict[str, str]] = {",
    ]
    for lang in sorted(lists):
        body = textwrap.fill(" ".join(lists[lang]), width=96, break_on_hyphens=False)
        lines.append(f'    "{lang}": """')
        lines.extend(body.splitlines())
        lines.append('""",')
    lines.append("}  # fmt: skip")
    return "\n".join(lines) + "\n"


def windows(frame: pd.DataFrame, seed: int = 7) -> list[tuple[str, str]]:
    """(language, text): random 1-5 word windows of the tune and report buckets."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for lang, texts in frame.groupby("lang")["text"]:
        pool = list(texts)
        rng.shuffle(pool)
        taken = 0
        for text in pool:
            words = _URL_OR_HANDLE.sub(" ", text).split()
            size = rng.randint(1, 5)
            if len(words) < size:
                continue
            start = rng.randint(0, len(words) - size)
            out.append((str(lang), " ".join(words[start : start + size])))
            taken += 1
            if taken >= WINDOWS_PER_LANG:
                break
    return out


def accuracy(rows: Iterable[tuple[str, str]], ident: langid.LanguageIdentifier) -> dict[str, str]:
    """Per language: share right / share und / share wrong."""
    rows = list(rows)
    answers = ident.classify_many([text for _, text in rows])
    tally: dict[str, Counter[str]] = {}
    for (lang, _), got in zip(rows, answers, strict=True):
        kind = "right" if got == lang else "und" if got == langid.UNDETERMINED else "wrong"
        tally.setdefault(lang, Counter())[kind] += 1
    return {
        lang: " / ".join(f"{c[k] / c.total():.3f}" for k in ("right", "und", "wrong"))
        for lang, c in sorted(tally.items())
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: writes the pool word lists, optionally with before/after accuracy."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pool", type=Path, required=True, help="folder of the pool's *.csv.gz")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--evaluate", action="store_true", help="right/und/wrong on pool windows")
    args = ap.parse_args(argv)
    pool = load_pool(args.pool)
    train = pool[pool["bucket"] < TUNE_LO]
    ident = langid.LanguageIdentifier(langid.Lexicon({}))
    counts, sizes = document_counts(train)
    lists = veto(distinctive(counts, sizes, hand_written()), ident)
    rows = windows(pool[pool["bucket"] >= TUNE_LO]) if args.evaluate else []
    before = accuracy(rows, ident) if rows else {}
    args.out.write_text(render(lists), encoding="utf-8")
    print({lang: len(words) for lang, words in lists.items()}, "->", args.out)
    if rows:
        after = accuracy(rows, langid.LanguageIdentifier(langid.Lexicon(lists)))
        print("right / und / wrong on 1-5 word windows of buckets 90-99 (in-source):")
        for lang in before:
            print(f"  {lang}: before {before[lang]}   after {after[lang]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
