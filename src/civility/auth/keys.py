"""API keys: random secrets shown once, stored as hashes, each with a role."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from civility.errors import Invalid, Unauthorized
from civility.tenancy.models import DEFAULT_TENANT


class Role(StrEnum):
    """What a key may do."""

    SERVICE = "service"
    MODERATOR = "moderator"
    ADMIN = "admin"
    OWNER = "owner"  # the installation's: an admin of the default tenant who manages tenants


class Permission(StrEnum):
    """A capability checked by the routes."""

    ANALYZE = "analyze"
    MODERATE = "moderate"
    SUBMIT = "submit"
    READ = "read"
    REVIEW = "review"
    ENFORCE = "enforce"
    ADMIN = "admin"
    MANAGE_TENANTS = "manage_tenants"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SERVICE: frozenset({Permission.ANALYZE, Permission.MODERATE, Permission.SUBMIT}),
    Role.MODERATOR: frozenset(
        {Permission.ANALYZE, Permission.READ, Permission.REVIEW, Permission.ENFORCE}
    ),
    Role.ADMIN: frozenset(Permission) - {Permission.MANAGE_TENANTS},
    Role.OWNER: frozenset(Permission),
}

KEY_PREFIX = "civ"


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly minted key: the secret is only ever available here."""

    key_id: str
    secret: str
    key_hash: str
    role: Role


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a key id (or user name), its role, its tenant and its channels."""

    id: str
    role: Role
    tenant: str = DEFAULT_TENANT
    # The channels a key is limited to; None: every channel of its tenant.
    channels: frozenset[str] | None = None

    def can(self, permission: Permission) -> bool:
        """Tells whether this principal holds a permission."""
        return permission in ROLE_PERMISSIONS[self.role]

    def may_use_channel(self, channel_id: str) -> bool:
        """Tells whether this principal may act in a channel."""
        return self.channels is None or channel_id in self.channels


def parse_role(value: str) -> Role:
    """Parses a role name; raises Invalid for unknown roles."""
    try:
        return Role(value)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise Invalid(
            f"unknown role {value!r}; expected one of {names}", code="invalid_role"
        ) from None


def hash_secret(secret: str) -> str:
    """Hashes a key secret; keys are 256-bit random, so a fast hash is as strong as a slow one."""
    return hashlib.sha256(secret.encode()).hexdigest()


def mint_key(role: Role) -> NewKey:
    """Creates a new random key of the form civ_<id>_<secret>."""
    key_id = secrets.token_hex(8)
    secret = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    return NewKey(key_id=key_id, secret=secret, key_hash=hash_secret(secret), role=role)


def key_id_of(secret: str) -> str:
    """Extracts the lookup id from a presented key; raises Unauthorized if malformed."""
    parts = secret.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(parts[1]) != 16:
        raise Unauthorized("malformed API key", code="invalid_api_key")
    return parts[1]


def verify(secret: str, stored_hash: str) -> bool:
    """Compares a presented secret with a stored hash in constant time."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)
