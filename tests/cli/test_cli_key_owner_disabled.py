"""`civility user disable|enable` and `apikey list` for a key created for a dashboard user:
the key is refused while its user is disabled, listed as such, and works again once enabled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.cli.cli_helpers import cli_data_dir, invoke

from civility.clock import SystemClock
from civility.container import build_api_keys
from civility.errors import Unauthorized
from civility.storage.db import Database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The CLI's database: its data folder's SQLite file, then an empty PostgreSQL database."""
    cli_data_dir(tmp_path, monkeypatch)
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'civility.db'}"
        return
    url = request.getfixturevalue("fresh_postgres_url")
    monkeypatch.setenv("CIVILITY_DATABASE_URL", url)
    yield url


def _refusal(url: str, secret: str) -> str | None:
    """Authenticates a key as a server would; returns the refusal's code, None when it works."""
    db = Database.from_url(url, pool_size=1)
    try:
        build_api_keys(db, SystemClock(), cache_seconds=0).authenticate(secret)
    except Unauthorized as exc:
        return exc.code
    finally:
        db.dispose()
    return None


def _listed(key_id: str) -> tuple[str, dict[str, object]]:
    code, text, _ = invoke("apikey", "list")
    assert code == 0
    code, lines, _ = invoke("apikey", "list", "--json")
    assert code == 0
    line = next(x for x in text.splitlines() if x.startswith(key_id))
    return line, next(r for r in map(json.loads, lines.splitlines()) if r["key_id"] == key_id)


def test_a_disabled_users_key_is_refused_listed_and_works_again_when_enabled(
    database_url: str,
) -> None:
    password = "x" * 12
    assert (
        invoke(
            "user", "create", "--username", "ana", "--role", "moderator", "--password", password
        )[0]
        == 0
    )
    code, out, _ = invoke("apikey", "create", "--role", "moderator", "--user", "ana")
    assert code == 0
    secret = out.strip().splitlines()[-1]
    key_id = secret.split("_")[1]
    line, row = _listed(key_id)
    assert "active" in line
    assert line.endswith("(user ana)")
    assert (row["user"], row["user_disabled"], row["revoked_at"]) == ("ana", False, None)
    assert _refusal(database_url, secret) is None

    code, _, err = invoke("user", "disable", "ana")
    assert (code, err.strip()) == (0, "disabled ana")
    assert _refusal(database_url, secret) == "key_owner_disabled"
    line, row = _listed(key_id)
    assert "refused: user disabled" in line
    assert line.endswith("(user ana, disabled)")
    assert (row["user"], row["user_disabled"], row["revoked_at"]) == ("ana", True, None)

    code, _, err = invoke("user", "enable", "ana")
    assert (code, err.strip()) == (0, "enabled ana")
    assert _refusal(database_url, secret) is None
    line, row = _listed(key_id)
    assert "active" in line
    assert row["user_disabled"] is False

    code, _, err = invoke("user", "enable", "ana")
    assert (code, err.strip()) == (0, "ana was not disabled")
    code, _, err = invoke("user", "enable", "nobody")
    assert code == 2
    assert err.count("\n") == 1
    assert "no dashboard user" in err
