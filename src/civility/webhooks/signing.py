"""HMAC-SHA256 signatures over `timestamp + "." + body`, sent as `Civility-Signature`.

Header: `t=<unix seconds>,v1=<hex>[,v1=<hex>]` — during a secret rotation both the new and the
old secret sign, so a receiver with either one verifies. Receivers reject timestamps outside a
tolerance window, which stops replays of captured requests.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

from civility.errors import Invalid

HEADER = "Civility-Signature"
DEFAULT_TOLERANCE_SECONDS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Returns the hex HMAC-SHA256 of `timestamp.body` under `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets: Sequence[str], timestamp: int, body: bytes) -> str:
    """Builds the header value with one v1 signature per secret."""
    return ",".join([f"t={timestamp}", *(f"v1={sign(s, timestamp, body)}" for s in secrets)])


def parse_header(header: str) -> tuple[int, list[str]]:
    """Splits a header into its timestamp and v1 signatures; raises Invalid if malformed."""
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == "v1" and value:
            signatures.append(value)
    if timestamp is None or not signatures:
        raise Invalid("malformed signature header", code="signature_malformed")
    return timestamp, signatures


def verify(
    header: str,
    body: bytes,
    secret: str,
    *,
    now: float,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
) -> int:
    """Checks a delivery (receivers' helper); returns its timestamp or raises Invalid."""
    timestamp, signatures = parse_header(header)
    if abs(now - timestamp) > tolerance:
        raise Invalid("signature timestamp outside the tolerance window", code="signature_expired")
    expected = sign(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, s) for s in signatures):
        raise Invalid("no signature matches the secret", code="signature_mismatch")
    return timestamp
