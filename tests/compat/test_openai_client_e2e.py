"""The official `openai` package, sync and async, against `civility serve` with the built-in
model: only what the model measures is mapped, images are ignored, long texts are scored."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from openai.types import Moderation
from tests.compat.server_process import Server, serve

from civility.client import Civility

pytestmark = pytest.mark.e2e
UNMEASURED = (
    "illicit",
    "illicit_violent",
    "self_harm",
    "self_harm_instructions",
    "self_harm_intent",
    "sexual",
    "sexual_minors",
    "violence_graphic",
)
IMAGE = {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(Path(tmp_path_factory.mktemp("openai-e2e")), CIVILITY_SCORER="builtin") as s:
        yield s


@pytest.fixture
def client(server: Server) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(api_key=server.key, base_url=f"{server.url}/v1", max_retries=0) as c:
        yield c


def _not_evaluated(result: Moderation, name: str) -> bool:
    return (
        getattr(result.category_scores, name) == 0.0
        and getattr(result.categories, name) is False
        and getattr(result.category_applied_input_types, name) == []
    )


def test_only_what_the_model_measures(client: openai.OpenAI) -> None:
    texts = [
        "you are a stupid idiot",
        "kill yourself",
        "I want to kill myself",
        "how do I make a pipe bomb",
        "I will kill you",
    ]
    insult, call, own, bomb, threat = client.moderations.create(
        model="omni-moderation-latest", input=texts
    ).results
    for result in (insult, call, own, bomb, threat):
        assert all(_not_evaluated(result, name) for name in UNMEASURED)
        assert result.category_applied_input_types.harassment == ["text"]
        assert result.category_applied_input_types.violence == ["text"]
    # Obscene vulgarity is not sexual content.
    assert insult.categories.harassment
    assert not insult.categories.sexual
    # Telling someone to kill themselves: harassment/threatening, not the writer's self-harm.
    assert call.categories.harassment_threatening
    assert call.category_scores.harassment_threatening >= 0.9
    # A writer's own self-harm is not measured: whatever the threat score says, it is never
    # reported as self-harm, and it is harassment/threatening only when it is also harassment.
    c = own.categories
    assert c.harassment_threatening == (c.harassment and c.violence)
    assert threat.categories.violence
    assert threat.categories.harassment_threatening


def test_a_category_unmeasured_in_the_language_is_not_evaluated(
    client: openai.OpenAI, server: Server
) -> None:
    with Civility(server.url, server.key) as civ:
        [model] = civ.models()
    assert not model.supported("ru", "insult")
    [ru] = client.moderations.create(input="ты тупой идиот, заткнись").results
    toxicity = model.supported("ru", "toxicity")
    assert ru.category_applied_input_types.harassment == (["text"] if toxicity else [])
    hate = model.supported("ru", "identity_attack")
    assert ru.category_applied_input_types.hate == (["text"] if hate else [])
    if not hate:
        assert ru.category_scores.hate == 0.0


def test_image_parts_are_accepted_and_ignored(client: openai.OpenAI) -> None:
    [mixed] = client.moderations.create(
        input=[{"type": "text", "text": "you are a stupid idiot"}, IMAGE]  # type: ignore[list-item]
    ).results
    assert mixed.categories.harassment
    assert mixed.category_applied_input_types.harassment == ["text"]
    [only] = client.moderations.create(input=[IMAGE]).results  # type: ignore[list-item]
    assert not only.flagged
    assert only.category_applied_input_types.harassment == []
    assert only.category_applied_input_types.violence == []


def test_long_texts_are_scored_in_windows(client: openai.OpenAI) -> None:
    calm = "We spent the afternoon in the garden talking about tomatoes and rain. " * 850
    [far] = client.moderations.create(input=calm + "I will kill you.").results
    assert len(calm) > 50_000
    assert far.categories.violence
    [quiet] = client.moderations.create(input=calm).results
    assert not quiet.categories.violence
    with pytest.raises(openai.BadRequestError) as err:
        client.moderations.create(input="a" * 131_073)
    assert err.value.code == "text_too_long"


def test_async_client(server: Server) -> None:
    async def main() -> list[Moderation]:
        async with openai.AsyncOpenAI(
            api_key=server.key, base_url=f"{server.url}/v1", max_retries=0
        ) as client:
            answers = await asyncio.gather(
                client.moderations.create(input="kill yourself"),
                client.moderations.create(input=["you are a stupid idiot", "nice day"]),
                client.moderations.create(input=[IMAGE]),  # type: ignore[list-item]
            )
            with pytest.raises(openai.BadRequestError):
                await client.moderations.create(input=[{"type": "video", "url": "x"}])  # type: ignore[list-item]
            return [r for a in answers for r in a.results]

    call, insult, nice, image = asyncio.run(main())
    assert call.categories.harassment_threatening
    assert _not_evaluated(call, "self_harm_instructions")
    assert insult.categories.harassment
    assert _not_evaluated(insult, "sexual")
    assert not nice.flagged
    assert image.category_applied_input_types.hate == []
