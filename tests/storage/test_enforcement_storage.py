"""SQL enforcement storage on SQLite and on a real PostgreSQL: policies, blocklist, records."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

from civility.blocklists.matcher import BlocklistEntry, EntryKind
from civility.blocklists.service import BlocklistRecord
from civility.clock import ManualClock
from civility.enforcement.engine import InForce
from civility.enforcement.records import (
    BanIssued,
    BanLifted,
    EnforcementRecord,
    StrikeAdded,
    StrikesReset,
    WarningIssued,
)
from civility.enforcement.service import StatsQuery
from civility.events.models import Event, EventQuery
from civility.moderation.records import Outcome, StoredDecision, StoredMessage
from civility.policy.model import Policy
from civility.policy.verdict import Action, Reason, ReasonSource, Severity
from civility.storage.db import Database
from civility.storage.enforcement import (
    SqlBlocklistRepository,
    SqlEnforcementRepository,
    SqlPolicyRepository,
)
from civility.storage.repositories import SqlEventRepository, SqlModerationRepository

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
RUN = itertools.count()


def unique(prefix: str) -> str:
    # The PostgreSQL database lives for the whole session: keep names unique across tests.
    # Zero-padded, so ids made in order also sort in order (the repositories page by id).
    return f"{prefix}-{next(RUN):08d}-{id(RUN)}"


def _event(subject: str) -> Event:
    return Event(
        id=unique("evt"),
        type="test.event",
        actor="t",
        subject_type="x",
        subject_id=subject,
        channel_id=None,
        payload={},
        created_at=NOW,
    )


def _append(
    repo: SqlEnforcementRepository, records: list[EnforcementRecord], events: list[Event]
) -> None:
    with repo.transaction() as tx:
        tx.append(records)
        tx.record(events)


def test_policy_versions_are_append_only_and_numbered_across_scopes(db: Database) -> None:
    clock = ManualClock(NOW)
    repo = SqlPolicyRepository(db, clock, check_interval=0)
    channel = unique("chan")
    assert repo.get(channel) is None
    first = repo.save(Policy.default(channel))
    with repo.transaction() as tx:
        second = tx.save_version(Policy.default(channel), actor="admin", now=NOW)
        tx.record([_event(f"v{second.version}")])
    assert 1 < first.version < second.version
    assert repo.get(channel) == second
    history = repo.history(channel, 10)
    assert [v.policy.version for v in history] == [second.version, first.version]
    assert history[0].actor == "admin"
    events = SqlEventRepository(db).list_events(EventQuery(subject_id=f"v{second.version}"))
    assert len(events) == 1
    # Another process's edit shows up once the counter moves.
    other = SqlPolicyRepository(db, clock, check_interval=0)
    third = other.save(Policy.default(channel))
    assert repo.get(channel) == third


def test_blocklist_soft_delete_bumps_the_version(db: Database) -> None:
    repo = SqlBlocklistRepository(db)
    before = repo.version()
    channel = unique("bl")
    records = [
        BlocklistRecord(
            BlocklistEntry(
                f"word{i}", EntryKind.WORD, Action.BLOCK, channel_id=channel, id=unique("bl")
            ),
            "admin",
            NOW,
        )
        for i in range(3)
    ]
    with repo.transaction() as tx:
        tx.add(records)
        tx.record([_event(channel)])
    assert repo.version() == before + 1
    ours = [r for r in repo.active() if r.entry.channel_id == channel]
    assert [r.entry.pattern for r in ours] == ["word0", "word1", "word2"]
    assert ours[0].created_at == NOW
    with repo.transaction() as tx:
        assert tx.remove(records[1].entry.id or "", "admin", NOW)
        assert not tx.remove(records[1].entry.id or "", "admin", NOW)
    assert repo.version() == before + 2
    page = repo.page(channel, None, 1)
    rest = repo.page(channel, page[0].entry.id, 10)
    assert [r.entry.pattern for r in page + rest] == ["word0", "word2"]


def test_records_in_force_are_filtered_in_sql_as_in_the_domain(db: Database) -> None:
    repo = SqlEnforcementRepository(db)
    user = unique("user")
    now = NOW + timedelta(days=90)
    records: list[EnforcementRecord] = [
        StrikeAdded(user, "c1", NOW, 1.0, Severity.MEDIUM, "old", "msg_1"),
        StrikesReset(user, "c1", NOW + timedelta(days=1), "mod", "old reset"),
        BanIssued(user, "c1", NOW, NOW + timedelta(days=1), "system", "ended"),
        BanIssued(user, None, NOW, None, "mod", "permanent"),
        BanLifted(user, None, NOW + timedelta(days=2), "mod", "appeal"),
        WarningIssued(user, "c1", now - timedelta(days=1), 2.0, "recent warning"),
        StrikeAdded(user, "c1", now - timedelta(days=1), 1.0, Severity.MEDIUM, "new", "msg_2"),
        StrikesReset(user, None, now - timedelta(hours=1), "mod", "new reset"),
        BanIssued(user, "c2", now - timedelta(hours=1), now + timedelta(hours=1), "m", "live"),
    ]
    _append(repo, records, [_event(user)])
    in_force = InForce(now=now, strikes_since=now - timedelta(days=30))
    expected = [r for r in records if in_force.keeps(r)]
    assert len(expected) == 5
    assert repo.records_for_many([user], in_force=in_force) == {user: expected}
    assert repo.records_for_many([user]) == {user: records}


def test_enforcement_records_round_trip_in_order(db: Database) -> None:
    repo = SqlEnforcementRepository(db)
    user = unique("user")
    records: list[EnforcementRecord] = [
        StrikeAdded(user, "c1", NOW, 1.0, Severity.MEDIUM, "insult", "msg_1"),
        BanIssued(user, "c1", NOW, NOW + timedelta(hours=1), "system", "3 strikes"),
        BanIssued(user, None, NOW, None, "mod", "raids"),
        BanLifted(user, None, NOW + timedelta(minutes=1), "mod", "appeal"),
    ]
    _append(repo, records, [_event(user)])
    assert repo.records_for(user) == records
    assert repo.records_for_many([user, "nobody"]) == {user: records}
    assert user in repo.users_with_bans("c1", 1000, NOW)
    assert user in repo.users_with_bans(None, 1000, NOW)
    # Only the global permanent ban is unexpired in two hours (its lifting is for the caller).
    assert user in repo.users_with_bans("c2", 1000, NOW + timedelta(hours=2))
    expired = unique("user")
    _append(repo, [BanIssued(expired, "c1", NOW, NOW + timedelta(hours=1), "m", "r")], [])
    assert expired not in repo.users_with_bans("c1", 1000, NOW + timedelta(hours=2))


def _decided(channel: str, author: str, i: int, action: Action, at: datetime) -> Outcome:
    run = next(RUN)
    m = StoredMessage(
        id=f"msg_{run:010d}{i:016d}",
        platform_message_id=f"p{run}",
        author_id=author,
        channel_id=channel,
        text=f"text {i}",
        language="en",
        metadata={},
        author_created_at=None,
        received_at=at,
    )
    reasons: tuple[Reason, ...] = ()
    if action is not Action.ALLOW:
        reasons = (
            Reason("insult", "i", ReasonSource.MODEL, action, "insult", 0.8),
            Reason("toxicity", "t", ReasonSource.MODEL, Action.FLAG, "toxicity", 0.6),
            Reason("blocklist", "b", ReasonSource.BLOCKLIST, action),
            Reason("blocklist", "b2", ReasonSource.BLOCKLIST, action),
        )
    d = StoredDecision(
        id=f"dec_{m.id[4:]}",
        message_id=m.id,
        action=action,
        severity=Severity.MEDIUM,
        reasons=reasons,
        policy_version=1,
        scorer=None,
        path="sync",
        created_at=at,
    )
    strike = StrikeAdded(author, channel, at, 1.0, Severity.MEDIUM, "insult", m.id)
    records = (strike,) if action is not Action.ALLOW else ()
    return Outcome(m, None, None, d, (), records)


def test_stats_group_by_buckets_and_violations(db: Database) -> None:
    channel, author = unique("stats"), unique("author")
    moderation = SqlModerationRepository(db)
    t0 = datetime(2026, 3, 1, 10, 15, tzinfo=UTC)
    outcomes = [
        _decided(channel, author, 0, Action.HIDE, t0),
        _decided(channel, author, 1, Action.ALLOW, t0 + timedelta(minutes=5)),
        _decided(channel, author, 2, Action.BLOCK, t0 + timedelta(hours=1)),
        _decided(channel, "someone", 3, Action.HIDE, t0 + timedelta(days=1)),
    ]
    with moderation.transaction() as tx:
        tx.insert_messages([o.message for o in outcomes])
        tx.save_outcomes(outcomes)  # with the strikes the decisions caused
        tx.record([e for o in outcomes for e in o.events])
    repo = SqlEnforcementRepository(db)
    assert len(repo.records_for(author)) == 2  # written with the decisions

    query = StatsQuery(t0 - timedelta(hours=1), t0 + timedelta(days=2), "hour", channel_id=channel)
    rows = {(r.bucket, r.dimension, r.key): r.count for r in repo.stats(query)}
    ten = datetime(2026, 3, 1, 10, tzinfo=UTC)
    assert rows[(ten, "decision", "hide")] == 1
    assert rows[(ten, "decision", "allow")] == 1
    assert rows[(ten, "category", "insult")] == 1
    assert rows[(ten, "category", "blocklist")] == 1  # counted once per decision
    assert rows[(ten + timedelta(hours=1), "decision", "block")] == 1
    daily = StatsQuery(t0 - timedelta(hours=1), t0 + timedelta(days=2), "day", author_id=author)
    day_rows = {(r.bucket, r.dimension, r.key): r.count for r in repo.stats(daily)}
    first_day = datetime(2026, 3, 1, tzinfo=UTC)
    assert day_rows[(first_day, "decision", "hide")] == 1
    assert sum(n for (b, dim, _), n in day_rows.items() if dim == "decision") == 3

    messages = SqlModerationRepository(db)
    found = messages.violations(author, None, 10)
    assert [v.message.id for v in found] == [outcomes[2].message.id, outcomes[0].message.id]
    older = messages.violations(author, found[0].message.id, 10)
    assert [v.message.id for v in older] == [outcomes[0].message.id]


def test_records_copied_in_bulk_are_stored_and_read_like_single_inserts(db: Database) -> None:
    # 8+ records in one append go by COPY on PostgreSQL, fewer by INSERT: the same bytes.
    from sqlalchemy import Text, cast, select

    from civility.storage.tables_enforcement import enforcement_records

    def records(user: str) -> list[EnforcementRecord]:
        east = timezone(timedelta(hours=5, minutes=30))
        return [
            StrikeAdded(user, "c1", NOW, 1.5, Severity.HIGH, "insulte «grave» 🙂", "msg_1"),
            StrikeAdded(user, "c2", NOW.astimezone(east), 0.25, Severity.LOW, 'q"uote\\', None),
            StrikesReset(user, None, NOW, "mod", "tab\there"),
            WarningIssued(user, "c1", NOW, 2.0, "line\nbreak"),
            BanIssued(user, "c1", NOW, NOW + timedelta(hours=1), "system", "3 strikes"),
            BanIssued(user, None, NOW, None, "mod", "raids"),
            BanLifted(user, None, NOW + timedelta(minutes=1), "mod", "appeal"),
            StrikeAdded(user, "c1", NOW + timedelta(seconds=1), 1.0, Severity.MEDIUM, "x", "m2"),
        ]

    repo = SqlEnforcementRepository(db)
    bulk, single = unique("user"), unique("user")
    _append(repo, records(bulk), [])
    for record in records(single):
        _append(repo, [record], [])
    r = enforcement_records.c
    columns = (r.channel_id, r.kind, r.message_id, cast(r.body, Text), r.created_at, r.expires_at)

    def stored(user: str) -> list[tuple[object, ...]]:
        with db.read() as conn:
            rows = conn.execute(select(*columns).where(r.user_id == user).order_by(r.seq))
            return [tuple(row) for row in rows]

    assert [tuple(str(v).replace(bulk, "U") for v in row) for row in stored(bulk)] == [
        tuple(str(v).replace(single, "U") for v in row) for row in stored(single)
    ]
    # Read twice: the second read's records come from the decoder's memo, equal all the same.
    for _ in range(2):
        found = repo.records_for_many([bulk, single])
        assert found == {bulk: records(bulk), single: records(single)}


def test_record_decoder_memoises_by_text_within_its_bound() -> None:
    import orjson

    from civility.enforcement.records import record_from_dict, record_to_dict
    from civility.storage.enforcement_rows import RecordDecoder

    decode = RecordDecoder(max_size=2)
    texts = [
        orjson.dumps(
            record_to_dict(StrikeAdded("u", "c", NOW, 1.0, Severity.LOW, f"r{i}"))
        ).decode()
        for i in range(3)
    ]
    first = decode(texts[0])
    assert first == record_from_dict(orjson.loads(texts[0]))
    assert decode(texts[0]) is first
    decode(texts[1])
    decode(texts[2])  # the bound drops the oldest text
    assert decode(texts[0]) is not first
    assert decode(texts[0]) == first
