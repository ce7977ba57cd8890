"""Images made in the tests: text drawn with Pillow in DejaVu Sans (fonts-dejavu-core)."""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from tests.conftest import IN_CI

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def render(
    lines: list[str], *, size: int = 28, fmt: str = "PNG", dark: bool = False, meme: bool = False
) -> bytes:
    """Draws lines of text, one under the other, and returns the encoded image.

    ``meme``: white letters outlined in black on a coloured gradient, as memes caption pictures.
    """
    font = ImageFont.truetype(str(FONT), size)
    width = max(int(font.getlength(line)) for line in lines) + 2 * size
    height = len(lines) * int(size * 1.6) + 2 * size
    background, ink = ((25, 25, 35), (240, 240, 240)) if dark else ("white", "black")
    image = Image.new("RGB", (width, height), background)
    if meme:
        ink = "white"
        gradient = Image.linear_gradient("L").resize((width, height))
        image = Image.merge("RGB", (gradient, gradient.point(lambda p: 60 + p // 2), gradient))
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text(
            (size, size + i * int(size * 1.6)),
            line,
            font=font,
            fill=ink,
            stroke_width=max(1, size // 12) if meme else 0,
            stroke_fill="black",
        )
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def b64(data: bytes) -> str:
    """Returns standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def require_tesseract() -> None:
    """Skips (fails in CI) where tesseract, its language packs or pytesseract are missing."""
    problems = []
    if shutil.which("tesseract") is None:
        problems.append("the tesseract program (Debian: tesseract-ocr)")
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        problems.append("pytesseract (the `ocr` extra)")
    if not FONT.is_file():
        problems.append(f"the font {FONT} (Debian: fonts-dejavu-core)")
    if not problems:
        return
    message = "OCR tests need " + ", ".join(problems) + ": run scripts/debian-packages.sh"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
