"""The pool word-list builder: selection rule, veto and the generated module."""

from __future__ import annotations

from collections import Counter

from civility.scoring.langid import LanguageIdentifier, Lexicon
from civility.training import langid_words as builder


def test_distinctive_keeps_frequent_words_rare_elsewhere() -> None:
    counts = {
        "es": Counter({"precisamente": 40, "casa": 40, "raro": 2, "hola": 50, "x1y": 40}),
        "pt": Counter({"casa": 30, "precisamente": 1}),
        "en": Counter({"house": 10}),
    }
    sizes = {"es": 1000, "pt": 1000, "en": 1000}
    picked = builder.distinctive(counts, sizes, known={"hola"})
    # casa is as common in Portuguese, raro too rare, hola hand-written, x1y has a digit.
    assert picked["es"] == ["precisamente"]


def test_distinctive_drops_other_scripts_and_accent_free_collisions() -> None:
    counts = {
        "pt": Counter({"voc锚s": 9, "não": 9, "pao": 9}),
        "es": Counter({"nao": 9}),
    }
    picked = builder.distinctive(counts, {"pt": 100, "es": 100}, known=set())
    assert picked["pt"] == ["pao"]


def test_veto_drops_words_py3langid_takes_for_french() -> None:
    lists = {"es": ["aujourd'hui", "precisamente"]}
    kept = builder.veto(lists, LanguageIdentifier(Lexicon({})))
    assert kept["es"] == ["precisamente"]


def test_rendered_module_round_trips() -> None:
    source = builder.render({"es": ["uno", "dos"], "de": ["drei"]})
    namespace: dict[str, object] = {}
    exec(compile(source, "langid_pool_words.py", "exec"), namespace)
    assert namespace["POOL_WORDS"] == {"de": "\ndrei\n", "es": "\nuno dos\n"}


def test_pool_words_vote_through_the_lexicon() -> None:
    assert Lexicon({}).entries("sacanagem") == ()
    assert Lexicon({"pt": ["sacanagem"]}).entries("sacanagem") == ((frozenset({"pt"}), 1.0),)
    assert LanguageIdentifier(Lexicon({"pt": ["sacanagem"]})).classify("sacanagem") == "pt"
