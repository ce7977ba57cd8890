"""The unit of work: a write's state changes and the events that record them commit together.

Every write path has one shape. A concept's store opens a transaction; the service makes its
state changes through it and records the events they caused; when the block ends without an
exception everything commits at once (events after the state, with their outbox rows), and an
exception anywhere rolls all of it back, events included:

    with store.transaction() as tx:
        tx.add(entries)                 # the concept's own state writes
        tx.record(entry_added(...))     # events built by the concept's constructors

A concept's transaction protocol extends `Transaction` with its writes (`BlocklistTransaction`,
`RatingTransaction`, ...); its store protocol extends `UnitOfWork` of that transaction. The SQL
implementation is `civility.storage.unit_of_work`; work that must follow the commit (a cache
refresh) goes after the `with` block, where the commit has happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Protocol, TypeVar

from civility.events.models import Event


class Transaction(Protocol):
    """An open write transaction: its events commit with its state changes, or nothing does."""

    def record(self, events: Iterable[Event]) -> None:
        """Adds events to write with this transaction's state changes, in order."""
        ...


T_co = TypeVar("T_co", bound=Transaction, covariant=True)


class UnitOfWork(Protocol[T_co]):
    """Opens a concept's write transactions."""

    def transaction(self) -> AbstractContextManager[T_co]:
        """Opens a transaction that commits when the block ends and rolls back on an exception."""
        ...
