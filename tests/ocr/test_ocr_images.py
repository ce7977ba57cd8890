"""Decoding uploaded images: the formats, size and pixel limits, and every bad input a 4xx."""

from __future__ import annotations

import io
import random
import zlib

import pytest
from PIL import Image
from tests.ocr.ocr_render import b64, render

from civility.errors import Invalid
from civility.ocr.images import ImageLimits, decode, from_base64

LIMITS = ImageLimits(max_bytes=200_000, max_pixels=4_000_000, max_side=4_000)


def _code(raw: bytes, mime: str = "image/png", limits: ImageLimits = LIMITS) -> str:
    with pytest.raises(Invalid) as err:
        decode(raw, mime, limits)
    return err.value.code


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_the_three_formats_decode_to_rgb(fmt: str, mime: str) -> None:
    raw = render(["hello"], fmt=fmt)
    decoded = decode(raw, mime, LIMITS)
    assert decoded.mime_type == mime
    assert decoded.image.mode == "RGB"
    assert decoded.size_bytes == len(raw)
    assert (decoded.width, decoded.height) == decoded.image.size


def test_a_mislabelled_image_is_read_as_what_it_is() -> None:
    decoded = decode(render(["hello"], fmt="JPEG"), "image/png", LIMITS)
    assert decoded.mime_type == "image/jpeg"


def test_transparent_background_becomes_white_not_black() -> None:
    image = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    image.putpixel((5, 5), (0, 0, 0, 255))
    flat = decode(_png(image), "image/png", LIMITS).image
    assert flat.getpixel((0, 0)) == (255, 255, 255)
    assert flat.getpixel((5, 5)) == (0, 0, 0)


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    # 3,000 x 3,000 of one colour compresses to a few kilobytes but is 9 M pixels.
    bomb = _png(Image.new("L", (3_000, 3_000), 255))
    assert len(bomb) < 50_000
    assert _code(bomb) == "image_too_large"


def test_a_forged_header_with_huge_dimensions_is_refused() -> None:
    # A valid PNG signature and IHDR claiming 100,000 x 100,000 pixels, then a stub of data.
    ihdr = (100_000).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    assert _code(png) == "image_too_large"


def test_one_side_too_long_is_refused() -> None:
    assert _code(_png(Image.new("L", (5_000, 2), 255))) == "image_too_large"


def test_too_many_bytes_are_refused() -> None:
    assert _code(b"\x89PNG" + b"\0" * 300_000) == "image_too_large"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not an image at all",
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
        render(["hello"], fmt="PNG")[:200],  # truncated
        render(["hello"], fmt="GIF"),  # a real image in a format not allowed
        render(["hello"], fmt="BMP"),
    ],
    ids=["empty", "text", "pdf", "truncated-png", "gif", "bmp"],
)
def test_what_is_not_an_allowed_image_is_unreadable(raw: bytes) -> None:
    assert _code(raw) == "image_unreadable"


def test_an_unsupported_mime_type_is_refused() -> None:
    assert _code(render(["hi"], fmt="GIF"), "image/gif") == "image_type_not_supported"


def test_base64_is_checked_and_sized_before_decoding() -> None:
    assert from_base64(b64(b"abc"), LIMITS) == b"abc"
    wrapped = b64(bytes(range(200)))
    lines = "\n".join(wrapped[i : i + 76] for i in range(0, len(wrapped), 76)) + "\n"
    assert from_base64(lines, LIMITS) == bytes(range(200))
    with pytest.raises(Invalid) as bad:
        from_base64("not base64 at all!", LIMITS)
    assert bad.value.code == "image_bad_base64"
    with pytest.raises(Invalid) as big:
        from_base64("A" * 400_000, LIMITS)
    assert big.value.code == "image_too_large"
    with pytest.raises(Invalid) as empty:
        from_base64("", LIMITS)
    assert empty.value.code == "image_unreadable"


def test_damaged_files_are_refused_never_raised() -> None:
    """Bytes flipped and files cut short at random: a decode or Invalid, nothing else."""
    rng = random.Random(20261207)
    seeds = [
        (render(["hi there"], fmt=fmt), mime)
        for fmt, mime in (("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp"))
    ]
    outcomes: dict[str, int] = {}
    for _ in range(600):
        raw, mime = rng.choice(seeds)
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.3:
            damaged = damaged[: rng.randrange(len(damaged))]
        try:
            decode(bytes(damaged), mime, LIMITS)
            outcome = "decoded"
        except Invalid as exc:
            outcome = exc.code
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert set(outcomes) <= {"decoded", "image_unreadable", "image_too_large"}
    assert outcomes["image_unreadable"] > 100
    assert outcomes["decoded"] > 10
