"""Data rights: an author's export holds everything stored about them; erasure removes what
they wrote and who they are while decisions and counts stay; retention purges old texts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import orjson
import pytest
from tests.conftest import Api
from tests.storage.uow import EventWriteFailed, failing_unit_of_work

from civility.appeals.models import AppealKind
from civility.appeals.service import NewAppeal
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import Container
from civility.events.models import EventQuery
from civility.moderation.lookup import MessageRef
from civility.moderation.models import IncomingMessage
from civility.privacy.service import EXPIRED, TOMBSTONE, DataRightsService
from civility.ratings.service import RatingInput
from civility.storage.privacy import SqlAuthorData
from civility.user_reports.models import ReportReason
from civility.user_reports.service import NewReport

SECRET_TEXT = "you are a stupid idiot, call me at +44 7700 900123"
NOTE_TEXT = "moderator note: lives in Leeds"
REPORT_BY = "u1 wrote this report about someone else"
REPORT_ON = "a report that quotes u1: call me at +44 7700 900123"
APPEAL = "u1's appeal statement: I was joking with my brother Tom"


def _seed(api: Api) -> list[str]:
    c = api.container
    ids = []
    for mid, author, text in [("m1", "u1", SECRET_TEXT), ("m2", "u1", "hello"), ("m3", "u2", "hi")]:
        body: dict[str, Any] = {"message_id": mid, "author_id": author, "channel_id": "general"}
        body |= {"text": text, "metadata": {"email": f"{author}@example.com"}}
        r = api.client.post("/v1/moderate", json=body, headers=api.headers(Role.SERVICE))
        assert r.status_code == 200, r.text
        ids.append(r.json()["id"])
    c.review.add_note("user", "u1", "dashboard:mod", NOTE_TEXT)
    c.review.add_note("message", ids[0], "dashboard:mod", NOTE_TEXT)
    c.review.add_note("user", "u2", "dashboard:mod", "about someone else")
    r = api.client.post(
        "/v1alpha1/comments:suggestscore",
        json={
            "comment": {"text": SECRET_TEXT},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 1.0}}},
        },
        headers=api.headers(Role.SERVICE),
    )
    assert r.status_code == 200, r.text
    accepted = c.ratings.accept([RatingInput("post-1", "u1", 4, ip="203.0.113.9")])
    c.ratings.apply([a.submission for a in accepted if a.submission])
    # u1 reports u2's message; u2 reports u1's; u1 appeals the hidden message.
    c.user_reports.submit(NewReport(MessageRef(id=ids[2]), "u1", ReportReason.OTHER, REPORT_BY))
    c.user_reports.submit(NewReport(MessageRef(id=ids[0]), "u2", ReportReason.OTHER, REPORT_ON))
    c.appeals.submit(NewAppeal(AppealKind.DECISION, "u1", APPEAL, message=MessageRef(id=ids[0])))
    return ids


def _export(api: Api, author: str) -> dict[str, Any]:
    r = api.client.get(f"/v1/authors/{author}/export", headers=api.headers())
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_the_export_holds_everything_about_the_author_and_nothing_else(api: Api) -> None:
    ids = _seed(api)
    data = _export(api, "u1")
    assert [m["id"] for m in data["messages"]] == ids[:2]
    first = data["messages"][0]
    assert first["text"] == SECRET_TEXT
    assert first["metadata"] == {"email": "u1@example.com"}
    assert first["decision"]
    assert first["score_toxicity"] is not None
    assert sorted(n["text"] for n in data["notes"]) == [NOTE_TEXT, NOTE_TEXT]
    assert [(r["post_id"], r["score"]) for r in data["ratings"]] == [("post-1", 4)]
    assert [v["post_id"] for v in data["rating_versions"]] == ["post-1"]
    assert [r["text"] for r in data["reports_made"]] == [REPORT_BY]
    [about] = data["reports_about"]
    assert about["message_id"] == ids[0]
    assert "reporter_id" not in about  # the reporter's data, not u1's
    assert "text" not in about
    assert [a["statement"] for a in data["appeals"]] == [APPEAL]
    assert [s["text"] for s in data["score_suggestions"]] == [SECRET_TEXT]
    assert [r["user_id"] for r in data["rater_trust"]] == ["u1"]
    types = {e["type"] for e in data["events"]}
    assert {"user.note_added", "review.note_added"} <= types
    assert any(e["type"].startswith("message.") for e in data["events"])
    assert "u2@example.com" not in orjson.dumps(data).decode()
    empty = _export(api, "nobody")
    assert all(empty[k] == [] for k in ("messages", "notes", "ratings", "events"))


def test_erasure_keeps_decisions_and_counts_and_records_no_content(api: Api) -> None:
    ids = _seed(api)
    before = api.client.get("/v1/stats", headers=api.headers()).json()
    r = api.client.delete("/v1/authors/u1", headers=api.headers())
    assert r.status_code == 200, r.text
    counts = {"messages": 2, "notes": 2, "ratings": 1, "events": 2, "reports": 2, "appeals": 1}
    counts |= {"raters": 1, "rating_reviews": 0, "suggestions": 1}
    assert r.json() == {"author_id": "u1", **counts}

    data = _export(api, "u1")
    assert {m["text"] for m in data["messages"]} == {TOMBSTONE}
    assert all(m["metadata"] == {} and m["decision"] for m in data["messages"])
    assert data["notes"] == []
    assert data["ratings"] == []
    assert data["rater_trust"] == []
    assert data["score_suggestions"] == []
    dumped = orjson.dumps(data).decode()
    assert SECRET_TEXT not in dumped
    assert NOTE_TEXT not in dumped
    assert "u1@example" not in dumped

    # The decision is still there, and so are the counts.
    message = api.client.get(f"/v1/messages/{ids[0]}", headers=api.headers()).json()
    assert message["status"] == "decided"
    assert api.client.get("/v1/stats", headers=api.headers()).json() == before
    # Someone else's data is untouched.
    other = _export(api, "u2")
    assert other["messages"][0]["text"] == "hi"
    assert [n["text"] for n in other["notes"]] == ["about someone else"]

    events = api.client.get("/v1/events?type=author.erased", headers=api.headers()).json()
    [erased] = events["items"]
    assert erased["payload"] == counts
    everything = api.client.get("/v1/events?limit=500", headers=api.headers()).text
    for gone in (SECRET_TEXT, NOTE_TEXT, REPORT_BY, REPORT_ON, APPEAL):
        assert gone not in everything


def test_only_admins_export_or_erase(api: Api) -> None:
    for role in (Role.SERVICE, Role.MODERATOR):
        assert api.client.get("/v1/authors/u1/export", headers=api.headers(role)).status_code == 403
        assert api.client.delete("/v1/authors/u1", headers=api.headers(role)).status_code == 403
    long_id = "x" * 201
    r = api.client.delete(f"/v1/authors/{long_id}", headers=api.headers())
    assert (r.status_code, r.json()["error"]["code"]) == (422, "bad_author_id")


def test_retention_purges_old_decided_texts_only(container: Container, clock: ManualClock) -> None:
    c = container
    old = c.moderation.moderate([IncomingMessage("old", "u1", "general", SECRET_TEXT)])[0]
    waiting, _ = c.moderation.accept([IncomingMessage("waiting", "u1", "general", "undecided")])
    clock.advance(timedelta(days=31))
    new = c.moderation.moderate([IncomingMessage("new", "u1", "general", "fresh")])[0]
    # The event is written with the last batch: when it fails, that batch's texts stay.
    failing = SqlAuthorData(c.db, unit_of_work=failing_unit_of_work(c.db))
    with pytest.raises(EventWriteFailed):
        DataRightsService(failing, clock, retention_days=30).purge_expired()
    assert c.moderation.get_message(old.message.id).message.text == SECRET_TEXT
    assert c.events.list_events(EventQuery(type="messages.purged")) == []
    service = DataRightsService(SqlAuthorData(c.db), clock, retention_days=30)
    assert service.purge_expired() == 1
    assert service.purge_expired() == 0  # nothing twice
    texts = {m["id"]: m["text"] for m in service.export("u1")["messages"]}
    assert texts == {old.message.id: EXPIRED, waiting[0].id: "undecided", new.message.id: "fresh"}
    assert c.moderation.get_message(old.message.id).status == "decided"
    purged = c.events.list_events(EventQuery(type="messages.purged"))
    assert [e.payload["count"] for e in purged] == [1]
    assert DataRightsService(SqlAuthorData(c.db), clock).purge_expired() == 0  # off by default


def test_erasure_blanks_moderators_verdict_and_reversal_notes(api: Api) -> None:
    body = {"message_id": "v1", "author_id": "u1", "channel_id": "general", "text": SECRET_TEXT}
    assert api.client.post("/v1/moderate", json=body, headers=api.headers()).status_code == 200
    [item] = api.client.get("/v1/review?view=automated", headers=api.headers()).json()["items"]
    verdict = "verdict note: u1 is my neighbour at 12 Acacia Road"
    reversal = "reversal note: spoke to u1's mother"
    done = api.client.post(
        f"/v1/review/{item['id']}/resolve",
        json={"action": "remove", "note": verdict},
        headers=api.headers(),
    )
    assert done.status_code == 200, done.text
    back = api.client.post(
        f"/v1/review/{item['id']}/reverse", json={"note": reversal}, headers=api.headers()
    )
    assert back.status_code == 200, back.text
    log = api.client.get("/v1/events?limit=500", headers=api.headers()).text
    assert verdict in log
    assert reversal in log
    assert api.client.delete("/v1/authors/u1", headers=api.headers()).status_code == 200
    log = api.client.get("/v1/events?limit=500", headers=api.headers()).text
    assert verdict not in log
    assert reversal not in log
    assert "review.reversed" in log  # that it happened stays
