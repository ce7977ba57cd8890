"""Leadership for jobs that must run in one process of a deployment (webhooks, the sweeper).

PostgreSQL: a session advisory lock held on a dedicated connection, so any number of `serve`
replicas on any machines elect one; if the holder dies, its connection closes, the lock goes
and another replica takes over. SQLite (one machine): an exclusive lock on a file next to the
database, shared by the processes of `serve --workers N`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO, Final

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

# pg advisory lock keys are one bigint namespace per database; this one is "civility" + 1.
WEBHOOKS_LOCK_KEY: Final[int] = 0x636976696C697401
# The pending sweeper (and the retention purge it runs): one process of a deployment.
SWEEPER_LOCK_KEY: Final[int] = 0x636976696C697402


class PgAdvisoryLeader:
    """Holds pg_advisory_lock(key) on its own connection while it leads."""

    def __init__(self, engine: Engine, key: int = WEBHOOKS_LOCK_KEY) -> None:
        self._engine = engine
        self._key = key
        self._conn: Connection | None = None

    def acquire(self) -> bool:
        """Becomes (or checks it still is) the leader; False if another process leads."""
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT 1"))
                return True
            except DBAPIError:
                self.release()  # the connection, and with it the lock, is gone
        try:
            conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError:
            return False
        try:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key})
            if got.scalar_one():
                self._conn = conn
                return True
        except DBAPIError:
            pass
        conn.close()
        return False

    def release(self) -> None:
        """Gives up leadership (closing the connection frees the lock)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
            with contextlib.suppress(SQLAlchemyError):
                conn.close()


class FileLeader:
    """Holds an exclusive flock on `path` while it leads (processes of one machine)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Becomes (or still is) the leader; False if another process holds the file."""
        if self._file is not None:
            return True
        self._path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self._path, "ab")  # noqa: SIM115 - held open while leading
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        handle.truncate(0)  # append mode: the pid lands at the start of the emptied file
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        """Gives up leadership."""
        handle, self._file = self._file, None
        if handle is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()
