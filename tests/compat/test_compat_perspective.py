"""Perspective drop-in through the ASGI app: documented examples, options, errors, `?key=`."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role

URL = "/v1alpha1/comments:analyze"
TOXIC = "What kind of idiot name is foo?"  # the example of Perspective's documentation
CLEAN = "friendly greetings from python"  # the example of its Python sample


def analyze(api: Api, body: Any, role: Role = Role.SERVICE) -> Any:
    return api.client.post(URL, params={"key": api.keys[role]}, json=body)


def test_documented_example_with_key_in_query(api: Api) -> None:
    r = analyze(
        api,
        {"comment": {"text": TOXIC}, "languages": ["en"], "requestedAttributes": {"TOXICITY": {}}},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    summary = body["attributeScores"]["TOXICITY"]["summaryScore"]
    assert summary["type"] == "PROBABILITY"
    assert 0.5 < summary["value"] <= 1
    assert body["languages"] == ["en"]
    assert isinstance(body["detectedLanguages"], list)
    # As Perspective: one span over the whole text unless spanAnnotations asks for finer ones.
    [span] = body["attributeScores"]["TOXICITY"]["spanScores"]
    assert (span["begin"], span["end"]) == (0, len(TOXIC))
    assert span["score"] == summary


def test_bearer_header_works_too(api: Api) -> None:
    r = api.client.post(
        URL,
        headers=api.headers(Role.SERVICE),
        json={"comment": {"text": CLEAN}, "requestedAttributes": {"TOXICITY": {}}},
    )
    assert r.status_code == 200
    assert r.json()["attributeScores"]["TOXICITY"]["summaryScore"]["value"] < 0.5


def test_every_supported_attribute_and_client_token(api: Api) -> None:
    names = [
        "TOXICITY",
        "SEVERE_TOXICITY",
        "IDENTITY_ATTACK",
        "INSULT",
        "PROFANITY",
        "THREAT",
        "TOXICITY_EXPERIMENTAL",
    ]
    r = analyze(
        api,
        {
            "comment": {"text": "I will kill you, you stupid idiot"},
            "requestedAttributes": {n: {} for n in names},
            "clientToken": "tok-1",
            "doNotStore": True,
            "sessionId": "s",
        },
    )
    body = r.json()
    assert set(body["attributeScores"]) == set(names)
    assert body["clientToken"] == "tok-1"
    scores = {n: v["summaryScore"]["value"] for n, v in body["attributeScores"].items()}
    assert scores["THREAT"] > 0.5
    assert scores["INSULT"] > 0.5
    # doNotStore or not, the analyze path stores nothing
    assert api.client.get("/v1/messages", headers=api.headers()).json()["items"] == []


def test_span_annotations_point_into_the_text(api: Api) -> None:
    text = "you are a stupid idiot"
    r = analyze(
        api,
        {
            "comment": {"text": text},
            "spanAnnotations": True,
            "requestedAttributes": {"INSULT": {}, "THREAT": {}},
        },
    )
    scores = r.json()["attributeScores"]
    for attr in scores.values():
        assert attr["spanScores"], attr
        for span in attr["spanScores"]:
            assert 0 <= span["begin"] < span["end"] <= len(text)
            assert span["score"]["type"] == "PROBABILITY"


def test_the_whole_text_span_ends_at_its_utf16_length(api: Api) -> None:
    text = "🙂🙂 hello"  # nothing for the lexicon double to point at: one span, the whole text
    body = {
        "comment": {"text": text},
        "spanAnnotations": True,
        "requestedAttributes": {"INSULT": {}},
    }
    [span] = analyze(api, body).json()["attributeScores"]["INSULT"]["spanScores"]
    assert (span["begin"], span["end"]) == (0, len(text) + 2)  # each emoji is two UTF-16 units


def test_score_threshold_leaves_low_attributes_out(api: Api) -> None:
    r = analyze(
        api,
        {
            "comment": {"text": CLEAN},
            "requestedAttributes": {
                "TOXICITY": {"scoreThreshold": 0.9},
                "INSULT": {"scoreType": "PROBABILITY"},
            },
        },
    )
    assert set(r.json()["attributeScores"]) == {"INSULT"}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"comment": {"text": "hi"}, "requestedAttributes": {"SPAM": {}}}, "SPAM"),
        (
            {"comment": {"text": "hi"}, "requestedAttributes": {"NOPE": {}}},
            "Unknown requested attribute: NOPE",
        ),
        ({"comment": {"text": "hi"}, "requestedAttributes": {}}, "requestedAttributes"),
        (
            {
                "comment": {"text": "hi"},
                "languages": ["xx"],
                "requestedAttributes": {"TOXICITY": {}},
            },
            "languages: xx",
        ),
        (
            {
                "comment": {"text": "hi"},
                "requestedAttributes": {"TOXICITY": {"scoreType": "STD_DEV_SCORE"}},
            },
            "score type",
        ),
        ({"comment": {"text": "  "}, "requestedAttributes": {"TOXICITY": {}}}, "empty"),
        (
            {"comment": {"text": "hi"}, "requestedAttributes": {"TOXICITY": {}}, "bogus": 1},
            'Unknown name "bogus"',
        ),
        ({"requestedAttributes": {"TOXICITY": {}}}, "comment"),
        (
            {"comment": {"text": "hi"}, "languages": ["x" * 36], "requestedAttributes": {}},
            "languages.0",
        ),
        ([1, 2], "body"),
    ],
)
def test_errors_use_googles_format(api: Api, body: Any, fragment: str) -> None:
    r = analyze(api, body)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == 400
    assert error["status"] == "INVALID_ARGUMENT"
    assert fragment in error["message"]


def test_languages_accept_bcp47_and_auth_errors(api: Api) -> None:
    ok = analyze(
        api,
        {
            "comment": {"text": "hola"},
            "languages": ["es-MX"],
            "requestedAttributes": {"TOXICITY": {}},
        },
    )
    assert ok.status_code == 200
    assert ok.json()["languages"] == ["es"]
    missing = api.client.post(
        URL, json={"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}}
    )
    assert missing.status_code == 401
    assert missing.json()["error"]["status"] == "UNAUTHENTICATED"
    wrong = api.client.post(
        URL,
        params={"key": "civ_nope"},
        json={"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}},
    )
    # Google's answer to a key that is not valid: 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
    assert wrong.status_code == 400
    assert wrong.json()["error"]["status"] == "INVALID_ARGUMENT"
    assert wrong.json()["error"]["details"][0]["reason"] == "API_KEY_INVALID"


def test_discovery_document_points_at_us(api: Api) -> None:
    r = api.client.get("/$discovery/rest", params={"version": "v1alpha1"})
    assert r.status_code == 200
    doc = r.json()
    assert doc["rootUrl"] == "http://testserver/"
    method = doc["resources"]["comments"]["methods"]["analyze"]
    assert method["path"] == "v1alpha1/comments:analyze"
    assert method["request"]["$ref"] in doc["schemas"]
    assert api.client.get("/$discovery/rest", params={"version": "v2"}).status_code == 404
