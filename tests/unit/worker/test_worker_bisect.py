"""The worker retries a failing batch in halves: a poison message fails only itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tests.infra.infra_helpers import run_async

from civility.errors import Unavailable
from civility.queue.memory import InMemoryQueue
from civility.worker.consumer import Worker


class Service:
    """Stands in for ModerationService.process: one id cannot be decided."""

    def __init__(self, poison: str, error: Exception) -> None:
        self.poison = poison
        self.error = error
        self.decided: list[str] = []
        self.calls = 0

    def process(self, ids: Sequence[str], request_ids: Mapping[str, str] | None = None) -> int:
        self.calls += 1
        if self.poison in ids:
            raise self.error
        self.decided.extend(ids)
        return len(ids)


def _run(service: Service, count: int) -> InMemoryQueue:
    queue = InMemoryQueue(max_attempts=1)
    worker = Worker(queue, service, max_batch=count, max_wait=0.0, outage_backoff=0)  # type: ignore[arg-type]

    async def scenario() -> None:
        await queue.publish([{"id": f"m{i}"} for i in range(count)])
        await worker.step()

    run_async(scenario())
    return queue


def test_a_poison_message_is_dead_lettered_alone_and_the_rest_decided() -> None:
    service = Service("m3", ValueError("driver refused the text"))
    queue = _run(service, 8)
    assert sorted(service.decided) == sorted(f"m{i}" for i in range(8) if i != 3)
    assert [d.body["id"] for d in queue.dead_letters] == ["m3"]
    assert queue.unacked == 0


def test_an_outage_fails_the_batch_once_without_splitting() -> None:
    service = Service("m0", Unavailable("database down"))
    queue = _run(service, 8)
    assert service.calls == 1
    assert len(queue.dead_letters) == 8
