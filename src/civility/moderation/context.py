"""Loads a batch's decision context once: policies, the authors' records in force, the blocklist.

It also owns the flood/rate counters, the pipeline's one other call out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from civility.blocklists.service import BlocklistCache
from civility.enforcement.engine import InForce
from civility.enforcement.records import EnforcementRecord
from civility.moderation.pipeline import DecisionContext
from civility.moderation.records import StoredMessage
from civility.policy.checks import WindowHit, WindowStore
from civility.policy.model import Policy
from civility.policy.repository import PolicyRepository, resolve_policy


class RecordSource(Protocol):
    """Reads the enforcement records of many authors at once (one query per batch)."""

    def records_for_many(
        self, user_ids: Sequence[str], *, in_force: InForce | None = None
    ) -> dict[str, list[EnforcementRecord]]:
        """Returns each author's records (only those `in_force` keeps, if given), oldest first."""
        ...


class ContextLoader:
    """Reads what the pipeline needs for one batch, in one pass, and counts its windows."""

    def __init__(
        self,
        policies: PolicyRepository,
        blocklist: BlocklistCache,
        records: RecordSource,
        windows: WindowStore,
    ) -> None:
        self._policies = policies
        self._blocklist = blocklist
        self._records = records
        self._windows = windows

    def load(
        self, messages: Sequence[StoredMessage], now: datetime, *, with_records: bool = True
    ) -> DecisionContext:
        """Loads the context of a batch; `with_records=False` for a text without an author."""
        # One resolution per channel and batch: a batch sees one version of each policy.
        global_policy = resolve_policy(self._policies, None)
        policies = {
            ch: resolve_policy(self._policies, ch) for ch in {m.channel_id for m in messages}
        }
        records: dict[str, tuple[EnforcementRecord, ...]] = {}
        authors = sorted({m.author_id for m in messages})
        if with_records and authors:
            # Bans in force and the strikes that can still count under any policy of the batch:
            # a long-standing author's whole history is not read.
            expiry = max(p.strikes.expiry for p in (*policies.values(), global_policy))
            in_force = InForce(now=now, strikes_since=now - expiry)
            found = self._records.records_for_many(authors, in_force=in_force)
            records = {author: tuple(rs) for author, rs in found.items()}
        return DecisionContext(
            now=now,
            global_policy=global_policy,
            policies=policies,
            records=records,
            blocklist=self._blocklist.current(),
        )

    def count_windows(self, hits: Sequence[WindowHit], now: datetime) -> list[int]:
        """Records flood/rate counter hits in order (one store call) and returns each count."""
        if not hits:
            return []
        return self._windows.hit_many(hits, now)

    def policy(self, channel_id: str | None) -> Policy:
        """Returns the channel's policy in force."""
        return resolve_policy(self._policies, channel_id)
