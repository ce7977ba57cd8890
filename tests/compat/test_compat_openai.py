"""OpenAI moderation drop-in through the ASGI app: shapes, mapping, input forms, errors."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.compat.openai import OPENAI_CATEGORIES, UNMAPPED, result

URL = "/v1/moderations"


def moderate(api: Api, body: Any) -> Any:
    return api.client.post(URL, json=body, headers=api.headers(Role.SERVICE))


def test_string_input_has_every_category(api: Api) -> None:
    r = moderate(
        api, {"input": "I will kill you, you stupid idiot", "model": "omni-moderation-latest"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"].startswith("modr")
    assert body["model"]
    [res] = body["results"]
    assert set(res["categories"]) == set(OPENAI_CATEGORIES)
    assert set(res["category_scores"]) == set(OPENAI_CATEGORIES)
    assert res["category_applied_input_types"]["harassment"] == ["text"]
    assert res["flagged"] is True
    assert res["categories"]["harassment"] is True
    assert res["categories"]["violence"] is True
    for name in UNMAPPED:
        assert res["categories"][name] is False
        assert res["category_scores"][name] == 0.0


def test_array_input_gives_one_result_each(api: Api) -> None:
    r = moderate(api, {"input": ["you are a stupid idiot", "lovely weather today"]})
    flagged = [x["flagged"] for x in r.json()["results"]]
    assert flagged == [True, False]


def test_multimodal_text_parts_are_one_input(api: Api) -> None:
    r = moderate(
        api, {"input": [{"type": "text", "text": "hello"}, {"type": "text", "text": "you idiot"}]}
    )
    assert len(r.json()["results"]) == 1
    assert r.json()["results"][0]["categories"]["harassment"] is True


@pytest.mark.parametrize(
    "body",
    [
        {"input": ""},
        {"input": []},
        {"input": [{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]},
        {"input": ["a"] * 129},
        {"text": "wrong field"},
    ],
)
def test_errors_use_openais_format(api: Api, body: Any) -> None:
    r = moderate(api, body)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["message"]
    assert "code" in error
    assert "param" in error


def test_missing_key_is_an_authentication_error(api: Api) -> None:
    r = api.client.post(URL, json={"input": "hi"})
    assert r.status_code == 401
    assert r.json()["error"]["type"] == "authentication_error"


def test_mapping_table() -> None:
    scores = {
        "toxicity": 0.1,
        "severe_toxicity": 0.0,
        "obscene": 0.7,
        "threat": 0.9,
        "insult": 0.2,
        "identity_attack": 0.8,
    }
    out = result(scores, {"threat": 0.95})
    assert out["category_scores"]["hate"] == 0.8
    assert out["category_scores"]["hate/threatening"] == 0.8
    assert out["category_scores"]["harassment/threatening"] == 0.2
    assert out["category_scores"]["sexual"] == 0.7
    # the per-category threshold of our scorer decides the flag
    assert out["categories"]["violence"] is False
    assert out["categories"]["hate"] is True
    assert out["flagged"] is True
