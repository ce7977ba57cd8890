"""Everything stored about one author, read for an export or erased in one transaction."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    exists,
    false,
    or_,
    select,
    update,
)

from civility.events.models import EventType
from civility.privacy.service import Erasure
from civility.scoring.base import CATEGORIES
from civility.storage import tables as t
from civility.storage.db import Database
from civility.storage.repositories import as_utc, translate_errors
from civility.storage.tables_appeals import appeals, reporters, user_reports
from civility.storage.tables_decisions import human_decisions
from civility.storage.tables_enforcement import enforcement_records
from civility.storage.tables_ratings import (
    rater_trust,
    rating_flags,
    rating_reviews,
    rating_stats,
    rating_versions,
    ratings,
)
from civility.storage.tables_review import review_notes
from civility.storage.tables_suggestions import score_suggestions
from civility.storage.unit_of_work import SqlTransaction, SqlUnitOfWork
from civility.suggestions.models import text_digest

# Event types whose payload carries text someone wrote (notes, a verdict's or a decision's
# note); the payload fields that hold it.
TEXT_EVENTS = (
    EventType.USER_NOTE_ADDED.value,
    EventType.REVIEW_NOTE_ADDED.value,
    # A moderator's verdict, escalation or reversal note, and a person's decision's note.
    EventType.REVIEW_RESOLVED.value,
    EventType.REVIEW_ESCALATED.value,
    EventType.REVIEW_REVERSED.value,
    EventType.MESSAGE_RESTORED.value,
    EventType.MESSAGE_HIDDEN.value,
    EventType.MESSAGE_REMOVED.value,
    EventType.MESSAGE_FLAGGED.value,
    EventType.REPORT_RESOLVED.value,
    EventType.APPEAL_SUBMITTED.value,
    EventType.APPEAL_UPHELD.value,
    EventType.APPEAL_DENIED.value,
)
TEXT_FIELDS = ("text", "note", "statement")
# What an author's export shows of reports about their messages: not who reported them, nor
# the reporter's own words (another person's data).
REPORT_ABOUT_COLUMNS = ("id", "message_id", "reason", "status", "created_at", "resolved_at")
# What an author's export shows of score suggestions about their texts: not who sent them
# (an API key of the platform) nor the platform's grouping fields.
SUGGESTION_COLUMNS = ("id", "created_at", "text", "attribute", "category", "value", "languages")
# What an author's export shows of a rating review item that names them: not the other
# accounts, their evidence, or the moderator who decided it.
RATING_REVIEW_COLUMNS = (
    "id",
    "kind",
    "status",
    "post_ids",
    "created_at",
    "updated_at",
    "resolved_at",
)
# Rows per IN (...) list: well under SQLite's bound-parameter limit.
CHUNK = 500


def _message_ids(author_id: str) -> Select[tuple[str]]:
    return select(t.messages.c.id).where(t.messages.c.author_id == author_id)


def _appeal_ids(author_id: str) -> Select[tuple[str]]:
    return select(appeals.c.id).where(appeals.c.author_id == author_id)


def _about(author_id: str, table: Table) -> ColumnElement[bool]:
    """Rows (notes, events) whose subject is the author, one of the author's messages or
    (events) one of the author's appeals."""
    kind, subject = table.c.subject_type, table.c.subject_id
    return or_(
        and_(kind == "user", subject == author_id),
        and_(kind == "message", subject.in_(_message_ids(author_id))),
        and_(kind == "appeal", subject.in_(_appeal_ids(author_id))),
    )


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _text_digests(conn: Connection, author_id: str, tombstones: tuple[str, ...]) -> list[str]:
    """SHA-256 digests of the author's stored texts (score suggestions are keyed by them)."""
    m = t.messages.c
    texts = conn.execute(
        select(m.text).where(m.author_id == author_id, m.text.not_in(tombstones)).distinct()
    ).scalars()
    return sorted({text_digest(text) for text in texts})


def _suggestions(digests: list[str]) -> ColumnElement[bool]:
    c = score_suggestions.c.text_sha256
    return or_(false(), *(c.in_(chunk) for chunk in _chunks(digests)))


def _like_escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _reviews_naming(conn: Connection, author_id: str) -> list[Row[Any]]:
    """Rating review items whose accounts include the author.

    The JSON list is matched as text first (the author's id as orjson writes it, quotes
    included, which both databases keep verbatim in a JSON column), then exactly.
    """
    token = orjson.dumps(author_id).decode()
    pattern = f"%{_like_escaped(token)}%"
    c = rating_reviews.c
    rows = conn.execute(
        select(rating_reviews)
        .where(cast(c.user_ids, Text).like(pattern, escape="\\"))
        .order_by(c.created_at, c.id)
    ).all()
    return [r for r in rows if author_id in (r.user_ids or ())]


def _plain(row: Row[Any]) -> dict[str, Any]:
    """A row as JSON-ready values (UTC datetimes)."""
    return {k: as_utc(v) if isinstance(v, datetime) else v for k, v in row._mapping.items()}


class SqlAuthorData:
    """The author data repository on SQLite or PostgreSQL."""

    def __init__(self, db: Database, *, unit_of_work: SqlUnitOfWork | None = None) -> None:
        self._db = db
        self._uow = unit_of_work or SqlUnitOfWork(db)

    def export(self, author_id: str) -> dict[str, list[dict[str, Any]]]:
        """Returns every stored row about an author, by section."""
        m, s, d = t.messages.c, t.message_scores.c, t.decisions.c
        messages = (
            select(
                t.messages,
                *(getattr(s, c).label(f"score_{c}") for c in CATEGORIES),
                d.action.label("decision"),
                d.severity.label("decision_severity"),
                d.reasons.label("decision_reasons"),
                d.policy_version.label("decision_policy_version"),
                d.created_at.label("decided_at"),
            )
            .outerjoin(t.message_scores, s.message_id == m.id)
            .outerjoin(t.decisions, d.message_id == m.id)
            .where(m.author_id == author_id)
            .order_by(m.received_at, m.id)
        )
        queries = {
            "messages": messages,
            "human_decisions": select(human_decisions)
            .where(human_decisions.c.message_id.in_(_message_ids(author_id)))
            .order_by(human_decisions.c.created_at),
            "enforcement": select(enforcement_records)
            .where(enforcement_records.c.user_id == author_id)
            .order_by(enforcement_records.c.seq),
            "notes": select(review_notes)
            .where(_about(author_id, review_notes))
            .order_by(review_notes.c.created_at),
            "ratings": select(ratings)
            .where(ratings.c.user_id == author_id)
            .order_by(ratings.c.rated_at),
            "rating_versions": select(rating_versions)
            .where(rating_versions.c.user_id == author_id)
            .order_by(rating_versions.c.rated_at),
            "rating_flags": select(rating_flags).where(rating_flags.c.user_id == author_id),
            "rater_trust": select(rater_trust).where(rater_trust.c.user_id == author_id),
            "reports_made": select(user_reports)
            .where(user_reports.c.reporter_id == author_id)
            .order_by(user_reports.c.created_at),
            "reports_about": select(*(user_reports.c[c] for c in REPORT_ABOUT_COLUMNS))
            .where(user_reports.c.message_id.in_(_message_ids(author_id)))
            .order_by(user_reports.c.created_at),
            "reporter": select(reporters).where(reporters.c.reporter_id == author_id),
            "appeals": select(appeals)
            .where(appeals.c.author_id == author_id)
            .order_by(appeals.c.created_at),
        }
        with translate_errors(), self._db.read() as conn:
            out = {name: [_plain(r) for r in conn.execute(q)] for name, q in queries.items()}
            reviews = _reviews_naming(conn, author_id)
            out["rating_reviews"] = [_review_view(r, author_id) for r in reviews]
            digests = _text_digests(conn, author_id, ())
            suggested = select(*(score_suggestions.c[c] for c in SUGGESTION_COLUMNS)).where(
                _suggestions(digests)
            )
            out["score_suggestions"] = [
                _plain(r)
                for r in conn.execute(
                    suggested.order_by(score_suggestions.c.created_at, score_suggestions.c.id)
                )
            ]
            events = select(t.events).where(
                or_(_about(author_id, t.events), _about_ratings(author_id, [r.id for r in reviews]))
            )
            out["events"] = [_plain(r) for r in conn.execute(events.order_by(t.events.c.seq))]
        for row in out["events"]:
            row.pop("txid", None)  # a storage detail, never published
        return out

    def transaction(self) -> AbstractContextManager[SqlPrivacyTransaction]:
        """Opens a write transaction (an erasure and its event commit together)."""
        return self._uow.open(SqlPrivacyTransaction)


class SqlPrivacyTransaction(SqlTransaction):
    """Erasure and purge writes in one transaction."""

    def erase(self, author_id: str, tombstone: str) -> Erasure:
        """Erases texts, metadata, personal fields, notes, ratings (with their versions, flags,
        learned trust and review-item entries) and suggestions about the texts."""
        return _erase(self.conn, author_id, tombstone)

    def purge_texts(self, before: datetime, tombstone: str, limit: int) -> list[str]:
        """Blanks texts and metadata of decided messages received before `before`."""
        m = t.messages.c
        decided = exists().where(t.decisions.c.message_id == m.id)
        stmt = (
            select(m.id)
            .where(m.received_at < before, m.text != tombstone, decided)
            .order_by(m.received_at)
            .limit(limit)
        )
        ids = list(self.conn.execute(stmt).scalars())
        if ids:
            self.conn.execute(
                update(t.messages)
                .where(m.id.in_(ids))
                .values(text=tombstone, metadata={}, author_created_at=None, image=None)
            )
        return ids


def _erase(conn: Connection, author_id: str, tombstone: str) -> Erasure:
    """Erases texts, metadata, personal fields, notes, ratings (with their versions, flags,
    learned trust and review-item entries) and suggestions about the texts."""
    m = t.messages.c
    # Before the texts become tombstones: suggestions are found by their texts' digests.
    digests = _text_digests(conn, author_id, (tombstone,))
    suggestions = (
        conn.execute(delete(score_suggestions).where(_suggestions(digests))).rowcount
        if digests
        else 0
    )
    messages = conn.execute(
        update(t.messages)
        .where(m.author_id == author_id)
        .values(text=tombstone, metadata={}, author_created_at=None, image=None)
    ).rowcount
    events = _blank_event_texts(conn, _about(author_id, t.events), tombstone)
    notes = conn.execute(delete(review_notes).where(_about(author_id, review_notes))).rowcount
    reviews = _reviews_naming(conn, author_id)
    # Before the versions go: the events that name them keep no score.
    events += _blank_rating_events(conn, author_id, [r.id for r in reviews])
    left = _leave_reviews(conn, author_id, reviews)
    # Before the ratings go: the per-post sums drop what they added.
    rated_posts = _drop_from_stats(conn, author_id)
    rated = conn.execute(delete(ratings).where(ratings.c.user_id == author_id)).rowcount
    for table in (rating_versions, rating_flags):
        conn.execute(delete(table).where(table.c.user_id == author_id))
    raters = _forget_rater(conn, author_id)
    r = user_reports.c
    reports = conn.execute(
        update(user_reports)
        .where(
            or_(r.reporter_id == author_id, r.message_id.in_(_message_ids(author_id))),
            r.text.is_not(None),
            r.text != tombstone,
        )
        .values(text=tombstone)
    ).rowcount
    a = appeals.c
    appealed = conn.execute(
        update(appeals)
        .where(a.author_id == author_id)
        .values(
            statement=tombstone,
            decision_note=case((a.decision_note.is_(None), None), else_=tombstone),
        )
    ).rowcount
    return Erasure(
        messages=messages,
        notes=notes,
        ratings=rated,
        events=events,
        reports=reports,
        appeals=appealed,
        raters=raters,
        rating_reviews=left,
        suggestions=suggestions,
        rated_posts=rated_posts,
    )


def _blank_event_texts(conn: Connection, about: ColumnElement[bool], tombstone: str) -> int:
    """Replaces the free text of events about the author (the log keeps that they happened)."""
    e = t.events.c
    rows = conn.execute(select(e.seq, e.payload).where(e.type.in_(TEXT_EVENTS), about)).all()
    changed = 0
    for seq, payload in rows:
        if not isinstance(payload, dict):
            continue
        texts = [f for f in TEXT_FIELDS if payload.get(f) not in (None, "", tombstone)]
        if texts:
            blanked = {**payload, **dict.fromkeys(texts, tombstone)}
            conn.execute(update(t.events).where(e.seq == seq).values(payload=blanked))
            changed += 1
    return changed


def _about_ratings(author_id: str, review_ids: list[str]) -> ColumnElement[bool]:
    """Events about the author's rating versions or the rating review items naming them."""
    kind, subject = t.events.c.subject_type, t.events.c.subject_id
    versions = select(rating_versions.c.id).where(rating_versions.c.user_id == author_id)
    return or_(
        and_(kind == "rating", subject.in_(versions)),
        *(and_(kind == "rating_review", subject.in_(chunk)) for chunk in _chunks(review_ids)),
    )


def _review_view(row: Row[Any], author_id: str) -> dict[str, Any]:
    """A rating review item as the author's export shows it: what concerns them only."""
    view = {c: row._mapping[c] for c in RATING_REVIEW_COLUMNS}
    evidence = row.evidence if isinstance(row.evidence, dict) else {}
    accounts = evidence.get("accounts")
    view["account"] = accounts.get(author_id) if isinstance(accounts, dict) else None
    return {k: as_utc(v) if isinstance(v, datetime) else v for k, v in view.items()}


def _leave_reviews(conn: Connection, author_id: str, reviews: list[Row[Any]]) -> int:
    """Takes the author out of rating review items (accounts and per-account evidence).

    The item, its status and its per-post sums stay: they are the moderation record and an
    aggregate; a moderator's later verdict then never reaches the erased account.
    """
    c = rating_reviews.c
    for row in reviews:
        evidence = dict(row.evidence) if isinstance(row.evidence, dict) else {}
        accounts = evidence.get("accounts")
        if isinstance(accounts, dict) and author_id in accounts:
            evidence["accounts"] = {k: v for k, v in accounts.items() if k != author_id}
        conn.execute(
            update(rating_reviews)
            .where(c.id == row.id)
            .values(
                user_ids=[u for u in row.user_ids if u != author_id],
                evidence=evidence,
                version=c.version + 1,
            )
        )
    return len(reviews)


def _blank_rating_events(conn: Connection, author_id: str, review_ids: list[str]) -> int:
    """Drops the score from events about the author's rating versions, and the author from
    the accounts listed by events about review items (the log keeps that they happened)."""
    e = t.events.c
    rows = conn.execute(select(e.seq, e.payload).where(_about_ratings(author_id, review_ids))).all()
    changed = 0
    for seq, payload in rows:
        if not isinstance(payload, dict):
            continue
        after = dict(payload)
        if after.get("user_id") == author_id and after.get("score") is not None:
            after["score"] = None
        users = after.get("user_ids")
        if isinstance(users, list) and author_id in users:
            after["user_ids"] = [u for u in users if u != author_id]
        if after != payload:
            conn.execute(update(t.events).where(e.seq == seq).values(payload=after))
            changed += 1
    return changed


def _drop_from_stats(conn: Connection, author_id: str) -> tuple[str, ...]:
    """Subtracts the author's current ratings from their posts' sums (the same contribution
    the applier added: StatsDelta.of); returns those posts.

    A post left with no rating loses its stable average and rating times too: with one rater
    they were that rater's score and time.
    """
    r, c = ratings.c, rating_stats.c
    rows = conn.execute(
        select(r.post_id, r.score, r.weight, r.suspicious).where(r.user_id == author_id)
    ).all()
    if not rows:
        return ()
    left = c.count - 1  # one current rating per (post, user)
    empty = left <= 0

    def minus(column: Any, name: str) -> Any:
        # Exactly 0 on an emptied post, not the running sums' float residue.
        return case((empty, 0.0), else_=column - bindparam(name))

    conn.execute(
        update(rating_stats)
        .where(c.post_id == bindparam("post"))
        .values(
            count=case((empty, 0), else_=left),
            score_sum=minus(c.score_sum, "score"),
            trusted_weight=minus(c.trusted_weight, "weight"),
            trusted_sum=minus(c.trusted_sum, "weighted"),
            suspicious_count=case((empty, 0), else_=c.suspicious_count - bindparam("held")),
            stable_average=case((empty, None), else_=c.stable_average),
            first_rated_at=case((empty, None), else_=c.first_rated_at),
            last_rated_at=case((empty, None), else_=c.last_rated_at),
        ),
        [
            {
                "post": row.post_id,
                "score": row.score,
                "weight": row.weight,
                "weighted": row.weight * row.score,
                "held": int(row.suspicious),
            }
            for row in rows
        ],
    )
    return tuple(row.post_id for row in rows)


def _forget_rater(conn: Connection, author_id: str) -> int:
    """Deletes what the trust model learned about the author; a blocked rater keeps only
    the block (a moderator's verdict, like a ban), with nothing learned from their ratings."""
    c = rater_trust.c
    row = conn.execute(select(rater_trust).where(c.user_id == author_id)).first()
    if row is None:
        return 0
    if not row.blocked:
        return conn.execute(delete(rater_trust).where(c.user_id == author_id)).rowcount
    blank = {"active_days": 0.0, "agree": 0.0, "judged": 0.0, "last_day": -1, "pending": []}
    if all(row._mapping[k] == v for k, v in blank.items()):
        return 0
    conn.execute(update(rater_trust).where(c.user_id == author_id).values(**blank))
    return 1
