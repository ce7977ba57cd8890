"""googleapiclient against `civility serve` with the built-in model: `/batch` multipart batching,
languages and experimental attributes answered as Perspective answers them, and suggestscore
stored as moderator feedback, shown with the message and exported as labelled data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from googleapiclient.errors import HttpError
from tests.compat.server_process import Server, perspective_client, serve

pytestmark = pytest.mark.e2e

RU_INSULT = "ты тупой идиот, заткнись"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("perspective-batch")), CIVILITY_SCORER="builtin") as s:
        yield s


@pytest.fixture
def client(server: Server) -> Iterator[Any]:
    with perspective_client(server) as c:
        yield c


def _body(text: str, *attrs: str, **extra: Any) -> dict[str, Any]:
    return {"comment": {"text": text}, "requestedAttributes": {a: {} for a in attrs}, **extra}


def _fails(client: Any, body: dict[str, Any]) -> dict[str, Any]:
    """The error googleapiclient raises for a request, as Google's JSON error object."""
    with pytest.raises(HttpError) as err:
        client.comments().analyze(body=body).execute()
    assert err.value.status_code == 400
    error: dict[str, Any] = json.loads(err.value.content)["error"]
    assert error["details"] == err.value.error_details
    return error


def test_new_batch_http_request_with_a_failing_part(client: Any) -> None:
    answers: dict[str, tuple[Any, HttpError | None]] = {}

    def collect(request_id: str, response: Any, exception: HttpError | None) -> None:
        answers[request_id] = (response, exception)

    batch = client.new_batch_http_request(callback=collect)
    batch.add(
        client.comments().analyze(body=_body("have a lovely day", "TOXICITY")), request_id="calm"
    )
    batch.add(client.comments().analyze(body=_body("   ", "TOXICITY")), request_id="empty")
    batch.add(
        client.comments().analyze(body=_body("you stupid idiot", "INSULT")), request_id="rude"
    )
    batch.add(
        client.comments().analyze(body=_body("12345", "TOXICITY", clientToken="t-4")),
        request_id="digits",
    )
    batch.execute()

    assert list(answers) == ["calm", "empty", "rude", "digits"]
    calm, rude = answers["calm"][0], answers["rude"][0]
    assert calm["attributeScores"]["TOXICITY"]["summaryScore"]["value"] < 0.5
    assert rude["attributeScores"]["INSULT"]["summaryScore"]["value"] > 0.5
    assert answers["calm"][1] is None
    assert answers["rude"][1] is None
    # The failing parts fail alone, each with its own Google error and errorType.
    for name, error_type in (("empty", "COMMENT_EMPTY"), ("digits", "LANGUAGE_DETECTION_FAILED")):
        response, exc = answers[name]
        assert response is None
        assert exc is not None
        assert exc.status_code == 400
        assert exc.error_details[0]["errorType"] == error_type


def test_a_batch_part_is_checked_like_a_single_call(server: Server, client: Any) -> None:
    answers: dict[str, HttpError | None] = {}
    with perspective_client(replace(server, key="civ_not_a_key")) as bad:
        batch = client.new_batch_http_request()
        batch.add(
            bad.comments().analyze(body=_body("hello", "TOXICITY")),
            callback=lambda rid, _, exc: answers.__setitem__(rid, exc),
            request_id="bad-key",
        )
        batch.add(
            client.comments().analyze(body=_body("hello there", "TOXICITY")),
            callback=lambda rid, _, exc: answers.__setitem__(rid, exc),
            request_id="good-key",
        )
        batch.execute()
    assert answers["good-key"] is None
    bad_key = answers["bad-key"]
    assert bad_key is not None
    assert bad_key.status_code == 400
    assert bad_key.error_details[0]["reason"] == "API_KEY_INVALID"
    # A malformed batch is Google's 400, and a part may only be a Perspective call.
    plain = httpx.post(f"{server.url}/batch", content=b"x", headers={"Content-Type": "text/plain"})
    assert plain.status_code == 400
    assert plain.json()["error"]["status"] == "INVALID_ARGUMENT"
    boundary = "b1"
    analyze = json.dumps(_body("hello there", "TOXICITY"))
    body = (
        f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: <p1>\r\n\r\n"
        f"POST /batch?key={server.key} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{{}}\r\n"
        f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: <p2>\r\n\r\n"
        f"POST /v1alpha1/comments:analyze HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
        f"{analyze}\r\n--{boundary}--\r\n"
    ).encode()
    nested = httpx.post(
        f"{server.url}/batch",
        content=body,
        headers={
            "Content-Type": f"multipart/mixed; boundary={boundary}",
            # The batch's key serves a part that has none; its request id names each part.
            "x-goog-api-key": server.key,
            "X-Request-ID": "outer-7",
        },
    )
    assert nested.status_code == 200
    assert nested.headers["content-type"].startswith("multipart/mixed; boundary=")
    first, second = nested.text.split("Content-ID: <response-")[1:]
    assert first.startswith("p1>")
    assert "HTTP/1.1 404 Not Found" in first
    assert second.startswith("p2>")
    assert "HTTP/1.1 200 OK" in second
    assert "x-request-id: outer-7.2" in second.lower()
    assert '"TOXICITY"' in second


def test_languages_as_perspective_answers_them(client: Any) -> None:
    # A code outside the model's languages is refused, even beside a supported one.
    error = _fails(client, _body("hello there", "TOXICITY", languages=["en", "xx"]))
    assert error["message"] == "Attribute TOXICITY does not support request languages: en, xx"
    detail = error["details"][0]
    assert detail["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert detail["languageNotSupportedByAttributeError"] == {
        "attribute": "TOXICITY",
        "requestedLanguages": ["en", "xx"],
    }
    # Detected, not requested: the support matrix decides, and the detail names the language.
    error = _fails(client, _body(RU_INSULT, "TOXICITY", "INSULT"))
    assert error["details"][0]["languageNotSupportedByAttributeError"] == {
        "attribute": "INSULT",
        "detectedLanguages": ["ru"],
    }
    # Letters of a script none of the model's languages write (Thai): not supported.
    thai = _fails(client, _body("สวัสดีครับ คุณเป็นอย่างไรบ้าง", "TOXICITY"))
    assert thai["details"][0]["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert thai["message"].endswith("request languages: und")
    # No letters at all: Perspective's "Unable to detect language".
    digits = _fails(client, _body("12345", "TOXICITY"))
    assert digits["message"] == "Unable to detect language"
    assert digits["details"][0]["errorType"] == "LANGUAGE_DETECTION_FAILED"
    # Naming the language scores it; so does a short text in a script the model reads.
    named = client.comments().analyze(body=_body("12345", "TOXICITY", languages=["en"])).execute()
    assert named["languages"] == ["en"]
    short = client.comments().analyze(body=_body("idiot", "TOXICITY")).execute()
    assert short["languages"] == ["und"]
    assert short["detectedLanguages"] == []
    assert short["attributeScores"]["TOXICITY"]["summaryScore"]["value"] > 0.5


def test_experimental_attributes_beside_toxicity(client: Any) -> None:
    body = _body("you are a stupid idiot", "TOXICITY", "SEXUALLY_EXPLICIT", "FLIRTATION")
    error = _fails(client, body)
    about = error["details"][0]["languageNotSupportedByAttributeError"]
    assert about == {"attribute": "SEXUALLY_EXPLICIT", "detectedLanguages": ["en"]}
    # What Perspective clients do with this error: drop the attribute it names and retry.
    requested = dict(body["requestedAttributes"])
    while True:
        try:
            body = {**body, "requestedAttributes": requested}
            answer = client.comments().analyze(body=body).execute()
            break
        except HttpError as exc:
            dropped = exc.error_details[0]["languageNotSupportedByAttributeError"]["attribute"]
            requested.pop(dropped)
    assert set(answer["attributeScores"]) == {"TOXICITY"}
    # Or in one call, with dropUnsupportedAttributes.
    dropped = (
        client.comments()
        .analyze(
            body=_body(
                "you are a stupid idiot",
                "TOXICITY",
                "SEXUALLY_EXPLICIT",
                "FLIRTATION_EXPERIMENTAL",
                dropUnsupportedAttributes=True,
            )
        )
        .execute()
    )
    assert set(dropped["attributeScores"]) == {"TOXICITY"}
    assert dropped["attributeScores"]["TOXICITY"]["summaryScore"]["value"] > 0.5
    # An attribute Perspective never had is still an unknown one, dropped or not.
    unknown = _fails(client, _body("hi there", "TOXICITY", "NOPE", dropUnsupportedAttributes=True))
    assert unknown["message"] == "Unknown requested attribute: NOPE"
    assert unknown["details"][0]["errorType"] == "INVALID_REQUEST"


def test_suggestscore_is_stored_shown_with_the_message_and_exported(
    server: Server, client: Any
) -> None:
    text = "=HYPERLINK(1) you are all clowns"
    suggested = (
        client.comments()
        .suggestscore(
            body={
                "comment": {"text": text},
                "attributeScores": {
                    "TOXICITY": {"summaryScore": {"value": 0.9, "type": "PROBABILITY"}},
                    "SPAM": {"summaryScore": {"value": 0.0}},
                },
                "languages": ["en"],
                "communityId": "forum-7",
                "clientToken": "fb-1",
            }
        )
        .execute()
    )
    assert suggested == {"requestedLanguages": ["en"], "clientToken": "fb-1"}
    with pytest.raises(HttpError) as err:
        client.comments().suggestscore(
            body={
                "comment": {"text": text},
                "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1.5}}},
            }
        ).execute()
    assert err.value.status_code == 400

    admin = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=admin, timeout=30) as http:
        message = {"message_id": "fb-m1", "author_id": "u1", "channel_id": "c", "text": text}
        moderated = http.post("/v1/moderate", json=message)
        assert moderated.status_code == 200, moderated.text
        shown = http.get(f"/v1/messages/{moderated.json()['id']}/score-suggestions").json()
        assert {(s["attribute"], s["value"], s["community_id"]) for s in shown["items"]} == {
            ("TOXICITY", 0.9, "forum-7"),
            ("SPAM", 0.0, "forum-7"),
        }
        as_csv = http.get("/v1/exports/score-suggestions", params={"format": "csv"})
        assert as_csv.status_code == 200
        assert as_csv.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        assert {r["attribute"] for r in rows} == {"TOXICITY", "SPAM"}
        # Spreadsheet-safe: the formula-looking text is escaped with a leading quote.
        assert {r["text"] for r in rows} == {"'" + text}
        as_jsonl = http.get("/v1/exports/score-suggestions", params={"format": "jsonl"})
        records = [json.loads(line) for line in as_jsonl.text.splitlines()]
        assert {(r["attribute"], r["category"], r["text"]) for r in records} == {
            ("TOXICITY", "toxicity", text),
            ("SPAM", None, text),
        }
