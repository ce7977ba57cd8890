"""OpenAI moderation drop-in: `POST /v1/moderations`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends
from pydantic import Field

from civility.api.deps import ContainerDep
from civility.api.routes.compat_common import error_route, key_auth
from civility.api.schemas import Strict
from civility.auth.keys import Permission, Principal
from civility.compat import openai
from civility.container import Container
from civility.errors import Invalid
from civility.ids import new_id
from civility.moderation.service import AnalyzeResult
from civility.moderation.validation import check_text
from civility.ocr.models import ImageText
from civility.ocr.service import ImageInput
from civility.scoring import threats

MAX_INPUTS = 128
# Image parts read per request: each is one OCR run (docs/ocr.md).
MAX_IMAGES = 4
# Long texts are scored in the model's windows, not refused: up to 131,072 characters an input
# (about OpenAI's 32,768 tokens at four characters a token) and 262,144 a request.
MAX_INPUT_CHARS = 131_072
MAX_REQUEST_CHARS = 262_144
_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
    503: "server_error",
}


def render_error(status: int, code: str, message: str) -> dict[str, Any]:
    """OpenAI's error body: `{"error": {"message", "type", "param", "code"}}`."""
    kind = _TYPES.get(status, "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


router = APIRouter(prefix="/v1", tags=["compat: openai"], route_class=error_route(render_error))
Caller = Annotated[Principal, Depends(key_auth(Permission.ANALYZE))]


class ModerationIn(Strict):
    """A string, a list of strings, or a list of multi-modal parts (text and image_url)."""

    input: str | list[str | dict[str, Any]] = Field(min_length=1)
    model: str | None = Field(None, max_length=200)


def texts_of(value: str | list[str | dict[str, Any]]) -> list[str | None]:
    """One text per result: each string, or the text parts of a multi-modal list joined.

    Image parts are checked here and read by `images_of` where OCR is installed; an input of
    image parts only is None: no text to evaluate (until an image's text is read).
    """
    if isinstance(value, str):
        return [value]
    if all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    parts: list[str] = []
    images = 0
    for item in value:
        kind = item.get("type") if isinstance(item, dict) else type(item).__name__
        if not isinstance(item, dict) or kind not in ("text", "image_url"):
            raise Invalid(f"input parts of type {kind!r} are not supported", code="invalid_value")
        if kind == "text":
            if not isinstance(item.get("text"), str):
                raise Invalid("a text part needs a string `text`", code="invalid_value")
            parts.append(item["text"])
        elif not isinstance(item.get("image_url"), dict) or not isinstance(
            item["image_url"].get("url"), str
        ):
            raise Invalid("an image_url part needs `image_url.url`", code="invalid_value")
        else:
            images += 1
    text = "\n".join(parts)
    return [None if images and not text.strip() else text]


def images_of(value: str | list[str | dict[str, Any]]) -> list[ImageInput]:
    """The image_url parts given inline as base64 `data:` URLs (remote URLs are never fetched)."""
    if isinstance(value, str):
        return []
    found = []
    for item in value:
        if not isinstance(item, dict) or item.get("type") != "image_url":
            continue
        url = str(item["image_url"]["url"])  # texts_of has checked the part's shape
        if url[:5].lower() != "data:":
            continue
        head, comma, data = url[5:].partition(",")
        mime, _, encoding = head.partition(";")
        if not comma or encoding.lower() != "base64":
            raise Invalid(
                "an image data: URL must be base64 (data:image/png;base64,...)",
                code="invalid_value",
            )
        found.append(ImageInput(data, mime.strip().lower()))
    return found


async def read_images(
    c: Container, caption: str | None, images: list[ImageInput]
) -> tuple[str | None, ImageText | None]:
    """Reads the images' text after the caption (in a worker thread); None when nothing is read."""
    if len(images) > MAX_IMAGES:
        raise Invalid(f"at most {MAX_IMAGES} image parts per request", code="too_many_images")
    text, record = caption or "", None
    for image in images:
        text, record = await anyio.to_thread.run_sync(c.images.read, text, image)
    if not text.strip():
        return None, None
    return text, record


def check_lengths(texts: list[str | None], limit: int) -> None:
    """Refuses an input over ``limit`` characters, or a request over MAX_REQUEST_CHARS."""
    for i, text in enumerate(texts):
        if text is not None:
            check_text(text, limit, field=f"input[{i}]")
    total = sum(len(t) for t in texts if t is not None)
    if total > MAX_REQUEST_CHARS:
        raise Invalid(
            f"the inputs are {total} characters together; the limit is {MAX_REQUEST_CHARS}",
            code="text_too_long",
        )


def self_harm_calls(texts: Sequence[str]) -> list[float]:
    """Per text, the threat tier's score for a call to self-harm aimed at someone (else 0)."""
    return [
        max((m.score for m in found.matches if m.kind == "self_harm"), default=0.0)
        if found is not None
        else 0.0
        for found in threats.detect(texts)
    ]


def _score(
    c: Container, texts: list[str], images: list[ImageText | None]
) -> tuple[list[AnalyzeResult], list[float]]:
    # No spans: OpenAI's answer has none, and explaining a 100,000-character text costs ten
    # times more than scoring it.
    return c.moderation.analyze(texts, explain=False, images=images), self_harm_calls(texts)


@router.post("/moderations")
async def create_moderation(body: ModerationIn, _: Caller, c: ContainerDep) -> dict[str, Any]:
    """Classifies texts with OpenAI's categories, from what Civility's model measures."""
    texts = texts_of(body.input)
    if len(texts) > MAX_INPUTS:
        raise Invalid(f"at most {MAX_INPUTS} inputs per request", code="too_many_inputs")
    # Where OCR is installed, data: images are read and scored with the text parts (one
    # multi-modal input is one text); elsewhere they stay ignored, as before.
    images = images_of(body.input) if c.images.available else []
    read: ImageText | None = None
    kinds: tuple[str, ...] = ("text",)
    if images:
        caption = texts[0]
        texts[0], read = await read_images(c, caption, images)
        if read is not None and read.end > read.start:
            kinds = ("text", "image") if caption and caption.strip() else ("image",)
    check_lengths(texts, max(c.settings.max_text_length, MAX_INPUT_CHARS))
    scored = [t for t in texts if t is not None]
    records = [read if images else None for _ in scored]
    analyses, calls = (
        await anyio.to_thread.run_sync(_score, c, scored, records) if scored else ([], [])
    )
    thresholds: dict[str, float] | None = getattr(c.scorer, "thresholds", None)
    found = iter(zip(analyses, calls, strict=True))
    results = []
    for text in texts:
        if text is None:
            results.append(openai.result({}, thresholds, evaluated=False))
            continue
        r, call = next(found)
        # A category the model does not measure in the text's language is not evaluated.
        scores = {
            k: None if k in r.analysis.unsupported else v for k, v in r.analysis.scores.items()
        }
        results.append(openai.result(scores, thresholds, self_harm_call=call, input_types=kinds))
    return {
        "id": new_id("modr"),
        "model": f"{c.scorer.name}:{c.scorer.version}",
        "results": results,
    }
