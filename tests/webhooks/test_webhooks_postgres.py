"""Webhooks on a real PostgreSQL: transactions that commit out of order are all delivered."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from tests.infra.infra_helpers import run_async
from tests.storage.event_log import named_event
from tests.webhooks.conftest import LOOPBACK, Receiver
from tests.webhooks.test_webhooks import ReceiverFactory

from civility.clock import ManualClock
from civility.storage.db import Database, upgrade
from civility.storage.repositories import insert_events
from civility.storage.webhooks import SqlWebhookRepository
from civility.webhooks.dispatcher import WebhookDispatcher
from civility.webhooks.models import Subscription
from civility.webhooks.service import WebhookService


@pytest.fixture
def pg(fresh_postgres_url: str) -> Iterator[Database]:
    """A migrated PostgreSQL database of this test's own (its subscriptions only)."""
    upgrade(fresh_postgres_url)
    db = Database.from_url(fresh_postgres_url, pool_size=4, outbox=())
    yield db
    db.dispose()


def _subscribed(
    pg: Database, clock: ManualClock, receiver_factory: ReceiverFactory
) -> tuple[SqlWebhookRepository, WebhookService, Receiver, Subscription]:
    """A receiver subscribed to message.* events on this database."""
    repo = SqlWebhookRepository(pg)
    service = WebhookService(repo, clock, rotation_grace=timedelta(hours=1), targets=LOOPBACK)
    receiver = receiver_factory(lambda: clock.now().timestamp())
    sub = service.create(receiver.url, ["message.*"], "admin")
    receiver.secrets = [sub.secret]
    return repo, service, receiver, sub


def _deliver_until(
    dispatcher: WebhookDispatcher, delivered: list[str], want: int, timeout: float = 10.0
) -> None:
    # Another session's transaction on the same server holds the horizon back while it runs.
    deadline = time.monotonic() + timeout
    while len(delivered) < want and time.monotonic() < deadline:
        if run_async(dispatcher.run_once()) == 0:
            time.sleep(0.05)


@pytest.mark.postgres
def test_an_event_whose_transaction_wrote_first_and_committed_last_is_delivered(
    pg: Database, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    repo, service, receiver, sub = _subscribed(pg, clock, receiver_factory)
    dispatcher = WebhookDispatcher(repo, clock, targets=LOOPBACK)
    names = lambda: [e["subject"]["id"] for e in receiver.accepted]  # noqa: E731

    # The worker's shape: a transaction writes its decision (taking its id) before its event.
    a, b = pg.engine.connect(), pg.engine.connect()
    a_tx, b_tx = a.begin(), b.begin()
    a.exec_driver_sql("SELECT pg_current_xact_id()")
    b.exec_driver_sql("SELECT pg_current_xact_id()")
    insert_events(b, [named_event("b", clock.now())])  # the lower seq, committed last
    insert_events(a, [named_event("a", clock.now())])
    a_tx.commit()
    _deliver_until(dispatcher, receiver.accepted, 1)
    assert names() == ["a"]
    b_tx.commit()
    _deliver_until(dispatcher, receiver.accepted, 2)
    a.close()
    b.close()
    assert names() == ["a", "b"]
    assert run_async(dispatcher.run_once()) == 0

    saved = service.get(sub.id)
    assert saved.cursor_txid > 0  # the position survives a restart of the dispatcher
    with pg.write() as conn:
        insert_events(conn, [named_event("c", clock.now())])
    _deliver_until(WebhookDispatcher(repo, clock, targets=LOOPBACK), receiver.accepted, 3)
    assert names() == ["a", "b", "c"]


@pytest.mark.postgres
def test_enable_skipping_the_backlog_still_delivers_transactions_in_flight(
    pg: Database, clock: ManualClock, receiver_factory: ReceiverFactory
) -> None:
    repo, service, receiver, sub = _subscribed(pg, clock, receiver_factory)
    service.disable(sub.id, "admin")
    with pg.write() as conn:
        insert_events(conn, [named_event("while-off", clock.now())])
    in_flight = pg.engine.connect()
    in_flight_tx = in_flight.begin()
    in_flight.exec_driver_sql("SELECT pg_current_xact_id()")

    enabled = service.enable(sub.id, "admin", skip_backlog=True)
    insert_events(in_flight, [named_event("in-flight", clock.now())])
    in_flight_tx.commit()
    in_flight.close()
    _deliver_until(WebhookDispatcher(repo, clock, targets=LOOPBACK), receiver.accepted, 1)
    assert [e["subject"]["id"] for e in receiver.accepted] == ["in-flight"]

    with pg.read() as conn:
        payload = conn.exec_driver_sql(
            "SELECT payload FROM events WHERE type = 'webhook.enabled'"
        ).scalar_one()
    assert payload["skip_backlog"] is True
    assert (payload["resumes_after"], payload["resumes_after_txid"]) == (
        enabled.cursor,
        enabled.cursor_txid,
    )
