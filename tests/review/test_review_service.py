"""The review service against real storage: queue membership, claims, verdicts, notes."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import timedelta
from pathlib import Path

import pytest
from tests.conftest import POSTGRES_ADMIN_URL, require_server
from tests.review.review_seed import DEMO, Seed, seed

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.errors import Conflict, Forbidden, Invalid, NotFound
from civility.events.models import EventQuery
from civility.policy.verdict import Action
from civility.review.models import (
    BanRequest,
    Resolution,
    ResolveRequest,
    ReviewOrder,
    ReviewQuery,
    ReviewStatus,
    ReviewView,
)
from civility.review.service import ReviewService
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import Database, upgrade
from civility.storage.review import SqlReviewRepository, SqlReviewTransaction


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def container(
    request: pytest.FixtureRequest, tmp_path: Path, clock: ManualClock
) -> Iterator[Container]:
    """The same suite on SQLite and on a fresh PostgreSQL database per test."""
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
        yield _build(url, tmp_path, clock)
        return
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_review_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield _build(url, tmp_path, clock)
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _build(url: str, tmp_path: Path, clock: ManualClock) -> Container:
    settings = load_settings(database_url=url, data_dir=tmp_path, env="test")
    c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
    _open.append(c)
    return c


_open: list[Container] = []


@pytest.fixture(autouse=True)
def _close_containers() -> Iterator[None]:
    yield
    while _open:
        _open.pop().close()


@pytest.fixture
def ids(container: Container, clock: ManualClock) -> list[str]:
    return seed(container.db, DEMO, clock.now())


def _ids(container: Container, **kw: object) -> list[str]:
    items, _ = container.review.list_items(ReviewQuery(**kw))  # type: ignore[arg-type]
    return [i.message_id for i in items]


def test_flagged_and_automated_views(container: Container, ids: list[str]) -> None:
    flagged = _ids(container, order=ReviewOrder.AGE)
    assert flagged == [ids[0], ids[1], ids[2], ids[4]]
    automated = _ids(container, view=ReviewView.AUTOMATED, order=ReviewOrder.AGE)
    assert automated == [ids[5], ids[6]]
    with pytest.raises(NotFound):
        container.review.get(ids[3])  # allowed messages are not reviewable


def test_filters_and_orders(container: Container, ids: list[str]) -> None:
    assert _ids(container, channel_id="sports") == [ids[4]]
    assert set(_ids(container, category="insult")) == {ids[0], ids[1], ids[4]}
    assert _ids(container, reason="toxicity", channel_id="sports") == [ids[4]]
    assert _ids(container, category="no%such") == []
    by_channel = _ids(container, order=ReviewOrder.CHANNEL)
    assert by_channel == [ids[0], ids[1], ids[2], ids[4]]
    by_score = container.review.list_items(ReviewQuery(order=ReviewOrder.SCORE))[0]
    scores = [i.top_score for i in by_score]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("order", list(ReviewOrder))
def test_cursor_pages_cover_everything_once(
    container: Container, ids: list[str], order: ReviewOrder
) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        items, cursor = container.review.list_items(
            ReviewQuery(order=order, cursor=cursor, limit=1)
        )
        seen.extend(i.message_id for i in items)
        if cursor is None:
            break
    assert sorted(seen) == sorted([ids[0], ids[1], ids[2], ids[4]])
    assert len(seen) == len(set(seen))


def test_claims_expire_by_the_clock(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    item = container.review.claim(ids[0], "alice")
    assert item.status is ReviewStatus.CLAIMED
    assert ids[0] not in _ids(container)
    assert _ids(container, status=ReviewStatus.CLAIMED) == [ids[0]]
    with pytest.raises(Conflict) as err:
        container.review.claim(ids[0], "bob")
    assert err.value.code == "claimed_by_other"
    with pytest.raises(Conflict):
        container.review.resolve(ids[0], "bob", ResolveRequest(Resolution.APPROVE))
    clock.advance(timedelta(minutes=10))
    assert container.review.get(ids[0]).status is ReviewStatus.PENDING
    assert ids[0] in _ids(container)
    assert container.review.claim(ids[0], "bob").review.claimed_by == "bob"


def test_resolve_records_event_and_projection(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    container.review.claim(ids[5], "alice")
    done = container.review.resolve(
        ids[5], "alice", ResolveRequest(Resolution.APPROVE, note="not a threat, a song lyric")
    )
    assert done.status is ReviewStatus.RESOLVED
    assert done.review.resolution is Resolution.APPROVE
    events = container.events.list_events(EventQuery(type="review.*"))
    assert [e.type for e in events] == ["review.resolved", "review.claimed"]
    payload = events[0].payload
    assert payload["final_action"] == "allow"
    assert payload["reverses_automated"] is True
    assert payload["original_action"] == "hide"
    assert [n.text for n in container.review.notes("message", ids[5])] == [
        "not a threat, a song lyric"
    ]
    with pytest.raises(Conflict) as err:
        container.review.resolve(ids[5], "alice", ResolveRequest(Resolution.HIDE))
    assert err.value.code == "already_resolved"
    assert _ids(container, view=ReviewView.AUTOMATED, status=ReviewStatus.RESOLVED) == [ids[5]]


def test_escalate_then_resolve(container: Container, ids: list[str]) -> None:
    container.review.resolve(ids[1], "alice", ResolveRequest(Resolution.ESCALATE))
    assert container.review.get(ids[1]).status is ReviewStatus.ESCALATED
    assert _ids(container, status=ReviewStatus.ESCALATED) == [ids[1]]
    assert ids[1] not in _ids(container)
    with pytest.raises(Conflict):
        container.review.resolve(ids[1], "bob", ResolveRequest(Resolution.ESCALATE))
    with pytest.raises(Forbidden) as junior:
        container.review.resolve(ids[1], "bob", ResolveRequest(Resolution.REMOVE))
    assert junior.value.code == "escalated_to_senior"
    container.review.claim(ids[1], "lead", senior=True)
    item = container.review.resolve(ids[1], "lead", ResolveRequest(Resolution.REMOVE), senior=True)
    assert item.review.resolution is Resolution.REMOVE
    types = [e.type for e in container.events.list_events(EventQuery(subject_id=ids[1]))]
    assert types[:4] == ["message.removed", "review.resolved", "review.claimed", "review.escalated"]


def test_ban_and_strike_with_the_verdict(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    request = ResolveRequest(
        Resolution.HIDE, ban=BanRequest("general", timedelta(hours=24)), strike=True
    )
    container.review.resolve(ids[0], "alice", request)
    standing = container.review.enforcement.standing("troll42", "general")
    assert standing.banned
    assert standing.ban_until == clock.now() + timedelta(hours=24)
    assert standing.strikes == 1.0
    banned = container.events.list_events(EventQuery(type="user.banned"))
    assert banned[0].payload["until"] == (clock.now() + timedelta(hours=24)).isoformat()
    assert banned[0].actor == "alice"
    clock.advance(timedelta(hours=25))
    assert not container.review.enforcement.standing("troll42", "general").banned


def test_bad_ban_is_refused_before_anything_is_written(
    container: Container, ids: list[str]
) -> None:
    with pytest.raises(Invalid):
        container.review.resolve(
            ids[0], "alice", ResolveRequest(Resolution.HIDE, ban=BanRequest(None, timedelta(0)))
        )
    assert container.review.get(ids[0]).status is ReviewStatus.PENDING


def test_bulk_resolve_reports_skipped(container: Container, ids: list[str]) -> None:
    container.review.claim(ids[1], "bob")
    result = container.review.bulk_resolve(
        [ids[0], ids[1], ids[2], ids[3], ids[0]], "alice", ResolveRequest(Resolution.APPROVE)
    )
    assert result.resolved == [ids[0], ids[2]]
    assert result.failed == {ids[1]: "claimed_by_other", ids[3]: "review_item_not_found"}
    with pytest.raises(Invalid):
        container.review.bulk_resolve([], "alice", ResolveRequest(Resolution.APPROVE))


def test_stale_version_is_a_conflict(container: Container, ids: list[str]) -> None:
    item = container.review.get(ids[0])
    container.review.claim(ids[0], "alice")
    from civility.review.models import claim
    from civility.review.ports import Change

    stale = claim(item.review, "bob", item.decided_at, timedelta(minutes=1))
    repo = SqlReviewRepository(container.db)  # the race window, made deterministic
    with repo.transaction() as tx:
        assert not tx.save(Change(item.review, stale, ()))


class RaceBeforeWrite(SqlReviewRepository):
    """Runs `other` (another moderator's action) just before its first write transaction."""

    def __init__(self, db: Database, other: Callable[[], None]) -> None:
        super().__init__(db)
        self.other = other
        self.raced = False

    def transaction(self) -> AbstractContextManager[SqlReviewTransaction]:
        """Lets `other` commit first, once, then opens the transaction."""
        if not self.raced:
            self.raced = True
            self.other()
        return super().transaction()


def test_a_stale_verdict_writes_neither_its_strike_nor_its_ban(
    container: Container, ids: list[str]
) -> None:
    def alice_approves() -> None:
        container.review.resolve(ids[0], "alice", ResolveRequest(Resolution.APPROVE))

    # Bob reads the item and plans a strike and a ban; Alice's verdict commits just before
    # Bob's transaction opens, so his save finds the item changed and writes nothing.
    repo = RaceBeforeWrite(container.db, alice_approves)
    bob = ReviewService(repo, container.review.enforcement, container.clock)
    request = ResolveRequest(Resolution.HIDE, ban=BanRequest(None, None), strike=True)
    with pytest.raises(Conflict):
        bob.resolve(ids[0], "bob", request)
    assert repo.raced
    assert container.review.get(ids[0]).review.resolved_by == "alice"
    standing = container.review.enforcement.standing("troll42")
    assert not standing.banned
    assert standing.strikes == 0
    assert not container.events.list_events(EventQuery(type="user.banned"))


def test_bulk_strikes_of_one_author_climb_the_ladder(container: Container, ids: list[str]) -> None:
    # ids[0] and ids[1] are troll42's, ids[2] grumpy's; the default ladder warns at 2 strikes.
    request = ResolveRequest(Resolution.HIDE, strike=True)
    result = container.review.bulk_resolve(ids[:3], "alice", request)
    assert len(result.resolved) == 3
    assert container.review.enforcement.standing("troll42", "general").strikes == 2.0
    assert container.review.enforcement.standing("grumpy", "general").strikes == 1.0
    warned = container.events.list_events(EventQuery(type="user.warned"))
    assert [e.subject_id for e in warned] == ["troll42"]


def test_notes_on_items_and_authors(container: Container, ids: list[str]) -> None:
    container.review.add_note("user", "troll42", "alice", "  repeat offender ")
    container.review.add_note("message", ids[0], "alice", "context: heated thread")
    assert [n.text for n in container.review.notes("user", "troll42")] == ["repeat offender"]
    detail = container.review.detail(ids[0])
    assert [n.text for n in detail.notes] == ["context: heated thread"]
    assert [n.text for n in detail.author_notes] == ["repeat offender"]
    assert detail.neighbours
    assert all(n.message_id != ids[0] for n in detail.neighbours)
    with pytest.raises(Invalid):
        container.review.add_note("user", "troll42", "alice", "   ")
    with pytest.raises(Invalid):
        container.review.add_note("channel", "x", "alice", "hi")
    types = {e.type for e in container.events.list_events(EventQuery(type="*"))}
    assert {"user.note_added", "review.note_added"} <= types


def test_author_profile(container: Container, ids: list[str]) -> None:
    profile = container.review.author("spammer")
    assert profile.counts == {"hide": 1, "block": 1}
    assert [i.message_id for i in profile.items] == [ids[6], ids[5]]
    assert not profile.standing.banned


def test_unscored_and_many_items(container: Container, clock: ManualClock) -> None:
    more = seed(
        container.db, [Seed("a", "c", "hello", Action.FLAG, i) for i in range(30)], clock.now()
    )
    assert len(_ids(container, channel_id="c", limit=100)) == len(more)
    assert container.review.get(more[0]).action is Action.FLAG


def test_dashboard_aggregates(container: Container, ids: list[str], clock: ManualClock) -> None:
    stats = container.stats
    since = clock.now() - timedelta(days=1)
    container.review.resolve(ids[0], "alice", ResolveRequest(Resolution.APPROVE))
    container.review.resolve(ids[1], "alice", ResolveRequest(Resolution.ESCALATE))
    hourly = stats.decisions_over_time(since, hourly=True)
    assert sum(n for _, _, n in hourly) == len(DEMO)
    assert {b for b, _, _ in hourly} == {"2025-12-31 23:00"}
    daily = stats.decisions_over_time(since, hourly=False)
    assert {(b, a) for b, a, _ in daily} >= {("2025-12-31", "flag"), ("2025-12-31", "block")}
    histogram = stats.score_histogram(since)
    assert sum(histogram) == len(DEMO)
    assert histogram[0] == 2  # the two allowed messages score 0.02
    depth = stats.queue_age(clock.now())
    assert depth["flagged"] == [2, 0, 0, 0]  # one approved, one escalated
    assert depth["automated"] == [2, 0, 0, 0]
    assert depth["oldest"] == clock.now() - timedelta(minutes=30)
    assert stats.top_channels(since) == [("general", 3, 0), ("sports", 1, 2)]
    assert stats.throughput(since) == [("alice", 1, 1)]
    authors = stats.authors("", None, 10)
    assert authors[0][:4] == ("spammer", 2, 0, 2)
    assert [a[0] for a in stats.authors("tro", None, 10)] == ["troll42"]
    assert stats.authors("", [], 10) == []
