"""Signed session cookies and CSRF tokens (HMAC-SHA256; no server-side session store)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from civility.settings import Settings

COOKIE = "civility_session"
SECRET_FILE = "session_secret"  # noqa: S105  (a file name, not a secret)


def resolve_session_secret(settings: Settings) -> bytes:
    """Returns the configured secret, else the one stored in data_dir (created on first start)."""
    if settings.session_secret:
        return settings.session_secret.encode()
    path = Path(settings.data_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once must not write two different secrets.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie carries: who is signed in (if anyone), the CSRF token, the expiry."""

    csrf: str
    username: str | None = None
    expires: float = 0.0


def new_session(username: str | None, now: float, max_age: float) -> Session:
    """Starts a session with a fresh CSRF token (a new one at every sign-in)."""
    return Session(csrf=secrets.token_urlsafe(24), username=username, expires=now + max_age)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(session: Session, secret: bytes) -> str:
    """Serialises and signs a session."""
    body = _b64(
        json.dumps({"c": session.csrf, "u": session.username, "e": session.expires}).encode()
    )
    mac = hmac.new(secret, body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def decode(value: str, secret: bytes, now: float) -> Session | None:
    """Returns the session of a cookie whose signature and expiry hold, else None."""
    body, _, mac = value.partition(".")
    expected = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    if not mac or not hmac.compare_digest(mac, expected):
        return None
    try:
        data = json.loads(_unb64(body))
        session = Session(csrf=str(data["c"]), username=data["u"], expires=float(data["e"]))
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None
    return session if session.expires > now else None


def same_token(given: str | None, expected: str) -> bool:
    """Compares a submitted CSRF token with the session's in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
