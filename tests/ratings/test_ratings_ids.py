"""Rating version ids made many at a time are the ids new_id would make."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civility.ids import new_id
from civility.ratings.ids import new_ids


def _stream(seed: int) -> Callable[[int], bytes]:
    """os.urandom from one seeded byte stream, however the bytes are asked for."""
    data = random.Random(seed).randbytes(100_000)
    at = 0

    def urandom(n: int) -> bytes:
        nonlocal at
        at += n
        return data[at - n : at]

    return urandom


@given(
    times=st.lists(st.integers(0, 2**48 - 1), max_size=50),
    seed=st.integers(0, 1000),
)
def test_the_same_random_bytes_make_the_same_ids(times: list[int], seed: int) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("os.urandom", _stream(seed))
        one_by_one = [new_id("rat", now_ms=ms) for ms in times]
        mp.setattr("os.urandom", _stream(seed))
        together = new_ids("rat", times)
    assert together == one_by_one


def test_ids_sort_by_time_and_differ() -> None:
    times = [1_700_000_000_000 + i // 3 for i in range(300)]
    ids = new_ids("rat", times)
    assert len(set(ids)) == len(ids)
    assert [i[:14] for i in ids] == sorted(i[:14] for i in ids)
    assert all(len(i) == len("rat_") + 26 for i in ids)
