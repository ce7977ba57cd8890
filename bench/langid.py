"""Short-text language identification on the held-out chat-message set.

Run from the repo root: ``python bench/langid.py``. Per language: accuracy (answer == lang),
wrong-language rate (answer not in {lang, "und"}) and "und" rate; for the language-neutral
items, the share answered "und". Writes bench/results/langid.json.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from _heldout import analyze, load_jsonl, load_scorer, parser, rate, scorer_info, table, write

UND = "und"
TARGET_ACCURACY = 0.95
TARGET_WRONG = 0.02


def main() -> int:
    """Identifies every message's language and prints a per-language table."""
    args = parser(__doc__, "langid_short_heldout_v4.jsonl", "langid").parse_args()
    rows = load_jsonl(args.data)
    scorer = load_scorer(args.scorer)
    analyses, seconds = analyze(scorer, [r["text"] for r in rows], args.batch)
    answers = [a.language for a in analyses]

    by_lang: dict[str, list[tuple[str, str]]] = {}
    for r, ans in zip(rows, answers, strict=True):
        by_lang.setdefault(r["lang"], []).append((r["text"], ans))
    res: dict[str, Any] = {
        "data": str(args.data),
        "scorer": scorer_info(scorer),
        "seconds": seconds,
        "target": {"accuracy_min": TARGET_ACCURACY, "wrong_max": TARGET_WRONG},
        "by_language": {},
    }
    n_ok = n_wrong = n_und = n_lang = 0
    for lang, items in by_lang.items():
        n = len(items)
        got = Counter(ans for _, ans in items)
        if lang == UND:
            res["undetermined"] = {
                "n": n,
                "answered_und": rate(got[UND], n),
                "answers": dict(got.most_common()),
                "misses": [t for t, a in items if a != UND],
            }
            continue
        ok, und = got[lang], got[UND]
        wrong = n - ok - und
        n_ok, n_wrong, n_und, n_lang = n_ok + ok, n_wrong + wrong, n_und + und, n_lang + n
        res["by_language"][lang] = {
            "n": n,
            "accuracy": rate(ok, n),
            "wrong": rate(wrong, n),
            "und": rate(und, n),
            "meets_target": bool(ok / n >= TARGET_ACCURACY and wrong / n <= TARGET_WRONG),
            "confused_with": dict(
                Counter(a for _, a in items if a not in (lang, UND)).most_common()
            ),
            # A few examples of each error kind, to read rather than to count.
            "wrong_examples": [[t, a] for t, a in items if a not in (lang, UND)][:15],
            "und_examples": [t for t, a in items if a == UND][:10],
        }
    res["overall"] = {
        "n": n_lang,
        "accuracy": rate(n_ok, n_lang),
        "wrong": rate(n_wrong, n_lang),
        "und": rate(n_und, n_lang),
    }
    # The target is about messages of 1-5 words; sets since v5 also hold longer ones.
    res["by_length"] = {}
    for name, lo, hi in (("1-5 words", 1, 5), ("6+ words", 6, 10**9)):
        sized = [
            (r["lang"], ans)
            for r, ans in zip(rows, answers, strict=True)
            if r["lang"] != UND and lo <= len(r["text"].split()) <= hi
        ]
        if sized:
            ok = sum(lang == ans for lang, ans in sized)
            und = sum(ans == UND for _, ans in sized)
            res["by_length"][name] = {
                "n": len(sized),
                "accuracy": rate(ok, len(sized)),
                "wrong": rate(len(sized) - ok - und, len(sized)),
                "und": rate(und, len(sized)),
            }

    print(f"scorer {res['scorer']['name']} {res['scorer']['version']}  ({len(rows)} texts)\n")
    header = ["lang", "n", "acc", "wrong", "und", "target", "top confusions"]
    body = []
    for lang, g in res["by_language"].items():
        top = ", ".join(f"{k}:{v}" for k, v in list(g["confused_with"].items())[:4])
        body.append(
            [
                lang,
                g["n"],
                g["accuracy"],
                g["wrong"],
                g["und"],
                "ok" if g["meets_target"] else "FAIL",
                "  " + top,
            ]
        )
    o = res["overall"]
    body.append(["ALL", o["n"], o["accuracy"], o["wrong"], o["und"], "", ""])
    for name, g in res["by_length"].items():
        body.append(
            [name.replace(" words", "w"), g["n"], g["accuracy"], g["wrong"], g["und"], "", ""]
        )
    print(table(header, body, 6))
    print(f"target: accuracy >= {TARGET_ACCURACY}, wrong <= {TARGET_WRONG} per language")
    met = sum(g["meets_target"] for g in res["by_language"].values())
    print(f"languages meeting it: {met}/{len(res['by_language'])}")
    if "undetermined" in res:
        u = res["undetermined"]
        shown = ", ".join(f"{k}:{v}" for k, v in u["answers"].items())
        print(f"\nund items: {u['n']}, answered und {u['answered_und']:.3f}  ({shown})")
    write(args.out, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
