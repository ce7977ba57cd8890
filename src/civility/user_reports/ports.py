"""Contracts the report service depends on: its storage and where messages are found."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from civility.events.unit_of_work import Transaction, UnitOfWork
from civility.moderation.decisions import HumanDecision
from civility.user_reports.models import (
    Report,
    ReportedMessage,
    ReportedQuery,
    ReporterRecord,
    ReportReopening,
    ReportStatus,
    ReportVerdict,
)


class ReportTransaction(Transaction, Protocol):
    """A write transaction on user reports."""

    def add(self, report: Report) -> bool:
        """Stores a report; False (nothing written) if the reporter already reported the
        message."""
        ...

    def close(
        self,
        report_ids: Sequence[str],
        status: ReportStatus,
        actor: str,
        at: datetime,
        decisions: Sequence[HumanDecision],
    ) -> bool:
        """Closes exactly these open reports, counts them on their reporters and stores the
        message's new decision; False (nothing written) if any report was no longer open."""
        ...

    def reopen(self, reopening: ReportReopening, decisions: Sequence[HumanDecision]) -> bool:
        """Opens again exactly the reports a verdict closed (off their reporters' counts), with
        the message's restored decision; False (nothing written) if any of them was no longer
        closed so."""
        ...


class ReportRepository(UnitOfWork[ReportTransaction], Protocol):
    """Stores reports, reporters' records and the verdicts that close reports."""

    def find(self, message_id: str, reporter_id: str) -> Report | None:
        """Returns a reporter's report of a message, if any."""
        ...

    def reporter(self, reporter_id: str) -> ReporterRecord:
        """Returns how a reporter's judged reports went (zeros for a new reporter)."""
        ...

    def reports_of(self, message_id: str, limit: int = 200) -> list[Report]:
        """Returns a message's reports, newest first."""
        ...

    def reported(self, query: ReportedQuery) -> list[ReportedMessage]:
        """Returns messages with open reports in queue order, after the query's cursor."""
        ...

    def reported_message(self, message_id: str) -> ReportedMessage | None:
        """Returns one message's open-report summary (None when it has no open report)."""
        ...


class ReviewItems(Protocol):
    """The review queue, as a Reported-tab verdict reaches it (the review service is one)."""

    def resolve_reported(
        self,
        message_id: str,
        actor: str,
        verdict: ReportVerdict,
        note: str | None,
        *,
        senior: bool = False,
    ) -> bool:
        """Gives the message's open review item the verdict, closing its open reports in the
        same transaction; False (nothing written) when no open item takes this verdict."""
        ...

    def reverse_reported(
        self,
        message_id: str,
        actor: str,
        note: str | None,
        *,
        closed_by: str,
        closed_at: datetime,
        undo: bool,
    ) -> bool:
        """Reverses (or undoes) the review verdict that closed the reports at `closed_at` by
        `closed_by`, which reopens them; False (nothing written) when the message's review item
        was not resolved by that verdict."""
        ...
