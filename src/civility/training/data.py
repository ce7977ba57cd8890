"""Loading the labelled pool and carving reproducible hash-based splits."""

from __future__ import annotations

import hashlib
import re
from functools import partial
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from civility.scoring.base import CATEGORIES

LABELS: Final[list[str]] = list(CATEGORIES)
LANGS: Final[tuple[str, ...]] = ("en", "es", "it", "tr", "ru", "de", "pt")
# sha1(text) mod 100: < 90 train; 90..94 tune (calibration, thresholds); 95..99 report only.
TUNE_LO: Final[int] = 90
REPORT_LO: Final[int] = 95


def read_pool_csv(path: Path | str) -> pd.DataFrame:
    """Reads one CSV in the pool schema, keeping empty labels as NaN (= unknown)."""
    df = pd.read_csv(
        path,
        keep_default_na=False,
        na_values={c: [""] for c in [*LABELS, "spans"]},
        dtype={
            **dict.fromkeys(LABELS, "float64"),
            "text": str,
            "lang": str,
            "source": str,
            "spans": str,
        },
    )
    for col in LABELS:
        if col not in df.columns:
            df[col] = np.nan
    if "spans" not in df.columns:
        df["spans"] = np.nan
    return df


def text_bucket(text: str) -> int:
    """Stable split bucket of a text: sha1 of its UTF-8 bytes mod 100."""
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
    return int(digest, 16) % 100


def load_pool(pool_dir: Path) -> pd.DataFrame:
    """Loads every ``*.csv.gz`` of the pool with a ``bucket`` and ``split`` column."""
    files = sorted(pool_dir.glob("*.csv.gz"))
    if not files:
        raise FileNotFoundError(f"no *.csv.gz in {pool_dir}")
    df = pd.concat([read_pool_csv(f) for f in files], ignore_index=True)
    df["bucket"] = np.fromiter((text_bucket(t) for t in df["text"]), dtype=np.int64, count=len(df))
    df["split"] = np.where(
        df["bucket"] < TUNE_LO, "train", np.where(df["bucket"] < REPORT_LO, "tune", "report")
    )
    return df


def label_matrix(df: pd.DataFrame) -> npt.NDArray[np.float64]:
    """(rows, 6) soft labels with NaN for unknown."""
    out: npt.NDArray[np.float64] = df[LABELS].to_numpy(dtype=np.float64)
    return out


def lang_index(df: pd.DataFrame) -> npt.NDArray[np.int64]:
    """Index of each row's language in LANGS (-1 if other)."""
    lookup = {lang: i for i, lang in enumerate(LANGS)}
    return np.fromiter((lookup.get(x, -1) for x in df["lang"]), dtype=np.int64, count=len(df))


# A source's "not toxic" rules out these sub-categories; obscene is left alone because
# obscene-but-not-toxic text exists (casual swearing).
IMPLIED_BY_NOT_TOXIC: Final[tuple[str, ...]] = (
    "severe_toxicity",
    "threat",
    "insult",
    "identity_attack",
)


def imply_negative_labels(
    df: pd.DataFrame, columns: tuple[str, ...] = IMPLIED_BY_NOT_TOXIC
) -> pd.DataFrame:
    """Copy of ``df`` whose unknown sub-labels become 0 where the source rules them out.

    For training only (evaluation keeps the sources' own labels). A hard ``toxicity == 0``
    implies no severe toxicity, threat, insult or identity attack; a HatemojiBuild row judged
    not hateful (``identity_attack == 0``) implies no threat. Without this the sub-category
    heads see negatives from Jigsaw alone, while HatemojiBuild's threat rows are all positive
    and full of identity terms, so the threat head learns "identity term => threat".
    ``columns`` limits the implication to some of IMPLIED_BY_NOT_TOXIC.
    """
    if not set(columns) <= set(IMPLIED_BY_NOT_TOXIC):
        raise ValueError(f"can only imply {IMPLIED_BY_NOT_TOXIC}, not {columns}")
    out = df.copy()
    not_toxic = (out["toxicity"] == 0.0).to_numpy()
    for col in columns:
        out.loc[not_toxic & out[col].isna().to_numpy(), col] = 0.0
    not_hateful = ((out["source"] == "hatemoji_build") & (out["identity_attack"] == 0.0)).to_numpy()
    if "threat" in columns:
        out.loc[not_hateful & out["threat"].isna().to_numpy(), "threat"] = 0.0
    return out


# Identity words that read naturally as an adjective before a person noun ("my gay friends").
# Nouns among the fast tier's identity terms ("jew", "woman", "women") are left out.
COUNTERFACTUAL_TERMS: Final[tuple[str, ...]] = (
    "black", "white", "gay", "lesbian", "trans", "transgender", "muslim", "jewish", "christian",
    "asian", "mexican", "african", "latino", "immigrant", "disabled", "female", "male", "queer",
    "indian", "arab", "bisexual", "homosexual", "islamic", "chinese", "hispanic", "catholic",
    "hindu", "buddhist", "american", "european", "deaf", "blind", "old", "young",
)  # fmt: skip
_PERSON_NOUN = re.compile(
    r"\b(?:people|person|persons|guy|guys|friend|friends|folks|family|families|kid|kids|"
    r"neighbou?rs?|students?|parents?|couples?|colleagues?|coworkers?|men|man|women|woman)\b",
    re.IGNORECASE,
)


def _benign(df: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Rows whose toxicity is a known 0 and whose every other known label is 0."""
    y = df[LABELS]
    out: npt.NDArray[np.bool_] = (
        (y.fillna(0.0) == 0.0).all(axis=1) & (df["toxicity"] == 0.0)
    ).to_numpy()
    return out


def _benign_copies(picked: pd.DataFrame, tag: str) -> pd.DataFrame:
    """Augmented copies of benign rows: ruled-out sub-labels set to 0, source tagged."""
    # Naming an identity in a benign sentence is no identity attack: say so, or the
    # identity_attack head (unlabelled on most benign rows) learns nothing from the copies.
    for col in IMPLIED_BY_NOT_TOXIC:
        picked[col] = picked[col].fillna(0.0)
    picked["source"] = picked["source"] + tag
    return picked.reset_index(drop=True)


def identity_counterfactuals(df: pd.DataFrame, fraction: float, seed: int) -> pd.DataFrame:
    """Benign rows of ``df`` with an identity word put before a person noun, labels kept.

    Counterfactual augmentation against identity-term bias (Dixon et al., 2018): in the
    hate-speech sources identity words occur almost only in abusive rows, so a fine-tuned
    encoder learns "black people" => toxic. Copies of rows whose every label is a known 0,
    naming a person, become "my black friends"-style negatives for toxicity and every
    sub-category a benign text rules out (IMPLIED_BY_NOT_TOXIC). At most ``fraction *
    len(df)`` rows; none of the bias probe's sentence frames are generated, so the probe still
    measures generalisation.
    """
    benign = _benign(df)
    has_noun = df["text"].str.contains(_PERSON_NOUN).to_numpy()
    pool = df[benign & has_noun]
    n = min(len(pool), int(fraction * len(df)))
    if n == 0:
        return df.iloc[:0].copy()
    rng = np.random.default_rng(seed)
    picked = pool.iloc[np.sort(rng.choice(len(pool), size=n, replace=False))].copy()
    terms = rng.choice(len(COUNTERFACTUAL_TERMS), size=n)
    picked["text"] = [
        _PERSON_NOUN.sub(rf"{COUNTERFACTUAL_TERMS[k]} \g<0>", text, count=1)
        for text, k in zip(picked["text"], terms, strict=True)
    ]
    return _benign_copies(picked, "+counterfactual")


# Identity words matched in benign rows for swapping: the unambiguous ones ("black", "old"
# or "american" are as often colours, ages or nationalities in a neutral sense).
SWAP_SOURCE_TERMS: Final[tuple[str, ...]] = (
    "gay", "lesbian", "trans", "transgender", "muslim", "jewish", "christian", "asian",
    "mexican", "african", "latino", "immigrant", "disabled", "queer", "indian", "arab",
    "bisexual", "homosexual", "islamic", "chinese", "hispanic", "catholic", "hindu", "buddhist",
)  # fmt: skip
_SWAP_SOURCE = re.compile(r"\b(?:" + "|".join(SWAP_SOURCE_TERMS) + r")\b", re.IGNORECASE)


def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"\b{term}\b", re.IGNORECASE)


def _cased(word: str, match: re.Match[str]) -> str:
    """``word`` in the case of the matched one: GAY -> TRANS, Gay -> Trans, gay -> trans."""
    found = match.group(0)
    if found.isupper() and len(found) > 1:
        return word.upper()
    return word.capitalize() if found[0].isupper() else word


def abuse_term_weights(df: pd.DataFrame) -> npt.NDArray[np.float64]:
    """Per COUNTERFACTUAL_TERMS word, the share of benign rows it needs (Dixon et al., 2018).

    Among rows of ``df`` that label identity_attack, a word named in ``a`` attacks and ``n``
    other rows needs ``a * (1 - b) / b - n`` more benign rows for its attack rate to fall to
    the base rate ``b``; the weights are those needs (at least 0) plus 1, normalised to 1.
    """
    known = df[df["identity_attack"].notna()]
    attack = (known["identity_attack"] >= 0.5).to_numpy()
    base = float(attack.mean()) if len(known) else 0.0
    need = np.zeros(len(COUNTERFACTUAL_TERMS))
    if 0.0 < base < 1.0:
        for i, term in enumerate(COUNTERFACTUAL_TERMS):
            named = known["text"].str.contains(_term_pattern(term)).to_numpy()
            a, n = float((named & attack).sum()), float((named & ~attack).sum())
            need[i] = max(a * (1.0 - base) / base - n, 0.0)
    out: npt.NDArray[np.float64] = (need + 1.0) / (need + 1.0).sum()
    return out


def identity_swaps(df: pd.DataFrame, fraction: float, seed: int) -> pd.DataFrame:
    """Benign rows of ``df`` naming an identity, with that identity swapped for another.

    Counterfactual data augmentation by term swap (Lu et al., 2018): it
    keeps the row's own sentence frame ("I am gay and ..." becomes "I am trans and ..."),
    which the noun insertion of ``identity_counterfactuals`` cannot reach. The new term is
    drawn by ``abuse_term_weights``; labels are kept and the sub-categories a benign text
    rules out are set to 0. At most ``fraction * len(df)`` rows, sampled with replacement
    when the benign rows naming an identity are fewer.
    """
    benign = _benign(df)
    names = df["text"].str.contains(_SWAP_SOURCE).to_numpy()
    pool = df[benign & names].drop_duplicates("text")
    n = int(fraction * len(df))
    if n == 0 or pool.empty:
        return df.iloc[:0].copy()
    rng = np.random.default_rng(seed)
    picked = pool.iloc[np.sort(rng.choice(len(pool), size=n, replace=n > len(pool)))].copy()
    weights = abuse_term_weights(df)
    texts = []
    for text in picked["text"]:
        old = _SWAP_SOURCE.search(text)
        assert old is not None
        new = str(COUNTERFACTUAL_TERMS[rng.choice(len(COUNTERFACTUAL_TERMS), p=weights)])
        texts.append(_term_pattern(old.group(0)).sub(partial(_cased, new), text))
    picked["text"] = texts
    return _benign_copies(picked, "+swap")
