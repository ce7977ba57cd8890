"""The bridge: Coral tells it which comment was created, Civility tells it what was decided.

    Coral ──COMMENT_CREATED webhook──▶ bridge ──comment(id) query──▶ Coral   (remember ids)
    Civility ──message.* webhook (a person decided)──▶ bridge ──approveComment /
                                                               rejectComment──▶ Coral

Coral's external moderation phase runs before a comment exists, so it carries no comment id;
Coral's COMMENT_CREATED webhook does. The bridge pairs the two by story, author and text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from civility.client import AsyncCivility, Event
from civility.client.webhooks import HEADER, WebhookVerificationError, verify_signature
from civility.compat.coral import CHANNEL_PREFIX, SIGNATURE_HEADER, signature_valid

from .coral import Comment, CoralApi, CoralError, plain

log = structlog.get_logger(__name__)
COMMENT_EVENTS = ("COMMENT_CREATED", "COMMENT_REPLY_CREATED")
SHOWN = ("allow", "flag")


@dataclass
class Config:
    """Where Civility and Coral are, and the secrets of both webhooks."""

    civility_url: str
    civility_key: str  # reads messages (a service or admin key)
    civility_webhook_secret: str  # of the Civility subscription to POST /civility
    coral_graphql_url: str  # https://coral.example/api/graphql
    coral_token: str  # an access token of a Coral moderator or admin
    coral_webhook_secrets: str  # Coral webhook signing secret(s), comma-separated
    database: str = "coral-bridge.db"

    @classmethod
    def from_env(cls) -> Config:
        """Reads the CIVILITY_* and CORAL_* variables of README.md."""
        env = os.environ
        return cls(
            civility_url=env.get("CIVILITY_URL", "http://127.0.0.1:8000"),
            civility_key=env["CIVILITY_API_KEY"],
            civility_webhook_secret=env["CIVILITY_WEBHOOK_SECRET"],
            coral_graphql_url=env["CORAL_GRAPHQL_URL"],
            coral_token=env["CORAL_TOKEN"],
            coral_webhook_secrets=env["CORAL_WEBHOOK_SECRETS"],
            database=env.get("BRIDGE_DB", "coral-bridge.db"),
        )


class Comments:
    """Coral comments seen, keyed by what Civility also knows: story, author, text."""

    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS comments (id TEXT PRIMARY KEY, revision_id TEXT,"
                " story_id TEXT, author_id TEXT, parent_id TEXT, text TEXT)"
            )
            self._db.execute(
                "CREATE INDEX IF NOT EXISTS comments_key ON comments (story_id, author_id)"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS done (event_id TEXT PRIMARY KEY)")

    def done(self, event_id: str) -> bool:
        """Tells whether a Civility event was carried to Coral already."""
        with self._lock:
            row = self._db.execute("SELECT 1 FROM done WHERE event_id=?", (event_id,)).fetchone()
        return row is not None

    def mark_done(self, event_id: str) -> None:
        """Remembers that a Civility event reached Coral (deliveries come at least once)."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO done VALUES (?)", (event_id,))

    def add(self, c: Comment) -> None:
        """Remembers a comment (its newest revision)."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO comments VALUES (?,?,?,?,?,?)",
                (c.id, c.revision_id, c.story_id, c.author_id, c.parent_id, c.text),
            )

    def find(self, story_id: str, author_id: str, text: str) -> Comment | None:
        """The newest comment of an author on a story with this text."""
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM comments WHERE story_id=? AND author_id=? AND text=?"
                " ORDER BY rowid DESC LIMIT 1",
                (story_id, author_id, plain(text)),
            ).fetchone()
        return None if row is None else Comment(*row)

    def close(self) -> None:
        """Closes the database."""
        self._db.close()


def create_app(config: Config) -> FastAPI:
    """Builds the bridge."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.comments = Comments(config.database)
        app.state.http = httpx.AsyncClient(timeout=10)
        app.state.coral = CoralApi(config.coral_graphql_url, config.coral_token, app.state.http)
        app.state.civ = AsyncCivility(config.civility_url, config.civility_key)
        try:
            yield
        finally:
            await app.state.civ.aclose()
            await app.state.http.aclose()
            app.state.comments.close()

    app = FastAPI(title="Civility → Coral bridge", lifespan=lifespan)
    coral_secrets = [s.strip() for s in config.coral_webhook_secrets.split(",") if s.strip()]

    @app.post("/coral", response_model=None)
    async def coral_webhook(request: Request) -> Response:
        """Coral's COMMENT_CREATED / COMMENT_REPLY_CREATED: look the comment up, remember it."""
        raw = await request.body()
        if not signature_valid(coral_secrets, request.headers.get(SIGNATURE_HEADER), raw):
            return JSONResponse({"error": "bad X-Coral-Signature"}, status_code=400)
        event = json.loads(raw)
        if event.get("type") not in COMMENT_EVENTS:
            return JSONResponse({"ignored": event.get("type")})
        try:
            comment = await request.app.state.coral.comment(event["data"]["commentID"])
        except (CoralError, httpx.HTTPError) as exc:
            log.warning("bridge.coral_lookup_failed", error=str(exc))
            return JSONResponse({"error": "Coral lookup failed"}, status_code=503)
        if comment is not None:
            request.app.state.comments.add(comment)
        return JSONResponse({"known": comment is not None})

    @app.post("/civility", response_model=None)
    async def civility_webhook(request: Request) -> Response:
        """Civility's message.* events: a person's decision on a Coral comment goes to Coral."""
        raw = await request.body()
        try:
            verify_signature(config.civility_webhook_secret, request.headers.get(HEADER), raw)
        except WebhookVerificationError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        event = Event.from_json(json.loads(raw))
        change = event.decision_change()
        channel = event.channel_id or ""
        if change is None or change.source == "automated" or not channel.startswith(CHANNEL_PREFIX):
            # Automated decisions reached Coral in its moderation phase already.
            return JSONResponse({"ignored": event.type})
        if request.app.state.comments.done(event.id):
            return JSONResponse({"duplicate": event.id})  # a redelivery: Coral was told
        author = str(event.payload.get("author_id", ""))
        text = await _text(request.app.state.civ, channel, author, change.message_id)
        comment = request.app.state.comments.find(channel[len(CHANNEL_PREFIX) :], author, text)
        if comment is None:
            # Coral's COMMENT_CREATED may still be on its way: a 503 makes Civility retry.
            return JSONResponse({"error": "comment not known yet"}, status_code=503)
        try:
            status = await request.app.state.coral.moderate(comment, change.decision in SHOWN)
        except (CoralError, httpx.HTTPError) as exc:
            log.warning("bridge.coral_moderation_failed", error=str(exc))
            return JSONResponse({"error": "Coral refused or is down"}, status_code=503)
        request.app.state.comments.mark_done(event.id)
        log.info("bridge.moderated", comment=comment.id, status=status, event_id=event.id)
        return JSONResponse({"comment": comment.id, "status": status})

    return app


async def _text(civ: AsyncCivility, channel: str, author: str, message_id: str) -> str:
    # GET /v1/messages/{id} leaves the text out; the listing of the author's messages has it.
    async for message in civ.iter_messages(channel_id=channel, author_id=author, limit=100):
        if message.id == message_id:
            return message.text or ""
    return ""


def app() -> FastAPI:
    """The bridge configured from the environment (for `uvicorn --factory`)."""
    return create_app(Config.from_env())
