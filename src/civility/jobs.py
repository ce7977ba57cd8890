"""Background jobs of a process, one set per tenant: started with it, stopped with it.

`serve` runs, for every tenant, the embedded worker (in-process broker), the rating applier,
the outbox relay, the pending sweeper, the webhook dispatcher and the backlog watcher;
`civility worker` runs the worker and the sweeper. Tenants created while a process runs get
their jobs when their container is first built (a request, or the periodic refresh).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import structlog

from civility.container import (
    Container,
    build_backlog_watcher,
    build_relay,
    build_sweeper,
    build_webhook_dispatcher,
    build_worker,
)

log = structlog.get_logger(__name__)

RECOVERY_PAGE = 1000
REFRESH_SECONDS = 30.0


class Stoppable(Protocol):
    """A job's loop: `run()` until `stop()`."""

    async def run(self) -> None:
        """Runs until stopped."""
        ...

    def stop(self) -> None:
        """Asks the loop to end."""
        ...


@dataclass(frozen=True, slots=True)
class JobSet:
    """Which jobs a process runs for each tenant."""

    queue: bool = True  # the broker connection the API publishes through and workers consume
    worker: bool = False
    relay: bool = False
    sweeper: bool = True
    webhooks: bool = False
    backlog: bool = False
    ratings: bool = False


async def recover_pending(container: Container) -> int:
    """Re-enqueues accepted but undecided messages (the in-process queue does not survive)."""
    pending = await asyncio.to_thread(container.moderation.pending, RECOVERY_PAGE * 100)
    if pending:
        await container.queue.publish([{"id": m.id} for m in pending])
        log.info("worker.recovered_pending", count=len(pending), tenant=container.tenant)
    return len(pending)


@dataclass
class ContainerJobs:
    """One container's running jobs."""

    container: Container
    jobs: JobSet
    _loops: list[tuple[Stoppable, asyncio.Task[Any], float]] = field(default_factory=list)
    _closers: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def start(self, *, recover: bool = False) -> None:
        """Starts the queue and the jobs (re-enqueuing undecided messages when `recover`)."""
        c = self.container
        if self.jobs.queue or self.jobs.worker:
            await c.queue.start()
            self._closers.append(c.queue.close)
        if self.jobs.ratings:
            c.rating_applier.start()
            self._closers.append(c.rating_applier.close)
        if self.jobs.worker:
            worker = build_worker(c)
            if recover:
                await recover_pending(c)
            self._spawn(worker, 10)
        if self.jobs.relay:
            relay = build_relay(c)
            self._spawn(relay, 10)
            self._closers.append(relay.close)
        if self.jobs.sweeper and (sweeper := build_sweeper(c)) is not None:
            self._spawn(sweeper, 10)
        if self.jobs.webhooks and (hooks := build_webhook_dispatcher(c)) is not None:
            self._spawn(hooks, 30)
        if self.jobs.backlog and (backlog := build_backlog_watcher(c)) is not None:
            self._spawn(backlog, 10)

    def _spawn(self, loop: Stoppable, timeout: float) -> None:
        self._loops.append((loop, asyncio.create_task(loop.run()), timeout))

    async def stop(self) -> None:
        """Stops the jobs, last started first, then closes what they held."""
        for loop, task, timeout in reversed(self._loops):
            loop.stop()
            await asyncio.wait_for(task, timeout=timeout)
        self._loops.clear()
        for close in reversed(self._closers):
            await close()
        self._closers.clear()


class TenantJobs:
    """Every tenant's jobs in this process, kept in step with the tenant list."""

    def __init__(self, root: Container, jobs: JobSet, *, recover: bool = False) -> None:
        self._root = root
        self._jobs = jobs
        self._recover = recover
        self._running: dict[str, ContainerJobs] = {}
        self._stopped = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def start(self) -> None:
        """Starts the default tenant's jobs and every other tenant's."""
        self._loop = asyncio.get_running_loop()
        self._root.tenants.on_built(self._built_elsewhere)
        await self._start(self._root)
        await self.refresh()

    def _built_elsewhere(self, container: Container) -> None:
        # Called on whichever thread built the container (a request's, the refresh's).
        if self._loop is not None and not self._stopped.is_set():
            self._loop.call_soon_threadsafe(lambda: asyncio.ensure_future(self._start(container)))

    async def _start(self, container: Container) -> None:
        if self._stopped.is_set():
            return
        current = self._running.get(container.tenant)
        if current is not None:
            if current.container is container:
                return
            # The tenant's container was rebuilt (its settings changed): replace its jobs.
            del self._running[container.tenant]
            await current.stop()
            current.container.db.dispose()
        jobs = ContainerJobs(container, self._jobs)
        self._running[container.tenant] = jobs
        await jobs.start(recover=self._recover)
        log.info("tenant.jobs_started", tenant=container.tenant)

    async def refresh(self) -> None:
        """Follows the tenant list: starts the jobs of tenants created since (by any process),
        replaces those whose settings changed and stops those disabled."""
        containers = await asyncio.to_thread(self._root.tenants.every)
        for c in containers:
            await self._start(c)
        enabled = {c.tenant for c in containers}
        for tenant in [t for t in self._running if t not in enabled]:
            jobs = self._running.pop(tenant)
            await jobs.stop()
            jobs.container.db.dispose()
            log.info("tenant.jobs_stopped", tenant=tenant, reason="disabled")

    async def run(self) -> None:
        """Refreshes every REFRESH_SECONDS until stopped."""
        while not self._stopped.is_set():
            try:
                await asyncio.wait_for(self._stopped.wait(), timeout=REFRESH_SECONDS)
            except TimeoutError:
                try:
                    await self.refresh()
                except Exception:  # a database outage must not end the refresh loop
                    log.exception("tenant.refresh_failed")

    async def stop(self) -> None:
        """Stops every tenant's jobs (the default tenant's last)."""
        self._stopped.set()
        for tenant, jobs in reversed(list(self._running.items())):
            await jobs.stop()
            log.info("tenant.jobs_stopped", tenant=tenant)
        self._running.clear()

    def container_of(self, tenant: str) -> Container | None:
        """The container whose jobs run for a tenant, if any."""
        jobs = self._running.get(tenant)
        return None if jobs is None else jobs.container

    @property
    def running(self) -> list[str]:
        """The tenants whose jobs run here."""
        return list(self._running)
