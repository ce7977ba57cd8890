"""suggestscore through the ASGI app: stored per attribute, read for review, exported by admins."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from tests.conftest import Api

from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.suggestions import service as suggestions_service

URL = "/v1alpha1/comments:suggestscore"
TEXT = "@everyone you are all clowns"


def suggest(api: Api, text: str, **scores: float) -> Any:
    body = {
        "comment": {"text": text},
        "attributeScores": {k: {"summaryScore": {"value": v}} for k, v in scores.items()},
        "sessionId": "s-1",
    }
    return api.client.post(URL, params={"key": api.keys[Role.SERVICE]}, json=body)


def test_suggestions_are_stored_and_shown_with_the_message(api: Api) -> None:
    assert suggest(api, TEXT, TOXICITY=0.8, INSULT_EXPERIMENTAL=1.0).status_code == 200
    assert suggest(api, "something else", TOXICITY=0.1).status_code == 200
    message = {"message_id": "m1", "author_id": "a", "channel_id": "c", "text": TEXT}
    moderated = api.client.post("/v1/moderate", json=message, headers=api.headers(Role.SERVICE))
    mid = moderated.json()["id"]
    url = f"/v1/messages/{mid}/score-suggestions"
    shown = api.client.get(url, headers=api.headers(Role.MODERATOR))
    assert shown.status_code == 200, shown.text
    items = shown.json()["items"]
    assert {(i["attribute"], i["category"], i["value"]) for i in items} == {
        ("TOXICITY", "toxicity", 0.8),
        ("INSULT_EXPERIMENTAL", "insult", 1.0),
    }
    assert {i["session_id"] for i in items} == {"s-1"}
    assert api.client.get(url, headers=api.headers(Role.SERVICE)).status_code == 403
    missing = api.client.get("/v1/messages/msg_nope/score-suggestions", headers=api.headers())
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("scores", "error_type"),
    [
        ({}, "NO_REQUESTED_ATTRIBUTES"),
        ({"NOPE": 0.5}, "INVALID_REQUEST"),
        ({"TOXICITY": 1.5}, "INVALID_REQUEST"),
    ],
)
def test_bad_suggestions_are_googles_400(
    api: Api, scores: dict[str, float], error_type: str
) -> None:
    r = suggest(api, TEXT, **scores)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["details"][0]["errorType"] == error_type
    assert suggest(api, "  ", TOXICITY=0.5).json()["error"]["details"][0]["errorType"] == (
        "COMMENT_EMPTY"
    )


def test_export_is_labelled_data_for_admins_only(
    api: Api, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pages, so the export has to follow its cursor across several.
    monkeypatch.setattr(suggestions_service, "EXPORT_PAGE", 2)
    start = clock.now()
    texts = ["=cmd|' /C calc'!A0", "+1 nice", "plain", "@mention", "last one"]
    for text in texts:
        assert suggest(api, text, TOXICITY=0.5).status_code == 200
        clock.advance(timedelta(minutes=1))
    url = "/v1/exports/score-suggestions"
    for role in (Role.SERVICE, Role.MODERATOR):
        assert api.client.get(url, headers=api.headers(role)).status_code == 403
    as_csv = api.client.get(url, headers=api.headers())
    assert as_csv.status_code == 200
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [r["text"] for r in rows] == [
        "'=cmd|' /C calc'!A0",
        "'+1 nice",
        "plain",
        "'@mention",
        "last one",
    ]
    assert {r["value"] for r in rows} == {"0.5"}
    window = {
        "format": "jsonl",
        "since": (start + timedelta(minutes=1)).isoformat(),
        "until": (start + timedelta(minutes=3)).isoformat(),
    }
    as_jsonl = api.client.get(url, params=window, headers=api.headers())
    assert as_jsonl.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line)["text"] for line in as_jsonl.text.splitlines()] == texts[1:3]
