"""Placing the image's text after the caption, and scoring a message whole and in parts."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from civility.moderation.parts import analyze_in_parts, merge
from civility.ocr.compose import compose, segments
from civility.ocr.images import DecodedImage
from civility.ocr.models import ImageRead, ImageText, ReadWord
from civility.scoring.base import ExplainWhen, Span, TextAnalysis

IMAGE = DecodedImage(Image.new("RGB", (10, 10)), "image/png", 10, 10, 123)


def _read(*lines: str) -> ImageRead:
    words = tuple(
        ReadWord(word, (i * 10, n * 20, 9, 15), 90.0, n)
        for n, line in enumerate(lines)
        for i, word in enumerate(line.split())
    )
    return ImageRead(words, ("en",), "test")


def test_the_image_text_follows_the_caption_with_word_offsets() -> None:
    text, image = compose("look", _read("you are", "an idiot"), IMAGE)
    assert text == "look\n\nyou are\nan idiot"
    assert text[image.start : image.end] == "you are\nan idiot"
    assert [text[w.start : w.end] for w in image.words] == ["you", "are", "an", "idiot"]
    assert image.words[3].box == (10, 20, 9, 15)
    assert image.boxes([(text.index("idiot"), len(text))]) == [(10, 20, 9, 15)]
    assert image.boxes([(0, 4)]) == []  # the caption is not in the image
    assert (image.mime_type, image.size_bytes, image.confidence) == ("image/png", 123, 90.0)
    assert ImageText.from_dict(image.to_dict()) == image


def test_without_caption_or_without_text_read() -> None:
    text, image = compose("", _read("hello there"), IMAGE)
    assert (text, image.start, image.end) == ("hello there", 0, 11)
    text, image = compose("  ", _read("hello"), IMAGE)
    assert text == "hello"
    text, image = compose("caption", _read(), IMAGE)
    assert (text, image.start, image.end, image.words) == ("caption", 7, 7, ())
    assert image.confidence is None


def test_parts_scored_whole_caption_and_image() -> None:
    text, image = compose("nice day", _read("die"), IMAGE)
    assert segments(len(text), image) == [(0, len(text)), (0, 8), (10, 13)]
    assert segments(len(text), None) == [(0, len(text))]
    only, alone = compose("", _read("die"), IMAGE)
    assert segments(len(only), alone) == [(0, 3)]


def _analysis(
    threat: float,
    *,
    language: str = "en",
    spans: tuple[Span, ...] = (),
    unsupported: tuple[str, ...] = (),
) -> TextAnalysis:
    return TextAnalysis({"threat": threat, "insult": 0.1}, language, spans, unsupported)


def test_merge_takes_the_highest_supported_score_and_moves_spans() -> None:
    whole = _analysis(0.2, spans=(Span(0, 3, "insult", 0.1),))
    image = _analysis(0.9, spans=(Span(0, 3, "threat", 0.9),))
    merged = merge([whole, _analysis(0.0), image], [0, 0, 10])
    assert merged.scores == {"threat": 0.9, "insult": 0.1}
    assert {(s.start, s.end, s.category) for s in merged.spans} == {
        (0, 3, "insult"),
        (10, 13, "threat"),
    }
    # A part in a language whose threat score is not measured does not count for threat...
    unsupported = _analysis(0.95, language="xx", unsupported=("threat",))
    assert merge([whole, unsupported], [0, 5]).scores["threat"] == 0.2
    # ...and threat is null only where no part supports it.
    nowhere = merge([_analysis(0.3, unsupported=("threat",)), unsupported], [0, 5])
    assert nowhere.unsupported == ("threat",)
    somewhere = merge([_analysis(0.3, unsupported=("threat",)), image], [0, 5])
    assert (somewhere.unsupported, somewhere.scores["threat"]) == ((), 0.9)


def test_one_scorer_call_for_all_parts_and_explain_asks_per_message() -> None:
    calls: list[list[str]] = []
    asked: list[int] = []

    def analyze(texts: Sequence[str], explain: ExplainWhen) -> list[TextAnalysis]:
        calls.append(list(texts))
        for i in range(len(texts)):
            explain(i, {})
        return [_analysis(0.9 if "die" in t and "nice" not in t else 0.1) for t in texts]

    text, image = compose("nice day", _read("die"), IMAGE)

    def explain(i: int, _scores: object) -> bool:
        asked.append(i)
        return True

    out = analyze_in_parts(analyze, ["plain", text], [None, image], explain)
    assert calls == [["plain", text, "nice day", "die"]]
    assert asked == [0, 1, 1, 1]  # by message, not by part
    assert [a.scores["threat"] for a in out] == [0.1, 0.9]  # the image alone is a threat
    calls.clear()
    analyze_in_parts(analyze, ["a", "b"], [None, None], explain)
    assert calls == [["a", "b"]]
