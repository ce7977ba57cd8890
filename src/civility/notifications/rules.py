"""Which events become notices, how severe they are, and how much text they carry (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from civility.events.models import Event
from civility.notifications.models import ChannelOptions, Notice, TextMode
from civility.policy.verdict import Severity

EXCERPT_LIMIT = 140
FULL_TEXT_LIMIT = 500
MASK = "█"
_ACTIONS = {"message.blocked": "blocked", "message.hidden": "hidden", "message.flagged": "flagged"}
# What a redacted excerpt hides besides the flagged spans: links, addresses, handles, numbers.
_PRIVATE = re.compile(
    r"(?P<url>\b(?:https?://|www\.)\S+)"
    r"|(?P<email>\b[\w.+-]+@[\w-]+\.[\w.-]+\b)"
    r"|(?P<handle>(?<!\w)@\w+)"
    r"|(?P<number>\+?\d[\d .-]{4,}\d)"
)
_PLACEHOLDER = {"url": "[link]", "email": "[email]", "handle": "@…", "number": "[number]"}


def _max(a: Severity, b: Severity) -> Severity:
    return a if a.rank >= b.rank else b


def is_threat(event: Event) -> bool:
    """Tells whether a decision's reasons include the threat category."""
    reasons = event.payload.get("reasons") or []
    return any(isinstance(r, dict) and r.get("category") == "threat" for r in reasons)


def severity_of(event: Event) -> Severity:
    """Returns how urgent an event is for moderators (see docs/notifications.md)."""
    if event.type in _ACTIONS:
        try:
            severity = Severity(event.payload.get("severity") or "none")
        except ValueError:
            severity = Severity.NONE
        # A threat is never less than high: someone may be in danger.
        return _max(severity, Severity.HIGH) if is_threat(event) else severity
    if event.type in ("review.escalated", "webhook.disabled"):
        return Severity.HIGH
    if event.type == "review.backlog":
        pending = int(event.payload.get("pending") or 0)
        threshold = int(event.payload.get("threshold") or 1)
        return Severity.HIGH if pending >= 2 * threshold else Severity.MEDIUM
    if event.type == "user.banned":
        return Severity.MEDIUM
    return Severity.LOW


def held_back(severity: Severity, options: ChannelOptions, now: datetime) -> bool:
    """Tells whether a notice of this severity stays unsent: below the minimum, or quiet hours."""
    if severity.rank < options.min_severity.rank:
        return True
    quiet = options.quiet_hours
    if quiet is None or not quiet.covers(now):
        return False
    return quiet.min_severity is None or severity.rank < quiet.min_severity.rank


def excerpt(text: str | None, spans: Sequence[tuple[int, int]], mode: TextMode) -> str | None:
    """Returns as much of a message's text as the channel allows (None: none of it)."""
    if text is None or mode is TextMode.NONE:
        return None
    if mode is TextMode.FULL:
        return _cut(text, FULL_TEXT_LIMIT)
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if not chars[i].isspace():
                chars[i] = MASK
    masked = _PRIVATE.sub(lambda m: _PLACEHOLDER[m.lastgroup or "number"], "".join(chars))
    return _cut(" ".join(masked.split()), EXCERPT_LIMIT)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _spans(payload: dict[str, Any]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for reason in payload.get("reasons") or []:
        for span in reason.get("spans") or [] if isinstance(reason, dict) else []:
            if isinstance(span, list | tuple) and len(span) == 2:
                spans.append((int(span[0]), int(span[1])))
    return spans


def _top_reason(payload: dict[str, Any]) -> str | None:
    reasons = [r for r in payload.get("reasons") or [] if isinstance(r, dict)]
    scored = sorted(reasons, key=lambda r: -(r.get("score") or 0.0))
    if not scored:
        return None
    top = scored[0]
    name = str(top.get("category") or top.get("code") or "")
    score = top.get("score")
    return f"{name} ({score:.2f})" if isinstance(score, int | float) else name


def notice_for(
    event: Event,
    options: ChannelOptions,
    now: datetime,
    *,
    text: str | None = None,
    dashboard_url: str = "",
) -> Notice | None:
    """Builds the notice a channel gets for an event, or None when it is held back."""
    severity = severity_of(event)
    if held_back(severity, options, now):
        return None
    p = event.payload
    base = dashboard_url.rstrip("/")
    fields: list[tuple[str, str]] = []
    link: str | None = None
    body: str | None = None
    tags: tuple[str, ...] = ()
    if event.type in _ACTIONS:
        threat = is_threat(event)
        tags = ("threat",) if threat else ()
        what = "Threat" if threat else "Message"
        title = f"{what} {_ACTIONS[event.type]} in #{event.channel_id}"
        fields = [("Author", str(p.get("author_id", "?"))), ("Severity", severity.value)]
        reason = _top_reason(p)
        if reason:
            fields.append(("Top reason", reason))
        body = excerpt(text, _spans(p), options.text)
        link = f"{base}/dashboard/queue/items/{event.subject_id}" if base else None
    elif event.type == "review.escalated":
        title = f"Review item escalated in #{event.channel_id or '?'}"
        fields = [("By", event.actor), ("Item", event.subject_id)]
        if p.get("note") and options.text is not TextMode.NONE:
            fields.append(("Note", str(p["note"])[:300]))
        # The escalation does not carry the flagged spans, so nothing can be masked: the text
        # goes out only where the channel takes it whole.
        body = excerpt(text, [], options.text) if options.text is TextMode.FULL else None
        link = f"{base}/dashboard/queue/items/{event.subject_id}" if base else None
    elif event.type == "review.backlog":
        title = f"Review backlog: {p.get('pending')} items waiting"
        fields = [("Threshold", str(p.get("threshold"))), ("Oldest", str(p.get("oldest") or "-"))]
        link = f"{base}/dashboard/queue" if base else None
    elif event.type == "webhook.disabled":
        title = f"Webhook {event.subject_id} disabled"
        fields = [("Failures in a row", str(p.get("consecutive_failures", "?")))]
        if p.get("last_error"):
            fields.append(("Last error", str(p["last_error"])[:200]))
    else:
        title = f"{event.type} ({event.subject_type} {event.subject_id})"
        fields = [("By", event.actor)]
    return Notice(
        event_id=event.id,
        event_type=event.type,
        title=title,
        severity=severity,
        at=event.created_at,
        fields=tuple(fields),
        excerpt=body,
        link=link,
        tags=tags,
    )
