"""Batched language identification answers exactly what py3langid answers text by text."""

from __future__ import annotations

import random

from civility.scoring.model import UNDETERMINED, load_fast_scorer

TEXTS = [
    "thanks for the update, see you tomorrow",
    "спасибо, увидимся завтра",
    "gracias por la actualización, nos vemos mañana",
    "grazie per l'aggiornamento, ci vediamo domani",
    "güncelleme için teşekkürler, yarın görüşürüz",
    "danke für das Update, bis morgen",
    "merci pour la mise à jour",
    "ありがとう、また明日",
    "谢谢你的更新",
    "شكرا على التحديث",
    "LOUD CAPS MESSAGE HERE",
    "",
    "   ",
    "😀😀😀",
    "https://example.com/only/a/link",
    "@someone",
    "12345 678",
    "x",
    "?!",
    "ok",
]


def test_batch_answers_match_one_at_a_time() -> None:
    langid = load_fast_scorer()._langid
    rng = random.Random(7)
    mixed = TEXTS + [" ".join(rng.sample(TEXTS, 3)) for _ in range(60)]
    assert langid.classify_many(mixed) == [langid.classify(t) for t in mixed]


def test_texts_without_letters_are_undetermined() -> None:
    langid = load_fast_scorer()._langid
    assert langid.classify_many(["", "😀", "https://example.com", "123"]) == [UNDETERMINED] * 4
    assert langid.classify_many([]) == []
