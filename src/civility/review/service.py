"""The review service: queue, claims, verdicts, notes; used by the JSON API and the dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from civility.clock import Clock
from civility.enforcement.records import EnforcementRecord
from civility.enforcement.service import Consequences
from civility.errors import Conflict, DomainError, Forbidden, Invalid, NotFound
from civility.events.models import Event, EventType, new_event
from civility.ids import new_id
from civility.moderation.decisions import DecisionSource, decide_by_hand
from civility.policy.verdict import Action, Severity
from civility.review import priority
from civility.review.models import (
    FINAL_ACTION,
    AuthorStanding,
    Note,
    Resolution,
    ResolveRequest,
    ReviewItem,
    ReviewOrder,
    ReviewQuery,
    ReviewState,
    ReviewStatus,
    ReviewView,
    check_note,
    claim,
    reopen,
    require_senior,
    resolve,
)
from civility.review.ports import (
    Change,
    ChannelMessage,
    EnforcementActions,
    ReviewRepository,
)
from civility.review.priority import GroupBy, ItemGroup
from civility.user_reports.models import Report, ReportVerdict, closure_of, reopening_of
from civility.user_reports.service import report_reopened_event, report_resolved_event

# How a review verdict answers the message's user reports.
REPORT_VERDICT = {
    Resolution.APPROVE: ReportVerdict.DISMISS,
    Resolution.HIDE: ReportVerdict.HIDE,
    Resolution.REMOVE: ReportVerdict.REMOVE,
}
# How a Reported-tab verdict resolves the message's open review item (resolve_reported).
REPORTED_RESOLUTION = {
    ReportVerdict.DISMISS: Resolution.APPROVE,
    ReportVerdict.HIDE: Resolution.HIDE,
    ReportVerdict.REMOVE: Resolution.REMOVE,
}
DEFAULT_CLAIM_TTL = timedelta(minutes=10)
# How long after a verdict its author may take it back without a note (the dashboard's Undo).
DEFAULT_UNDO_WINDOW = timedelta(minutes=2)
MAX_BULK = 500
NOTE_SUBJECTS = ("message", "user")


@dataclass(frozen=True, slots=True)
class ItemDetail:
    """An item with its notes, its author's standing and its neighbours in the channel."""

    item: ReviewItem
    notes: list[Note]
    author: AuthorStanding
    author_notes: list[Note]
    neighbours: list[ChannelMessage]


@dataclass(frozen=True, slots=True)
class AuthorProfile:
    """What the dashboard shows about an author."""

    standing: AuthorStanding
    counts: dict[str, int]
    notes: list[Note]
    items: list[ReviewItem]


@dataclass(slots=True)
class BulkResult:
    """Which items a bulk verdict resolved and why the others were skipped."""

    resolved: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def cursor_of(item: ReviewItem, order: ReviewOrder) -> tuple[Any, ...]:
    """Returns the sort key of an item, which the next page starts after."""
    if order is ReviewOrder.PRIORITY:
        # The stored key is what the order pages by; the computed one is the same number.
        key = item.priority_key
        if key is None:
            points = priority.base_points(item.reasons, item.severity, item.report_weight)
            key = priority.sort_key(points, item.decided_at)
        return (key, item.message_id)
    if order is ReviewOrder.SCORE:
        return (item.top_score, item.message_id)
    if order is ReviewOrder.AGE:
        return (item.decided_at.isoformat(), item.message_id)
    return (item.channel_id, item.decided_at.isoformat(), item.message_id)


class ReviewService:
    """Moderators' side of moderation; every transition is one transaction with its events."""

    def __init__(
        self,
        repo: ReviewRepository,
        enforcement: EnforcementActions,
        clock: Clock,
        *,
        claim_ttl: timedelta = DEFAULT_CLAIM_TTL,
        undo_window: timedelta = DEFAULT_UNDO_WINDOW,
    ) -> None:
        self._repo = repo
        self._enforcement = enforcement
        self._clock = clock
        self._claim_ttl = claim_ttl
        self._undo_window = undo_window

    @property
    def undo_window(self) -> timedelta:
        """Returns how long a moderator may undo their own verdict without a note."""
        return self._undo_window

    @property
    def enforcement(self) -> EnforcementActions:
        """Returns the enforcement actions in use."""
        return self._enforcement

    def list_items(self, query: ReviewQuery) -> tuple[list[ReviewItem], tuple[Any, ...] | None]:
        """Returns a page of items and the cursor of the next page (None at the end)."""
        items = self._repo.list_items(query, self._clock.now())
        more = len(items) == query.limit
        return items, cursor_of(items[-1], query.order) if more and items else None

    def count(self, query: ReviewQuery) -> int:
        """Counts the items matching a query's filters."""
        return self._repo.count(query, self._clock.now())

    def groups(self, query: ReviewQuery, by: GroupBy, limit: int = 50) -> list[ItemGroup]:
        """Returns the query's items folded by author or identical text (groups of two or more)."""
        return priority.fold(self._repo.groups(query, by, self._clock.now(), limit))

    def all_groups(self, query: ReviewQuery, by: GroupBy, limit: int = 50) -> list[ItemGroup]:
        """Returns the query's items grouped by author or text, single items included."""
        return self._repo.groups(query, by, self._clock.now(), limit)

    def get_many(self, message_ids: Sequence[str]) -> dict[str, ReviewItem]:
        """Returns the reviewable items among the given ids (unknown ones are left out)."""
        return self._repo.get_items(list(message_ids), self._clock.now())

    def texts(self, message_ids: Sequence[str]) -> dict[str, str]:
        """Returns the text of each given message (the audit log shows what was judged)."""
        return self._repo.texts(list(dict.fromkeys(message_ids)))

    def reason_codes(self, view: ReviewView) -> list[str]:
        """Returns the rule codes that decided the recent items of a list, for its rule filter."""
        return self._repo.reason_codes(view)

    def pending_counts(self) -> dict[str, int]:
        """Counts pending items per tab (a banned author's blocks count once per author)."""
        return self._repo.pending_counts(self._clock.now())

    def matching_ids(self, query: ReviewQuery) -> list[str]:
        """Returns the ids of the items a query matches, most urgent first, up to a bulk's size."""
        return self._repo.matching_ids(query, self._clock.now(), MAX_BULK)

    def get(self, message_id: str) -> ReviewItem:
        """Returns one item; raises NotFound when the message is not reviewable."""
        item = self._repo.get_items([message_id], self._clock.now()).get(message_id)
        if item is None:
            raise NotFound(f"no review item {message_id!r}", code="review_item_not_found")
        return item

    def detail(self, message_id: str, neighbours: int = 3) -> ItemDetail:
        """Returns an item with its notes, author standing and channel context."""
        item = self.get(message_id)
        return ItemDetail(
            item=item,
            notes=self._repo.notes("message", message_id),
            author=self._enforcement.standing(item.author_id, item.channel_id),
            author_notes=self._repo.notes("user", item.author_id),
            neighbours=self._repo.neighbours(item, neighbours),
        )

    def claim(self, message_id: str, actor: str, *, senior: bool = False) -> ReviewItem:
        """Claims an item for `actor` for the claim lease; re-claiming extends it.

        Escalated items are claimed by senior moderators only (`senior`).
        """
        item = self.get(message_id)
        require_senior(item.review, senior)
        now = self._clock.now()
        after = claim(item.review, actor, now, self._claim_ttl)
        event = self._event(EventType.REVIEW_CLAIMED, item, after, actor, now)
        event.payload["expires_at"] = after.claim_expires_at.isoformat()  # type: ignore[union-attr]
        self._save_one(Change(item.review, after, (event,)))
        return self.get(message_id)

    def resolve(
        self, message_id: str, actor: str, request: ResolveRequest, *, senior: bool = False
    ) -> ReviewItem:
        """Records a verdict and the strike or ban it asks for, in one transaction.

        An escalated item takes a senior moderator's verdict only (`senior`).
        """
        item = self.get(message_id)
        reports = self._repo.open_reports([message_id]).get(message_id, [])
        now = self._clock.now()
        change = self._resolution(item, actor, request, now, senior=senior, reports=reports)
        self._save_one(change)
        return self.get(message_id)

    def resolve_reported(
        self,
        message_id: str,
        actor: str,
        verdict: ReportVerdict,
        note: str | None,
        *,
        senior: bool = False,
    ) -> bool:
        """Gives a reported message's open review item the Reported tab's verdict: hide and
        remove resolve it so, dismiss approves a flagged item. The item, the message's new
        decision, its open reports and all their events commit in one transaction.

        Returns False, writing nothing, when the message has no open item (never reviewable,
        or already resolved) or the verdict is a dismissal of an automated hide or block:
        dismissing reports leaves the decision as it is, and approving would show the
        message again, so that item keeps waiting for its own verdict. Claims and
        escalations hold as for any verdict (`claimed_by_other`, `escalated_to_senior`).
        """
        now = self._clock.now()
        item = self._repo.get_items([message_id], now).get(message_id)
        if item is None or item.review.state is ReviewStatus.RESOLVED:
            return False
        if verdict is ReportVerdict.DISMISS and item.view is not ReviewView.FLAGGED:
            return False
        reports = self._repo.open_reports([message_id]).get(message_id, [])
        if not reports:
            raise Conflict("the message has no open reports", code="no_open_reports")
        request = ResolveRequest(REPORTED_RESOLUTION[verdict], note=note)
        change = self._resolution(item, actor, request, now, senior=senior, reports=reports)
        change.events[0].payload["from_reports"] = True
        self._save_one(change)
        return True

    def reverse(
        self, message_id: str, actor: str, note: str | None, *, undo: bool = False
    ) -> ReviewItem:
        """Takes back the newest decision on a resolved item: the message's decision returns to
        what it was before, and the item is pending again.

        A reversal needs a note and may be made by any reviewer; an undo (`undo=True`) is the
        verdict's own author taking it back within the undo window, note optional. A ban given
        with the verdict is lifted with it; its strike stays (reset strikes on the author's
        page if it should go too). The user reports the verdict closed are open again (back
        in the Reported queue, off their reporters' counts), with a `report.reopened` event.
        """
        item = self.get(message_id)
        self._save_one(self._reversal(item, actor, note, undo, self._clock.now()))
        return self.get(message_id)

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
        """Reverses (or undoes) the verdict that closed a message's reports at `closed_at` by
        `closed_by` when it was the verdict of the message's review item too (resolved then,
        by them, with that decision): as `reverse`, which reopens the reports. False, writing
        nothing, when the item's verdict was another one (the reports' service reverses it)."""
        now = self._clock.now()
        item = self._repo.get_items([message_id], now).get(message_id)
        if item is None or item.review.state is not ReviewStatus.RESOLVED:
            return False
        review, human = item.review, item.human
        if (review.resolved_by, review.resolved_at) != (closed_by, closed_at):
            return False
        if human is None or (human.actor, human.created_at) != (closed_by, closed_at):
            return False
        self._save_one(self._reversal(item, actor, note, undo, now))
        return True

    def bulk_resolve(
        self,
        message_ids: Sequence[str],
        actor: str,
        request: ResolveRequest,
        *,
        senior: bool = False,
    ) -> BulkResult:
        """Resolves many items in one transaction; items that cannot be resolved are reported
        (escalated ones as `escalated_to_senior` unless `senior`)."""
        ids = list(dict.fromkeys(message_ids))
        if not ids or len(ids) > MAX_BULK:
            raise Invalid(f"give 1 to {MAX_BULK} item ids", code="invalid_bulk")
        now = self._clock.now()
        items = self._repo.get_items(ids, now)
        reported = self._repo.open_reports(list(items))
        result = BulkResult()
        changes: list[Change] = []
        # Strikes of one author across the batch climb the ladder as if stored one by one.
        added: dict[str, list[EnforcementRecord]] = {}
        for message_id in ids:
            if message_id not in items:
                result.failed[message_id] = "review_item_not_found"
                continue
            item = items[message_id]
            earlier = added.setdefault(item.author_id, [])
            try:
                reports = reported.get(message_id, [])
                change = self._resolution(
                    item, actor, request, now, earlier, senior=senior, reports=reports
                )
            except DomainError as exc:
                result.failed[message_id] = exc.code
                continue
            changes.append(change)
            earlier.extend(change.enforcement)
        saved = self._save(changes) if changes else set()
        for change in changes:
            if change.after.message_id in saved:
                result.resolved.append(change.after.message_id)
            else:
                result.failed[change.after.message_id] = "changed_concurrently"
        return result

    def add_note(self, subject_type: str, subject_id: str, actor: str, text: str) -> Note:
        """Adds a note to an item (`message`) or an author (`user`)."""
        if subject_type not in NOTE_SUBJECTS:
            raise Invalid("notes are on `message` or `user`", code="invalid_note_subject")
        channel_id = None
        if subject_type == "message":
            channel_id = self.get(subject_id).channel_id
        note = self._note(subject_type, subject_id, actor, check_note(text))
        kind = EventType.USER_NOTE_ADDED
        if subject_type == "message":
            kind = EventType.REVIEW_NOTE_ADDED
        event = new_event(
            kind,
            id=f"note:{note.id}",
            subject=(subject_type, subject_id),
            actor=actor,
            channel_id=channel_id,
            payload={"note_id": note.id, "text": note.text},
            at=note.created_at,
        )
        with self._repo.transaction() as tx:
            tx.add_note(note)
            tx.record([event])
        return note

    def notes(self, subject_type: str, subject_id: str) -> list[Note]:
        """Returns the notes of an item or an author, newest first."""
        return self._repo.notes(subject_type, subject_id)

    def author(self, author_id: str, limit: int = 20) -> AuthorProfile:
        """Returns an author's standing, decision counts, notes and reviewable messages."""
        from civility.review.models import ReviewView

        items: list[ReviewItem] = []
        for view in ReviewView:
            query = ReviewQuery(
                view=view, status=None, author_id=author_id, order=ReviewOrder.AGE, limit=limit
            )
            items.extend(self._repo.list_items(query, self._clock.now()))
        items.sort(key=lambda i: i.decided_at, reverse=True)
        return AuthorProfile(
            standing=self._enforcement.standing(author_id),
            counts=self._repo.author_counts(author_id),
            notes=self._repo.notes("user", author_id),
            items=items[:limit],
        )

    def _resolution(
        self,
        item: ReviewItem,
        actor: str,
        request: ResolveRequest,
        now: datetime,
        earlier: Sequence[EnforcementRecord] = (),
        *,
        senior: bool = False,
        reports: Sequence[Report] = (),
    ) -> Change:
        if request.resolution is not Resolution.ESCALATE:  # escalating twice is a Conflict
            require_senior(item.review, senior)
        # First, as before the state checks: a bad ban (enforcement.engine.manual_ban says
        # which) is refused before anything else.
        enforced = self._consequences(item, actor, request, earlier)
        after = resolve(item.review, actor, request.resolution, now)
        escalated = request.resolution is Resolution.ESCALATE
        kind = EventType.REVIEW_ESCALATED if escalated else EventType.REVIEW_RESOLVED
        event = self._event(kind, item, after, actor, now)
        event.payload.update(_verdict_payload(item, request))
        notes: tuple[Note, ...] = ()
        if request.note:
            notes = (self._note("message", item.message_id, actor, check_note(request.note)),)
        final = FINAL_ACTION.get(request.resolution)
        if final is None:
            return Change(item.review, after, (event, *enforced.events), notes, enforced.records)
        # The verdict is the message's decision now: platforms hear it as a message.* event.
        decision, decided = decide_by_hand(
            item.target, final, actor=actor, source=DecisionSource.REVIEW, at=now
        )
        event.payload["human_decision_id"] = decision.id
        events = (event, decided, *enforced.events)
        # The verdict answers the message's reporters too: upheld unless it was approved.
        upheld = final is not Action.ALLOW
        closure = closure_of(reports, upheld=upheld, actor=actor, at=now)
        if closure is not None:
            resolved = report_resolved_event(
                item.message_id,
                item.platform_message_id,
                item.author_id,
                item.channel_id,
                verdict=REPORT_VERDICT[request.resolution],
                closure=closure,
                note=request.note,
            )
            events = (*events, resolved)
        return Change(item.review, after, events, notes, enforced.records, (decision,), closure)

    def _reversal(
        self, item: ReviewItem, actor: str, note: str | None, undo: bool, now: datetime
    ) -> Change:
        after = reopen(item.review, now)
        latest = item.human
        if latest is None:
            raise Conflict("no decision on this item to reverse", code="nothing_to_reverse")
        if undo:
            if latest.actor != actor or latest.source is not DecisionSource.REVIEW:
                raise Forbidden(
                    "only the moderator who gave the verdict can undo it; reverse it with a note",
                    code="undo_not_yours",
                )
            if now - latest.created_at > self._undo_window:
                raise Conflict("too late to undo; reverse it with a note", code="undo_expired")
        elif note is None or not note.strip():
            raise Invalid("a reversal needs a note saying why", code="note_required")
        checked = check_note(note) if note is not None and note.strip() else None
        source = DecisionSource.UNDO if undo else DecisionSource.REVERSAL
        decision, decided = decide_by_hand(
            item.target,
            latest.previous_action,
            actor=actor,
            source=source,
            at=now,
            reverses=latest.id,
        )
        event = self._event(EventType.REVIEW_REVERSED, item, after, actor, now)
        event.payload.update(
            {
                "undo": undo,
                "note": checked,
                "reversed": {
                    "decision_id": latest.id,
                    "decision": latest.action.value,
                    "decided_by": latest.actor,
                    "source": latest.source.value,
                    "resolution": item.review.resolution.value if item.review.resolution else None,
                },
                "final_action": latest.previous_action.value,
                "human_decision_id": decision.id,
            }
        )
        # The ban the verdict gave goes with it (its strike stays: strikes are not taken back).
        resolution = item.review.resolution
        lifted = self._enforcement.plan_lift_bans(
            item.author_id,
            _verdict_reason(item.message_id, resolution) if resolution else "",
            now,
            actor=actor,
            reason=f"{source.value} of the verdict on {item.message_id}",
        )
        event.payload["lifted_bans"] = [{"channel_id": r.channel_id} for r in lifted.records]
        notes: tuple[Note, ...] = ()
        if checked is not None:
            notes = (self._note("message", item.message_id, actor, checked),)
        events: tuple[Event, ...] = (event, decided, *lifted.events)
        # The reports the verdict closed wait for a verdict again, as the item does.
        closed = self._repo.closed_reports(item.message_id, latest.actor, latest.created_at)
        reopened = reopening_of(
            closed, closed_by=latest.actor, closed_at=latest.created_at, actor=actor, at=now
        )
        event.payload["reopened_reports"] = list(reopened.report_ids) if reopened else []
        if reopened is not None:
            reopened_event = report_reopened_event(
                item.message_id,
                item.platform_message_id,
                item.author_id,
                item.channel_id,
                reopening=reopened,
                reversed_decision_id=latest.id,
                undo=undo,
            )
            events = (*events, reopened_event)
        return Change(
            item.review, after, events, notes, lifted.records, (decision,), reopened=reopened
        )

    def _consequences(
        self,
        item: ReviewItem,
        actor: str,
        request: ResolveRequest,
        earlier: Sequence[EnforcementRecord],
    ) -> Consequences:
        """The strike and ban a verdict asks for, stored with it: the version check that stops
        two moderators from both acting on one item then stops a second strike or ban too."""
        reason = _verdict_reason(item.message_id, request.resolution)
        records: list[EnforcementRecord] = []
        events: list[Event] = []
        if request.strike:
            severity = item.severity if item.severity is not Severity.NONE else Severity.MEDIUM
            strike = self._enforcement.plan_strike(
                item.author_id,
                item.channel_id,
                severity,
                actor=actor,
                reason=reason,
                message_id=item.message_id,
                earlier=earlier,
            )
            records.extend(strike.records)
            events.extend(strike.events)
        if request.ban is not None:
            ban = self._enforcement.plan_ban(
                item.author_id,
                request.ban.channel_id,
                request.ban.duration,
                actor=actor,
                reason=reason,
            )
            records.extend(ban.records)
            events.extend(ban.events)
        return Consequences(tuple(records), tuple(events))

    def _save(self, changes: Sequence[Change]) -> set[str]:
        """Saves the changes still current, each with its events, in one transaction; returns
        the ids of the saved ones (the others changed underneath and wrote nothing)."""
        saved: set[str] = set()
        with self._repo.transaction() as tx:
            for change in changes:
                if tx.save(change):
                    tx.record(change.events)
                    saved.add(change.after.message_id)
        return saved

    def _save_one(self, change: Change) -> None:
        if not self._save([change]):
            raise Conflict(
                "the item changed while you were working on it; reload it",
                code="changed_concurrently",
            )

    def _note(self, subject_type: str, subject_id: str, actor: str, text: str) -> Note:
        return Note(new_id("note"), subject_type, subject_id, actor, text, self._clock.now())

    def _event(
        self, kind: EventType, item: ReviewItem, after: ReviewState, actor: str, now: datetime
    ) -> Event:
        return new_event(
            kind,
            id=f"{kind.value}:{item.message_id}:{after.version + 1}",
            subject=("message", item.message_id),
            actor=actor,
            channel_id=item.channel_id,
            payload={
                "message_id": item.message_id,
                "decision_id": item.decision_id,
                "author_id": item.author_id,
                "original_action": item.action.value,
            },
            at=now,
        )


def _verdict_reason(message_id: str, resolution: Resolution) -> str:
    """The reason a verdict's strike and ban record: also how a reversal finds its ban."""
    return f"review of {message_id}: {resolution.value}"


def _verdict_payload(item: ReviewItem, request: ResolveRequest) -> dict[str, Any]:
    payload: dict[str, Any] = {"resolution": request.resolution.value, "note": request.note}
    final = FINAL_ACTION.get(request.resolution)
    if final is not None:
        payload["final_action"] = final.value
        # Approving an automated hide or block reverses it: platforms should show the message.
        payload["reverses_automated"] = final.rank < item.action.rank
    payload["strike"] = request.strike
    if request.ban is not None:
        duration = request.ban.duration
        payload["ban"] = {
            "channel_id": request.ban.channel_id,
            "duration_seconds": None if duration is None else int(duration.total_seconds()),
        }
    return payload
