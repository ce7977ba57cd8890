"""At-least-once delivery with idempotent writes: a message id delivered twice, or taken by two
workers at once, still ends with exactly one decision and one decision event."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from tests.infra.infra_helpers import run_async

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.moderation.models import IncomingMessage
from civility.queue.memory import InMemoryQueue
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage import tables as t
from civility.worker.consumer import Worker


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def box(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Container]:
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    settings = load_settings(database_url=url, env="test", scorer="lexicon-baseline")
    c = build_container(settings, clock=ManualClock(), scorer=LexiconBaselineScorer())
    yield c
    c.close()


def _accept(c: Container, n: int, tag: str) -> list[str]:
    batch = [
        IncomingMessage(
            message_id=f"{tag}-{i}",
            author_id="u",
            channel_id=f"chan-{tag}",
            text="you are an idiot" if i % 3 == 0 else "hello there",
        )
        for i in range(n)
    ]
    accepted, _ = c.moderation.accept(batch)
    return [a.id for a in accepted]


def _counts(c: Container, ids: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    with c.db.read() as conn:
        decisions = dict(
            conn.execute(
                select(t.decisions.c.message_id, func.count())
                .where(t.decisions.c.message_id.in_(ids))
                .group_by(t.decisions.c.message_id)
            ).all()
        )
        events = dict(
            conn.execute(
                select(t.events.c.subject_id, func.count())
                .where(t.events.c.subject_id.in_(ids), t.events.c.type.startswith("message."))
                .group_by(t.events.c.subject_id)
            ).all()
        )
    return decisions, events


def test_the_same_id_delivered_twice_is_decided_once(box: Container, request: object) -> None:
    ids = _accept(box, 50, f"twice{id(request)}")
    queue = InMemoryQueue()
    worker = Worker(queue, box.moderation, max_batch=16, max_wait=0.0)

    async def run() -> None:
        await queue.publish([{"id": i} for i in ids])
        await queue.publish([{"id": i} for i in reversed(ids)])  # every id a second time
        while await queue.depth() or queue.unacked:
            await worker.step()

    run_async(run())
    decisions, events = _counts(box, ids)
    assert decisions == dict.fromkeys(ids, 1)
    assert events == dict.fromkeys(ids, 1)
    assert worker.processed == len(ids)


def test_two_workers_racing_on_the_same_ids_decide_each_once(
    box: Container, request: object
) -> None:
    ids = _accept(box, 200, f"race{id(request)}")
    start = threading.Barrier(2)
    decided: list[int] = []
    errors: list[BaseException] = []

    def work(order: list[str]) -> None:
        start.wait()
        try:
            for k in range(0, len(order), 20):
                decided.append(box.moderation.process(order[k : k + 20]))
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(ids,)),
        threading.Thread(target=work, args=(list(reversed(ids)),)),
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    assert errors == []
    decisions, events = _counts(box, ids)
    assert decisions == dict.fromkeys(ids, 1)
    assert events == dict.fromkeys(ids, 1)
    assert sum(decided) == len(ids)
