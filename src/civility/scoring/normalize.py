"""Batch text normalisation shared by training and serving, robust to common obfuscations.

A cheap per-text ``str.translate`` (lowercase, NFKC look-alike folding, invisible characters,
emoji used as words) is followed by one vectorised numpy pass over the whole batch's code
points: leetspeak, spaced/dotted letters, mixed-script homoglyphs, repeated letters,
punctuation and whitespace. Train and serve call the same code, so features are identical.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

# Emoji routinely used *instead of* an abusive word; mapped to the word so its weight applies.
EMOJI_WORDS: Final[dict[str, str]] = {
    "\U0001f595": " fuck ",  # middle finger
    "\U0001f4a9": " shit ",  # pile of poo
    "\U0001f437": " pig ",
    "\U0001f416": " pig ",
    "\U0001f40d": " snake ",
    "\U0001f921": " clown ",
    "\U0001f346": " dick ",
    "\U0001f52a": " knife ",
    "\U0001f5e1": " knife ",
    "\U0001f52b": " gun ",
    "\U0001f480": " dead ",
    "\U0001f92c": " fuck ",  # face with symbols on mouth
}

# Invisible characters used to split words without changing how they look. This table and the
# three below are public: the threat tier (threats.py) folds text with the same ones.
INVISIBLE: Final[str] = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06"
    "\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0"
    "\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
)

# Code point ranges where NFKC folds look-alikes (fullwidth, math bold/italic, circled...).
_FOLD_RANGES: Final[tuple[tuple[int, int], ...]] = (
    (0x0000, 0x3000),
    (0xFB00, 0xFB07),
    (0xFF00, 0xFFEF),
    (0x1D400, 0x1D800),
    (0x1F100, 0x1F1FF),
)

# Look-alike letters, per direction: minority-script letters in a word take the majority script.
CYR_TO_LAT: Final[dict[str, str]] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "һ": "h",
    "α": "a", "ο": "o", "ρ": "p", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u",
}  # fmt: skip
LAT_TO_CYR: Final[dict[str, str]] = {
    "a": "а", "b": "в", "e": "е", "k": "к", "m": "м", "h": "н", "o": "о", "p": "р",
    "c": "с", "t": "т", "y": "у", "x": "х", "u": "и", "r": "г", "n": "п",
}  # fmt: skip
LEET: Final[dict[str, str]] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e",
}  # fmt: skip
_LEET_INNER: Final[dict[str, str]] = {"!": "i", "|": "l"}  # only between two letters ("sh!t")
_SEPARATORS: Final[str] = " .-_,/+~:'"
_INNER_SEPARATORS: Final[str] = ".-_~+'"

_URL_RE: Final = re.compile(r"(?:https?://|www\.)\S+")
_MENTION_RE: Final = re.compile(r"(?<![\w@])@\w{2,}")
_HTML_ENT_RE: Final = re.compile(r"&(?:amp|lt|gt|quot|#\d+);")

_TABLE_SIZE: Final[int] = 0x30000
SPACE: Final[int] = 32
BOUNDARY: Final[int] = 0

_FLAG_SIZE: Final[int] = 0x2100
F_LEET, F_LEET_INNER, F_SEP, F_INNER, F_CONFUSABLE = 1, 2, 4, 8, 16
# Character classes (uint8): what survives normalisation and how.
C_OTHER, C_LETTER, C_DIGIT, C_PICTO, C_SPACE = 0, 1, 2, 3, 4


def _build_translate_table() -> dict[int, str | None]:
    """One-pass translate table: lowercase + NFKC folding + invisible removal + emoji words."""
    table: dict[int, str | None] = {}
    for lo, hi in _FOLD_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            if unicodedata.category(ch) in ("Cs", "Co", "Cn"):
                continue
            folded = unicodedata.normalize("NFKC", ch).lower()
            if folded != ch:
                table[cp] = folded
    for ch in INVISIBLE:
        table[ord(ch)] = None
    for ch, word in EMOJI_WORDS.items():
        table[ord(ch)] = word
    # Turkish dotted capital I lowercases to i + combining dot; keep it one letter.
    table[ord("İ")] = "i"
    table[0] = " "
    return table


def _is_picto(cp: int) -> bool:
    return 0x2600 <= cp < 0x27C0 or 0x2B00 <= cp < 0x2C00 or 0x1F000 <= cp < 0x1FB00


def _build_classes() -> npt.NDArray[np.uint8]:
    """Class of every code point below 0x30000 (higher ones count as letters)."""
    cls = np.zeros(_TABLE_SIZE, dtype=np.uint8)
    for cp in range(_TABLE_SIZE):
        cat = unicodedata.category(chr(cp))
        if _is_picto(cp) and cat.startswith("S"):
            cls[cp] = C_PICTO
        elif cat[0] in "LM":
            cls[cp] = C_LETTER
        elif cat == "Nd":
            cls[cp] = C_DIGIT
        elif cat[0] == "Z" or chr(cp).isspace():
            cls[cp] = C_SPACE
    cls[ord("*")] = C_LETTER  # as in f*ck / f**k: keep it inside the word
    cls[BOUNDARY] = C_OTHER
    return cls


def _map_array(mapping: dict[str, str]) -> tuple[U32, U32]:
    keys = np.array([ord(k) for k in mapping], dtype=np.uint32)
    vals = np.array([ord(v) for v in mapping.values()], dtype=np.uint32)
    return keys, vals


def _lookup(size: int, mapping: dict[str, str]) -> U32:
    """Dense code point -> code point table (identity where unmapped)."""
    table = np.arange(size, dtype=np.uint32)
    keys, vals = _map_array(mapping)
    table[keys] = vals
    return table


_TABLE: Final = _build_translate_table()
_CLS: Final = _build_classes()
_LEET_TABLE: Final = _lookup(0x2100, LEET)
_LEET_INNER_TABLE: Final = _lookup(0x80, _LEET_INNER)
_TO_LAT: Final = _lookup(0x530, CYR_TO_LAT)
_TO_CYR: Final = _lookup(0x530, LAT_TO_CYR)


# The same without emoji words, for language identification (a middle finger names no language).
_TABLE_NO_EMOJI: Final = {**_TABLE, **{ord(e): " " for e in EMOJI_WORDS}}


def pre_translate(text: str, emoji_words: bool = True) -> str:
    """Per-text string stage: folding, invisible characters, emoji words, URLs and @mentions."""
    t = text.translate(_TABLE if emoji_words else _TABLE_NO_EMOJI)
    if "&" in t:
        t = _HTML_ENT_RE.sub(" ", t)
    if "://" in t or "www." in t:
        t = _URL_RE.sub(" ", t)
    if "@" in t:
        t = _MENTION_RE.sub(" ", t)
    return t


def _build_char_map(table: dict[int, str | None]) -> tuple[U32, B]:
    """``table`` as a dense array where it maps one code point to one; where it does not."""
    image = np.arange(_TABLE_SIZE, dtype=np.uint32)
    other = np.zeros(_TABLE_SIZE, dtype=bool)
    for cp, rep in table.items():
        assert cp < _TABLE_SIZE, "every folded code point is in the dense range"
        if rep is not None and len(rep) == 1:
            image[cp] = ord(rep)
        else:  # deleted (invisible) or expanded (emoji words, NFKC ligatures)
            other[cp] = True
    return image, other


_CHAR_MAPS: Final = {True: _build_char_map(_TABLE), False: _build_char_map(_TABLE_NO_EMOJI)}
_AMP, _AT, _COLON, _SLASH, _W, _DOT = (ord(ch) for ch in "&@:/w.")


# Fewer texts than this take the per-text path: the array path's ~20 numpy calls cost more
# than translating a handful of texts (single-text latency).
BATCHED_FROM: Final[int] = 8


def _translated_one_by_one(texts: Sequence[str], emoji_words: bool) -> U32:
    """What ``_translated`` computes, text by text (the reference it must equal)."""
    joined = "\x00".join(pre_translate(t, emoji_words) for t in texts) + "\x00"
    return np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)


def _translated(texts: Sequence[str], emoji_words: bool) -> U32:
    """Code points of ``"\\x00".join(pre_translate(t) for t in texts) + "\\x00"``, batched.

    ``str.translate`` with a dict costs ~75 ns a character outside ASCII (9 us for a Russian
    chat message); here one array lookup maps every text whose characters all map one to one
    and that gives the regex stages nothing to do (no ``&``, ``@``, ``://``, ``www.``), and
    only the others take the per-text path.
    """
    if len(texts) < BATCHED_FROM:
        return _translated_one_by_one(texts, emoji_words)
    try:
        raw = np.frombuffer(("\x00".join(texts) + "\x00").encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # lone surrogates: the per-text path decides what happens
        return _translated_one_by_one(texts, emoji_words)
    image, other = _CHAR_MAPS[emoji_words]
    small = np.minimum(raw, _TABLE_SIZE - 1)
    c = image.take(small)
    odd = other.take(small)
    high = raw >= _TABLE_SIZE
    if high.any():
        c[high] = raw[high]
        odd &= ~high
    ends = np.cumsum(np.fromiter((len(t) + 1 for t in texts), np.int64, len(texts))) - 1
    c[ends] = BOUNDARY  # a text's own NUL maps to a space; these are the separators
    odd |= (c == _AMP) | (c == _AT)
    odd[:-2] |= (c[:-2] == _COLON) & (c[1:-1] == _SLASH) & (c[2:] == _SLASH)
    odd[:-3] |= (c[:-3] == _W) & (c[1:-2] == _W) & (c[2:-1] == _W) & (c[3:] == _DOT)
    hits = np.flatnonzero(odd)
    if not hits.size:
        return c
    slow = np.unique(np.searchsorted(ends, hits)).tolist()
    pieces: list[U32] = []
    pos = 0
    for i in slow:
        start = int(ends[i - 1]) + 1 if i else 0
        pieces.append(c[pos:start])
        text = pre_translate(texts[i], emoji_words) + "\x00"
        pieces.append(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))
        pos = int(ends[i]) + 1
    pieces.append(c[pos:])
    return np.concatenate(pieces)


def translated(texts: Sequence[str], emoji_words: bool = True) -> U32:
    """Code points of every text's ``pre_translate``, each followed by a NUL (batched)."""
    return _translated(texts, emoji_words)


def pre_translate_many(texts: Sequence[str], emoji_words: bool = True) -> list[str]:
    """``pre_translate`` of every text, batched (see ``_translated``)."""
    if not texts:
        return []
    whole = _translated(texts, emoji_words).tobytes().decode("utf-32-le")
    return whole.split("\x00")[:-1]


def _build_flags() -> npt.NDArray[np.uint8]:
    """Bit flags per code point below _FLAG_SIZE (a table lookup is far cheaper than np.isin)."""
    flags = np.zeros(_FLAG_SIZE, dtype=np.uint8)
    for bit, chars in (
        (F_LEET, "".join(LEET)),
        (F_LEET_INNER, "".join(_LEET_INNER)),
        (F_SEP, _SEPARATORS),
        (F_INNER, _INNER_SEPARATORS),
        (F_CONFUSABLE, "".join(CYR_TO_LAT) + "".join(LAT_TO_CYR)),
    ):
        for ch in chars:
            flags[ord(ch)] |= bit
    return flags


_FLAGS: Final = _build_flags()


def _member(c: U32, bit: int) -> B:
    """Whether each code point carries flag ``bit``."""
    # ndarray.take: the same lookup as indexing, without fancy indexing's iterator set-up.
    hit: B = (_FLAGS.take(np.minimum(c, _FLAG_SIZE - 1)) & bit) != 0
    hit &= c < _FLAG_SIZE
    return hit


def _classes(c: U32) -> npt.NDArray[np.uint8]:
    cls = _CLS.take(np.minimum(c, _TABLE_SIZE - 1))
    cls[c >= _TABLE_SIZE] = C_LETTER
    return cls


def _shift_prev(x: B, fill: bool = False) -> B:
    out = np.empty_like(x)
    out[0] = fill
    out[1:] = x[:-1]
    return out


def _shift_next(x: B, fill: bool = False) -> B:
    out = np.empty_like(x)
    out[-1] = fill
    out[:-1] = x[1:]
    return out


def _deleet(c: U32) -> U32:
    """Maps leet symbols that touch letters ("l0ser", "a$$", "sh!t"); repeated to reach "@$$"."""
    is_leet = _member(c, F_LEET)
    if not (is_leet.any() or _member(c, F_LEET_INNER).any()):
        return c
    c = c.copy()
    for _ in range(3):
        letter = _classes(c) == C_LETTER
        touch = _shift_prev(letter) | _shift_next(letter)
        hit = is_leet & touch
        c[hit] = _LEET_TABLE[c[hit]]
        is_leet &= ~hit
    letter = _classes(c) == C_LETTER
    inner = _member(c, F_LEET_INNER) & _shift_prev(letter) & _shift_next(letter)
    c[inner] = _LEET_INNER_TABLE[c[inner]]
    return c


def _join_split_letters(c: U32) -> U32:
    """Drops separators in "i d i o t" / "i.d.i.o.t" runs and inside words ("id-i.ot")."""
    letter = _classes(c) == C_LETTER
    single = letter & ~_shift_prev(letter) & ~_shift_next(letter)
    sep = _member(c, F_SEP)
    between = sep & _shift_prev(single) & _shift_next(single)
    prev2 = np.zeros_like(between)
    prev2[2:] = between[:-2]
    next2 = np.zeros_like(between)
    next2[:-2] = between[2:]
    drop = between & (prev2 | next2)
    drop |= _member(c, F_INNER) & _shift_prev(letter) & _shift_next(letter)
    return c[~drop] if drop.any() else c


def _fix_mixed_script(c: U32) -> U32:
    """Maps look-alikes in words mixing Latin with Cyrillic/Greek letters to the majority script."""
    latin = (c >= 97) & (c <= 122)
    cyr = (c >= 0x370) & (c < 0x530)
    if not (latin.any() and cyr.any()):
        return c
    letter = _classes(c) == C_LETTER
    word_id = np.cumsum(letter & ~_shift_prev(letter)) * letter
    n_words = int(word_id.max()) + 1
    n_lat = np.bincount(word_id, weights=latin, minlength=n_words)
    n_cyr = np.bincount(word_id, weights=cyr, minlength=n_words)
    mixed = (n_lat > 0) & (n_cyr > 0)
    mixed[0] = False
    if not mixed.any():
        return c
    # Letters with no look-alike in the other script decide first ("іdіоt" has a Latin d).
    strong_lat = latin & ~_member(c, F_CONFUSABLE)
    strong_cyr = cyr & ~_member(c, F_CONFUSABLE)
    s_lat = np.bincount(word_id, weights=strong_lat, minlength=n_words)
    s_cyr = np.bincount(word_id, weights=strong_cyr, minlength=n_words)
    c = c.copy()
    to_cyr = mixed & ((s_cyr > s_lat) | ((s_cyr == s_lat) & (n_cyr > n_lat)))
    to_lat = mixed & ~to_cyr
    m_cyr = to_cyr[word_id] & latin
    m_lat = to_lat[word_id] & cyr
    c[m_cyr] = _TO_CYR[c[m_cyr]]
    c[m_lat] = _TO_LAT[c[m_lat]]
    return c


def _collapse_and_tokenise(c: U32) -> U32:
    """Caps letter repeats at two, makes other symbols single spaces, isolates pictographs."""
    rep = np.zeros(c.shape[0], dtype=bool)
    if c.shape[0] > 2:
        rep[2:] = (c[2:] == c[1:-1]) & (c[1:-1] == c[:-2]) & (c[2:] != BOUNDARY)
    if rep.any():
        c = c[~rep]
    cls = _classes(c)
    keep_char = (cls == C_LETTER) | (cls == C_DIGIT) | (cls == C_PICTO)
    boundary = c == BOUNDARY
    c = np.where(keep_char | boundary, c, np.uint32(SPACE)).astype(np.uint32)
    picto = cls == C_PICTO
    if picto.any():
        idx = np.flatnonzero(picto)
        c = np.insert(c, np.concatenate([idx, idx + 1]), np.uint32(SPACE))
        boundary = c == BOUNDARY
    space = c == SPACE
    c = c[~(space & _shift_prev(space | boundary, True))]
    # Runs are single spaces now, so one more pass strips the space before each boundary.
    trailing = (c == SPACE) & _shift_next(c == BOUNDARY, True)
    out: U32 = c[~trailing]
    return out


def normalize_batch(texts: Sequence[str]) -> tuple[U32, I64]:
    """Normalises a batch; returns the concatenated code points of " text " per text + lengths."""
    c = _translated(texts, True)
    c = _deleet(c)
    c = _join_split_letters(c)
    c = _fix_mixed_script(c)
    c = _collapse_and_tokenise(c)
    if not texts:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    # Every text ends with its boundary (the stages above keep them all): a space inserted
    # before each one and one more in front give " text " per text once they become spaces.
    seps = np.flatnonzero(c == BOUNDARY)
    spaced = np.insert(c, seps, np.uint32(SPACE))
    out = np.empty_like(spaced)
    out[0] = SPACE
    out[1:] = spaced[:-1]
    out[out == BOUNDARY] = SPACE
    lens = np.diff(seps, prepend=-1) + 1  # the text's characters and its two spaces
    return out, lens


def has_alnum(cps: U32, lens: I64) -> B:
    """Per text of a normalised batch: whether any letter or digit is left (not only emoji)."""
    if lens.shape[0] == 0:
        return np.zeros(0, dtype=bool)
    cls = _classes(cps)
    alnum = ((cls == C_LETTER) | (cls == C_DIGIT)).astype(np.int64)
    starts = np.zeros(lens.shape[0], dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    out: B = np.add.reduceat(alnum, starts) > 0
    return out


def to_strings(cps: U32, lens: I64) -> list[str]:
    """Decodes ``normalize_batch`` output back to strings (padding removed)."""
    whole = cps.astype("<u4").tobytes().decode("utf-32-le")
    out: list[str] = []
    pos = 0
    for n in lens.tolist():
        out.append(whole[pos + 1 : pos + n - 1])
        pos += n
    return out


def normalize(text: str) -> str:
    """Returns the canonical form of one text (what the featuriser hashes)."""
    cps, lens = normalize_batch([text])
    return to_strings(cps, lens)[0]
