"""The moderation service with enforcement: redelivery, batches with repeat authors."""

from __future__ import annotations

from civility.container import Container
from civility.events.models import EventQuery
from civility.moderation.models import IncomingMessage

TOXIC = ("you are a stupid idiot", "what an idiot", "shut up you moron", "fuck you", "you idiot")


def _incoming(i: int, text: str, author: str = "u1") -> IncomingMessage:
    return IncomingMessage(f"m{i}", author, "general", text)


def test_redelivery_never_adds_a_second_strike(container: Container) -> None:
    _accepted, new = container.moderation.accept([_incoming(1, TOXIC[0])])
    ids = [m.id for m in new]
    assert container.moderation.process(ids) == 1
    assert container.moderation.process(ids) == 0  # the queue delivered it again
    records = container.enforcement.status("u1", "general")
    assert records.strike_count == 1
    strikes = container.events.list_events(EventQuery(type="user.strike_added"))
    assert len(strikes) == 1
    assert strikes[0].payload["message_id"] == ids[0]


def test_one_batch_applies_an_authors_strikes_in_order(container: Container) -> None:
    # Default ladder: warning at 2, temporary ban at 3; the 4th and 5th are blocked as banned.
    batch = [_incoming(i, text) for i, text in enumerate(TOXIC)]
    batch.insert(2, _incoming(99, "hello there", author="bystander"))
    _, new = container.moderation.accept(batch)
    assert container.moderation.process([m.id for m in new]) == 6
    views = [container.moderation.get_message(m.id) for m in new]
    by_platform = {v.message.platform_message_id: v for v in views}
    actions = [by_platform[f"m{i}"].decision.action.value for i in range(5)]  # type: ignore[union-attr]
    assert actions == ["hide", "hide", "hide", "block", "block"]
    assert by_platform["m3"].decision.reasons[0].code == "banned"  # type: ignore[union-attr]
    assert by_platform["m3"].scores is not None  # scored before the ban existed; kept
    assert by_platform["m99"].decision.action.value == "allow"  # type: ignore[union-attr]
    status = container.enforcement.status("u1", "general")
    assert (status.strike_count, status.banned) == (3, True)
    types = [e.type for e in reversed(container.events.list_events(EventQuery(type="user.*")))]
    assert types == [
        "user.strike_added",
        "user.strike_added",
        "user.warned",
        "user.strike_added",
        "user.banned",
    ]
