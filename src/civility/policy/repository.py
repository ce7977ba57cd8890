"""Storage contract for policies; the implementation (SQL) lives outside the domain."""

from __future__ import annotations

from typing import Protocol

from civility.policy.model import Policy


class PolicyRepository(Protocol):
    """Stores the current policy per channel (channel_id None = the global default)."""

    def get(self, channel_id: str | None) -> Policy | None:
        """Returns the current policy of a channel, or None if it has none of its own."""
        ...

    def save(self, policy: Policy) -> Policy:
        """Stores a policy as the next version of its channel and returns it with that version."""
        ...


def resolve_policy(repo: PolicyRepository, channel_id: str | None) -> Policy:
    """Returns the channel's own policy, else the global one, else the built-in default."""
    if channel_id is not None and (own := repo.get(channel_id)) is not None:
        return own
    return repo.get(None) or Policy.default()


def next_version(current: Policy | None, proposed: Policy) -> Policy:
    """Returns proposed numbered one past the current version (1 if there is none)."""
    return proposed.with_version(1 if current is None else current.version + 1)


class InMemoryPolicyRepository:
    """Dict-backed repository for tests and single-process use."""

    def __init__(self) -> None:
        self._current: dict[str | None, Policy] = {}
        self.history: list[Policy] = []

    def get(self, channel_id: str | None) -> Policy | None:
        """Returns the current policy of a channel."""
        return self._current.get(channel_id)

    def save(self, policy: Policy) -> Policy:
        """Stores the policy as the next version of its channel."""
        stored = next_version(self._current.get(policy.channel_id), policy)
        self._current[policy.channel_id] = stored
        self.history.append(stored)
        return stored
