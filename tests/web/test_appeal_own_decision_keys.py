"""The Appeals tab hides Uphold/Deny from the person who made the decision appealed, also when
they made it with an API key created for them (issue 17); any other moderator sees them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.review.review_seed import DEMO, seed

from civility.api.app import create_app
from civility.appeals.models import AppealKind
from civility.appeals.service import NewAppeal
from civility.auth.dashboard import DashboardRole
from civility.auth.keys import Role
from civility.clock import ManualClock
from civility.container import Container, build_container
from civility.moderation.lookup import MessageRef
from civility.review.models import Resolution, ResolveRequest
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.settings import Settings

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
OWN = "You made the decision this appeal is about"


@pytest.fixture
def built(settings: Settings, clock: ManualClock) -> Iterator[tuple[TestClient, Container, str]]:
    containers: list[Container] = []

    def build() -> Container:
        c = build_container(settings, clock=clock, scorer=LexiconBaselineScorer())
        containers.append(c)
        return c

    with TestClient(create_app(build), base_url="http://127.0.0.1") as client:
        c = containers[0]
        for name in ("ana", "bo"):
            c.dashboard.create(name, PASSWORD, DashboardRole.MODERATOR, actor="test")
        flagged = seed(c.db, DEMO, clock.now())[0]  # troll42's flagged message
        key = c.api_keys.create(Role.MODERATOR, user="ana")
        c.review.resolve(flagged, f"key:{key.key_id}", ResolveRequest(Resolution.REMOVE))
        new = NewAppeal(AppealKind.DECISION, "troll42", "a joke", MessageRef(id=flagged))
        yield client, c, c.appeals.submit(new).appeal.id


def _login(client: TestClient, username: str) -> None:
    client.cookies.clear()
    match = CSRF.search(client.get("/dashboard/login").text)
    assert match
    form = {"username": username, "password": PASSWORD, "csrf_token": match.group(1)}
    assert client.post("/dashboard/login", data=form, follow_redirects=False).status_code == 303


def test_the_keys_owner_sees_no_buttons_and_another_moderator_does(
    built: tuple[TestClient, Container, str],
) -> None:
    client, c, appeal_id = built
    _login(client, "ana")
    page = client.get(f"/dashboard/appeals?item={appeal_id}").text
    assert OWN in page
    assert f'action="/dashboard/appeals/{appeal_id}/decide"' not in page
    panel = client.get(f"/dashboard/appeals/{appeal_id}", headers={"HX-Request": "true"}).text
    assert OWN in panel
    csrf = CSRF.search(page)
    assert csrf
    refused = client.post(
        f"/dashboard/appeals/{appeal_id}/decide",
        data={"outcome": "uphold", "csrf_token": csrf.group(1)},
    )
    assert refused.status_code == 403
    assert c.appeals.get(appeal_id).is_open

    _login(client, "bo")
    page = client.get(f"/dashboard/appeals?item={appeal_id}").text
    assert OWN not in page
    assert f'action="/dashboard/appeals/{appeal_id}/decide"' in page
