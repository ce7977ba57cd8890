"""Settings are validated at start with readable messages; ids sort by time."""

from __future__ import annotations

import pytest

from civility.errors import Invalid
from civility.ids import new_id
from civility.settings import load_settings


def test_defaults_are_the_embedded_setup(tmp_path: object) -> None:
    s = load_settings(data_dir="data")
    assert s.database_url == "sqlite:///data/civility.db"
    assert s.broker_url == "memory://"
    assert s.runs_embedded_worker


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVILITY_PORT", "9123")
    monkeypatch.setenv("CIVILITY_BROKER_URL", "amqp://guest:guest@localhost/")
    s = load_settings()
    assert s.port == 9123
    assert not s.runs_embedded_worker


@pytest.mark.parametrize(
    ("env", "value", "fragment"),
    [
        ("CIVILITY_PORT", "http", "CIVILITY_PORT"),
        ("CIVILITY_PORT", "70000", "less than or equal to 65535"),
        ("CIVILITY_BROKER_URL", "kafka://x", "memory://, amqp"),
        ("CIVILITY_DATABASE_URL", "mysql://x", "sqlite:// or postgresql://"),
        ("CIVILITY_BATCH_MAX_SIZE", "0", "CIVILITY_BATCH_MAX_SIZE"),
    ],
)
def test_bad_values_stop_start_up_readably(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, fragment: str
) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(Invalid) as info:
        load_settings()
    assert fragment in info.value.message
    assert info.value.code == "invalid_settings"


def test_ids_sort_by_creation_time() -> None:
    ids = [new_id("msg", now_ms=ms) for ms in (1, 2, 10, 1_000_000, 2**47)]
    assert ids == sorted(ids)
    assert all(i.startswith("msg_") and len(i) == 30 for i in ids)
    assert new_id("msg", now_ms=5) != new_id("msg", now_ms=5)


@pytest.mark.parametrize("band", ["0.7,0.3", "0.5", "a,b", "0,1.5"])
def test_a_bad_cascade_band_is_refused_by_name(band: str) -> None:
    with pytest.raises(Invalid, match="CIVILITY_CASCADE_BAND"):
        load_settings(cascade_band=band)


def test_the_cascade_band_reads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVILITY_CASCADE_BAND", "0.05, 0.95")
    assert load_settings().cascade_band == (0.05, 0.95)
