"""The image reader: a second, bright-text read when the first is unsure; the surer one is kept."""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image
from tests.ocr.ocr_render import b64, render

from civility.ocr.images import bright_text
from civility.ocr.models import ImageRead, ReadWord
from civility.ocr.service import ImageInput, ImageReader


class Engine:
    """Answers each read with the next of the given (text, confidence) pairs."""

    name = "fake"

    def __init__(self, *answers: tuple[str, float]) -> None:
        self.answers = list(answers)
        self.seen: list[Image.Image] = []

    def languages(self) -> frozenset[str]:
        return frozenset({"en"})

    def read(self, image: Image.Image, languages: Sequence[str], timeout_s: float) -> ImageRead:
        self.seen.append(image)
        text, confidence = self.answers.pop(0)
        words = tuple(ReadWord(w, (0, 0, 1, 1), confidence, 0) for w in text.split())
        return ImageRead(words, tuple(languages), self.name)


IMAGE = ImageInput(b64(render(["hello"])), "image/png")


def test_a_confident_read_is_kept_without_a_second_look() -> None:
    engine = Engine(("hello", 95.0))
    text, _ = ImageReader(engine).read("", IMAGE)
    assert text == "hello"
    assert len(engine.seen) == 1


def test_an_unsure_read_gets_a_second_look_and_the_more_confident_wins() -> None:
    engine = Engine(("he1lo", 40.0), ("hello", 93.0))
    text, _ = ImageReader(engine).read("", IMAGE)
    assert text == "hello"
    assert len(engine.seen) == 2
    assert engine.seen[1].mode == "L"  # the bright-text copy
    worse = Engine(("hello", 70.0), ("h", 20.0))
    assert ImageReader(worse).read("", IMAGE)[0] == "hello"


def test_bright_text_turns_white_letters_into_black_on_white() -> None:
    image = Image.new("RGB", (3, 1), (120, 60, 200))
    image.putpixel((1, 0), (255, 255, 255))
    out = bright_text(image)
    assert [out.getpixel((x, 0)) for x in range(3)] == [255, 0, 255]
