"""Images end to end: POST /v1/moderate and /v1/analyze with an image, on the real server.

Starts `civility serve` (embedded default, the built-in model, Tesseract through the `ocr`
extra) and sends images rendered like bench/ocr.py's (eight languages, plain and meme
backgrounds, 28 px DejaVu Sans) with the language as `image.language`. The baseline in the same
run is the same message as text (what the image says, typed), so the difference is what
decoding and reading the image cost; and how often the image gets the typed text's decision,
and the character accuracy of the text the route read. Also: the same images sent by 4 clients
at once (CIVILITY_OCR_MAX_CONCURRENT images are read at a time).
Writes bench/results/ocr_route.json.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _server import serve
from ocr import FONTS, TEXTS, cer, render

RESULTS = Path(__file__).parent / "results"


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p90_ms": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def main() -> None:
    """Runs the benchmark and writes bench/results/ocr_route.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backgrounds", default="plain,meme")
    args = parser.parse_args()
    rng = random.Random(7)
    cases = []
    for language, lines in TEXTS.items():
        for background in args.backgrounds.split(","):
            for line in lines:
                png = render(line, FONTS["DejaVuSans"], 28, background, rng)
                cases.append((language, background, line, base64.b64encode(png).decode()))
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as server:
        headers = {"Authorization": f"Bearer {server.key}"}
        with httpx.Client(base_url=server.url, headers=headers, timeout=60) as client:
            answers: dict[str, Any] = {}

            def post(path: str, body: dict[str, Any]) -> float:
                start = time.perf_counter()
                r = client.post(path, json=body)
                elapsed = (time.perf_counter() - start) * 1000
                r.raise_for_status()
                answers[body.get("message_id", path)] = r.json()
                return elapsed

            def moderate(i: int, lang: str, text: str, data: str | None) -> float:
                body: dict[str, Any] = {"message_id": f"m{i}", "author_id": "a", "channel_id": "c"}
                if data is None:
                    body["text"] = f"look {text}"
                else:
                    body["text"] = "look"
                    body["image"] = {"data": data, "mime_type": "image/png", "language": lang}
                return post("/v1/moderate", body)

            post("/v1/analyze", {"text": "warm up"})
            text_ms, image_ms, analyze_ms = [], [], []
            per_background: dict[str, list[float]] = {}
            same_decision, accuracy = 0, {}
            for i, (lang, background, line, data) in enumerate(cases):
                text_ms.append(moderate(2 * i, lang, line, None))
                ms = moderate(2 * i + 1, lang, line, data)
                typed, read = answers[f"m{2 * i}"], answers[f"m{2 * i + 1}"]
                same_decision += typed["decision"] == read["decision"]
                read_ok = 1 - min(1.0, cer(line, read["image"]["text"]))
                accuracy.setdefault(background, []).append(read_ok)
                image_ms.append(ms)
                per_background.setdefault(background, []).append(ms)
                image = {"data": data, "mime_type": "image/png", "language": lang}
                analyze_ms.append(post("/v1/analyze", {"image": image}))
            start = time.perf_counter()
            with ThreadPoolExecutor(4) as pool:
                concurrent = list(
                    pool.map(
                        lambda c: moderate(10_000 + c[0], c[1][0], c[1][2], c[1][3]),
                        enumerate(cases),
                    )
                )
            wall = time.perf_counter() - start
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "images": len(cases),
        "same_decision_as_typed_text": round(same_decision / len(cases), 3),
        "char_accuracy_of_text_read": {
            "all": round(statistics.mean(a for v in accuracy.values() for a in v), 3),
            **{k: round(statistics.mean(v), 3) for k, v in accuracy.items()},
        },
        "moderate_text_only": _stats(text_ms),
        "moderate_with_image": _stats(image_ms),
        "analyze_image_only": _stats(analyze_ms),
        "moderate_with_image_by_background": {k: _stats(v) for k, v in per_background.items()},
        "moderate_with_image_4_clients": {
            **_stats(concurrent),
            "images_per_s": round(len(cases) / wall, 1),
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ocr_route.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
