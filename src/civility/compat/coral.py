"""Coral Talk's external moderation phase: request signatures and decision mapping (pure)."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from civility.moderation.records import MessageView
from civility.policy.verdict import Action

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


def response(view: MessageView) -> dict[str, Any] | None:
    """Maps a decision onto Coral's response; None means "do not moderate" (HTTP 204)."""
    decision = view.decision
    if decision is None or decision.action is Action.ALLOW:
        return None
    body: dict[str, Any] = {
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}],
        "metadata": {
            "civility": {
                "id": view.message.id,
                "decision": decision.action.value,
                "severity": decision.severity.value,
                "reasons": [r.code for r in decision.reasons],
            }
        },
    }
    if decision.action in _STATUS:
        body["status"] = _STATUS[decision.action]
    return body
