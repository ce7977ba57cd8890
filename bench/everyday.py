"""False positives on everyday chat: every category's share over the default policy's thresholds.

Run from the repo root: ``python bench/everyday.py``. Every row of the set is harmless
(``label`` 0): meetings, greetings, family and work chat, banter, in eight languages. Reports,
per language and kind, the share of messages over each category's flag and hide thresholds
and over any of them. Writes bench/results/everyday.json.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from _heldout import analyze, load_jsonl, load_scorer, parser, scorer_info, write
from civility.policy.model import DEFAULT_RULES
from civility.scoring.base import TextAnalysis


def shares(analyses: Sequence[TextAnalysis]) -> dict[str, Any]:
    """Per category and for any category: the share over flag and over hide."""
    out: dict[str, Any] = {}
    for cat, rule in DEFAULT_RULES.items():
        s = np.array([a.scores.get(cat) or 0.0 for a in analyses])
        out[cat] = {
            "over_flag": float(np.mean(s > rule.flag)),
            "over_hide": float(np.mean(s > rule.hide)),
        }
    for level in ("flag", "hide"):
        hits = [
            any((a.scores.get(c) or 0.0) > getattr(r, level) for c, r in DEFAULT_RULES.items())
            for a in analyses
        ]
        out.setdefault("any", {})[f"over_{level}"] = float(np.mean(hits))
    return out


def main() -> int:
    """Scores the everyday set and prints the false-positive shares."""
    args = parser(__doc__, "everyday_heldout.jsonl", "everyday").parse_args()
    rows = load_jsonl(args.data)
    scorer = load_scorer(args.scorer)
    analyses, seconds = analyze(scorer, [r["text"] for r in rows], args.batch)
    groups: dict[str, dict[str, list[TextAnalysis]]] = {
        "lang": defaultdict(list),
        "kind": defaultdict(list),
    }
    for r, a in zip(rows, analyses, strict=True):
        groups["lang"][r["lang"]].append(a)
        groups["kind"][r["kind"]].append(a)
    res: dict[str, Any] = {
        "data": str(args.data),
        "scorer": scorer_info(scorer),
        "seconds": seconds,
        "all": shares(analyses),
        "by_language": {k: shares(v) for k, v in groups["lang"].items()},
        "by_kind": {k: shares(v) for k, v in groups["kind"].items()},
    }
    print(f"scorer {res['scorer']['name']} {res['scorer']['version']}  ({len(rows)} texts)")
    print(f"{'group':<18}{'any>flag':>10}{'any>hide':>10}{'threat>hide':>13}")
    for name, block in [("ALL", res["all"]), *res["by_language"].items(), *res["by_kind"].items()]:
        print(
            f"{name:<18}{block['any']['over_flag']:>10.3f}{block['any']['over_hide']:>10.3f}"
            f"{block['threat']['over_hide']:>13.3f}"
        )
    write(args.out, res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
