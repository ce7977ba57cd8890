"""Dashboard accounts: roles, argon2 password hashes, sign-in."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from civility.clock import Clock
from civility.errors import Conflict, Invalid, NotFound, Unauthorized
from civility.events.models import Event, EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.ids import new_id
from civility.tenancy.models import DEFAULT_TENANT

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")
MIN_PASSWORD = 10


class DashboardRole(StrEnum):
    """What a dashboard user may do: admins everything, moderators act, viewers read."""

    ADMIN = "admin"
    MODERATOR = "moderator"
    VIEWER = "viewer"

    @property
    def can_act(self) -> bool:
        """Tells whether the role may change anything (review, ban, notes)."""
        return self in (DashboardRole.ADMIN, DashboardRole.MODERATOR)

    @property
    def is_admin(self) -> bool:
        """Tells whether the role may see the admin pages (blocklists, policies)."""
        return self is DashboardRole.ADMIN


@dataclass(frozen=True, slots=True)
class DashboardUser:
    """A signed-in person."""

    id: str
    username: str
    role: DashboardRole
    tenant: str = DEFAULT_TENANT

    @property
    def actor(self) -> str:
        """Returns how the audit log names this person."""
        return f"dashboard:{self.username}"


@dataclass(frozen=True, slots=True)
class DashboardUserRow:
    """A stored dashboard account."""

    id: str
    username: str
    password_hash: str
    role: str
    created_at: datetime
    disabled: bool
    tenant: str = DEFAULT_TENANT


class DashboardUserTransaction(Transaction, Protocol):
    """A write transaction on dashboard accounts; its events go to its tenant's log."""

    def add(self, row: DashboardUserRow) -> None:
        """Stores a new account; Conflict if the name is taken."""
        ...

    def set_hash(self, user_id: str, password_hash: str) -> None:
        """Replaces a password hash."""
        ...

    def disable(self, user_id: str, now: datetime) -> bool:
        """Marks an account disabled; False if it already was."""
        ...

    def enable(self, user_id: str) -> bool:
        """Marks a disabled account active again; False if it was active."""
        ...


class DashboardUserRepository(UnitOfWork[DashboardUserTransaction], Protocol):
    """Storage of dashboard accounts."""

    def transaction(
        self, tenant: str = DEFAULT_TENANT
    ) -> AbstractContextManager[DashboardUserTransaction]:
        """Opens a write transaction whose events go to `tenant`'s log: with the change for
        the default tenant, just after its commit for another (its log is another database)."""
        ...

    def by_username(self, username: str) -> DashboardUserRow | None:
        """Returns the account of a user name, or None."""
        ...


def user_created(row: DashboardUserRow, actor: str, now: datetime) -> Event:
    """Builds the event of a new account (its role and tenant in the payload)."""
    event = _account_event(EventType.DASHBOARD_USER_CREATED, row, actor, now)
    event.payload["role"] = row.role
    event.payload["tenant"] = row.tenant
    return event


def signed_in(row: DashboardUserRow, now: datetime) -> Event:
    """Builds the event of a successful sign-in (the user is its actor)."""
    return _account_event(EventType.DASHBOARD_LOGIN, row, f"dashboard:{row.username}", now)


def user_disabled(row: DashboardUserRow, actor: str, now: datetime) -> Event:
    """Builds the event of an account disabled."""
    return _account_event(EventType.DASHBOARD_USER_DISABLED, row, actor, now)


def user_enabled(row: DashboardUserRow, actor: str, now: datetime) -> Event:
    """Builds the event of a disabled account enabled again."""
    return _account_event(EventType.DASHBOARD_USER_ENABLED, row, actor, now)


def _account_event(kind: EventType, row: DashboardUserRow, actor: str, now: datetime) -> Event:
    return new_event(
        kind,
        subject=("dashboard_user", row.username),
        actor=actor,
        payload={"user_id": row.id},
        at=now,
    )


def parse_dashboard_role(value: str) -> DashboardRole:
    """Parses a role name; raises Invalid for unknown roles."""
    try:
        return DashboardRole(value)
    except ValueError:
        names = ", ".join(r.value for r in DashboardRole)
        raise Invalid(
            f"unknown role {value!r}; expected one of {names}", code="invalid_role"
        ) from None


class DashboardAccounts:
    """Creates accounts and checks passwords."""

    def __init__(
        self,
        repo: DashboardUserRepository,
        clock: Clock,
        *,
        end_sessions: Callable[[str], None] | None = None,
        forget_keys: Callable[[str], None] | None = None,
    ) -> None:
        self._repo = repo
        self._clock = clock
        # Ends a user's server-side sessions (issue 24's session store plugs in here). Without
        # it a disabled user is still signed out at the next request: `current` refuses them.
        self._end_sessions = end_sessions
        # Drops the user's API keys from this process's key cache; without it (the CLI, another
        # process) their keys are refused once the cache entry expires (ApiKeyService).
        self._forget_keys = forget_keys
        self._hasher = PasswordHasher()
        # Unknown user names are checked against this hash so both paths take as long.
        self._dummy = self._hasher.hash("not a real password, only for timing")

    def create(
        self,
        username: str,
        password: str,
        role: DashboardRole,
        *,
        actor: str,
        tenant: str = DEFAULT_TENANT,
    ) -> str:
        """Creates an account of a tenant and returns its id; Conflict if the name is taken
        (user names are unique across the installation: sign-in does not ask for a tenant)."""
        if not USERNAME.match(username):
            raise Invalid(
                "user names are 2-64 letters, digits, `.`, `_` or `-`", code="invalid_username"
            )
        if len(password) < MIN_PASSWORD:
            raise Invalid(
                f"passwords need at least {MIN_PASSWORD} characters", code="weak_password"
            )
        if self._repo.by_username(username) is not None:
            raise Conflict(f"user {username!r} already exists", code="user_exists")
        now = self._clock.now()
        row = DashboardUserRow(
            new_id("usr"), username, self._hasher.hash(password), role.value, now, False, tenant
        )
        with self._repo.transaction(tenant) as tx:
            tx.add(row)
            tx.record([user_created(row, actor, now)])
        return row.id

    def authenticate(self, username: str, password: str) -> DashboardUser:
        """Returns the user for a correct password; raises Unauthorized otherwise."""
        row = self._repo.by_username(username)
        stored = row.password_hash if row is not None and not row.disabled else self._dummy
        try:
            self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            raise Unauthorized("wrong user name or password", code="bad_credentials") from None
        if row is None or row.disabled:
            raise Unauthorized("wrong user name or password", code="bad_credentials")
        rehashed = (
            self._hasher.hash(password)
            if self._hasher.check_needs_rehash(row.password_hash)
            else None
        )
        now = self._clock.now()
        with self._repo.transaction(row.tenant) as tx:
            if rehashed is not None:
                tx.set_hash(row.id, rehashed)
            tx.record([signed_in(row, now)])
        return DashboardUser(row.id, row.username, DashboardRole(row.role), row.tenant)

    def disable(self, username: str, *, actor: str) -> bool:
        """Disables an account and ends its sessions; False if it was disabled already.

        The account stays (its name appears in the audit log); it can no longer sign in, and
        the API keys created for it are refused until it is enabled again (not revoked).
        """
        row = self._repo.by_username(username)
        if row is None:
            raise NotFound(f"no dashboard user {username!r}", code="user_not_found")
        now = self._clock.now()
        with self._repo.transaction(row.tenant) as tx:
            changed = tx.disable(row.id, now)
            if changed:
                tx.record([user_disabled(row, actor, now)])
        if self._end_sessions is not None:
            self._end_sessions(username)
        if self._forget_keys is not None:
            self._forget_keys(username)
        return changed

    def enable(self, username: str, *, actor: str) -> bool:
        """Enables a disabled account again; False if it was not disabled.

        The user can sign in again (their old sessions stay ended) and their API keys work again.
        """
        row = self._repo.by_username(username)
        if row is None:
            raise NotFound(f"no dashboard user {username!r}", code="user_not_found")
        now = self._clock.now()
        with self._repo.transaction(row.tenant) as tx:
            changed = tx.enable(row.id)
            if changed:
                tx.record([user_enabled(row, actor, now)])
        return changed

    def current(self, username: str) -> DashboardUser | None:
        """Returns an active account by name (sessions are re-checked on every request)."""
        row = self._repo.by_username(username)
        if row is None or row.disabled:
            return None
        return DashboardUser(row.id, row.username, DashboardRole(row.role), row.tenant)
