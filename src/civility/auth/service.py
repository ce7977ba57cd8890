"""Creating and checking API keys."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from civility.auth.dashboard import DashboardUserRow
from civility.auth.keys import NewKey, Principal, Role, key_id_of, mint_key, verify
from civility.clock import Clock
from civility.errors import Conflict, Invalid, NotFound, Unauthorized
from civility.events.models import EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.tenancy.models import DEFAULT_TENANT


@dataclass(frozen=True, slots=True)
class ApiKeyInfo:
    """What may be shown about a key: never its secret or hash."""

    key_id: str
    role: Role
    name: str
    created_at: datetime
    revoked_at: datetime | None
    tenant: str = DEFAULT_TENANT
    channels: tuple[str, ...] | None = None
    # The dashboard user (sign-in name) the key acts for; None: no person is known.
    user: str | None = None
    # The key's user is disabled (or gone): the key is refused until they are enabled again.
    user_disabled: bool = False

    @property
    def active(self) -> bool:
        """Tells whether the key is not revoked (a disabled user's key is active but refused)."""
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class StoredKey:
    """What authentication needs of an active key."""

    key_hash: str
    role: Role
    tenant: str
    channels: tuple[str, ...] | None
    # The dashboard user the key acts for, and whether that account is active (not disabled).
    user: str | None = None
    user_active: bool = True


class ApiKeyTransaction(Transaction, Protocol):
    """A write transaction on API keys; its events go to its tenant's log."""

    def add(self, info: ApiKeyInfo, key_hash: str) -> None:
        """Stores a new key."""
        ...

    def revoke(self, key_id: str, now: datetime, tenant: str) -> bool:
        """Marks a tenant's active key revoked; False when there is none."""
        ...


class ApiKeyRepository(UnitOfWork[ApiKeyTransaction], Protocol):
    """Storage of key hashes."""

    def transaction(
        self, tenant: str = DEFAULT_TENANT
    ) -> AbstractContextManager[ApiKeyTransaction]:
        """Opens a write transaction whose events go to `tenant`'s log: with the change for
        the default tenant, just after its commit for another (its log is another database)."""
        ...

    def get(self, key_id: str) -> StoredKey | None:
        """Returns an active (not revoked) key with its user's state, or None."""
        ...

    def count_admins(self, tenant: str) -> int:
        """Counts a tenant's admin and owner keys that authenticate (not revoked, user enabled)."""
        ...

    def list(self, tenant: str) -> list[ApiKeyInfo]:
        """Returns a tenant's keys, active and revoked, oldest first."""
        ...

    def user_of(self, key_id: str) -> str | None:
        """Returns the user a key (active or revoked) acts for, or None."""
        ...


class UserDirectory(Protocol):
    """The dashboard accounts a key can be created for (SqlDashboardUserRepository is one)."""

    def by_username(self, username: str) -> DashboardUserRow | None:
        """Returns the account of a user name, or None."""
        ...


# A cached key: its principal, when the entry expires (monotonic seconds), the user it acts for.
CacheEntry = tuple[Principal, float, str | None]

MAX_KEY_CHANNELS = 100
KEY_ACTOR = "key:"
USER_ACTOR = "dashboard:"


class ApiKeyService:
    """Mints one tenant's keys and authenticates any presented key (with a short cache).

    Authentication is installation-wide (a key names its tenant); creating, listing and
    revoking see only this service's tenant (`scoped` gives another tenant's view). A key
    created for a dashboard user is refused while that user is disabled.
    """

    def __init__(
        self,
        repo: ApiKeyRepository,
        clock: Clock,
        *,
        cache_seconds: float,
        tenant: str = DEFAULT_TENANT,
        users: UserDirectory | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        _cache: dict[str, CacheEntry] | None = None,
        _lock: threading.Lock | None = None,
    ) -> None:
        self._repo = repo
        self._users = users
        self._clock = clock
        # The cache's expiry runs on monotonic time (a wall clock step must not extend it).
        self._monotonic = monotonic
        self._cache_seconds = cache_seconds
        self.tenant = tenant
        self._cache = {} if _cache is None else _cache
        self._lock = _lock or threading.Lock()

    def scoped(self, tenant: str) -> ApiKeyService:
        """The same keys seen from one tenant (sharing this service's cache)."""
        return ApiKeyService(
            self._repo,
            self._clock,
            cache_seconds=self._cache_seconds,
            tenant=tenant,
            users=self._users,
            monotonic=self._monotonic,
            _cache=self._cache,
            _lock=self._lock,
        )

    def create(
        self,
        role: Role,
        *,
        name: str = "",
        actor: str = "cli",
        channels: Sequence[str] | None = None,
        user: str | None = None,
    ) -> NewKey:
        """Creates a key of this tenant and records the event; the secret is returned only here.

        With `user`, the key acts for that dashboard user: an active account of this tenant,
        and a moderator, admin or owner key (a service key is the platform, not a person).
        """
        if role is Role.OWNER and self.tenant != DEFAULT_TENANT:
            raise Invalid(
                "owner keys belong to the installation (the default tenant)", code="invalid_role"
            )
        limited = _channels(channels)
        if limited is not None and role is not Role.SERVICE:
            raise Invalid("only service keys can be limited to channels", code="invalid_channels")
        person = self._person(role, user)
        key = mint_key(role)
        now = self._clock.now()
        payload: dict[str, object] = {"role": role.value, "name": name, "tenant": self.tenant}
        if limited is not None:
            payload["channels"] = list(limited)
        if person is not None:
            payload["user"] = person
        event = new_event(
            EventType.APIKEY_CREATED,
            id=f"apikey:{key.key_id}",
            subject=("api_key", key.key_id),
            actor=actor,
            payload=payload,
            at=now,
        )
        info = ApiKeyInfo(key.key_id, role, name, now, None, self.tenant, limited, person)
        with self._repo.transaction(self.tenant) as tx:
            tx.add(info, key.key_hash)
            tx.record([event])
        return key

    def _person(self, role: Role, user: str | None) -> str | None:
        """Checks the user a new key is to act for; None when it names none."""
        if user is None:
            return None
        if role is Role.SERVICE:
            raise Invalid("a service key cannot act for a user", code="invalid_key_user")
        account = self._users.by_username(user.strip()) if self._users is not None else None
        if account is None or account.tenant != self.tenant:
            raise Invalid(f"no dashboard user {user!r} in this tenant", code="unknown_user")
        if account.disabled:
            raise Invalid(f"the dashboard user {user!r} is disabled", code="user_disabled")
        return account.username

    def person_of(self, actor: str) -> str:
        """Returns who an actor is: a key created for a user is that user (as the dashboard
        names them, `dashboard:<user>`); any other actor is itself."""
        if not actor.startswith(KEY_ACTOR):
            return actor
        user = self._repo.user_of(actor.removeprefix(KEY_ACTOR))
        return actor if user is None else f"{USER_ACTOR}{user}"

    def ensure_admin(self) -> NewKey | None:
        """Creates the first admin key if there is none; returns it, else None."""
        if self._repo.count_admins(self.tenant) > 0:
            return None
        return self.create(Role.ADMIN, name="initial admin", actor="system:first-start")

    def list(self) -> list[ApiKeyInfo]:
        """Returns this tenant's keys (ids, roles, names, dates; no secrets)."""
        return self._repo.list(self.tenant)

    def revoke(self, key_id: str, *, actor: str) -> ApiKeyInfo:
        """Revokes a key; it stops working here at once, in other processes within the cache time.

        The last active admin key cannot be revoked: nothing could create another over the API.
        """
        known = {k.key_id: k for k in self._repo.list(self.tenant)}
        key = known.get(key_id)
        if key is None:
            raise NotFound(f"no API key with id {key_id!r}", code="api_key_not_found")
        if not key.active:
            return key
        if key.role in (Role.ADMIN, Role.OWNER) and self._repo.count_admins(self.tenant) <= 1:
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
        with self._repo.transaction(self.tenant) as tx:
            if tx.revoke(key_id, now, self.tenant):
                tx.record([event])
        self._forget(lambda principal, _: principal.id == f"{KEY_ACTOR}{key_id}")
        return ApiKeyInfo(
            key.key_id,
            key.role,
            key.name,
            key.created_at,
            now,
            key.tenant,
            key.channels,
            key.user,
            key.user_disabled,
        )

    def forget_user(self, username: str) -> None:
        """Drops a user's keys from this process's cache (called when the user is disabled)."""
        self._forget(lambda _, user: user == username)

    def _forget(self, matches: Callable[[Principal, str | None], bool]) -> None:
        with self._lock:
            for secret in [s for s, (p, _, u) in self._cache.items() if matches(p, u)]:
                del self._cache[secret]

    def cached(self, secret: str) -> Principal | None:
        """Returns the principal of a recently verified key, or None."""
        # Keyed by the full secret, so a cached entry proves possession of the key.
        with self._lock:
            hit = self._cache.get(secret)
        return hit[0] if hit is not None and hit[1] > self._monotonic() else None

    def authenticate(self, secret: str) -> Principal:
        """Returns the principal of a presented key; raises Unauthorized."""
        if (principal := self.cached(secret)) is not None:
            return principal
        now = self._monotonic()
        key_id = key_id_of(secret)
        stored = self._repo.get(key_id)
        if stored is None or not verify(secret, stored.key_hash):
            raise Unauthorized("invalid or revoked API key", code="invalid_api_key")
        if not stored.user_active:
            # Refused, not revoked: enabling the user again makes the key work again.
            raise Unauthorized(
                "the dashboard user this API key acts for is disabled; "
                "the key works again once an admin enables the user",
                code="key_owner_disabled",
            )
        channels = None if stored.channels is None else frozenset(stored.channels)
        principal = Principal(f"{KEY_ACTOR}{key_id}", stored.role, stored.tenant, channels)
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[secret] = (principal, now + self._cache_seconds, stored.user)
        return principal


def _channels(channels: Sequence[str] | None) -> tuple[str, ...] | None:
    """Checks a key's channel limit: None (every channel) or 1-100 channel ids."""
    if channels is None:
        return None
    unique = tuple(dict.fromkeys(c.strip() for c in channels))
    if not unique or len(unique) > MAX_KEY_CHANNELS or any(not c or len(c) > 200 for c in unique):
        raise Invalid(
            f"a key's channels are 1-{MAX_KEY_CHANNELS} non-empty ids of at most 200 characters",
            code="invalid_channels",
        )
    return unique
