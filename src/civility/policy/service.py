"""The policy service: read, edit (partially) and list the versions of a channel's policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from civility.clock import Clock
from civility.errors import Conflict, Invalid
from civility.events.models import Event, EventType, new_event
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.policy.model import Policy
from civility.policy.repository import PolicyRepository, resolve_policy

# The path segment that names the global default instead of a channel.
DEFAULT_CHANNEL = "default"
MAX_HISTORY = 500


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """One stored version of a policy: who saved it and when."""

    policy: Policy
    actor: str
    created_at: datetime


class PolicyTransaction(Transaction, Protocol):
    """A write transaction on policies."""

    def save_version(self, policy: Policy, *, actor: str, now: datetime) -> Policy:
        """Stores the policy as the next version (numbered across all scopes) and returns it."""
        ...


class PolicyStore(PolicyRepository, UnitOfWork[PolicyTransaction], Protocol):
    """Append-only policy storage: every save is a new version, written with its event."""

    def history(self, channel_id: str | None, limit: int) -> list[PolicyVersion]:
        """Returns the stored versions of one scope, newest first."""
        ...


def scope_of(channel: str) -> str | None:
    """Maps the API's channel segment to a scope (None = the global default)."""
    return None if channel == DEFAULT_CHANNEL else channel


def deep_merge(base: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """Returns base with patch laid over it, object by object (a partial update)."""
    out = dict(base)
    for key, value in patch.items():
        current = out.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            out[key] = deep_merge(current, value)
        else:
            out[key] = value
    return out


class PolicyService:
    """Policies per channel with a global default; every change is a new version and an event."""

    def __init__(self, store: PolicyStore, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def current(self, channel_id: str | None) -> tuple[Policy, bool]:
        """Returns the policy in force and whether the scope has its own (else inherited)."""
        own = self._store.get(channel_id)
        if own is not None:
            return own, True
        return resolve_policy(self._store, channel_id), False

    def update(self, channel_id: str | None, body: object, actor: str) -> Policy:
        """Applies a partial policy; missing parts come from the policy now in force.

        A `version` in the body must name the version in force (Conflict otherwise), so two
        admins editing at once cannot overwrite each other unknowingly.
        """
        if not isinstance(body, Mapping):
            raise Invalid("policy: expected an object", code="invalid_policy")
        current, _ = self.current(channel_id)
        patch = dict(body)
        expected = patch.pop("version", None)
        if expected is not None and expected != current.version:
            raise Conflict(
                f"policy version {current.version} is in force, not {expected!r}",
                code="stale_policy",
            )
        given_channel = patch.pop("channel_id", channel_id)
        if given_channel != channel_id:
            raise Invalid("policy.channel_id must match the path", code="invalid_policy")
        merged = deep_merge(current.to_dict(), patch)
        merged["channel_id"] = channel_id
        proposed = Policy.from_dict(merged)
        now = self._clock.now()
        with self._store.transaction() as tx:
            stored = tx.save_version(proposed, actor=actor, now=now)
            tx.record([_updated_event(stored, current.version, patch, actor, now)])
        return stored

    def history(self, channel_id: str | None, limit: int = 50) -> list[PolicyVersion]:
        """Returns the stored versions of a scope, newest first."""
        return self._store.history(channel_id, min(max(limit, 1), MAX_HISTORY))


def _updated_event(
    stored: Policy, previous: int, patch: Mapping[str, Any], actor: str, now: datetime
) -> Event:
    return new_event(
        EventType.POLICY_UPDATED,
        subject=("policy", stored.channel_id or DEFAULT_CHANNEL),
        actor=actor,
        channel_id=stored.channel_id,
        payload={
            "version": stored.version,
            "previous_version": previous,
            "changes": dict(patch),
            "policy": stored.to_dict(),
        },
        at=now,
    )
