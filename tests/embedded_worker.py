"""Waiting for the embedded worker's decisions: woken by each batch it processes, not by polls."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from civility.moderation.service import ModerationService

if TYPE_CHECKING:
    from tests.conftest import Api

_BATCHES: weakref.WeakKeyDictionary[ModerationService, threading.Condition] = (
    weakref.WeakKeyDictionary()
)


def batches_of(service: ModerationService) -> threading.Condition:
    """A condition notified each time `service.process` (the worker's call) returns."""
    condition = _BATCHES.get(service)
    if condition is None:
        condition = threading.Condition()
        process = service.process

        def notifying(message_ids: Sequence[str], request_ids: Any = None) -> int:
            try:
                return process(message_ids, request_ids)
            finally:
                with condition:
                    condition.notify_all()

        # The worker looks the method up on each batch, so the instance attribute takes over.
        service.__dict__["process"] = notifying
        _BATCHES[service] = condition
    return condition


def wait_decided(api: Api, ids: list[str], seconds: float = 10.0) -> list[dict[str, Any]]:
    """The messages' views once every id is decided, or as they are after `seconds`."""
    bodies: list[dict[str, Any]] = []

    def all_decided() -> bool:
        bodies[:] = [api.client.get(f"/v1/messages/{i}", headers=api.headers()).json() for i in ids]
        return all(b["status"] == "decided" for b in bodies)

    # The api fixture watched the service before the test could submit anything, so no batch
    # ran on the unwatched method.
    condition = batches_of(api.container.moderation)
    with condition:
        # Checked under the lock the worker notifies under: a batch that commits between the
        # check and the wait still wakes it.
        condition.wait_for(all_decided, seconds)
    return bodies
