"""Threat recall and false positives per language and kind on the held-out threat set.

Run from the repo root: ``python bench/threats.py [--scorer cascade]``. A score counts as a
threat when it is strictly above the default policy's ``hide`` (0.5) or ``block`` (0.8)
threshold for ``threat``; the scorer's own tuned threshold is shown too. Writes
bench/results/threats.json.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import numpy.typing as npt

from _heldout import analyze, load_jsonl, load_scorer, parser, rate, scorer_info, table, write
from civility.policy.decide import decide
from civility.policy.model import DEFAULT_RULES, Policy
from civility.scoring.metrics import roc_auc

HIDE = DEFAULT_RULES["threat"].hide
BLOCK = DEFAULT_RULES["threat"].block
TARGET_RECALL = 0.80
TARGET_FPR = 0.05
ACTIONS = ("allow", "flag", "hide", "block")


def recall_at_fpr(y: npt.NDArray[np.bool_], s: npt.NDArray[np.float64], fpr: float) -> float:
    """Recall at the lowest threshold whose false-positive rate is at most ``fpr``."""
    neg = np.sort(s[~y])[::-1]
    if not neg.size or not y.any():
        return float("nan")
    # Scores strictly above the k-th highest benign score let at most k benign items through.
    k = int(np.floor(fpr * neg.size))
    cut = neg[k] if k < neg.size else -np.inf
    return float(np.mean(s[y] > cut))


def group_metrics(
    y: npt.NDArray[np.bool_], s: npt.NDArray[np.float64], tuned: float
) -> dict[str, Any]:
    """Recall and false-positive rate at hide, block and the tuned threshold, ROC-AUC."""
    pos, neg = s[y], s[~y]
    return {
        "n_threat": int(pos.size),
        "n_benign": int(neg.size),
        "recall_hide": rate(int((pos > HIDE).sum()), pos.size),
        "recall_block": rate(int((pos > BLOCK).sum()), pos.size),
        "fpr_hide": rate(int((neg > HIDE).sum()), neg.size),
        "fpr_block": rate(int((neg > BLOCK).sum()), neg.size),
        "recall_tuned": rate(int((pos >= tuned).sum()), pos.size),
        "fpr_tuned": rate(int((neg >= tuned).sum()), neg.size),
        "roc_auc": roc_auc(y, s),
        # Chosen on this very set, so an upper bound: it says what a threshold could do.
        "oracle_recall_at_fpr_0.05": recall_at_fpr(y, s, TARGET_FPR),
    }


def main() -> int:
    """Scores the held-out threat set and prints per-language and per-kind tables."""
    args = parser(__doc__, "threats_heldout_v8.jsonl", "threats").parse_args()
    rows = load_jsonl(args.data)
    scorer = load_scorer(args.scorer)
    tuned = float(scorer.thresholds["threat"])
    analyses, seconds = analyze(scorer, [r["text"] for r in rows], args.batch)
    s = np.array([a.scores["threat"] for a in analyses])
    y = np.array([r["label"] == 1 for r in rows])
    langs = np.array([r["lang"] for r in rows])
    kinds = np.array([r["kind"] for r in rows])
    policy = Policy.default()
    actions = np.array([decide(policy, a.scores, [], False).action.value for a in analyses])

    res: dict[str, Any] = {
        "data": str(args.data),
        "scorer": scorer_info(scorer),
        "seconds": seconds,
        "thresholds": {"hide": HIDE, "block": BLOCK, "tuned": tuned},
        "target": {"recall_hide_min": TARGET_RECALL, "fpr_hide_max": TARGET_FPR},
        "overall": group_metrics(y, s, tuned),
        "by_language": {},
        "by_kind": {},
        "by_language_kind": {},
    }
    order = list(dict.fromkeys(langs.tolist()))
    for lang in order:
        m = langs == lang
        g = group_metrics(y[m], s[m], tuned)
        g["meets_target"] = bool(g["recall_hide"] >= TARGET_RECALL and g["fpr_hide"] <= TARGET_FPR)
        # The whole default policy (every category), not only the threat score.
        g["policy_threats"] = {a: int(c) for a, c in Counter(actions[m & y].tolist()).items()}
        g["policy_benign"] = {a: int(c) for a, c in Counter(actions[m & ~y].tolist()).items()}
        res["by_language"][lang] = g
    for kind in dict.fromkeys(kinds.tolist()):
        m = kinds == kind
        res["by_kind"][kind] = {
            "label": int(y[m][0]),
            "n": int(m.sum()),
            "above_hide": rate(int((s[m] > HIDE).sum()), int(m.sum())),
            "above_block": rate(int((s[m] > BLOCK).sum()), int(m.sum())),
            "mean_score": float(s[m].mean()),
        }
        res["by_language_kind"][kind] = {
            lang: rate(int((s[m & (langs == lang)] > HIDE).sum()), int((m & (langs == lang)).sum()))
            for lang in order
        }

    print(f"scorer {res['scorer']['name']} {res['scorer']['version']}  ({len(rows)} texts)")
    print(f"threat > {HIDE} = hide, > {BLOCK} = block; tuned = scorer threshold {tuned:.3f}\n")
    cols = ("recall_hide", "fpr_hide", "recall_block", "fpr_block", "recall_tuned", "fpr_tuned")
    header = ["lang", "n+", "n-", "rec@.5", "fpr@.5", "rec@.8", "fpr@.8", "rec@tun", "fpr@tun"]
    header += ["auc", "rec@fpr5*", "target"]
    body = []
    for lang, g in [*res["by_language"].items(), ("ALL", res["overall"])]:
        row: list[Any] = [lang, g["n_threat"], g["n_benign"], *(g[c] for c in cols)]
        row += [g["roc_auc"]]
        row += [
            g["oracle_recall_at_fpr_0.05"],
            {True: "ok", False: "FAIL"}.get(g.get("meets_target"), ""),
        ]
        body.append(row)
    print(table(header, body, 6))
    print("* threshold chosen on this set: an upper bound, not a result")
    print(f"target: recall >= {TARGET_RECALL} at FPR <= {TARGET_FPR} per language (at hide)")
    met = sum(g["meets_target"] for g in res["by_language"].values())
    print(f"languages meeting it: {met}/{len(order)}\n")

    header = ["kind", "label", "n", ">.5", ">.8", "mean", *order]
    body = [
        [k, g["label"], g["n"], g["above_hide"], g["above_block"], g["mean_score"]]
        + [res["by_language_kind"][k][lang] for lang in order]
        for k, g in res["by_kind"].items()
    ]
    print("share of items above threshold (threats: recall; benign: false positives)")
    print(table(header, body, 18) + "\n")

    header = ["lang", *(f"T:{a}" for a in ACTIONS), "B:hide+", "B:block"]
    body = []
    for lang, g in res["by_language"].items():
        t, b = g["policy_threats"], g["policy_benign"]
        row = [lang, *(t.get(a, 0) for a in ACTIONS)]
        row += [b.get("hide", 0) + b.get("block", 0), b.get("block", 0)]
        body.append(row)
    print("default policy verdicts (all categories): T = threats, B = benign items")
    print(table(header, body, 6))
    write(args.out, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
