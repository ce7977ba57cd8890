"""SQL implementations of the repository contracts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    and_,
    any_,
    bindparam,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY

from civility.auth.keys import Role
from civility.auth.service import ApiKeyInfo, StoredKey
from civility.events.models import Event, EventQuery
from civility.moderation.decisions import HumanDecision
from civility.moderation.records import (
    MessageQuery,
    MessageView,
    Outcome,
    StoredDecision,
    StoredMessage,
)
from civility.ocr.models import ImageText
from civility.policy.verdict import Action, Reason, Severity
from civility.scoring.base import CATEGORIES
from civility.storage import tables as t
from civility.storage.bulk import any_of, insert_rows
from civility.storage.db import Database
from civility.storage.db import translate_errors as translate_errors
from civility.storage.decisions import (
    LATEST_COLUMNS,
    history,
    insert_human_decisions,
    latest_condition,
    latest_from,
    latest_human,
)
from civility.storage.enforcement_rows import insert_records
from civility.storage.tables_dashboard import dashboard_users
from civility.storage.tenant_events import TenantEventsTransaction, TenantLog
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.storage.unit_of_work import event_row as event_row
from civility.storage.unit_of_work import insert_events as insert_events
from civility.tenancy.models import DEFAULT_TENANT


def as_utc(value: datetime | None) -> datetime | None:
    """Marks naive datetimes read back from SQLite as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _utc(value: datetime) -> datetime:
    result = as_utc(value)
    assert result is not None
    return result


def _message_row(m: StoredMessage) -> dict[str, Any]:
    return {
        "id": m.id,
        "platform_message_id": m.platform_message_id,
        "author_id": m.author_id,
        "channel_id": m.channel_id,
        "text": m.text,
        "language": m.language,
        "metadata": m.metadata,
        "author_created_at": m.author_created_at,
        "received_at": m.received_at,
        "image": m.image.to_dict() if m.image is not None else None,
    }


_VIEW_COLUMNS = (
    *(c for c in t.messages.c if c.name != "language"),
    # Asynchronously decided messages get their detected language with the scores.
    func.coalesce(t.messages.c.language, t.message_scores.c.language).label("language"),
    *(t.message_scores.c[c].label(f"s_{c}") for c in CATEGORIES),
    t.decisions.c.id.label("d_id"),
    t.decisions.c.action,
    t.decisions.c.severity,
    t.decisions.c.reasons,
    t.decisions.c.policy_version,
    t.decisions.c.scorer,
    t.decisions.c.path,
    t.decisions.c.created_at.label("d_created_at"),
    *LATEST_COLUMNS,
)


@functools.cache
def _view_select() -> Any:
    # Built once: a Select is immutable (.where() returns a copy), and building its ~60
    # columns and joins cost more CPU than SQLite's running of the query.
    return (
        select(*_VIEW_COLUMNS)
        .select_from(t.messages)
        .outerjoin(t.message_scores, t.message_scores.c.message_id == t.messages.c.id)
        .outerjoin(t.decisions, t.decisions.c.message_id == t.messages.c.id)
        .outerjoin(latest_human, latest_condition(t.messages.c.id))
    )


@functools.cache
def _find_select(dialect: str) -> Any:
    """The look-up of messages by channel and platform id, built once per dialect.

    Its parameters are bound at execution, so SQLAlchemy computes its cache key once.
    """
    m = t.messages.c
    if dialect == "postgresql":
        # One SQL text for every batch size (see bulk.any_of).
        channels = m.channel_id == any_(bindparam("channels", type_=ARRAY(m.channel_id.type)))
        ids = m.platform_message_id == any_(
            bindparam("ids", type_=ARRAY(m.platform_message_id.type))
        )
    else:
        channels = m.channel_id.in_(bindparam("channels", expanding=True))
        ids = m.platform_message_id.in_(bindparam("ids", expanding=True))
    return _view_select().where(channels, ids)


@functools.cache
def _undecided_select(dialect: str) -> Any:
    """Messages in :ids without a decision, built once per dialect (the worker's first read)."""
    m = t.messages.c
    if dialect == "postgresql":
        ids = m.id == any_(bindparam("ids", type_=ARRAY(m.id.type)))
    else:
        ids = m.id.in_(bindparam("ids", expanding=True))
    decided = select(t.decisions.c.id).where(t.decisions.c.message_id == m.id).exists()
    return select(t.messages).where(ids, ~decided)


def _current_is(action: Action, *, negate: bool = False) -> ColumnElement[bool]:
    """The action in force (the newest human decision's, else the automated one) is `action`.

    Spelled out instead of `coalesce(...) = action`: the planner estimates the automated
    column's part from its statistics and keeps the index walk in message id order (on
    PostgreSQL the coalesce form was guessed at 1/200 and sorted every row, 5 ms -> 65 ms at
    20,000 messages).
    """
    h, d = latest_human.c, t.decisions.c
    if negate:
        return or_(and_(h.id.is_(None), d.action != action.value), h.action != action.value)
    return or_(and_(h.id.is_(None), d.action == action.value), h.action == action.value)


def _message_from_row(row: Row[Any]) -> StoredMessage:
    m = row._mapping
    return StoredMessage(
        id=m["id"],
        platform_message_id=m["platform_message_id"],
        author_id=m["author_id"],
        channel_id=m["channel_id"],
        text=m["text"],
        language=m["language"],
        metadata=m["metadata"] or {},
        author_created_at=as_utc(m["author_created_at"]),
        received_at=_utc(m["received_at"]),
        image=ImageText.from_dict(m["image"]) if m["image"] else None,
    )


def _view_from_row(row: Row[Any]) -> MessageView:
    m = row._mapping
    message = _message_from_row(row)
    scores = None
    if m[f"s_{CATEGORIES[0]}"] is not None:
        scores = {c: float(m[f"s_{c}"]) for c in CATEGORIES}
    decision = None
    if m["d_id"] is not None:
        decision = StoredDecision(
            id=m["d_id"],
            message_id=message.id,
            action=Action(m["action"]),
            severity=Severity(m["severity"]),
            reasons=tuple(Reason.from_dict(r) for r in m["reasons"]),
            policy_version=m["policy_version"],
            scorer=m["scorer"],
            path=m["path"],
            created_at=_utc(m["d_created_at"]),
        )
    human = latest_from(m, message.id) if decision is not None else None
    return MessageView(message=message, scores=scores, decision=decision, human=human)


class SqlModerationTransaction(SqlTransaction):
    """Message and decision writes in one transaction."""

    def insert_messages(self, messages: Sequence[StoredMessage]) -> None:
        """Stores messages."""
        insert_rows(self.conn, t.messages, [_message_row(m) for m in messages])

    def save_outcomes(self, outcomes: Sequence[Outcome]) -> None:
        """Stores the outcomes' scores, decisions and enforcement records (not their events)."""
        score_rows = [
            {
                "message_id": o.message.id,
                **o.scores,
                "scorer": o.scorer or "",
                "scored_at": o.decision.created_at,
                "language": o.message.language,
            }
            for o in outcomes
            if o.scores is not None
        ]
        decision_rows = [
            {
                "id": o.decision.id,
                "message_id": o.message.id,
                "action": o.decision.action.value,
                "severity": o.decision.severity.value,
                "reasons": [r.to_dict() for r in o.decision.reasons],
                "policy_version": o.decision.policy_version,
                "scorer": o.decision.scorer,
                "path": o.decision.path,
                "created_at": o.decision.created_at,
            }
            for o in outcomes
        ]
        insert_rows(self.conn, t.message_scores, score_rows)
        insert_rows(self.conn, t.decisions, decision_rows)
        # Strikes and bans a decision caused commit (or fail) with the decision itself.
        insert_records(self.conn, [r for o in outcomes for r in o.enforcement])

    def save_human_decision(self, decision: HumanDecision) -> None:
        """Stores a human decision (unique per message and number: Conflict if raced)."""
        insert_human_decisions(self.conn, [decision])


class SqlModerationRepository:
    """Messages, scores, decisions and decision events in SQL."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def find_messages(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], MessageView]:
        """Finds stored messages by (channel_id, platform_message_id)."""
        if not keys:
            return {}
        # Two IN lists, not a row-value IN: SQLite scanned the whole messages table for
        # `(channel_id, platform_message_id) IN (...)` on every /v1/moderate batch, and finds
        # both lists in the unique index. The lists' cross product may match a few more rows
        # than asked for; only the pairs asked for are kept.
        params = {
            "channels": sorted({k[0] for k in keys}),
            "ids": sorted({k[1] for k in keys}),
        }
        wanted = set(keys)
        with translate_errors(), self._db.read_one() as conn:
            rows = conn.execute(_find_select(self._db.dialect), params).all()
        views = (_view_from_row(r) for r in rows)
        found = {(v.message.channel_id, v.message.platform_message_id): v for v in views}
        return {k: v for k, v in found.items() if k in wanted}

    def undecided(self, message_ids: Sequence[str]) -> dict[str, StoredMessage]:
        """Returns the given messages that exist and have no decision yet."""
        if not message_ids:
            return {}
        with translate_errors(), self._db.read_one() as conn:
            stmt = _undecided_select(self._db.dialect)
            rows = conn.execute(stmt, {"ids": list(message_ids)}).all()
        return {r.id: _message_from_row(r) for r in rows}

    def get_views(self, message_ids: Sequence[str]) -> dict[str, MessageView]:
        """Returns the stored views of the given message ids that exist."""
        if not message_ids:
            return {}
        with translate_errors(), self._db.read() as conn:
            cond = any_of(self._db.dialect, t.messages.c.id, message_ids)
            rows = conn.execute(_view_select().where(cond)).all()
            decided = [r._mapping["id"] for r in rows if r._mapping["h_id"] is not None]
            past = history(conn, self._db.dialect, decided)
        views = (_view_from_row(r) for r in rows)
        return {v.message.id: replace(v, history=tuple(past.get(v.message.id, ()))) for v in views}

    def transaction(self) -> AbstractContextManager[SqlModerationTransaction]:
        """Opens a write transaction (messages, decisions and their events commit together)."""
        return self._uow.open(SqlModerationTransaction)

    def list_messages(self, query: MessageQuery) -> list[MessageView]:
        """Lists messages matching the query, newest first."""
        stmt = _view_select()
        conds = []
        m = t.messages.c
        if query.channel_id is not None:
            conds.append(m.channel_id == query.channel_id)
        if query.author_id is not None:
            conds.append(m.author_id == query.author_id)
        if query.action is not None:
            conds.append(_current_is(query.action))
        if query.status == "pending":
            conds.append(t.decisions.c.id.is_(None))
        elif query.status == "decided":
            conds.append(t.decisions.c.id.is_not(None))
        for category, minimum in query.min_scores.items():
            conds.append(t.message_scores.c[category] >= minimum)
        if query.received_from is not None:
            conds.append(m.received_at >= query.received_from)
        if query.received_to is not None:
            conds.append(m.received_at < query.received_to)
        if query.before_id is not None:
            conds.append(m.id < query.before_id)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(m.id.desc()).limit(query.limit)
        with translate_errors(), self._db.read() as conn:
            return [_view_from_row(r) for r in conn.execute(stmt).all()]

    def violations(self, author_id: str, before_id: str | None, limit: int) -> list[MessageView]:
        """Returns the author's decided messages that were not allowed, newest first."""
        m = t.messages.c
        # A message a moderator restored is no longer held against its author.
        conds = [m.author_id == author_id, _current_is(Action.ALLOW, negate=True)]
        if before_id is not None:
            conds.append(m.id < before_id)
        stmt = _view_select().where(and_(*conds)).order_by(m.id.desc()).limit(limit)
        with translate_errors(), self._db.read() as conn:
            return [_view_from_row(row) for row in conn.execute(stmt).all()]

    def pending_messages(
        self, limit: int, received_before: datetime | None = None
    ) -> list[StoredMessage]:
        """Returns accepted messages that still have no decision, oldest first."""
        conds: list[ColumnElement[bool]] = [t.decisions.c.id.is_(None)]
        if received_before is not None:
            conds.append(t.messages.c.received_at <= received_before)
        stmt = _view_select().where(and_(*conds)).order_by(t.messages.c.id).limit(limit)
        with translate_errors(), self._db.read() as conn:
            return [_view_from_row(r).message for r in conn.execute(stmt).all()]


def event_from_row(row: Row[Any]) -> Event:
    """Rebuilds an event from its row."""
    m = row._mapping
    return Event(
        id=m["id"],
        type=m["type"],
        actor=m["actor"],
        subject_type=m["subject_type"],
        subject_id=m["subject_id"],
        channel_id=m["channel_id"],
        payload=m["payload"],
        created_at=_utc(m["created_at"]),
        seq=m["seq"],
        txid=m.get("txid"),
    )


class SqlEventRepository:
    """The append-only event log in SQL."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._uow = SqlUnitOfWork(db)

    def append(self, events: Sequence[Event]) -> None:
        """Appends events in their own transaction (for actions with no other state)."""
        if events:
            with self._uow.transaction() as tx:
                tx.record(events)

    def list_events(self, query: EventQuery) -> list[Event]:
        """Returns events matching the query, newest first."""
        e = t.events.c
        conds = []
        if query.type is not None and query.type.endswith("*"):
            conds.append(e.type.startswith(query.type.rstrip("*"), autoescape=True))
        elif query.type is not None:
            conds.append(e.type == query.type)
        if query.actor is not None:
            conds.append(e.actor == query.actor)
        if query.channel_id is not None:
            conds.append(e.channel_id == query.channel_id)
        if query.subject_id is not None:
            conds.append(e.subject_id == query.subject_id)
        if query.before_seq is not None:
            conds.append(e.seq < query.before_seq)
        if query.created_from is not None:
            conds.append(e.created_at >= query.created_from)
        if query.created_to is not None:
            conds.append(e.created_at < query.created_to)
        stmt = select(t.events)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(e.seq.desc()).limit(query.limit)
        with translate_errors(), self._db.read() as conn:
            return [event_from_row(r) for r in conn.execute(stmt).all()]


# Keys with the dashboard account they act for (both in the installation's database).
_KEYS_WITH_USERS = t.api_keys.outerjoin(
    dashboard_users, dashboard_users.c.username == t.api_keys.c.username
)


def _user_disabled(username: str | None, user_id: str | None, disabled_at: object) -> bool:
    """Tells whether a key's user is disabled; an account that is gone counts as disabled."""
    return username is not None and (user_id is None or disabled_at is not None)


class SqlApiKeyTransaction(TenantEventsTransaction):
    """API key writes in one transaction; its events go to its tenant's log."""

    def add(self, info: ApiKeyInfo, key_hash: str) -> None:
        """Stores a new key."""
        self.conn.execute(
            insert(t.api_keys),
            {
                "id": info.key_id,
                "key_hash": key_hash,
                "role": info.role.value,
                "name": info.name,
                "created_at": info.created_at,
                "revoked_at": None,
                "tenant": info.tenant,
                "channels": None if info.channels is None else list(info.channels),
                "username": info.user,
            },
        )

    def revoke(self, key_id: str, now: datetime, tenant: str) -> bool:
        """Marks a tenant's active key revoked; False when there is none."""
        k = t.api_keys.c
        stmt = t.api_keys.update().where(k.id == key_id, k.revoked_at.is_(None), k.tenant == tenant)
        return self.conn.execute(stmt.values(revoked_at=now)).rowcount == 1


class SqlApiKeyRepository:
    """API keys in SQL (hashes only), in the installation's database.

    The default tenant's key events go in with the change; another tenant's go to its own
    log (`tenant_log`) right after, so no tenant's log shows another's keys.
    """

    def __init__(
        self,
        db: Database,
        tenant_log: TenantLog | None = None,
        *,
        unit_of_work: SqlUnitOfWork | None = None,
    ) -> None:
        self._db = db
        self._tenant_log = tenant_log
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(
        self, tenant: str = DEFAULT_TENANT
    ) -> AbstractContextManager[SqlApiKeyTransaction]:
        """Opens a write transaction whose events go to `tenant`'s log."""
        log = self._tenant_log
        return self._uow.open(lambda conn: SqlApiKeyTransaction(conn, tenant=tenant, log=log))

    def get(self, key_id: str) -> StoredKey | None:
        """Returns an active (not revoked) key with its user's state, or None."""
        k, u = t.api_keys.c, dashboard_users.c
        stmt = (
            select(
                k.key_hash,
                k.role,
                k.tenant,
                k.channels,
                k.username,
                u.id.label("user_id"),
                u.disabled_at,
            )
            .select_from(_KEYS_WITH_USERS)
            .where(k.id == key_id, k.revoked_at.is_(None))
        )
        with translate_errors(), self._db.read() as conn:
            row = conn.execute(stmt).first()
        if row is None:
            return None
        channels = None if row.channels is None else tuple(row.channels)
        active = not _user_disabled(row.username, row.user_id, row.disabled_at)
        return StoredKey(row.key_hash, Role(row.role), row.tenant, channels, row.username, active)

    def count_admins(self, tenant: str) -> int:
        """Counts a tenant's admin and owner keys that authenticate (not revoked, user enabled)."""
        k, u = t.api_keys.c, dashboard_users.c
        stmt = (
            select(k.id)
            .select_from(_KEYS_WITH_USERS)
            .where(
                k.role.in_((Role.ADMIN.value, Role.OWNER.value)),
                k.revoked_at.is_(None),
                k.tenant == tenant,
                # A disabled user's key is refused, so it cannot create the next admin key.
                or_(k.username.is_(None), and_(u.id.is_not(None), u.disabled_at.is_(None))),
            )
        )
        with translate_errors(), self._db.read() as conn:
            return len(conn.execute(stmt).all())

    def list(self, tenant: str) -> list[ApiKeyInfo]:
        """Returns a tenant's keys, active and revoked, oldest first."""
        k, u = t.api_keys.c, dashboard_users.c
        stmt = (
            select(
                k.id,
                k.role,
                k.name,
                k.created_at,
                k.revoked_at,
                k.tenant,
                k.channels,
                k.username,
                u.id.label("user_id"),
                u.disabled_at,
            )
            .select_from(_KEYS_WITH_USERS)
            .where(k.tenant == tenant)
            .order_by(k.created_at, k.id)
        )
        with translate_errors(), self._db.read() as conn:
            rows = conn.execute(stmt).all()
        return [
            ApiKeyInfo(
                r.id,
                Role(r.role),
                r.name,
                _utc(r.created_at),
                as_utc(r.revoked_at),
                r.tenant,
                None if r.channels is None else tuple(r.channels),
                r.username,
                _user_disabled(r.username, r.user_id, r.disabled_at),
            )
            for r in rows
        ]

    def user_of(self, key_id: str) -> str | None:
        """Returns the user a key (active or revoked) acts for, or None."""
        k = t.api_keys.c
        with translate_errors(), self._db.read() as conn:
            return conn.execute(select(k.username).where(k.id == key_id)).scalar_one_or_none()
