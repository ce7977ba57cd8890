"""An author's data (admin only): everything stored as JSON, or erased."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

import anyio
from fastapi import APIRouter
from pydantic import BaseModel

from civility.api.deps import Admin, ContainerDep
from civility.api.routes.moderation import ERRORS
from civility.container import build_data_rights
from civility.privacy.service import erasure_payload

router = APIRouter(prefix="/v1/authors", tags=["data rights"])


class AuthorExport(BaseModel):
    """Every stored row about an author, by table; empty lists when nothing is stored."""

    author_id: str
    exported_at: datetime
    messages: list[dict[str, Any]]
    human_decisions: list[dict[str, Any]]
    enforcement: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    ratings: list[dict[str, Any]]
    rating_versions: list[dict[str, Any]]
    rating_flags: list[dict[str, Any]]
    rater_trust: list[dict[str, Any]]
    rating_reviews: list[dict[str, Any]]
    score_suggestions: list[dict[str, Any]]
    reports_made: list[dict[str, Any]]
    reports_about: list[dict[str, Any]]
    reporter: list[dict[str, Any]]
    appeals: list[dict[str, Any]]
    events: list[dict[str, Any]]


class ErasureOut(BaseModel):
    """How much was erased (what the `author.erased` event records)."""

    author_id: str
    messages: int
    notes: int
    ratings: int
    events: int
    reports: int
    appeals: int
    raters: int
    rating_reviews: int
    suggestions: int


@router.get("/{author_id}/export", response_model=AuthorExport, responses=ERRORS)
async def export_author(author_id: str, _: Admin, c: ContainerDep) -> AuthorExport:
    """Returns everything stored about an author: messages (text, metadata, scores,
    decisions), human decisions, strikes and bans, notes, ratings (with their versions,
    flags, learned trust and the review items naming them), score suggestions about their
    texts, reports they made, reports about their messages (without the reporters), their
    appeals, and the events about them."""
    data = await anyio.to_thread.run_sync(build_data_rights(c).export, author_id)
    return AuthorExport.model_validate(data)


@router.delete("/{author_id}", response_model=ErasureOut, responses=ERRORS)
async def erase_author(author_id: str, who: Admin, c: ContainerDep) -> ErasureOut:
    """Erases an author's texts, metadata, personal fields, notes and ratings; decisions,
    scores, strikes, bans and counts stay (texts read `[erased]`). Records `author.erased`
    with the counts only. Copies already delivered (webhooks, the event exchange) are not
    reachable from here."""
    erase = functools.partial(build_data_rights(c).erase, author_id, actor=who.id)
    erasure = await anyio.to_thread.run_sync(erase)
    return ErasureOut(author_id=author_id, **erasure_payload(erasure))
