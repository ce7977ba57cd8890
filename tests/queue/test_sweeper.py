"""The pending sweeper republishes only what is old, undecided and no longer queued."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from tests.infra.infra_helpers import run_async

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.moderation.models import IncomingMessage
from civility.queue.sweeper import PendingSweeper
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings


@pytest.fixture
def container(settings: Settings, clock: ManualClock) -> Iterator[Container]:
    c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
    yield c
    c.close()


def _accept(c: Container, *ids: str) -> list[str]:
    accepted, _ = c.moderation.accept([IncomingMessage(i, "u1", "general", "hello") for i in ids])
    return [a.id for a in accepted]


async def _drain(c: Container) -> list[str]:
    got = await c.queue.receive(10_000, 0)
    await c.queue.ack(got)
    return [d.body["id"] for d in got]


def test_old_undecided_messages_are_republished_once_the_queue_is_empty(
    container: Container, clock: ManualClock
) -> None:
    sweeper = PendingSweeper(container.moderation, container.queue, container.clock, min_age=60)
    old = _accept(container, "a", "b")
    clock.advance(timedelta(seconds=61))
    _accept(container, "c")  # too young to be swept
    container.moderation.process(old[1:])  # "b" is decided meanwhile

    run_async(container.queue.publish([{"id": "still-queued"}]))
    # A backlog is still waiting: republishing now would only duplicate work.
    assert run_async(sweeper.sweep()) == 0
    assert run_async(_drain(container)) == ["still-queued"]

    assert run_async(sweeper.sweep()) == 1
    assert run_async(_drain(container)) == [old[0]]
