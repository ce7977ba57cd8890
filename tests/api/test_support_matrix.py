"""The support matrix through the API: null scores, no action on them, /v1/models, Perspective."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.conftest import Api

from civility.auth.keys import Role
from civility.client import _base
from civility.scoring.base import CATEGORIES, Explain, Scorer, TextAnalysis
from civility.scoring.lexicon import LexiconBaselineScorer
from civility.scoring.support import Cell, SupportMatrix

MATRIX = SupportMatrix.build(
    0.8,
    {
        "en": {c: Cell(True, 0.9, 200, 80, "validation_buckets") for c in CATEGORIES},
        "ru": {
            "toxicity": Cell(True, 0.95, 900, 300, "validation_buckets"),
            "insult": Cell(False, None, 0, 0, "none", "no labelled rows"),
        },
    },
    "matrix-double 1",
    "test matrix",
)


class MatrixScorer:
    """The lexicon double plus a support matrix: texts with Cyrillic letters are Russian."""

    name = "matrix-double"
    version = "1"

    def __init__(self) -> None:
        self.inner = LexiconBaselineScorer()
        self.support = MATRIX

    def unsupported(self, language: str) -> tuple[str, ...]:
        """Categories the matrix rules out for ``language``."""
        return self.support.unsupported(language)

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The lexicon's scores."""
        return self.inner.score(texts)

    def analyze(self, texts: Sequence[str], *, explain: Explain = True) -> list[TextAnalysis]:
        """The lexicon's analysis with a language and the matrix's verdict."""
        out = []
        for text, a in zip(texts, self.inner.analyze(texts, explain=explain), strict=True):
            lang = "ru" if re.search("[а-яё]", text) else "en"
            out.append(replace(a, language=lang, unsupported=self.unsupported(lang)))
        return out


@pytest.fixture
def api_scorer() -> Scorer:
    return MatrixScorer()


def test_analyze_publishes_null_for_unsupported_pairs(api: Api) -> None:
    r = api.client.post(
        "/v1/analyze", headers=api.headers(Role.SERVICE), json={"texts": ["ты idiot", "idiot"]}
    )
    assert r.status_code == 200, r.text
    ru, en = r.json()["results"]
    assert ru["language"] == "ru"
    assert ru["scores"]["toxicity"] > 0.5
    assert ru["scores"]["insult"] is None
    assert set(ru["unsupported"]) == set(CATEGORIES) - {"toxicity"}
    assert en["scores"]["insult"] > 0.5
    assert en["unsupported"] == []


def test_policy_never_acts_on_an_unsupported_score(api: Api) -> None:
    # "dick" is obscene-only for the lexicon: supported in English, not in Russian.
    def moderate(text: str, mid: str) -> Any:
        body = {"message_id": mid, "author_id": "u1", "channel_id": "c", "text": text}
        r = api.client.post("/v1/moderate", headers=api.headers(Role.SERVICE), json=body)
        assert r.status_code == 200, r.text
        return r.json()

    en = moderate("dick", "m1")
    ru = moderate("ты dick", "m2")
    assert en["decision"] != "allow"
    assert ru["decision"] == "allow"
    assert ru["scores"]["obscene"] is None
    assert ru["reasons"] == []
    fetched = api.client.get(f"/v1/messages/{ru['id']}", headers=api.headers(Role.SERVICE))
    assert fetched.json()["scores"]["obscene"] is None


def test_models_route_publishes_the_matrix(api: Api) -> None:
    r = api.client.get("/v1/models", headers=api.headers(Role.SERVICE))
    assert r.status_code == 200, r.text
    [info] = _base.parse_models(r.json())  # what the SDK's models() returns
    assert info.supported("ru", "toxicity")
    assert not info.supported("ru", "insult")
    assert not info.supported("nl", "toxicity")
    assert info.supported("und", "insult")
    [model] = r.json()["models"]
    assert model["floor"] == 0.8
    assert model["languages"]["ru"]["toxicity"]["supported"] is True
    assert model["languages"]["ru"]["insult"]["supported"] is False
    assert model["languages"]["ru"]["insult"]["note"] == "no labelled rows"
    # Undetermined texts keep every category some language supports.
    assert model["undetermined"] == list(CATEGORIES)
    assert api.client.get("/v1/models").status_code == 401


def test_perspective_answers_language_not_supported_by_attribute(api: Api) -> None:
    def analyze(text: str, attrs: list[str], languages: list[str] | None = None) -> Any:
        body: dict[str, Any] = {
            "comment": {"text": text},
            "requestedAttributes": {a: {} for a in attrs},
        }
        if languages is not None:
            body["languages"] = languages
        return api.client.post(
            "/v1alpha1/comments:analyze", params={"key": api.keys[Role.SERVICE]}, json=body
        )

    ok = analyze("ты idiot", ["TOXICITY"])
    assert ok.status_code == 200, ok.text
    # Detected Russian, and asked for a Russian text: INSULT is not available in Russian.
    for r in (analyze("ты idiot", ["INSULT"]), analyze("idiot", ["INSULT"], ["ru"])):
        assert r.status_code == 400, r.text
        error = r.json()["error"]
        assert error["status"] == "INVALID_ARGUMENT"
        assert "INSULT does not support request languages: ru" in error["message"]
        assert error["details"][0]["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    # A language the model knows nothing of is unsupported for every attribute.
    nl = analyze("idiot", ["TOXICITY"], ["nl"])
    assert nl.status_code == 400
    assert nl.json()["error"]["details"][0]["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"


def test_openai_route_does_not_evaluate_unsupported_categories(api: Api) -> None:
    r = api.client.post(
        "/v1/moderations", headers=api.headers(Role.SERVICE), json={"input": "ты kill you"}
    )
    assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    # Russian: only toxicity is supported, so violence (threat) and hate are not evaluated.
    for name in ("violence", "hate", "hate/threatening"):
        assert result["category_scores"][name] == 0.0
        assert result["categories"][name] is False
        assert result["category_applied_input_types"][name] == []
    assert result["category_applied_input_types"]["harassment"] == ["text"]
    en = api.client.post(
        "/v1/moderations", headers=api.headers(Role.SERVICE), json={"input": "I will kill you"}
    ).json()["results"][0]
    assert en["categories"]["violence"] is True
    assert en["category_applied_input_types"]["violence"] == ["text"]


def test_matrix_json_round_trip_and_undetermined_union() -> None:
    again = SupportMatrix.from_json(MATRIX.to_json())
    assert again.to_json() == MATRIX.to_json()
    assert again.unsupported("ru") == tuple(c for c in CATEGORIES if c != "toxicity")
    assert again.unsupported("nl") == CATEGORIES
    assert again.unsupported("und") == ()
    assert again.supported_languages("insult") == ("en",)


def test_review_items_publish_null_for_unsupported_pairs(api: Api) -> None:
    body = {"message_id": "r1", "author_id": "u9", "channel_id": "c", "text": "ты idiot"}
    decided = api.client.post("/v1/moderate", headers=api.headers(Role.SERVICE), json=body)
    assert decided.json()["decision"] in ("hide", "block"), decided.text
    item = api.client.get(f"/v1/review/{decided.json()['id']}", headers=api.headers(Role.MODERATOR))
    assert item.status_code == 200, item.text
    scores = item.json()["item"]["scores"]
    assert scores["toxicity"] > 0.5
    assert scores["insult"] is None


def test_dashboard_says_a_score_is_not_measured_in_the_language(api: Api) -> None:
    from civility.auth.dashboard import DashboardRole

    body = {"message_id": "d1", "author_id": "u8", "channel_id": "c", "text": "ты idiot"}
    decided = api.client.post("/v1/moderate", headers=api.headers(Role.SERVICE), json=body)
    api.container.dashboard.create(
        "mod", "correct horse battery", DashboardRole.MODERATOR, actor="test"
    )
    # The dashboard's same-origin checks want a local host name (as tests/web does).
    web = TestClient(api.client.app, base_url="http://127.0.0.1")
    form = web.get("/dashboard/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token
    login = web.post(
        "/dashboard/login",
        data={"username": "mod", "password": "correct horse battery", "csrf_token": token[1]},
        follow_redirects=False,
    )
    assert login.status_code == 303, login.text
    page = web.get(f"/dashboard/queue/items/{decided.json()['id']}")
    assert page.status_code == 200
    assert "not measured in ru" in page.text
    assert page.text.count("not measured in ru") == len(CATEGORIES) - 1
