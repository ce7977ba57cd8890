"""The shipped fast scorer: contract, robustness, edge cases, bias probe, speed budget."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from civility.policy.decide import decide
from civility.policy.model import Policy
from civility.policy.verdict import Action
from civility.scoring.base import CATEGORIES, Scorer, TextAnalysis
from civility.scoring.model import FastScorer

TOXIC = "you are a stupid idiot"
OBFUSCATED = [
    "you are a stup1d 1d10t",
    "you are a s.t.u.p.i.d i.d.i.o.t",
    "you are a s t u p i d i d i o t",
    "you are a stuuuuupid idiooooot",
    "you are a stupid \u0456d\u0456\u043et",  # Cyrillic і/о homoglyphs
    "you are a stu\u200bpid id\u200biot",
    "YOU ARE A STUPID IDIOT!!!",
    "you are a stupid idiot 🖕",
    "you are a 💩 stupid idiot",
]
BENIGN_EDGE = [
    "",
    " ",
    "😀😀😀",
    "🙂",
    "https://example.com/some/page?x=1",
    "www.example.org",
    "\n\n",
    "12345",
]
# Identity terms that occur in the pool's identity-attack rows (HateXplain/CAD/Davidson).
IDENTITIES = [
    *("black", "white", "gay", "lesbian", "trans", "muslim", "jewish", "christian", "asian"),
    *("mexican", "african", "latino", "immigrant", "disabled", "female", "male", "queer"),
    *("indian", "arab", "bisexual"),
]
TEMPLATES = [
    "I am a {} person",
    "I am {}",
    "My friend is {}",
    "We are {} people",
    "Being {} is fine",
]


def test_protocol(scorer: FastScorer) -> None:
    assert isinstance(scorer, Scorer)
    assert scorer.name
    assert scorer.version


def test_score_shape_and_range(scorer: FastScorer) -> None:
    out = scorer.score(["hello", TOXIC])
    assert len(out) == 2
    for row in out:
        assert set(row) == set(CATEGORIES)
        assert all(0.0 <= v <= 1.0 for v in row.values())


def test_toxic_above_and_clean_below_threshold(scorer: FastScorer) -> None:
    thr = scorer.thresholds["toxicity"]
    toxic, clean = scorer.score([TOXIC, "thank you, have a lovely day"])
    assert toxic["toxicity"] >= thr
    assert clean["toxicity"] < thr


@pytest.mark.parametrize("text", OBFUSCATED)
def test_obfuscations_stay_flagged(scorer: FastScorer, text: str) -> None:
    assert scorer.score([text])[0]["toxicity"] >= scorer.thresholds["toxicity"]


@pytest.mark.parametrize(
    "text",
    [
        "ты тупой идиот",
        "eres un idiota de mierda",
        "sei un idiota del cazzo",
        "sen aptal bir gerizekalısın",
    ],
)
def test_other_languages_flagged(scorer: FastScorer, text: str) -> None:
    assert scorer.score([text])[0]["toxicity"] >= scorer.thresholds["toxicity"]


def test_edge_texts_low_and_no_crash(scorer: FastScorer) -> None:
    for text, scores in zip(BENIGN_EDGE, scorer.score(BENIGN_EDGE), strict=True):
        for cat in CATEGORIES:
            assert scores[cat] < scorer.thresholds[cat], (text, cat)
    analyses = scorer.analyze(BENIGN_EDGE)
    assert all(isinstance(a, TextAnalysis) for a in analyses)
    assert analyses[0].language == "und"


def test_long_text_is_chunked_and_max_taken(scorer: FastScorer) -> None:
    filler = "the weather report for tomorrow says mild and sunny with a light breeze. " * 200
    long_text = filler + TOXIC + " " + filler
    assert len(long_text) > 10 * scorer.manifest["window"]
    assert scorer.score([long_text])[0]["toxicity"] >= scorer.thresholds["toxicity"]


def test_insult_after_friendly_sentences_is_not_diluted(scorer: FastScorer) -> None:
    # Held-out dilution cases live in bench/data/context_heldout.jsonl; this is a dev example.
    friendly = (
        "Thanks so much for organising the meetup last weekend, the venue was lovely and the "
        "coffee was great. I really enjoyed the talk about gardening on small balconies. "
    ) * 4
    insult = "And you, admin, are a worthless idiot."
    long_score, alone, friendly_only = scorer.score([friendly + insult, insult, friendly])
    for category in ("toxicity", "insult"):
        assert long_score[category] >= scorer.thresholds[category], category
        assert friendly_only[category] < scorer.thresholds[category], category
        assert long_score[category] <= alone[category]


def test_segments_add_sentences_only_when_there_are_several() -> None:
    from civility.scoring.linear_model import segments

    assert segments("just one short sentence", 384) == (["just one short sentence"], 1)
    text = "Hello there friend. You are an idiot!\nbye now, take care"
    assert segments(text, 384) == (
        [text, "Hello there friend.", "You are an idiot!", "bye now, take care"],
        1,
    )


def test_batch_equals_single(scorer: FastScorer) -> None:
    texts = [TOXIC, "hello there", "", "ты тупой"]
    batch = scorer.score(texts)
    for t, row in zip(texts, batch, strict=True):
        single = scorer.score([t])[0]
        assert single == pytest.approx(row, abs=1e-5)


def test_analyze_spans_point_at_insult(scorer: FastScorer) -> None:
    text = "Well, honestly you are a complete idiot."
    (a,) = scorer.analyze([text])
    assert a.language == "en"
    tox = [s for s in a.spans if s.category == "toxicity"]
    assert tox, a
    assert any("idiot" in text[s.start : s.end] for s in tox)
    assert all(0 <= s.start < s.end <= len(text) for s in a.spans)


def test_spans_map_to_original_offsets_of_obfuscated_text(scorer: FastScorer) -> None:
    text = "ok so   YOU are an   i.d.i.o.t!!"
    (a,) = scorer.analyze([text])
    assert any("i.d.i.o.t" in text[s.start : s.end] for s in a.spans if s.category == "toxicity")


def test_languages(scorer: FastScorer) -> None:
    texts = [
        "Это очень хороший день, спасибо",
        "Hoy es un día muy bonito para pasear",
        "Bugün hava çok güzel",
    ]
    langs = [a.language for a in scorer.analyze(texts, explain=False)]
    assert langs == ["ru", "es", "tr"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_identity_probe_is_never_hidden_by_the_default_policy(
    scorer: FastScorer, template: str
) -> None:
    # A regression guard, not a fairness measurement: 1.2.0 clipped these very terms' weights
    # and 1.3.0's counterfactual augmentation targets them, so the probe is circular. Fairness
    # is measured on held-out frames and terms (bench/fairness.py, model card); there 1.3.0
    # flags 2 of these 100 sentences for review ("We are black/trans people", identity_attack
    # 0.31 / 0.35 over the 0.30 flag threshold), which the model card reports.
    texts = [template.format(term) for term in IDENTITIES]
    acted = [
        (t, v.action.value)
        for t, s in zip(texts, scorer.score(texts), strict=True)
        if (v := decide(Policy(), s, (), False)).action not in (Action.ALLOW, Action.FLAG)
    ]
    assert not acted


def test_thread_safe(scorer: FastScorer) -> None:
    texts = [TOXIC, "hello", "ты дурак"] * 20
    expected = scorer.score(texts)
    results: list[list[dict[str, float]]] = []

    def work() -> None:
        results.append(scorer.score(texts))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_no_sklearn_scipy_or_pandas_at_runtime() -> None:
    """Serving imports none of the training stack (load time is bench/scorer.py's)."""
    code = (
        "import sys; from civility.scoring.model import load_scorer;"
        "s=load_scorer(); s.score(['hi']);"
        "print(*(m in sys.modules for m in ('sklearn', 'scipy', 'pandas')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False", "False"]
