"""The transactional outbox: every committed event is published once per relay pass, in order,
concurrent relays never send a row twice, and a failed publish loses nothing."""

from __future__ import annotations

import dataclasses
import itertools
import threading
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.conftest import require_server
from tests.infra.infra_helpers import AMQP_URL, capture_events, delete_rabbit, unique

from civility.api.app import create_app
from civility.container import Container, build_container
from civility.events.models import Event, EventQuery
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import Database
from civility.storage.outbox import SqlOutbox
from civility.storage.repositories import SqlEventRepository

NOW = datetime(2026, 3, 1, tzinfo=UTC)
RUN = itertools.count()


def _events(n: int) -> list[Event]:
    run = next(RUN)
    return [
        Event(
            id=f"test:{run}:{i}",
            type="message.flagged",
            actor="system",
            subject_type="message",
            subject_id=f"m{i}",
            channel_id="c",
            payload={"i": i},
            created_at=NOW,
        )
        for i in range(n)
    ]


def _drain(outbox: SqlOutbox, sent: list[Event]) -> None:
    while outbox.relay_batch(100, sent.extend):
        pass


def test_events_are_relayed_in_order_and_then_forgotten(db: Database) -> None:
    outbox = SqlOutbox(db)
    _drain(outbox, [])  # the PostgreSQL database is shared by the session
    events = _events(250)
    SqlEventRepository(db).append(events)
    assert outbox.pending() == 250
    sent: list[Event] = []
    _drain(outbox, sent)
    assert [e.id for e in sent] == [e.id for e in events]
    assert all(e.seq is not None for e in sent)
    assert outbox.pending() == 0


def test_a_failed_publish_keeps_the_rows(db: Database) -> None:
    outbox = SqlOutbox(db)
    _drain(outbox, [])
    SqlEventRepository(db).append(_events(3))

    def broken(_: Sequence[Event]) -> None:
        raise ConnectionError("broker down")

    with pytest.raises(ConnectionError):
        outbox.relay_batch(100, broken)
    assert outbox.pending() == 3
    sent: list[Event] = []
    _drain(outbox, sent)
    assert len(sent) == 3


def test_only_event_types_chosen_for_publishing_get_outbox_rows(sqlite_url: str) -> None:
    database = Database.from_url(sqlite_url, pool_size=2, outbox=("message.hidden", "user.*"))
    try:
        outbox = SqlOutbox(database)
        _drain(outbox, [])
        types = ["message.allowed", "message.hidden", "user.banned", "review.resolved"]
        events = [dataclasses.replace(e, type=t) for e, t in zip(_events(4), types, strict=True)]
        SqlEventRepository(database).append(events)
        sent: list[Event] = []
        _drain(outbox, sent)
        assert [e.type for e in sent] == ["message.hidden", "user.banned"]
        # The event log keeps every event; only publishing is selective.
        logged = SqlEventRepository(database).list_events(EventQuery(limit=10))
        assert {e.id for e in events} <= {e.id for e in logged}
    finally:
        database.dispose()


def test_no_patterns_means_no_outbox_rows(sqlite_url: str) -> None:
    database = Database.from_url(sqlite_url, pool_size=2, outbox=())
    try:
        outbox = SqlOutbox(database)
        _drain(outbox, [])
        SqlEventRepository(database).append(_events(3))
        assert outbox.pending() == 0
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_second_relay_skips_the_rows_the_first_is_publishing(postgres_url: str) -> None:
    db = Database.from_url(postgres_url, pool_size=4)
    outbox = SqlOutbox(db)
    _drain(outbox, [])
    events = _events(100)
    SqlEventRepository(db).append(events)
    first: list[str] = []
    second: list[str] = []
    inside, release = threading.Event(), threading.Event()

    def publish_and_hold(batch: Sequence[Event]) -> None:
        first.extend(e.id for e in batch)
        inside.set()  # its rows are locked until this returns
        release.wait(30)

    relay = threading.Thread(target=outbox.relay_batch, args=(50, publish_and_hold))
    relay.start()
    counted: list[int] = []
    other = threading.Thread(
        target=lambda: counted.append(
            outbox.relay_batch(50, lambda b: second.extend(e.id for e in b))
        )
    )
    try:
        assert inside.wait(30)
        # While the first relay is publishing, a second one gets the other rows at once (it
        # neither waits for these nor takes them).
        other.start()
        other.join(30)
        assert counted == [50]
    finally:
        release.set()
        relay.join(30)
        if other.ident is not None:  # started
            other.join(30)
    assert outbox.relay_batch(50, lambda batch: second.extend(e.id for e in batch)) == 0
    db.dispose()
    assert not set(first) & set(second)
    assert Counter(first + second) == Counter(e.id for e in events)


@pytest.mark.rabbitmq
def test_serve_publishes_decision_events_to_the_topic_exchange(
    sqlite_url: str, tmp_path: Any
) -> None:
    require_server("RabbitMQ", "127.0.0.1", 5672)
    queue, exchange = unique("test.msgs"), unique("test.events")
    settings = load_settings(
        database_url=sqlite_url,
        data_dir=tmp_path,
        env="test",
        scorer="lexicon-baseline",
        broker_url=AMQP_URL,
        broker_queue=queue,
        events_exchange=exchange,
        embedded_worker=True,
        batch_max_wait_ms=1,
    )
    built: list[Container] = []
    admin: list[str] = []

    def build() -> Container:
        built.append(build_container(settings, scorer=LexiconBaselineScorer()))
        return built[0]

    try:
        with (
            capture_events(exchange) as capture,
            TestClient(create_app(build, on_admin_key=admin.append)) as client,
        ):
            headers = {"Authorization": f"Bearer {admin[0]}"}
            body = {
                "messages": [
                    {
                        "message_id": f"p{i}",
                        "author_id": "u",
                        "channel_id": "c",
                        "text": "you are a stupid idiot" if i % 2 else "have a nice day",
                    }
                    for i in range(20)
                ]
            }
            r = client.post("/v1/messages", json=body, headers=headers)
            assert r.status_code == 202, r.text
            assert capture.wait_for(
                lambda got: len([e for e in got if e["routing_key"] != "apikey.created"]) >= 20
            )
    finally:
        delete_rabbit([queue, f"{queue}.dead"], [exchange])
    decided = [e for e in capture.received if e["routing_key"].startswith("message.")]
    assert len(decided) == 20
    assert len({e["message_id"] for e in decided}) == 20
    for e in decided:
        assert e["routing_key"] == e["body"]["type"]
        assert e["message_id"] == e["body"]["id"]
        assert e["body"]["schema_version"] == 1
        assert isinstance(e["body"]["seq"], int)
    assert {e["routing_key"] for e in decided} >= {"message.allowed"}
    assert len({e["routing_key"] for e in decided}) >= 2
