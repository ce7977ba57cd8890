"""Rating version ids, many at a time, in the layout of `civility.ids.new_id`."""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence

# civility.ids' alphabet (Crockford's base32); tests check the ids against new_id's.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# base64's base32 alphabet, in value order, to this one.
_FROM_BASE32 = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET.encode())


def new_ids(prefix: str, times_ms: Sequence[int]) -> list[str]:
    """Returns one `new_id(prefix, now_ms=t)` per time, from one os.urandom call.

    Same layout (48-bit ms time, then 80 random bits, 26 base32 characters). 80 bits are
    exactly 16 characters, so the random parts of all the ids are encoded in one base32 pass
    and each distinct time once: new_id's per-id loop cost ~5 µs, a few % of applying a rating.
    """
    random = base64.b32encode(os.urandom(10 * len(times_ms))).translate(_FROM_BASE32).decode()
    stamps: dict[int, str] = {}
    out = []
    for i, ms in enumerate(times_ms):
        stamp = stamps.get(ms)
        if stamp is None:
            digits = (_ALPHABET[(ms >> shift) & 31] for shift in range(45, -5, -5))
            stamp = stamps[ms] = f"{prefix}_{''.join(digits)}"
        out.append(stamp + random[16 * i : 16 * i + 16])
    return out
