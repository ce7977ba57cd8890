"""Reading the text of an uploaded image: decode within limits, choose languages, run OCR."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from civility.errors import Invalid, RateLimited
from civility.ocr.compose import compose
from civility.ocr.engine import OcrEngine, choose_languages
from civility.ocr.images import ImageLimits, bright_text, decode, from_base64
from civility.ocr.models import ImageRead, ImageText

# Below this mean word confidence a second read of the bright text alone is tried, and the more
# confident read kept: on meme-style images characters read went from 0.64 to 0.91, and clean,
# dark and noisy images (read above it) never pay for the second run (docs/ocr.md).
SECOND_LOOK_BELOW = 85.0


@dataclass(frozen=True, slots=True)
class ImageInput:
    """An image as a request gives it: base64 bytes, their MIME type, and a language hint."""

    data: str
    mime_type: str
    language: str | None = None


class ImageReader:
    """Turns a message's image into text placed after its caption; blocking (run in a thread)."""

    def __init__(
        self,
        engine: OcrEngine | None,
        *,
        limits: ImageLimits | None = None,
        languages: Sequence[str] = ("en",),
        timeout_s: float = 10.0,
        missing: str = "OCR is not installed",
        max_concurrent: int = 2,
    ) -> None:
        self.engine = engine
        self.limits = limits or ImageLimits()
        self._languages = tuple(languages)
        self._timeout_s = timeout_s
        self._missing = missing
        # Each read is a tesseract process on a core; more at once only queue for the CPU.
        self._slots = threading.BoundedSemaphore(max_concurrent)

    @property
    def available(self) -> bool:
        """Tells whether images can be read here."""
        return self.engine is not None

    def require(self) -> OcrEngine:
        """Returns the engine; raises Invalid (a 4xx) when OCR is not installed."""
        if self.engine is None:
            raise Invalid(
                f"this server cannot read images: {self._missing} (see docs/ocr.md)",
                code="ocr_not_installed",
            )
        return self.engine

    def read(self, caption: str, image: ImageInput) -> tuple[str, ImageText]:
        """Returns the text to moderate (caption, then the image's text) and the image's record."""
        engine = self.require()
        languages = choose_languages(image.language, self._languages, engine.languages())
        raw = from_base64(image.data, self.limits)
        if not self._slots.acquire(timeout=self._timeout_s):
            raise RateLimited(
                "too many images are being read; retry shortly",
                retry_after=1.0,
                code="ocr_busy",
            )
        try:
            decoded = decode(raw, image.mime_type, self.limits)
            read = engine.read(decoded.image, languages, self._timeout_s)
            if confidence(read) < SECOND_LOOK_BELOW:
                second = engine.read(bright_text(decoded.image), languages, self._timeout_s)
                if confidence(second) > confidence(read):
                    read = second
        finally:
            self._slots.release()
        return compose(caption, read, decoded)


def confidence(read: ImageRead) -> float:
    """Returns a read's mean word confidence (0 when nothing was read)."""
    if not read.words:
        return 0.0
    return sum(w.confidence for w in read.words) / len(read.words)
