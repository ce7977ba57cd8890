"""Context on the held-out set: benign texts with violent or obscene words, and long-text dilution.

Run from the repo root: ``python bench/context.py``. ``benign_context`` rows should not be
flagged (score >= the scorer's threshold in any category). ``long_dilution`` rows are a long
friendly text ending in a short insult; each is compared with its insult scored alone.
Writes bench/results/context.json.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from _heldout import analyze, load_jsonl, load_scorer, parser, rate, scorer_info, table, write
from civility.scoring.base import CATEGORIES

DILUTION_CATS = ("toxicity", "insult")


def main() -> int:
    """Scores both parts of the context set and prints their tables."""
    args = parser(__doc__, "context_heldout.jsonl", "context").parse_args()
    rows = load_jsonl(args.data)
    scorer = load_scorer(args.scorer)
    thr = {c: float(scorer.thresholds[c]) for c in CATEGORIES}
    benign = [r for r in rows if r["kind"] == "benign_context"]
    long = [r for r in rows if r["kind"] == "long_dilution"]
    texts = [r["text"] for r in benign] + [r["text"] for r in long] + [r["insult"] for r in long]
    analyses, seconds = analyze(scorer, texts, args.batch)
    b_an = analyses[: len(benign)]
    l_an = analyses[len(benign) : len(benign) + len(long)]
    i_an = analyses[len(benign) + len(long) :]

    res: dict[str, Any] = {
        "data": str(args.data),
        "scorer": scorer_info(scorer),
        "seconds": seconds,
        "thresholds": thr,
    }

    # Benign context: a false positive in any category is one a moderator would see.
    flags = np.array([[a.scores[c] >= thr[c] for c in CATEGORIES] for a in b_an])
    langs = np.array([r["lang"] for r in benign])
    n = len(benign)
    b: dict[str, Any] = {
        "n": n,
        "fpr_toxicity": rate(int(flags[:, 0].sum()), n),
        "fpr_any": rate(int(flags.any(axis=1).sum()), n),
        "fpr_by_category": {c: rate(int(flags[:, h].sum()), n) for h, c in enumerate(CATEGORIES)},
        "by_language": {},
        "flagged": [
            {
                "lang": r["lang"],
                "text": r["text"],
                "categories": [c for h, c in enumerate(CATEGORIES) if f[h]],
            }
            for r, f in zip(benign, flags, strict=True)
            if f.any()
        ],
    }
    for lang in dict.fromkeys(langs.tolist()):
        m = langs == lang
        b["by_language"][lang] = {
            "n": int(m.sum()),
            "fpr_toxicity": rate(int(flags[m, 0].sum()), int(m.sum())),
            "fpr_any": rate(int(flags[m].any(axis=1).sum()), int(m.sum())),
        }
    res["benign_context"] = b

    # Long dilution: the same insult, alone and after ~1,000 friendly characters.
    d: dict[str, Any] = {
        "n": len(long),
        "mean_chars": float(np.mean([len(r["text"]) for r in long])),
    }
    for c in DILUTION_CATS:
        full = np.array([a.scores[c] for a in l_an])
        alone = np.array([a.scores[c] for a in i_an])
        d[c] = {
            "long_at_or_above": rate(int((full >= thr[c]).sum()), len(long)),
            "insult_alone_at_or_above": rate(int((alone >= thr[c]).sum()), len(long)),
            "median_long": float(np.median(full)),
            "median_insult_alone": float(np.median(alone)),
            "median_ratio": float(np.median(full / np.maximum(alone, 1e-9))),
        }
    any_long = [any(a.scores[c] >= thr[c] for c in CATEGORIES) for a in l_an]
    any_alone = [any(a.scores[c] >= thr[c] for c in CATEGORIES) for a in i_an]
    d["any_category_long"] = rate(sum(any_long), len(long))
    d["any_category_insult_alone"] = rate(sum(any_alone), len(long))
    d["items"] = [
        {
            "lang": r["lang"],
            "insult": r["insult"],
            **{f"{c}_long": la.scores[c] for c in DILUTION_CATS},
            **{f"{c}_alone": ia.scores[c] for c in DILUTION_CATS},
        }
        for r, la, ia in zip(long, l_an, i_an, strict=True)
    ]
    res["long_dilution"] = d

    print(f"scorer {res['scorer']['name']} {res['scorer']['version']}  ({len(texts)} texts)\n")
    print(f"benign_context: {n} texts that use violent or obscene words benignly (label 0)")
    header = ["lang", "n", "fpr_tox", "fpr_any"]
    body = [[k, g["n"], g["fpr_toxicity"], g["fpr_any"]] for k, g in b["by_language"].items()]
    body.append(["ALL", n, b["fpr_toxicity"], b["fpr_any"]])
    print(table(header, body, 6))
    cats = ", ".join(f"{c} {v:.3f}" for c, v in b["fpr_by_category"].items())
    print(f"false-positive rate by category: {cats}\n")

    print(f"long_dilution: {len(long)} texts, mean {d['mean_chars']:.0f} chars, insult at the end")
    header = ["category", "thr", "long>=thr", "alone>=thr", "med_long", "med_alone", "med_ratio"]
    body = []
    for c in DILUTION_CATS:
        g = d[c]
        body.append([c, thr[c], g["long_at_or_above"], g["insult_alone_at_or_above"]])
        body[-1] += [g["median_long"], g["median_insult_alone"], g["median_ratio"]]
    print(table(header, body, 10))
    print(
        f"any category at or above its threshold: long {d['any_category_long']:.3f},"
        f" insult alone {d['any_category_insult_alone']:.3f}"
    )
    write(args.out, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
