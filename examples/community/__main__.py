"""`python -m examples.community`: serves the example on COMMUNITY_PORT (default 8100)."""

from __future__ import annotations

import os

import uvicorn

from .app import app

if __name__ == "__main__":
    uvicorn.run(app(), host="127.0.0.1", port=int(os.environ.get("COMMUNITY_PORT", "8100")))
