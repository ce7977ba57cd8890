"""Pure parts of the dashboard: span highlighting, cookies, passwords, settings, charts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from civility.auth.dashboard import DashboardAccounts, DashboardRole, DashboardUserRow
from civility.auth.sessions import Session, decode, encode, resolve_session_secret, same_token
from civility.clock import ManualClock
from civility.errors import Conflict, Invalid, Unauthorized
from civility.events.models import Event
from civility.policy.verdict import Action, Reason, ReasonSource
from civility.settings import load_settings
from civility.web import render


def _reason(spans: tuple[tuple[int, int], ...], category: str = "insult") -> Reason:
    return Reason(category, "m", ReasonSource.MODEL, Action.FLAG, category, 0.9, spans)


def test_highlight_escapes_and_merges_overlaps() -> None:
    text = "<b>you</b> idiot & moron"
    out = render.highlight(text, [_reason(((11, 16),)), _reason(((13, 16), (19, 24)), "toxicity")])
    assert "<b>" not in out
    assert "&lt;b&gt;you&lt;/b&gt;" in out
    assert '<mark title="insult, toxicity">idiot</mark>' in out
    assert '<mark title="toxicity">moron</mark>' in out


def test_highlight_ignores_spans_outside_the_text() -> None:
    assert render.highlight("short", [_reason(((3, 99), (-1, 2)))]) == "short"


def test_relative_times_and_durations() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert render.ago(now - timedelta(seconds=3), now) == "just now"
    assert render.ago(now - timedelta(minutes=5), now) == "5 min ago"
    assert render.ago(now + timedelta(minutes=9, seconds=59), now) == "in 9 min"
    assert render.ago(None, now) == "-"
    assert render.duration_label(86_400) == "24 hours"
    assert render.duration_label(None) == "permanently"


def test_charts_escape_labels() -> None:
    svg = render.bar_rows([("<script>", [(3, "#000", "x")])])
    assert "<script>" not in svg
    col = render.column_chart(["a&b"], [render.Series("n", "#000", [2])])
    assert "a&amp;b" in col


def test_session_cookie_signature_and_expiry() -> None:
    secret = b"s" * 32
    cookie = encode(Session(csrf="t", username="alice", expires=100.0, sid="s1"), secret)
    assert decode(cookie, secret, 99.0) == Session("t", "alice", 100.0, "s1")
    assert decode(cookie, secret, 100.0) is None
    assert decode(cookie, b"x" * 32, 99.0) is None
    mac = cookie.partition(".")[2]
    forged = encode(Session(csrf="t", username="root", expires=100.0, sid="s1"), b"x" * 32)
    assert decode(forged.partition(".")[0] + "." + mac, secret, 99.0) is None
    assert decode("garbage", secret, 0) is None
    assert same_token("a", "a")
    assert not same_token(None, "a")
    assert not same_token("b", "a")


def test_session_secret_is_generated_once(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, env="test")
    first = resolve_session_secret(settings)
    assert len(first) == 64
    assert resolve_session_secret(settings) == first
    assert (tmp_path / "session_secret").stat().st_mode & 0o777 == 0o600
    given = load_settings(data_dir=tmp_path, env="test", session_secret="k" * 32)
    assert resolve_session_secret(given) == b"k" * 32


def test_production_refuses_missing_or_short_secret(tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="CIVILITY_SESSION_SECRET"):
        load_settings(data_dir=tmp_path, env="production")
    with pytest.raises(Invalid, match="at least 32"):
        load_settings(data_dir=tmp_path, session_secret="short")
    ok = load_settings(data_dir=tmp_path, env="production", session_secret="p" * 40)
    assert ok.session_secret == "p" * 40


class _UsersTx:
    def __init__(self, users: _Users, tenant: str) -> None:
        self.users = users
        self.tenant = tenant
        self.rows = dict(users.rows)
        self.events: list[str] = []

    def add(self, row: DashboardUserRow) -> None:
        if row.username in self.rows:
            raise Conflict("taken")
        self.rows[row.username] = row

    def set_hash(self, user_id: str, password_hash: str) -> None:
        raise AssertionError("no rehash expected")

    def disable(self, user_id: str, now: datetime) -> bool:
        raise AssertionError("not used here")

    def enable(self, user_id: str) -> bool:
        raise AssertionError("not used here")

    def record(self, events: Iterable[Event]) -> None:
        self.events.extend(e.type for e in events)


class _Users:
    """Accounts in memory: a transaction's rows and events are kept only when it ends cleanly."""

    def __init__(self) -> None:
        self.rows: dict[str, DashboardUserRow] = {}
        self.events: list[tuple[str, str]] = []

    @contextmanager
    def transaction(self, tenant: str = "default") -> Iterator[_UsersTx]:
        tx = _UsersTx(self, tenant)
        yield tx
        self.rows = tx.rows
        self.events.extend((tenant, e) for e in tx.events)

    def by_username(self, username: str) -> DashboardUserRow | None:
        return self.rows.get(username)


def test_accounts_hash_and_check_passwords() -> None:
    users = _Users()
    accounts = DashboardAccounts(users, ManualClock())
    accounts.create("alice", "a long password", DashboardRole.MODERATOR, actor="cli")
    stored = users.rows["alice"].password_hash
    assert stored.startswith("$argon2id$")
    assert "a long password" not in stored
    user = accounts.authenticate("alice", "a long password")
    assert user.actor == "dashboard:alice"
    assert users.events == [("default", "dashboard.user_created"), ("default", "dashboard.login")]
    for name, password in (("alice", "wrong password"), ("bob", "a long password")):
        with pytest.raises(Unauthorized):
            accounts.authenticate(name, password)
    assert len(users.events) == 2  # a refused sign-in records nothing
    with pytest.raises(Conflict):
        accounts.create("alice", "another password", DashboardRole.ADMIN, actor="cli")
    with pytest.raises(Invalid):
        accounts.create("x", "a long password", DashboardRole.ADMIN, actor="cli")
    with pytest.raises(Invalid):
        accounts.create("carol", "short", DashboardRole.ADMIN, actor="cli")
