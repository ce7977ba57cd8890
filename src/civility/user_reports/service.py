"""The report service: receive reports, list the Reported queue, judge reported messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from civility.clock import Clock
from civility.errors import Conflict, Forbidden, Invalid
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.moderation.decisions import DecisionSource, HumanDecision, decide_by_hand
from civility.moderation.lookup import MessageLookup, MessageRef, find_message
from civility.moderation.records import MessageView
from civility.policy.verdict import Action
from civility.user_reports.models import (
    Report,
    ReportClosure,
    ReportedMessage,
    ReportedQuery,
    ReportReason,
    ReportReopening,
    ReportVerdict,
    check_report_text,
    closure_of,
    latest_closure,
    ranking_key,
    reopening_of,
)
from civility.user_reports.ports import ReportRepository, ReviewItems

# What readers see after an upheld report; a dismissal leaves the decision as it is.
VERDICT_ACTION = {ReportVerdict.HIDE: Action.HIDE, ReportVerdict.REMOVE: Action.BLOCK}
# How long after a Reported-tab verdict its author may take it back without a note (the
# dashboard's Undo); the review queue's is the same (review.service.DEFAULT_UNDO_WINDOW).
DEFAULT_UNDO_WINDOW = timedelta(minutes=2)
MAX_NOTE = 5000


@dataclass(frozen=True, slots=True)
class NewReport:
    """A user's report as the platform forwards it."""

    message: MessageRef
    reporter_id: str
    reason: ReportReason
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Received:
    """The stored report; `duplicate` when the reporter had already reported the message."""

    report: Report
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ReportedDetail:
    """A reported message with every report of it."""

    item: ReportedMessage | None
    message: MessageView
    reports: list[Report]

    @property
    def last_verdict(self) -> tuple[str, datetime] | None:
        """Who closed the newest judged reports and when (what a reversal takes back)."""
        return latest_closure(self.reports)


class UserReportService:
    """Reports from users, weighed by how their earlier reports were judged."""

    def __init__(
        self,
        repo: ReportRepository,
        messages: MessageLookup,
        clock: Clock,
        *,
        undo_window: timedelta = DEFAULT_UNDO_WINDOW,
    ) -> None:
        self._repo = repo
        self._messages = messages
        self._clock = clock
        self._undo_window = undo_window

    def submit(self, new: NewReport) -> Received:
        """Attaches a report to its message; a repeated report by one reporter counts once."""
        text = check_report_text(new.reason, new.text)
        if not new.reporter_id.strip():
            raise Invalid("reporter_id must not be empty", code="missing_reporter_id")
        view = find_message(self._messages, new.message)
        message = view.message
        existing = self._repo.find(message.id, new.reporter_id)
        if existing is not None:
            return Received(existing, duplicate=True)
        now = self._clock.now()
        report = Report(
            id=new_id("rpt"),
            message_id=message.id,
            channel_id=message.channel_id,
            reporter_id=new.reporter_id,
            reason=new.reason,
            text=text,
            weight_milli=self._repo.reporter(new.reporter_id).weight_milli,
            created_at=now,
        )
        event = new_event(
            EventType.REPORT_RECEIVED,
            id=f"report:{report.id}",
            subject=("message", message.id),
            actor=f"reporter:{new.reporter_id}",
            channel_id=message.channel_id,
            payload={
                "report_id": report.id,
                "message_id": message.id,
                "platform_message_id": message.platform_message_id,
                "author_id": message.author_id,
                "reporter_id": report.reporter_id,
                "reason": report.reason.value,
                "weight": report.weight,
            },
            at=now,
        )
        with self._repo.transaction() as tx:
            added = tx.add(report)
            if added:
                tx.record([event])
        if added:
            return Received(report, duplicate=False)
        # A concurrent identical report won the insert: this one is its repeat.
        stored = self._repo.find(message.id, new.reporter_id)
        assert stored is not None  # the insert lost to it
        return Received(stored, duplicate=True)

    def queue(self, query: ReportedQuery) -> tuple[list[ReportedMessage], tuple[Any, ...] | None]:
        """Returns a page of the Reported queue and the cursor of the next page (None at end)."""
        items = self._repo.reported(query)
        more = len(items) == query.limit and items
        return items, ranking_key(items[-1]) if more else None

    def reports_of(self, message_id: str) -> list[Report]:
        """Returns every report of a message, newest first."""
        return self._repo.reports_of(message_id)

    def detail(self, message_id: str) -> ReportedDetail:
        """Returns a message with its open-report summary and all its reports."""
        view = find_message(self._messages, MessageRef(id=message_id))
        return ReportedDetail(
            item=self._repo.reported_message(message_id),
            message=view,
            reports=self._repo.reports_of(message_id),
        )

    def resolve(
        self,
        message_id: str,
        actor: str,
        verdict: ReportVerdict,
        note: str | None = None,
        *,
        review: ReviewItems | None = None,
        senior: bool = False,
    ) -> list[Report]:
        """Judges a reported message: its open reports are upheld or rejected together.

        Hide and remove make that the message's current decision (a `message.*` event) in the
        same transaction that closes the reports; dismissing leaves the decision as it is.
        With `review` (the review queue), a message whose review item still waits for a verdict
        gets it from this one, in the same transaction (see ReviewService.resolve_reported):
        one verdict settles the message's item and its reports; `senior` as for review
        verdicts (an escalated item takes a senior moderator's only).
        """
        view = find_message(self._messages, MessageRef(id=message_id))
        now = self._clock.now()
        reports = self._repo.reports_of(message_id)
        closure = closure_of(reports, upheld=verdict.upheld, actor=actor, at=now)
        if closure is None:
            raise Conflict("the message has no open reports", code="no_open_reports")
        if review is not None and review.resolve_reported(
            message_id, actor, verdict, note, senior=senior
        ):
            return self._repo.reports_of(message_id)
        ids = list(closure.report_ids)
        action = VERDICT_ACTION.get(verdict)
        decisions: list[HumanDecision] = []
        events: list[Event] = []
        target = view.target
        if action is not None and target is None:
            raise Conflict(
                "the message is not decided yet: hide or remove it once it is",
                code="message_not_decided",
            )
        if action is not None and target is not None and target.current.action is not action:
            decision, decided = decide_by_hand(
                target,
                action,
                actor=actor,
                source=DecisionSource.REVIEW,
                at=now,
                extra={"report_ids": ids},
            )
            decisions.append(decision)
            events.append(decided)
        m = view.message
        resolved = report_resolved_event(
            m.id,
            m.platform_message_id,
            m.author_id,
            m.channel_id,
            verdict=verdict,
            closure=closure,
            note=note,
        )
        with self._repo.transaction() as tx:
            closed = tx.close(ids, closure.status, actor, now, decisions)
            if closed:
                tx.record([resolved, *events])
        if not closed:
            raise Conflict(
                "the reports changed while you were working on them; reload",
                code="changed_concurrently",
            )
        return self._repo.reports_of(message_id)

    def reverse(
        self,
        message_id: str,
        actor: str,
        note: str | None,
        *,
        undo: bool = False,
        review: ReviewItems | None = None,
    ) -> list[Report]:
        """Takes back the newest verdict on a message's reports: the reports it closed are open
        again (back in the Reported queue, off their reporters' counts, `report.reopened`).

        Any verdict: a dismissal (of an allowed message too, which no review item holds) or a
        hide or remove, whose decision goes back to what it was before (a `message.*` event,
        source `reversal` or `undo`). A reversal needs a note; an undo (`undo=True`) is the
        verdict's own author taking it back within the undo window, note optional. With
        `review`, a verdict that also resolved the message's review item is reversed there
        (ReviewService.reverse: the item is pending again, a ban given with it lifted).
        """
        view = find_message(self._messages, MessageRef(id=message_id))
        now = self._clock.now()
        reports = self._repo.reports_of(message_id)
        latest = latest_closure(reports)
        if latest is None:
            raise Conflict(
                "no judged reports on this message to reverse", code="nothing_to_reverse"
            )
        closed_by, closed_at = latest
        checked = _reversal_note(note, undo)
        if undo and closed_by != actor:
            raise Forbidden(
                "only the moderator who gave the verdict can undo it; reverse it with a note",
                code="undo_not_yours",
            )
        if undo and now - closed_at > self._undo_window:
            raise Conflict("too late to undo; reverse it with a note", code="undo_expired")
        if review is not None and review.reverse_reported(
            message_id, actor, checked, closed_by=closed_by, closed_at=closed_at, undo=undo
        ):
            return self._repo.reports_of(message_id)
        reopening = reopening_of(
            reports, closed_by=closed_by, closed_at=closed_at, actor=actor, at=now
        )
        assert reopening is not None  # latest_closure found its reports
        decisions: list[HumanDecision] = []
        events: list[Event] = []
        human, target = view.human, view.target
        made = human is not None and (human.actor, human.created_at) == (closed_by, closed_at)
        if human is not None and target is not None and made:
            # The verdict's decision is the message's current one: it goes back to before.
            decision, decided = decide_by_hand(
                target,
                human.previous_action,
                actor=actor,
                source=DecisionSource.UNDO if undo else DecisionSource.REVERSAL,
                at=now,
                reverses=human.id,
                extra={"report_ids": list(reopening.report_ids)},
            )
            decisions.append(decision)
            events.append(decided)
        elif any((h.actor, h.created_at) == (closed_by, closed_at) for h in view.history):
            # The verdict decided too, but the message was decided again since: taking the
            # reports back alone would leave a decision nobody meant.
            raise Conflict(
                "the message was decided again after this verdict; reverse that decision first",
                code="decided_since",
            )
        m = view.message
        reopened = report_reopened_event(
            m.id,
            m.platform_message_id,
            m.author_id,
            m.channel_id,
            reopening=reopening,
            reversed_decision_id=human.id if made and human is not None else None,
            undo=undo,
            note=checked,
        )
        with self._repo.transaction() as tx:
            done = tx.reopen(reopening, decisions)
            if done:
                tx.record([*events, reopened])
        if not done:
            raise Conflict(
                "the reports changed while you were working on them; reload",
                code="changed_concurrently",
            )
        return self._repo.reports_of(message_id)


def _reversal_note(note: str | None, undo: bool) -> str | None:
    """Checks the note of a reversal (required) or an undo (optional); returns it stripped."""
    stripped = (note or "").strip() or None
    if stripped is None and not undo:
        raise Invalid("a reversal needs a note saying why", code="note_required")
    if stripped is not None and len(stripped) > MAX_NOTE:
        raise Invalid(f"a note is at most {MAX_NOTE} characters", code="note_too_long")
    return stripped


def report_resolved_event(
    message_id: str,
    platform_message_id: str,
    author_id: str,
    channel_id: str,
    *,
    verdict: ReportVerdict,
    closure: ReportClosure,
    note: str | None,
) -> Event:
    """Builds the `report.resolved` event of a verdict that closes a message's open reports
    (from the Reported queue, or a review verdict on the same message)."""
    action = VERDICT_ACTION.get(verdict)
    return new_event(
        EventType.REPORT_RESOLVED,
        # A reopened report can be closed again: the closing moment keeps each closure's id
        # unique (and equal to the reports' resolved_at).
        id=f"report.resolved:{closure.report_ids[0]}:{_stamp(closure.at)}",
        subject=("message", message_id),
        actor=closure.actor,
        channel_id=channel_id,
        payload={
            "message_id": message_id,
            "platform_message_id": platform_message_id,
            "author_id": author_id,
            "verdict": verdict.value,
            "outcome": closure.status.value,
            "final_action": action.value if action else None,
            "report_ids": list(closure.report_ids),
            "reporter_ids": list(closure.reporter_ids),
            "note": (note or "").strip() or None,
        },
        at=closure.at,
    )


def report_reopened_event(
    message_id: str,
    platform_message_id: str,
    author_id: str,
    channel_id: str,
    *,
    reopening: ReportReopening,
    reversed_decision_id: str | None,
    undo: bool,
    appeal_id: str | None = None,
    note: str | None = None,
) -> Event:
    """Builds the `report.reopened` event of a verdict taken back (a review reversal or undo,
    a Reported-tab reversal or undo, an upheld appeal): the reports it closed are open again
    and back in the Reported queue. `appeal_id` and `note` are in the payload when given."""
    optional = {"appeal_id": appeal_id, "note": note}
    return new_event(
        EventType.REPORT_REOPENED,
        id=f"report.reopened:{reopening.report_ids[0]}:{_stamp(reopening.at)}",
        subject=("message", message_id),
        actor=reopening.actor,
        channel_id=channel_id,
        payload={
            "message_id": message_id,
            "platform_message_id": platform_message_id,
            "author_id": author_id,
            "report_ids": list(reopening.report_ids),
            "reporter_ids": list(reopening.reporter_ids),
            "previous_outcomes": [s.value for s in reopening.statuses],
            "closed_by": reopening.closed_by,
            "closed_at": reopening.closed_at.isoformat(),
            "reversed_decision_id": reversed_decision_id,
            "undo": undo,
            **{k: v for k, v in optional.items() if v is not None},
        },
        at=reopening.at,
    )


def _stamp(at: datetime) -> str:
    """A moment as event ids carry it (UTC, to the microsecond)."""
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
