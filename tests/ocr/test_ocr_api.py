"""Images on /v1/analyze, /v1/moderate and /v1/messages, read by the real Tesseract.

The images are drawn here (Pillow, DejaVu Sans) in several languages; the decisions come from
the built-in model. Without tesseract these tests skip, except in CI where they must run.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api
from tests.embedded_worker import wait_decided
from tests.ocr.ocr_render import b64, render, require_tesseract

from civility import load_scorer
from civility.auth.keys import Role
from civility.ocr.service import ImageReader
from civility.scoring.base import Scorer

LINES = {
    "en": "you are a stupid idiot",
    "de": "du bist ein dummer Idiot",
    "es": "eres un idiota estúpido",
    "fr": "personne ne veut de toi ici",
    "it": "sei un idiota stupido",
    "pt": "você é um idiota estúpido",
    "ru": "ты тупой идиот",
    "tr": "sen aptal bir salaksın",
}


@pytest.fixture(scope="module")
def builtin() -> Scorer:
    return load_scorer()


@pytest.fixture
def api_scorer(builtin: Scorer) -> Scorer:
    """The built-in model, so decisions are the ones the service would really make."""
    return builtin


def _image(text: str | list[str], language: str | None = None, **kw: Any) -> dict[str, Any]:
    lines = [text] if isinstance(text, str) else text
    image: dict[str, Any] = {"data": b64(render(lines, **kw)), "mime_type": "image/png"}
    if language is not None:
        image["language"] = language
    return image


def _msg(message_id: str, text: str = "", image: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"message_id": message_id, "author_id": "u1", "channel_id": "c1"}
    if text:
        body["text"] = text
    if image is not None:
        body["image"] = image
    return body


def _cer(reference: str, read: str) -> float:
    ref, hyp = " ".join(reference.split()), " ".join(read.split())
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(len(ref), 1)


@pytest.mark.parametrize("language", sorted(LINES))
def test_analyze_reads_the_image_in_its_language(api: Api, language: str) -> None:
    require_tesseract()
    line = LINES[language]
    r = api.client.post(
        "/v1/analyze",
        json={"image": _image(line, language)},
        headers=api.headers(Role.SERVICE),
    )
    assert r.status_code == 200, r.text
    item = r.json()["results"][0]
    image = item["image"]
    assert _cer(line, image["text"]) <= 0.05, image["text"]
    assert image["languages"] == [language]
    assert (image["start"], image["mime_type"]) == (0, "image/png")
    assert len(image["words"]) == len(line.split())
    assert all(w["box"][2] > 0 and w["box"][3] > 0 for w in image["words"])
    assert image["engine"].startswith("tesseract:")


def test_analyze_scores_the_image_with_the_caption_and_alone(api: Api) -> None:
    require_tesseract()
    caption = "what a lovely sunny day in the park with the family " * 3
    h = api.headers(Role.SERVICE)
    plain = api.client.post("/v1/analyze", json={"text": caption}, headers=h).json()
    both = api.client.post(
        "/v1/analyze", json={"text": caption, "image": _image("I will kill you")}, headers=h
    )
    assert both.status_code == 200, both.text
    item = both.json()["results"][0]
    assert plain["results"][0]["scores"]["threat"] < 0.3
    assert item["scores"]["threat"] > 0.8
    assert item["image"]["start"] == len(caption) + 2
    assert item["severity"] != "none"


def test_a_threat_in_an_image_is_decided_and_stored_with_its_boxes(api: Api) -> None:
    require_tesseract()
    h = api.headers(Role.SERVICE)
    calm = api.client.post("/v1/moderate", json=_msg("m0", "nice weather today"), headers=h)
    assert calm.json()["decision"] == "allow"
    image = _image(["nice weather today", "I will kill you tomorrow"], dark=True)
    r = api.client.post("/v1/moderate", json=_msg("m1", "look at this", image), headers=h)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision"] in ("hide", "block"), body
    threat = next(x for x in body["reasons"] if x["code"] == "threat")
    assert threat["image_boxes"], threat  # the reason is about words in the image, with boxes
    read = body["image"]
    assert "kill" in read["text"]
    assert read["start"] == len("look at this") + 2
    assert [w["text"] for w in read["words"]][-4:] == ["will", "kill", "you", "tomorrow"]
    # Stored with the message: the same from the store, and the text is caption + image text.
    stored = api.client.get(f"/v1/messages/{body['id']}", headers=api.headers()).json()
    assert stored["image"] == read
    assert stored["reasons"] == body["reasons"]
    listed = api.client.get("/v1/messages", headers=api.headers(Role.MODERATOR)).json()
    mine = next(m for m in listed["items"] if m["id"] == body["id"])
    assert mine["text"] == "look at this\n\n" + read["text"]
    # The review item knows which part of its text came from the image (the dashboard shows it).
    item = api.container.review.get(body["id"])
    assert item.image is not None
    assert item.text[item.image.start : item.image.end] == read["text"]
    # Re-sending the message returns the stored decision; the image is not read again.
    again = api.client.post("/v1/moderate", json=_msg("m1", "look at this", image), headers=h)
    assert again.json()["id"] == body["id"]


def test_erasing_the_author_drops_what_was_read_from_the_image(api: Api) -> None:
    require_tesseract()
    image = _image("you are a stupid idiot")
    r = api.client.post("/v1/moderate", json=_msg("e1", "hi", image), headers=api.headers())
    assert r.json()["image"]["text"]
    erased = api.client.delete("/v1/authors/u1", headers=api.headers(Role.ADMIN))
    assert erased.status_code == 200, erased.text
    after = api.client.get(f"/v1/messages/{r.json()['id']}", headers=api.headers()).json()
    assert after["image"] is None
    assert all(not x["image_boxes"] for x in after["reasons"])


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_meme_style_text_is_read(api: Api, language: str) -> None:
    """White letters outlined in black on a picture: read through the bright-text second look."""
    require_tesseract()
    line = LINES[language]
    r = api.client.post(
        "/v1/analyze",
        json={"image": _image(line, language, meme=True)},
        headers=api.headers(Role.SERVICE),
    )
    assert r.status_code == 200, r.text
    assert _cer(line, r.json()["results"][0]["image"]["text"]) <= 0.1


def test_an_image_alone_insult_in_russian(api: Api) -> None:
    require_tesseract()
    r = api.client.post(
        "/v1/moderate",
        json=_msg("ru1", image=_image(LINES["ru"], "ru")),
        headers=api.headers(Role.SERVICE),
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["decision"] != "allow"
    assert body["language"] == "ru"
    assert body["image"]["start"] == 0


def test_an_image_without_text_is_allowed(api: Api) -> None:
    require_tesseract()
    blank = {"data": b64(render([" "])), "mime_type": "image/png"}
    r = api.client.post(
        "/v1/moderate", json=_msg("b1", image=blank), headers=api.headers(Role.SERVICE)
    )
    assert r.status_code == 200, r.text
    assert r.json()["decision"] == "allow"
    assert r.json()["image"]["text"] == ""


def test_submitted_messages_with_images_are_decided_by_the_worker(api: Api) -> None:
    require_tesseract()
    h = api.headers(Role.SERVICE)
    batch = {"messages": [_msg("s1", image=_image("I will kill you")), _msg("s2", "hello")]}
    r = api.client.post("/v1/messages", json=batch, headers=h)
    assert r.status_code == 202, r.text
    decided = wait_decided(api, [i["id"] for i in r.json()["items"]])
    assert decided[0]["decision"] != "allow"
    assert "kill" in decided[0]["image"]["text"]
    assert decided[1]["image"] is None


@pytest.mark.parametrize(
    ("image", "code"),
    [
        ({"data": b64(b"hello, not an image"), "mime_type": "image/png"}, "image_unreadable"),
        ({"data": "%%% not base64 %%%", "mime_type": "image/png"}, "image_bad_base64"),
        (
            {"data": b64(render(["hi"], fmt="GIF")), "mime_type": "image/gif"},
            "image_type_not_supported",
        ),
        ({"data": b64(render(["hi"])[:100]), "mime_type": "image/png"}, "image_unreadable"),
        (
            {"data": b64(render(["hi"])), "mime_type": "image/png", "language": "xx"},
            "image_language_not_supported",
        ),
    ],
    ids=["not-an-image", "bad-base64", "gif", "truncated", "language"],
)
def test_bad_images_are_a_4xx_with_a_code(api: Api, image: dict[str, Any], code: str) -> None:
    require_tesseract()
    h = api.headers(Role.SERVICE)
    for path, body in (("/v1/analyze", {"image": image}), ("/v1/moderate", _msg("x", "hi", image))):
        r = api.client.post(path, json=body, headers=h)
        assert r.status_code == 422, (path, r.text)
        assert r.json()["error"]["code"] == code, r.text


def test_huge_images_are_refused(api: Api) -> None:
    require_tesseract()
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (6_000, 6_000), 255).save(out, format="PNG")  # 36 M pixels, ~100 KB
    bomb = {"data": b64(out.getvalue()), "mime_type": "image/png"}
    big = {"data": "A" * (8 * 1024 * 1024), "mime_type": "image/png"}  # over 5 MiB decoded
    h = api.headers(Role.SERVICE)
    for image in (bomb, big):
        r = api.client.post("/v1/analyze", json={"image": image}, headers=h)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "image_too_large"


def test_a_slow_read_times_out_as_a_4xx(api: Api) -> None:
    require_tesseract()
    current = api.container.images
    api.container.images = ImageReader(current.engine, timeout_s=0.001)
    r = api.client.post(
        "/v1/analyze",
        json={"image": _image(["a long line of text to read"] * 8)},
        headers=api.headers(Role.SERVICE),
    )
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "image_ocr_timeout"


def test_without_ocr_images_get_a_clear_4xx_and_text_still_works(api: Api) -> None:
    api.container.images = ImageReader(None, missing="the `ocr` extra is not installed")
    h = api.headers(Role.SERVICE)
    image = {"data": b64(b"anything"), "mime_type": "image/png"}
    for path, body in (("/v1/analyze", {"image": image}), ("/v1/moderate", _msg("x", "hi", image))):
        r = api.client.post(path, json=body, headers=h)
        assert r.status_code == 422, r.text
        error = r.json()["error"]
        assert error["code"] == "ocr_not_installed"
        assert "ocr" in error["message"]
    assert api.client.post("/v1/moderate", json=_msg("t", "hello"), headers=h).status_code == 200


def test_request_shapes(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    image = {"data": b64(b"x"), "mime_type": "image/png"}
    both = api.client.post("/v1/analyze", json={"texts": ["a"], "image": image}, headers=h)
    assert both.status_code == 422
    assert api.client.post("/v1/moderate", json=_msg("n"), headers=h).json()["error"]["code"] == (
        "empty_text"
    )
    unknown = {**image, "url": "http://example.invalid/x.png"}
    r = api.client.post("/v1/analyze", json={"image": unknown}, headers=h)
    assert r.status_code == 422  # images are inline only: no URL field
