"""Unmodified published clients against a real `civility serve`: googleapiclient and openai."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from googleapiclient.errors import HttpError
from tests.compat.server_process import Server, perspective_client, serve

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("compat-e2e"))) as s:
        yield s


@pytest.fixture
def client(server: Server) -> Iterator[object]:
    """Perspective's documented Python sample, with our URL."""
    with perspective_client(server) as c:
        yield c


def test_google_api_python_client(client: object) -> None:
    analyze_request = {
        "comment": {"text": "friendly greetings from python"},
        "requestedAttributes": {"TOXICITY": {}},
    }
    response = client.comments().analyze(body=analyze_request).execute()  # type: ignore[attr-defined]
    assert response["attributeScores"]["TOXICITY"]["summaryScore"]["value"] < 0.5
    toxic = (
        client.comments()
        .analyze(
            body={  # type: ignore[attr-defined]
                "comment": {"text": "What kind of idiot name is foo?"},
                "languages": ["en"],
                "requestedAttributes": {"TOXICITY": {}, "INSULT": {}},
                "spanAnnotations": True,
                "clientToken": "abc",
            }
        )
        .execute()
    )
    assert toxic["attributeScores"]["INSULT"]["summaryScore"]["value"] > 0.5
    assert toxic["attributeScores"]["INSULT"]["spanScores"]
    assert toxic["clientToken"] == "abc"
    with pytest.raises(HttpError) as err:
        client.comments().analyze(
            body={  # type: ignore[attr-defined]
                "comment": {"text": "x"},
                "requestedAttributes": {"SEXUALLY_EXPLICIT": {}},
            }
        ).execute()
    assert err.value.resp.status == 400
    assert "SEXUALLY_EXPLICIT" in str(err.value)


def test_openai_client(server: Server) -> None:
    with openai.OpenAI(api_key=server.key, base_url=f"{server.url}/v1", max_retries=0) as client:
        result = client.moderations.create(
            model="omni-moderation-latest", input=["I will kill you, idiot", "nice day"]
        )
        assert result.model
        toxic, clean = result.results
        assert toxic.flagged
        assert toxic.categories.harassment
        assert toxic.categories.violence
        assert toxic.category_scores.harassment > clean.category_scores.harassment
        assert not clean.flagged
        assert toxic.category_applied_input_types.harassment == ["text"]
        single = client.moderations.create(input="you stupid idiot")
        assert single.results[0].categories.harassment
        with pytest.raises(openai.BadRequestError):
            client.moderations.create(input="   ")
    with (
        openai.OpenAI(api_key="civ_wrong", base_url=f"{server.url}/v1", max_retries=0) as bad,
        pytest.raises(openai.AuthenticationError),
    ):
        bad.moderations.create(input="hello")
