"""`civility apikey list|revoke`, `civility user disable` and `civility deadletter` as a user
runs them: one readable line and a non-zero status for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_helpers import cli_data_dir, invoke

from civility.clock import SystemClock
from civility.container import build_api_keys, build_container, build_dashboard_accounts
from civility.errors import Unauthorized
from civility.moderation.models import IncomingMessage
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import load_settings
from civility.storage.db import Database, upgrade


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_data_dir(tmp_path, monkeypatch)


def test_keys_are_listed_without_secrets_and_revoked(env: Path) -> None:
    code, out, _ = invoke("apikey", "create", "--role", "service", "--name", "ingest")
    assert code == 0
    secret = out.strip().splitlines()[-1]
    key_id = secret.split("_")[1]
    code, out, _ = invoke("apikey", "list")
    assert code == 0
    assert key_id in out
    assert "ingest" in out
    assert secret not in out
    code, _, err = invoke("apikey", "revoke", key_id)
    assert (code, err.strip()) == (0, f"revoked key {key_id}")
    db = Database.from_url(f"sqlite:///{env / 'civility.db'}", pool_size=1)
    try:
        with pytest.raises(Unauthorized):
            build_api_keys(db, SystemClock(), cache_seconds=0).authenticate(secret)
    finally:
        db.dispose()
    assert "revoked" in invoke("apikey", "list")[1]

    code, _, err = invoke("apikey", "revoke", "ffffffffffffffff")
    assert code == 2
    assert err.count("\n") == 1
    assert "no API key" in err


def test_a_disabled_user_cannot_sign_in_and_loses_the_session(env: Path) -> None:
    code, _, _ = invoke(
        "user", "create", "--username", "alice", "--role", "moderator", "--password", "x" * 12
    )
    assert code == 0
    url = f"sqlite:///{env / 'civility.db'}"
    upgrade(url)
    db = Database.from_url(url, pool_size=1)
    try:
        accounts = build_dashboard_accounts(db, SystemClock())
        assert accounts.current("alice") is not None  # a signed-in session resolves
        code, _, err = invoke("user", "disable", "alice")
        assert (code, err.strip()) == (0, "disabled alice")
        assert accounts.current("alice") is None  # the session no longer resolves
        with pytest.raises(Unauthorized):
            accounts.authenticate("alice", "x" * 12)
    finally:
        db.dispose()
    code, _, err = invoke("user", "disable", "bob")
    assert code == 2
    assert err.count("\n") == 1
    assert "no dashboard user" in err


def test_dead_letters_need_a_shared_broker(env: Path) -> None:
    code, _, err = invoke("deadletter", "list")
    assert code == 2
    assert err.count("\n") <= 2
    assert "memory://" in err


def test_author_export_erase_and_retention_from_the_command_line(env: Path) -> None:
    settings = load_settings(data_dir=env, scorer="lexicon-baseline")
    upgrade(settings.database_url)
    c = build_container(settings, scorer=LexiconBaselineScorer())
    try:
        c.moderation.moderate([IncomingMessage("m1", "u9", "general", "private words")])
    finally:
        c.close()
    out_file = env / "u9.json"
    code, _, _ = invoke("author", "export", "u9", "--out", str(out_file))
    assert code == 0
    assert "private words" in out_file.read_text()
    assert not list(env.glob(".*.partial"))
    code, out, _ = invoke("author", "erase", "u9", "--yes")
    assert code == 0
    assert '"messages": 1' in out
    code, out, _ = invoke("author", "export", "u9")
    assert code == 0
    assert "private words" not in out
    assert "[erased]" in out
    code, _, err = invoke("retention", "purge")
    assert code == 2
    assert "CIVILITY_RETENTION_DAYS" in err
    code, _, err = invoke("retention", "purge", "--days", "30")
    assert code == 0
    assert "0 message(s)" in err
