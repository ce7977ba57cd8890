"""Optional accurate tier: runs only with its extra (onnxruntime, tokenizers)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from civility.scoring.linear_model import ARTIFACT_DIR

_EXTRA = "the accurate tier needs its extra: pip install -e '.[accurate]'"
pytest.importorskip("onnxruntime", reason=_EXTRA)
pytest.importorskip("tokenizers", reason=_EXTRA)

from civility.policy.decide import decide  # noqa: E402
from civility.policy.model import Policy  # noqa: E402
from civility.policy.verdict import Action  # noqa: E402
from civility.scoring.accurate import (  # noqa: E402
    MANIFEST,
    AccurateModel,
    CascadeScorer,
    blend_tiers,
    load_accurate,
    load_cascade,
)
from civility.scoring.base import CATEGORIES, Scorer  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (ARTIFACT_DIR / MANIFEST).exists(),
    reason="accurate model not trained (python -m civility.training.accurate)",
)

TEXTS = [
    "you are a stupid idiot",
    "have a nice day",
    "shut up, moron",
    "ты тупой идиот",
    "",
    "the meeting moved to thursday, bring the slides " * 40,
]


@pytest.fixture(scope="module")
def model() -> AccurateModel:
    return load_accurate()[0]


def test_a_text_scores_the_same_whatever_its_neighbours(model: AccurateModel) -> None:
    together = model.logits(TEXTS)
    alone = np.vstack([model.logits([t]) for t in TEXTS])
    assert together.shape == (len(TEXTS), len(CATEGORIES))
    assert np.isfinite(together).all()
    np.testing.assert_array_equal(together, alone)
    # Batched runs share one int8 activation scale: close to, not equal to, single runs.
    np.testing.assert_allclose(model.logits(TEXTS, batch_size=32), alone, atol=0.5)
    assert model.logits([]).shape == (0, len(CATEGORIES))


def test_long_texts_are_truncated(model: AccurateModel) -> None:
    (ids,) = model.token_ids(["word " * 1000])
    assert len(ids) == model.max_tokens


def test_manifest_checksum_is_enforced(tmp_path: Path) -> None:
    for f in ARTIFACT_DIR.iterdir():
        if f.name.startswith("accurate-"):
            shutil.copy(f, tmp_path / f.name)
    load_accurate(tmp_path)
    onnx = next(tmp_path.glob("accurate-*.onnx"))
    raw = bytearray(onnx.read_bytes())
    raw[-1] ^= 1
    onnx.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="SHA-256"):
        load_accurate(tmp_path)


def test_cascade_contract() -> None:
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, Scorer)
    out = cascade.score(["you are a stupid idiot", "have a nice day"])
    assert set(out[0]) == set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for row in out for v in row.values())
    assert out[0]["toxicity"] > 0.5 > out[1]["toxicity"]


def test_blend_averages_the_tiers_logits() -> None:
    fast = np.array([[0.2, 0.9]])
    acc = np.array([[0.8, 0.5]])
    np.testing.assert_array_equal(blend_tiers(fast, acc, 1.0), acc)
    np.testing.assert_allclose(blend_tiers(fast, acc, 0.0), fast)
    mid = blend_tiers(fast, acc, 0.5)
    np.testing.assert_allclose(mid[0, 0], 0.5)  # logit(0.2) = -logit(0.8)
    assert 0.5 < mid[0, 1] < 0.9


def test_routed_texts_get_the_manifest_blend() -> None:
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, CascadeScorer)
    assert 0.0 < cascade.blend <= 1.0
    texts = ["you are a stupid idiot", "shut up, moron"]
    want = blend_tiers(cascade.fast.predict(texts), cascade.accurate_proba(texts), cascade.blend)
    np.testing.assert_allclose(cascade.predict(texts), want)


def test_non_english_keeps_fast_scores() -> None:
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, CascadeScorer)
    texts = ["ты тупой идиот", "eres un idiota de mierda", "you are a stupid idiot"]
    got = cascade.score(texts)
    fast = cascade.fast.score(texts)
    assert got[:2] == fast[:2]
    assert got[2] != fast[2]


def test_routing_follows_the_language_identifier() -> None:
    """Short non-English texts the model's language head took for English stay on the fast
    tier (they used to be routed and their toxicity halved); undetermined ones stay too."""
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, CascadeScorer)
    texts = ["te voy a matar", "tu es un connard", "sen aptalın tekisin", "idiot", "kys"]
    assert [a.language for a in cascade.analyze(texts, explain=False)] == [
        "es",
        "fr",
        "tr",
        "und",
        "en",
    ]
    got = cascade.score(texts)
    fast = cascade.fast.score(texts)
    assert got[:4] == fast[:4]
    assert got[4] != fast[4]


def test_cascade_is_thread_safe() -> None:
    cascade = load_cascade(band=(0.0, 1.01))
    batches = [TEXTS[i:] + TEXTS[:i] for i in range(len(TEXTS))] * 3
    expected = [cascade.score(b) for b in batches]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(cascade.score, batches))
    assert got == expected


def test_cascade_explain_predicate_sees_final_scores() -> None:
    cascade = load_cascade(band=(0.0, 1.01))
    assert isinstance(cascade, CascadeScorer)
    texts = ["you are a stupid idiot", "have a nice day", "shut up, moron", "ты тупой идиот"]
    seen: dict[int, dict[str, float]] = {}

    def all_but_second(i: int, scores: Mapping[str, float]) -> bool:
        seen[i] = dict(scores)
        return i != 1

    got = cascade.analyze(texts, explain=all_but_second)
    final = cascade.score(texts)
    assert [seen[i] for i in range(len(texts))] == [a.scores for a in got] == final
    assert final != cascade.fast.score(texts)  # the band routed every English text
    fast = cascade.fast.analyze(texts)
    assert [a.spans for a in got] == [() if i == 1 else f.spans for i, f in enumerate(fast)]
    assert [a.language for a in got] == [f.language for f in fast]
    assert got[0].spans


def test_the_service_runs_the_cascade_when_configured(tmp_path: Path) -> None:
    from civility.container import build_container
    from civility.moderation.models import IncomingMessage
    from civility.settings import load_settings
    from civility.storage.db import upgrade

    url = f"sqlite:///{tmp_path / 'c.db'}"
    upgrade(url)
    settings = load_settings(
        database_url=url,
        data_dir=tmp_path,
        scorer="cascade",
        cascade_band="0.0,1.0",
    )
    container = build_container(settings)
    try:
        assert isinstance(container.scorer, CascadeScorer)
        [view] = container.moderation.moderate(
            [IncomingMessage("m1", "u1", "general", "you are a stupid idiot")]
        )
        assert view.decision is not None
        assert view.decision.scorer is not None
        assert view.decision.scorer.startswith(container.scorer.name)
    finally:
        container.close()


def _acted_on(scores: np.ndarray) -> list[str]:
    """Default-policy actions harsher than flag-for-review over a probe's score rows."""
    rows = [dict(zip(CATEGORIES, row, strict=True)) for row in scores.tolist()]
    actions = [decide(Policy(), r, (), False).action for r in rows]
    return [a.value for a in actions if a not in (Action.ALLOW, Action.FLAG)]


@pytest.mark.parametrize("band", [None, (0.0, 1.01)], ids=["default-band", "every-english-text"])
def test_cascade_never_hides_the_identity_probe(band: tuple[float, float] | None) -> None:
    # A regression guard (the probe's terms are the ones training augmented, so it is
    # circular); the fairness numbers come from bench/fairness.py's held-out frames.
    from civility.training.pipeline import BIAS_TEMPLATES, PROBE_TERMS

    cascade = load_cascade(band=band)
    assert isinstance(cascade, CascadeScorer)
    texts = [t.format(term) for t in BIAS_TEMPLATES for term in PROBE_TERMS]
    assert not _acted_on(cascade.predict(texts))


def test_cascade_never_hides_the_selection_frames_at_its_default_band() -> None:
    from civility.training.cascade import PROBE_TERMS, SELECTION_TEMPLATES

    cascade = load_cascade()
    assert isinstance(cascade, CascadeScorer)
    texts = [t.format(term) for t in SELECTION_TEMPLATES for term in PROBE_TERMS]
    assert len(texts) == 160
    assert not _acted_on(cascade.predict(texts))


def test_cascade_publishes_the_fast_tiers_support_matrix() -> None:
    cascade = load_cascade()
    assert isinstance(cascade, CascadeScorer)
    assert cascade.support is not None
    assert cascade.support is cascade.fast.support
    assert "insult" in cascade.analyze(["ты тупой идиот"])[0].unsupported
