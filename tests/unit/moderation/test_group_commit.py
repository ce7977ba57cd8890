"""Group commit: concurrent calls share one batch; nothing here waits on wall time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

from tests.infra.infra_helpers import run_async

from civility.errors import Unavailable
from civility.moderation.group_commit import GroupCommitter
from civility.moderation.models import IncomingMessage

HOUR = 3600.0  # a wait that never runs out within a test: only size or a free turn flushes


def _msg(i: int) -> IncomingMessage:
    return IncomingMessage(f"m{i}", "u1", "c1", f"text {i}")


class Recorder:
    """The batch processor: records each batch; may hold a batch until released."""

    def __init__(self, hold_first: bool = False) -> None:
        self.batches: list[list[str]] = []
        self.started = threading.Event()
        self.release = threading.Event()
        if not hold_first:
            self.release.set()

    def __call__(self, batch: Sequence[IncomingMessage]) -> list[str]:
        self.started.set()
        self.release.wait(timeout=30)
        self.batches.append([m.message_id for m in batch])
        return [f"decided {m.message_id}" for m in batch]


def test_a_full_batch_goes_at_once_as_one_call() -> None:
    process = Recorder()
    batcher = GroupCommitter(process, max_size=3, max_wait=HOUR)  # type: ignore[arg-type]

    async def scenario() -> list[object]:
        return await asyncio.gather(*(batcher.submit(_msg(i)) for i in range(3)))

    assert run_async(scenario()) == ["decided m0", "decided m1", "decided m2"]
    assert process.batches == [["m0", "m1", "m2"]]


def test_a_lone_message_goes_when_its_wait_is_over() -> None:
    process = Recorder()
    batcher = GroupCommitter(process, max_size=100, max_wait=0.0)  # type: ignore[arg-type]
    assert run_async(batcher.submit(_msg(1))) == "decided m1"
    assert process.batches == [["m1"]]


def test_what_arrives_during_a_batch_is_the_next_batch_at_once() -> None:
    process = Recorder(hold_first=True)
    batcher = GroupCommitter(process, max_size=2, max_wait=HOUR)  # type: ignore[arg-type]

    async def scenario() -> list[object]:
        first = [asyncio.ensure_future(batcher.submit(_msg(i))) for i in range(2)]
        await asyncio.to_thread(process.started.wait, 30)  # the first batch is running
        later = [asyncio.ensure_future(batcher.submit(_msg(i))) for i in range(2, 5)]
        process.release.set()
        return await asyncio.gather(*first, *later)

    assert len(run_async(scenario())) == 5
    # Size still caps a batch; the rest had waited a whole batch, so it went without a timer.
    assert process.batches == [["m0", "m1"], ["m2", "m3"], ["m4"]]


def test_every_waiter_of_a_failed_batch_gets_the_error() -> None:
    def fail(batch: Sequence[IncomingMessage]) -> list[str]:
        raise Unavailable("database down", code="db_unavailable")

    batcher = GroupCommitter(fail, max_size=2, max_wait=HOUR)  # type: ignore[arg-type]

    async def scenario() -> list[object]:
        calls = (batcher.submit(_msg(i)) for i in range(2))
        return await asyncio.gather(*calls, return_exceptions=True)

    results = run_async(scenario())
    assert len(results) == 2
    assert all(isinstance(r, Unavailable) for r in results)


def test_a_poison_message_fails_only_its_own_request() -> None:
    calls: list[list[str]] = []

    def process(batch: Sequence[IncomingMessage]) -> list[str]:
        calls.append([m.message_id for m in batch])
        if any(m.text == "poison" for m in batch):
            raise ValueError("cannot store this text")  # as a driver error would be
        return [f"decided {m.message_id}" for m in batch]

    batcher = GroupCommitter(process, max_size=16, max_wait=HOUR)  # type: ignore[arg-type]
    messages = [_msg(i) for i in range(16)]
    messages[5] = IncomingMessage("m5", "u1", "c1", "poison")

    async def scenario() -> list[object]:
        calls_ = (batcher.submit(m) for m in messages)
        return await asyncio.gather(*calls_, return_exceptions=True)

    results = run_async(scenario())
    assert isinstance(results[5], ValueError)
    assert [r for i, r in enumerate(results) if i != 5] == [
        f"decided m{i}" for i in range(16) if i != 5
    ]
    # Bisected: the whole batch, then halves down to the poison alone (2·log2(16) + 1 runs).
    assert len(calls) == 9
    assert ["m5"] in calls


def test_a_full_queue_refuses_at_once_with_overloaded() -> None:
    process = Recorder(hold_first=True)
    batcher = GroupCommitter(  # type: ignore[arg-type]
        process, max_size=1, max_wait=HOUR, max_pending=2
    )

    async def scenario() -> tuple[list[object], BaseException | None]:
        running = asyncio.ensure_future(batcher.submit(_msg(0)))
        await asyncio.to_thread(process.started.wait, 30)  # m0's batch holds the committer
        waiting = [asyncio.ensure_future(batcher.submit(_msg(i))) for i in (1, 2)]
        await asyncio.sleep(0)  # let both join the queue (a loop turn, not wall time)
        refused: BaseException | None = None
        try:
            await batcher.submit(_msg(3))
        except Unavailable as exc:
            refused = exc
        process.release.set()
        return await asyncio.gather(running, *waiting), refused

    decided, refused = run_async(scenario())
    assert isinstance(refused, Unavailable)
    assert refused.code == "overloaded"
    assert decided == ["decided m0", "decided m1", "decided m2"]
    assert ["m3"] not in process.batches  # refused before anything was done for it


def test_a_message_that_waited_too_long_is_refused_not_decided() -> None:
    process = Recorder(hold_first=True)
    now = [0.0]
    batcher = GroupCommitter(  # type: ignore[arg-type]
        process, max_size=1, max_wait=0.0, max_queue_wait=2.0, monotonic=lambda: now[0]
    )

    async def scenario() -> list[object]:
        first = asyncio.ensure_future(batcher.submit(_msg(0)))
        await asyncio.to_thread(process.started.wait, 30)
        stale = asyncio.ensure_future(batcher.submit(_msg(1)))  # queued at t = 0
        await asyncio.sleep(0)
        now[0] = 1.5
        fresh = asyncio.ensure_future(batcher.submit(_msg(2)))  # queued at t = 1.5
        await asyncio.sleep(0)
        now[0] = 2.5  # m1 has waited 2.5 s (> 2), m2 only 1 s
        process.release.set()
        return await asyncio.gather(first, stale, fresh, return_exceptions=True)

    first, stale, fresh = run_async(scenario())
    assert first == "decided m0"
    assert isinstance(stale, Unavailable)
    assert stale.code == "overloaded"
    assert fresh == "decided m2"
    assert process.batches == [["m0"], ["m2"]]


def test_unbounded_by_default() -> None:
    process = Recorder(hold_first=True)
    batcher = GroupCommitter(process, max_size=1, max_wait=HOUR)  # type: ignore[arg-type]

    async def scenario() -> list[object]:
        first = asyncio.ensure_future(batcher.submit(_msg(0)))
        await asyncio.to_thread(process.started.wait, 30)
        rest = [asyncio.ensure_future(batcher.submit(_msg(i))) for i in range(1, 200)]
        await asyncio.sleep(0)
        process.release.set()
        return await asyncio.gather(first, *rest)

    assert len(run_async(scenario())) == 200
