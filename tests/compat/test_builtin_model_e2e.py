"""The built-in model behind a real `civility serve`: support matrix and threats, real clients."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from googleapiclient.errors import HttpError
from tests.compat.server_process import Server, perspective_client, serve

from civility.client import Civility

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("builtin-e2e")), CIVILITY_SCORER="builtin") as s:
        yield s


@pytest.fixture
def perspective(server: Server) -> Iterator[object]:
    """Perspective's documented Python sample, with our URL."""
    with perspective_client(server) as c:
        yield c


def _analyze(client: object, text: str, attrs: list[str], languages: list[str]) -> dict:  # type: ignore[type-arg]
    body = {
        "comment": {"text": text},
        "requestedAttributes": {a: {} for a in attrs},
        "languages": languages,
    }
    return client.comments().analyze(body=body).execute()  # type: ignore[attr-defined,no-any-return]


def test_perspective_client_gets_language_not_supported_by_attribute(perspective: object) -> None:
    ok = _analyze(perspective, "ты тупой идиот, заткнись", ["TOXICITY"], ["ru"])
    assert ok["attributeScores"]["TOXICITY"]["summaryScore"]["value"] > 0.5
    with pytest.raises(HttpError) as err:
        _analyze(perspective, "ты тупой идиот, заткнись", ["INSULT"], ["ru"])
    assert err.value.resp.status == 400
    error = json.loads(err.value.content)["error"]
    assert error["details"][0]["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert "INSULT does not support request languages: ru" in error["message"]


def test_threats_in_other_languages_block_and_unsupported_scores_are_null(server: Server) -> None:
    with Civility(server.url, server.key) as civ:
        [model] = civ.models()
        assert model.name == "civility-fast"
        assert not model.supported("ru", "insult")
        # French toxicity is unsupported (no French rows to measure on): the threat still acts.
        fr = civ.moderate("fr", "u-fr", "e2e", "je vais te tuer")
        assert fr.scores is not None
        assert fr.scores["toxicity"] is None
        for i, text in enumerate(["je vais te tuer", "я тебя убью", "seni öldüreceğim"]):
            # One author each: two blocks in a row earn the default policy's ban.
            decided = civ.moderate(f"t{i}", f"u{i}", "e2e", text)
            assert decided.action == "block", (text, decided.scores)
            assert decided.reasons[0].code == "threat"
            # The rule tier says 0.9; the learned threat head may say more.
            assert (decided.scores or {}).get("threat", 0.0) >= 0.9
        ru = civ.analyze("ты тупой идиот, заткнись")
        assert ru.language == "ru"
        assert ru.scores["insult"] is None
        assert "insult" in ru.unsupported
        assert (ru.scores["toxicity"] or 0.0) > 0.5
