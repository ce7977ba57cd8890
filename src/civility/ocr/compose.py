"""Placing the text read from an image in the message text, and the parts scored on their own."""

from __future__ import annotations

from civility.ocr.images import DecodedImage
from civility.ocr.models import ImageRead, ImageText, Word

# Between the platform's text and the image's text; they are also scored on their own, so an
# insult in a meme is not diluted by a long harmless caption (nor the other way round).
SEPARATOR = "\n\n"


def compose(caption: str, read: ImageRead, image: DecodedImage) -> tuple[str, ImageText]:
    """Returns the text to moderate (caption, then the image's lines) and the image's record."""
    prefix = caption + SEPARATOR if caption.strip() else ""
    parts: list[str] = []
    words: list[Word] = []
    position = len(prefix)
    line: int | None = None
    for w in read.words:
        text = w.text.strip()
        if not text:
            continue
        if line is not None:
            gap = " " if w.line == line else "\n"
            parts.append(gap)
            position += len(gap)
        line = w.line
        parts.append(text)
        words.append(Word(position, position + len(text), w.box, round(w.confidence, 1)))
        position += len(text)
    image_text = "".join(parts)
    if not image_text:
        prefix = caption  # nothing read: the message text is the caption alone
    record = ImageText(
        start=len(prefix),
        end=len(prefix) + len(image_text),
        words=tuple(words),
        languages=read.languages,
        engine=read.engine,
        mime_type=image.mime_type,
        width=image.width,
        height=image.height,
        size_bytes=image.size_bytes,
    )
    return prefix + image_text, record


def segments(length: int, image: ImageText | None) -> list[tuple[int, int]]:
    """Returns the ranges of a message text to score: the whole, then caption and image alone."""
    whole = (0, length)
    if image is None or image.start == image.end or image.start == 0:
        return [whole]
    caption_end = image.start - len(SEPARATOR)
    return [whole, (0, caption_end), (image.start, image.end)]
