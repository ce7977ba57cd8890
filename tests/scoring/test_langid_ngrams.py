"""The character n-gram stage of language identification: model, combination and training."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import numpy as np
import pytest

from civility.scoring.langid import (
    NGRAM_MIN_LETTERS,
    NGRAM_OTHER_VETO,
    NGRAM_P,
    SUPPORTED,
    UNDETERMINED,
    Evidence,
    LanguageIdentifier,
    combined,
    decide,
)
from civility.scoring.langid_ngrams import ARTIFACT, NgramModel, ngrams
from civility.training import langid_ngrams as training
from civility.training.data import LANGS


@pytest.fixture(scope="module")
def model() -> NgramModel:
    return NgramModel.load()


@pytest.fixture(scope="module")
def with_ngrams() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.fixture(scope="module")
def without_ngrams() -> LanguageIdentifier:
    return LanguageIdentifier(use_ngrams=False)


def test_ngrams_are_word_bounded_1_to_4() -> None:
    grams = list(ngrams(["de"]))
    assert set(grams) == {"d", "e", " d", "de", "e ", " de", "de ", " de "}
    assert len(grams) == len(set(grams))
    assert list(ngrams(["a", "b"])) == ["a", " a", "a ", " a ", "b", " b", "b ", " b "]
    assert not list(ngrams([]))


def test_artifact_is_small_and_covers_the_pool_languages(model: NgramModel) -> None:
    assert ARTIFACT.stat().st_size < 3_000_000
    assert model.langs == LANGS
    assert model.logp.shape == (len(model.index), len(LANGS))
    assert model.scale > 0.0
    assert 0.0 <= model.power <= 1.0


def test_posterior_is_a_distribution_and_uniform_without_evidence(model: NgramModel) -> None:
    p = model.probabilities([["schornsteinfeger"], [], ["pomeriggio", "tardi"]])
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[1], 1.0 / len(LANGS))
    assert model.langs[int(p[0].argmax())] == "de"
    assert model.langs[int(p[2].argmax())] == "it"


def test_combined_gives_french_py3langids_share_and_conditions_on_candidates() -> None:
    probs = {"fr": 0.3, "en": 0.1, "nl": 0.6}
    ngram = {lang: 1.0 / len(LANGS) for lang in LANGS}
    dist = combined(probs, ngram)
    assert set(dist) == set(SUPPORTED)
    assert dist["fr"] == pytest.approx(0.3 / 0.4)
    assert sum(dist.values()) == pytest.approx(1.0)
    among = combined(probs, ngram, frozenset({"es", "pt", "xx"}))
    assert among == pytest.approx({"es": 0.5, "pt": 0.5})


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("schornsteinfeger", "de"),
        ("gartenzwerg", "de"),
        ("desayunamos", "es"),
        ("pomeriggio", "it"),
        ("spazzatura", "it"),
        ("amanhecer", "pt"),
        ("throughput", "en"),
    ],
)
def test_words_no_list_holds_are_placed_by_the_ngram_stage(
    text: str, lang: str, with_ngrams: LanguageIdentifier, without_ngrams: LanguageIdentifier
) -> None:
    assert without_ngrams.classify(text) == UNDETERMINED
    assert with_ngrams.classify(text) == lang


@pytest.mark.parametrize("text", ["Paris", "lol ok", "ok", "123", "😀😀", "hmm", "xd"])
def test_language_neutral_texts_stay_undetermined(
    text: str, with_ngrams: LanguageIdentifier
) -> None:
    assert with_ngrams.classify(text) == UNDETERMINED


@pytest.mark.parametrize(
    ("text", "lang"),
    [("goed zo", "nl"), ("dziękuję bardzo", "pl"), ("tack så mycket", "sv")],
)
def test_other_languages_are_not_taken(
    text: str, lang: str, with_ngrams: LanguageIdentifier
) -> None:
    assert with_ngrams.classify(text) == lang


def _latin(letters: int, votes: dict[str, float] | None = None) -> Evidence:
    return Evidence("x" * letters, words=1, letters=letters, votes=votes or {})


def test_ngram_stage_answers_only_at_its_bar_and_never_for_few_letters() -> None:
    probs = {"en": 0.2, "es": 0.2, "nl": 0.2, "fr": 0.0, "pl": 0.4}
    sure = dict.fromkeys(LANGS, 0.01) | {"es": 0.94}
    unsure = dict.fromkeys(LANGS, 0.05) | {"es": 0.7}
    assert decide(_latin(12), probs, None) == UNDETERMINED
    assert decide(_latin(12), probs, sure) == "es"
    assert decide(_latin(12), probs, unsure) == UNDETERMINED
    assert decide(_latin(NGRAM_MIN_LETTERS - 1), probs, sure) == UNDETERMINED
    # py3langid sure of an unsupported language: the stage stays out.
    other = {"nl": NGRAM_OTHER_VETO + 0.1, "es": 0.3, "fr": 0.0}
    assert decide(_latin(12), other, sure) == UNDETERMINED
    # French takes py3langid's share among the supported languages.
    french = {"fr": 0.95, "en": 0.02, "es": 0.01, "pl": 0.02}
    assert decide(_latin(12), french, unsure) == "fr"
    assert NGRAM_P > 0.5


def _write_pool(folder: Path) -> None:
    words = {
        "en": "the house was really nice and we would like to come back there",
        "es": "la casa era muy bonita y nos gustaría volver allí pronto",
        "it": "la casa era molto bella e vorremmo tornare presto li",
        "tr": "ev gerçekten çok güzeldi ve oraya tekrar gitmek isteriz",
        "ru": "дом был очень красивый и мы хотели бы туда вернуться",
        "de": "das haus war wirklich schön und wir würden gern wiederkommen",
        "pt": "a casa era muito bonita e gostaríamos de voltar logo",
    }
    rng = random.Random(0)
    lines = ['"text","lang","source","toxicity"']
    for lang, sentence in words.items():
        vocab = sentence.split()
        for i in range(80):
            text = " ".join(rng.choice(vocab) for _ in range(8)) + f" {i}"
            lines.append(f'"{text}","{lang}","synthetic","0"')
    with gzip.open(folder / "synthetic.csv.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def test_training_writes_a_loadable_calibrated_table(tmp_path: Path) -> None:
    _write_pool(tmp_path)
    out = tmp_path / "langid-ngrams.npz"
    assert training.main(["--pool", str(tmp_path), "--out", str(out)]) == 0
    trained = NgramModel.load(out)
    assert trained.langs == LANGS
    p = trained.probabilities([["gustaría", "volver"], ["würden", "gern"], ["isteriz"]])
    assert [trained.langs[i] for i in p.argmax(axis=1)] == ["es", "de", "tr"]
