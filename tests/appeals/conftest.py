"""Shared fixtures and request helpers of the reports and appeals tests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import Api
from tests.review.review_seed import DEMO, seed

from civility.auth.keys import Role


@pytest.fixture
def ids(api: Api) -> list[str]:
    """The review seed's demo messages, stored; their ids in seed order."""
    return seed(api.container.db, DEMO, api.container.clock.now())


def post(api: Api, path: str, body: Any, role: Role = Role.SERVICE) -> Any:
    """POSTs JSON with a key of ``role`` (the platform's service key by default)."""
    return api.client.post(path, json=body, headers=api.headers(role))


def get(api: Api, path: str, role: Role = Role.MODERATOR, **params: Any) -> Any:
    """GETs with a key of ``role`` (a moderator's by default)."""
    return api.client.get(path, params=params, headers=api.headers(role))
