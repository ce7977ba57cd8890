"""The whole schema: importing this registers every capability's tables on one MetaData.

Each capability keeps its tables in its own module next to the core ones; Alembic's env and
the schema test read `metadata` from here so nothing is missed.
"""

from __future__ import annotations

from civility.storage.tables import metadata

__all__ = ["metadata"]
