"""The appeal service: authors appeal decisions and bans; another moderator decides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from civility.appeals.models import (
    Appeal,
    AppealKind,
    AppealOutcome,
    AppealQuery,
    AppealStatus,
    ban_key,
    check_statement,
    decide,
    decision_key,
    is_own,
)
from civility.appeals.ports import AppealRepository, EnforcementRecords
from civility.clock import Clock
from civility.enforcement.engine import live_bans, manual_unban
from civility.enforcement.events import record_event
from civility.enforcement.records import BanIssued, BanLifted, EnforcementRecord, StrikeAdded
from civility.errors import Conflict, Invalid, NotFound
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.moderation.decisions import DecisionSource, HumanDecision, decide_by_hand
from civility.moderation.lookup import MessageLookup, MessageRef, find_message
from civility.moderation.records import MessageView
from civility.policy.verdict import Action
from civility.user_reports.models import ReportReopening, reopening_of
from civility.user_reports.service import report_reopened_event

# Decisions an author can appeal: the ones that keep the message from readers.
APPEALABLE = frozenset({Action.HIDE, Action.BLOCK})
_EVENT = {
    AppealStatus.UPHELD: EventType.APPEAL_UPHELD,
    AppealStatus.DENIED: EventType.APPEAL_DENIED,
}


@dataclass(frozen=True, slots=True)
class NewAppeal:
    """An author's appeal as the platform forwards it.

    A decision appeal names the message; a ban appeal names the ban's scope (`channel_id`,
    None for a ban in every channel).
    """

    kind: AppealKind
    author_id: str
    statement: str
    message: MessageRef | None = None
    channel_id: str | None = None


@dataclass(frozen=True, slots=True)
class Submitted:
    """The stored appeal; `duplicate` when the same appeal was already open."""

    appeal: Appeal
    duplicate: bool


class AppealService:
    """Appeals of decisions and bans, decided by someone other than the original decider."""

    def __init__(
        self,
        repo: AppealRepository,
        messages: MessageLookup,
        records: EnforcementRecords,
        clock: Clock,
        *,
        people: Callable[[str], str] = str,
    ) -> None:
        self._repo = repo
        self._messages = messages
        self._records = records
        self._clock = clock
        # Who an actor is: an API key created for a dashboard user is that user.
        self._people = people

    def is_own(self, appeal: Appeal, actor: str) -> bool:
        """Tells whether `actor` made the decision or ban an appeal is about (as a person)."""
        return is_own(appeal, actor, self._people)

    def submit(self, new: NewAppeal) -> Submitted:
        """Records an appeal; re-sending an open one returns it, a decided one is a Conflict."""
        statement = check_statement(new.statement)
        if not new.author_id.strip():
            raise Invalid("author_id must not be empty", code="missing_author_id")
        now = self._clock.now()
        appeal: Appeal | Submitted
        if new.kind is AppealKind.DECISION:
            appeal = self._decision_appeal(new, statement, now)
        else:
            appeal = self._ban_appeal(new, statement, now)
        if isinstance(appeal, Submitted):
            return appeal
        with self._repo.transaction() as tx:
            added = tx.add(appeal)
            if added:
                tx.record([self._event(EventType.APPEAL_SUBMITTED, appeal, now)])
        if added:
            return Submitted(appeal, duplicate=False)
        # Someone sent the same appeal at the same moment and won the insert.
        stored = self._repo.by_subject(appeal.subject_key)
        assert stored is not None  # the insert lost to it
        return self._repeat(stored, appeal.author_id)

    def _repeat(self, existing: Appeal, author_id: str) -> Submitted:
        """An appeal of a subject already appealed: the open one again, else a Conflict."""
        if existing.is_open and existing.author_id == author_id:
            return Submitted(existing, duplicate=True)
        raise Conflict(
            f"this {existing.kind.value} was already appealed ({existing.id}, "
            f"{existing.status.value})",
            code="already_appealed",
        )

    def get(self, appeal_id: str) -> Appeal:
        """Returns one appeal; raises NotFound."""
        appeal = self._repo.get(appeal_id)
        if appeal is None:
            raise NotFound(f"no appeal {appeal_id!r}", code="appeal_not_found")
        return appeal

    def list_appeals(self, query: AppealQuery) -> list[Appeal]:
        """Returns appeals matching the query, newest first."""
        return self._repo.list_appeals(query)

    def decide(
        self,
        appeal_id: str,
        actor: str,
        outcome: AppealOutcome,
        *,
        senior: bool = False,
        note: str | None = None,
    ) -> Appeal:
        """Upholds or denies an appeal; upholding lifts the ban and reverses the decision.

        The appeal, the message's new current decision (`allow`, a `message.restored` event),
        the bans it lifts, the user reports the reversed decision had closed (open again, off
        their reporters' counts, a `report.reopened` event: as a review reversal does) and the
        events commit in one transaction; the appeal's version check (and the human
        decision's) stops a second decider.
        """
        before = self.get(appeal_id)
        now = self._clock.now()
        after = decide(before, actor, outcome, now, senior=senior, note=note, person=self._people)
        lifted: list[EnforcementRecord] = []
        reversal: list[HumanDecision] = []
        extra: list[Event] = []
        reopened: ReportReopening | None = None
        if after.status is AppealStatus.UPHELD:
            lifted = self._lifts(after, actor, now)
            view = self._view(after)
            restored = self._restore(view, after, actor, now)
            if restored is not None and view is not None:
                reversal.append(restored[0])
                extra.append(restored[1])
                reports = self._reopen(view, after, actor, now)
                if reports is not None:
                    reopened = reports[0]
                    extra.append(reports[1])
        event = self._event(_EVENT[after.status], after, now)
        event.payload["lifted_bans"] = [
            {"channel_id": r.channel_id} for r in lifted if isinstance(r, BanLifted)
        ]
        if after.status is AppealStatus.UPHELD:
            event.payload["reopened_reports"] = list(reopened.report_ids) if reopened else []
        events = [event, *extra, *(record_event(r) for r in lifted)]
        with self._repo.transaction() as tx:
            saved = tx.save_decision(before, after, lifted, reversal, reopened)
            if saved:
                tx.record(events)
        if not saved:
            raise Conflict(
                "the appeal changed while you were working on it; reload it",
                code="changed_concurrently",
            )
        return after

    def _view(self, appeal: Appeal) -> MessageView | None:
        """The appealed message (None for a ban appeal)."""
        if appeal.message_id is None:
            return None
        return find_message(self._messages, MessageRef(id=appeal.message_id))

    def _restore(
        self, view: MessageView | None, appeal: Appeal, actor: str, now: datetime
    ) -> tuple[HumanDecision, Event] | None:
        """The human decision that shows the appealed message again (None: already shown)."""
        if view is None:
            return None
        target = view.target
        if target is None or target.current.action is Action.ALLOW:
            return None
        return decide_by_hand(
            target,
            Action.ALLOW,
            actor=actor,
            source=DecisionSource.APPEAL,
            at=now,
            extra={"appeal_id": appeal.id},
        )

    def _reopen(
        self, view: MessageView, appeal: Appeal, actor: str, now: datetime
    ) -> tuple[ReportReopening, Event] | None:
        """The user reports the reversed decision closed, opened again (None: it closed none).

        As a review reversal: exactly the reports that decision's verdict closed (same actor,
        same moment); the reporters it credited (upheld) or counted against are no longer.
        """
        current = view.current
        if current is None or current.source is DecisionSource.AUTOMATED:
            return None  # an automated decision closes no reports
        closed = self._repo.closed_reports(view.message.id, current.decided_by, current.decided_at)
        reopening = reopening_of(
            closed,
            closed_by=current.decided_by,
            closed_at=current.decided_at,
            actor=actor,
            at=now,
        )
        if reopening is None:
            return None
        m = view.message
        event = report_reopened_event(
            m.id,
            m.platform_message_id,
            m.author_id,
            m.channel_id,
            reopening=reopening,
            reversed_decision_id=current.decision_id,
            undo=False,
            appeal_id=appeal.id,
        )
        return reopening, event

    def _decision_appeal(self, new: NewAppeal, statement: str, now: datetime) -> Appeal | Submitted:
        if new.message is None:
            raise Invalid("a decision appeal names the message", code="invalid_message_ref")
        view = find_message(self._messages, new.message)
        message = view.message
        if message.author_id != new.author_id:
            raise Invalid("only the message's author can appeal it", code="not_the_author")
        existing = self._repo.by_subject(decision_key(message.id))
        if existing is not None:
            return self._repeat(existing, new.author_id)
        current = view.current
        if current is None or current.action not in APPEALABLE:
            shown = "undecided" if current is None else current.action.value
            raise Conflict(
                f"the message is {shown}: only hidden or removed messages can be appealed",
                code="nothing_to_appeal",
            )
        return Appeal(
            id=new_id("apl"),
            kind=AppealKind.DECISION,
            subject_key=decision_key(message.id),
            author_id=message.author_id,
            channel_id=message.channel_id,
            message_id=message.id,
            statement=statement,
            original_action=current.action.value,
            original_actor=current.decided_by,
            created_at=now,
        )

    def _ban_appeal(self, new: NewAppeal, statement: str, now: datetime) -> Appeal | Submitted:
        if new.message is not None:
            raise Invalid("a ban appeal names a channel, not a message", code="invalid_ban_ref")
        records = self._records.records_for(new.author_id)
        bans = [
            b for b in live_bans(records, new.channel_id, now) if b.channel_id == new.channel_id
        ]
        if not bans:
            scope = "everywhere" if new.channel_id is None else f"in channel {new.channel_id}"
            raise Conflict(f"{new.author_id} is not banned {scope}", code="not_banned")
        ban = max(bans, key=lambda b: b.at)
        key = ban_key(new.author_id, new.channel_id, ban.at)
        existing = self._repo.by_subject(key)
        if existing is not None:
            return self._repeat(existing, new.author_id)
        return Appeal(
            id=new_id("apl"),
            kind=AppealKind.BAN,
            subject_key=key,
            author_id=new.author_id,
            channel_id=new.channel_id,
            message_id=None,
            statement=statement,
            original_action="ban",
            original_actor=ban.actor,
            created_at=now,
        )

    def _lifts(self, appeal: Appeal, actor: str, now: datetime) -> list[EnforcementRecord]:
        """The unbans an upheld appeal stores: the ban appealed, or the bans the message caused."""
        records = list(self._records.records_for(appeal.author_id))
        if appeal.kind is AppealKind.BAN:
            scopes: set[str | None] = {appeal.channel_id}
        else:
            scopes = {b.channel_id for b in _bans_of_message(records, appeal, now)}
        reason = f"appeal {appeal.id} upheld"
        lifted: list[EnforcementRecord] = []
        for scope in sorted(scopes, key=lambda s: s or ""):
            try:
                lifted.append(manual_unban(records, appeal.author_id, scope, now, actor, reason))
            except Conflict:  # expired or lifted meanwhile: nothing left to lift
                continue
        return lifted

    def _event(self, kind: EventType, appeal: Appeal, now: datetime) -> Event:
        return new_event(
            kind,
            id=f"{kind.value}:{appeal.id}",
            subject=("appeal", appeal.id),
            actor=appeal.decided_by or f"author:{appeal.author_id}",
            channel_id=appeal.channel_id,
            payload=appeal_payload(appeal),
            at=now,
        )


def appeal_payload(appeal: Appeal) -> dict[str, Any]:
    """Returns an appeal's fields as events and webhooks carry them (not the statement)."""
    upheld = appeal.status is AppealStatus.UPHELD
    return {
        "appeal_id": appeal.id,
        "kind": appeal.kind.value,
        "author_id": appeal.author_id,
        "channel_id": appeal.channel_id,
        "message_id": appeal.message_id,
        "status": appeal.status.value,
        "original_action": appeal.original_action,
        "original_actor": appeal.original_actor,
        "decided_by": appeal.decided_by,
        "note": appeal.decision_note,
        # An upheld decision appeal makes the message visible again: platforms show it.
        "final_action": Action.ALLOW.value if upheld and appeal.message_id else None,
    }


def _bans_of_message(
    records: Sequence[EnforcementRecord], appeal: Appeal, now: datetime
) -> list[BanIssued]:
    """Bans in force that the appealed message caused: a moderator's ban with its verdict
    (the reason names the message) or the strike ladder's ban at the message's strike."""
    message_id = appeal.message_id
    if not message_id:
        return []
    strike_times = {
        r.at for r in records if isinstance(r, StrikeAdded) and r.message_id == message_id
    }
    channels = {r.channel_id for r in records if isinstance(r, BanIssued)}
    found: dict[tuple[str | None, datetime], BanIssued] = {}
    for channel in channels:
        for ban in live_bans(records, channel, now):
            if message_id in ban.reason or (ban.actor == "system" and ban.at in strike_times):
                found[(ban.channel_id, ban.at)] = ban
    return list(found.values())
