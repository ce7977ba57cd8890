"""Migrations build exactly the tables the code declares, and the repository behaves the same,
on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from civility.errors import Conflict
from civility.events.models import Event, EventQuery
from civility.moderation.records import MessageQuery, Outcome, StoredDecision, StoredMessage
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.storage.db import Database
from civility.storage.repositories import SqlEventRepository, SqlModerationRepository
from civility.storage.schema import metadata

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


RUN = itertools.count()


def _message(i: int, channel: str = "c1", text: str = "hello") -> StoredMessage:
    # The PostgreSQL database lives for the whole session: keep ids unique across tests.
    run = next(RUN)
    return StoredMessage(
        id=f"msg_{run:010d}{i:016d}",
        platform_message_id=f"p{run}-{i}",
        author_id="a1",
        channel_id=channel,
        text=text,
        language="en",
        metadata={"k": i},
        author_created_at=None,
        received_at=NOW + timedelta(seconds=i),
    )


def _outcome(m: StoredMessage, toxicity: float, action: Action) -> Outcome:
    reason = Reason("toxicity", "t", ReasonSource.MODEL, action, "toxicity", toxicity, ((0, 2),))
    decision = StoredDecision(
        id=f"dec_{m.id[4:]}",
        message_id=m.id,
        action=action,
        severity=Severity.LOW,
        reasons=(reason,),
        policy_version=1,
        scorer="s:1",
        path="sync",
        created_at=NOW,
    )
    scores = dict.fromkeys(
        ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"), 0.0
    )
    scores["toxicity"] = toxicity
    event = Event(
        id=f"decision:{m.id}",
        type=f"message.{action.value}",
        actor="system",
        subject_type="message",
        subject_id=m.id,
        channel_id=m.channel_id,
        payload={"x": 1},
        created_at=NOW,
    )
    return Outcome(m, scores, "s:1", decision, (event,))


def _store(repo: SqlModerationRepository, outcomes: Sequence[Outcome]) -> None:
    """Stores decided messages, their decisions and events, as the moderation service does."""
    with repo.transaction() as tx:
        tx.insert_messages([o.message for o in outcomes])
        tx.save_outcomes(outcomes)
        tx.record([e for o in outcomes for e in o.events])


def test_migrations_match_the_declared_tables(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_outcomes_round_trip_and_filter(db: Database) -> None:
    repo = SqlModerationRepository(db)
    channel = f"round-trip-{next(RUN)}"  # the PostgreSQL database is shared by the session
    ms = [_message(i, channel=channel) for i in range(4)]
    _store(repo, [_outcome(ms[0], 0.9, Action.HIDE), _outcome(ms[1], 0.1, Action.ALLOW)])
    with repo.transaction() as tx:  # accepted, not decided yet
        tx.insert_messages(ms[2:])
    views = repo.get_views([m.id for m in ms])
    assert views[ms[0].id].decision is not None
    assert views[ms[0].id].decision.reasons[0].spans == ((0, 2),)
    assert views[ms[0].id].message.received_at == ms[0].received_at
    assert views[ms[0].id].message.metadata == {"k": 0}
    assert views[ms[2].id].status == "pending"
    pending = [m.id for m in repo.pending_messages(10_000)]
    assert ms[2].id in pending
    assert ms[3].id in pending
    assert ms[0].id not in pending
    ours = {m.id for m in ms}
    hidden = repo.list_messages(MessageQuery(channel_id=channel, action=Action.HIDE))
    assert [v.message.id for v in hidden] == [ms[0].id]
    toxic = repo.list_messages(MessageQuery(channel_id=channel, min_scores={"toxicity": 0.5}))
    assert [v.message.id for v in toxic] == [ms[0].id]
    assert {v.message.id for v in repo.list_messages(MessageQuery(channel_id=channel))} == ours
    key = (ms[1].channel_id, ms[1].platform_message_id)
    found = repo.find_messages([key, (channel, "nope")])
    assert list(found) == [key]


def test_find_messages_returns_only_the_pairs_asked_for(db: Database) -> None:
    # The look-up matches channels and ids as two lists: (c1, b) and (c2, a) exist and match
    # both lists, yet were not asked for.
    repo = SqlModerationRepository(db)
    run = next(RUN)
    c1, c2 = f"fc1-{run}", f"fc2-{run}"
    a1, b1 = _message(1, c1), _message(2, c1)
    a2, b2 = _message(3, c2), _message(4, c2)
    b1 = replace(b1, platform_message_id=f"b-{run}")
    b2 = replace(b2, platform_message_id=f"b-{run}")
    a1 = replace(a1, platform_message_id=f"a-{run}")
    a2 = replace(a2, platform_message_id=f"a-{run}")
    with repo.transaction() as tx:
        tx.insert_messages([a1, b1, a2, b2])
    asked = [(c1, f"a-{run}"), (c2, f"b-{run}"), (c1, "missing")]
    found = repo.find_messages(asked)
    assert set(found) == {(c1, f"a-{run}"), (c2, f"b-{run}")}
    assert found[(c1, f"a-{run}")].message.id == a1.id
    assert found[(c2, f"b-{run}")].message.id == b2.id


def test_a_second_decision_for_a_message_is_refused_whole(db: Database) -> None:
    repo, events = SqlModerationRepository(db), SqlEventRepository(db)
    m = _message(7)
    _store(repo, [_outcome(m, 0.9, Action.HIDE)])

    def decide_again() -> None:
        again = _outcome(m, 0.9, Action.HIDE)
        with repo.transaction() as tx:
            tx.save_outcomes([again])
            tx.record(again.events)

    with pytest.raises(Conflict):
        decide_again()
    assert len(events.list_events(EventQuery(subject_id=m.id))) == 1


def test_event_log_pages_newest_first(db: Database) -> None:
    repo, events = SqlModerationRepository(db), SqlEventRepository(db)
    channel = f"paging-{next(RUN)}"
    _store(repo, [_outcome(_message(i, channel=channel), 0.5, Action.FLAG) for i in range(5)])
    page = events.list_events(EventQuery(channel_id=channel, limit=3))
    rest = events.list_events(EventQuery(channel_id=channel, limit=3, before_seq=page[-1].seq))
    seqs = [e.seq for e in page + rest]
    assert len(seqs) == 5
    assert seqs == sorted(seqs, reverse=True)
    assert len(events.list_events(EventQuery(channel_id=channel, type="message.*"))) == 5
    assert events.list_events(EventQuery(channel_id=channel, type="message.hidden")) == []
