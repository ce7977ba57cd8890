"""Request ids made by the server are version 4 UUIDs, as uuid4().hex writes them."""

from __future__ import annotations

import re
import uuid

from civility import request_ids


def test_new_ids_are_random_version_4_uuids_in_hex() -> None:
    ids = [request_ids.new_id() for _ in range(2_000)]
    assert len(set(ids)) == len(ids)
    for rid in ids:
        assert re.fullmatch(r"[0-9a-f]{32}", rid)
        parsed = uuid.UUID(hex=rid)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert parsed.hex == rid
    # Only the version digit is fixed (the variant digit is one of 8, 9, a, b).
    assert [i for i in range(32) if len({rid[i] for rid in ids}) == 1] == [12]
    assert {rid[16] for rid in ids} == set("89ab")


def test_a_missing_or_unusable_caller_id_gets_a_new_one() -> None:
    assert request_ids.accept("abc-123") == "abc-123"
    for given in (None, "", "has space", "x" * 129):
        assert uuid.UUID(hex=request_ids.accept(given)).version == 4
