"""googleapiclient, as Perspective's own sample uses it, against `civility serve` with the
built-in model: x-goog-api-key, API_KEY_INVALID, dropUnsupportedAttributes, the 20 KB UTF-8
limit, span scores as probabilities at UTF-16 offsets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httplib2
import pytest
from googleapiclient import discovery
from googleapiclient.errors import HttpError
from tests.compat.server_process import Server, perspective_client, serve

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("perspective-e2e")), CIVILITY_SCORER="builtin") as s:
        yield s


@pytest.fixture
def client(server: Server) -> Iterator[Any]:
    with perspective_client(server) as c:
        yield c


def _body(text: str, *attrs: str, **extra: Any) -> dict[str, Any]:
    return {"comment": {"text": text}, "requestedAttributes": {a: {} for a in attrs}, **extra}


def _error(err: HttpError) -> dict[str, Any]:
    return json.loads(err.content)["error"]  # type: ignore[no-any-return]


def test_key_in_the_x_goog_api_key_header(server: Server) -> None:
    http = httplib2.Http(timeout=30)
    try:
        keyless = discovery.build(
            "commentanalyzer",
            "v1alpha1",
            discoveryServiceUrl=f"{server.url}/$discovery/rest?version=v1alpha1",
            static_discovery=False,
            http=http,
        )
        request = keyless.comments().analyze(body=_body("hello there", "TOXICITY"))
        request.headers["x-goog-api-key"] = server.key
        assert "key=" not in request.uri
        assert request.execute()["attributeScores"]["TOXICITY"]["summaryScore"]["value"] < 0.5
    finally:
        http.close()


def test_a_key_that_is_not_valid_is_api_key_invalid(server: Server) -> None:
    with (
        perspective_client(replace(server, key="civ_not_a_key")) as bad,
        pytest.raises(HttpError) as err,
    ):
        bad.comments().analyze(body=_body("hello", "TOXICITY")).execute()  # type: ignore[attr-defined]
    assert err.value.status_code == 400
    assert err.value.reason == "API key not valid. Please pass a valid API key."
    assert err.value.error_details[0]["reason"] == "API_KEY_INVALID"
    assert _error(err.value)["status"] == "INVALID_ARGUMENT"


def test_drop_unsupported_attributes(client: Any) -> None:
    ru = "ты тупой идиот, заткнись"
    with pytest.raises(HttpError):
        client.comments().analyze(body=_body(ru, "TOXICITY", "INSULT", languages=["ru"])).execute()
    dropped = (
        client.comments()
        .analyze(
            body=_body(
                ru,
                "TOXICITY",
                "INSULT",
                "SEXUALLY_EXPLICIT",
                languages=["ru"],
                dropUnsupportedAttributes=True,
            )
        )
        .execute()
    )
    assert set(dropped["attributeScores"]) == {"TOXICITY"}
    none = (
        client.comments()
        .analyze(body=_body("hello", "TOXICITY", languages=["xx"], dropUnsupportedAttributes=True))
        .execute()
    )
    assert none["attributeScores"] == {}


def test_the_limit_is_20_kb_of_utf8(client: Any) -> None:
    ascii_15k = "We grew tomatoes in the garden this year. " * 360
    assert 15_000 < len(ascii_15k.encode()) < 20_480
    ok = client.comments().analyze(body=_body(ascii_15k, "TOXICITY")).execute()
    toxicity = ok["attributeScores"]["TOXICITY"]
    assert toxicity["summaryScore"]["value"] < 0.5
    # No spanAnnotations: Perspective's one span over the whole text, with the summary score.
    assert toxicity["spanScores"] == [
        {"begin": 0, "end": len(ascii_15k), "score": toxicity["summaryScore"]}
    ]
    cjk = "今日は良い天気ですね" * 700  # 7,000 characters, 21,000 bytes of UTF-8
    for text, error_type in ((cjk, "COMMENT_TOO_LONG"), ("   ", "COMMENT_EMPTY")):
        with pytest.raises(HttpError) as err:
            client.comments().analyze(body=_body(text, "TOXICITY")).execute()
        assert err.value.status_code == 400
        assert err.value.error_details[0]["errorType"] == error_type


def test_span_scores_are_probabilities_at_utf16_offsets(client: Any) -> None:
    text = "🙂🙂 hello there, you are a stupid idiot 😡"
    body = _body(text, "INSULT", "TOXICITY", "THREAT", spanAnnotations=True, languages=["en"])
    scores = client.comments().analyze(body=body).execute()["attributeScores"]
    units = text.encode("utf-16-le")
    found = []
    for attr in scores.values():
        assert attr["spanScores"]
        for span in attr["spanScores"]:
            assert 0.0 <= span["score"]["value"] <= 1.0
            assert span["score"]["type"] == "PROBABILITY"
            assert 0 <= span["begin"] < span["end"] <= len(units) // 2
            found.append(units[2 * span["begin"] : 2 * span["end"]].decode("utf-16-le"))
    # Offsets in UTF-16 code units: each emoji counts two, and the spans still land on words.
    assert any("idiot" in piece for piece in found), found
