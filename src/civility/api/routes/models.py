"""The model in use and its support matrix: which (language, category) scores mean something."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from civility.api.deps import Analyzer, ContainerDep
from civility.api.schemas import ErrorOut
from civility.scoring.base import CATEGORIES

router = APIRouter(prefix="/v1", tags=["models"])


class SupportCellOut(BaseModel):
    """The evidence for one (language, category) pair."""

    supported: bool
    auc: float | None = Field(description="ROC-AUC on held-out data; null when not measurable")
    n: int
    positives: int
    evidence: str = Field(
        description="validation_buckets, expert_cross_validation, heldout_threat_set or none"
    )
    note: str


class ModelOut(BaseModel):
    """The configured scorer and, where it ships one, its support matrix."""

    name: str
    version: str
    categories: list[str]
    floor: float | None = Field(description="AUC a pair must reach to be supported")
    description: str
    undetermined: list[str] = Field(
        description="Categories scored for texts whose language is undetermined (und)"
    )
    languages: dict[str, dict[str, SupportCellOut]]


class ModelsOut(BaseModel):
    """The models this installation scores with (one today)."""

    models: list[ModelOut]


@router.get("/models", response_model=ModelsOut, responses={401: {"model": ErrorOut}})
async def models(_: Analyzer, c: ContainerDep) -> ModelsOut:
    """Publishes the scorer's support matrix; without one, every category is scored."""
    support = getattr(c.scorer, "support", None)
    languages: dict[str, Any] = {}
    floor: float | None = None
    description = "this scorer ships no support matrix: every category is scored"
    undetermined = list(CATEGORIES)
    if support is not None:
        floor = support.floor
        description = support.description
        languages = support.to_json()["languages"]
        undetermined = [cat for cat in CATEGORIES if support.supported("und", cat)]
    return ModelsOut(
        models=[
            ModelOut(
                name=c.scorer.name,
                version=c.scorer.version,
                categories=list(CATEGORIES),
                floor=floor,
                description=description,
                undetermined=undetermined,
                languages=languages,
            )
        ]
    )
