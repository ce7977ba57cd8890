"""Creating and checking API keys."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Protocol

from civility.auth.keys import NewKey, Principal, Role, key_id_of, mint_key, verify
from civility.clock import Clock
from civility.errors import Unauthorized
from civility.events.models import Event, EventType, new_event


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
