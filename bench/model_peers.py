"""Compare the fast tier with peer open-source models on our validation (report) split.

Peers: alt-profanity-check (linear SVM on Jigsaw 2018 train + Davidson), hatesonar
(Davidson-trained, shipped as ONNX) and toxic-comment-classifier (Keras BiLSTM on the Jigsaw
2018 challenge). All were trained on data that overlaps our pool, so the headline comparison
uses only report-split rows from sources they cannot have seen (everything except jigsaw2018
and davidson); the seen sources are reported separately for completeness.

Run in a venv that has the peers (they pin their own deps), e.g.:
    python -m venv .venv-peers
    .venv-peers/bin/pip install alt-profanity-check hatesonar py3langid
    .venv-peers/bin/python bench/model_peers.py
toxic-comment-classifier needs TensorFlow, so it gets its own optional environment; its
declared `tensorflow` dependency is the GPU build, so install the CPU one and the package
without dependencies:
    python -m venv .venv-peers-tf
    .venv-peers-tf/bin/pip install tensorflow-cpu==2.21.0 pandas scikit-learn py3langid
    .venv-peers-tf/bin/pip install --no-deps toxic-comment-classifier==0.3.0
    .venv-peers-tf/bin/python bench/model_peers.py --models toxic-comment-classifier
Writes bench/results/model_peers.json; a run with --models replaces only those models' entries,
so the two environments fill one file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from civility.scoring.evaluate import read_rows
from civility.scoring.metrics import bootstrap_ci, roc_auc

POOL = Path("/work/shared/data/train")
SEEN_BY_PEERS = {"jigsaw2018", "davidson"}
REPORT_LO = 95  # same split as civility.training.data: sha1(text) mod 100 >= 95

ScoreFn = Callable[[Sequence[str]], np.ndarray]


def report_rows(pool: Path) -> list[dict[str, str]]:
    """Report-split rows (sha1 bucket 95..99) of every pool file."""
    rows: list[dict[str, str]] = []
    for f in sorted(pool.glob("*.csv.gz")):
        for r in read_rows(f):
            if (
                int(hashlib.sha1(r["text"].encode("utf-8"), usedforsecurity=False).hexdigest(), 16)
                % 100
                >= REPORT_LO
            ):
                rows.append(r)
    return rows


def ours() -> ScoreFn:
    """Our fast tier's toxicity probability."""
    from civility.scoring.model import load_fast_scorer

    s = load_fast_scorer()
    return lambda texts: s.predict(texts)[:, 0]


def profanity_check() -> ScoreFn:
    """alt-profanity-check's offensive probability."""
    from profanity_check import predict_prob

    return lambda texts: np.asarray(predict_prob(list(texts)), dtype=np.float64)


def hatesonar() -> ScoreFn:
    """hatesonar: toxicity = 1 - P(neither).

    Its StringNormalizer node has no locale, which onnxruntime reads as en_US.UTF-8 (absent on
    minimal systems); we set C.UTF-8 on the node before the session loads.
    """
    import onnx
    import onnxruntime as ort
    from hatesonar.api import DEFAULT_MODEL_FILE

    os.environ.setdefault("LC_ALL", "C.UTF-8")
    model = onnx.load(str(DEFAULT_MODEL_FILE))
    for node in model.graph.node:
        if node.op_type == "StringNormalizer":
            # No locale attribute means en_US.UTF-8 to onnxruntime; set one every system has.
            kept = [a for a in node.attribute if a.name != "locale"]
            del node.attribute[:]
            node.attribute.extend([*kept, onnx.helper.make_attribute("locale", "C.UTF-8")])
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])

    def score(texts: Sequence[str]) -> np.ndarray:
        _, probs = sess.run(None, {"text": np.array(list(texts), dtype=object)})
        arr = (
            np.array([[p[k] for k in (0, 1, 2)] for p in probs])
            if isinstance(probs, list)
            else np.asarray(probs)
        )
        return 1.0 - arr[:, 2]

    return score


def toxic_comment_classifier() -> ScoreFn:
    """toxic-comment-classifier's "toxic" head, batched.

    Its own ``classify`` runs Keras once per text; we call the same tokenizer, padding and model
    on whole batches (same outputs, fairer speed).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    from tensorflow.keras.preprocessing.sequence import pad_sequences
    from toxic_classifier.model import MAXLEN, ToxicCommentClassifier

    clf = ToxicCommentClassifier()

    def score(texts: Sequence[str]) -> np.ndarray:
        padded = pad_sequences(clf.tokenizer.texts_to_sequences(list(texts)), maxlen=MAXLEN)
        return np.asarray(clf.model.predict(padded, batch_size=256, verbose=0)[:, 0], np.float64)

    return score


MODELS: dict[str, Callable[[], ScoreFn]] = {
    "civility-fast": ours,
    "alt-profanity-check": profanity_check,
    "hatesonar": hatesonar,
    "toxic-comment-classifier": toxic_comment_classifier,
}


def measure(fn: ScoreFn, texts: Sequence[str], batch: int = 256) -> tuple[np.ndarray, float]:
    """Scores in batches; returns scores and texts/s."""
    fn(texts[:8])
    t0 = time.perf_counter()
    out = np.concatenate([fn(texts[i : i + batch]) for i in range(0, len(texts), batch)])
    return out, len(texts) / (time.perf_counter() - t0)


def auc_block(y: np.ndarray, s: np.ndarray) -> dict[str, Any]:
    """AUC with bootstrap CI."""
    m = ~np.isnan(y)
    return {
        "n": int(m.sum()),
        "roc_auc": roc_auc(y[m], s[m]),
        "roc_auc_ci95": list(bootstrap_ci(y[m], s[m])),
    }


def main() -> int:
    """Runs every available model and writes JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", type=Path, default=POOL)
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "model_peers.json"
    )
    ap.add_argument(
        "--models",
        default=",".join(MODELS),
        help=f"comma-separated subset of {', '.join(MODELS)} (others in --out are kept)",
    )
    args = ap.parse_args()
    names = [m.strip() for m in args.models.split(",") if m.strip()]
    unknown = sorted(set(names) - set(MODELS))
    if unknown:
        ap.error(f"unknown models {unknown}; choose from {sorted(MODELS)}")
    if not args.pool.exists():
        print(f"pool not found at {args.pool}; nothing to compare", file=sys.stderr)
        return 2
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    rows = [r for r in report_rows(args.pool) if r.get("toxicity")]
    texts = [r["text"] for r in rows]
    y = np.array([float(r["toxicity"]) for r in rows])
    src = np.array([r["source"] for r in rows])
    lang = np.array([r["lang"] for r in rows])
    unseen = ~np.isin(src, list(SEEN_BY_PEERS))
    result: dict[str, Any] = {
        "split": "report split (sha1(text) mod 100 >= 95), rows with a toxicity label",
        "unseen_definition": f"sources other than {sorted(SEEN_BY_PEERS)} (peers trained on those)",
        "models": {},
    }
    if args.out.exists():
        result["models"] = json.loads(args.out.read_text()).get("models", {})
    for name in names:
        factory = MODELS[name]
        try:
            fn = factory()
        except Exception as exc:  # a missing peer must not stop the others
            result["models"][name] = {"error": repr(exc)}
            continue
        scores, tps = measure(fn, texts)
        block: dict[str, Any] = {"texts_per_s_batch256": tps}
        block["unseen_en"] = auc_block(y[unseen & (lang == "en")], scores[unseen & (lang == "en")])
        block["unseen_all_languages"] = auc_block(y[unseen], scores[unseen])
        for s in sorted(set(src.tolist())):
            block[f"source={s}"] = auc_block(y[src == s], scores[src == s])
        for lg in sorted(set(lang.tolist())):
            block[f"lang={lg}"] = auc_block(y[lang == lg], scores[lang == lg])
        result["models"][name] = block
        print(
            name,
            json.dumps({k: block[k] for k in ("texts_per_s_batch256", "unseen_en")}),
            flush=True,
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
