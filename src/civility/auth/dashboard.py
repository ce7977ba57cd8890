"""Dashboard accounts: roles, argon2 password hashes, sign-in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from civility.clock import Clock
from civility.errors import Conflict, Invalid, NotFound, Unauthorized
from civility.events.models import Event, EventType, new_event
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


class DashboardUserRepository(Protocol):
    """Storage of dashboard accounts."""

    def add(self, row: DashboardUserRow, event: Event) -> None:
        """Stores a new account with its creation event."""
        ...

    def by_username(self, username: str) -> DashboardUserRow | None:
        """Returns the account of a user name, or None."""
        ...

    def set_hash(self, user_id: str, password_hash: str) -> None:
        """Replaces a password hash."""
        ...

    def record(self, event: Event, tenant: str = DEFAULT_TENANT) -> None:
        """Appends an event that changes no other state to its tenant's log."""
        ...

    def disable(self, row: DashboardUserRow, now: datetime, event: Event) -> bool:
        """Marks an account disabled with its event; False if it already was."""
        ...

    def enable(self, row: DashboardUserRow, event: Event) -> bool:
        """Marks a disabled account active again with its event; False if it was active."""
        ...


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
        event = self._event(EventType.DASHBOARD_USER_CREATED, row, actor, now)
        event.payload["role"] = role.value
        event.payload["tenant"] = tenant
        self._repo.add(row, event)
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
        if self._hasher.check_needs_rehash(row.password_hash):
            self._repo.set_hash(row.id, self._hasher.hash(password))
        now = self._clock.now()
        login = self._event(EventType.DASHBOARD_LOGIN, row, f"dashboard:{username}", now)
        self._repo.record(login, row.tenant)
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
        changed = self._repo.disable(
            row, now, self._event(EventType.DASHBOARD_USER_DISABLED, row, actor, now)
        )
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
        return self._repo.enable(
            row, self._event(EventType.DASHBOARD_USER_ENABLED, row, actor, now)
        )

    def current(self, username: str) -> DashboardUser | None:
        """Returns an active account by name (sessions are re-checked on every request)."""
        row = self._repo.by_username(username)
        if row is None or row.disabled:
            return None
        return DashboardUser(row.id, row.username, DashboardRole(row.role), row.tenant)

    @staticmethod
    def _event(kind: EventType, row: DashboardUserRow, actor: str, now: datetime) -> Event:
        return new_event(
            kind,
            subject=("dashboard_user", row.username),
            actor=actor,
            payload={"user_id": row.id},
            at=now,
        )
