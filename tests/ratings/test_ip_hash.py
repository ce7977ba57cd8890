"""Rating IP hashes are keyed: the table alone does not give the addresses back."""

from __future__ import annotations

import hashlib

from civility.clock import ManualClock
from civility.container import server_key
from civility.ratings.repository import InMemoryRatingRepository, MemoryRatingCache, NoRateLimit
from civility.ratings.service import RatingInput, RatingService
from civility.settings import load_settings


def stored_hash(key: bytes | None, ip: str) -> str | None:
    service = RatingService(
        InMemoryRatingRepository(), MemoryRatingCache(), NoRateLimit(), ManualClock(), ip_key=key
    )
    submission = service.accept_one(RatingInput("post", "user", 4, ip=ip))
    return submission.ip_hash


def test_the_hash_is_not_the_plain_digest_an_attacker_can_enumerate() -> None:
    ip = "203.0.113.7"
    got = stored_hash(b"k" * 32, ip)
    assert got is not None
    assert got != hashlib.sha256(ip.encode()).hexdigest()[:16]


def test_equal_addresses_match_under_one_key_and_differ_across_keys() -> None:
    ip = "198.51.100.1"
    assert stored_hash(b"a" * 32, ip) == stored_hash(b"a" * 32, ip)
    assert stored_hash(b"a" * 32, ip) != stored_hash(b"b" * 32, ip)
    assert stored_hash(b"a" * 32, ip) != stored_hash(b"a" * 32, "198.51.100.2")


def test_the_key_comes_from_the_server_secret_and_differs_per_purpose(tmp_path: object) -> None:
    one = load_settings(server_secret="s" * 32, data_dir=tmp_path)
    two = load_settings(server_secret="t" * 32, data_dir=tmp_path)
    assert server_key(one, "ip-hash") != server_key(two, "ip-hash")
    assert server_key(one, "ip-hash") != server_key(one, "other")
    assert server_key(one, "ip-hash") == server_key(
        load_settings(server_secret="s" * 32, data_dir=tmp_path), "ip-hash"
    )
