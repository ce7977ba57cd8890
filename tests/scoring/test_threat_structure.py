"""The threat-structure scorer: lexicons, analysis, and its place in the threat tier."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from civility.scoring import threat_structure as ts
from civility.scoring.base import CATEGORIES
from civility.scoring.support import SupportMatrix
from civility.scoring.threat_lexicon import TAGS
from civility.scoring.threats import LearnedSpans, apply_threats, by_rule, detect

THREAT = CATEGORIES.index("threat")


@pytest.fixture(scope="module")
def scorer() -> ts.StructureScorer:
    model = ts.scorer()
    assert model is not None, "the package ships threat-structure-4.json"
    return model


def test_every_lexicon_uses_known_tags_and_folded_entries() -> None:
    lexicons = ts.load_lexicons()
    assert "en" in lexicons
    for lang, lexicon in lexicons.items():
        assert set(lexicon) <= set(TAGS), lang
        for tag, entries in lexicon.items():
            assert len(set(entries)) == len(entries), (lang, tag, "duplicate entries")
            for entry in entries:
                for part in entry.split():
                    word = part.lstrip("=-")
                    assert word, (lang, tag, entry)
                    assert ts.quick_fold(word) == word, (lang, tag, entry)


def test_quick_fold_drops_case_and_accents() -> None:
    assert ts.quick_fold("ÖLDÜRECEĞİM Straße Ёлки ÇA") == "oldurecegim strasse елки ca"


def test_analysis_reads_words_multiwords_and_sentences(scorer: ts.StructureScorer) -> None:
    a = scorer.analyse("Watch your back. The lads know where u live, knives out!!")
    tags = {(" ".join(a.tokens[h.start : h.end]), h.tag) for h in a.hits}
    assert ("know where", "KNOW") in tags
    assert ("the lads", "SOMEONE") in tags
    assert a.sentences[0] == 0
    assert a.sentences[-1] == 1
    # A multiword entry never spans a sentence break.
    b = scorer.analyse("you know. where we live there is a knife shop")
    assert all(" ".join(b.tokens[h.start : h.end]) != "know where" for h in b.hits)


def test_a_text_without_harm_is_out_of_scope(scorer: ts.StructureScorer) -> None:
    for text in ("nice post, thanks", "te espero en la puerta", "what a lovely day"):
        a = scorer.analyse(text)
        assert not a.names_harm
        assert scorer.probability(a, ts.signal_features(0.9)) is None


def test_places_and_plans_without_harm_are_out_of_scope(scorer: ts.StructureScorer) -> None:
    # A place, a time and the reader, but no harm: a plan to meet is not a threat.
    for text in ("see you tomorrow at school", "where do you work now?", "жду тебя у двери"):
        assert not scorer.analyse(text).names_harm, text


def test_the_scorer_hides_but_never_blocks(scorer: ts.StructureScorer) -> None:
    a = scorer.analyse(NEW_THREATS[1])
    p = scorer.probability(a, ts.signal_features(0.99))
    assert p is not None
    assert 0.5 < p <= ts.CEILING < 0.8


def test_the_dominant_language_wins_a_shared_word() -> None:
    lexicon = ts.Lexicon(
        {
            "en": {"DEATH": ("=die",), "YOU": ("=you",)},
            "de": {"THIRD": ("=die", "=sie"), "YOU": ("=dich",)},
        }
    )
    tokens, _, hits = lexicon.analyse("sie sieht die dich")
    kept = {(tokens[h.start], h.tag) for h in ts.resolve(hits)}
    assert ("die", "THIRD") in kept
    assert ("die", "DEATH") not in kept


def test_unknown_tags_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown tag"):
        ts.Lexicon({"en": {"VIOLENCE": ("kill",)}})


def test_suffix_and_stem_entries() -> None:
    lexicon = ts.Lexicon({"tr": {"FUT": ("-ecegim",), "HARM_V": ("oldur",)}})
    tokens, _, hits = lexicon.analyse("seni oldurecegim")
    assert {(tokens[h.start], h.tag) for h in hits} == {
        ("oldurecegim", "FUT"),
        ("oldurecegim", "HARM_V"),
    }


# Written for this test: words and frames that are in none of the threat sets or templates,
# and that no rule of the tier matches (so the structure scorer alone lifts them).
NEW_THREATS = (
    "gonna wrap a bike chain round your jaw when i catch you",
    "next time i see u im breaking every bone in ur hand",
    "we are coming with baseball bats for your brother",
    "ich zertrümmere dir mit der eisenstange das knie",
)
NEW_BENIGN = (
    "the shovel is in the shed, tomorrow we plant tulips",
    "my grandad's neck surgery went well, he is home tonight",
)


def test_the_structure_lifts_unseen_threats_and_not_their_words(
    scorer: ts.StructureScorer,
) -> None:
    assert not any(detect(list(NEW_THREATS)))
    low = np.full((len(NEW_THREATS) + len(NEW_BENIGN), len(CATEGORIES)), 0.02)
    texts = [*NEW_THREATS, *NEW_BENIGN]
    without, _ = apply_threats(texts, low, structure=False)
    with_structure, _ = apply_threats(texts, low)
    for i, text in enumerate(NEW_THREATS):
        assert with_structure[i, THREAT] > 0.5, text
        assert without[i, THREAT] <= with_structure[i, THREAT]
    for i, text in enumerate(NEW_BENIGN, start=len(NEW_THREATS)):
        assert with_structure[i, THREAT] < 0.5, text


def test_structure_only_raises_threat_and_toxicity(scorer: ts.StructureScorer) -> None:
    texts = [NEW_THREATS[0]]
    probs = np.full((1, len(CATEGORIES)), 0.02)
    out, _ = apply_threats(texts, probs)
    assert out[0, THREAT] > 0.5
    assert out[0, CATEGORIES.index("toxicity")] >= out[0, THREAT]
    changed = {c for c in range(len(CATEGORIES)) if out[0, c] != probs[0, c]}
    assert changed <= {THREAT, CATEGORIES.index("toxicity")}
    assert probs[0, THREAT] == 0.02  # the input is not modified in place


def test_the_artifact_is_small_and_versioned(scorer: ts.StructureScorer) -> None:
    assert scorer.version == "threat-structure-4"
    assert 0 < len(scorer.weights) < 20_000
    assert ts.ARTIFACT.stat().st_size < 1_000_000


def test_a_lifted_threat_is_explained_by_its_words() -> None:
    text = NEW_THREATS[0]
    out, spans = apply_threats([text], np.full((1, len(CATEGORIES)), 0.02))
    assert out[0, THREAT] > 0.5
    words = {text[s.start : s.end] for s in spans[0]}
    assert any("chain" in w for w in words)
    assert any("jaw" in w for w in words)
    assert all(s.category == "threat" for s in spans[0])


def test_structure_spans_cover_the_harm_and_its_target(scorer: ts.StructureScorer) -> None:
    text = "Tomorrow I will snap your neck"
    words = [text[s.start : s.end] for s in ts.spans(text, scorer.analyse(text), 0.7)]
    assert any("snap your neck" in w for w in words)


def test_no_spans_when_folding_changes_the_length(scorer: ts.StructureScorer) -> None:
    text = "Straße: i will stab you"
    assert ts.spans(text, scorer.analyse(text), 0.7) == ()


def test_structure_spans_are_not_a_rule_for_the_support_matrix() -> None:
    low = np.full((1, len(CATEGORIES)), 0.02)
    _, spans = apply_threats([NEW_THREATS[0]], low)
    _, rule_spans = apply_threats(["I will kill you"], low)
    assert isinstance(spans[0], LearnedSpans)
    assert spans[0]
    assert not by_rule(spans[0])
    assert by_rule(rule_spans[0])
    assert not by_rule(())


def test_a_learned_threat_follows_the_support_matrix_and_a_rule_does_not() -> None:
    from civility.scoring.model import load_fast_scorer

    shipped = load_fast_scorer()
    assert shipped.support is not None
    # The shipped matrix supports French threat since 1.7.0; the test marks it unsupported so
    # it does not depend on which pairs a given artifact's measurements support.
    cells = {lang: dict(row) for lang, row in shipped.support.languages.items()}
    cells["fr"]["threat"] = dataclasses.replace(cells["fr"]["threat"], supported=False)
    support = SupportMatrix.build(shipped.support.floor, cells, "test", "fr threat unsupported")
    fast = copy.copy(shipped)
    fast.support = support
    assert "threat" in fast.unsupported("fr")
    # French, no rule of the tier matches: the structure scorer's threat is listed unsupported
    # (published as null, never acted on); a rule's threat is published.
    learned = "la prochaine fois je te casse chaque os de la main"
    ruled = "je vais te tuer"
    assert not any(detect([learned]))
    a, b = fast.analyze([learned, ruled], explain=False)
    assert a.language == "fr"
    assert (a.scores["threat"] or 0.0) > 0.5
    assert "threat" in a.unsupported
    assert b.language == "fr"
    assert "threat" not in b.unsupported
    assert (b.scores["threat"] or 0.0) > 0.8


_SEED_SCRIPT = """
import copy
import dataclasses
import json
from civility.scoring import threat_structure as ts
from civility.training.threat_data import threat_rows
m = ts.scorer()
out = []
for row in threat_rows()[:3000]:
    a = m.analyse(row.text)
    p = m.probability(a, ts.signal_features(0.3))
    out.append(p)
print(json.dumps(out))
"""


def test_scores_do_not_depend_on_the_hash_seed() -> None:
    # Features come from sets, whose order follows PYTHONHASHSEED; the score must not.
    runs = [
        subprocess.run(
            [sys.executable, "-c", _SEED_SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "1", "2")
    ]
    assert runs[0] == runs[1] == runs[2]
    assert sum(p is not None for p in json.loads(runs[0])) > 500
