"""OCR engines compared on rendered text: character accuracy and time per image.

Issue 22 (text in images) asks to choose the OCR engine by measured accuracy and speed on a test
set made from rendered text in several fonts, sizes, backgrounds and the supported languages.
This script makes that set (Pillow, the DejaVu and Liberation fonts Debian installs) and runs
each engine it finds:

* `tesseract-<lang>`: Tesseract 5 (Debian's tesseract-ocr with the language packs, through
  pytesseract), told the image's language;
* `tesseract-all`: Tesseract with all eight languages at once (what a service that does not know
  the language would run);
* `rapidocr`: rapidocr-onnxruntime, whose ONNX models ship in its wheel (PP-OCR detection and
  its default Chinese/English recognition model);
* `civility`: what the service runs (civility.ocr's ImageReader: Tesseract told the language,
  plus a second read of the bright text alone when the first read is unsure), where installed.

Character error rate (CER) = edit distance / reference length, after collapsing whitespace,
case kept. Writes bench/results/ocr.json. Needs Pillow and pytesseract (and rapidocr-onnxruntime
to include it); it runs without civility installed.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

RESULTS = Path(__file__).parent / "results"
FONTS = {
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVuSans-Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "LiberationMono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
}
TESSERACT_LANG = {
    "de": "deu",
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "it": "ita",
    "pt": "por",
    "ru": "rus",
    "tr": "tur",
}
# Two lines per language, the kind of thing people put in screenshots to get past filters.
TEXTS = {
    "en": ["you are a stupid idiot", "nobody wants you here, get lost"],
    "de": ["du bist ein dummer Idiot", "geh weg, niemand will dich hier"],
    "es": ["eres un idiota estúpido", "nadie te quiere aquí, lárgate"],
    "fr": ["tu es un idiot stupide", "personne ne veut de toi ici, dégage"],
    "it": ["sei un idiota stupido", "nessuno ti vuole qui, sparisci"],
    "pt": ["você é um idiota estúpido", "ninguém quer você aqui, some daqui"],
    "ru": ["ты тупой идиот", "тебя здесь никто не ждёт, уходи"],
    "tr": ["sen aptal bir salaksın", "kimse seni burada istemiyor, defol"],
}
BACKGROUNDS = ("plain", "dark", "meme", "noisy")


def render(text: str, font_path: str, size: int, background: str, rng: random.Random) -> bytes:
    """Draws one line of text on a background and returns it as PNG."""
    font = ImageFont.truetype(font_path, size)
    left, top, right, bottom = font.getbbox(text)
    width, height = right - left + 2 * size, bottom - top + 2 * size
    if background == "plain":
        img = Image.new("RGB", (width, height), "white")
        fill, stroke = "black", None
    elif background == "dark":
        img = Image.new("RGB", (width, height), (30, 30, 40))
        fill, stroke = (240, 240, 240), None
    elif background == "meme":  # white text with a black outline on a coloured photo-like field
        img = Image.new("RGB", (width, height))
        px = img.load()
        assert px is not None
        for x in range(width):
            for y in range(height):
                px[x, y] = (90 + x * 120 // width, 60 + y * 150 // height, 140)
        fill, stroke = "white", "black"
    else:  # noisy: grey speckle under dark text
        img = Image.new("L", (width, height), 220)
        px = img.load()
        assert px is not None
        for x in range(width):
            for y in range(height):
                px[x, y] = max(0, min(255, 220 + rng.randint(-45, 45)))
        img = img.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
        fill, stroke = (20, 20, 20), None
    draw = ImageDraw.Draw(img)
    draw.text(
        (size - left, size - top),
        text,
        font=font,
        fill=fill,
        stroke_width=max(1, size // 12) if stroke else 0,
        stroke_fill=stroke,
    )
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def cer(reference: str, hypothesis: str) -> float:
    """Returns the character error rate (Levenshtein distance / reference length)."""
    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(len(ref), 1)


def engines(only: set[str] | None) -> dict[str, Callable[[bytes, str], str]]:
    """Returns the engines that are installed: name → (png, language) → text."""
    found: dict[str, Callable[[bytes, str], str]] = {}
    try:
        import pytesseract

        all_langs = "+".join(TESSERACT_LANG.values())

        def tess(lang_of: Callable[[str], str]) -> Callable[[bytes, str], str]:
            def run(png: bytes, language: str) -> str:
                image = Image.open(io.BytesIO(png))
                # psm 6: one uniform block of text (a screenshot line or a meme caption).
                text: str = pytesseract.image_to_string(
                    image, lang=lang_of(language), config="--psm 6"
                )
                return text

            return run

        found["tesseract-lang"] = tess(lambda language: TESSERACT_LANG[language])
        found["tesseract-all"] = tess(lambda _: all_langs)
    except ImportError:
        pass
    try:
        # What the service runs: civility's ImageReader (told the language, and a second read
        # of the bright text alone when the first is unsure).
        import base64

        from civility.ocr.service import ImageInput, ImageReader
        from civility.ocr.tesseract import TesseractEngine

        reader = ImageReader(TesseractEngine())

        def service(png: bytes, language: str) -> str:
            data = base64.b64encode(png).decode()
            text, _ = reader.read("", ImageInput(data, "image/png", language))
            return text

        found["civility"] = service
    except ImportError:
        pass
    try:
        from rapidocr_onnxruntime import RapidOCR

        engine = RapidOCR()

        def rapid(png: bytes, language: str) -> str:
            result, _ = engine(png)
            return " ".join(str(line[1]) for line in result or [])

        found["rapidocr"] = rapid
    except ImportError:
        pass
    return {k: v for k, v in found.items() if only is None or k in only}


def main() -> None:
    """Renders the set, runs every engine, prints and writes the results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="16,28")
    parser.add_argument("--engines", default="")
    parser.add_argument("--samples", type=Path, default=None, help="write a few images here")
    args = parser.parse_args()
    rng = random.Random(22)
    sizes = [int(s) for s in args.sizes.split(",")]
    cases = [
        (lang, text, font, size, bg)
        for lang, texts in TEXTS.items()
        for text in texts
        for font in FONTS
        for size in sizes
        for bg in BACKGROUNDS
    ]
    images = [render(t, FONTS[f], s, bg, rng) for _, t, f, s, bg in cases]
    if args.samples is not None:
        args.samples.mkdir(parents=True, exist_ok=True)
        for i in range(0, len(images), max(1, len(images) // 8)):
            (args.samples / f"sample-{i}.png").write_bytes(images[i])
    chosen = set(args.engines.split(",")) if args.engines else None
    report: dict[str, Any] = {"images": len(cases), "sizes_px": sizes, "engines": {}}
    for name, run in engines(chosen).items():
        errors: list[float] = []
        seconds: list[float] = []
        by: dict[str, dict[str, list[float]]] = {"language": {}, "background": {}, "size": {}}
        for (lang, text, _font, size, bg), png in zip(cases, images, strict=True):
            start = time.perf_counter()
            hypothesis = run(png, lang)
            seconds.append(time.perf_counter() - start)
            error = min(cer(text, hypothesis), 1.0)
            errors.append(error)
            for key, value in (("language", lang), ("background", bg), ("size", str(size))):
                by[key].setdefault(value, []).append(error)
        report["engines"][name] = {
            "char_accuracy": round(1 - statistics.mean(errors), 4),
            "exact_lines": round(sum(e == 0 for e in errors) / len(errors), 4),
            "ms_per_image_p50": round(statistics.median(seconds) * 1000, 1),
            "ms_per_image_p90": round(sorted(seconds)[int(0.9 * len(seconds))] * 1000, 1),
            **{
                f"char_accuracy_by_{key}": {
                    k: round(1 - statistics.mean(v), 4) for k, v in sorted(groups.items())
                }
                for key, groups in by.items()
            },
        }
        r = report["engines"][name]
        print(
            f"{name:16s} accuracy {r['char_accuracy']:.3f}  exact {r['exact_lines']:.3f}  "
            f"p50 {r['ms_per_image_p50']:7.1f} ms  p90 {r['ms_per_image_p90']:7.1f} ms"
        )
        print("   by language  ", r["char_accuracy_by_language"])
        print("   by background", r["char_accuracy_by_background"])
        print("   by size      ", r["char_accuracy_by_size"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ocr.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
