"""Migration 0010 turns the verdicts given before it into each message's current decision."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from civility.moderation.decisions import DecisionSource
from civility.policy.verdict import Action
from civility.storage import tables as t
from civility.storage.db import Database, upgrade
from civility.storage.repositories import SqlModerationRepository
from civility.storage.tables_review import review_items

AT = datetime(2026, 11, 1, tzinfo=UTC)
RESOLVED = datetime(2026, 11, 2, tzinfo=UTC)


def _message(n: int, action: str, resolution: str | None, state: str = "resolved") -> list[Any]:
    mid = f"msg_{n:026d}"
    rows: list[Any] = [
        (
            t.messages,
            {
                "id": mid,
                "platform_message_id": f"p{n}",
                "author_id": "u",
                "channel_id": "c",
                "text": "t",
                "language": None,
                "metadata": {},
                "author_created_at": None,
                "received_at": AT,
            },
        ),
        (
            t.decisions,
            {
                "id": f"dec_{n:026d}",
                "message_id": mid,
                "action": action,
                "severity": "medium",
                "reasons": [],
                "policy_version": 1,
                "scorer": None,
                "path": "sync",
                "created_at": AT,
            },
        ),
    ]
    if state:
        rows.append(
            (
                review_items,
                {
                    "message_id": mid,
                    "state": state,
                    "claimed_by": None,
                    "claim_expires_at": None,
                    "resolution": resolution,
                    "resolved_by": "mod-old" if state == "resolved" else None,
                    "resolved_at": RESOLVED if state == "resolved" else None,
                    "updated_at": RESOLVED,
                    "version": 2,
                },
            )
        )
    return rows


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_past_verdicts_become_the_current_decision(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'old.db'}"
        if kind == "sqlite"
        else request.getfixturevalue("fresh_postgres_url")
    )
    upgrade(url, "0009")
    db = Database.from_url(url, pool_size=2, outbox=())
    try:
        seeds = [
            _message(1, "hide", "approve"),
            _message(2, "flag", "remove"),
            _message(3, "flag", "hide"),
            _message(4, "flag", None, state="escalated"),
            _message(5, "block", None, state=""),
        ]
        with db.write() as conn:
            for rows in seeds:
                for table, row in rows:
                    conn.execute(insert(table), row)
        db.dispose()
        upgrade(url)
        views = SqlModerationRepository(db).get_views([f"msg_{n:026d}" for n in range(1, 6)])
        current = {mid[-1]: v.current for mid, v in views.items()}
        assert {k: c.action for k, c in current.items() if c} == {
            "1": Action.ALLOW,
            "2": Action.BLOCK,
            "3": Action.HIDE,
            "4": Action.FLAG,
            "5": Action.BLOCK,
        }
        first = current["1"]
        assert first is not None
        assert (first.decided_by, first.decided_at, first.source) == (
            "mod-old",
            RESOLVED,
            DecisionSource.REVIEW,
        )
        assert views["msg_" + "1".zfill(26)].history[0].previous_action is Action.HIDE
        assert current["4"] is not None
        assert current["4"].source is DecisionSource.AUTOMATED
    finally:
        db.dispose()
