"""The JSON API through the ASGI app: analyze, moderate, submit, list, errors, auth."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from tests.conftest import Api
from tests.embedded_worker import wait_decided

from civility.auth.keys import Role

TOXIC = "you are a stupid idiot"
CLEAN = "thanks for the help, see you tomorrow"


def msg(mid: str, text: str = CLEAN, channel: str = "general", **extra: Any) -> dict[str, Any]:
    return {"message_id": mid, "author_id": "u1", "channel_id": channel, "text": text, **extra}


def test_analyze_one_and_many(api: Api) -> None:
    one = api.client.post("/v1/analyze", json={"text": TOXIC}, headers=api.headers(Role.SERVICE))
    assert one.status_code == 200
    result = one.json()["results"][0]
    assert set(result["scores"]) == {
        "toxicity",
        "severe_toxicity",
        "obscene",
        "threat",
        "insult",
        "identity_attack",
    }
    assert result["scores"]["insult"] > 0.5
    assert result["severity"] in ("low", "medium", "high")
    assert any(s["text"] in ("stupid", "idiot") for s in result["spans"])
    many = api.client.post("/v1/analyze", json={"texts": [CLEAN, TOXIC]}, headers=api.headers())
    scores = [r["scores"]["toxicity"] for r in many.json()["results"]]
    assert scores[0] < 0.4 < scores[1]


def test_analyze_stores_nothing(api: Api) -> None:
    api.client.post("/v1/analyze", json={"text": TOXIC}, headers=api.headers())
    listed = api.client.get("/v1/messages", headers=api.headers()).json()
    assert listed["items"] == []


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "empty_text"),
        ({"text": "   \n\t"}, 422, "empty_text"),
        ({"text": "x" * 10_001}, 422, "text_too_long"),
        ({"texts": ["ok", " "]}, 422, "empty_text"),
        ({"texts": ["a"] * 129}, 422, "invalid_request"),
        ({"texts": []}, 422, "invalid_request"),
        ({"text": 5}, 422, "invalid_request"),
        ({"text": "a", "texts": ["b"]}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"text": "a", "surprise": 1}, 422, "invalid_request"),
        ([1, 2], 422, "invalid_request"),
    ],
)
def test_analyze_rejects_bad_input(api: Api, body: Any, status: int, code: str) -> None:
    r = api.client.post("/v1/analyze", json=body, headers=api.headers())
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code
    assert r.json()["error"]["message"]


def test_invalid_json_is_a_400(api: Api) -> None:
    r = api.client.post(
        "/v1/moderate",
        content=b'{"message_id": ',
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "missing_api_key"),
        ({"Authorization": "Basic abc"}, "invalid_auth_header"),
        ({"Authorization": "Bearer nope"}, "invalid_api_key"),
        ({"Authorization": "Bearer civ_0123456789abcdef_wrongsecret"}, "invalid_api_key"),
    ],
)
def test_keys_are_required(api: Api, headers: dict[str, str], code: str) -> None:
    r = api.client.post("/v1/analyze", json={"text": "hi"}, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == code


def test_roles_are_enforced(api: Api) -> None:
    r = api.client.get("/v1/messages", headers=api.headers(Role.SERVICE))
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"
    r = api.client.post("/v1/moderate", json=msg("m1"), headers=api.headers(Role.MODERATOR))
    assert r.status_code == 403
    assert api.client.get("/v1/messages", headers=api.headers(Role.MODERATOR)).status_code == 200


def test_moderate_decides_and_is_idempotent(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    first = api.client.post("/v1/moderate", json=msg("m1", TOXIC), headers=h)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["status"] == "decided"
    assert body["decision"] in ("flag", "hide", "block")
    assert body["reasons"]
    assert body["reasons"][0]["source"] == "model"
    assert body["policy_version"] >= 1
    again = api.client.post("/v1/moderate", json=msg("m1", "different text"), headers=h)
    assert again.json()["id"] == body["id"]
    assert again.json()["decision"] == body["decision"]
    events = api.client.get("/v1/events?type=message.*", headers=api.headers()).json()["items"]
    assert [e["subject"]["id"] for e in events] == [body["id"]]


def test_same_message_id_in_another_channel_is_another_message(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    a = api.client.post("/v1/moderate", json=msg("m1", channel="a"), headers=h).json()
    b = api.client.post("/v1/moderate", json=msg("m1", channel="b"), headers=h).json()
    assert a["id"] != b["id"]
    assert a["decision"] == b["decision"] == "allow"


def test_submit_then_worker_decides(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    r = api.client.post("/v1/messages", json={"messages": [msg("a", TOXIC), msg("b")]}, headers=h)
    assert r.status_code == 202, r.text
    items = r.json()["items"]
    assert [i["message_id"] for i in items] == ["a", "b"]
    decided = wait_decided(api, [i["id"] for i in items])
    assert [d["status"] for d in decided] == ["decided", "decided"]
    assert decided[0]["decision"] != "allow"
    assert decided[1]["decision"] == "allow"
    assert decided[0]["scores"]["toxicity"] > 0.5
    # The language the scorer detected is kept for asynchronously decided messages too.
    assert [d["language"] for d in decided] == ["und", "und"]


def test_submit_single_and_duplicates(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    first = api.client.post("/v1/messages", json=msg("x"), headers=h).json()["items"][0]
    again = api.client.post("/v1/messages", json=msg("x"), headers=h).json()["items"][0]
    assert again["id"] == first["id"]
    assert again["duplicate"] is True
    wait_decided(api, [first["id"]])
    events = api.client.get("/v1/events", headers=api.headers()).json()["items"]
    assert sum(1 for e in events if e["subject"]["id"] == first["id"]) == 1


def test_a_resubmitted_page_mixing_old_and_new_messages(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    first = api.client.post("/v1/messages", json={"messages": [msg("p1"), msg("p2")]}, headers=h)
    old = {i["message_id"]: i["id"] for i in first.json()["items"]}
    page = {"messages": [msg("p2"), msg("p3"), msg("p3"), msg("p1")]}
    r = api.client.post("/v1/messages", json=page, headers=h)
    assert r.status_code == 202, r.text
    items = r.json()["items"]
    assert [(i["message_id"], i["duplicate"]) for i in items] == [
        ("p2", True),
        ("p3", False),
        ("p3", True),
        ("p1", True),
    ]
    assert items[0]["id"] == old["p2"]
    assert items[3]["id"] == old["p1"]
    assert items[1]["id"] == items[2]["id"]
    decided = wait_decided(api, [i["id"] for i in items])
    assert all(d["status"] == "decided" for d in decided)


@pytest.mark.parametrize(
    "metadata",
    [{"n": 2**70}, {"deep": [{"n": -(2**64)}]}, {"big": "x" * 70_000}],
    ids=["int-beyond-64-bits", "nested-int-beyond-64-bits", "over-64-KiB"],
)
def test_metadata_that_cannot_be_stored_is_a_422(api: Api, metadata: dict[str, Any]) -> None:
    h = api.headers(Role.SERVICE)
    for path, body in (
        ("/v1/messages", msg("md", metadata=metadata)),
        ("/v1/moderate", msg("md", metadata=metadata)),
    ):
        r = api.client.post(path, json=body, headers=h)
        assert r.status_code == 422, (path, r.text)
        assert "metadata" in r.json()["error"]["message"]


def test_submit_limits(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    too_many = {"messages": [msg(str(i)) for i in range(1001)]}
    r = api.client.post("/v1/messages", json=too_many, headers=h)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "batch_too_large"
    r = api.client.post("/v1/messages", json={"messages": [msg("1"), msg("2", "")]}, headers=h)
    assert r.status_code == 422
    assert "messages[1].text" in r.json()["error"]["message"]
    r = api.client.post("/v1/messages", json={"messages": [{"text": "x"}]}, headers=h)
    assert r.status_code == 422
    assert "message_id" in r.json()["error"]["message"]


def test_unknown_message_is_404(api: Api) -> None:
    r = api.client.get("/v1/messages/msg_nope", headers=api.headers())
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "message_not_found"


def test_list_filters_and_cursor(api: Api) -> None:
    h = api.headers(Role.SERVICE)
    # One author each: repeats of one author would be struck, banned and blocked unscored.
    for i in range(5):
        api.client.post("/v1/moderate", json=msg(f"t{i}", TOXIC, author_id=f"bad{i}"), headers=h)
    # Distinct texts: the same text three times in a minute is a flood (hidden).
    for i, text in enumerate((CLEAN, "nice post, well written", "see you at the meetup")):
        api.client.post("/v1/moderate", json=msg(f"c{i}", text, channel="other"), headers=h)
    read = api.headers(Role.MODERATOR)
    toxic = api.client.get("/v1/messages?min_toxicity=0.5", headers=read).json()
    assert len(toxic["items"]) == 5
    assert all(i["text"] == TOXIC for i in toxic["items"])
    other = api.client.get("/v1/messages?channel_id=other&decision=allow", headers=read).json()
    assert len(other["items"]) == 3
    page1 = api.client.get("/v1/messages?limit=3", headers=read).json()
    page2 = api.client.get(f"/v1/messages?limit=3&cursor={page1['next_cursor']}", headers=read)
    page3 = api.client.get(
        f"/v1/messages?limit=3&cursor={page2.json()['next_cursor']}", headers=read
    ).json()
    ids = [i["id"] for p in (page1, page2.json(), page3) for i in p["items"]]
    assert len(ids) == len(set(ids)) == 8
    assert ids == sorted(ids, reverse=True)
    bad = api.client.get("/v1/messages?min_toxicity=2", headers=read)
    assert bad.status_code == 422


def test_health_ready_metrics(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"] == "ok"
    api.client.post("/v1/moderate", json=msg("m", TOXIC), headers=api.headers())
    text = api.client.get("/metrics").text
    assert 'civility_http_requests_total{method="POST",route="/v1/moderate",status="2xx"}' in text
    assert "civility_batch_size_bucket" in text
    assert 'civility_decisions_total{action="' in text
    assert "civility_queue_depth" in text


def test_openapi_documents_the_routes(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    for path in ("/v1/analyze", "/v1/moderate", "/v1/messages", "/v1/messages/{id}", "/v1/events"):
        assert path in spec["paths"]


def test_every_openapi_reference_resolves(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    refs = re.findall(r'"\$ref":\s*"([^"]+)"', json.dumps(spec))
    assert refs
    for ref in set(refs):
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.removeprefix("#/components/schemas/") in spec["components"]["schemas"], ref


def test_a_body_not_sent_as_json_is_a_415(api: Api) -> None:
    r = api.client.post(
        "/v1/analyze",
        content=b'{"text": "hi"}',
        headers={**api.headers(), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415
    assert r.json()["error"]["code"] == "unsupported_media_type"
    assert "application/json" in r.json()["error"]["message"]


def test_no_outbox_rows_without_a_broker_to_publish_to(api: Api) -> None:
    from sqlalchemy import func, select

    from civility.storage.tables_outbox import outbox

    api.client.post("/v1/moderate", json=msg("m-outbox", TOXIC), headers=api.headers())
    with api.container.db.read() as conn:
        assert conn.execute(select(func.count()).select_from(outbox)).scalar_one() == 0
    assert api.client.get("/v1/events", headers=api.headers()).json()["items"]
