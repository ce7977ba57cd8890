"""SQL side of review and the dashboard: queue items, notes, enforcement, users, stats."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    String,
    and_,
    case,
    cast,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)

from civility.errors import Invalid
from civility.events.models import Event, EventType
from civility.ocr.models import ImageText
from civility.policy.decide import BANNED_CODE
from civility.policy.verdict import Action, Reason, Severity
from civility.review.models import (
    VIEW_ACTIONS,
    Note,
    Resolution,
    ReviewItem,
    ReviewOrder,
    ReviewQuery,
    ReviewState,
    ReviewStatus,
    ReviewView,
)
from civility.review.ports import Change, ChannelMessage
from civility.review.priority import GroupBy, ItemGroup
from civility.scoring.base import CATEGORIES
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.decisions import (
    LATEST_COLUMNS,
    insert_human_decisions,
    latest_condition,
    latest_from,
    latest_human,
)
from civility.storage.enforcement_rows import insert_records
from civility.storage.repositories import (
    as_utc,
    event_from_row,
    translate_errors,
)
from civility.storage.tables_review import review_items, review_notes
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.storage.user_reports import (
    close_open_reports,
    closed_reports_of,
    open_report_weight,
    open_reports_of,
    reopen_reports,
)
from civility.user_reports.models import Report

_d, _m, _s, _r = t.decisions.c, t.messages.c, t.message_scores.c, review_items.c


class _Stale(Exception):
    """Rolls a change's savepoint back: reports it meant to close or reopen had changed."""


def top_score_expr(dialect: str) -> ColumnElement[Any]:
    """Returns the highest of the six category scores (0 for unscored messages)."""
    cols = [func.coalesce(_s[c], 0.0) for c in CATEGORIES]
    # SQLite's multi-argument max() is its scalar form; PostgreSQL spells it greatest().
    return func.greatest(*cols) if dialect == "postgresql" else func.max(*cols)


def _utc(value: datetime) -> datetime:
    result = as_utc(value)
    assert result is not None
    return result


def _no_live_claim(now: datetime) -> ColumnElement[bool]:
    return or_(_r.claimed_by.is_(None), _r.claim_expires_at <= now)


def _status_condition(
    status: ReviewStatus, now: datetime, rows_first: bool = False
) -> ColumnElement[bool]:
    """Translates an effective status (claims expire by the clock) into SQL.

    Every reviewable decision has its row (migration 0017), so a missing row never matches in
    fact; the decisions-first statements still say "no row or pending" because SQLite, without
    statistics, would otherwise walk the review rows' state index, every pending item of both
    tabs, instead of the decisions' action index. `rows_first` (the priority order) wants the
    review rows' (state, priority_key) index.
    """
    if status is ReviewStatus.PENDING:
        pending = and_(_r.state == "pending", _no_live_claim(now))
        return pending if rows_first else or_(_r.message_id.is_(None), pending)
    if status is ReviewStatus.ESCALATED:
        return and_(_r.state == "escalated", _no_live_claim(now))
    if status is ReviewStatus.CLAIMED:
        return and_(
            _r.state.in_(("pending", "escalated")),
            _r.claimed_by.is_not(None),
            _r.claim_expires_at > now,
        )
    return _r.state == "resolved"


def _json_contains(key: str, value: str) -> ColumnElement[bool]:
    # Reasons are stored as JSON text, so a substring test finds `"key": "value"` without
    # dialect-specific JSON operators; both separator styles of JSON encoders are accepted.
    text = cast(_d.reasons, String)
    k, v = json.dumps(key), json.dumps(value)
    return or_(
        text.contains(f"{k}:{v}", autoescape=True), text.contains(f"{k}: {v}", autoescape=True)
    )


def _sort_keys(
    order: ReviewOrder, score: ColumnElement[Any], urgency: ColumnElement[Any]
) -> list[tuple[Any, bool]]:
    """Returns (column, descending) pairs; the message id makes every key unique."""
    if order is ReviewOrder.PRIORITY:
        # The review row's own columns, so the (state, priority_key) index gives the order.
        return [(urgency, True), (_r.message_id, False)]
    if order is ReviewOrder.SCORE:
        return [(score, True), (_d.message_id, False)]
    if order is ReviewOrder.AGE:
        return [(_d.created_at, False), (_d.message_id, False)]
    return [(_m.channel_id, False), (_d.created_at, False), (_d.message_id, False)]


def _cursor_values(order: ReviewOrder, cursor: tuple[Any, ...]) -> list[Any]:
    """Checks a decoded cursor against the order it claims to continue."""
    try:
        if order is ReviewOrder.PRIORITY:
            key, mid = cursor
            if not isinstance(key, int):
                raise TypeError("a priority key is a whole number")
            return [key, str(mid)]
        if order is ReviewOrder.SCORE:
            score, mid = cursor
            return [float(score), str(mid)]
        if order is ReviewOrder.AGE:
            at, mid = cursor
            return [datetime.fromisoformat(at), str(mid)]
        channel, at, mid = cursor
        return [str(channel), datetime.fromisoformat(at), str(mid)]
    except (TypeError, ValueError) as exc:
        raise Invalid("cursor does not match the order", code="bad_cursor") from exc


def _after(keys: list[tuple[Any, bool]], values: list[Any]) -> ColumnElement[bool]:
    """Keyset condition: rows strictly after `values` in the order of `keys`."""
    clauses = []
    for i, (col, desc) in enumerate(keys):
        equal = [k[0] == v for k, v in zip(keys[:i], values[:i], strict=True)]
        clauses.append(and_(*equal, col < values[i] if desc else col > values[i]))
    return or_(*clauses)


def _state_from(m: Any) -> ReviewState:
    # Version 0: the row the decision made, which holds no human transition yet.
    if m["r_message_id"] is None or m["r_version"] == 0:
        return ReviewState(message_id=m["id"])
    return ReviewState(
        message_id=m["id"],
        state=ReviewStatus(m["r_state"]),
        claimed_by=m["claimed_by"],
        claim_expires_at=as_utc(m["claim_expires_at"]),
        resolution=Resolution(m["resolution"]) if m["resolution"] else None,
        resolved_by=m["resolved_by"],
        resolved_at=as_utc(m["resolved_at"]),
        updated_at=as_utc(m["r_updated_at"]),
        version=m["r_version"],
    )


def _item_from(row: Row[Any], now: datetime) -> ReviewItem:
    m = row._mapping
    scores = None
    if m[f"s_{CATEGORIES[0]}"] is not None:
        scores = {c: float(m[f"s_{c}"]) for c in CATEGORIES}
    state = _state_from(m)
    return ReviewItem(
        message_id=m["id"],
        decision_id=m["d_id"],
        platform_message_id=m["platform_message_id"],
        author_id=m["author_id"],
        channel_id=m["channel_id"],
        text=m["text"],
        action=Action(m["action"]),
        severity=Severity(m["severity"]),
        reasons=tuple(Reason.from_dict(r) for r in m["reasons"]),
        scores=scores,
        policy_version=m["policy_version"],
        received_at=_utc(m["received_at"]),
        decided_at=_utc(m["d_created_at"]),
        review=state,
        status=state.status(now),
        language=m["language"] or m["s_language"],
        human=latest_from(m, m["id"]),
        report_weight=int(m["report_milli"]) / 1000,
        image=ImageText.from_dict(m["image"]) if m["image"] else None,
        priority_key=m["priority_key"],
    )


def _state_row(state: ReviewState, version: int) -> dict[str, Any]:
    return {
        "state": state.state.value,
        "claimed_by": state.claimed_by,
        "claim_expires_at": state.claim_expires_at,
        "resolution": state.resolution.value if state.resolution else None,
        "resolved_by": state.resolved_by,
        "resolved_at": state.resolved_at,
        "updated_at": state.updated_at,
        "version": version,
    }


def _note_row(n: Note) -> dict[str, Any]:
    return {
        "id": n.id,
        "subject_type": n.subject_type,
        "subject_id": n.subject_id,
        "author": n.author,
        "text": n.text,
        "created_at": n.created_at,
    }


class SqlReviewTransaction(SqlTransaction):
    """Review writes in one transaction: verdicts with their strikes, bans, decisions, closed
    or reopened reports and notes; the events the service records are written last."""

    def save(self, change: Change) -> bool:
        """Writes a change if its `before` is current; False (nothing of it written) if not."""
        if change.reports is None and change.reopened is None:
            return _store_one(self.conn, change)
        # Reports a concurrent verdict closed (or reopened) first make the change stale: its
        # savepoint takes back what it wrote, and a bulk verdict goes on with the others.
        try:
            with self.conn.begin_nested():
                if not _store_one(self.conn, change):
                    raise _Stale
        except _Stale:
            return False
        return True

    def add_note(self, note: Note) -> None:
        """Stores a note."""
        self.conn.execute(insert(review_notes), [_note_row(note)])


def _store_one(conn: Connection, change: Change) -> bool:
    """Writes one change; False (nothing written, or a _Stale raised) when it is stale."""
    if not _store_state(conn, change.before, change.after):
        return False
    if change.reports is not None:
        r = change.reports
        closed = close_open_reports(conn, r.report_ids, r.status, r.actor, r.at)
        if closed != len(r.report_ids):
            raise _Stale
    again = change.reopened
    if again is not None and reopen_reports(conn, again) != len(again.report_ids):
        raise _Stale
    insert_human_decisions(conn, change.decisions)
    insert_records(conn, change.enforcement)
    if change.notes:
        conn.execute(insert(review_notes), [_note_row(n) for n in change.notes])
    return True


def _store_state(conn: Connection, before: ReviewState, after: ReviewState) -> bool:
    version = before.version + 1
    values = _state_row(after, version)
    # Every reviewable item has its row from its decision on (migration 0017's trigger):
    # version 0 is that row untouched, so the first transition is an update like the rest.
    stmt_u = (
        update(review_items)
        .where(_r.message_id == after.message_id, _r.version == before.version)
        .values(**values)
    )
    return conn.execute(stmt_u).rowcount == 1


class SqlReviewRepository:
    """Queue items read from the decisions; the review projection and notes written here."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)
        self._score = top_score_expr(db.dialect)
        # Stored with the item and kept exact by the writes (migration 0017).
        self._urgency: ColumnElement[int] = _r.priority_key

    def _select(self) -> Any:
        columns = (
            *t.messages.c,
            *(_s[c].label(f"s_{c}") for c in CATEGORIES),
            _s.language.label("s_language"),
            _d.id.label("d_id"),
            _d.action,
            _d.severity,
            _d.reasons,
            _d.policy_version,
            _d.created_at.label("d_created_at"),
            _r.message_id.label("r_message_id"),
            _r.state.label("r_state"),
            _r.claimed_by,
            _r.claim_expires_at,
            _r.resolution,
            _r.resolved_by,
            _r.resolved_at,
            _r.updated_at.label("r_updated_at"),
            _r.version.label("r_version"),
            _r.priority_key,
            *LATEST_COLUMNS,
            open_report_weight(_d.message_id).label("report_milli"),
        )
        return (
            select(*columns)
            .select_from(t.decisions)
            .join(t.messages, t.messages.c.id == _d.message_id)
            .outerjoin(t.message_scores, _s.message_id == _d.message_id)
            .outerjoin(review_items, _r.message_id == _d.message_id)
            .outerjoin(latest_human, latest_condition(_d.message_id))
        )

    def _conditions(
        self, query: ReviewQuery, now: datetime, rows_first: bool = False
    ) -> list[ColumnElement[bool]]:
        actions = [a.value for a in VIEW_ACTIONS[query.view]]
        conds: list[ColumnElement[bool]] = [_d.action.in_(actions)]
        if query.status is not None:
            conds.append(_status_condition(query.status, now, rows_first))
        if query.channel_id is not None:
            conds.append(_m.channel_id == query.channel_id)
        if query.author_id is not None:
            conds.append(_m.author_id == query.author_id)
        if query.text is not None:
            conds.append(_m.text == query.text)
        if query.category is not None:
            conds.append(_json_contains("category", query.category))
        if query.reason is not None:
            conds.append(_json_contains("code", query.reason))
        if query.ban_blocks is not None:
            # A banned author's message has the one `banned` reason (policy/decide.py).
            banned = _json_contains("code", BANNED_CODE)
            conds.append(banned if query.ban_blocks else ~banned)
        return conds

    def list_items(self, query: ReviewQuery, now: datetime) -> list[ReviewItem]:
        """Returns items matching the query in its order, after (or before) its cursor."""
        conds = self._conditions(query, now, rows_first=query.order is ReviewOrder.PRIORITY)
        keys = _sort_keys(query.order, self._score, self._urgency)
        if query.backwards:
            # The page before the cursor is the page after it in the reversed order.
            keys = [(col, not desc) for col, desc in keys]
        if query.cursor is not None:
            conds.append(_after(keys, _cursor_values(query.order, query.cursor)))
        order_by = [col.desc() if desc else col.asc() for col, desc in keys]
        # Sort narrow rows first, then fetch the page's wide rows (text, reasons) by id: the
        # sorter then moves ids and scores instead of every message's text.
        page = self._joined(query).where(and_(*conds)).order_by(*order_by).limit(query.limit)
        with translate_errors(), self._db.read() as conn:
            ids = list(conn.execute(page).scalars())
            rows = conn.execute(self._select().where(_m.id.in_(ids))).all() if ids else []
        if query.backwards:
            ids.reverse()
        by_id = {row._mapping["id"]: _item_from(row, now) for row in rows}
        return [by_id[i] for i in ids]

    def _joined(self, query: ReviewQuery, *columns: Any) -> Any:
        """The narrow select of a list: decisions with only the joins its filters need."""
        if query.order is ReviewOrder.PRIORITY and not columns:
            # From the review rows: the planner walks their priority index and looks each
            # decision up, instead of sorting every pending decision.
            page = (
                select(_r.message_id)
                .select_from(review_items)
                .join(t.decisions, _d.message_id == _r.message_id)
            )
            if query.channel_id or query.author_id or query.text is not None:
                page = page.join(t.messages, t.messages.c.id == _d.message_id)
            return page
        page = select(*(columns or (_d.message_id,))).select_from(t.decisions)
        needs_message = query.channel_id or query.author_id or query.text is not None
        if needs_message or query.order is ReviewOrder.CHANNEL or columns:
            page = page.join(t.messages, t.messages.c.id == _d.message_id)
        if query.order is ReviewOrder.SCORE or columns:
            page = page.outerjoin(t.message_scores, _s.message_id == _d.message_id)
        return page.outerjoin(review_items, _r.message_id == _d.message_id)

    def count(self, query: ReviewQuery, now: datetime) -> int:
        """Counts the items matching a query's filters (its cursor and order aside)."""
        stmt = self._joined(query, func.count()).where(and_(*self._conditions(query, now)))
        with translate_errors(), self._db.read() as conn:
            return int(conn.execute(stmt).scalar_one())

    def pending_counts(self, now: datetime) -> dict[str, int]:
        """Counts pending items per tab in one pass: flagged, automated (a banned author's blocks
        left out) and the authors whose blocks were folded into their ban."""
        banned = _json_contains("code", BANNED_CODE)
        automated = _d.action.in_([a.value for a in VIEW_ACTIONS[ReviewView.AUTOMATED]])
        stmt = (
            select(
                func.sum(case((_d.action == Action.FLAG.value, 1), else_=0)),
                func.sum(case((and_(automated, ~banned), 1), else_=0)),
                func.count(func.distinct(case((and_(automated, banned), _m.author_id)))),
            )
            .select_from(t.decisions)
            .join(t.messages, t.messages.c.id == _d.message_id)
            .outerjoin(review_items, _r.message_id == _d.message_id)
            .where(
                _d.action.in_(("flag", "hide", "block")),
                _status_condition(ReviewStatus.PENDING, now),
            )
        )
        with translate_errors(), self._db.read() as conn:
            flagged, automated_n, authors = conn.execute(stmt).one()
        return {
            "flagged": int(flagged or 0),
            "automated": int(automated_n or 0),
            "banned": int(authors or 0),
        }

    def matching_ids(self, query: ReviewQuery, now: datetime, limit: int) -> list[str]:
        """Returns the ids of up to `limit` items matching a query, in priority order."""
        stmt = (
            self._joined(query)
            .where(and_(*self._conditions(query, now)))
            .order_by(self._urgency.desc(), _d.message_id)
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return list(conn.execute(stmt).scalars())

    def groups(self, query: ReviewQuery, by: GroupBy, now: datetime, limit: int) -> list[ItemGroup]:
        """Returns the query's items grouped by author or by identical text, most urgent first."""
        key = _m.author_id if by is GroupBy.AUTHOR else _m.text
        top = func.max(self._urgency)
        stmt = (
            select(
                key,
                func.count(),
                top,
                func.min(_d.created_at),
                func.max(_d.message_id),
                func.count(func.distinct(_m.author_id)),
            )
            .select_from(t.decisions)
            .join(t.messages, t.messages.c.id == _d.message_id)
            .outerjoin(review_items, _r.message_id == _d.message_id)
            .where(and_(*self._conditions(query, now)))
            .group_by(key)
            .order_by(top.desc(), key)
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            rows = conn.execute(stmt).all()
        return [
            ItemGroup(by, str(k), int(n), int(best), _utc(oldest), str(sample), int(authors))
            for k, n, best, oldest, sample, authors in rows
        ]

    def reason_codes(self, view: ReviewView, recent: int = 2000) -> list[str]:
        """Returns the rule codes found on a list's most recent items, sorted."""
        actions = [a.value for a in VIEW_ACTIONS[view]]
        stmt = (
            select(_d.reasons)
            .where(_d.action.in_(actions))
            .order_by(_d.created_at.desc())
            .limit(recent)
        )
        codes: set[str] = set()
        with translate_errors(), self._db.read() as conn:
            for (reasons,) in conn.execute(stmt).all():
                codes.update(str(r["code"]) for r in reasons)
        return sorted(codes)

    def texts(self, message_ids: Sequence[str]) -> dict[str, str]:
        """Returns the text of each given message that exists."""
        if not message_ids:
            return {}
        stmt = select(_m.id, _m.text).where(_m.id.in_(list(message_ids)))
        with translate_errors(), self._db.read() as conn:
            return {str(i): str(text) for i, text in conn.execute(stmt).all()}

    def get_items(self, message_ids: Sequence[str], now: datetime) -> dict[str, ReviewItem]:
        """Returns the reviewable items (flag, hide, block) among the given message ids."""
        if not message_ids:
            return {}
        reviewable = [a.value for a in (Action.FLAG, Action.HIDE, Action.BLOCK)]
        stmt = self._select().where(_m.id.in_(list(message_ids)), _d.action.in_(reviewable))
        with translate_errors(), self._db.read() as conn:
            items = [_item_from(row, now) for row in conn.execute(stmt).all()]
        return {i.message_id: i for i in items}

    def open_reports(self, message_ids: Sequence[str]) -> dict[str, list[Report]]:
        """Returns the open user reports of the given messages, oldest first."""
        with translate_errors(), self._db.read() as conn:
            return open_reports_of(conn, message_ids)

    def closed_reports(self, message_id: str, closed_by: str, closed_at: datetime) -> list[Report]:
        """Returns the message's reports that `closed_by` closed at `closed_at` (one verdict)."""
        with translate_errors(), self._db.read() as conn:
            return closed_reports_of(conn, message_id, closed_by, closed_at)

    def transaction(self) -> AbstractContextManager[SqlReviewTransaction]:
        """Opens a write transaction (changes, notes and their events commit together)."""
        return self._uow.open(SqlReviewTransaction)

    def notes(self, subject_type: str, subject_id: str, limit: int = 100) -> list[Note]:
        """Returns the notes of one subject, newest first."""
        n = review_notes.c
        stmt = (
            select(review_notes)
            .where(n.subject_type == subject_type, n.subject_id == subject_id)
            .order_by(n.created_at.desc(), n.id.desc())
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            rows = conn.execute(stmt).all()
        return [
            Note(r.id, r.subject_type, r.subject_id, r.author, r.text, _utc(r.created_at))
            for r in rows
        ]

    def neighbours(self, item: ReviewItem, each_side: int) -> list[ChannelMessage]:
        """Returns messages just before and after the item's in its channel, oldest first."""
        at, mid = item.received_at, item.message_id
        base = (
            select(_m.id, _m.author_id, _m.text, _m.received_at, _d.action)
            .select_from(t.messages)
            .outerjoin(t.decisions, _d.message_id == _m.id)
            .where(_m.channel_id == item.channel_id)
        )
        before = base.where(or_(_m.received_at < at, and_(_m.received_at == at, _m.id < mid)))
        after = base.where(or_(_m.received_at > at, and_(_m.received_at == at, _m.id > mid)))
        with translate_errors(), self._db.read() as conn:
            older = conn.execute(
                before.order_by(_m.received_at.desc(), _m.id.desc()).limit(each_side)
            ).all()
            newer = conn.execute(
                after.order_by(_m.received_at.asc(), _m.id.asc()).limit(each_side)
            ).all()
        rows = [(r, True) for r in reversed(older)] + [(r, False) for r in newer]
        return [
            ChannelMessage(r.id, r.author_id, r.text, _utc(r.received_at), r.action, first)
            for r, first in rows
        ]

    def user_events(self, author_id: str, limit: int) -> list[Event]:
        """Returns the `user.*` events of an author, newest first (the subject index serves it)."""
        e = t.events.c
        stmt = (
            select(t.events)
            .where(
                e.subject_type == "user",
                e.subject_id == author_id,
                e.type.startswith("user.", autoescape=True),
            )
            .order_by(e.seq.desc())
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [event_from_row(row) for row in conn.execute(stmt).all()]

    def author_counts(self, author_id: str) -> dict[str, int]:
        """Counts an author's decided messages by automated action."""
        stmt = (
            select(_d.action, func.count())
            .select_from(t.decisions)
            .join(t.messages, _m.id == _d.message_id)
            .where(_m.author_id == author_id)
            .group_by(_d.action)
        )
        with translate_errors(), self._db.read() as conn:
            return {row[0]: int(row[1]) for row in conn.execute(stmt).all()}


def time_bucket(col: Any, dialect: str, hourly: bool) -> ColumnElement[str]:
    """Returns a UTC `YYYY-MM-DD[ HH:00]` label for grouping by hour or day."""
    if dialect == "postgresql":
        fmt = "YYYY-MM-DD HH24:00" if hourly else "YYYY-MM-DD"
        return func.to_char(func.timezone("UTC", col), fmt)
    return func.strftime("%Y-%m-%d %H:00" if hourly else "%Y-%m-%d", col)


class SqlDashboardStats:
    """Aggregates behind the overview page (GROUP BY in the database)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._score = top_score_expr(db.dialect)

    def decisions_over_time(self, since: datetime, hourly: bool) -> list[tuple[str, str, int]]:
        """Counts decisions per time bucket and action."""
        bucket = time_bucket(_d.created_at, self._db.dialect, hourly).label("bucket")
        stmt = (
            select(bucket, _d.action, func.count())
            .where(_d.created_at >= since)
            .group_by(bucket, _d.action)
            .order_by(bucket)
        )
        with translate_errors(), self._db.read() as conn:
            return [(str(b), str(a), int(n)) for b, a, n in conn.execute(stmt).all()]

    def score_histogram(self, since: datetime, bins: int = 10) -> list[int]:
        """Counts scored messages per tenth of their highest category score."""
        whens = [(self._score < (i + 1) / bins, literal(i)) for i in range(bins - 1)]
        bin_col = case(*whens, else_=literal(bins - 1)).label("bin")
        stmt = (
            select(bin_col, func.count())
            .select_from(t.message_scores)
            .where(_s.scored_at >= since)
            .group_by(bin_col)
        )
        counts = [0] * bins
        with translate_errors(), self._db.read() as conn:
            for b, n in conn.execute(stmt).all():
                counts[int(b)] = int(n)
        return counts

    def queue_age(self, now: datetime) -> dict[str, Any]:
        """Counts pending flagged and automated items by age band, and the oldest one."""
        edges = [now - timedelta(hours=h) for h in (1, 6, 24)]
        band = case(
            (_d.created_at >= edges[0], literal(0)),
            (_d.created_at >= edges[1], literal(1)),
            (_d.created_at >= edges[2], literal(2)),
            else_=literal(3),
        ).label("band")
        pending = _status_condition(ReviewStatus.PENDING, now)
        stmt = (
            select(_d.action, band, func.count(), func.min(_d.created_at))
            .select_from(t.decisions)
            .outerjoin(review_items, _r.message_id == _d.message_id)
            .where(_d.action.in_(("flag", "hide", "block")), pending)
            .group_by(_d.action, band)
        )
        out: dict[str, Any] = {"flagged": [0] * 4, "automated": [0] * 4, "oldest": None}
        with translate_errors(), self._db.read() as conn:
            for action, b, n, oldest in conn.execute(stmt).all():
                key = "flagged" if action == "flag" else "automated"
                out[key][int(b)] += int(n)
                first = as_utc(oldest)
                if first is not None and (out["oldest"] is None or first < out["oldest"]):
                    out["oldest"] = first
        return out

    def top_channels(self, since: datetime, limit: int = 8) -> list[tuple[str, int, int]]:
        """Returns the busiest channels: (channel, flagged, hidden or blocked)."""
        flagged = func.sum(case((_d.action == "flag", 1), else_=0))
        harsh = func.sum(case((_d.action.in_(("hide", "block")), 1), else_=0))
        total = func.count()
        stmt = (
            select(_m.channel_id, flagged, harsh)
            .select_from(t.decisions)
            .join(t.messages, _m.id == _d.message_id)
            .where(_d.created_at >= since, _d.action != "allow")
            .group_by(_m.channel_id)
            .order_by(total.desc(), _m.channel_id)
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [(c, int(f or 0), int(h or 0)) for c, f, h in conn.execute(stmt).all()]

    def throughput(self, since: datetime, limit: int = 10) -> list[tuple[str, int, int]]:
        """Counts each moderator's verdicts and escalations since a time."""
        e = t.events.c
        resolved = func.sum(case((e.type == EventType.REVIEW_RESOLVED.value, 1), else_=0))
        escalated = func.sum(case((e.type == EventType.REVIEW_ESCALATED.value, 1), else_=0))
        stmt = (
            select(e.actor, resolved, escalated)
            .where(
                e.created_at >= since,
                e.type.in_((EventType.REVIEW_RESOLVED.value, EventType.REVIEW_ESCALATED.value)),
            )
            .group_by(e.actor)
            .order_by(func.count().desc(), e.actor)
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [(a, int(r or 0), int(x or 0)) for a, r, x in conn.execute(stmt).all()]

    def authors(
        self, prefix: str, only: Sequence[str] | None, limit: int
    ) -> list[tuple[str, int, int, int, datetime | None]]:
        """Returns (author, messages, flagged, hidden or blocked, last seen), worst first."""
        flagged = func.sum(case((_d.action == "flag", 1), else_=0))
        harsh = func.sum(case((_d.action.in_(("hide", "block")), 1), else_=0))
        stmt = (
            select(_m.author_id, func.count(), flagged, harsh, func.max(_m.received_at))
            .select_from(t.messages)
            .outerjoin(t.decisions, _d.message_id == _m.id)
            .group_by(_m.author_id)
            .order_by(harsh.desc(), flagged.desc(), _m.author_id)
            .limit(limit)
        )
        if prefix:
            stmt = stmt.where(_m.author_id.startswith(prefix, autoescape=True))
        if only is not None:
            stmt = stmt.where(_m.author_id.in_(list(only)))
        with translate_errors(), self._db.read() as conn:
            return [
                (a, int(n), int(f or 0), int(h or 0), as_utc(last))
                for a, n, f, h, last in conn.execute(stmt).all()
            ]
