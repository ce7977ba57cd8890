"""Dashboard sessions: a signed cookie (HMAC-SHA256) naming a server-side session.

The cookie carries the CSRF token and, once signed in, a random session id; the store keeps
only the id's SHA-256, with the user and the expiry. A session is valid while its row is: logout
ends it, and disabling a user ends all of theirs, on every process at once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

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
    """What the cookie carries: who is signed in (if anyone), the CSRF token, the expiry, and
    the id of the server-side session that must still be active."""

    csrf: str
    username: str | None = None
    expires: float = 0.0
    sid: str | None = None


def new_session(username: str | None, now: float, max_age: float) -> Session:
    """Starts a session with a fresh CSRF token (and a fresh id when someone signs in)."""
    sid = secrets.token_urlsafe(32) if username is not None else None
    return Session(secrets.token_urlsafe(24), username, now + max_age, sid)


def session_key(sid: str) -> str:
    """Returns what the store keeps of a session id (its hash: a leaked table opens nothing)."""
    return hashlib.sha256(sid.encode()).hexdigest()


class SessionStore(Protocol):
    """Server-side sessions, by the hash of their id."""

    def start(self, key: str, username: str, now: datetime, expires: datetime) -> None:
        """Records a new session."""
        ...

    def active_user(self, key: str, now: datetime) -> str | None:
        """Returns the user of a session that is neither ended nor expired, else None."""
        ...

    def end(self, key: str, now: datetime) -> None:
        """Ends one session (logout)."""
        ...

    def end_user(self, username: str, now: datetime) -> int:
        """Ends every session of a user; returns how many were active."""
        ...


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(session: Session, secret: bytes) -> str:
    """Serialises and signs a session."""
    data = {"c": session.csrf, "u": session.username, "e": session.expires, "s": session.sid}
    body = _b64(json.dumps(data).encode())
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
        sid = data.get("s")
        session = Session(str(data["c"]), data["u"], float(data["e"]), sid)
        if session.username is not None and not isinstance(sid, str):
            return None  # a signed-in cookie from before server-side sessions: sign in again
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None
    return session if session.expires > now else None


def same_token(given: str | None, expected: str) -> bool:
    """Compares a submitted CSRF token with the session's in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())
