"""Sign-in throttling on Redis, so every process of a deployment shares the lockouts.

The same rules as civility.auth.throttle.LoginThrottle (which keeps them in one process's
memory): per account and per address, `max_failures` wrong passwords lock a key for
`lockout_seconds`, doubled by each further failure up to `max_lockout_seconds`; a key forgets
its failures once quiet for `max_lockout_seconds`. Redis's own expiry keeps the time here, so
several processes agree without sharing a clock.
"""

from __future__ import annotations

import redis

from civility.errors import RateLimited, Unavailable

# KEYS: failure counter, lock; ARGV: max_failures, lockout ms, max lockout ms.
# One atomic script per key: concurrent processes never lose a failure.
_FAIL_SCRIPT = """
local failures = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local over = failures - tonumber(ARGV[1])
if over >= 0 then
  local wait = math.min(tonumber(ARGV[2]) * (2 ^ over), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(wait))
end
return failures
"""


class RedisLoginThrottle:
    """Counts wrong passwords per account and per address in Redis."""

    def __init__(
        self,
        client: redis.Redis,
        *,
        max_failures: int,
        lockout_seconds: float,
        max_lockout_seconds: float,
        prefix: str = "civility:login:",
    ) -> None:
        self._client = client
        self._max_failures = max_failures
        self._lockout_ms = int(lockout_seconds * 1000)
        self._max_lockout_ms = int(max(max_lockout_seconds, lockout_seconds) * 1000)
        self._prefix = prefix
        self._fail = client.register_script(_FAIL_SCRIPT)

    @classmethod
    def from_url(cls, url: str, **limits: float) -> RedisLoginThrottle:
        """Connects to the Redis server at `url` (connections are made lazily)."""
        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        return cls(
            client,
            max_failures=int(limits["max_failures"]),
            lockout_seconds=limits["lockout_seconds"],
            max_lockout_seconds=limits["max_lockout_seconds"],
        )

    def check(self, username: str, address: str) -> None:
        """Raises RateLimited while the account or the address is locked out."""
        try:
            waits = [self._client.pttl(self._lock(k)) for k in self._keys(username, address)]
        except redis.RedisError as exc:
            raise Unavailable(
                "the sign-in store is unavailable", code="limits_unavailable"
            ) from exc
        locked = [int(w) for w in waits if int(w) > 0]
        if locked:
            raise RateLimited(
                "too many failed sign-ins; try again later",
                retry_after=max(locked) / 1000,
                code="login_locked",
            )

    def failed(self, username: str, address: str) -> None:
        """Counts a wrong password against the account and the address."""
        args = [self._max_failures, self._lockout_ms, self._max_lockout_ms]
        try:
            for key in self._keys(username, address):
                self._fail(keys=[self._count(key), self._lock(key)], args=args)
        except redis.RedisError as exc:
            raise Unavailable(
                "the sign-in store is unavailable", code="limits_unavailable"
            ) from exc

    def succeeded(self, username: str) -> None:
        """Forgets the account's failures (the address keeps its count)."""
        key = f"user:{username.lower()}"
        try:
            self._client.delete(self._count(key), self._lock(key))
        except redis.RedisError as exc:
            raise Unavailable(
                "the sign-in store is unavailable", code="limits_unavailable"
            ) from exc

    def _count(self, key: str) -> str:
        return f"{self._prefix}failures:{key}"

    def _lock(self, key: str) -> str:
        return f"{self._prefix}lock:{key}"

    @staticmethod
    def _keys(username: str, address: str) -> tuple[str, str]:
        return f"user:{username.lower()}", f"addr:{address}"
