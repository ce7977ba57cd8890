"""Creating and checking API keys."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from civility.auth.keys import NewKey, Principal, Role, key_id_of, mint_key, verify
from civility.clock import Clock
from civility.errors import Conflict, NotFound, Unauthorized
from civility.events.models import Event, EventType, new_event


@dataclass(frozen=True, slots=True)
class ApiKeyInfo:
    """What may be shown about a key: never its secret or hash."""

    key_id: str
    role: Role
    name: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        """Tells whether the key still authenticates."""
        return self.revoked_at is None


class ApiKeyRepository(Protocol):
    """Storage of key hashes."""

    def add(
        self, key_id: str, key_hash: str, role: Role, name: str, now: datetime, event: Event
    ) -> None:
        """Stores a new key together with its creation event."""
        ...

    def get(self, key_id: str) -> tuple[str, Role] | None:
        """Returns (hash, role) of an active key, or None."""
        ...

    def count_admins(self) -> int:
        """Counts active admin keys."""
        ...

    def list(self) -> list[ApiKeyInfo]:
        """Returns every key, active and revoked, oldest first."""
        ...

    def revoke(self, key_id: str, now: datetime, event: Event) -> bool:
        """Marks an active key revoked with its event; False when there is no active key."""
        ...


class ApiKeyService:
    """Mints keys and authenticates presented ones (with a short in-memory cache)."""

    def __init__(self, repo: ApiKeyRepository, clock: Clock, *, cache_seconds: float) -> None:
        self._repo = repo
        self._clock = clock
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    def create(self, role: Role, *, name: str = "", actor: str = "cli") -> NewKey:
        """Creates a key and records the event; the secret is returned only here."""
        key = mint_key(role)
        now = self._clock.now()
        event = new_event(
            EventType.APIKEY_CREATED,
            id=f"apikey:{key.key_id}",
            subject=("api_key", key.key_id),
            actor=actor,
            payload={"role": role.value, "name": name},
            at=now,
        )
        self._repo.add(key.key_id, key.key_hash, role, name, now, event)
        return key

    def ensure_admin(self) -> NewKey | None:
        """Creates the first admin key if there is none; returns it, else None."""
        if self._repo.count_admins() > 0:
            return None
        return self.create(Role.ADMIN, name="initial admin", actor="system:first-start")

    def list(self) -> list[ApiKeyInfo]:
        """Returns every key (ids, roles, names, dates; no secrets)."""
        return self._repo.list()

    def revoke(self, key_id: str, *, actor: str) -> ApiKeyInfo:
        """Revokes a key; it stops working here at once, in other processes within the cache time.

        The last active admin key cannot be revoked: nothing could create another over the API.
        """
        known = {k.key_id: k for k in self._repo.list()}
        key = known.get(key_id)
        if key is None:
            raise NotFound(f"no API key with id {key_id!r}", code="api_key_not_found")
        if not key.active:
            return key
        if key.role is Role.ADMIN and self._repo.count_admins() <= 1:
            raise Conflict(
                "this is the last active admin key; create another admin key first",
                code="last_admin_key",
            )
        now = self._clock.now()
        event = new_event(
            EventType.APIKEY_REVOKED,
            id=f"apikey-revoked:{key_id}",
            subject=("api_key", key_id),
            actor=actor,
            payload={"role": key.role.value, "name": key.name},
            at=now,
        )
        self._repo.revoke(key_id, now, event)
        with self._lock:
            for secret in [s for s, (p, _) in self._cache.items() if p.id == f"key:{key_id}"]:
                del self._cache[secret]
        return ApiKeyInfo(key.key_id, key.role, key.name, key.created_at, now)

    def cached(self, secret: str) -> Principal | None:
        """Returns the principal of a recently verified key, or None."""
        # Keyed by the full secret, so a cached entry proves possession of the key.
        with self._lock:
            hit = self._cache.get(secret)
        return hit[0] if hit is not None and hit[1] > time.monotonic() else None

    def authenticate(self, secret: str) -> Principal:
        """Returns the principal of a presented key; raises Unauthorized."""
        if (principal := self.cached(secret)) is not None:
            return principal
        now = time.monotonic()
        key_id = key_id_of(secret)
        stored = self._repo.get(key_id)
        if stored is None or not verify(secret, stored[0]):
            raise Unauthorized("invalid or revoked API key", code="invalid_api_key")
        principal = Principal(id=f"key:{key_id}", role=stored[1])
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[secret] = (principal, now + self._cache_seconds)
        return principal
