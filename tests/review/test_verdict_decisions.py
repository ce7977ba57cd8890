"""Human decisions are decisions: verdicts, reversals and undos change the message's current
decision and are `message.*` events in the log and the outbox, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from tests.conftest import POSTGRES_ADMIN_URL, require_server
from tests.review.review_seed import DEMO, seed

from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.errors import Conflict, Forbidden, Invalid
from civility.events.models import Event, EventQuery
from civility.moderation.decisions import DecisionSource
from civility.moderation.records import MessageQuery
from civility.policy.verdict import Action
from civility.review.models import BanRequest, Resolution, ResolveRequest, ReviewStatus
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import upgrade
from civility.storage.outbox import SqlOutbox

FLAGGED, HIDDEN, BLOCKED, ALLOWED = 0, 5, 6, 3  # indexes into DEMO


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def container(
    request: pytest.FixtureRequest, tmp_path: Path, clock: ManualClock
) -> Iterator[Container]:
    """A container writing outbox rows, on SQLite and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield from _built(request.getfixturevalue("sqlite_url"), tmp_path, clock)
        return
    require_server("PostgreSQL", "127.0.0.1", 5432)
    import psycopg

    name = f"civility_verdicts_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        upgrade(url)
        yield from _built(url, tmp_path, clock)
    finally:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _built(url: str, tmp_path: Path, clock: ManualClock) -> Iterator[Container]:
    settings = load_settings(database_url=url, data_dir=tmp_path, env="test", events_outbox=True)
    c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def ids(container: Container, clock: ManualClock) -> list[str]:
    return seed(container.db, DEMO, clock.now())


def _events(c: Container, message_id: str) -> list[Event]:
    """The message's events, oldest first."""
    return list(reversed(c.events.list_events(EventQuery(subject_id=message_id, limit=200))))


def _published(c: Container) -> list[Event]:
    out: list[Event] = []
    SqlOutbox(c.db).relay_batch(1000, out.extend)
    return out


def test_approving_an_automated_hide_restores_the_message(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    mid = ids[HIDDEN]
    _published(container)  # the seeds' own events
    clock.advance(timedelta(minutes=3))
    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.APPROVE, note="fine"))

    view = container.moderation.get_message(mid)
    current = view.current
    assert current is not None
    assert (current.action, current.decided_by, current.source) == (
        Action.ALLOW,
        "mod-ana",
        DecisionSource.REVIEW,
    )
    assert current.decided_at == clock.now()
    assert view.decision is not None
    assert view.decision.action is Action.HIDE
    assert [(h.action, h.previous_action, h.version) for h in view.history] == [
        (Action.ALLOW, Action.HIDE, 1)
    ]

    types = [e.type for e in _events(container, mid)]
    assert types == ["message.hidden", "review.resolved", "message.restored"]
    restored = _events(container, mid)[-1]
    assert restored.id == f"decision:{mid}:1"
    assert restored.actor == "mod-ana"
    assert restored.payload["decision"] == "allow"
    assert restored.payload["previous_decision"] == "hide"
    assert restored.payload["automated_decision"] == "hide"
    assert restored.payload["source"] == "review"
    assert restored.payload["platform_message_id"] == view.message.platform_message_id
    resolved = _events(container, mid)[-2]
    assert resolved.payload["human_decision_id"] == restored.payload["decision_id"]
    # The outbox publishes it like any automated decision.
    assert [e.type for e in _published(container)] == ["review.resolved", "message.restored"]


def test_hide_and_remove_verdicts_and_the_current_decision_filter(
    container: Container, ids: list[str]
) -> None:
    container.review.resolve(ids[FLAGGED], "mod-ana", ResolveRequest(Resolution.HIDE))
    container.review.resolve(ids[HIDDEN], "mod-ana", ResolveRequest(Resolution.REMOVE))
    assert _events(container, ids[FLAGGED])[-1].type == "message.hidden"
    removed = _events(container, ids[HIDDEN])[-1]
    assert (removed.type, removed.payload["decision"]) == ("message.removed", "block")
    blocked = container.moderation.list_messages(MessageQuery(action=Action.BLOCK))
    assert {v.message.id for v in blocked} == {ids[HIDDEN], ids[BLOCKED]}
    hidden = container.moderation.list_messages(MessageQuery(action=Action.HIDE))
    assert [v.message.id for v in hidden] == [ids[FLAGGED]]
    assert hidden[0].human is not None
    assert hidden[0].human.actor == "mod-ana"


def test_escalation_decides_nothing(container: Container, ids: list[str]) -> None:
    container.review.resolve(ids[FLAGGED], "mod-ana", ResolveRequest(Resolution.ESCALATE))
    current = container.moderation.get_message(ids[FLAGGED]).current
    assert current is not None
    assert current.source is DecisionSource.AUTOMATED
    assert [e.type for e in _events(container, ids[FLAGGED])] == [
        "message.flagged",
        "review.escalated",
    ]


def test_bulk_verdicts_decide_each_message(container: Container, ids: list[str]) -> None:
    result = container.review.bulk_resolve(
        [ids[HIDDEN], ids[BLOCKED]], "mod-ana", ResolveRequest(Resolution.APPROVE)
    )
    assert sorted(result.resolved) == sorted([ids[HIDDEN], ids[BLOCKED]])
    for mid in (ids[HIDDEN], ids[BLOCKED]):
        current = container.moderation.get_message(mid).current
        assert current is not None
        assert current.action is Action.ALLOW
        assert _events(container, mid)[-1].type == "message.restored"
    # A restored message no longer counts against its author.
    assert container.moderation.violations("spammer") == []


def test_verdict_decision_and_ban_commit_together_or_not_at_all(
    container: Container, ids: list[str]
) -> None:
    mid = ids[FLAGGED]
    request = ResolveRequest(Resolution.REMOVE, ban=BanRequest(channel_id="general"), strike=True)
    container.review.resolve(mid, "mod-ana", request)
    types = [e.type for e in _events(container, mid)]
    assert types[-2:] == ["review.resolved", "message.removed"]
    assert container.review.enforcement.standing("troll42", "general").banned
    # A second verdict on the same item is refused whole: no second decision, no second ban.
    with pytest.raises(Conflict):
        container.review.resolve(mid, "mod-bo", request)
    assert len(container.moderation.get_message(mid).history) == 1


def test_racing_verdicts_leave_one_decision(container: Container, ids: list[str]) -> None:
    mid = ids[HIDDEN]

    def verdict(who: str) -> str:
        try:
            container.review.resolve(mid, who, ResolveRequest(Resolution.APPROVE))
        except Conflict as exc:
            return exc.code
        return "ok"

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(verdict, [f"mod-{i}" for i in range(4)]))
    assert outcomes.count("ok") == 1
    assert len(container.moderation.get_message(mid).history) == 1
    assert [e.type for e in _events(container, mid)].count("message.restored") == 1


def test_a_reversal_needs_a_note_and_returns_the_item_to_pending(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    mid = ids[HIDDEN]
    with pytest.raises(Conflict) as not_resolved:
        container.review.reverse(mid, "mod-bo", "why")
    assert not_resolved.value.code == "not_resolved"
    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.APPROVE))
    with pytest.raises(Invalid) as no_note:
        container.review.reverse(mid, "mod-bo", "  ")
    assert no_note.value.code == "note_required"

    clock.advance(timedelta(days=3))
    item = container.review.reverse(mid, "mod-bo", "threat, not banter")
    assert item.status is ReviewStatus.PENDING
    assert item.review.resolution is None
    assert (item.current.action, item.current.decided_by) == (Action.HIDE, "mod-bo")
    assert item.current.source is DecisionSource.REVERSAL

    events = _events(container, mid)
    assert [e.type for e in events][-2:] == ["review.reversed", "message.hidden"]
    reversed_, hidden = events[-2:]
    assert reversed_.payload["undo"] is False
    assert reversed_.payload["reversed"]["decision"] == "allow"
    assert reversed_.payload["reversed"]["resolution"] == "approve"
    assert hidden.payload["reverses"] == reversed_.payload["reversed"]["decision_id"]
    assert hidden.payload["source"] == "reversal"
    assert [n.text for n in container.review.notes("message", mid)] == ["threat, not banter"]

    # Pending again: a new verdict decides on top of the reversal.
    container.review.resolve(mid, "mod-bo", ResolveRequest(Resolution.REMOVE))
    history = container.moderation.get_message(mid).history
    assert [(h.action, h.source) for h in history] == [
        (Action.ALLOW, DecisionSource.REVIEW),
        (Action.HIDE, DecisionSource.REVERSAL),
        (Action.BLOCK, DecisionSource.REVIEW),
    ]
    assert [h.version for h in history] == [1, 2, 3]


def test_reversing_an_approved_flag_puts_it_back_to_flag(
    container: Container, ids: list[str]
) -> None:
    mid = ids[FLAGGED]
    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.APPROVE))
    container.review.reverse(mid, "mod-ana", "missed the slur")
    assert _events(container, mid)[-1].type == "message.flagged"
    current = container.moderation.get_message(mid).current
    assert current is not None
    assert current.action is Action.FLAG


def test_undo_is_the_verdict_authors_within_the_window(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    mid = ids[BLOCKED]
    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.APPROVE))
    with pytest.raises(Forbidden) as not_yours:
        container.review.reverse(mid, "mod-bo", None, undo=True)
    assert not_yours.value.code == "undo_not_yours"
    clock.advance(container.review.undo_window - timedelta(seconds=1))
    item = container.review.reverse(mid, "mod-ana", None, undo=True)
    assert item.current.action is Action.BLOCK
    assert item.current.source is DecisionSource.UNDO
    last = _events(container, mid)
    assert [e.type for e in last][-2:] == ["review.reversed", "message.removed"]
    assert last[-2].payload["undo"] is True

    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.HIDE))
    clock.advance(container.review.undo_window + timedelta(seconds=1))
    with pytest.raises(Conflict) as late:
        container.review.reverse(mid, "mod-ana", None, undo=True)
    assert late.value.code == "undo_expired"


def test_override_is_the_entry_point_for_other_decisions(
    container: Container, ids: list[str]
) -> None:
    mid = ids[ALLOWED]
    view = container.moderation.override(
        mid, Action.HIDE, actor="mod-ana", reason="reported", source=DecisionSource.APPEAL
    )
    assert view.current is not None
    assert view.current.action is Action.HIDE
    event = _events(container, mid)[-1]
    assert (event.type, event.payload["reason"], event.payload["source"]) == (
        "message.hidden",
        "reported",
        "appeal",
    )
    again = container.moderation.override(mid, Action.HIDE, actor="mod-bo", reason="again")
    assert len(again.history) == 1  # already in force: nothing written


def test_override_of_an_undecided_message_is_refused(container: Container) -> None:
    from civility.moderation.models import IncomingMessage

    accepted, _ = container.moderation.accept([IncomingMessage("p-x", "u", "general", "hello")])
    with pytest.raises(Conflict) as undecided:
        container.moderation.override(accepted[0].id, Action.ALLOW, actor="m", reason="r")
    assert undecided.value.code == "message_not_decided"


def test_undo_lifts_the_ban_the_verdict_gave_and_no_other(
    container: Container, ids: list[str], clock: ManualClock
) -> None:
    mid = ids[FLAGGED]  # troll42 in #general
    ban = BanRequest(channel_id="general", duration=timedelta(days=7))
    container.review.resolve(mid, "mod-ana", ResolveRequest(Resolution.REMOVE, ban=ban))
    assert container.review.enforcement.standing("troll42", "general").banned
    clock.advance(timedelta(seconds=30))
    container.review.reverse(mid, "mod-ana", None, undo=True)
    assert not container.review.enforcement.standing("troll42", "general").banned
    reversed_ = [e for e in _events(container, mid) if e.type == "review.reversed"][-1]
    assert reversed_.payload["lifted_bans"] == [{"channel_id": "general"}]
    unbanned = container.events.list_events(EventQuery(type="user.unbanned", subject_id="troll42"))
    assert len(unbanned) == 1

    # A ban the author already had in that scope is not the verdict's to lift.
    clock.advance(timedelta(seconds=1))  # a lift ends the bans issued up to its instant
    container.review.enforcement.ban("troll42", "general", None, actor="lead", reason="spam run")
    other = ids[FLAGGED + 1]  # troll42's second message
    container.review.resolve(other, "mod-ana", ResolveRequest(Resolution.REMOVE, ban=ban))
    container.review.reverse(other, "mod-bo", "removed the wrong one")
    assert container.review.enforcement.standing("troll42", "general").banned
