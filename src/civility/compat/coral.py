"""Coral Talk's external moderation phase: request signatures and decision mapping (pure)."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from civility.moderation.records import MessageView
from civility.policy.verdict import Action, Reason, ReasonSource, Verdict

SIGNATURE_HEADER = "X-Coral-Signature"
CHANNEL_PREFIX = "coral:"


def sign(secret: str, body: bytes) -> str:
    """Returns Coral's signature of a body: `sha256=<hex hmac-sha256 of the raw body>`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(secrets: list[str], header: str | None, body: bytes) -> bool:
    """Tells whether any `sha256=` value in the header matches any configured secret."""
    if not header:
        return False
    given = [
        value.strip()
        for prefix, _, value in (part.strip().partition("=") for part in header.split(","))
        if prefix == "sha256" and value.strip()
    ]
    for secret in secrets:
        expected = sign(secret, body).removeprefix("sha256=")
        # compare_digest on every candidate, so timing says nothing about which one matched
        if any(hmac.compare_digest(expected, g) for g in given):
            return True
    return False


def message_id(payload: dict[str, Any]) -> str:
    """Derives a stable id for a Coral comment (Coral sends none): a digest of what identifies it.

    The same author posting the same body under the same parent of the same story gets the
    same decision, which also makes a retried request idempotent.
    """
    comment = payload.get("comment") or {}
    key = {
        "tenant": payload.get("tenantID") or (payload.get("tenant") or {}).get("id"),
        "story": (payload.get("story") or {}).get("id"),
        "author": (payload.get("author") or {}).get("id"),
        "comment": comment.get("id"),
        "parent": comment.get("parentID"),
        "body": comment.get("body"),
        "action": payload.get("action"),
    }
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
    return "coral-" + digest[:40]


_STATUS = {Action.HIDE: "SYSTEM_WITHHELD", Action.BLOCK: "REJECTED"}

# Coral accepts only its own detected-flag reasons (GQLCOMMENT_FLAG_DETECTED_REASON); an
# unknown one fails its response validation and the comment is published unmoderated.
TOXIC = "COMMENT_DETECTED_TOXIC"
_CHECK_REASONS = {
    "new_account_link": "COMMENT_DETECTED_LINKS",
    "flood": "COMMENT_DETECTED_REPEAT_POST",
    "rate": "COMMENT_DETECTED_SPAM",
    "caps": "COMMENT_DETECTED_SPAM",
    "repetition": "COMMENT_DETECTED_SPAM",
}
# A banned author's comment is about the author, not the text: Coral's user-level reason.
BANNED_REASON = "COMMENT_DETECTED_PREMOD_USER"
# Coral's own privileged roles; their comments are flagged at most, never withheld.
DEFAULT_TRUSTED_ROLES = ("STAFF", "ADMIN", "MODERATOR")
# Longer comments than this are withheld for a person instead of being scored.
MAX_COMMENT_CHARS = 131_072


def flag_reason(reason: Reason) -> str:
    """Returns the Coral flag reason that says what a Civility reason says."""
    if reason.source is ReasonSource.BAN:
        return BANNED_REASON
    if reason.source is ReasonSource.BLOCKLIST:
        suspect = reason.action is Action.FLAG
        return "COMMENT_DETECTED_SUSPECT_WORD" if suspect else "COMMENT_DETECTED_BANNED_WORD"
    if reason.source is ReasonSource.CHECK:
        return _CHECK_REASONS.get(reason.code, "COMMENT_DETECTED_SPAM")
    return TOXIC


def only_banned(view: MessageView) -> bool:
    """Tells whether the author's ban alone decided the message (no content reason)."""
    d = view.decision
    return (
        d is not None and bool(d.reasons) and all(r.source is ReasonSource.BAN for r in d.reasons)
    )


def response(
    view: MessageView, *, trusted: bool = False, verdict: Verdict | None = None
) -> dict[str, Any] | None:
    """Maps a decision onto Coral's response; None means "do not moderate" (HTTP 204).

    `trusted` (a privileged Coral role) turns withholding and rejecting into a flag: Coral's
    moderators see it, readers too. `verdict` replaces the stored decision (bans left to
    Coral: the content's own verdict).
    """
    current = view.current
    if current is None or view.decision is None:
        return None
    action = verdict.action if verdict is not None else current.action
    if action is Action.ALLOW:
        return None
    reasons = verdict.reasons if verdict is not None else view.decision.reasons
    actions: list[dict[str, Any]] = []
    for reason in reasons:
        flag = {"actionType": "FLAG", "reason": flag_reason(reason)}
        if all(a["reason"] != flag["reason"] for a in actions):
            actions.append({**flag, "additionalDetails": f"Civility: {reason.message}"})
    if not actions:
        actions = [{"actionType": "FLAG", "reason": TOXIC}]
    body: dict[str, Any] = {
        "actions": actions,
        "metadata": {
            "civility": {
                "id": view.message.id,
                "decision": action.value,
                "severity": (verdict or view.decision).severity.value,
                "reasons": [r.code for r in reasons],
                "decided_by": current.decided_by if verdict is None else "system",
            }
        },
    }
    if action in _STATUS and not trusted:
        body["status"] = _STATUS[action]
    return body


def too_long(length: int) -> dict[str, Any]:
    """Coral's answer for a comment too long to score: withheld for a person, never skipped."""
    return {
        "status": "SYSTEM_WITHHELD",
        "metadata": {"civility": {"decision": "hide", "reasons": ["too_long"], "length": length}},
    }


def trusted_roles(raw: str) -> frozenset[str]:
    """Parses the comma-separated privileged roles setting."""
    return frozenset(r.strip().upper() for r in raw.split(",") if r.strip())
