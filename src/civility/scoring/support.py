"""The support matrix: per language and category, whether a score is measured to mean something.

A score is *supported* for a (language, category) pair when it reaches the AUC floor on data
held out from every choice (see docs/model-card.md, "Support matrix"); everything else is
published as ``null`` by the API and never acted on by a policy. The matrix ships next to the
weights (``artifacts/support-matrix.json``) and is written by ``civility.training.support``.

Texts the language identifier cannot place (``und``: too short, emoji, evasions such as
"k1ll y0u") keep every category that is supported in *some* language: nulling them would let
the most common evasions through, and such texts carry no language-specific vocabulary that a
per-language measurement could be wrong about.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from civility.scoring.base import CATEGORIES

UNDETERMINED: Final[str] = "und"
SUPPORT_FILE: Final[str] = "support-matrix.json"
ARTIFACT_DIR: Final[Path] = Path(__file__).parent / "artifacts"


@dataclass(frozen=True, slots=True)
class Cell:
    """The evidence for one (language, category) pair."""

    supported: bool
    auc: float | None = None
    n: int = 0
    positives: int = 0
    evidence: str = "none"
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """JSON form, as published by ``GET /v1/models``."""
        return {
            "supported": self.supported,
            "auc": self.auc,
            "n": self.n,
            "positives": self.positives,
            "evidence": self.evidence,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class SupportMatrix:
    """Which scores mean something, per language; languages not listed support nothing."""

    floor: float
    languages: Mapping[str, Mapping[str, Cell]]
    model: str = ""
    description: str = ""
    _union: frozenset[str] = field(default=frozenset(), compare=False)

    @staticmethod
    def build(
        floor: float, languages: Mapping[str, Mapping[str, Cell]], model: str, description: str
    ) -> SupportMatrix:
        """A matrix with its ``und`` row (every category supported in some language)."""
        union = frozenset(
            c for cells in languages.values() for c, cell in cells.items() if cell.supported
        )
        return SupportMatrix(floor, languages, model, description, union)

    def supported(self, language: str, category: str) -> bool:
        """Whether ``category`` is measured to be meaningful for texts in ``language``."""
        if language == UNDETERMINED:
            return category in self._union
        cell = self.languages.get(language, {}).get(category)
        return cell is not None and cell.supported

    def unsupported(self, language: str) -> tuple[str, ...]:
        """The categories whose score is not meaningful for ``language``, in CATEGORIES order."""
        return tuple(c for c in CATEGORIES if not self.supported(language, c))

    def supported_languages(self, category: str) -> tuple[str, ...]:
        """Languages for which ``category`` is supported, sorted."""
        return tuple(sorted(lang for lang in self.languages if self.supported(lang, category)))

    def to_json(self) -> dict[str, Any]:
        """JSON form (the shipped file's schema)."""
        return {
            "model": self.model,
            "description": self.description,
            "floor": self.floor,
            "languages": {
                lang: {c: cell.to_json() for c, cell in cells.items()}
                for lang, cells in sorted(self.languages.items())
            },
        }

    @staticmethod
    def from_json(obj: Mapping[str, Any]) -> SupportMatrix:
        """Inverse of ``to_json``."""
        languages = {
            lang: {
                c: Cell(
                    supported=bool(v["supported"]),
                    auc=None if v.get("auc") is None else float(v["auc"]),
                    n=int(v.get("n", 0)),
                    positives=int(v.get("positives", 0)),
                    evidence=str(v.get("evidence", "none")),
                    note=str(v.get("note", "")),
                )
                for c, v in cells.items()
                if c in CATEGORIES
            }
            for lang, cells in obj["languages"].items()
        }
        return SupportMatrix.build(
            float(obj["floor"]),
            languages,
            str(obj.get("model", "")),
            str(obj.get("description", "")),
        )


def load_support(directory: Path | None = None) -> SupportMatrix:
    """The support matrix shipped in ``directory`` (default: the packaged artifacts)."""
    return _load(directory or ARTIFACT_DIR)


@cache
def _load(directory: Path) -> SupportMatrix:
    path = directory / SUPPORT_FILE
    return SupportMatrix.from_json(json.loads(path.read_text(encoding="utf-8")))


def published(
    scores: Mapping[str, float], unsupported: tuple[str, ...], digits: int = 6
) -> dict[str, float | None]:
    """Scores as the API shows them: rounded, ``None`` for unsupported categories."""
    return {c: None if c in unsupported else round(v, digits) for c, v in scores.items()}
