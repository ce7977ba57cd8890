"""A decision made later in Civility reaches Coral through Coral's own moderation API.

A real `civility serve` (Coral's moderation phase, webhooks), the bridge of
examples/coral_bridge, and a stand-in for Coral's GraphQL endpoint that accepts exactly the
requests Coral's admin makes (`approveComment` / `rejectComment` with commentID,
commentRevisionID and clientMutationId, a Bearer token) and sends Coral's signed
COMMENT_CREATED webhook.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from examples.coral_bridge.app import Config, create_app
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from tests.compat.server_process import Server, free_port, serve
from tests.compat.test_compat_coral import TOXIC, coral_request

from civility.client import Civility
from civility.compat.coral import sign

pytestmark = pytest.mark.e2e
PHASE_SECRET = "phase-secret"
CORAL_WEBHOOK_SECRET = "coral-webhook-secret"
TOKEN = "coral-moderator-token"
STORY = "245b3856-b0a0-4d2f-a6bb-58c71f18d6a6"
AUTHOR = "baf4e943-3594-4fcc-b2ba-3e8de7a76352"


def fake_coral(comments: dict[str, dict[str, Any]], calls: list[dict[str, Any]]) -> FastAPI:
    """Coral's GraphQL endpoint as the bridge uses it; refuses anything else."""
    app = FastAPI()

    @app.post("/api/graphql")
    async def graphql(request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return JSONResponse({"errors": [{"message": "UNAUTHENTICATED"}]}, status_code=401)
        body = await request.json()
        query, variables = body["query"], body["variables"]
        if "comment(id: $id)" in query:
            return JSONResponse({"data": {"comment": comments.get(variables["id"])}})
        for name, status in (("approveComment", "APPROVED"), ("rejectComment", "REJECTED")):
            if f"{name}(input: $input)" in query:
                given = variables["input"]
                assert set(given) == {"commentID", "commentRevisionID", "clientMutationId"}
                comment = comments[given["commentID"]]
                assert given["commentRevisionID"] == comment["revision"]["id"]
                comment["status"] = status
                calls.append({"mutation": name, **given})
                return JSONResponse(
                    {
                        "data": {
                            name: {
                                "comment": {"id": comment["id"], "status": status},
                                "clientMutationId": given["clientMutationId"],
                            }
                        }
                    }
                )
        return JSONResponse({"errors": [{"message": "unknown operation"}]})

    return app


@contextmanager
def served(app: FastAPI, port: int) -> Iterator[str]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    assert eventually(lambda: server.started or not thread.is_alive(), 30)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def eventually(check: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        threading.Event().wait(0.05)
    return check()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = Path(tmp_path_factory.mktemp("coral-bridge"))
    env = {
        "CIVILITY_WEBHOOK_ALLOWED_TARGETS": "127.0.0.1",
        "CIVILITY_CORAL_SIGNING_SECRETS": PHASE_SECRET,
    }
    with serve(data, **env) as s:
        yield s


def test_a_moderators_later_decision_reaches_coral(server: Server, tmp_path: Path) -> None:
    comments: dict[str, dict[str, Any]] = {}
    calls: list[dict[str, Any]] = []
    coral_port, bridge_port = free_port(), free_port()
    with (
        Civility(server.url, server.key) as civ,
        served(fake_coral(comments, calls), coral_port) as coral_url,
    ):
        sub = civ.request(
            "POST",
            "/v1/webhooks",
            json={"url": f"http://127.0.0.1:{bridge_port}/civility", "event_types": ["message.*"]},
        )
        config = Config(
            civility_url=server.url,
            civility_key=server.key,
            civility_webhook_secret=sub["secret"],
            coral_graphql_url=f"{coral_url}/api/graphql",
            coral_token=TOKEN,
            coral_webhook_secrets=CORAL_WEBHOOK_SECRET,
            database=str(tmp_path / "bridge.db"),
        )
        with served(create_app(config), bridge_port) as bridge, httpx.Client() as http:
            # 1. Coral's moderation phase: the comment is withheld.
            raw = json.dumps(coral_request(TOXIC), indent=2).encode()
            phase = http.post(
                f"{server.url}/v1/coral/moderation-phase",
                content=raw,
                headers={
                    "Content-Type": "application/json",
                    "X-Coral-Signature": sign(PHASE_SECRET, raw),
                },
            )
            assert phase.status_code == 200, phase.text
            assert phase.json()["status"] in ("SYSTEM_WITHHELD", "REJECTED")
            message_id = phase.json()["metadata"]["civility"]["id"]

            # 2. Coral creates the comment (HTML body) and sends its signed webhook.
            comments["c-1"] = {
                "id": "c-1",
                "body": f"<p>{TOXIC}</p>",
                "status": phase.json()["status"],
                "author": {"id": AUTHOR},
                "story": {"id": STORY},
                "parent": None,
                "revision": {"id": "r-1"},
            }
            created = json.dumps(
                {
                    "id": "evt-1",
                    "type": "COMMENT_CREATED",
                    "data": {"commentID": "c-1", "storyID": STORY, "siteID": "s"},
                    "createdAt": "2026-12-07T00:00:00.000Z",
                    "tenantID": "t",
                    "tenantDomain": "localhost",
                }
            ).encode()
            forged = http.post(
                f"{bridge}/coral",
                content=created,
                headers={"X-Coral-Signature": sign("no", created)},
            )
            assert forged.status_code == 400
            known = http.post(
                f"{bridge}/coral",
                content=created,
                headers={"X-Coral-Signature": sign(CORAL_WEBHOOK_SECRET, created)},
            )
            assert known.json() == {"known": True}
            assert calls == []  # the automated decision reached Coral in its phase already

            # 3. A moderator approves it in Civility: Coral approves the comment's revision.
            civ.request("POST", f"/v1/review/{message_id}/resolve", json={"action": "approve"})
            assert eventually(lambda: len(calls) == 1), "Coral was not told"
            assert (calls[0]["mutation"], calls[0]["commentID"]) == ("approveComment", "c-1")
            assert calls[0]["commentRevisionID"] == "r-1"
            assert comments["c-1"]["status"] == "APPROVED"

            # 4. Reversed with a note: Coral rejects it again.
            civ.request("POST", f"/v1/review/{message_id}/reverse", json={"note": "a threat"})
            assert eventually(lambda: len(calls) == 2), "Coral was not told of the reversal"
            assert calls[1]["mutation"] == "rejectComment"
            assert comments["c-1"]["status"] == "REJECTED"
