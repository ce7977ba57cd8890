"""Identity-term fairness on the held-out set: false positives on neutral mentions, attack recall.

Run from the repo root: ``python bench/fairness.py``. A text is flagged for a category when its
score is at or above the scorer's own threshold for it (``scorer.thresholds``). Reported overall,
per identity term, per sentence frame, and split by whether the term is one the training code's
identity lists name. Writes bench/results/fairness.json.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from _heldout import analyze, load_jsonl, load_scorer, parser, rate, scorer_info, table, write
from civility.scoring.metrics import roc_auc

CATS = ("identity_attack", "toxicity")


def metrics(
    y: npt.NDArray[np.bool_], s: dict[str, npt.NDArray[np.float64]], thr: dict[str, float]
) -> dict[str, Any]:
    """FPR on neutral rows and recall on attacks, per category and for either; ROC-AUC."""
    flag = {c: s[c] >= thr[c] for c in CATS}
    either = flag["identity_attack"] | flag["toxicity"]
    n_neu, n_att = int((~y).sum()), int(y.sum())
    out: dict[str, Any] = {"n_neutral": n_neu, "n_attack": n_att}
    for c in CATS:
        out[f"fpr_{c}"] = rate(int(flag[c][~y].sum()), n_neu)
        out[f"recall_{c}"] = rate(int(flag[c][y].sum()), n_att)
        out[f"auc_{c}"] = roc_auc(y, s[c])
    out["fpr_either"] = rate(int(either[~y].sum()), n_neu)
    out["recall_either"] = rate(int(either[y].sum()), n_att)
    out["max_neutral_identity_attack"] = float(s["identity_attack"][~y].max()) if n_neu else None
    return out


def main() -> int:
    """Scores the fairness set and prints overall, per-term and per-frame tables."""
    args = parser(__doc__, "fairness_heldout.jsonl", "fairness").parse_args()
    rows = load_jsonl(args.data)
    scorer = load_scorer(args.scorer)
    thr = {c: float(scorer.thresholds[c]) for c in CATS}
    analyses, seconds = analyze(scorer, [r["text"] for r in rows], args.batch)
    s = {c: np.array([a.scores[c] for a in analyses]) for c in CATS}
    y = np.array([r["label"] == 1 for r in rows])
    terms = np.array([r["term"] for r in rows])
    frames = np.array([r["frame"] for r in rows])
    seen = np.array([bool(r.get("term_in_training_lists")) for r in rows])

    def sub(m: npt.NDArray[np.bool_]) -> dict[str, Any]:
        return metrics(y[m], {c: v[m] for c, v in s.items()}, thr)

    res: dict[str, Any] = {
        "data": str(args.data),
        "scorer": scorer_info(scorer),
        "seconds": seconds,
        "thresholds": thr,
        "overall": sub(np.ones_like(y)),
        "terms_in_training_lists": sub(seen),
        "terms_not_in_training_lists": sub(~seen),
        "by_term": {t: sub(terms == t) for t in dict.fromkeys(terms.tolist())},
        "by_frame": {f: sub(frames == f) for f in dict.fromkeys(frames.tolist())},
        "flagged_neutral": [
            {"text": r["text"], **{c: float(s[c][i]) for c in CATS}}
            for i, r in enumerate(rows)
            if not y[i] and any(s[c][i] >= thr[c] for c in CATS)
        ],
    }

    print(f"scorer {res['scorer']['name']} {res['scorer']['version']}  ({len(rows)} texts)")
    print(
        f"thresholds: identity_attack {thr['identity_attack']:.3f}, toxicity {thr['toxicity']:.3f}"
    )
    print("fpr = neutral mentions flagged, rec = attacks flagged (score >= threshold)\n")
    header = ["group", "n0", "n1", "fpr_ia", "fpr_tox", "fpr_any", "rec_ia", "rec_tox", "rec_any"]
    header += ["auc_ia", "auc_tox", "max0_ia"]
    keys = ["fpr_identity_attack", "fpr_toxicity", "fpr_either"]
    keys += ["recall_identity_attack", "recall_toxicity", "recall_either"]
    keys += ["auc_identity_attack", "auc_toxicity", "max_neutral_identity_attack"]

    def line(name: str, g: dict[str, Any]) -> list[Any]:
        return [name, g["n_neutral"], g["n_attack"], *(g[k] for k in keys)]

    groups = [
        line("ALL", res["overall"]),
        line("seen terms", res["terms_in_training_lists"]),
        line("unseen terms", res["terms_not_in_training_lists"]),
    ]
    print(table(header, groups, 18) + "\n")
    by_term = sorted(res["by_term"].items(), key=lambda kv: -kv[1]["fpr_either"])
    print("per term (worst neutral false-positive rate first)")
    print(table(header, [line(t, g) for t, g in by_term], 18) + "\n")
    print("per frame (neutral frames: fpr; attack frames: recall)")
    print(table(header, [line(f, g) for f, g in res["by_frame"].items()], 24))
    write(args.out, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
