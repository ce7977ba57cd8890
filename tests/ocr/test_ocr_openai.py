"""The OpenAI-compatible route reads image_url parts given as base64 data: URLs."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api
from tests.ocr.ocr_render import b64, render, require_tesseract

from civility import load_scorer
from civility.auth.keys import Role
from civility.ocr.service import ImageReader
from civility.scoring.base import Scorer

URL = "/v1/moderations"


@pytest.fixture(scope="module")
def builtin() -> Scorer:
    return load_scorer()


@pytest.fixture
def api_scorer(builtin: Scorer) -> Scorer:
    return builtin


def _part(lines: list[str], mime: str = "image/png") -> dict[str, Any]:
    url = f"data:{mime};base64,{b64(render(lines))}"
    return {"type": "image_url", "image_url": {"url": url}}


def _post(api: Api, parts: list[dict[str, Any]]) -> Any:
    return api.client.post(URL, json={"input": parts}, headers=api.headers(Role.SERVICE))


def test_a_threat_in_a_data_image_is_flagged_as_applied_to_the_image(api: Api) -> None:
    require_tesseract()
    r = _post(api, [_part(["I will kill you tomorrow"])])
    assert r.status_code == 200, r.text
    [res] = r.json()["results"]
    assert res["flagged"] is True
    assert res["categories"]["violence"] is True
    assert res["category_applied_input_types"]["violence"] == ["image"]


def test_text_and_image_parts_are_scored_together(api: Api) -> None:
    require_tesseract()
    text = {"type": "text", "text": "what a lovely day in the park"}
    r = _post(api, [text, _part(["you are a stupid idiot"])])
    assert r.status_code == 200, r.text
    [res] = r.json()["results"]
    assert res["categories"]["harassment"] is True
    assert res["category_applied_input_types"]["harassment"] == ["text", "image"]
    calm = _post(api, [text, _part(["thanks for sharing the photos"])]).json()["results"][0]
    assert calm["flagged"] is False


def test_remote_and_broken_images(api: Api) -> None:
    require_tesseract()
    remote = {"type": "image_url", "image_url": {"url": "https://example.com/x.png"}}
    [res] = _post(api, [remote]).json()["results"]
    assert res["flagged"] is False  # never fetched: nothing evaluated
    assert all(v == [] for v in res["category_applied_input_types"].values())
    for url, code in (
        ("data:image/png;base64,iVBORw0KGgo=", "image_unreadable"),
        ("data:image/png,rawbytes", "invalid_value"),
        ("data:image/gif;base64,R0lGODlhAQABAAAAACw=", "image_type_not_supported"),
    ):
        r = _post(api, [{"type": "image_url", "image_url": {"url": url}}])
        assert r.status_code == 400, r.text
        assert r.json()["error"]["code"] == code
        assert r.json()["error"]["type"] == "invalid_request_error"
    five = _post(api, [_part(["hi"])] * 5)
    assert five.status_code == 400
    assert five.json()["error"]["code"] == "too_many_images"


def test_without_ocr_data_images_stay_ignored(api: Api) -> None:
    api.container.images = ImageReader(None, missing="the `ocr` extra is not installed")
    text = {"type": "text", "text": "you are a stupid idiot"}
    r = _post(api, [text, {"type": "image_url", "image_url": {"url": "data:image/png;base64,x"}}])
    assert r.status_code == 200, r.text
    [res] = r.json()["results"]
    assert res["category_applied_input_types"]["harassment"] == ["text"]
