"""User reports and appeals in the SDK: typed results and the calls that send them.

Both calls are safe to retry: a reporter's second report of a message returns the first
(`duplicate`), and an appeal that is still open is returned again instead of a second one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from civility.client._base import Call
from civility.client.models import known


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


REPORT_REASONS = (
    "spam",
    "harassment",
    "hate",
    "threat",
    "sexual",
    "self_harm",
    "misinformation",
    "other",
)


@dataclass(frozen=True, slots=True)
class Report:
    """A user's report of a message; `weight` is the reporter's weight when it arrived."""

    id: str
    message_id: str
    channel_id: str
    reporter_id: str
    reason: str
    text: str | None
    weight: float
    status: str
    created_at: datetime | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    duplicate: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        """Parses the answer of `POST /v1/reports`."""
        dates = {k: _when(data.get(k)) for k in ("created_at", "resolved_at")}
        return cls(**{**known(cls, data), **dates})


@dataclass(frozen=True, slots=True)
class Appeal:
    """An author's appeal of a decision or a ban, and its outcome once decided."""

    id: str
    kind: str
    status: str
    author_id: str
    channel_id: str | None
    message_id: str | None
    statement: str
    original_action: str
    original_actor: str
    created_at: datetime | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str | None = None
    duplicate: bool = False

    @property
    def is_open(self) -> bool:
        """Tells whether the appeal still waits for a moderator."""
        return self.status == "open"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Appeal:
        """Parses an appeal (`POST /v1/appeals`, `GET /v1/appeals/{id}`)."""
        dates = {k: _when(data.get(k)) for k in ("created_at", "decided_at")}
        return cls(**{**known(cls, data), **dates})


def _message(id: str | None, channel_id: str | None, message_id: str | None) -> dict[str, Any]:
    if id is not None:
        return {"id": id}
    return {"channel_id": channel_id, "message_id": message_id}


def report_call(
    reporter_id: str,
    reason: str,
    *,
    id: str | None,
    channel_id: str | None,
    message_id: str | None,
    text: str | None,
) -> Call:
    """`POST /v1/reports`."""
    body: dict[str, Any] = {
        **_message(id, channel_id, message_id),
        "reporter_id": reporter_id,
        "reason": reason,
    }
    if text is not None:
        body["text"] = text
    return Call("POST", "/v1/reports", json=body)


def appeal_call(
    author_id: str,
    statement: str,
    *,
    id: str | None,
    channel_id: str | None,
    message_id: str | None,
) -> Call:
    """`POST /v1/appeals` of a message's decision."""
    body = {**_message(id, channel_id, message_id), "author_id": author_id}
    return Call("POST", "/v1/appeals", json={**body, "kind": "decision", "statement": statement})


def ban_appeal_call(author_id: str, statement: str, channel_id: str | None) -> Call:
    """`POST /v1/appeals` of a ban (channel None: the ban in every channel)."""
    body = {"kind": "ban", "author_id": author_id, "channel_id": channel_id}
    return Call("POST", "/v1/appeals", json={**body, "statement": statement})


def get_appeal_call(appeal_id: str) -> Call:
    """`GET /v1/appeals/{id}`."""
    return Call("GET", f"/v1/appeals/{quote(appeal_id, safe='')}")


def parse_report(data: dict[str, Any]) -> Report:
    """Parses a report."""
    return Report.from_json(data)


def parse_appeal(data: dict[str, Any]) -> Appeal:
    """Parses an appeal."""
    return Appeal.from_json(data)
