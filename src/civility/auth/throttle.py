"""Sign-in throttling: wrong passwords lock an account and an address out, for longer each time.

Both keys count: per account stops a guesser spread over many addresses; per address stops one
address trying many accounts. After `max_failures` wrong passwords in a row a key is locked for
`lockout_seconds`, doubled by each further failure up to `max_lockout_seconds`. While a key is
locked no password is checked at all (the hash is the expensive part). A key forgets its
failures once it has been quiet for `max_lockout_seconds`. Times come from the injected clock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from civility.clock import Clock
from civility.errors import RateLimited


class Throttle(Protocol):
    """Sign-in throttling: this module's in memory, or storage/redis_throttle.py's shared."""

    def check(self, username: str, address: str) -> None:
        """Raises RateLimited while the account or the address is locked out."""
        ...

    def failed(self, username: str, address: str) -> None:
        """Counts a wrong password against the account and the address."""
        ...

    def succeeded(self, username: str) -> None:
        """Forgets the account's failures (the address keeps its count)."""
        ...


MAX_KEYS = 100_000  # oldest forgotten first: memory stays bounded under a spray of addresses


@dataclass(slots=True)
class _Record:
    failures: int
    last: float
    locked_until: float


class LoginThrottle:
    """Counts wrong passwords per account and per address (one process's memory)."""

    def __init__(
        self,
        clock: Clock,
        *,
        max_failures: int,
        lockout_seconds: float,
        max_lockout_seconds: float,
    ) -> None:
        self._clock = clock
        self._max_failures = max_failures
        self._lockout = lockout_seconds
        self._max_lockout = max(max_lockout_seconds, lockout_seconds)
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, username: str, address: str) -> None:
        """Raises RateLimited while the account or the address is locked out."""
        now = self._now()
        with self._lock:
            waits = [
                r.locked_until - now
                for key in self._keys(username, address)
                if (r := self._records.get(key)) is not None and r.locked_until > now
            ]
        if waits:
            raise RateLimited(
                "too many failed sign-ins; try again later",
                retry_after=max(waits),
                code="login_locked",
            )

    def failed(self, username: str, address: str) -> None:
        """Counts a wrong password against the account and the address."""
        now = self._now()
        with self._lock:
            for key in self._keys(username, address):
                record = self._records.pop(key, None)
                if record is None or now - record.last > self._max_lockout:
                    record = _Record(0, now, 0.0)
                record.failures += 1
                record.last = now
                over = record.failures - self._max_failures
                if over >= 0:
                    record.locked_until = now + min(self._lockout * 2**over, self._max_lockout)
                self._records[key] = record
            while len(self._records) > MAX_KEYS:
                self._records.popitem(last=False)

    def succeeded(self, username: str) -> None:
        """Forgets the account's failures (the address keeps its count)."""
        with self._lock:
            self._records.pop(f"user:{username.lower()}", None)

    def _now(self) -> float:
        return self._clock.now().timestamp()

    @staticmethod
    def _keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.lower()}", f"addr:{address}"
