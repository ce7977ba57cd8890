"""Civility: a self-hosted moderation service."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from civility.scoring.base import Scorer


def load_scorer() -> Scorer:
    """Returns the built-in default scorer (loaded from the model shipped in the package)."""
    from civility.scoring.model import load_scorer as _load

    return _load()
