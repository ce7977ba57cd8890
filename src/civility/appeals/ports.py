"""Contracts the appeal service depends on: its storage and the author's enforcement records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from civility.appeals.models import Appeal, AppealQuery
from civility.enforcement.records import EnforcementRecord
from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.moderation.decisions import HumanDecision
from civility.user_reports.models import Report, ReportReopening


class AppealTransaction(Transaction, Protocol):
    """A write transaction on appeals."""

    def add(self, appeal: Appeal) -> bool:
        """Stores a new appeal; False (nothing written) when an appeal of the same subject
        exists already."""
        ...

    def save_decision(
        self,
        before: Appeal,
        after: Appeal,
        records: Sequence[EnforcementRecord],
        decisions: Sequence[HumanDecision],
        reopened: ReportReopening | None = None,
    ) -> bool:
        """Stores the decided appeal, the bans it lifts, the message's new decision and the
        user reports it opens again, if `before` is still current and those reports are still
        closed so; False (nothing written) otherwise."""
        ...


class AppealRepository(UnitOfWork[AppealTransaction], Protocol):
    """Stores appeals; a decision is saved only if the appeal did not change underneath."""

    def get(self, appeal_id: str) -> Appeal | None:
        """Returns one appeal."""
        ...

    def by_subject(self, subject_key: str) -> Appeal | None:
        """Returns the appeal of a decision or ban, if there is one."""
        ...

    def list_appeals(self, query: AppealQuery) -> list[Appeal]:
        """Returns appeals matching the query, newest first."""
        ...

    def closed_reports(self, message_id: str, closed_by: str, closed_at: datetime) -> list[Report]:
        """Returns the message's reports that `closed_by` closed at `closed_at` (one verdict)."""
        ...


class EnforcementRecords(Protocol):
    """An author's append-only strikes and bans (`SqlEnforcementRepository` is one)."""

    def records_for(self, user_id: str) -> Sequence[EnforcementRecord]:
        """Returns every record of a user, oldest first."""
        ...
