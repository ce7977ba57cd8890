"""The whole schema: importing this registers every capability's tables on one MetaData.

Each capability keeps its tables in its own module next to the core ones; Alembic's env and
the schema test read `metadata` from here so nothing is missed.
"""

from __future__ import annotations

from civility.storage import (
    tables_appeals,  # noqa: F401
    tables_dashboard,  # noqa: F401
    tables_decisions,  # noqa: F401
    tables_enforcement,  # noqa: F401
    tables_outbox,  # noqa: F401
    tables_ratings,  # noqa: F401
    tables_review,  # noqa: F401
    tables_suggestions,  # noqa: F401
    tables_webhooks,  # noqa: F401
)
from civility.storage.tables import metadata

__all__ = ["metadata"]
