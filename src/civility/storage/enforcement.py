"""SQL storage of enforcement: policy versions, blocklist entries, enforcement records, and the
read models over messages and decisions (violations, statistics)."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Text,
    and_,
    any_,
    bindparam,
    cast,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError

from civility.blocklists.matcher import BlocklistEntry, EntryKind
from civility.blocklists.service import BlocklistRecord
from civility.clock import Clock
from civility.enforcement.engine import InForce
from civility.enforcement.records import EnforcementRecord
from civility.enforcement.service import StatsCount, StatsQuery
from civility.policy.model import Policy
from civility.policy.service import PolicyVersion
from civility.policy.verdict import Action
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.enforcement_rows import RecordDecoder, insert_records
from civility.storage.repositories import (
    as_utc,
    translate_errors,
)
from civility.storage.tables_enforcement import (
    blocklist_entries,
    counters,
    enforcement_records,
    policies,
)
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork

BLOCKLIST_COUNTER = "blocklist"
POLICY_COUNTER = "policies"
# The built-in default policy is version 1; stored versions start after it.
BUILTIN_VERSION = 1
_IN_CHUNK = 500


def _utc(value: datetime) -> datetime:
    result = as_utc(value)
    assert result is not None
    return result


def bump_counter(conn: Connection, name: str) -> None:
    """Increments a named counter inside the caller's transaction (creating it at 1)."""
    c = counters.c
    bumped = conn.execute(update(counters).where(c.name == name).values(value=c.value + 1))
    if bumped.rowcount:
        return
    try:
        # A savepoint, so losing a race to create the row does not abort the transaction.
        with conn.begin_nested():
            conn.execute(insert(counters).values(name=name, value=1))
    except IntegrityError:
        conn.execute(update(counters).where(c.name == name).values(value=c.value + 1))


def read_counter(conn: Connection, name: str) -> int:
    """Returns a counter's value (0 if it was never bumped)."""
    value = conn.execute(select(counters.c.value).where(counters.c.name == name)).scalar()
    return int(value or 0)


def _scope(channel_id: str | None) -> str:
    return "" if channel_id is None else channel_id


class SqlPolicyTransaction(SqlTransaction):
    """Policy writes in one transaction."""

    def __init__(self, conn: Connection, remember: Callable[[Policy], None]) -> None:
        super().__init__(conn)
        self._remember = remember

    def save_version(self, policy: Policy, *, actor: str, now: datetime) -> Policy:
        """Stores the next version (numbered across all scopes); cached after the commit."""
        try:
            stored = self._insert(policy, actor, now)
        except IntegrityError:
            # Another writer took the same version number first: take the next one.
            stored = self._insert(policy, actor, now)
        self.after_commit(lambda: self._remember(stored))
        return stored

    def _insert(self, policy: Policy, actor: str, now: datetime) -> Policy:
        # A savepoint, so losing the race for a number does not abort the transaction; on
        # PostgreSQL the retry's max() sees the winner's committed row.
        with self.conn.begin_nested():
            latest = self.conn.execute(select(func.max(policies.c.version))).scalar()
            stored = policy.with_version(max(int(latest or 0), BUILTIN_VERSION) + 1)
            self.conn.execute(
                insert(policies).values(
                    scope=_scope(stored.channel_id),
                    version=stored.version,
                    body=stored.to_dict(),
                    actor=actor,
                    created_at=now,
                )
            )
        bump_counter(self.conn, POLICY_COUNTER)
        return stored


class SqlPolicyRepository:
    """Append-only policy versions; the current one per scope is cached in the process.

    The cache is dropped when the `policies` counter moves; it is read at most once per
    `check_interval` seconds, so other processes' edits apply within that delay.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        check_interval: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        unit_of_work: SqlUnitOfWork | None = None,
    ) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)
        self._clock = clock
        self._interval = check_interval
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._cache: dict[str, Policy | None] = {}
        self._seen: int | None = None
        self._checked_at = float("-inf")

    def get(self, channel_id: str | None) -> Policy | None:
        """Returns the current policy of a scope, or None if it has none of its own."""
        self._refresh()
        scope = _scope(channel_id)
        with self._lock:
            if scope in self._cache:
                return self._cache[scope]
        p = policies.c
        stmt = select(p.body).where(p.scope == scope).order_by(p.version.desc()).limit(1)
        with translate_errors(), self._db.read() as conn:
            body = conn.execute(stmt).scalar()
        policy = None if body is None else Policy.from_dict(body)
        with self._lock:
            self._cache[scope] = policy
        return policy

    def _refresh(self) -> None:
        now = self._monotonic()
        if now - self._checked_at < self._interval:
            return
        with translate_errors(), self._db.read() as conn:
            seen = read_counter(conn, POLICY_COUNTER)
        with self._lock:
            if seen != self._seen:
                self._cache.clear()
                self._seen = seen
            self._checked_at = now

    def transaction(self) -> AbstractContextManager[SqlPolicyTransaction]:
        """Opens a write transaction; a version it stores is cached once it commits."""
        return self._uow.open(lambda conn: SqlPolicyTransaction(conn, self._remember))

    def _remember(self, stored: Policy) -> None:
        with self._lock:
            self._cache[_scope(stored.channel_id)] = stored

    def save(self, policy: Policy) -> Policy:
        """Stores a policy as the next version without an event (the service records one)."""
        with self.transaction() as tx:
            return tx.save_version(policy, actor="system", now=self._clock.now())

    def history(self, channel_id: str | None, limit: int) -> list[PolicyVersion]:
        """Returns the stored versions of a scope, newest first."""
        p = policies.c
        stmt = (
            select(p.body, p.actor, p.created_at)
            .where(p.scope == _scope(channel_id))
            .order_by(p.version.desc())
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            rows = conn.execute(stmt).all()
        return [PolicyVersion(Policy.from_dict(b), a, _utc(at)) for b, a, at in rows]


def _entry_row(record: BlocklistRecord) -> dict[str, Any]:
    e = record.entry
    return {
        "id": e.id,
        "pattern": e.pattern,
        "kind": e.kind.value,
        "action": e.action.value,
        "language": e.language,
        "channel_id": e.channel_id,
        "created_by": record.created_by,
        "created_at": record.created_at,
    }


def _entry_from_row(m: Any) -> BlocklistRecord:
    entry = BlocklistEntry(
        pattern=m["pattern"],
        kind=EntryKind(m["kind"]),
        action=Action(m["action"]),
        language=m["language"],
        channel_id=m["channel_id"],
        id=m["id"],
    )
    return BlocklistRecord(entry, m["created_by"], _utc(m["created_at"]))


class SqlBlocklistTransaction(SqlTransaction):
    """Blocklist writes in one transaction; each bumps the `blocklist` counter."""

    def add(self, records: Sequence[BlocklistRecord]) -> None:
        """Stores entries."""
        if records:
            self.conn.execute(insert(blocklist_entries), [_entry_row(r) for r in records])
            bump_counter(self.conn, BLOCKLIST_COUNTER)

    def remove(self, entry_id: str, actor: str, now: datetime) -> bool:
        """Soft-deletes an active entry; False if there is none."""
        b = blocklist_entries.c
        stmt = (
            update(blocklist_entries)
            .where(b.id == entry_id, b.deleted_at.is_(None))
            .values(deleted_at=now, deleted_by=actor)
        )
        if not self.conn.execute(stmt).rowcount:
            return False
        bump_counter(self.conn, BLOCKLIST_COUNTER)
        return True


class SqlBlocklistRepository:
    """Blocklist entries with soft delete; every change bumps the `blocklist` counter."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def transaction(self) -> AbstractContextManager[SqlBlocklistTransaction]:
        """Opens a write transaction (entries and their events commit together)."""
        return self._uow.open(SqlBlocklistTransaction)

    def active(self) -> list[BlocklistRecord]:
        """Returns every entry not removed, oldest first."""
        b = blocklist_entries.c
        stmt = select(blocklist_entries).where(b.deleted_at.is_(None)).order_by(b.id)
        with translate_errors(), self._db.read() as conn:
            return [_entry_from_row(r._mapping) for r in conn.execute(stmt).all()]

    def page(
        self, channel_id: str | None, after_id: str | None, limit: int
    ) -> list[BlocklistRecord]:
        """Returns active entries (of one channel if given) after a cursor, oldest first."""
        b = blocklist_entries.c
        conds: list[ColumnElement[bool]] = [b.deleted_at.is_(None)]
        if channel_id is not None:
            conds.append(b.channel_id == channel_id)
        if after_id is not None:
            conds.append(b.id > after_id)
        stmt = select(blocklist_entries).where(and_(*conds)).order_by(b.id).limit(limit)
        with translate_errors(), self._db.read() as conn:
            return [_entry_from_row(r._mapping) for r in conn.execute(stmt).all()]

    def version(self) -> int:
        """Returns the `blocklist` counter."""
        with translate_errors(), self._db.read() as conn:
            return read_counter(conn, BLOCKLIST_COUNTER)


def time_bucket(col: Any, dialect: str, bucket: str) -> ColumnElement[str]:
    """Returns the UTC start of the hour or day of a timestamp as ISO text, on either backend."""
    if dialect == "postgresql":
        fmt = 'YYYY-MM-DD"T"HH24:00:00' if bucket == "hour" else 'YYYY-MM-DD"T"00:00:00'
        return func.to_char(func.timezone("UTC", col), fmt)
    return func.strftime("%Y-%m-%dT%H:00:00" if bucket == "hour" else "%Y-%m-%dT00:00:00", col)


def _reason_keys(dialect: str) -> tuple[Any, ColumnElement[str]]:
    """Returns one row per stored reason and its key (category, else the rule's code)."""
    d = t.decisions.c
    if dialect == "postgresql":
        elements = func.json_array_elements(d.reasons).table_valued("value").alias("r")
        value = elements.c.value
        return elements, func.coalesce(value.op("->>")("category"), value.op("->>")("code"))
    elements = func.json_each(d.reasons).table_valued("value").alias("r")
    value = elements.c.value
    return elements, func.coalesce(
        func.json_extract(value, "$.category"), func.json_extract(value, "$.code")
    )


def _in_force_clause(strikes: bool) -> ColumnElement[bool]:
    """The SQL form of `InForce.keeps` (a test checks the two agree), on bound :now and
    :strikes_since (when `strikes`)."""
    r = enforcement_records.c
    now = bindparam("now", type_=r.expires_at.type)
    kept = [
        r.kind == "ban_lifted",
        and_(r.kind == "ban_issued", or_(r.expires_at.is_(None), r.expires_at > now)),
    ]
    if strikes:
        since = bindparam("strikes_since", type_=r.created_at.type)
        kept.append(and_(r.kind.in_(("strike_added", "strikes_reset")), r.created_at > since))
    return or_(*kept)


@functools.cache
def _records_select(dialect: str, in_force: bool, strikes: bool) -> Any:
    """Records of the users in :users, built once per shape: every pre-check reads them, and
    building the statement cost more CPU than SQLite's running of it."""
    r = enforcement_records.c
    if dialect == "postgresql":
        # One SQL text for every batch size (see bulk.any_of).
        users = r.user_id == any_(bindparam("users", type_=ARRAY(r.user_id.type)))
    else:
        users = r.user_id.in_(bindparam("users", expanding=True))
    # The body as its stored text, not parsed by the driver: RecordDecoder memoises by text.
    stmt = select(r.user_id, cast(r.body, Text)).where(users).order_by(r.seq)
    return stmt.where(_in_force_clause(strikes)) if in_force else stmt


class SqlEnforcementTransaction(SqlTransaction):
    """Enforcement writes in one transaction."""

    def append(self, records: Sequence[EnforcementRecord]) -> None:
        """Appends records in the given order."""
        insert_records(self.conn, records)


class SqlEnforcementRepository:
    """Append-only enforcement records keyed by user, and the reads built on decisions."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)
        self._decode = RecordDecoder()

    def records_for(self, user_id: str) -> list[EnforcementRecord]:
        """Returns every record of a user, oldest first."""
        return self.records_for_many([user_id]).get(user_id, [])

    def records_for_many(
        self, user_ids: Sequence[str], *, in_force: InForce | None = None
    ) -> dict[str, list[EnforcementRecord]]:
        """Returns the records of several users (those `in_force` keeps, if given), oldest first."""
        out: dict[str, list[EnforcementRecord]] = {}
        ids = list(dict.fromkeys(user_ids))
        strikes = in_force is not None and in_force.strikes_since is not None
        stmt = _records_select(self._db.dialect, in_force is not None, strikes)
        params: dict[str, Any] = {}
        if in_force is not None:
            params["now"] = in_force.now
            if strikes:
                params["strikes_since"] = in_force.strikes_since
        # Records are append-only and each user is in one chunk: no snapshot to share.
        with translate_errors(), self._db.read_one() as conn:
            for i in range(0, len(ids), _IN_CHUNK):
                params["users"] = ids[i : i + _IN_CHUNK]
                for user_id, body in conn.execute(stmt, params).all():
                    out.setdefault(user_id, []).append(self._decode(body))
        return out

    def transaction(self) -> AbstractContextManager[SqlEnforcementTransaction]:
        """Opens a write transaction (records and their events commit together)."""
        return self._uow.open(SqlEnforcementTransaction)

    def users_with_bans(self, channel_id: str | None, limit: int, now: datetime) -> list[str]:
        """Returns users with a ban that has not expired (lifts are checked by the caller)."""
        r = enforcement_records.c
        conds: list[ColumnElement[bool]] = [
            r.kind == "ban_issued",
            or_(r.expires_at.is_(None), r.expires_at > now),
        ]
        if channel_id is not None:
            conds.append(or_(r.channel_id == channel_id, r.channel_id.is_(None)))
        stmt = (
            select(r.user_id)
            .where(and_(*conds))
            .group_by(r.user_id)
            .order_by(func.max(r.seq).desc())
            .limit(limit)
        )
        with translate_errors(), self._db.read() as conn:
            return [row[0] for row in conn.execute(stmt).all()]

    def stats(self, query: StatsQuery) -> list[StatsCount]:
        """Counts decisions per bucket by decision and by category (GROUP BY in the database)."""
        d, m = t.decisions.c, t.messages.c
        bucket = time_bucket(d.created_at, self._db.dialect, query.bucket).label("bucket")
        conds: list[ColumnElement[bool]] = [
            d.created_at >= query.since,
            d.created_at < query.until,
        ]
        if query.channel_id is not None:
            conds.append(m.channel_id == query.channel_id)
        if query.author_id is not None:
            conds.append(m.author_id == query.author_id)
        joined = t.decisions.join(t.messages, t.messages.c.id == d.message_id)
        by_action = (
            select(bucket, d.action, func.count())
            .select_from(joined)
            .where(and_(*conds))
            .group_by(bucket, d.action)
        )
        elements, key = _reason_keys(self._db.dialect)
        key = key.label("key")
        by_category = (
            select(bucket, key, func.count(d.id.distinct()))
            .select_from(joined.join(elements, true()))
            .where(and_(*conds))
            .group_by(bucket, key)
        )
        with translate_errors(), self._db.read() as conn:
            actions = conn.execute(by_action).all()
            categories = conn.execute(by_category).all()
        out = [StatsCount(_bucket(b), "decision", str(a), int(n)) for b, a, n in actions]
        out.extend(
            StatsCount(_bucket(b), "category", str(k), int(n))
            for b, k, n in categories
            if k is not None
        )
        return out


def _bucket(label: str) -> datetime:
    return datetime.fromisoformat(label).replace(tzinfo=UTC)
