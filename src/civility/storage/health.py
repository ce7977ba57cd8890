"""Whether the database accepts writes now (readiness), not only whether it answers a SELECT.

A database can answer reads while every write fails: SQLite on a full or read-only disk, or
PostgreSQL after a failover to a read-only replica. Readiness that only reads keeps sending
traffic to a process that cannot store a decision.
"""

from __future__ import annotations

import threading

from civility.storage.db import Database
from civility.storage.enforcement import bump_counter
from civility.storage.repositories import translate_errors

PROBE_COUNTER = "health.write_probe"


class WriteProbe:
    """Commits one counter increment per check; at most one check in flight.

    A probe that hangs (a writer holding the lock, a stalled disk) is not joined by another:
    the next caller learns that the previous one is still waiting, which is itself not ready.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._busy = threading.Lock()

    def check(self) -> bool:
        """Writes and commits; returns False (without waiting) while an earlier check runs.

        Raises Unavailable when the database refuses the write.
        """
        if not self._busy.acquire(blocking=False):
            return False
        try:
            with translate_errors(), self._db.write() as conn:
                bump_counter(conn, PROBE_COUNTER)
            return True
        finally:
            self._busy.release()
