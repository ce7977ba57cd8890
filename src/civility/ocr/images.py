"""Decoding an uploaded image within limits: size in bytes, pixels, and the formats allowed.

Every failure is `Invalid` (a 4xx with a code): an image a client sends must never become a
5xx, nor a decompression bomb that fills memory.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageOps

from civility.errors import Invalid

# MIME type → Pillow format: only these are opened, so no other decoder's bugs are reachable.
FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
MIME_OF_FORMAT = {v: k for k, v in FORMATS.items()}


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """What an uploaded image may be: at most this many bytes, pixels, and pixels per side."""

    max_bytes: int = 5 * 1024 * 1024
    max_pixels: int = 16_000_000
    max_side: int = 8_000


@dataclass(frozen=True, slots=True)
class DecodedImage:
    """An image decoded and flattened to RGB on white, ready for OCR."""

    image: Image.Image
    mime_type: str
    width: int
    height: int
    size_bytes: int


def from_base64(data: str, limits: ImageLimits, *, field: str = "image.data") -> bytes:
    """Decodes standard base64, refusing it before decoding when it is too large."""
    # Four characters carry three bytes (plus a line break per 76 when wrapped): refuse on the
    # length alone, without allocating; decode() checks the exact size afterwards.
    if len(data) > (limits.max_bytes + 2) // 3 * 4 * 77 // 76 + 4:
        raise Invalid(
            f"{field} is over {limits.max_bytes} bytes once decoded", code="image_too_large"
        )
    try:
        # Line breaks are allowed (the `base64` tool wraps at 76 characters); nothing else is.
        raw = base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid(f"{field} is not valid base64 ({exc})", code="image_bad_base64") from exc
    if not raw:
        raise Invalid(f"{field} is empty", code="image_unreadable")
    return raw


def decode(raw: bytes, mime_type: str, limits: ImageLimits) -> DecodedImage:
    """Opens PNG, JPEG or WebP bytes within the limits; raises Invalid for anything else."""
    if mime_type not in FORMATS:
        allowed = ", ".join(FORMATS)
        raise Invalid(
            f"image.mime_type {mime_type!r} is not supported; use one of {allowed}",
            code="image_type_not_supported",
        )
    if len(raw) > limits.max_bytes:
        raise Invalid(
            f"the image is {len(raw)} bytes; the limit is {limits.max_bytes}",
            code="image_too_large",
        )
    try:
        # Only the header is read here: the pixel limits are checked before any decoding.
        image = Image.open(io.BytesIO(raw), formats=list(FORMATS.values()))
    except Image.DecompressionBombError as exc:
        raise Invalid(f"the image has too many pixels ({exc})", code="image_too_large") from exc
    except Exception as exc:  # a crafted file can make a decoder raise anything: still a 4xx
        raise Invalid(
            "the image could not be read as PNG, JPEG or WebP", code="image_unreadable"
        ) from exc
    width, height = image.size
    if width * height > limits.max_pixels or max(width, height) > limits.max_side:
        raise Invalid(
            f"the image is {width}×{height} pixels; the limits are {limits.max_pixels} pixels "
            f"and {limits.max_side} per side",
            code="image_too_large",
        )
    try:
        image.load()
        flat = _flatten(ImageOps.exif_transpose(image))
    except Image.DecompressionBombError as exc:
        raise Invalid(f"the image has too many pixels ({exc})", code="image_too_large") from exc
    except Exception as exc:  # as above: struct.error, IndexError… from a damaged file
        raise Invalid("the image is damaged or truncated", code="image_unreadable") from exc
    mime = MIME_OF_FORMAT.get(image.format or "", mime_type)
    return DecodedImage(flat, mime, flat.width, flat.height, len(raw))


# Meme captions are white letters outlined in black on a picture: kept alone (the pixels near
# white in every channel, so a bright but coloured sky is not taken for letters) they become
# black text on white, which Tesseract reads far better (docs/ocr.md).
BRIGHT_TEXT_LEVEL = 200


def bright_text(image: Image.Image) -> Image.Image:
    """Returns the image's near-white pixels as black on white (white letters on a picture)."""
    red, green, blue = image.convert("RGB").split()
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    return darkest.point(lambda p: 0 if p > BRIGHT_TEXT_LEVEL else 255)


def _flatten(image: Image.Image) -> Image.Image:
    """Returns the image as RGB, transparent parts on white (black text stays readable)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")
