"""Webhook signatures: `Civility-Signature: t=<unix>,v1=<hex hmac-sha256 of f"{t}.{body}">`.

During a secret rotation the sender puts one `v1=` per active secret in the header; a receiver
accepts the request when any of them matches any of its secrets.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Sequence

HEADER = "Civility-Signature"
DEFAULT_TOLERANCE = 300.0


class WebhookVerificationError(Exception):
    """The signature is missing, malformed, wrong or too old."""


def _mac(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _bytes(body: bytes | str) -> bytes:
    return body.encode() if isinstance(body, str) else body


def sign(secrets: str | Sequence[str], body: bytes | str, timestamp: int | None = None) -> str:
    """Builds a header value for a body (one `v1=` per secret); used by senders and tests."""
    keys = [secrets] if isinstance(secrets, str) else list(secrets)
    t = int(time.time()) if timestamp is None else timestamp
    return ",".join([f"t={t}", *(f"v1={_mac(k, t, _bytes(body))}" for k in keys)])


def _parse(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.strip().isdigit():
            timestamp = int(value)
        elif key == "v1" and value.strip():
            signatures.append(value.strip())
    if timestamp is None or not signatures:
        raise WebhookVerificationError("the signature header needs t= and at least one v1=")
    return timestamp, signatures


def verify_signature(
    secret: str | Sequence[str],
    header: str | None,
    body: bytes | str,
    tolerance: float = DEFAULT_TOLERANCE,
    *,
    now: float | None = None,
) -> int:
    """Checks a webhook's signature over the raw body; returns its timestamp or raises.

    `secret` may be several secrets while you rotate yours; `tolerance` (seconds) bounds how far
    the signed time may be from now, which stops replays of old deliveries.
    """
    if not header:
        raise WebhookVerificationError(f"missing {HEADER} header")
    timestamp, given = _parse(header)
    current = time.time() if now is None else now
    if tolerance >= 0 and abs(current - timestamp) > tolerance:
        raise WebhookVerificationError("the signature timestamp is outside the tolerance")
    keys = [secret] if isinstance(secret, str) else list(secret)
    raw = _bytes(body)
    for key in keys:
        expected = _mac(key, timestamp, raw)
        if any(hmac.compare_digest(expected, g) for g in given):
            return timestamp
    raise WebhookVerificationError("no signature matches")
