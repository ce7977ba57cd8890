"""Sign-in lockouts in Redis hold across processes (two throttles stand for two processes)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import redis
from tests.conftest import require_server

from civility.auth.throttle import LoginThrottle
from civility.clock import ManualClock
from civility.container import build_login_throttle
from civility.errors import RateLimited
from civility.settings import load_settings
from civility.storage.redis_throttle import RedisLoginThrottle

URL = "redis://127.0.0.1:6379/0"


def _throttle(prefix: str) -> RedisLoginThrottle:
    client = redis.Redis.from_url(URL)
    return RedisLoginThrottle(
        client, max_failures=3, lockout_seconds=60, max_lockout_seconds=600, prefix=prefix
    )


def test_a_lockout_earned_in_one_process_holds_in_another() -> None:
    require_server("Redis", "127.0.0.1", 6379)
    prefix = f"civility:test:{uuid.uuid4().hex}:"
    one, two = _throttle(prefix), _throttle(prefix)
    for _ in range(2):
        one.failed("Alice", "203.0.113.7")
    two.check("alice", "203.0.113.7")  # two failures: not locked yet
    two.failed("alice", "198.51.100.1")  # the third, from another address and process
    with pytest.raises(RateLimited) as locked:
        one.check("ALICE", "192.0.2.1")
    assert locked.value.code == "login_locked"
    assert 59 < (locked.value.retry_after or 0) <= 60
    # Each further failure doubles the wait, up to the maximum.
    for _ in range(5):
        one.failed("alice", "192.0.2.1")
    with pytest.raises(RateLimited) as longer:
        two.check("alice", "192.0.2.9")
    assert 599 < (longer.value.retry_after or 0) <= 600
    # A right password forgets the account's failures; the address keeps its own.
    two.succeeded("alice")
    one.check("alice", "192.0.2.9")
    with pytest.raises(RateLimited):
        two.check("carol", "192.0.2.1")
    client = redis.Redis.from_url(URL)
    client.delete(*client.keys(f"{prefix}*"))


def test_serve_shares_lockouts_through_redis_when_it_is_configured(tmp_path: Path) -> None:
    on = load_settings(data_dir=tmp_path, env="test", redis_url=URL)
    off = load_settings(data_dir=tmp_path, env="test")
    assert isinstance(build_login_throttle(on, ManualClock()), RedisLoginThrottle)
    assert isinstance(build_login_throttle(off, ManualClock()), LoginThrottle)
