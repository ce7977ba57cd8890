"""Span explanations: the batched occlusion path equals a per-text reference; predicates."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from civility.scoring import model as model_module
from civility.scoring.base import CATEGORIES, Span, TextAnalysis
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.scoring.linear_model import predict_proba
from civility.scoring.model import MAX_EXPLAIN_TOKENS, FastScorer, _merge, _tokens
from civility.scoring.threats import apply_threats

FILLER = "the weather report for tomorrow says mild and sunny with a light breeze. "
TEXTS = [
    "you are a stupid idiot",
    "Well, honestly you are a complete idiot.",
    "ok so   YOU are an   i.d.i.o.t!!",
    "hello there, how was your weekend?",
    "",
    " ",
    "\n\n",
    "😀😀😀",
    "🖕🖕",
    "https://example.com/some/page?x=1",
    "www.example.org",
    "12345",
    "Shut up. Nobody asked you, moron. Go away and never come back, you pathetic loser.",
    "I will find you and I will hurt you. You should be scared. Watch your back.",
    "What a lovely day! The kids played outside. Dinner was great.",
    "you are a stup1d 1d10t and everyone knows it",
    "you are a s.t.u.p.i.d i.d.i.o.t",
    "YOU ARE A STUPID IDIOT!!!",
    "you are a 💩 stupid idiot",
    "ты тупой идиот",
    "Это очень хороший день, спасибо",
    "eres un idiota estúpido",
    "Hoy es un día muy bonito para pasear",
    "du bist ein dummer Idiot",
    "shut the fuck up you worthless piece of shit",
    "go back to your country, you subhuman vermin",
    "idiot",
    "kill yourself",
    "@someone check https://example.com idiot",
    "(stupid) [idiot] {moron}",
    FILLER * 10 + "you are a stupid idiot. " + FILLER * 10,
    FILLER * 20,
    "you are a stupid idiot " * 40,
    " ".join(f"word{i}" for i in range(300)) + " you stupid idiot",
    "This update is great, thanks team! Keep it up.",
    "lol ur so dumb its not even funny, get a life loser",
]


def heads_and_threats(
    scorer: FastScorer, text: str, scores: Mapping[str, float]
) -> tuple[list[int], tuple[Span, ...]]:
    """Heads over threshold to explain by occlusion, and the threat tier's spans (where the
    tier's rules or its structure scorer spoke, their spans explain the threat head instead)."""
    probs, _ = scorer.model_proba([text])
    tier = apply_threats([text], probs)[1][0]
    heads = [
        h
        for h, c in enumerate(CATEGORIES)
        if scores[c] >= scorer.thresholds[c] and not (c == "threat" and tier)
    ]
    return heads, tier


def reference(scorer: FastScorer, texts: list[str]) -> list[TextAnalysis]:
    """The straightforward path: score all, then one occlusion call per flagged text."""
    base = scorer.analyze(texts, explain=False)
    out = []
    for text, a in zip(texts, base, strict=True):
        heads, threat_spans = heads_and_threats(scorer, text, a.scores)
        tokens = _tokens(text)[:MAX_EXPLAIN_TOKENS]
        spans: list[Span] = []
        if heads and tokens:
            variants = [text] + [text[:s] + " " + text[e:] for s, e in tokens]
            _, _, raw = predict_proba(scorer.model, scorer.calibration, variants)
            drops = raw[:1, :] - raw[1:, :]
            for h in heads:
                col = drops[:, h]
                top = float(col.max())
                if top <= scorer.min_drop:
                    continue
                keep = col >= max(scorer.min_drop, scorer.rel_drop * top)
                spans.extend(_merge(text, tokens, keep, col, CATEGORIES[h]))
        out.append(TextAnalysis(a.scores, a.language, tuple(spans) + threat_spans, a.unsupported))
    return out


def test_texts_cover_the_edge_cases(scorer: FastScorer) -> None:
    assert any(len(t) > 2 * scorer.manifest["window"] for t in TEXTS)
    assert any(len(_tokens(t)) > MAX_EXPLAIN_TOKENS for t in TEXTS)
    spanned = [a for a in reference(scorer, TEXTS) if a.spans]
    assert len(spanned) >= 10


@pytest.mark.parametrize("limit", [model_module.EXPLAIN_BATCH, 300, 20])
def test_batched_spans_equal_per_text_reference(
    scorer: FastScorer, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small limits split the batch into many calls (and put a long text alone in one).
    monkeypatch.setattr(model_module, "EXPLAIN_BATCH", limit)
    assert scorer.analyze(TEXTS) == reference(scorer, TEXTS)


def test_single_text_explain_equals_batch(scorer: FastScorer) -> None:
    expected = reference(scorer, TEXTS)
    for text, a in zip(TEXTS, expected, strict=True):
        heads, threat_spans = heads_and_threats(scorer, text, a.scores)
        assert scorer.explain(text, heads, a.scores) + threat_spans == a.spans


def test_predicate_picks_texts_and_sees_their_scores(scorer: FastScorer) -> None:
    seen: dict[int, Mapping[str, float]] = {}

    def odd(i: int, scores: Mapping[str, float]) -> bool:
        seen[i] = scores
        return i % 2 == 1

    got = scorer.analyze(TEXTS, explain=odd)
    expected = reference(scorer, TEXTS)
    assert sorted(seen) == list(range(len(TEXTS)))
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert seen[i] == g.scores == e.scores
        assert g.language == e.language
        assert g.spans == (e.spans if i % 2 else ())


def test_explain_false_means_no_spans(scorer: FastScorer) -> None:
    assert all(a.spans == () for a in scorer.analyze(TEXTS, explain=False))
    assert all(a.spans == () for a in scorer.analyze(TEXTS, explain=lambda _i, _s: False))
    assert scorer.analyze([]) == []


def test_lexicon_predicate() -> None:
    lex = LexiconBaselineScorer()
    texts = ["you stupid idiot", "hello", "i will kill you, moron"]
    full = lex.analyze(texts)
    assert [bool(a.spans) for a in full] == [True, False, True]
    seen: list[int] = []

    def first_only(i: int, scores: Mapping[str, float]) -> bool:
        seen.append(i)
        assert scores == full[i].scores
        return i == 0

    got = lex.analyze(texts, explain=first_only)
    assert seen == [0, 1, 2]
    assert [a.spans for a in got] == [full[0].spans, (), ()]
    assert [a.scores for a in got] == [a.scores for a in full]
    assert all(a.spans == () for a in lex.analyze(texts, explain=False))
