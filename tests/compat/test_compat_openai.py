"""OpenAI moderation drop-in through the ASGI app: shapes, mapping, input forms, errors."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.compat.openai import MEASURED, OPENAI_CATEGORIES, UNMEASURED, result

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
    for name in UNMEASURED:
        assert res["categories"][name] is False
        assert res["category_scores"][name] == 0.0
        assert res["category_applied_input_types"][name] == []
    for name in MEASURED:
        assert res["category_applied_input_types"][name] == ["text"]


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
        {"input": [{"type": "image_url", "image_url": {}}]},
        {"input": [{"type": "image_url", "image_url": "https://x/y.png"}]},
        {"input": [{"type": "input_audio", "input_audio": {"data": "AAAA"}}]},
        {"input": [{"type": "text", "text": "   "}]},
        {"input": "x" * 131_073},
        {"input": ["x" * 100_000] * 3},
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


def test_image_parts_are_accepted_and_ignored(api: Api) -> None:
    # A remote image is never fetched (data: images are read where OCR is: tests/ocr).
    image = {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}
    mixed = moderate(api, {"input": [{"type": "text", "text": "you stupid idiot"}, image]})
    assert mixed.status_code == 200, mixed.text
    [res] = mixed.json()["results"]
    assert res["categories"]["harassment"] is True
    assert res["category_applied_input_types"]["harassment"] == ["text"]  # never "image"
    only = moderate(api, {"input": [image, image]})
    assert only.status_code == 200, only.text
    [res] = only.json()["results"]
    # Nothing was evaluated: every category 0, unflagged, applied to no input.
    assert res["flagged"] is False
    assert set(res["category_scores"].values()) == {0.0}
    assert all(types == [] for types in res["category_applied_input_types"].values())


def test_long_texts_are_scored_not_refused(api: Api) -> None:
    text = "We talked about the garden and the weather for hours. " * 400 + "you stupid idiot"
    assert len(text) > 20_000
    r = moderate(api, {"input": text})
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["categories"]["harassment"] is True


def test_a_call_to_self_harm_is_harassment_threatening_not_self_harm(api: Api) -> None:
    r = moderate(api, {"input": ["kill yourself", "go end it"]})
    for res in r.json()["results"]:
        assert res["categories"]["harassment/threatening"] is True
        assert res["category_scores"]["harassment/threatening"] >= 0.9
        for name in ("self-harm", "self-harm/intent", "self-harm/instructions"):
            assert res["categories"][name] is False
            assert res["category_applied_input_types"][name] == []


SCORES = {
    "toxicity": 0.1,
    "severe_toxicity": 0.0,
    "obscene": 0.99,
    "threat": 0.9,
    "insult": 0.2,
    "identity_attack": 0.8,
}


def test_mapping_table() -> None:
    out = result(SCORES, {"threat": 0.95, "insult": 0.15})
    assert out["category_scores"]["hate"] == 0.8
    assert out["category_scores"]["hate/threatening"] == 0.8
    assert out["category_scores"]["harassment"] == 0.2
    assert out["category_scores"]["harassment/threatening"] == 0.2
    assert out["category_scores"]["violence"] == 0.9
    # obscene is vulgarity, not sexual content: never mapped
    assert out["category_scores"]["sexual"] == 0.0
    assert out["categories"]["sexual"] is False
    # the per-category threshold of our scorer decides each flag
    assert out["categories"]["violence"] is False
    assert out["categories"]["hate"] is True
    assert out["categories"]["harassment"] is True  # insult 0.2 >= its 0.15
    # "/threatening" needs both halves flagged
    assert out["categories"]["hate/threatening"] is False
    assert out["categories"]["harassment/threatening"] is False
    assert out["flagged"] is True


def test_a_threat_without_harassment_is_violence_only() -> None:
    # "I want to kill myself" on the built-in model: threat high, toxicity and insult low.
    scores = {**SCORES, "toxicity": 0.36, "insult": 0.01, "identity_attack": 0.1, "threat": 0.59}
    out = result(scores, {"toxicity": 0.45, "insult": 0.43, "threat": 0.27})
    assert out["categories"]["violence"] is True
    assert out["categories"]["harassment/threatening"] is False
    assert out["categories"]["self-harm/intent"] is False
    assert out["category_applied_input_types"]["self-harm/intent"] == []


def test_categories_unmeasured_in_the_language_are_not_evaluated() -> None:
    scores = {**SCORES, "insult": None, "identity_attack": None}
    out = result(scores)
    assert out["category_applied_input_types"]["harassment"] == ["text"]  # toxicity is there
    assert out["category_scores"]["harassment"] == 0.1
    for name in ("hate", "hate/threatening"):
        assert out["category_scores"][name] == 0.0
        assert out["categories"][name] is False
        assert out["category_applied_input_types"][name] == []
    none = result({**scores, "toxicity": None, "threat": None}, self_harm_call=0.9)
    assert none["category_applied_input_types"]["harassment"] == []
    assert none["category_applied_input_types"]["violence"] == []
    # the threat tier's rule still recognises a call to self-harm
    assert none["categories"]["harassment/threatening"] is True
    assert none["category_applied_input_types"]["harassment/threatening"] == ["text"]
