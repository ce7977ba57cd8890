"""Webhook signature verification: `Civility-Signature: t=<unix>,v1=<hex>[,v1=<hex>]`."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from civility.client.webhooks import WebhookVerificationError, sign, verify_signature

BODY = b'{"id": "decision:msg_1", "type": "message.hidden"}'
NOW = 1_800_000_000


def by_hand(secret: str, t: int, body: bytes) -> str:
    """The scheme spelled out, independent of the module under test."""
    return hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def test_valid_signature_returns_its_timestamp() -> None:
    header = f"t={NOW},v1={by_hand('whsec', NOW, BODY)}"
    assert verify_signature("whsec", header, BODY, 300, now=NOW + 10) == NOW
    assert verify_signature("whsec", header, BODY.decode(), 300, now=NOW) == NOW


def test_rotation_any_v1_matches_any_secret() -> None:
    header = sign(["new", "old"], BODY, timestamp=NOW)
    assert header.count("v1=") == 2
    assert verify_signature("old", header, BODY, now=NOW) == NOW
    assert verify_signature(["newer", "new"], header, BODY, now=NOW) == NOW


@pytest.mark.parametrize(
    ("header", "now"),
    [
        (None, NOW),
        ("", NOW),
        ("v1=abc", NOW),
        (f"t={NOW}", NOW),
        (f"t=soon,v1={by_hand('whsec', NOW, BODY)}", NOW),
        (f"t={NOW},v1={by_hand('other', NOW, BODY)}", NOW),
        (f"t={NOW},v1={by_hand('whsec', NOW, BODY + b' ')}", NOW),
        (f"t={NOW},v1={by_hand('whsec', NOW, BODY)}", NOW + 301),
        (f"t={NOW},v1={by_hand('whsec', NOW, BODY)}", NOW - 301),
    ],
)
def test_refused(header: str | None, now: int) -> None:
    with pytest.raises(WebhookVerificationError):
        verify_signature("whsec", header, BODY, 300, now=now)


def test_negative_tolerance_skips_the_age_check() -> None:
    header = sign("whsec", BODY, timestamp=1)
    assert verify_signature("whsec", header, BODY, -1, now=NOW) == 1
