"""The Tesseract engine: Debian's tesseract-ocr run through pytesseract (the `ocr` extra).

Each read runs the `tesseract` program with a timeout, so an image that takes too long is
killed, not left running (docs/ocr.md has the measurements behind this choice).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence

import pytesseract
from PIL import Image

from civility.errors import Invalid
from civility.ocr.engine import TESSERACT_LANGUAGES
from civility.ocr.models import ImageRead, ReadWord

# psm 6 (one uniform block of text) is the mode docs/ocr.md measured on screenshots and memes.
CONFIG = "--psm 6"
WORD_LEVEL = 5


class TesseractEngine:
    """Reads words and their boxes with the tesseract program."""

    name = "tesseract"

    def __init__(self) -> None:
        # Tesseract's OpenMP threads fight each other when requests read images concurrently
        # on a small machine; one thread per process is its own documented advice.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        self.version = str(pytesseract.get_tesseract_version())

    @functools.cache  # noqa: B019 - one engine per process; the packs do not change while it runs
    def languages(self) -> frozenset[str]:
        """Returns the supported languages whose traineddata is installed."""
        installed = set(pytesseract.get_languages(config=""))
        return frozenset(code for code, name in TESSERACT_LANGUAGES.items() if name in installed)

    def read(self, image: Image.Image, languages: Sequence[str], timeout_s: float) -> ImageRead:
        """Reads the image's words (with boxes and confidences) in the given languages."""
        lang = "+".join(TESSERACT_LANGUAGES[code] for code in languages)
        try:
            data = pytesseract.image_to_data(
                image,
                lang=lang,
                config=CONFIG,
                timeout=timeout_s,
                output_type=pytesseract.Output.DICT,
            )
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise Invalid(
                    f"reading the image's text took over {timeout_s:g} s",
                    code="image_ocr_timeout",
                ) from exc
            raise Invalid("tesseract could not read the image", code="image_unreadable") from exc
        except pytesseract.TesseractError as exc:
            raise Invalid("tesseract could not read the image", code="image_unreadable") from exc
        words = []
        lines: dict[tuple[int, int, int], int] = {}
        for i, level in enumerate(data["level"]):
            text = str(data["text"][i]).strip()
            if int(level) != WORD_LEVEL or not text:
                continue
            key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
            line = lines.setdefault(key, len(lines))
            box = (
                int(data["left"][i]),
                int(data["top"][i]),
                int(data["width"][i]),
                int(data["height"][i]),
            )
            words.append(ReadWord(text, box, max(float(data["conf"][i]), 0.0), line))
        return ImageRead(tuple(words), tuple(languages), f"tesseract:{self.version}")
